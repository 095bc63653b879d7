"""Problems found in a dataset file, each pointing at a line and column an editor can open."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Any, Literal

from indicators.text import excerpt

Path = tuple[str | int, ...]
Severity = Literal["error", "warning"]

# Control characters from the data (C0 but line feed and tab, DEL, C1) written visibly as
# `\x1b`: printed raw, an escape sequence from a quoted YAML string would recolour, move or
# clear the editor's terminal.
_VISIBLE = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))
            if chr(code) not in "\n\t"}


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or suspicious) in a dataset, with where it stands."""

    message: str
    path: Path = ()
    position: Position | None = None
    severity: Severity = "error"

    @property
    def location(self) -> str:
        """The data path in dotted form, as `figures.3.value`."""
        return ".".join(_step(part) for part in self.path)

    def format(self, file: str) -> str:
        """`FILE:LINE:COL: location: message`, the form editors and IDEs jump to."""
        line, column = (self.position.line, self.position.column) if self.position else (1, 1)
        where = f"{self.location}: " if self.path else ""
        return f"{file}:{line}:{column}: {where}{self.message}".translate(_VISIBLE)


def problem_json(problem: Problem) -> dict[str, Any]:
    """A problem as plain JSON data, for a file or a child's answer."""
    position = problem.position
    return {"message": problem.message, "path": list(problem.path),
            "position": [position.line, position.column] if position else None,
            "severity": problem.severity}


def problem_from_json(entry: dict[str, Any]) -> Problem:
    """What `problem_json` wrote; KeyError, TypeError or ValueError on anything else."""
    position = entry["position"]
    return Problem(str(entry["message"]), tuple(entry["path"]),
                   Position(*map(int, position)) if position else None,
                   "warning" if entry["severity"] == "warning" else "error")


class DatasetError(Exception):
    """The dataset cannot be used; carries every problem found, in file order."""

    def __init__(self, file: str, problems: Sequence[Problem]) -> None:
        self.file = file
        self.problems = sorted(problems, key=_order)
        super().__init__("\n".join(self.lines()))

    def lines(self, file: str | None = None) -> list[str]:
        """One formatted line per problem, the file named `file` when given."""
        return [problem.format(self.file if file is None else file)
                for problem in self.problems]


def public_name(file: str, root: FilePath) -> str:
    """A data file as a page every reader sees names it: its path inside `root` (the
    repository), else its name alone, for the server's folders are nobody's business."""
    path = FilePath(os.path.abspath(file))
    return str(path.relative_to(root)) if path.is_relative_to(root) else path.name


def _step(part: str | int) -> str:
    # A key is the file's text: a long or invisible one is shortened and escaped like any
    # quoted value, without the quotes.
    return str(part) if isinstance(part, int) else excerpt(part)[1:-1]


def _order(problem: Problem) -> tuple[int, int]:
    if problem.position is None:
        return (0, 0)
    return (problem.position.line, problem.position.column)


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """Only the problems that make the dataset unusable."""
    return [problem for problem in problems if problem.severity == "error"]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    """Only the problems worth a look that do not block publication."""
    return [problem for problem in problems if problem.severity == "warning"]


class SourceMap:
    """Where values stood in a file; a loader that knows its format says how to find them."""

    def locate(self, path: Path, *, key: bool = False) -> Position | None:
        """The position of `path` (of its key, when `key`), or of its nearest ancestor."""
        return None

    def place(self, problem: Problem, *, key: bool = False) -> Problem:
        """The same problem with its position filled in."""
        if problem.position is not None:
            return problem
        return Problem(problem.message, problem.path, self.locate(problem.path, key=key),
                       problem.severity)
