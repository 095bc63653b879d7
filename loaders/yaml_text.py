"""The text of a YAML file before it is parsed: its encoding, hidden line breaks, depth."""

from __future__ import annotations

import re

import yaml

from indicators.problems import DatasetError, Position, Problem
from loaders.yaml_syntax import LOADER

# The real file nests four levels; anything far deeper is a mistake or an attack.
MAX_DEPTH = 32
# libyaml's C composer recurses once per level and crashes the process near 100 000 levels;
# files whose cheap depth bound passes this are measured exactly before composing.
_DEEP_SUSPECT = 500
# What may stand before a block collection on its line: indentation and `- `, `? `, `: `.
_LEAD = "[ \t?:-]"
# Line breaks YAML 1.1 (and so libyaml) honours that editors do not show as new lines.
_HIDDEN_BREAKS = {"\x85": "next line", "\u2028": "line separator",
                  "\u2029": "paragraph separator"}
_Loader = LOADER


def encode(text: str, name: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise DatasetError(name, [Problem(
            f"character U+{ord(text[error.start]):04X} cannot be stored as UTF-8: remove it",
            position=_position_in(text, error.start))]) from None


def _position_in(text: str, index: int) -> Position:
    """The 1-based line and column of `text[index]`."""
    before = text[:index]
    return Position(before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)


def refuse_hidden_breaks(text: str, name: str) -> None:
    """Refuse line breaks that YAML sees and editors hide: they can slip in a hidden key."""
    found = [index for character in _HIDDEN_BREAKS if (index := text.find(character)) >= 0]
    if found:
        index = min(found)
        raise DatasetError(name, [Problem(
            f"character U+{ord(text[index]):04X} ({_HIDDEN_BREAKS[text[index]]}) is a line "
            "break for YAML but invisible in most editors: remove it or write a real line "
            "break", position=_position_in(text, index))])


def reader_problem(error: yaml.reader.ReaderError, text: str) -> Problem:
    """A character libyaml refuses (a control character), at its true line and column."""
    index = error.position
    if _Loader is not yaml.SafeLoader:  # libyaml counts bytes of the UTF-8 text
        index = len(text.encode("utf-8")[:index].decode("utf-8", "ignore"))
    code = error.character if isinstance(error.character, int) else ord(error.character)
    return Problem(f"character U+{code:04X} is not allowed in YAML: remove it",
                   position=_position_in(text, index))


def guard_depth(text: str, name: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before the C composer can recurse into it."""
    if not _may_nest_deeper(text, _DEEP_SUSPECT):
        return
    try:
        _count_depth(text, name, _Loader)
    except yaml.YAMLError as error:
        # libyaml 0.2.6 (PyYAML 6.0.4) stops at its own nesting cap while scanning ahead,
        # before the 33rd level's event is out; the pure-Python parser has no cap, so it
        # finds that level and the message stays the project's own whatever libyaml says.
        if _Loader is yaml.SafeLoader or "nesting depth" not in str(error):
            raise
        _count_depth(text, name, yaml.SafeLoader)


def _count_depth(text: str, name: str, loader: type) -> None:
    """Raise at the first collection deeper than MAX_DEPTH, counted on parser events."""
    # The parser's events are not recursive: counting them is exact, and safe at any depth.
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                position = Position(mark.line + 1, mark.column + 1) if mark else None
                raise DatasetError(name, [Problem(f"nested deeper than {MAX_DEPTH} levels",
                                                  position=position)])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _may_nest_deeper(text: str, levels: int) -> bool:
    """False only when the text provably nests at most `levels` deep.

    The bound only adds, so nothing in a comment or a quoted string can lower it. Flow: each
    `[` opens at most two levels (the sequence and an implicit `[a: b]` pair), each `{` one.
    Block: every nesting step indents at least once more except a sequence at its parent
    mapping's indentation (`key:` then `- item`), so a block collection starting at column c
    is at most 2c + 2 levels deep; and c is within its line's run of spaces and `- ? :`.
    """
    spare = levels - 2 * text.count("[") - text.count("{") - 2
    if spare < 0:
        return True
    # A leading run this long could carry block nesting past the spare levels.
    run = spare // 2 + 1
    lead = f"{_LEAD}{{{run},}}"
    return bool(re.match(lead, text) or re.search(f"\n{lead}", text)
                or re.search(f"\r{lead}", text))


def decode(raw: bytes, name: str) -> str:
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
