"""Reading the value a quote writes, in digits or words, and the bound before it."""

import pytest

from indicators.models import Qualifier
from indicators.quotes import bound_before, spans_of_value, spans_of_words, words_mean


@pytest.mark.parametrize(("quote", "value"), [
    ("En effet, 23 096 demandes", 23096),
    ("a bénéficié à 21073 migrants", 21073),
    ("plus de 12\u00a0000 migrants", 12000),
    ("plus de 12\u202f000 migrants", 12000),
    ("12,000 migrants", 12000),
    ("soit plus de 83% des dossiers", 83),
    ("على مدى فترة ٢٤ شهرًا", 24),
    ("۲۳۰۹۶ مهاجر", 23096),
    ("une hausse de 14,7 %", 14.7),
    ("1.000.000 de passagers", 1000000),
    ("durant la période 2014-2016", 2016),
    ("un solde de -250 personnes", -250),
])
def test_quote_writes_value(quote: str, value: float) -> None:
    assert spans_of_value(quote, value)


@pytest.mark.parametrize(("quote", "value"), [
    ("En effet, 23 096 demandes", 96),  # the tail of a grouped number
    ("En effet, 23 096 demandes", 23),  # its head
    ("depuis 2004", 200),
    ("21073 migrants", 21074),
    ("83% des dossiers", 8),
    ("un solde de -250 personnes", 250),
])
def test_quote_does_not_write_value(quote: str, value: float) -> None:
    assert spans_of_value(quote, value) == []


def test_bound_before_the_number() -> None:
    quote = "soit plus de 83% des dossiers"
    assert bound_before(quote, spans_of_value(quote, 83)[0]) == (Qualifier.more_than, "plus de")
    arabic = "أكثر من 100 بلد"
    assert bound_before(arabic, spans_of_value(arabic, 100)[0]) == (Qualifier.more_than, "أكثر من")


def test_bound_elsewhere_does_not_count() -> None:
    quote = "plus de 100 pays et 174 Etats membres"
    assert bound_before(quote, spans_of_value(quote, 174)[0]) is None


def test_marker_must_be_a_whole_word() -> None:
    quote = "le rover 5 est là"  # 'over' ends 'rover'
    assert bound_before(quote, spans_of_value(quote, 5)[0]) is None


@pytest.mark.parametrize(("words", "value", "language", "expected"), [
    ("dix", 10, "fr", True),
    ("Dix", 10, "fr", True),
    ("trois", 3, "fr", True),
    ("deux", 3, "fr", False),
    ("ten", 10, "en", True),
    ("عشرة", 10, "ar", True),
])
def test_words_mean(words: str, value: int, language: str, expected: bool) -> None:
    assert words_mean(words, value, language) is expected


def test_words_are_whole_words() -> None:
    assert spans_of_words("dix communes", "dix") == [(0, 3)]
    assert spans_of_words("dixième commune", "dix") == []
