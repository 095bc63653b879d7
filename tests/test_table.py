"""The tidy table and its CSV: columns, BOM, numbers, and the formula guard."""

import csv
import io

import pandas as pd
import pytest

from indicators.table import COLUMNS, figure_frame, figure_rows, guard_cell, records, to_csv
from loaders import load_path
from tests.conftest import DATA, MINIMAL, Loader

EXPECTED_COLUMNS = [
    "indicator_id", "indicator", "theme", "value", "unit", "qualifier", "period", "source_id",
    "source_title", "source_publisher", "source_url", "source_published", "source_type",
    "quote", "quote_language",
]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return figure_rows(load_path(DATA).dataset, "fr")


def test_columns_in_order() -> None:
    assert list(COLUMNS) == EXPECTED_COLUMNS


def test_csv_starts_with_a_bom_and_the_header(rows: list[dict[str, object]]) -> None:
    data = to_csv(rows)
    assert data.startswith(b"\xef\xbb\xbfindicator_id,indicator,theme,value,")
    header = data.decode("utf-8-sig").splitlines()[0].split(",")
    # The 15 contract columns first and unchanged, then what the figure model added.
    assert header[:15] == EXPECTED_COLUMNS
    assert header[15] == "figure_id"
    assert header[-6:] == ["as_of", "restates", "as_written", "locator", "note",
                           "note_language"]
    assert all(name.startswith("breakdown_") for name in header[16:-6])


def test_csv_round_trips_through_pandas(rows: list[dict[str, object]]) -> None:
    frame = pd.read_csv(io.BytesIO(to_csv(rows)), encoding="utf-8-sig", keep_default_na=False)
    assert list(frame.columns)[:15] == EXPECTED_COLUMNS
    assert len(frame) == len(rows)
    approved = frame[frame["indicator_id"] == "regularisation_applications_approved"].iloc[0]
    assert approved["value"] == 23096
    assert approved["quote"] == ("En effet, 23 096 demandes ont reçu un avis favorable, soit "
                                 "plus de 83% des dossiers déposés.")
    filed = frame[frame["indicator_id"] == "regularisation_applications_filed"].iloc[0]
    assert (filed["value"], filed["qualifier"]) == (12000, "more_than")
    headline = frame[frame["figure_id"] == "taux-approbation-titre-83"].iloc[0]
    assert headline["restates"] == "taux-approbation-plus-de-83"


def test_breakdowns_and_as_written_have_their_columns() -> None:
    from loaders import load_text

    text = MINIMAL.replace('    quote: "23 096 demandes ont reçu un avis favorable"\n',
                           '    breakdown: {country: SN}\n    as_of: 2017-03-08\n'
                           '    as_written: "23.096"\n    locator: 2e paragraphe\n')
    rows = figure_rows(load_text(text).dataset, "fr")
    header = to_csv(rows).decode("utf-8-sig").splitlines()[0].split(",")
    assert header[15:] == ["figure_id", "breakdown_country", "as_of", "restates", "as_written",
                           "locator", "note", "note_language"]
    assert {key: rows[0][key] for key in header[15:]} == {
        "figure_id": "fig", "breakdown_country": "SN", "as_of": "2017-03-08", "restates": "",
        "as_written": "23.096", "locator": "2e paragraphe", "note": "", "note_language": ""}
    assert rows[0]["quote"] == ""


def test_arabic_labels_and_quotes(rows: list[dict[str, object]]) -> None:
    arabic = figure_rows(load_path(DATA).dataset, "ar")
    agadir = next(row for row in arabic if row["indicator_id"] == "agadir_project_duration")
    assert agadir["indicator"] == "مدة مشروع أكادير «دعم إدماج المهاجرين»"
    assert agadir["quote_language"] == "ar"
    assert agadir["theme"] == "الإدماج المحلي"


@pytest.mark.parametrize(("cell", "expected"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+33 1 23", "'+33 1 23"),
    ("-cmd", "'-cmd"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tindent", "'\tindent"),
    ("\rreturn", "'\rreturn"),
    ("-12", "-12"),
    ("+5.5", "+5.5"),
    ("plain", "plain"),
    (12, 12),
])
def test_guard_cell(cell: object, expected: object) -> None:
    assert guard_cell(cell) == expected


def test_no_formula_cell_in_the_csv() -> None:
    row = dict.fromkeys(COLUMNS, "=1+1")
    row["value"] = -3
    parsed = list(csv.reader(io.StringIO(to_csv([row]).decode("utf-8-sig"))))
    assert parsed[1][COLUMNS.index("value")] == "-3"
    assert all(cell == "'=1+1" for i, cell in enumerate(parsed[1]) if COLUMNS[i] != "value")


def test_french_excel_variant() -> None:
    row = dict.fromkeys(COLUMNS, "x")
    row["value"] = 14.7
    text = to_csv([row], separator=";", decimal=",").decode("utf-8-sig")
    assert text.splitlines()[1].split(";")[COLUMNS.index("value")] == "14,7"


def test_periods_are_exported_in_latin_digits(load: Loader) -> None:
    dataset = load(("    qualifier: exact\n", "    qualifier: exact\n    period: \"٢٠١٤\"\n"),
                   ("    language: fr\n", "    language: fr\n    published: \"٢٠١٦-٠٥\"\n")).dataset
    parsed = list(csv.DictReader(io.StringIO(to_csv(figure_rows(dataset)).decode("utf-8-sig"))))
    assert (parsed[0]["period"], parsed[0]["source_published"]) == ("2014", "2016-05")


def test_the_largest_value_is_written_exactly_from_a_float_column(load: Loader) -> None:
    # The ceiling (10**12) is below 2**53: a float64 column holds every count up to it exactly.
    dataset = load(("value: 23096", "value: 999999999999"),
                   ("23 096 demandes", "999999999999 demandes")).dataset
    frame = figure_frame(dataset).astype({"value": "float64"})
    parsed = list(csv.DictReader(io.StringIO(to_csv(records(frame)).decode("utf-8-sig"))))
    assert parsed[0]["value"] == "999999999999"


def test_the_timeline_downloads_with_its_sources_and_quotes() -> None:
    from indicators.table import MILESTONE_COLUMNS, milestone_rows

    dataset = load_path(DATA).dataset
    rows = milestone_rows(dataset, "en")
    data = to_csv(rows, MILESTONE_COLUMNS).decode("utf-8-sig").splitlines()
    assert data[0].split(",")[:3] == ["milestone_id", "date", "kind"]
    assert len(rows) == len(dataset.milestones) == 10
    assert all(row["quote"] and row["source_id"] for row in rows)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_frame_read_in_another_language_equals_one_built_in_it(language: str) -> None:
    from indicators.table import in_language

    dataset = load_path(DATA).dataset
    derived = in_language(figure_frame(dataset, "fr"), dataset, language)
    built = figure_frame(dataset, language)
    pd.testing.assert_frame_equal(derived, built)
    assert list(derived.dtypes) == list(built.dtypes)
