"""Figures as columns: the same figures back, answers from the columns, bytes that hold data."""

from __future__ import annotations

import pickle
from pathlib import Path

import pyarrow as pa
import pytest

from benchmarks.generate import write as write_synthetic
from indicators.citations import cited_by_id, cited_figures
from indicators.columnar import (
    FigureColumns,
    breakdown_names,
    columnar,
    figure_by_id,
    figures_of,
    from_bytes,
    indicators_used,
    notes,
    restating,
    to_bytes,
    to_table,
)
from indicators.models import Note
from indicators.publish import published_files
from indicators.table import figure_frame, in_language, records
from indicators.validation import Validated
from loaders import load_path
from tests.conftest import FROZEN, Loader


@pytest.fixture(scope="module")
def real() -> Validated:
    return load_path(FROZEN)


@pytest.fixture(scope="module")
def stored(real: Validated) -> Validated:
    return from_bytes(to_bytes(real))


def test_every_figure_comes_back_equal(real: Validated, stored: Validated) -> None:
    assert isinstance(stored.dataset.figures, FigureColumns)
    assert len(stored.dataset.figures) == len(real.dataset.figures) == 138
    for before, after in zip(real.dataset.figures, stored.dataset.figures, strict=True):
        assert after == before
        assert after.model_dump() == before.model_dump()
        assert list(after.model_dump()) == list(before.model_dump())  # in the model's order
        assert type(after.value) is type(before.value)  # 23096 stays an int
        assert type(after.note) is type(before.note)  # a plain note or one per language


def test_the_rest_of_the_dataset_and_the_warnings_come_back(real: Validated,
                                                            stored: Validated) -> None:
    assert stored.dataset == real.dataset  # the columns compare with the list they hold
    assert stored.warnings == real.warnings
    assert len(stored.warnings) == 15


@pytest.mark.parametrize("fields", [
    "rounded: true\n    status: running\n    rank: deprecated\n    rank_reason: une erreur",
    "status: provisional\n    rank: preferred\n    rank_reason: {fr: le bilan, en: the count}",
    "rounded: false\n    rank: normal"])
def test_a_figures_standing_is_kept(load: Loader, fields: str) -> None:
    validated = load(("value: 23096", "value: 23000"), ('quote: "23 096', 'quote: "23 000'),
                     ('quote: "23 000', f'{fields}\n    quote: "23 000'))
    before = validated.dataset.figures[0]
    after = from_bytes(to_bytes(validated)).dataset.figures[0]
    assert after == before
    assert after.model_dump(exclude_unset=True) == before.model_dump(exclude_unset=True)


@pytest.mark.parametrize("note", ['"écrit dans la langue de la source"',
                                  "{en: in English, ar: بالعربية}"])
def test_both_shapes_of_note_are_kept(load: Loader, note: str) -> None:
    validated = load(('quote: "23 096', f'note: {note}\n    quote: "23 096'))
    before = validated.dataset.figures[0]
    after = from_bytes(to_bytes(validated)).dataset.figures[0]
    assert isinstance(before.note, str | Note) and after.note == before.note
    assert type(after.note) is type(before.note)


def test_a_figure_made_from_columns_reports_the_fields_an_editor_set(real: Validated,
                                                                      stored: Validated) -> None:
    for before, after in zip(real.dataset.figures, stored.dataset.figures, strict=True):
        assert after.model_dump(exclude_unset=True) == before.model_dump(exclude_none=True)


def test_it_reads_as_the_list_it_replaces(real: Validated, stored: Validated) -> None:
    figures, columns = real.dataset.figures, stored.dataset.figures
    assert columns[0] == figures[0] and columns[-1] == figures[-1]
    assert columns[5:9] == figures[5:9]
    assert columns.take([7, 2]) == [figures[7], figures[2]]
    with pytest.raises(IndexError):
        columns[len(figures)]


def test_questions_answered_from_the_columns_as_from_the_list(real: Validated,
                                                             stored: Validated) -> None:
    figures, columns = real.dataset.figures, stored.dataset.figures
    some = ["regularisation_applications_filed", "iom_member_states"]
    assert figures_of(columns, some) == figures_of(figures, some)
    assert [f.indicator for f in figures_of(columns, some)] == [
        f.indicator for f in figures if f.indicator in some]
    assert breakdown_names(columns) == breakdown_names(figures)
    assert indicators_used(columns) == indicators_used(figures)
    assert list(notes(columns)) == [figure.note for figure in figures]
    restated = next(figure.restates for figure in figures if figure.restates)
    assert restating(columns, restated) == restating(figures, restated) != []
    assert figure_by_id(columns, restated) == figure_by_id(figures, restated)
    assert figure_by_id(columns, "no-such-figure") is None


def test_citing_from_columns_folds_restatements_the_same_way(real: Validated,
                                                             stored: Validated) -> None:
    assert cited_figures(stored.dataset) == cited_figures(real.dataset)
    theme = ["regularisation_applications_approved"]
    assert cited_figures(stored.dataset, theme) == cited_figures(real.dataset, theme)
    folded = next(item for item in cited_figures(real.dataset) if item.restatements)
    assert cited_by_id(stored.dataset, folded.figure.id) == folded
    # A restatement rides with its original: it is not a figure to cite on its own.
    assert cited_by_id(stored.dataset, folded.restatements[0].figure.id) is None


def test_columns_are_a_fraction_of_the_models(tmp_path: Path) -> None:
    validated = load_path(write_synthetic(2_000, tmp_path / "data.yaml"))
    table = to_table(validated.dataset.figures)
    # Repeated texts stored once: about 150 bytes a figure with its quote.
    assert table.nbytes / 2_000 < 300
    assert columnar(validated).dataset.figures == validated.dataset.figures


def test_published_files_are_the_same_bytes_from_columns(real: Validated,
                                                          stored: Validated) -> None:
    assert dict(published_files(stored.dataset, None)) == dict(
        published_files(real.dataset, None))


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_explorers_frame_read_off_the_columns_has_the_same_rows(
        real: Validated, stored: Validated, language: str) -> None:
    built, read = figure_frame(real.dataset, language), figure_frame(stored.dataset, language)
    assert list(read.columns) == list(built.columns)
    assert records(read) == records(built)
    for column in built.columns:
        if built[column].dtype == "category":
            assert list(read[column].cat.categories) == list(built[column].cat.categories)
    assert records(in_language(figure_frame(stored.dataset, "fr"), stored.dataset,
                               language)) == records(built)


def test_bytes_that_are_not_a_table_of_figures_are_refused() -> None:
    with pytest.raises(pa.ArrowInvalid):
        from_bytes(b"ARROW1 but nothing else")
    with pytest.raises(pa.ArrowInvalid):
        from_bytes(pickle.dumps({"a": 1}))
    other = pa.table({"id": ["a"]})
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, other.schema) as writer:
        writer.write_table(other)
    with pytest.raises(ValueError, match=r"^not a table of figures$"):
        from_bytes(bytes(sink.getvalue()))


def test_a_file_is_mapped_not_read(stored: Validated, tmp_path: Path) -> None:
    entry = tmp_path / "entry.arrow"
    entry.write_bytes(to_bytes(stored))
    mapped = from_bytes(entry)
    assert mapped.dataset == stored.dataset
    entry.unlink()  # a replaced or pruned entry: the mapping keeps its pages
    assert mapped.dataset.figures[3] == stored.dataset.figures[3]
