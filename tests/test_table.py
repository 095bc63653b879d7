"""The tidy table and its CSV: columns, BOM, numbers, and the formula guard."""

import csv
import io

import pandas as pd
import pytest

from indicators.table import COLUMNS, figure_frame, figure_rows, guard_cell, records, to_csv
from loaders import load_path
from tests.conftest import FROZEN, MINIMAL, Loader

EXPECTED_COLUMNS = [
    "indicator_id", "indicator", "theme", "value", "unit", "qualifier", "period", "source_id",
    "source_title", "source_publisher", "source_url", "source_published", "source_type",
    "quote", "quote_language",
]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return figure_rows(load_path(FROZEN).dataset, "fr")


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
    arabic = figure_rows(load_path(FROZEN).dataset, "ar")
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
    # Blanks and invisible characters before the sign: the spreadsheet, or the reader, skips them.
    (" =1+1", "' =1+1"),
    ("\u00a0=1+1", "'\u00a0=1+1"),  # no-break space
    ("\u202f+cmd", "'\u202f+cmd"),  # narrow no-break space
    ("\u3000-2+3", "'\u3000-2+3"),  # ideographic space
    ("\n@SUM(1)", "'\n@SUM(1)"),
    ("\u200b=1+1", "'\u200b=1+1"),  # zero-width space
    ("\u200d\u200c=1+1", "'\u200d\u200c=1+1"),  # zero-width joiner and non-joiner
    ("\u200e-2+3", "'\u200e-2+3"),  # left-to-right mark
    ("\u200f+cmd", "'\u200f+cmd"),  # right-to-left mark
    ("\u2060@SUM(1)", "'\u2060@SUM(1)"),  # word joiner
    ("\u2064=1+1", "'\u2064=1+1"),  # invisible plus
    ("\ufeff=1+1", "'\ufeff=1+1"),  # byte-order mark
    ("\u00ad=1+1", "'\u00ad=1+1"),  # soft hyphen
    ("\u061c=1+1", "'\u061c=1+1"),  # Arabic letter mark
    ("\u202e=1+1", "'\u202e=1+1"),  # right-to-left override
    ("\u2067\u2069=1+1", "'\u2067\u2069=1+1"),  # an isolate, closed
    ("\u034f=1+1", "'\u034f=1+1"),  # combining grapheme joiner
    ("\u3164=1+1", "'\u3164=1+1"),  # Hangul filler, a blank letter
    (" \u200b\u00a0\ufeff=1+1", "' \u200b\u00a0\ufeff=1+1"),
    # Forms that read as the signs: fullwidth, small, the minus sign.
    ("\uff1d1+1", "'\uff1d1+1"),  # ＝
    ("\ufe661+1", "'\ufe661+1"),  # ﹦
    ("\uff0bcmd", "'\uff0bcmd"),  # ＋
    ("\ufe62cmd", "'\ufe62cmd"),  # ﹢
    ("\uff0d2+3", "'\uff0d2+3"),  # －
    ("\ufe632+3", "'\ufe632+3"),  # ﹣
    ("\u22122+3", "'\u22122+3"),  # − minus sign
    ("\u207b2+3", "'\u207b2+3"),  # ⁻ superscript minus
    ("\uff20SUM(1)", "'\uff20SUM(1)"),  # ＠
    ("\ufe6bSUM(1)", "'\ufe6bSUM(1)"),  # ﹫
    ("\u200b\uff1d1+1", "'\u200b\uff1d1+1"),
    ("=\u03381+1", "'=\u03381+1"),  # "=" and a combining stroke, which NFKC makes "≠"
    # Numbers stay numbers, in ASCII digits only.
    ("-12", "-12"),
    ("+5.5", "+5.5"),
    ("-1e3", "-1e3"),
    ("-.5", "-.5"),
    ("-inf", "'-inf"),
    ("-nan", "'-nan"),
    ("-1_000", "'-1_000"),
    ("-\u0663", "'-\u0663"),  # an Arabic-Indic digit
    (" -3", "' -3"),
    ("-3\n", "'-3\n"),
    # Text that starts with nothing a spreadsheet runs.
    ("plain", "plain"),
    ("«\u00a0=\u00a0»", "«\u00a0=\u00a0»"),
    ("\u2014 selon le ministère", "\u2014 selon le ministère"),  # em dash: a dialogue
    ("\u200fأكثر من 12", "\u200fأكثر من 12"),
    ("\u00a0", "\u00a0"),
    ("'=1+1", "'=1+1"),
    ("", ""),
    (12, 12),
    (-3, -3),
    (-3.5, -3.5),
    (None, None),
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

    dataset = load_path(FROZEN).dataset
    rows = milestone_rows(dataset, "en")
    data = to_csv(rows, MILESTONE_COLUMNS).decode("utf-8-sig").splitlines()
    assert data[0].split(",")[:3] == ["milestone_id", "date", "kind"]
    assert len(rows) == len(dataset.milestones) == 10
    assert all(row["quote"] and row["source_id"] for row in rows)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_frame_read_in_another_language_equals_one_built_in_it(language: str) -> None:
    from indicators.table import in_language

    dataset = load_path(FROZEN).dataset
    derived = in_language(figure_frame(dataset, "fr"), dataset, language)
    built = figure_frame(dataset, language)
    pd.testing.assert_frame_equal(derived, built)
    assert list(derived.dtypes) == list(built.dtypes)
