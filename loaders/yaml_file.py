"""YAML file source: safe parse into plain data plus the line and column of every value."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from indicators.fields import MAX_VALUE_TEXT, Written
from indicators.problems import DatasetError, Position, Problem, SourceMap
from indicators.problems import Path as DataPath
from indicators.text import excerpt
from loaders.files import read_regular, too_big
from loaders.yaml_syntax import LOADER, syntax_problem
from loaders.yaml_text import (
    MAX_DEPTH,
    decode,
    encode,
    guard_depth,
    reader_problem,
    refuse_hidden_breaks,
)

# 100k figures take about 19 MB; 32 MiB leaves room to grow while refusing a file that
# would tie the server up for minutes.
MAX_BYTES = 32 * 1024 * 1024
# A plain integer is at most 13 digits (MAX_VALUE); past this many, int() is never called
# (Python refuses to read more than 4300 digits) and the message counts digits instead.
_MAX_DIGITS = 30

_Loader = LOADER


# Only the tags plain data can carry; `!!python/object` and friends never reach a constructor.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in
               ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
# Plain scalars up to this length are ids and codes, not prose.
_INTERN_MAX = 64
_MERGE_TAG = "tag:yaml.org,2002:merge"
# A refused tag is quoted whole up to this length: a library's own type tags run long
# (`tag:yaml.org,2002:python/object/apply:os.system` is 47 characters) and say what was tried.
_TAG_EXCERPT = 64
_NUMBER_START = frozenset("0123456789+-.")
_YAML11_BOOLS = frozenset("y Y yes Yes YES n N no No NO on On ON off Off OFF".split())
_TEXT = object()  # a plain scalar that stays text
_INFINITY = float("inf")
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)$")
# YAML 1.2 core schema words; YAML 1.1's other booleans (yes, NO, on…) are traps below.
_WORDS: dict[str, Any] = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
}
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
# Whether any trap applies: periods and dates (2014-05, 8 mars 2017) start like numbers and
# fall through every trap, so one match instead of one per trap.
_ANY_TRAP = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _TRAPS))


@dataclass(frozen=True)
class Document:
    """Plain parsed data and where each value stood in the file."""

    data: Any
    source_map: SourceMap


def read_document(path: str | Path) -> Document:
    """Read a file (size-capped) and parse it."""
    return read_text(read_bytes(path), str(path))


def read_bytes(path: str | Path) -> bytes:
    """A regular file's bytes, refused over MAX_BYTES before they are read; never blocks."""
    return read_regular(path, MAX_BYTES)


def read_text(text: str | bytes, name: str, max_bytes: int = MAX_BYTES) -> Document:
    """Parse YAML text into plain data with positions; raise DatasetError with every problem."""
    raw = encode(text, name) if isinstance(text, str) else text
    if len(raw) > max_bytes:
        raise DatasetError(name, [too_big(len(raw), max_bytes)])
    decoded = decode(raw, name)
    refuse_hidden_breaks(decoded, name)
    try:
        guard_depth(decoded, name)
        root = yaml.compose(decoded, Loader=_Composer)
    except yaml.MarkedYAMLError as error:
        raise DatasetError(name, [syntax_problem(error, decoded)]) from None
    except yaml.reader.ReaderError as error:
        raise DatasetError(name, [reader_problem(error, decoded)]) from None
    except yaml.YAMLError as error:
        raise DatasetError(name, [Problem(f"syntax: {error}")]) from None
    if root is None:  # nothing but blanks and comments
        raise DatasetError(name, [Problem(
            "the file is empty: it needs schema_version, sources, indicators and figures")])
    walker = _Walker(name, anchored="&" in decoded)
    if _MAY_MARK.search(decoded):
        walker.refused = _refused_marks(decoded)
    return walker.document(root)


# What an event carries that the node tree forgets: an explicit tag (`!!str 23096` and
# `!!str` compose like a quoted or plain scalar) and an anchor no alias uses.
_ANCHOR_ONLY = ("anchors and aliases (&name, *name) are not allowed: remove the anchor "
                "(&{0})")
_NODE_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
# A tag or an anchor starts a token: after a blank, a flow bracket, a comma, a colon or a
# dash, and something follows it. "R&D" and "Attention !" in a text are neither, so a file
# with such texts is not parsed twice.
_MAY_MARK = re.compile(r"(?<![^\s\[{,:-])[!&][^\s]")


def _refused_marks(text: str) -> dict[tuple[int, int], str]:
    """Where an explicit standard tag or an unused anchor stands: (line, column) → message.

    A second pass over the events, taken only when the text holds a `!` or a `&`.
    """
    anchors: dict[str, tuple[int, int]] = {}
    aliased: set[str] = set()
    refused: dict[tuple[int, int], str] = {}
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            aliased.add(str(event.anchor))
            continue
        if not isinstance(event, _NODE_EVENTS) or event.start_mark is None:
            continue
        mark = (event.start_mark.line, event.start_mark.column)
        if event.anchor is not None:
            anchors.setdefault(event.anchor, mark)
        if event.tag in _PLAIN_TAGS and not _implicit(event):
            refused[mark] = (f"tags such as {excerpt(event.tag, _TAG_EXCERPT)} are not "
                             "allowed: write the value without a tag (a number plainly, a "
                             "text in quotes)")
    for anchor, mark in anchors.items():
        if anchor not in aliased:
            refused.setdefault(mark, _ANCHOR_ONLY.format(anchor))
    return refused


def _implicit(event: yaml.Event) -> bool:
    implicit = event.implicit  # type: ignore[attr-defined]
    return bool(implicit[0] or implicit[1]) if isinstance(implicit, tuple) else bool(implicit)


_TAG = "tag:yaml.org,2002:"
_STR_TAG, _SEQ_TAG, _MAP_TAG = f"{_TAG}str", f"{_TAG}seq", f"{_TAG}map"
_SCALAR, _SEQUENCE = yaml.ScalarNode, yaml.SequenceNode  # looked up once per node below
# The plain scalars whose YAML 1.1 tag the walker acts on (`<<` as a key is a merge, the rest
# are refused as tags): PyYAML's resolver gives them these tags, and every other plain scalar
# one of _PLAIN_TAGS, which the walker never tells apart (it reads plain scalars itself).
_SPECIAL_PLAIN = {"<<": _MERGE_TAG, "=": f"{_TAG}value",
                  **{indicator: f"{_TAG}yaml" for indicator in "!&*"}}


class _Composer(LOADER):
    """The safe loader's composer with the walker's tags only, without PyYAML's resolver.

    PyYAML resolves every untagged scalar against its regular expressions (bool, int,
    float, timestamp…) in Python, one call per scalar; the walker then reads each plain
    scalar again by its own rules. Here resolving is a lookup: the same tags for what the
    walker looks at, a plain tag for the rest. Explicit tags (`!!python/object`) never reach
    this method: libyaml keeps them as written, and the walker refuses them.
    """

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: Any) -> str:
        if kind is _SCALAR:
            # A scalar's `implicit` is (plain, quoted): libyaml says plain for an untagged
            # plain scalar (and one tagged `!`), and PyYAML resolves exactly those by text.
            return _SPECIAL_PLAIN.get(value or "", _STR_TAG) if implicit[0] else _STR_TAG
        return _SEQ_TAG if kind is _SEQUENCE else _MAP_TAG


class NodeMap(SourceMap):
    """Positions read off the composed node tree, only when a problem needs one."""

    def __init__(self, root: yaml.Node) -> None:
        self.root = root

    def locate(self, path: DataPath, *, key: bool = False) -> Position | None:
        node: yaml.Node = self.root
        for depth, part in enumerate(path):
            last = depth == len(path) - 1
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
            if last and key and key_node is not None:
                return _position(key_node)
        return _position(node)


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == part:
                return key_node, value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        if 0 <= part < len(node.value):
            return None, node.value[part]
    return None


class _Walker:
    """Turns a composed node tree into plain data, refusing what would silently go wrong.

    It runs over every node of files of 100 000 figures, so it builds no paths and no
    positions on the way: a problem keeps its node, and paths are found afterwards.
    """

    def __init__(self, name: str, *, anchored: bool = True) -> None:
        self.name = name
        # Only an anchor (`&name`) lets a node stand in two places: without any `&` in the
        # text, no node needs remembering (80 000 of them at 10 000 figures).
        self.anchored = anchored
        self.failures: list[tuple[yaml.Node, str]] = []
        self.refused: dict[tuple[int, int], str] = {}  # see _refused_marks
        self.aliases: set[int] = set()
        self.seen: set[int] = set()

    def document(self, root: yaml.Node) -> Document:
        data = self.node(root, 0)
        if self.failures:
            raise DatasetError(self.name, self._problems(root))
        return Document(data, NodeMap(root))

    def node(self, node: yaml.Node, depth: int) -> Any:
        if self.anchored:
            identity = id(node)
            if identity in self.seen:
                self.aliases.add(identity)
                return self.fail(node, "anchors and aliases (&name, *name) are not allowed: "
                                       "write the value out in full")
            self.seen.add(identity)
        if node.tag not in _PLAIN_TAGS:
            return self.fail(node, f"tags such as {excerpt(node.tag, _TAG_EXCERPT)} are not "
                                   "allowed")
        if self.refused and (node.start_mark.line, node.start_mark.column) in self.refused:
            return self.fail(node, self.refused[node.start_mark.line, node.start_mark.column])
        kind = node.__class__
        if kind is yaml.ScalarNode:
            # Quoted and block scalars (a style) are always text.
            return node.value if node.style else self.plain(node)  # type: ignore[attr-defined]
        if depth >= MAX_DEPTH:
            return self.fail(node, f"nested deeper than {MAX_DEPTH} levels")
        if kind is yaml.SequenceNode:
            return [self.node(item, depth + 1) for item in node.value]
        return self.mapping(node, depth)

    def mapping(self, node: yaml.Node, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self.fail(key_node, "merge keys (<<) are not allowed: write the fields out "
                                    "in full")
                continue
            if key_node.__class__ is not yaml.ScalarNode or key_node.tag not in _PLAIN_TAGS:
                self.fail(key_node, "a key must be a plain name")
                continue
            key = key_node.value
            if key in result:
                first = next(k for k, _ in node.value if k.value == key)
                self.fail(key_node, f"duplicate key {excerpt(key)} (first at line "
                                    f"{first.start_mark.line + 1}): YAML would silently keep "
                                    "only the last one")
                continue
            if (value_node.__class__ is _SCALAR and not self.anchored and not self.refused
                    and value_node.tag in _PLAIN_TAGS):  # most values: read here, as node() would
                result[key] = value_node.value if value_node.style else self.plain(value_node)
            else:
                result[key] = self.node(value_node, depth + 1)
        return result

    def plain(self, node: yaml.Node) -> Any:
        text = node.value
        word = _WORDS.get(text, _TEXT)
        if word is not _TEXT:
            return word
        if text[:1] not in _NUMBER_START and text not in _YAML11_BOOLS:
            # Ids, periods and vocabulary words repeat thousands of times: keep one copy.
            return sys.intern(text) if len(text) <= _INTERN_MAX else text
        if _INT.match(text):
            digits = len(text.lstrip("+-"))
            if digits > _MAX_DIGITS:
                return self.fail(node, f"'{text[:12]}…' has {digits} digits: a figure is at "
                                       f"most {MAX_VALUE_TEXT}")
            return int(text)
        if _FLOAT.match(text):
            number = float(text)
            if number in (_INFINITY, -_INFINITY):
                return self.fail(node, f"'{text[:12]}…' is too large to be a number: a figure "
                                       f"is at most {MAX_VALUE_TEXT}")
            # "1.000" reads as 1.0 and "22.150" as 22.15: the checks need the digits typed.
            return number if repr(number) == text else Written(text)
        if not _ANY_TRAP.match(text):
            return text
        for pattern, message in _TRAPS:
            if pattern.match(text):
                return self.fail(node, message.format(text))
        return text

    def fail(self, node: yaml.Node, message: str) -> None:
        self.failures.append((node, message))
        return None

    def _problems(self, root: yaml.Node) -> list[Problem]:
        occurrences = _paths_of(root, {id(node) for node, _ in self.failures})
        # The walker fails an aliased node at its second, third… occurrence, in document
        # order; any other node fails once, at its only occurrence.
        nth = {identity: 1 if identity in self.aliases else 0 for identity in occurrences}
        problems = []
        for node, message in self.failures:
            paths = occurrences.get(id(node), [()])
            index = min(nth.get(id(node), 0), len(paths) - 1)
            nth[id(node)] = index + 1
            problems.append(Problem(message, paths[index], _position(node)))
        return problems


def _paths_of(root: yaml.Node, wanted: set[int]) -> dict[int, list[DataPath]]:
    """Every data path of each wanted node, in the walker's order (keys count as their value)."""
    found: dict[int, list[DataPath]] = {}
    stack: list[tuple[yaml.Node, DataPath, int]] = [(root, (), 0)]
    visited: set[int] = set()
    while stack:
        node, path, depth = stack.pop()
        if id(node) in wanted:
            found.setdefault(id(node), []).append(path)
        if id(node) in visited or depth > MAX_DEPTH:
            continue
        visited.add(id(node))
        children: list[tuple[yaml.Node, DataPath, int]] = []
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                # A list or mapping as a key has no name to show: its mapping stands for it.
                key_path = ((*path, key_node.value) if isinstance(key_node, yaml.ScalarNode)
                            else path)
                if id(key_node) in wanted:
                    found.setdefault(id(key_node), []).append(key_path)
                children.append((value_node, key_path, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
        stack.extend(reversed(children))
    return found


def _position(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)
