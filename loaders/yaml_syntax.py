"""What libyaml's syntax errors mean, said as the likely mistake and where to mend it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import yaml

from indicators.problems import Position, Problem

try:  # The C parser is about ten times faster; the pure-Python one is the same grammar.
    LOADER: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    LOADER = yaml.SafeLoader

# The line breaks libyaml counts lines by (the hidden ones are refused before parsing).
_BREAK = re.compile(r"\r\n|\r|\n")
# A block list item: a dash followed by a blank, or alone on its line.
_ITEM = re.compile(r"-(?:[ \t]|$)")


def syntax_problem(error: yaml.MarkedYAMLError, text: str) -> Problem:
    """libyaml's error as the likely mistake, or in libyaml's words when it is not in the table."""
    explain = _EXPLAINED.get(error.problem or "")
    if explain and error.problem_mark:
        fault = _Fault(error.problem_mark, error.context_mark, error.context or "", text)
        if problem := explain(fault):
            return problem
    mark = error.problem_mark or error.context_mark
    words = error.problem or "the YAML cannot be read"
    if error.context and error.context_mark:
        context = error.context_mark
        words += f" ({error.context} at line {context.line + 1}, column {context.column + 1})"
    position = Position(mark.line + 1, mark.column + 1) if mark else None
    return Problem(f"syntax: {words}", position=position)


class _Mark(Protocol):
    """A place libyaml reports (its C and Python parsers each have their own class)."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


@dataclass(frozen=True)
class _Fault:
    """Where libyaml stopped, what it was reading and from where, and the text around it."""

    mark: _Mark
    opened: _Mark | None
    reading: str
    text: str

    @property
    def position(self) -> Position:
        return Position(self.mark.line + 1, self.mark.column + 1)

    @property
    def start(self) -> str:
        """Where the enclosing record, list or quote starts, as the messages name it."""
        assert self.opened is not None
        return f"line {self.opened.line + 1}, column {self.opened.column + 1}"

    def line(self, mark: _Mark) -> str:
        lines = _BREAK.split(self.text, maxsplit=mark.line + 1)
        return lines[mark.line] if mark.line < len(lines) else ""

    def character(self, mark: _Mark) -> str:
        return self.line(mark)[mark.column:mark.column + 1]

    def before(self) -> str:
        """The stopping line up to where libyaml stopped, without trailing blanks."""
        return self.line(self.mark)[:self.mark.column].rstrip(" \t")

    def starts_item(self) -> bool:
        return _ITEM.match(self.line(self.mark)[self.mark.column:]) is not None


def _stray_colon(fault: _Fault) -> Problem:
    return Problem("syntax: a ':' where YAML does not expect one: if the text holds ': ', put "
                   "it in quotes (title: \"Rapport: bilan\"); otherwise check this line's "
                   "indentation against the line above", position=fault.position)


def _misaligned_field(fault: _Fault) -> Problem | None:
    """A line that breaks a block mapping (a record): `did not find expected key`."""
    if fault.opened is None or fault.reading != "while parsing a block mapping":
        return None
    if quote := _after_quote(fault):
        return quote
    if fault.before():  # past the start of its line: not an indentation mistake
        return None
    opened = fault.opened.line + 1
    if fault.starts_item() and fault.mark.column == fault.opened.column:
        return Problem(f"syntax: a '- ' list item among the fields of the record that starts "
                       f"at line {opened}: write a field as name: value, or indent the item "
                       "under the name of its list", position=fault.position)
    if fault.starts_item():
        return Problem("syntax: this '- ' item does not line up with the items above it: "
                       "start every '- ' of a list at the same column, with spaces",
                       position=fault.position)
    if fault.mark.column != fault.opened.column:
        return Problem(f"syntax: this line is not aligned with the fields of the record that "
                       f"starts at line {opened}: indent it like them, with spaces",
                       position=fault.position)
    return None


def _misaligned_item(fault: _Fault) -> Problem | None:
    """A line that breaks a block sequence: `did not find expected '-' indicator`."""
    if fault.opened is None or fault.reading != "while parsing a block collection":
        return None
    if quote := _after_quote(fault):
        return quote
    if fault.before():
        return None
    opened = fault.opened.line + 1
    if fault.starts_item():
        return Problem(f"syntax: this '- ' item does not line up with the list that starts at "
                       f"line {opened}: start every '- ' of the list at the same column, with "
                       "spaces", position=fault.position)
    return Problem(f"syntax: this line is inside the list that starts at line {opened} but does "
                   "not start with '- ': add '- ' for a new item, or indent it like the fields "
                   "of the item above", position=fault.position)


def _unclosed_quote(fault: _Fault) -> Problem | None:
    if fault.opened is None or fault.reading != "while scanning a quoted scalar":
        return None
    return Problem(f"syntax: the quote opened at {fault.start} is never closed: add the "
                   f"closing {fault.character(fault.opened)}", position=fault.position)


def _tab(fault: _Fault) -> Problem:
    return Problem("syntax: a tab is used for indentation: indent with spaces only",
                   position=fault.position)


def _bad_start(fault: _Fault) -> Problem | None:
    """`found character that cannot start any token`: a tab, or `@`, `` ` ``, `%`…"""
    character = fault.character(fault.mark)
    if character == "\t":
        return _tab(fault)
    if not character or not character.isprintable():
        return None
    return Problem(f"syntax: a value cannot start with '{character}' in YAML: put the text in "
                   "quotes", position=fault.position)


def _unclosed_flow(fault: _Fault) -> Problem | None:
    """`did not find expected ',' or ']'` (or `'}'`) inside `[…]` or `{…}`."""
    if fault.opened is None or not fault.reading.startswith("while parsing a flow "):
        return None
    if quote := _after_quote(fault):
        return quote
    opener = fault.character(fault.opened)
    rest = fault.line(fault.mark)[fault.mark.column:]
    # `{fr: Rapport: bilan}` or `{fr: a en: b}`: the braces close later on this very line.
    if opener == "{" and rest.startswith(":") and "}" in rest:
        return Problem(f"syntax: a ':' inside the '{{' opened at {fault.start}: separate the "
                       "fields with ', ' and put a text that holds ': ' in quotes "
                       "(fr: \"Rapport: bilan\")", position=fault.position)
    if opener == "{":
        return Problem(f"syntax: the '{{' opened at {fault.start} is not closed: add '}}' (or "
                       "separate its fields with ',')", position=fault.position)
    return Problem(f"syntax: the list opened with '[' at {fault.start} is not closed: add ']' "
                   "(or separate its items with ',')", position=fault.position)


def _no_colon(fault: _Fault) -> Problem | None:
    """`could not find expected ':'`: a line at a field's indentation with no `name:`."""
    if fault.opened is None or fault.reading != "while scanning a simple key":
        return None
    return Problem(f"syntax: line {fault.opened.line + 1} has no ':': write it as name: value; "
                   "if it continues the text above, put that whole text in quotes",
                   position=fault.position)


def _after_quote(fault: _Fault) -> Problem | None:
    """Text right after a closing quote: an unclosed quote above, or a quote inside the text."""
    before = fault.before()
    if not before.endswith(("'", '"')):
        return None
    quote = _last_quote(fault.text)
    if quote is None or (quote.end.line, quote.end.column) != (fault.mark.line, len(before)):
        return None
    if quote.start.line != fault.mark.line:
        opened = quote.start.line + 1
        return Problem(f"syntax: the quote opened at line {opened}, column "
                       f"{quote.start.column + 1} is not closed on its line, so it runs on to "
                       f"this one: close it on line {opened} with {quote.style}",
                       position=fault.position)
    if quote.style == '"':
        return Problem("syntax: text after the closing \": to keep a \" inside a text, put "
                       "the whole text in single quotes ('il a dit \"oui\"')",
                       position=fault.position)
    return Problem("syntax: text after the closing ': to keep a ' inside a text in single "
                   "quotes, write it twice ('l''État'), or put the text in double quotes",
                   position=fault.position)


@dataclass(frozen=True)
class _Quote:
    """A quoted text: where it opened, where it closed, and its quote character."""

    start: _Mark
    end: _Mark
    style: str


def _last_quote(text: str) -> _Quote | None:
    """The last quoted text libyaml read before it stopped."""
    last = None
    try:  # Events come one at a time, so every one before the error is seen.
        for event in yaml.parse(text, Loader=LOADER):
            if (isinstance(event, yaml.ScalarEvent) and event.style in ("'", '"')
                    and event.start_mark and event.end_mark):
                last = _Quote(event.start_mark, event.end_mark, event.style)
    except yaml.YAMLError:
        pass
    return last


# libyaml's problem texts (0.2.5) that have a plainer explanation; each explanation may still
# decline (None) when the text around the error does not fit it. The pure-Python parser words
# most of these differently, and so keeps its own words.
_EXPLAINED: dict[str, Callable[[_Fault], Problem | None]] = {
    "mapping values are not allowed in this context": _stray_colon,
    "did not find expected key": _misaligned_field,
    "did not find expected '-' indicator": _misaligned_item,
    "found unexpected end of stream": _unclosed_quote,
    "found a tab character that violates indentation": _tab,
    "found character that cannot start any token": _bad_start,
    "did not find expected ',' or ']'": _unclosed_flow,
    "did not find expected ',' or '}'": _unclosed_flow,
    "could not find expected ':'": _no_colon,
}
