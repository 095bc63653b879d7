"""Validated figures as one Arrow table: what the server keeps, caches on disk and slices.

After validation a figure needs no model object of its own: 100 000 pydantic figures held
about 150 MB, their columns hold a tenth of it. `FigureColumns` stands where a dataset's
list of figures stood; it makes a `Figure` when one is asked for and does not keep it, so a
view that reads a theme's figures holds them only while it draws them. The bytes of a stored
dataset are an Arrow IPC file (the figures, with the rest of the dataset and its warnings as
JSON in the schema's metadata): read back without unpickling anything, or mapped from disk.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar, overload

import numpy as np
import pyarrow as pa
from pydantic import BaseModel

from indicators.models import Dataset, Figure, Note, Qualifier, Rank, Status
from indicators.problems import problem_from_json, problem_json
from indicators.validation import Validated

# Texts that repeat across figures (the indicator's and the source's ids, qualifiers,
# periods, dates, breakdowns, locators) are stored once each, as a dictionary.
_TEXT = pa.string()
_REPEATED = pa.dictionary(pa.int32(), pa.string())
SCHEMA = pa.schema([
    ("id", _TEXT), ("indicator", _REPEATED), ("value", pa.float64()),
    # A value the file wrote as a whole number stays an int (23096, not 23096.0).
    ("integral", pa.bool_()),
    ("qualifier", _REPEATED), ("period", _REPEATED), ("as_of", _REPEATED),
    # The breakdown as JSON in the order the file wrote it ({"campaign": "2016"}), or null
    # for a total.
    ("breakdown", _REPEATED), ("restates", _TEXT), ("source", _REPEATED), ("quote", _TEXT),
    ("as_written", _TEXT), ("locator", _REPEATED), ("value_in_words", _TEXT),
    # A note is a plain text (the source's language) or one text per language.
    ("note", _TEXT), ("note_fr", _TEXT), ("note_ar", _TEXT), ("note_en", _TEXT),
    # A figure's standing: null where the file leaves the field out.
    ("rounded", pa.bool_()), ("status", _REPEATED), ("rank", _REPEATED),
    ("rank_reason", _TEXT), ("rank_reason_fr", _TEXT), ("rank_reason_ar", _TEXT),
    ("rank_reason_en", _TEXT),
])
_PLAIN = ("id", "indicator", "period", "as_of", "restates", "source", "quote", "as_written",
          "locator", "value_in_words")
_AFTER_BREAKDOWN = ("restates", "source", "quote", "as_written", "locator", "value_in_words")
Record = TypeVar("Record", bound=BaseModel)
# One set of field names per shape of record, shared: never changed, the models are frozen.
_shapes: dict[frozenset[str], set[str]] = {}
_NOTES = ("fr", "ar", "en")
# Figures made at a time while iterating: the Python objects of one batch, never all.
_BATCH = 2048
# Where the rest of the dataset and the warnings stand in the file's schema metadata.
_DATASET, _WARNINGS = b"dataset", b"warnings"


def _compute() -> Any:
    """Arrow's compute functions, imported when the server first asks a question of the
    columns: the validating child only writes a table, and they weigh 9 MB in it."""
    import pyarrow.compute

    return pyarrow.compute


class FigureColumns(Sequence[Figure]):
    """A dataset's figures as one Arrow table, in file order; read as a sequence of Figure.

    Indexing, iterating and `take` make figures on demand (about 11 µs each); the columns
    themselves serve the questions asked of every figure at once (which rows belong to
    these indicators, which figure has this id) without making any.
    """

    __slots__ = ("table",)

    def __init__(self, table: pa.Table) -> None:
        self.table = table

    def __len__(self) -> int:
        return int(self.table.num_rows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FigureColumns):
            return bool(self.table.equals(other.table))
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # compared by content, like a list

    @overload
    def __getitem__(self, index: int) -> Figure: ...

    @overload
    def __getitem__(self, index: slice) -> list[Figure]: ...

    def __getitem__(self, index: int | slice) -> Figure | list[Figure]:
        if isinstance(index, slice):
            return self.take(range(len(self))[index])
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return _figures(self.table.slice(index % len(self), 1))[0]

    def __iter__(self) -> Iterator[Figure]:
        for batch in self.table.to_batches(max_chunksize=_BATCH):
            yield from _figures(pa.Table.from_batches([batch]))

    def take(self, rows: Sequence[int] | np.ndarray) -> list[Figure]:
        """The figures at these rows, in the order given."""
        return _figures(self.table.take(pa.array(np.asarray(rows, dtype=np.int64))))

    def rows_of(self, indicators: Collection[str]) -> np.ndarray:
        """The rows of the figures of these indicators, in file order."""
        wanted = _compute().is_in(self.table["indicator"].cast(_TEXT),
                          value_set=pa.array(sorted(indicators), _TEXT))
        return np.flatnonzero(wanted.to_numpy(zero_copy_only=False))

    def row_of(self, figure_id: str) -> int | None:
        """The row of the figure with this id, if any."""
        row = _compute().index(self.table["id"], figure_id).as_py()
        return None if row < 0 else int(row)

    def restating(self, figure_id: str) -> list[Figure]:
        """The figures that restate this one, in file order."""
        found = _compute().equal(self.table["restates"], figure_id).to_numpy(zero_copy_only=False)
        return self.take(np.flatnonzero(found == True))  # noqa: E712 - nulls are not True

    def breakdown_names(self) -> list[str]:
        """Every dimension some figure is broken down by, in order of first use."""
        return list(dict.fromkeys(name for text in self.first_seen("breakdown")
                                  for name in json.loads(text)))

    def first_seen(self, name: str) -> list[str]:
        """A text column's distinct values, in order of first appearance (Arrow's `unique`
        keeps it), nulls left out."""
        return [str(text) for text in
                self.table[name].cast(_TEXT).unique().drop_null().to_pylist()]


def to_table(figures: Sequence[Figure]) -> pa.Table:
    """The figures as one table of SCHEMA, built _BATCH rows at a time; O(n)."""
    batches = [_batch(figures[start:start + _BATCH])
               for start in range(0, len(figures), _BATCH)] or [_batch([])]
    table = pa.Table.from_batches(batches, schema=SCHEMA)
    # One dictionary per column, not one per batch: each repeated text stored once (an
    # IPC file needs it too). The batches stay as they are: copying them into one would
    # add the table again to the validating child's peak.
    return table.unify_dictionaries()


def _batch(figures: Sequence[Figure]) -> pa.RecordBatch:
    columns: dict[str, list[Any]] = {name: [] for name in SCHEMA.names}
    for figure in figures:
        for name in _PLAIN:
            columns[name].append(getattr(figure, name))
        columns["value"].append(float(figure.value))
        columns["integral"].append(isinstance(figure.value, int))
        columns["qualifier"].append(figure.qualifier.value)
        columns["breakdown"].append(json.dumps(figure.breakdown, ensure_ascii=False)
                                    if figure.breakdown else None)
        _add_note(columns, "note", figure.note)
        columns["rounded"].append(figure.rounded)
        columns["status"].append(figure.status.value if figure.status else None)
        columns["rank"].append(figure.rank.value if figure.rank else None)
        _add_note(columns, "rank_reason", figure.rank_reason)
    # Repeated texts go straight into dictionary arrays: encoding plain ones afterwards
    # would import Arrow's compute functions (55 ms and 9 MB in the child) for that alone.
    return pa.RecordBatch.from_arrays(
        [pa.array(columns[field.name], field.type) for field in SCHEMA], schema=SCHEMA)


def _add_note(columns: dict[str, list[Any]], name: str, note: str | Note | None) -> None:
    columns[name].append(note if isinstance(note, str) else None)
    for language in _NOTES:
        columns[f"{name}_{language}"].append(
            getattr(note, language) if isinstance(note, Note) else None)


def _figures(table: pa.Table) -> list[Figure]:
    """Figures made from a (small) table's rows; nothing of them is kept here."""
    columns = {name: table[name].to_pylist() for name in SCHEMA.names}
    breakdowns: dict[str, dict[str, str]] = {}
    qualifiers = {qualifier.value: qualifier for qualifier in Qualifier}
    figures = []
    for row in range(table.num_rows):
        value = columns["value"][row]
        breakdown = columns["breakdown"][row]
        if breakdown is not None and breakdown not in breakdowns:
            breakdowns[breakdown] = json.loads(breakdown)
        # In the model's order of fields, as validation leaves them: a dump lists them so.
        fields: dict[str, Any] = {
            "id": columns["id"][row], "indicator": columns["indicator"][row],
            "value": int(value) if columns["integral"][row] else value,
            "qualifier": qualifiers[columns["qualifier"][row]],
            "period": columns["period"][row], "as_of": columns["as_of"][row],
            "breakdown": None if breakdown is None else dict(breakdowns[breakdown]),
            **{name: columns[name][row] for name in _AFTER_BREAKDOWN},
            "note": _note(columns, row), "rounded": columns["rounded"][row],
            "status": _member(Status, columns["status"][row]),
            "rank": _member(Rank, columns["rank"][row]),
            "rank_reason": _note(columns, row, "rank_reason")}
        figures.append(_record(Figure, fields))
    return figures


def _record(kind: type[Record], fields: dict[str, Any]) -> Record:
    """A model from fields already checked, as pydantic's model_construct makes it, without
    its per-field default lookups (two thirds of the time); the names of the fields set
    (not None) are one shared set per shape, as validation leaves them."""
    record = kind.__new__(kind)
    names = frozenset(name for name, value in fields.items() if value is not None)
    shape = _shapes.get(names)
    if shape is None:
        shape = _shapes[names] = set(names)
    object.__setattr__(record, "__dict__", fields)
    object.__setattr__(record, "__pydantic_fields_set__", shape)
    object.__setattr__(record, "__pydantic_extra__", None)
    object.__setattr__(record, "__pydantic_private__", None)
    return record


def _member(kind: type[Status] | type[Rank], code: str | None) -> Any:
    return None if code is None else kind(code)


def _note(columns: dict[str, list[Any]], row: int, name: str = "note") -> str | Note | None:
    if columns[name][row] is not None:
        return str(columns[name][row])
    fr, ar, en = (columns[f"{name}_{language}"][row] for language in _NOTES)
    if fr is None and ar is None and en is None:  # most figures: no note at all
        return None
    return _record(Note, {"fr": fr, "ar": ar, "en": en})


def columnar(validated: Validated) -> Validated:
    """The same validated dataset with its figures as columns."""
    figures = FigureColumns(to_table(validated.dataset.figures))
    return Validated(validated.dataset.model_copy(update={"figures": figures}),
                     validated.warnings)


def to_bytes(validated: Validated) -> bytes:
    """A validated dataset as an Arrow IPC file: its figures' table, the rest as metadata."""
    dataset = validated.dataset
    figures = dataset.figures
    table = figures.table if isinstance(figures, FigureColumns) else to_table(figures)
    rest = dataset.model_copy(update={"figures": []}).model_dump_json(exclude_none=True)
    warnings = json.dumps([problem_json(problem) for problem in validated.warnings],
                          ensure_ascii=False)
    table = table.replace_schema_metadata({_DATASET: rest.encode("utf-8"),
                                           _WARNINGS: warnings.encode("utf-8")})
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue())


def from_bytes(source: bytes | Path) -> Validated:
    """What `to_bytes` wrote, from the bytes or mapped from the file that holds them.

    Raises pa.ArrowInvalid, KeyError, ValueError or pydantic's ValidationError on bytes that
    are not such a file; builds data and nothing else whatever they hold.
    """
    opened = pa.memory_map(str(source)) if isinstance(source, Path) else pa.py_buffer(source)
    table = pa.ipc.open_file(opened).read_all()
    if table.schema.remove_metadata() != SCHEMA:
        raise ValueError("not a table of figures")
    # Offsets and dictionary indices checked before any is followed: the bytes come from a
    # child that read an untrusted file, or from disk. O(n), milliseconds at 100 000.
    table.validate(full=True)
    metadata = table.schema.metadata
    # The rest of the dataset is checked again as it is read: a few hundred records.
    dataset = Dataset.model_validate_json(metadata[_DATASET])
    warnings = [problem_from_json(entry) for entry in json.loads(metadata[_WARNINGS])]
    figures = FigureColumns(table.replace_schema_metadata(None))
    return Validated(dataset.model_copy(update={"figures": figures}), warnings)


def figures_of(figures: Sequence[Figure], indicators: Collection[str]) -> list[Figure]:
    """The figures of these indicators, in file order: from the columns when the figures
    are columns, so that no other figure is made."""
    if isinstance(figures, FigureColumns):
        return figures.take(figures.rows_of(indicators))
    wanted = set(indicators)
    return [figure for figure in figures if figure.indicator in wanted]


def breakdown_names(figures: Sequence[Figure]) -> list[str]:
    """Every dimension some figure is broken down by, in order of first use."""
    if isinstance(figures, FigureColumns):
        return figures.breakdown_names()
    return list(dict.fromkeys(name for figure in figures for name in (figure.breakdown or {})))


def notes(figures: Sequence[Figure]) -> Iterator[str | Note | None]:
    """Each figure's note in file order; from the note columns alone when they are columns."""
    if not isinstance(figures, FigureColumns):
        yield from (figure.note for figure in figures)
        return
    for batch in figures.table.select(["note", *(f"note_{code}" for code in _NOTES)]) \
            .to_batches(max_chunksize=_BATCH):
        columns = batch.to_pydict()
        yield from (_note(columns, row) for row in range(batch.num_rows))


def figure_by_id(figures: Sequence[Figure], figure_id: str) -> Figure | None:
    """The figure with this id, if any; O(n), a column scan when they are columns."""
    if isinstance(figures, FigureColumns):
        row = figures.row_of(figure_id)
        return None if row is None else figures[row]
    return next((figure for figure in figures if figure.id == figure_id), None)


def restating(figures: Sequence[Figure], figure_id: str) -> list[Figure]:
    """The figures that restate this one, in file order."""
    if isinstance(figures, FigureColumns):
        return figures.restating(figure_id)
    return [figure for figure in figures if figure.restates == figure_id]


def indicators_used(figures: Sequence[Figure]) -> list[str]:
    """The indicators that have figures, in order of their first figure."""
    if isinstance(figures, FigureColumns):
        return figures.first_seen("indicator")
    return list(dict.fromkeys(figure.indicator for figure in figures))
