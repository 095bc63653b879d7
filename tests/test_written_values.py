"""Values an editor could write silently wrong: each is refused with its exact message."""

from __future__ import annotations

import math
from datetime import date

import pytest

from indicators.problems import DatasetError
from tests.conftest import Loader

Replacements = tuple[tuple[str, str], ...]
QUOTE = "23 096 demandes ont reçu un avis favorable"
VALUE = "value: 23096"
QUOTE_AT = "data.yaml:18:12: figures.0.quote: "
VALUE_AT = "data.yaml:15:12: figures.0.value: "
QUALIFIER_AT = "data.yaml:16:16: figures.0.qualifier: "
NOT_WRITTEN = ("the quote does not write the value {}; copy the sentence that holds it, or give "
               "value_in_words if the source spells it in words")


def _lines(load: Loader, *replacements: tuple[str, str]) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        load(*replacements)
    return caught.value.lines()


@pytest.mark.parametrize(("replacements", "lines"), [
    (((VALUE, "value: 1.000"), ("23 096", "1.000")),
     [VALUE_AT + "a count must be a whole number, not 1.000: if the source writes 1.000 for "
                 "1000, write 1000 (no thousands separator)",
      QUOTE_AT + NOT_WRITTEN.format(1)]),
    (((VALUE, "value: 22.150"), ("23 096", "22.150")),
     [VALUE_AT + "a count must be a whole number, not 22.150: if the source writes 22.150 for "
                 "22150, write 22150 (no thousands separator)"]),
    (((VALUE, "value: 23095.99999999999999"),),
     [VALUE_AT + "a count must be a whole number, not 23095.99999999999999"]),
    (((VALUE, "value: 23096.0"),),
     [VALUE_AT + "a count is written without a decimal point: write 23096, not 23096.0"]),
    (((VALUE, "value: 1"), (f'quote: "{QUOTE}"', 'as_written: "1.000"\n    locator: titre')),
     ["data.yaml:18:17: figures.0.as_written: as_written does not write the value 1: copy the "
      "numeral exactly as the source prints it ('18.281', '27 643', 'plus de 83%')"]),
], ids=["French 1.000", "22.150", "more digits than a double", "23096.0", "as_written 1.000"])
def test_a_number_typed_with_a_point_is_named_as_typed(load: Loader, replacements: Replacements,
                                                      lines: list[str]) -> None:
    assert _lines(load, *replacements) == lines


def test_a_thousand_written_the_french_way_is_a_thousand(load: Loader) -> None:
    assert load((VALUE, "value: 1000"), ("23 096", "1.000")).dataset.figures[0].value == 1000


@pytest.mark.parametrize(("value", "quote"), [
    (25000, "25 ألف طلب"),
    (3200000, "3 millions 200.000 demandes"),
    (5100000, "5,1 millions de demandes"),
    (86890000000, "86,89 milliards de demandes"),
    (45170000000, "45,17 MMDH de demandes"),
    (1200000, "1,2 million de demandes"),
    (2000000000, "2 مليار طلب"),
    (1000000000, "1 billion applications"),
])
def test_a_number_with_a_scale_word_is_recorded_whole(load: Loader, value: int,
                                                     quote: str) -> None:
    validated = load((VALUE, f"value: {value}"), (QUOTE, quote))
    assert validated.dataset.figures[0].value == value


@pytest.mark.parametrize(("value", "quote", "written"), [
    ("25", "25 ألف طلب", "25 ألف"),
    ("5.1", "5,1 millions de demandes", "5,1 millions"),
    ("86.89", "86,89 milliards de demandes", "86,89 milliards"),
    ("45.17", "45,17 MMDH", "45,17 MMDH"),
    ("3", "3 millions 200.000 demandes", "3 millions"),
    ("2", "2 مليار طلب", "2 مليار"),
])
def test_the_digits_of_a_scaled_number_are_not_its_value(load: Loader, value: str, quote: str,
                                                        written: str) -> None:
    lines = _lines(load, (VALUE, f"value: {value}"), (QUOTE, quote),
                   ("unit: count", "unit: percent"))
    assert lines == [QUOTE_AT + f"the quote writes '{written}', a number read whole with its "
                                f"scale word: the value is that whole number, not {value}"]


def test_the_parts_of_a_scaled_number_are_not_its_value(load: Loader) -> None:
    lines = _lines(load, (VALUE, "value: 200000"), (QUOTE, "3 millions 200.000 demandes"))
    assert lines == [QUOTE_AT + NOT_WRITTEN.format(200000)]


@pytest.mark.parametrize(("quote", "marker", "qualifier"), [
    ("> 23 096 demandes", ">", "more_than"),
    ("≥ 23 096 demandes", "≥", "at_least"),
    ("~23 096 demandes", "~", "approximately"),
    ("≈ 23 096 demandes", "≈", "approximately"),
    ("≤ 23 096 demandes", "≤", "at_most"),
    ("< 23 096 demandes", "<", "less_than"),
    ("presque 23 096 demandes", "presque", "approximately"),
    ("almost 23,096 applications", "almost", "approximately"),
    ("roughly 23,096 applications", "roughly", "approximately"),
    ("ما يقارب 23096 طلب", "ما يقارب", "approximately"),
    ("23096 طلب تقريبا", None, None),  # the phrase is not beside the number
    ("أزيد من 23096 طلب", "أزيد من", "more_than"),
    ("plus de\u200b23 096 demandes", "plus de", "more_than"),
    ("plus\u2060de 23 096 demandes", "plus de", "more_than"),
    ("plus de \u200f23 096 demandes", "plus de", "more_than"),
    ("pas plus de 23 096 demandes", "pas plus de", "at_most"),
    ("pas moins de 23 096 demandes", "pas moins de", "at_least"),
    ("no more than 23,096 applications", "no more than", "at_most"),
    ("لا يقل عن 23096 طلب", "لا يقل عن", "at_least"),
])
def test_a_qualifier_written_as_a_symbol_or_an_adverb_is_not_exact(
        load: Loader, quote: str, marker: str | None, qualifier: str | None) -> None:
    if marker is None:
        assert load((QUOTE, quote)).dataset.figures[0].qualifier == "exact"
        return
    assert _lines(load, (QUOTE, quote)) == [
        QUALIFIER_AT + f"the quote says '{marker}' next to the value but the qualifier is "
                       f"exact: set qualifier: {qualifier}"]
    assert load((QUOTE, quote), ("qualifier: exact", f"qualifier: {qualifier}"))


def test_pas_plus_de_is_at_most(load: Loader) -> None:
    quote = "pas plus de 23 096 demandes"
    assert load((QUOTE, quote), ("qualifier: exact", "qualifier: at_most"))
    assert _lines(load, (QUOTE, quote), ("qualifier: exact", "qualifier: more_than")) == [
        QUALIFIER_AT + "the quote says 'pas plus de' next to the value but the qualifier is "
                       "more_than: set qualifier: at_most"]


def test_a_value_written_only_as_a_year_is_refused(load: Loader) -> None:
    lines = _lines(load, (VALUE, "value: 2023"), (QUOTE, "en 2023, 2 000 demandes"))
    assert lines == [QUOTE_AT + "the quote writes 2023 only as a year ('en 2023'): the value is "
                                "the number the sentence counts, not its date"]


@pytest.mark.parametrize("quote", ["en 2023, 2023 demandes", "2023 demandes", "fin 2014 : 2023"])
def test_a_count_that_looks_like_a_year_is_kept(load: Loader, quote: str) -> None:
    assert load((VALUE, "value: 2023"), (QUOTE, quote)).dataset.figures[0].value == 2023


LIST = "900 Guinéens, 700 Ivoiriens et 450 Sénégalais"
BREAKDOWN = ("    source: src\n", "    breakdown: {country: GN}\n    source: src\n")


def test_a_breakdown_takes_its_own_members_number(load: Loader) -> None:
    lines = _lines(load, BREAKDOWN, (VALUE, "value: 700"), (QUOTE, LIST))
    assert lines == [VALUE_AT + "the quote writes 700 beside 'Ivoiriens' (country: CI), not "
                                "beside country: GN: check the value or the breakdown"]
    assert load(BREAKDOWN, (VALUE, "value: 900"), (QUOTE, LIST))
    assert load(BREAKDOWN, ("{country: GN}", "{country: SN}"), (VALUE, "value: 450"),
                (QUOTE, LIST))


def test_a_word_that_names_several_members_accuses_none(load: Loader) -> None:
    # "Guinéens" may be Guinea, Guinea-Bissau or Equatorial Guinea: not a sign of an error.
    both = (BREAKDOWN[0], "    breakdown: {country: CI}\n    source: src\n")
    assert load(both, (VALUE, "value: 900"), (QUOTE, LIST))


def test_an_indicator_declares_the_dimensions_its_figures_need(load: Loader) -> None:
    required = ("    label: {fr: Libellé", "    required_breakdown: [campaign]\n"
                                          "    label: {fr: Libellé")
    dimension = ("indicators:\n", "dimensions:\n  - id: campaign\n    label: {fr: Campagne, "
                                  "ar: حملة, en: Campaign}\n    parts: false\n    members:\n"
                                  "      - {id: \"2014\", label: {fr: '2014', ar: '2014', "
                                  "en: '2014'}}\nindicators:\n")
    assert _lines(load, required, dimension) == [
        "data.yaml:20:5: figures.0: 'ind' needs a breakdown by campaign: add breakdown: "
        "{campaign: …} (which campaign the figure counts)"]
    assert _lines(load, required) == [
        "data.yaml:10:26: indicators.0.required_breakdown.0: unknown dimension 'campaign': add "
        "it under dimensions or fix the id",
        "data.yaml:14:5: figures.0: 'ind' needs a breakdown by campaign: add breakdown: "
        "{campaign: …} (which campaign the figure counts)"]
    given = ("    source: src\n", "    breakdown: {campaign: \"2014\"}\n    source: src\n")
    assert load(required, dimension, given).dataset.figures[0].breakdown == {"campaign": "2014"}


def test_a_restatement_is_of_the_same_period_and_date(load: Loader) -> None:
    second = ("figures:\n", "figures:\n  - id: again\n    indicator: ind\n    value: 23096\n"
                            "    qualifier: exact\n    period: \"2015\"\n    restates: fig\n"
                            "    source: src\n    quote: \"23 096 demandes\"\n")
    assert _lines(load, second, ("    source: src\n    quote: \"23 096 demandes ont",
                                 "    period: \"2014\"\n    source: src\n    quote: \"23 096 "
                                 "demandes ont")) == [
        "data.yaml:18:15: figures.0.restates: restates 'fig' (2014) from another period or date "
        "(2015): a restatement writes the same figure again, for the same period and date"]


def test_a_source_is_not_published_in_the_future(load: Loader) -> None:
    today = date.today().isoformat()
    assert _lines(load, ("    title: Titre\n", "    title: Titre\n    published: 2099-05\n"
                                             "    accessed: \"2099\"\n")) == [
        f"data.yaml:5:16: sources.0.published: published 2099-05 is after today ({today}): "
        "check the year",
        f"data.yaml:6:15: sources.0.accessed: accessed 2099 is after today ({today}): check "
        "the year"]
    assert load(("    title: Titre\n", f"    title: Titre\n    published: {today}\n"))


@pytest.mark.parametrize(("replacement", "line"), [
    ((VALUE, "value: !!str 23096"),
     VALUE_AT + "tags such as 'tag:yaml.org,2002:str' are not allowed: write the value without "
                "a tag (a number plainly, a text in quotes)"),
    ((VALUE, "value: !!int 23096"),
     VALUE_AT + "tags such as 'tag:yaml.org,2002:int' are not allowed: write the value without "
                "a tag (a number plainly, a text in quotes)"),
    (("    title: Titre", "    title: !!str Titre"),
     "data.yaml:4:12: sources.0.title: tags such as 'tag:yaml.org,2002:str' are not allowed: "
     "write the value without a tag (a number plainly, a text in quotes)"),
    ((VALUE, "value: &v 23096"),
     VALUE_AT + "anchors and aliases (&name, *name) are not allowed: remove the anchor (&v)"),
    (("schema_version: 1", "schema_version: true"),
     "data.yaml:1:17: schema_version: schema_version is a whole number written plainly "
     "(schema_version: 1), not true"),
    (("schema_version: 1", "schema_version: 1.0"),
     "data.yaml:1:17: schema_version: schema_version is a whole number written plainly "
     "(schema_version: 1), not 1.0"),
    (("    title: Titre\n", "    title: Titre\n    url: \"https://example.org/a b\"\n"),
     "data.yaml:5:10: sources.0.url: a link cannot hold spaces or line breaks: "
     "'https://example.org/a b' (copy the address from the browser's address bar, where a "
     "space is written %20)"),
    (("    title: Titre\n", "    title: Titre\n    url: \"https://example.org/\\na\"\n"),
     "data.yaml:5:10: sources.0.url: a link cannot hold spaces or line breaks: "
     "'https://example.org/\\na' (copy the address from the browser's address bar, where a "
     "space is written %20)"),
], ids=["!!str", "!!int", "!!str title", "anchor alone", "version true", "version 1.0",
        "link with a space", "link with a line break"])
def test_what_the_readme_calls_an_error_is_one(load: Loader, replacement: tuple[str, str],
                                               line: str) -> None:
    assert _lines(load, replacement) == [line]


def test_texts_holding_bang_and_ampersand_are_read(load: Loader) -> None:
    validated = load(("    title: Titre", "    title: \"R&D : attention !\""))
    assert validated.dataset.sources[0].title == "R&D : attention !"


def test_minus_zero_is_zero(load: Loader) -> None:
    figure = load(("unit: count", "unit: percent"), (VALUE, "value: -0.0"),
                  (QUOTE, "0 % des demandes")).dataset.figures[0]
    assert figure.value == 0 and math.copysign(1, figure.value) == 1
