"""The documentation keeps up with the code: every validator message is in EDITING.md."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

# The modules whose messages reach an editor.
MESSAGE_MODULES = ["indicators/checks.py", "indicators/validation.py", "indicators/periods.py",
                   "indicators/models.py", "indicators/fields.py", "indicators/consistency.py",
                   "loaders/yaml_file.py", "loaders/yaml_text.py", "loaders/yaml_syntax.py",
                   "loaders/files.py", "loaders/sandbox.py"]
# Calls whose first argument is a message, and helpers that return message pieces.
MESSAGE_CALLS = {"Problem", "ValueError", "fail"}
MESSAGE_HELPERS = {"_range_message", "_unknown_field", "_unknown", "_plain_message", "too_big",
                   "_cannot_read", "_limit_problem"}
GUIDE = (ROOT / "EDITING.md").read_text(encoding="utf-8")


def _skeleton(node: ast.expr) -> str | None:
    """A message with each variable part written as '…', as the guide writes it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{0}", "…")
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "…"
                       for part in node.values)
    return None


def _messages(path: Path) -> set[str]:
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            # `fail(node, message)` takes the message second.
            argument = node.args[-1] if name == "fail" else node.args[0]
            if name in MESSAGE_CALLS and (text := _skeleton(argument)):
                found.add(text)
        elif isinstance(node, ast.FunctionDef) and node.name in MESSAGE_HELPERS:
            found |= {text for sub in ast.walk(node) if isinstance(sub, ast.JoinedStr)
                      and (text := _skeleton(sub))}
        elif isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "_TRAPS":
            assert node.value is not None
            found |= {text for sub in ast.walk(node.value) if isinstance(sub, ast.Constant)
                      and isinstance(sub.value, str) and "{0}" in sub.value
                      and (text := _skeleton(sub))}
    return found


ALL_MESSAGES = sorted({m for module in MESSAGE_MODULES for m in _messages(ROOT / module)})


def test_messages_were_found() -> None:
    assert len(ALL_MESSAGES) > 40  # the scan itself must not silently find nothing


@pytest.mark.parametrize("message", ALL_MESSAGES)
def test_every_message_is_in_the_editing_guide(message: str) -> None:
    pieces = [piece for piece in message.split("…") if len(piece.strip(" '();.:,")) > 2]
    assert all(piece in GUIDE for piece in pieces), (
        f"EDITING.md does not explain: {message!r}")


def test_readme_links_the_guide_and_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "[EDITING.md](EDITING.md)" in readme
    blocks = readme.split("```bash\n")[1:3]
    venv = "python3 -m venv .venv && . .venv/bin/activate && "
    assert blocks[0].startswith(venv + "python -m pip install -e . && streamlit run app.py\n")
    assert blocks[1].startswith(venv + 'python -m pip install -e ".[test]" && python -m pytest\n')


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme.split("```bash\n")[2].splitlines()[0]
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
