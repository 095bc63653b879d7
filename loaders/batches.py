"""A data file read and validated a batch of figures at a time, never as one node tree.

The composed node tree of a file is about 6 KB a figure (600 MB at 100 000 figures), and the
whole-file path held it beside the plain data and the models. Here the file's text is cut
where its top-level `figures:` list starts an item; each batch of items is composed, walked,
validated into models and let go before the next, and the rest of the file (themes,
sources, indicators...) is read with the figures' lines left blank, so that every line keeps
its number. Positions are found again only for a problem: the item that holds it is
composed once more.

A file is read so only when its shape allows the cut to be checked (see `_sections`), and only
to the end when nothing is wrong: on any problem at all this returns None and the caller reads
the whole file as before, so every message stays word for word what it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from indicators.fields import Written
from indicators.models import Dataset, Figure
from indicators.problems import DatasetError, Position, SourceMap
from indicators.problems import Path as DataPath
from indicators.validation import Validated, checked
from loaders.yaml_file import _MAY_MARK, MAX_BYTES, NodeMap, _Composer, _Walker
from loaders.yaml_text import decode, encode, guard_depth, refuse_hidden_breaks

# Figures composed and validated at a time: a batch's node tree is about 12 MB, a small part
# of what the models of a large file hold, and one batch costs about 50 ms.
FIGURES_PER_BATCH = 2_000
# The top-level key, alone on its line (a comment may follow): `figures: []` is not cut.
_KEY = re.compile(r"^figures:[ \t]*(?:#.*)?$", re.MULTILINE)
# Several documents, or a directive: not cut (the whole path says what is wrong).
_DOCUMENTS = re.compile(r"^(?:---|\.\.\.|%)", re.MULTILINE)
_FIRST_ITEM = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*( *)-(?=[ \n])", re.MULTILINE)


@dataclass(frozen=True)
class Sections:
    """Where the figures' items stand in the text: each item's offset and 0-based line."""

    key_line: int
    indent: int
    end: int  # offset just past the last item
    items: list[tuple[int, int]]

    def batches(self) -> Iterator[tuple[int, int, int, int]]:
        """Each batch's first item, item count, start and end offsets."""
        for first in range(0, len(self.items), FIGURES_PER_BATCH):
            last = min(first + FIGURES_PER_BATCH, len(self.items))
            end = self.items[last][0] if last < len(self.items) else self.end
            yield first, last - first, self.items[first][0], end


def _sections(text: str) -> Sections | None:
    """The figures' items, or None when the text is not a plain block list under a
    top-level `figures:` key (or holds marks, anchors or several documents)."""
    if _MAY_MARK.search(text) or _DOCUMENTS.search(text):
        return None
    keys = list(_KEY.finditer(text))
    if len(keys) != 1:
        return None
    body = keys[0].end() + 1
    first = _FIRST_ITEM.match(text, body)
    if first is None:
        return None
    indent = len(first.group(1))
    start = first.start(1)
    # The list ends at the first line less indented than its items that is not blank or a
    # comment (at no indent, an item's own `- ` does not end it).
    ending = (re.compile(r"^(?:[^\s#-]|-[^ \n])", re.MULTILINE) if indent == 0
              else re.compile(rf"^ {{0,{indent - 1}}}[^\s#]", re.MULTILINE))
    found = ending.search(text, start)
    end = found.start() if found else len(text)
    items = []
    line = text.count("\n", 0, start)
    previous = start
    for item in re.compile(rf"^ {{{indent}}}-(?=[ \n])", re.MULTILINE).finditer(
            text, start, end):
        line += text.count("\n", previous, item.start())
        previous = item.start()
        items.append((item.start(), line))
    return Sections(text.count("\n", 0, keys[0].start()), indent, end, items)


class _Unbatched(Exception):
    """The file cannot be read in batches, or has a problem: read it whole instead."""


def load_in_batches(text: str | bytes, name: str, max_bytes: int = MAX_BYTES
                    ) -> Validated | None:
    """The validated dataset, read a batch of figures at a time; None when the file must be
    read whole (its shape, or any problem, which the whole path then says)."""
    try:
        raw = encode(text, name) if isinstance(text, str) else text
        if len(raw) > max_bytes:
            return None
        decoded = decode(raw, name)
        del raw
        refuse_hidden_breaks(decoded, name)
        guard_depth(decoded, name)
        sections = _sections(decoded)
        if sections is None or not sections.items:
            return None
        return _validated(decoded, sections, name)
    except (_Unbatched, DatasetError, yaml.YAMLError, RecursionError):
        return None


def _validated(text: str, sections: Sections, name: str) -> Validated:
    source_map = BatchMap(text, sections)
    rest = source_map.rest_data(name)
    try:
        dataset = Dataset.model_validate({**rest, "figures": []})
    except ValidationError:
        raise _Unbatched from None
    figures: list[Figure] = []
    typed: dict[int, str] = {}
    anchored = "&" in text
    for first, count, start, end in sections.batches():
        items = _walked(_composed(text[start:end], count, sections, first), name, anchored)
        for index, item in enumerate(items, first):
            if isinstance(item, dict) and isinstance(item.get("value"), Written):
                typed[index] = item["value"].text
        try:
            figures += _figure_list().validate_python(items)
        except ValidationError:
            raise _Unbatched from None
        del items  # the batch's plain data: its models are all that is kept
    whole = dataset.model_copy(update={"figures": figures})
    return checked(whole, typed, source_map, name)


@lru_cache(maxsize=1)
def _figure_list() -> TypeAdapter[list[Figure]]:
    return TypeAdapter(list[Figure])


def _composed(chunk: str, count: int, sections: Sections, first: int) -> yaml.Node:
    """A batch's node tree, checked to hold exactly its items, each where the cut saw it."""
    root = yaml.compose(chunk, Loader=_Composer)
    if not isinstance(root, yaml.SequenceNode) or len(root.value) != count:
        raise _Unbatched
    base = sections.items[first][1]
    lines = [line - base for _, line in sections.items[first:first + count]]
    for index, node in enumerate(root.value):
        below = lines[index + 1] if index + 1 < count else None
        if node.start_mark.line < lines[index] or (below is not None
                                                   and node.start_mark.line >= below):
            raise _Unbatched
    return root


def _walked(root: yaml.Node, name: str, anchored: bool) -> list[Any]:
    walker = _Walker(name, anchored=anchored)
    # Depth 1: where the figures' list stands in the whole file.
    items = walker.node(root, 1)
    if walker.failures or not isinstance(items, list):
        raise _Unbatched
    return items


class BatchMap(SourceMap):
    """Positions found again when a problem needs one: in the figure's own item (composed
    once more), or in the rest of the file."""

    def __init__(self, text: str, sections: Sections) -> None:
        self.text = text
        self.sections = sections
        self._rest: yaml.Node | None = None

    def rest_text(self) -> str:
        """The text with the figures' lines left blank: every other line where it was."""
        start, end = self.sections.items[0][0], self.sections.end
        return self.text[:start] + "\n" * self.text.count("\n", start, end) + self.text[end:]

    def rest_data(self, name: str) -> dict[str, Any]:
        """The rest of the file as plain data; `figures:` stands alone on its line."""
        root = yaml.compose(self.rest_text(), Loader=_Composer)
        if not isinstance(root, yaml.MappingNode):
            raise _Unbatched
        figures = [(key, value) for key, value in root.value if key.value == "figures"]
        if len(figures) != 1 or figures[0][0].start_mark.line != self.sections.key_line \
                or figures[0][0].start_mark.column != 0 \
                or not isinstance(figures[0][1], yaml.ScalarNode) or figures[0][1].value:
            raise _Unbatched
        walker = _Walker(name, anchored="&" in self.text)
        data = walker.node(root, 0)
        if walker.failures or not isinstance(data, dict):
            raise _Unbatched
        self._rest = root
        return data

    def locate(self, path: DataPath, *, key: bool = False) -> Position | None:
        items = self.sections.items
        if not path or path[0] != "figures" or (len(path) == 1 and key):
            return NodeMap(self._rest_root()).locate(path, key=key)
        index = path[1] if len(path) > 1 else None
        if not isinstance(index, int) or not 0 <= index < len(items):
            return Position(items[0][1] + 1, self.sections.indent + 1)  # the list itself
        # The figure's own item, composed alone: a few lines, wherever the figure stands.
        start, line = items[index]
        end = items[index + 1][0] if index + 1 < len(items) else self.sections.end
        root = yaml.compose(self.text[start:end], Loader=_Composer)
        if root is None:
            return None
        found = NodeMap(root).locate((0, *path[2:]), key=key)
        return None if found is None else Position(found.line + line, found.column)

    def _rest_root(self) -> yaml.Node:
        if self._rest is None:  # rest_data, which every load calls first, sets it
            raise _Unbatched
        return self._rest
