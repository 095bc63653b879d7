"""Dependencies point one way: app.py -> loaders/ -> indicators/."""

import ast
import subprocess
import sys

import pytest

from tests.conftest import ROOT

# `__main__` is an entry point like app.py: it may reach up to loaders.
LIBRARY = sorted(p for p in (ROOT / "indicators").glob("*.py") if p.name != "__main__.py")


def _imports(path: object) -> set[str]:
    tree = ast.parse((ROOT / str(path)).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.name)
def test_indicators_imports_neither_streamlit_nor_yaml(path: object) -> None:
    assert not _imports(path) & {"streamlit", "yaml", "loaders"}


@pytest.mark.parametrize("path", sorted((ROOT / "loaders").glob("*.py")), ids=lambda p: p.name)
def test_loaders_do_not_draw(path: object) -> None:
    assert "streamlit" not in _imports(path)


@pytest.mark.parametrize("path", [*LIBRARY, *sorted((ROOT / "loaders").glob("*.py"))],
                         ids=lambda p: p.name)
def test_every_module_has_a_docstring(path: object) -> None:
    assert ast.get_docstring(ast.parse((ROOT / str(path)).read_text(encoding="utf-8")))


def test_the_checking_child_reads_no_catalog() -> None:
    # Every check of a draft or of a new version starts a child: parsing the three .po
    # catalogs there would cost each check for words it never writes.
    done = subprocess.run(
        [sys.executable, "-c", "import sys, loaders.sandbox, loaders.history; "
                               "print(sorted(m for m in sys.modules if m in "
                               "('indicators.labels', 'indicators.formatting', 'streamlit')))"],
        capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"
