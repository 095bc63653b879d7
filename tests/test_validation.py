"""Pydantic's findings turned into `file:line:col: location: message` lines."""

import re

import pytest

from indicators.problems import DatasetError
from tests.conftest import Loader


def _fails(load: Loader, *replacements: tuple[str, str], message: str) -> None:
    with pytest.raises(DatasetError, match=f"^{re.escape(message)}$"):
        load(*replacements)


def test_misspelled_field_suggests_the_right_one(load: Loader) -> None:
    _fails(load, ("value: 23096", "vaule: 23096"), message=(
        "data.yaml:13:5: figures.0.value: missing required field 'value'\n"
        "data.yaml:15:5: figures.0.vaule: unknown field 'vaule'; did you mean 'value'?"))


def test_unknown_field_lists_known_ones(load: Loader) -> None:
    _fails(load, ("    language: fr\n", "    language: fr\n    zzz: 1\n"), message=(
        "data.yaml:6:5: sources.0.zzz: unknown field 'zzz'; known fields: accessed, id, "
        "language, license, note, published, publisher, republished_by, title, type, url"))


def test_unknown_field_in_a_label(load: Loader) -> None:
    _fails(load, ("label: {fr: Libellé,", "label: {fr: Libellé, es: Etiqueta,"), message=(
        "data.yaml:10:26: indicators.0.label.es: unknown field 'es'; known fields: ar, en, fr"))


def test_missing_field(load: Loader) -> None:
    _fails(load, ("    value: 23096\n", ""), message=(
        "data.yaml:13:5: figures.0.value: missing required field 'value'"))


def test_missing_evidence(load: Loader) -> None:
    _fails(load, ("    quote: \"23 096 demandes ont reçu un avis favorable\"\n", ""), message=(
        "data.yaml:13:5: figures.0: a figure needs its evidence: a quote (the sentence that "
        "writes the value), or as_written (the numeral as printed) with a locator"))


def test_value_written_as_text(load: Loader) -> None:
    _fails(load, ("value: 23096", "value: \"23096\""), message=(
        "data.yaml:15:12: figures.0.value: the value must be a number written without quotes, "
        "not '23096'"))


@pytest.mark.parametrize(("written", "message"), [
    ("27.643", "a count must be a whole number, not 27.643: if the source writes 27.643 for "
               "27643, write 27643 (no thousands separator)"),
    ("27 643", "'27 643' is not a number: write 27643 (no thousands separator)"),
    ('"92,5"', "'92,5' is not a number: use a dot for decimals: 92.5"),
    ('"92%"', "'92%' is not a number: write 92 and set the indicator's unit: percent"),
    ("23.5", "a count must be a whole number, not 23.5"),
])
def test_a_number_written_the_french_way_says_what_to_write(load: Loader, written: str,
                                                            message: str) -> None:
    with pytest.raises(DatasetError) as caught:
        load(("value: 23096", f"value: {written}"))
    assert caught.value.lines()[0] == f"data.yaml:15:12: figures.0.value: {message}"


def test_unknown_qualifier(load: Loader) -> None:
    _fails(load, ("qualifier: exact", "qualifier: plus_de"), message=(
        "data.yaml:16:16: figures.0.qualifier: Input should be 'exact', 'more_than', "
        "'at_least', 'approximately', 'less_than' or 'at_most' (got 'plus_de')"))


@pytest.mark.parametrize("link", ["javascript:alert(1)", "ftp://example.org/x", "file:///etc/passwd",
                                  "//example.org", "data:text/html,<b>x</b>"])
def test_links_are_http_only(load: Loader, link: str) -> None:
    _fails(load, ("    language: fr\n", f"    language: fr\n    url: \"{link}\"\n"), message=(
        f"data.yaml:6:10: sources.0.url: links must start with http:// or https:// and name a "
        f"host: '{link}'"))


def test_dates_must_be_real(load: Loader) -> None:
    _fails(load, ("    language: fr\n", "    language: fr\n    published: 2023-02-30\n"),
           message=("data.yaml:6:16: sources.0.published: '2023-02-30' is not a real day: "
                    "2023-02 has 28 days"))


def test_period_as_a_bare_year(load: Loader) -> None:
    validated = load(("source: src\n    quote", "period: 2014\n    source: src\n    quote"))
    assert validated.dataset.figures[0].period == "2014"


def test_bad_id(load: Loader) -> None:
    _fails(load, ("  - id: fig\n", "  - id: Fig One\n"), message=(
        "data.yaml:13:9: figures.0.id: String should match pattern '^[a-z0-9][a-z0-9_-]*$' "
        "(got 'Fig One')"))


def test_whole_file_must_be_a_mapping(load: Loader) -> None:
    _fails(load, ("schema_version: 1\n", "- schema_version: 1\n"), message=(
        "data.yaml:2:1: syntax: this line is inside the list that starts at line 1 but does "
        "not start with '- ': add '- ' for a new item, or indent it like the fields of the item "
        "above"))


def test_top_level_list_is_explained(load: Loader) -> None:
    with pytest.raises(DatasetError, match=r"^data.yaml:1:1: Input should be a valid "
                                           r"dictionary or instance of Dataset"):
        load(text="- 1\n- 2\n")


def test_wrong_schema_version(load: Loader) -> None:
    _fails(load, ("schema_version: 1", "schema_version: 2"), message=(
        "data.yaml:1:17: schema_version: Input should be 1 (got 2)"))


def test_records_of_one_shape_share_their_fields_set(load: Loader) -> None:
    extra = ("    quote: \"23 096 demandes ont reçu un avis favorable\"\n",
             "    quote: \"23 096 demandes ont reçu un avis favorable\"\n"
             "  - id: fig2\n    indicator: ind\n    value: 23096\n    qualifier: exact\n"
             "    source: src\n    quote: \"23096\"\n")
    first, second = load(extra).dataset.figures
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.model_dump(exclude_unset=True).keys() == {
        "id", "indicator", "value", "qualifier", "source", "quote"}
