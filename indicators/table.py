"""The tidy table of figures with their citations, and its CSV forms."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, cast

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from indicators.columnar import FigureColumns, breakdown_names
from indicators.columnar import notes as notes_of
from indicators.models import Dataset, Figure, Indicator, Note, Source, note_in

COLUMNS: tuple[str, ...] = (
    "indicator_id", "indicator", "theme", "value", "unit", "qualifier", "period",
    "source_id", "source_title", "source_publisher", "source_url", "source_published",
    "source_type", "quote", "quote_language",
)
# After the 15 columns above (a contract: their names and order never change), what the
# figure model added: its id, one column per dimension used in the data, a running count's
# date, the figure it restates, the numeral as printed and where, and the curator's note in
# the table's language when it has one (else as written) with the language it is in.
BREAKDOWN_PREFIX = "breakdown_"
TAIL: tuple[str, ...] = ("as_of", "restates", "as_written", "locator", "note", "note_language")
# Signs that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP CSV
# injection): a text cell whose first visible character reads as one of them is prefixed
# with an apostrophe. NFKC maps the fullwidth and small forms ("＝", "﹦", "＋", "﹫") onto
# these; U+2212 MINUS SIGN it keeps, and spreadsheets read it as a minus.
FORMULA_STARTS = ("=", "+", "-", "@", "\u2212")
# OWASP names a leading tab or carriage return too, whatever follows it.
_CONTROL_STARTS = ("\t", "\r")
# Letters drawn as blank (Hangul fillers, the empty Braille pattern): a reader, and perhaps a
# spreadsheet, takes the sign after them for the cell's start.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Controls, format characters (zero-width spaces and joiners, bidi marks and isolates, the
# soft hyphen, the BOM), combining marks, separators and unassigned code points: nothing seen.
_UNSEEN = frozenset({"Cc", "Cf", "Mn", "Me", "Zs", "Zl", "Zp", "Cn"})
# Where no sign or blank can start a cell (letters, digits, quotes): the guard's fast way out,
# taken by almost every cell of a large export.
_PLAIN_START = frozenset(chr(code) for code in range(0x21, 0x7F)) - set("=+-@")
# A number as a spreadsheet reads it stays one ("-12", "+5.5", "-1e3"); in ASCII digits only,
# as "-٣", "-inf" or "-1_000", which Python's float() accepts, are text to a spreadsheet.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)

Row = dict[str, Any]


MILESTONE_COLUMNS: tuple[str, ...] = (
    "milestone_id", "date", "kind", "label", "source_id", "source_title", "source_publisher",
    "source_url", "quote", "quote_language", "note", "note_language",
)


def milestone_rows(dataset: Dataset, language: str = "fr") -> list[Row]:
    """One row per dated milestone of the timeline, with its source and quote."""
    sources = {source.id: source for source in dataset.sources}
    return [{
        "milestone_id": milestone.id,
        "date": milestone.date,
        "kind": milestone.kind.value,
        "label": milestone.label[language],
        "source_id": milestone.source,
        "source_title": sources[milestone.source].title or "",
        "source_publisher": sources[milestone.source].publisher or "",
        "source_url": sources[milestone.source].url or "",
        "quote": milestone.quote,
        "quote_language": sources[milestone.source].language,
        **_note(milestone.note, language, sources[milestone.source].language),
    } for milestone in dataset.milestones]


def _note(note: str | Note | None, language: str, source_language: str) -> Row:
    shown = note_in(note, language, source_language)
    written, written_in = shown if shown else ("", "")
    return {"note": written, "note_language": written_in}


def columns_for(dataset: Dataset) -> tuple[str, ...]:
    """The CSV's columns for this dataset: the contract's 15, then the figure model's."""
    used = breakdown_names(dataset.figures)
    return (*COLUMNS, "figure_id", *(f"{BREAKDOWN_PREFIX}{name}" for name in used), *TAIL)


def figure_rows(dataset: Dataset, language: str = "fr") -> list[Row]:
    """One row per figure, its indicator and full citation, in file order."""
    return list(_iter_rows(dataset, language))


def iter_figure_rows(dataset: Dataset, language: str = "fr") -> Iterator[Row]:
    """The same rows made one at a time, for a writer that needs each once."""
    return _iter_rows(dataset, language)


def _iter_rows(dataset: Dataset, language: str) -> Iterator[Row]:
    indicators = {indicator.id: indicator for indicator in dataset.indicators}
    sources = {source.id: source for source in dataset.sources}
    themes = {theme.id: theme.label for theme in dataset.themes}
    breakdowns = [column for column in columns_for(dataset)
                  if column.startswith(BREAKDOWN_PREFIX)]
    for figure in dataset.figures:
        indicator, source = indicators[figure.indicator], sources[figure.source]
        parts = figure.breakdown or {}
        yield {
            "indicator_id": indicator.id,
            "indicator": indicator.label[language],
            "theme": themes[indicator.theme][language],
            "value": figure.value,
            "unit": indicator.unit.value,
            "qualifier": figure.qualifier.value,
            "period": figure.period or "",
            "source_id": source.id,
            "source_title": source.title or "",
            "source_publisher": source.publisher or "",
            "source_url": source.url or "",
            "source_published": source.published or "",
            "source_type": source.type.value if source.type else "",
            "quote": figure.quote or "",
            "quote_language": source.language,
            "figure_id": figure.id,
            **{column: parts.get(column.removeprefix(BREAKDOWN_PREFIX), "")
               for column in breakdowns},
            "as_of": figure.as_of or "",
            "restates": figure.restates or "",
            "as_written": figure.as_written or "",
            "locator": figure.locator or "",
            **_note(figure.note, language, source.language),
        }


def figure_frame(dataset: Dataset, language: str = "fr") -> pd.DataFrame:
    """The same table as columns: a fraction of the memory of one dict per row.

    From figures kept as columns, the frame is read off them: its texts stay Arrow arrays
    (no Python text per cell) and its repeated columns are categories made from each
    distinct value once; the rows are the same (tests compare them).
    """
    if isinstance(dataset.figures, FigureColumns):
        return _frame_of_columns(dataset, dataset.figures, language)
    names = columns_for(dataset)
    columns: dict[str, list[Any]] = {column: [] for column in names}
    for row in _iter_rows(dataset, language):
        for column, value in row.items():
            columns[column].append(value)
    frame = pd.DataFrame(columns, columns=list(names))
    # Every column but the value, the quote and the note repeats a few hundred texts at most.
    free = ("value", "quote", "note", "figure_id", "as_written")
    return frame.astype(dict.fromkeys([c for c in names if c not in free], "category"))


def _frame_of_columns(dataset: Dataset, figures: FigureColumns,
                      language: str) -> pd.DataFrame:
    table = figures.table
    indicators = {indicator.id: indicator for indicator in dataset.indicators}
    sources = {source.id: source for source in dataset.sources}
    themes = {theme.id: theme.label for theme in dataset.themes}

    def by_indicator(read: Callable[[Indicator], str]) -> pd.Categorical:
        return _categories(table["indicator"], lambda code: read(indicators[str(code)]))

    def by_source(read: Callable[[Source], str | None]) -> pd.Categorical:
        return _categories(table["source"], lambda code: read(sources[str(code)]) or "")

    def plain(name: str) -> pd.Categorical:
        return _categories(table[name], lambda text: text or "")

    values = table["value"].to_numpy()
    columns: dict[str, Any] = {
        "indicator_id": by_indicator(lambda indicator: indicator.id),
        "indicator": by_indicator(lambda indicator: indicator.label[language]),
        "theme": by_indicator(lambda indicator: themes[indicator.theme][language]),
        "value": values.astype("int64") if pc.all(table["integral"]).as_py() else values,
        "unit": by_indicator(lambda indicator: indicator.unit.value),
        "qualifier": plain("qualifier"), "period": plain("period"),
        "source_id": by_source(lambda source: source.id),
        "source_title": by_source(lambda source: source.title),
        "source_publisher": by_source(lambda source: source.publisher),
        "source_url": by_source(lambda source: source.url),
        "source_published": by_source(lambda source: source.published),
        "source_type": by_source(lambda source: source.type.value if source.type else ""),
        "quote": _texts(table["quote"]),
        "quote_language": by_source(lambda source: source.language),
        "figure_id": _texts(table["id"]),
        **{f"{BREAKDOWN_PREFIX}{name}": _categories(table["breakdown"], _member_of(name))
           for name in breakdown_names(figures)},
        "as_of": plain("as_of"),
        "restates": pd.Categorical(table["restates"].fill_null("").to_numpy(
            zero_copy_only=False)),
        "as_written": _texts(table["as_written"]), "locator": plain("locator"),
    }
    texts, written_in = _notes_in(figures, columns["quote_language"], language)
    columns["note"] = _texts(pa.chunked_array([pa.array(texts, pa.string())]))
    columns["note_language"] = pd.Categorical(written_in)
    return pd.DataFrame(columns, columns=list(columns_for(dataset)))


def _notes_in(figures: Sequence[Figure], source_languages: Iterable[str],
              language: str) -> tuple[list[str], list[str]]:
    """Each figure's note as a table in `language` shows it, and the language it is in."""
    shown = [_note(note, language, source_language) for note, source_language
             in zip(notes_of(figures), source_languages, strict=True)]
    return [note["note"] for note in shown], [note["note_language"] for note in shown]


def _member_of(dimension: str) -> Callable[[str | None], str]:
    """Reads a breakdown's JSON for one dimension's member ("" when it has none)."""
    return lambda text: str(json.loads(text).get(dimension, "")) if text else ""


def _categories(column: pa.ChunkedArray, read: Callable[[Any], str]) -> pd.Categorical:
    """A dictionary column read through `read`, once per distinct value, as categories."""
    array = column.combine_chunks()
    dictionary = array.dictionary.to_pylist()
    missing = read(None) if array.null_count else ""  # the code of a null row
    shown = np.array([*(read(value) for value in dictionary), missing], dtype=object)
    codes = array.indices.fill_null(len(dictionary)).to_numpy()
    return pd.Categorical(shown[codes])


def _texts(column: pa.ChunkedArray) -> pd.arrays.ArrowExtensionArray:
    """A text column as it stands in Arrow, nulls as empty texts: no Python text per cell."""
    return pd.arrays.ArrowExtensionArray(pc.fill_null(column, ""))


def in_language(frame: pd.DataFrame, dataset: Dataset, language: str) -> pd.DataFrame:
    """A figure frame read in another language: the same rows and columns, sharing every
    column that does not depend on the language. O(n) in the rows for the notes only.

    Only the indicator's and theme's labels and the notes differ between languages; at
    100 000 figures a frame built anew per language cost about 38 MB each.
    """
    indicators = {indicator.id: indicator for indicator in dataset.indicators}
    sources = {source.id: source for source in dataset.sources}
    shown = frame.copy(deep=False)
    shown["indicator"] = pd.Categorical(
        [indicators[code].label[language] for code in frame["indicator_id"]])
    themes = {theme.id: theme.label for theme in dataset.themes}
    shown["theme"] = pd.Categorical(
        [themes[indicators[code].theme][language] for code in frame["indicator_id"]])
    texts, written_in = _notes_in(dataset.figures, (sources[code].language
                                                    for code in frame["source_id"]), language)
    shown["note"] = texts
    shown["note_language"] = pd.Categorical(written_in)
    return shown


def records(frame: pd.DataFrame) -> list[Row]:
    """A frame's rows as mappings, for the CSV writer (built when a file is asked for)."""
    return cast(list[Row], frame.to_dict("records"))


def guard_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula is made plain text: prefixed
    with an apostrophe when its first visible character, in its compatibility form (NFKC),
    is a formula sign, whatever blanks or invisible characters stand before it. A number
    written as text ("-12") is left a number."""
    if not isinstance(value, str) or value[:1] in _PLAIN_START:
        return value
    if value.startswith(_CONTROL_STARTS) or (_starts_formula(value)
                                             and not _NUMBER.fullmatch(value)):
        return "'" + value
    return value


def _starts_formula(text: str) -> bool:
    """Whether the first character a reader sees reads as a formula sign; linear in the
    unseen characters before it."""
    for character in text:
        seen = [shown for shown in unicodedata.normalize("NFKC", character)
                if not _unseen(shown)]
        if seen:
            return seen[0] in FORMULA_STARTS
    return False


def _unseen(character: str) -> bool:
    return (character.isspace() or character in _BLANK_LETTERS
            or unicodedata.category(character) in _UNSEEN)


def to_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str] | None = None, *,
           separator: str = ",", decimal: str = ".") -> bytes:
    """UTF-8 CSV with a BOM (so Excel reads Arabic and accents), formula cells neutralised.

    The columns are the given ones (then rows may be a generator, written as they come),
    else the rows' own (as `figure_rows` or the explorer's frame built them), or the
    contract's 15 when there is no row.
    """
    if columns is None:
        rows = list(rows)
        columns = list(rows[0].keys()) if rows else list(COLUMNS)
    columns = list(columns)
    # Encoded as it is written: one text of the whole file, then its bytes, held the file
    # three times over (a single Arabic letter makes a Python text 2-4 bytes a character).
    buffer = io.BytesIO()
    text = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=separator, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column, ""), decimal) for column in columns])
    text.flush()
    text.detach()
    return buffer.getvalue()


def _cell(value: Any, decimal: str) -> Any:
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
        return text.replace(".", decimal)
    if value is None:
        return ""
    return guard_cell(value)
