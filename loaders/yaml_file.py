"""YAML file source: safe parse into plain data plus the line and column of every value."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from indicators.problems import DatasetError, Position, Problem, SourceMap
from indicators.problems import Path as DataPath

# 100k figures take about 19 MB; 32 MiB leaves room to grow while refusing a file that
# would tie the server up for minutes.
MAX_BYTES = 32 * 1024 * 1024
# The real file nests four levels; anything far deeper is a mistake or an attack.
MAX_DEPTH = 32
# libyaml's C composer recurses once per level and crashes the process near 100 000 levels;
# files whose cheap depth bound passes this are measured exactly before composing.
_DEEP_SUSPECT = 500
_BRACKETS = re.compile(r"[\[\]{}]")
_LEADING = re.compile(r"^[ \t?-]*", re.MULTILINE)

try:  # The C parser is about ten times faster; the pure-Python one is the same grammar.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

# Only the tags plain data can carry; `!!python/object` and friends never reach a constructor.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in
               ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)$")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# YAML 1.1 readings that PyYAML applies silently and editors never mean.
_TRAPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$"),
     "'{0}' is read as true/false by YAML 1.1: write true or false, or quote it as text: \"{0}\""),
    (re.compile(r"^[-+]?0[0-9_]+$"),
     "'{0}' has a leading zero, which YAML 1.1 reads as an octal number: "
     "write it without the zero, or quote it as text: \"{0}\""),
    (re.compile(r"^[-+]?(0x|0o|0b)[0-9a-fA-F_]+$"),
     "'{0}' is not a decimal number: write numbers in decimal, or quote it as text"),
    (re.compile(r"^[-+]?([0-9][0-9_]*)?\.?[0-9_]*[eE][-+]?[0-9]+$"),
     "'{0}' is text for YAML 1.1 but a number for YAML 1.2: write the number out in full "
     "(1e3 is 1000), or quote it as text"),
    (re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$"),
     "'{0}' is read as a base-60 number by YAML 1.1: quote it as text: \"{0}\""),
    (re.compile(r"^[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?$"),
     "'{0}' uses '_' between digits: write the number without it, or quote it as text"),
    (re.compile(r"^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$"),
     "'{0}' is not a finite number: write the figure itself"),
)


@dataclass(frozen=True)
class Document:
    """Plain parsed data and where each value stood in the file."""

    data: Any
    source_map: SourceMap


def read_document(path: str | Path) -> Document:
    """Read a file (size-capped) and parse it."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise DatasetError(name, [_too_big(size, MAX_BYTES)])
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise DatasetError(name, [Problem(f"cannot read the file: {error.strerror}")]) from None
    return read_text(raw, name)


def _too_big(size: int, limit: int) -> Problem:
    return Problem(f"the file is {size:,} bytes, over the {limit:,}-byte limit: "
                   "split it or trim it")


def read_text(text: str | bytes, name: str, max_bytes: int = MAX_BYTES) -> Document:
    """Parse YAML text into plain data with positions; raise DatasetError with every problem."""
    raw = _encode(text, name) if isinstance(text, str) else text
    if len(raw) > max_bytes:
        raise DatasetError(name, [_too_big(len(raw), max_bytes)])
    decoded = _decode(raw, name)
    try:
        _guard_depth(decoded, name)
        root = yaml.compose(decoded, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise DatasetError(name, [_syntax_problem(error)]) from None
    except yaml.YAMLError as error:
        raise DatasetError(name, [Problem(f"syntax: {error}")]) from None
    if root is None:  # nothing but blanks and comments
        raise DatasetError(name, [Problem(
            "the file is empty: it needs schema_version, sources, indicators and figures")])
    return _Walker(name).document(root)


def _encode(text: str, name: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        before = text[: error.start]
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise DatasetError(name, [Problem(
            f"character U+{ord(text[error.start]):04X} cannot be stored as UTF-8: remove it",
            position=Position(line, column))]) from None


def _guard_depth(text: str, name: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before the C composer can recurse into it."""
    if _depth_bound(text) <= _DEEP_SUSPECT:
        return
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                position = Position(mark.line + 1, mark.column + 1) if mark else None
                raise DatasetError(name, [Problem(f"nested deeper than {MAX_DEPTH} levels",
                                                  position=position)])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _depth_bound(text: str) -> int:
    """An upper bound on nesting: flow brackets (quoted ones too) plus leading indentation."""
    flow = deepest = 0
    for bracket in _BRACKETS.findall(text):
        flow += 1 if bracket in "[{" else -1
        deepest = max(deepest, flow)
    block = max((len(run) for run in _LEADING.findall(text)), default=0)
    return deepest + block + 1


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise DatasetError(name, [Problem(
            f"byte 0x{raw[error.start]:02x} is not valid UTF-8: save the file as UTF-8",
            position=Position(line, column),
        )]) from None


def _syntax_problem(error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    words = error.problem or "the YAML cannot be read"
    if error.context and error.context_mark:
        context = error.context_mark
        words += f" ({error.context} at line {context.line + 1}, column {context.column + 1})"
    position = Position(mark.line + 1, mark.column + 1) if mark else None
    return Problem(f"syntax: {words}", position=position)


class _Walker:
    """Turns a composed node tree into plain data, refusing what would silently go wrong."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.values: dict[DataPath, Position] = {}
        self.keys: dict[DataPath, Position] = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def document(self, root: yaml.Node) -> Document:
        data = self.node(root, ())
        if self.problems:
            raise DatasetError(self.name, self.problems)
        return Document(data, SourceMap(self.values, self.keys))

    def node(self, node: yaml.Node, path: DataPath) -> Any:
        position = _position(node)
        self.values[path] = position
        if id(node) in self.seen:
            return self.fail("anchors and aliases (&name, *name) are not allowed: "
                             "write the value out in full", path, position)
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            return self.fail(f"tags such as '{node.tag}' are not allowed", path, position)
        if len(path) > MAX_DEPTH:
            return self.fail(f"nested deeper than {MAX_DEPTH} levels", path, position)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.node(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: DataPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail("a key must be a plain name", path, _position(key_node))
                continue
            key = key_node.value
            if key in result:
                first = self.keys[(*path, key)]
                self.fail(f"duplicate key '{key}' (first at line {first.line}): "
                          "YAML would silently keep only the last one", (*path, key),
                          _position(key_node))
                continue
            self.keys[(*path, key)] = _position(key_node)
            result[key] = self.node(value_node, (*path, key))
        return result

    def scalar(self, node: yaml.ScalarNode, path: DataPath) -> Any:
        text = node.value
        if node.style:  # quoted or block text is always a string
            return text
        if text in _NULL:
            return None
        if text in _BOOL:
            return _BOOL[text]
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
        for pattern, message in _TRAPS:
            if pattern.match(text):
                return self.fail(message.format(text), path, _position(node))
        return text

    def fail(self, message: str, path: DataPath, position: Position) -> None:
        self.problems.append(Problem(message, path, position))
        return None


def _position(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)
