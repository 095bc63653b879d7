"""Each figure's history from the repository: when its value, period or source changed."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# The fields whose change a reader of a citation needs to know about.
TRACKED = ("value", "qualifier", "period", "as_of", "breakdown", "source")
# A repository's history is read with git, bounded in time: a slow disk is no hang.
GIT_SECONDS = 30
# Enough for every change the file has seen; older changes are not read.
MAX_COMMITS = 500

try:  # the C loader: each past version of the file is parsed once
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class Change:
    """One commit that added, changed or removed a figure."""

    day: str  # ISO date of the commit
    commit: str  # short hash
    message: str  # the commit's subject line
    fields: tuple[tuple[str, str, str], ...]  # (field, before, after); "" where absent


def histories(path: str | Path) -> dict[str, list[Change]] | None:
    """Every figure's changes, oldest first; None when the file is not in a git repository.

    One pass over the file's commits: each past version is read once, whatever the number
    of figures.
    """
    path = Path(path).resolve()
    name = git(["ls-files", "--full-name", "--", path.name], path.parent)
    if not name:
        return None
    log = git(["log", f"-n{MAX_COMMITS}", "--format=%h%x09%cs%x09%s", "--", path.name],
               path.parent)
    found: dict[str, list[Change]] = {}
    before: dict[str, dict[str, str]] = {}
    for line in reversed(log.splitlines()):
        commit, day, message = [*line.split("\t", 2), "", ""][:3]
        now = _figures(git(["show", f"{commit}:{name}"], path.parent))
        for figure_id in sorted(now.keys() | before.keys()):
            fields = _difference(before.get(figure_id, {}), now.get(figure_id, {}))
            if fields:
                found.setdefault(figure_id, []).append(Change(day, commit, message, fields))
        before = now
    return found


def _figures(text: str) -> dict[str, dict[str, str]]:
    """The tracked fields of every figure in one past version of the file (empty if unreadable)."""
    try:
        document = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return {}
    figures = document.get("figures") if isinstance(document, dict) else None
    if not isinstance(figures, list):
        return {}
    return {str(figure["id"]): {field: _text(figure.get(field)) for field in TRACKED}
            for figure in figures if isinstance(figure, dict) and "id" in figure}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{key}: {member}" for key, member in sorted(value.items()))
    return str(value)


def _difference(old: dict[str, str], new: dict[str, str]) -> tuple[tuple[str, str, str], ...]:
    return tuple((field, old.get(field, ""), new.get(field, "")) for field in TRACKED
                 if old.get(field, "") != new.get(field, ""))


def git(arguments: list[str], folder: Path) -> str:
    """A git command's output in `folder`, or "" when git or the repository is missing."""
    try:
        done = subprocess.run(["git", *arguments], cwd=folder, capture_output=True,  # noqa: S603,S607
                              text=True, timeout=GIT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
