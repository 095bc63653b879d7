"""Numbers, bounds, dates and periods for each language, with Babel."""

import ast
from pathlib import Path

import pytest

from indicators.formatting import (
    LRI,
    PDI,
    colon,
    comma,
    embed,
    number,
    partial_date,
    period,
    semicolon,
    value,
    value_in_words,
)
from indicators.models import LANGUAGES, Figure, Qualifier, Unit
from indicators.periods import PartialDate
from tests.conftest import ROOT


def _figure(amount: float, qualifier: str = "exact") -> Figure:
    return Figure(id="f", indicator="i", value=amount, qualifier=Qualifier(qualifier),
                  source="s", quote="x")


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "23\u202f096"), ("en", "23,096"), ("ar", "23.096")])
def test_number(language: str, expected: str) -> None:
    assert number(23096, language) == expected


@pytest.mark.parametrize(("amount", "qualifier", "unit", "language", "expected"), [
    (83, "more_than", Unit.percent, "fr", "> 83\u00a0%"),
    (12000, "more_than", Unit.count, "fr", "> 12\u202f000"),
    (12000, "more_than", Unit.count, "en", "> 12,000"),
    (23096, "exact", Unit.count, "fr", "23\u202f096"),
    (2004, "exact", Unit.year, "fr", "2004"),
    (24, "exact", Unit.months, "en", "24 months"),
    (100, "at_least", Unit.count, "en", "≥ 100"),
    (3, "more_than", Unit.years, "fr", "> 3 années"),
])
def test_card_value_keeps_the_bound(amount: float, qualifier: str, unit: Unit, language: str,
                                    expected: str) -> None:
    assert value(_figure(amount, qualifier), unit, language) == expected


def test_arabic_values_are_isolated_from_right_to_left_text() -> None:
    assert value(_figure(83, "more_than"), Unit.percent, "ar") == f"{LRI}> 83\u00a0%{PDI}"
    assert value_in_words(_figure(12000, "more_than"), Unit.count, "ar") == (
        f"أكثر من {LRI}12.000{PDI}")


def test_value_in_words() -> None:
    assert value_in_words(_figure(12000, "more_than"), Unit.count, "fr") == "plus de 12\u202f000"
    assert value_in_words(_figure(36), Unit.count, "en") == "36"


@pytest.mark.parametrize(("point", "language", "expected"), [
    (PartialDate(2013, 9), "fr", "septembre 2013"),
    (PartialDate(2016, 5, 2), "fr", "2 mai 2016"),
    (PartialDate(2016, 5, 2), "en", "May 2, 2016"),
    (PartialDate(2025, 11), "ar", "نونبر 2025"),
    (PartialDate(2019), "en", "2019"),
])
def test_partial_date(point: PartialDate, language: str, expected: str) -> None:
    assert partial_date(point, language) == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    (None, "fr", "non indiqué"),
    ("2004/..", "fr", "depuis 2004"),
    ("../2025-11", "en", "until November 2025"),
    ("2014/2016", "en", "2014 – 2016"),
    ("2020-01-21/2020-01-23", "en", "January 21, 2020 – January 23, 2020"),
])
def test_period(text: str | None, language: str, expected: str) -> None:
    assert period(text, language) == expected


def test_embed_isolates_data_text_in_arabic_only() -> None:
    assert embed("Politique Migratoire", "ar") == "\u2068Politique Migratoire\u2069"
    assert embed("Politique Migratoire", "fr") == "Politique Migratoire"


def test_a_running_counts_date_reads_as_french_writes_it() -> None:
    from indicators.formatting import as_of

    assert as_of("2017-03-08", "fr") == "au 8 mars 2017"
    assert as_of("2015-01", "fr") == "en janvier 2015"  # never "au janvier 2015"
    assert as_of("2015-01", "en") == "as of January 2015"


# What a reader sees is punctuated by indicators/formatting.py alone: a colon, a semicolon or a
# comma between list items written elsewhere would punctuate one page differently from another.
_READER_FACING = sorted({*(ROOT / "views").glob("*.py"),
                         *(ROOT / "indicators" / "charts").glob("*.py"), ROOT / "app.py",
                         *(ROOT / "indicators" / name
                           for name in ("citations.py", "explore.py", "table.py"))})
_PUNCTUATION = {" :", ": ", "\u202f:", " ; ", "; ", "\u202f; ", "؛ ", "، ", ", "}


@pytest.mark.parametrize("path", _READER_FACING, ids=lambda path: path.name)
def test_punctuation_has_one_definition(path: Path) -> None:
    written = [(node.lineno, node.value) for node in ast.walk(ast.parse(path.read_text("utf-8")))
               if isinstance(node, ast.Constant) and node.value in _PUNCTUATION]
    assert written == []


def test_every_language_has_its_separators() -> None:
    assert [(colon(language), semicolon(language), comma(language)) for language in LANGUAGES] \
        == [("\u202f:", "\u202f; ", ", "), (":", "؛ ", "، "), (":", "; ", ", ")]
