"""Reading the value a quote writes, in digits or words, and the qualifier phrase beside it."""

import random
import time
from collections.abc import Callable

import pytest

from indicators.models import Qualifier
from indicators.number_words import spans_of_words, words_mean
from indicators.phrases import has_bound_marker, qualifier_near
from indicators.quotes import list_items, spans_of_value, written_as_year

# A hang guard, not a benchmark: linear reading takes milliseconds at these sizes, the
# quadratic reader this replaced took minutes.
LINEAR = 1.0


@pytest.mark.parametrize(("quote", "value", "spans"), [
    ("En effet, 23 096 demandes", 23096, [(10, 16)]),
    ("23\u00a0096", 23096, [(0, 6)]),
    ("23\u202f096", 23096, [(0, 6)]),
    ("23\u2009096", 23096, [(0, 6)]),
    ("23.096", 23096, [(0, 6)]),
    ("23,096", 23096, [(0, 6)]),
    ("23’096", 23096, [(0, 6)]),
    ("23'096", 23096, [(0, 6)]),
    ("٢٣٬٠٩٦ مهاجر", 23096, [(0, 6)]),
    ("۲۳۰۹۶ مهاجر", 23096, [(0, 5)]),
    ("على مدى فترة ٢٤ شهرًا", 24, [(13, 15)]),
    ("a bénéficié à 21073 migrants", 21073, [(14, 19)]),
    ("83%", 83, [(0, 2)]),
    ("83 %", 83, [(0, 2)]),
    ("soit plus de 83% des dossiers", 83, [(13, 15)]),
    ("83%", 83.0, [(0, 2)]),
    ("une hausse de 14,7 %", 14.7, [(14, 18)]),
    ("2.5", 2.5, [(0, 3)]),
    ("un solde de -5 personnes", -5, [(12, 14)]),
    ("un solde de −250", -250, [(12, 16)]),
    ("durant la période 2014-2016", 2014, [(18, 22)]),
    ("durant la période 2014-2016", 2016, [(23, 27)]),
    ("1 000 000 de passagers", 1000000, [(0, 9)]),
    ("1.000.000 de passagers", 1000000, [(0, 9)]),
    ("12 000 000", 12000000, [(0, 10)]),
    ("plus de 12 000 migrants", 12000, [(8, 14)]),
    ("depuis 2004", 2004, [(7, 11)]),
    # A token can be read in more than one way; each reading covers the whole token.
    ("1.000", 1000, [(0, 5)]),
    ("1,000", 1000, [(0, 5)]),
    ("23,096", 23.096, [(0, 6)]),
    ("1,000.5", 1000.5, [(0, 7)]),
    ("1.000,5", 1000.5, [(0, 7)]),
    ("23 096,5", 23096.5, [(0, 8)]),
    ("1 000.000", 1000, [(0, 9)]),  # spaces group, the dot is the decimal point
    ("٣٫٥", 3.5, [(0, 3)]),
    ("174 États membres et 174 pays", 174, [(0, 3), (21, 24)]),
    # A number with a scale word is read whole, in French, Arabic and English.
    ("25 ألف مهاجر", 25000, [(0, 6)]),
    ("٢٥ ألف مهاجر", 25000, [(0, 6)]),
    ("25 ألفًا", 25000, [(0, 8)]),
    ("3 millions 200.000 personnes", 3200000, [(0, 18)]),
    ("5,1 millions de Marocains", 5100000, [(0, 12)]),
    ("86,89 milliards de dirhams", 86890000000, [(0, 15)]),
    ("45,17 MMDH", 45170000000, [(0, 10)]),
    ("1,2 million", 1200000, [(0, 11)]),
    ("2 مليار درهم", 2000000000, [(0, 7)]),
    ("3,5 ملايين", 3500000, [(0, 10)]),
    ("USD 1.2 billion", 1200000000, [(4, 15)]),
    ("5\u00a0mille", 5000, [(0, 7)]),
    ("plus de 2 millions", 2000000, [(8, 18)]),
])
def test_quote_writes_value(quote: str, value: float, spans: list[tuple[int, int]]) -> None:
    assert spans_of_value(quote, value) == spans


@pytest.mark.parametrize(("quote", "value"), [
    ("En effet, 23 096 demandes", 96),  # the tail of a grouped number
    ("En effet, 23 096 demandes", 23),  # its head
    ("12 000 000", 12000),
    ("1.000.000", 0),
    ("1.000.000", 1),
    ("1.000.000", 1000),
    ("83,5 %", 83),
    ("83,5 %", 5),
    ("23 096,5", 23096),
    # Digits glued by a double space, a zero-width space or a figure space: unreadable.
    ("23  096", 23096),
    ("23  096", 23),
    ("23  096", 96),
    ("23\u200b096", 23096),
    ("23\u200b096", 23),
    ("23\u200b096", 96),
    ("23\u2007096", 23096),
    ("23\u2007096", 23),
    ("23\u2007096", 96),
    ("23\t096", 23),
    ("en 2014 23 096 demandes", 2014),  # "2014 23 096" is not one number
    ("en 2014 23 096 demandes", 23096),
    ("1 0000", 1),
    ("depuis 2004", 200),
    ("21073 migrants", 21074),
    ("83% des dossiers", 8),
    ("un solde de -250 personnes", 250),
    ("durant la période 2014-2016", -2016),
    ("un taux de .5", 5),  # a bare fraction
    ("1 000.000", 1000000),
    ("2.5", 25),
    ("14,7", 14),
    # A thousands separator before three zeros is never a decimal point.
    ("1.000", 1),
    ("1,000", 1),
    ("٢٬٠٠٠", 2),
    # The digits of a number with a scale word are not the number.
    ("25 ألف مهاجر", 25),
    ("5,1 millions", 5.1),
    ("86,89 milliards", 86.89),
    ("3 millions 200.000", 3000000),
    ("3 millions 200.000", 200000),
    ("3 millions 200.000", 3),
    ("1,2 million", 1.2),
    ("2 مليار", 2),
    ("5 millionnaires", 5000000),  # a word that starts like a scale word is none
])
def test_quote_does_not_write_value(quote: str, value: float) -> None:
    assert spans_of_value(quote, value) == []


@pytest.mark.parametrize("value", [
    float("inf"), float("-inf"), float("nan"), 1e308, -1e308, 5e-324, 10**15 + 1,
    pytest.param(10**5000, id="10**5000"), pytest.param(-(10**400), id="-10**400"),
])
def test_unwritable_values_match_nothing_and_never_raise(value: float) -> None:
    assert spans_of_value("0 1 1e308 " + "9" * 5000, value) == []


@pytest.mark.parametrize(("quote", "words", "spans"), [
    ("dix communes", "dix", [(0, 3)]),
    ("Dans ce sens, Dix communes", "dix", [(14, 17)]),
    ("dixième commune", "dix", []),
    ("dix-sept communes", "dix", []),
    ("dix-sept communes", "dix-sept", [(0, 8)]),
    ("dix sept communes", "dix-sept", [(0, 8)]),
    ("deux cent mille personnes", "deux", []),
    ("deux cent mille personnes", "deux cent mille", [(0, 15)]),
    ("vingt-et-un ans", "vingt et un", [(0, 11)]),
    ("trente et une communes", "trente", []),
    ("trois et quatre", "trois", []),  # "et" joins two number words
    ("depuis plus de trois ans", "trois", [(15, 20)]),
    ("à deux programmes et un accord", "deux", [(2, 6)]),
    ("one hundred and five", "one hundred", []),
    ("ten communes", "ten", [(0, 3)]),
    ("واحد و عشرون شهرا", "واحد وعشرون", [(0, 12)]),
    ("ثلاث سنوات", "ثلاث", [(0, 4)]),
    ("ثلاث مئة سنة", "ثلاث", []),
    ("e\u0301tait dix", "dix", [(7, 10)]),  # a decomposed accent stays in its word
    ("dix", "", []),
])
def test_spans_of_words(quote: str, words: str, spans: list[tuple[int, int]]) -> None:
    assert spans_of_words(quote, words) == spans


@pytest.mark.parametrize(("words", "value", "language", "expected"), [
    ("dix", 10, "fr", True),
    ("Dix", 10, "fr", True),
    ("dix", 10.0, "fr", True),
    ("trois", 3, "fr", True),
    ("deux", 3, "fr", False),
    ("dix-sept", 17, "fr", True),
    ("dix sept", 17, "fr", True),
    ("ten", 10, "en", True),
    ("عشرة", 10, "ar", True),
    ("واحد وعشرون", 21, "ar", True),
    ("dix", 10.5, "fr", False),
    pytest.param("dix", 10**400, "fr", False, id="dix-10**400"),
    ("dix", 10**15 + 1, "fr", False),
    ("dix", float("inf"), "fr", False),
    ("dix", float("nan"), "fr", False),
    ("dix", 10, "xx", False),
])
def test_words_mean(words: str, value: float, language: str, expected: bool) -> None:
    assert words_mean(words, value, language) is expected


def _near(quote: str, value: float) -> tuple[Qualifier, str] | None:
    return qualifier_near(quote, spans_of_value(quote, value)[0])


@pytest.mark.parametrize(("quote", "value", "expected"), [
    ("soit plus de 83% des dossiers", 83, (Qualifier.more_than, "plus de")),
    ("soit plus de 83 % des dossiers", 83, (Qualifier.more_than, "plus de")),
    ("Plus  de\u00a012 000 migrants", 12000, (Qualifier.more_than, "plus de")),
    ("plus\tde\u202f12 000", 12000, (Qualifier.more_than, "plus de")),
    ("أكثر من 100 بلد", 100, (Qualifier.more_than, "أكثر من")),
    ("بأكثر من 100 بلد", 100, (Qualifier.more_than, "أكثر من")),
    ("ما يزيد  على 100", 100, (Qualifier.more_than, "ما يزيد على")),
    ("au-delà de 5 ans", 5, (Qualifier.more_than, "au-delà de")),
    ("Supérieur à 5", 5, (Qualifier.more_than, "supérieur à")),
    ("12 000 et plus", 12000, (Qualifier.more_than, "et plus")),
    ("12 000   ou\u00a0plus", 12000, (Qualifier.more_than, "ou plus")),
    ("12,000 or more", 12000, (Qualifier.more_than, "or more")),
    ("12,000 and more", 12000, (Qualifier.more_than, "and more")),
    ("12,000 and over", 12000, (Qualifier.more_than, "and over")),
    ("83 % ou plus", 83, (Qualifier.more_than, "ou plus")),
    ("100 فأكثر", 100, (Qualifier.more_than, "فأكثر")),
    ("100 أو أكثر", 100, (Qualifier.more_than, "أو أكثر")),
    ("au moins 5", 5, (Qualifier.at_least, "au moins")),
    ("at least 5", 5, (Qualifier.at_least, "at least")),
    ("على الأقل 5", 5, (Qualifier.at_least, "على الأقل")),
    ("5 على الأقل", 5, (Qualifier.at_least, "على الأقل")),
    ("environ 23 000", 23000, (Qualifier.approximately, "environ")),
    ("23 000 environ", 23000, (Qualifier.approximately, "environ")),
    ("près de 5", 5, (Qualifier.approximately, "près de")),
    ("quelques 5", 5, (Qualifier.approximately, "quelques")),
    ("some 5", 5, (Qualifier.approximately, "some")),
    ("حوالى 5", 5, (Qualifier.approximately, "حوالى")),
    ("بنحو 5", 5, (Qualifier.approximately, "نحو")),
    ("moins de\u202f5", 5, (Qualifier.less_than, "moins de")),
    ("fewer than 5", 5, (Qualifier.less_than, "fewer than")),
    ("under 5", 5, (Qualifier.less_than, "under")),
    ("au plus 5", 5, (Qualifier.at_most, "au plus")),
    ("jusqu’à 5", 5, (Qualifier.at_most, "jusqu'à")),
    ("jusqu'à 5", 5, (Qualifier.at_most, "jusqu'à")),
    ("up to 5", 5, (Qualifier.at_most, "up to")),
    ("5 على الأكثر", 5, (Qualifier.at_most, "على الأكثر")),
    # Symbols, adverbs and the negated phrases, in the three languages.
    ("> 23 096", 23096, (Qualifier.more_than, ">")),
    (">23 096", 23096, (Qualifier.more_than, ">")),
    ("≥ 23 096", 23096, (Qualifier.at_least, "≥")),
    ("~23 096", 23096, (Qualifier.approximately, "~")),
    ("≈ 23 096", 23096, (Qualifier.approximately, "≈")),
    ("< 5", 5, (Qualifier.less_than, "<")),
    ("≤ 5", 5, (Qualifier.at_most, "≤")),
    ("presque 23 096", 23096, (Qualifier.approximately, "presque")),
    ("almost 23,096", 23096, (Qualifier.approximately, "almost")),
    ("roughly 5", 5, (Qualifier.approximately, "roughly")),
    ("quasiment 5", 5, (Qualifier.approximately, "quasiment")),
    ("ما يقارب 5", 5, (Qualifier.approximately, "ما يقارب")),
    ("5 تقريبا", 5, (Qualifier.approximately, "تقريبا")),
    ("5 تقريباً", 5, (Qualifier.approximately, "تقريبا")),
    ("أزيد من 5", 5, (Qualifier.more_than, "أزيد من")),
    ("+ de 5", 5, (Qualifier.more_than, "+ de")),
    ("in excess of 5", 5, (Qualifier.more_than, "in excess of")),
    ("plus de\u200b23 096", 23096, (Qualifier.more_than, "plus de")),
    ("plus\u2060de 23 096", 23096, (Qualifier.more_than, "plus de")),
    ("plus de\u200f 23 096", 23096, (Qualifier.more_than, "plus de")),
    ("pas plus de 23 096", 23096, (Qualifier.at_most, "pas plus de")),
    ("pas moins de 23 096", 23096, (Qualifier.at_least, "pas moins de")),
    ("no more than 5", 5, (Qualifier.at_most, "no more than")),
    ("no fewer than 5", 5, (Qualifier.at_least, "no fewer than")),
    ("ما لا يقل عن 5", 5, (Qualifier.at_least, "ما لا يقل عن")),
    ("لا يزيد عن 5", 5, (Qualifier.at_most, "لا يزيد عن")),
    ("5 فما فوق", 5, (Qualifier.at_least, "فما فوق")),
    ("5 or less", 5, (Qualifier.at_most, "or less")),
    ("plus de 25 ألف", 25000, (Qualifier.more_than, "plus de")),
    ("25 ألف فأكثر", 25000, (Qualifier.more_than, "فأكثر")),
    ("plus de 100 pays et 174 Etats membres", 174, None),  # a phrase elsewhere
    ("le rover 5 est là", 5, None),  # 'over' ends 'rover'
    ("auprès de 5", 5, None),
    ("handsome 5", 5, None),
    ("le 12 au plus tard", 12, None),  # "au plus" after the number says nothing
    ("5 et plusieurs", 5, None),
    ("12 000 migrants et plus", 12000, None),  # not right after the number
    ("5 at least", 5, None),
    ("plus de: 5", 5, None),
])
def test_qualifier_near(quote: str, value: float,
                        expected: tuple[Qualifier, str] | None) -> None:
    assert _near(quote, value) == expected


@pytest.mark.parametrize(("quote", "expected"), [
    ("plus de 12 000", True),
    ("PLUS\u00a0\u00a0DE 12 000", True),
    ("12,000 or\n more", True),
    ("100 فأكثر", True),
    ("jusqu’à 5", True),
    ("23 096 demandes", False),
    ("", False),
])
def test_has_bound_marker(quote: str, expected: bool) -> None:
    assert has_bound_marker(quote) is expected


def _mixed() -> str:
    choices = random.Random(0).choices("0123456789٣ .,’'\u00a0\u200b-%a", k=100_000)
    return "".join(choices)


@pytest.mark.parametrize(("quote", "read"), [
    ("1" + " 000" * 4000, lambda quote: spans_of_value(quote, 1000)),
    (_mixed(), lambda quote: spans_of_value(quote, 1000)),
    (_mixed(), lambda quote: [qualifier_near(quote, span) for span in spans_of_value(quote, 0)]),
    ("1a" * 50_000, lambda quote: [qualifier_near(quote, span)
                                   for span in spans_of_value(quote, 1)]),
    ("5" + " " * 100_000 + "x", lambda quote: spans_of_value(quote, 5)),
    ("plus" + " " * 100_000 + "de 5", lambda quote: _near(quote, 5)),
    ("dix " * 25_000, lambda quote: spans_of_words(quote, "dix")),
    ("trois" + " et" * 30_000, lambda quote: spans_of_words(quote, "trois")),
    ("plus\u00a0de " * 12_500, has_bound_marker),
    ("1 million " * 10_000, lambda quote: spans_of_value(quote, 1000000)),
    ("3 millions 200.000 " * 5_000, lambda quote: spans_of_value(quote, 3200000)),
    ("700 Ivoiriens, " * 7_000, lambda quote: list_items(quote, spans_of_value(quote, 700))),
    ("en 2023 " * 12_000, lambda quote: [written_as_year(quote, span)
                                         for span in spans_of_value(quote, 2023)]),
], ids=["4000 groups", "mixed digits", "qualifiers of mixed", "many numbers", "long space",
        "long space in a phrase", "many number words", "many connectors", "many phrases",
        "many scaled numbers", "many scaled numbers with tails", "a long list",
        "many years"])
def test_long_quotes_are_read_in_linear_time(quote: str, read: Callable[[str], object]) -> None:
    # Processor time of this process: a loaded machine stretches the wall clock, not the work.
    started = time.process_time()
    read(quote)
    assert time.process_time() - started < LINEAR


@pytest.mark.parametrize(("quote", "value", "items"), [
    ("900 Guinéens, 700 Ivoiriens", 700, ["   Ivoiriens"]),
    ("900 Guinéens, 700 Ivoiriens", 900, ["  Guinéens"]),
    ("Guinée : 900 ; Côte d'Ivoire : 700", 700, [" Côte d'Ivoire :  "]),
    ("900 غينيين و700 إيفواريين", 700, ["  إيفواريين"]),
    ("23,096 demandes", 23096, [None]),  # no list: one number
    ("23 096 demandes, déposées en 2014", 23096, ["  demandes"]),
])
def test_list_items(quote: str, value: float, items: list[str | None]) -> None:
    assert list_items(quote, spans_of_value(quote, value)) == items


def test_long_quotes_are_read_right() -> None:
    assert spans_of_value("1" + " 000" * 4000, 1000) == []
    assert spans_of_value("5" + " " * 100_000 + "x", 5) == [(0, 1)]
    assert _near("plus" + " " * 100_000 + "de 5", 5) == (Qualifier.more_than, "plus de")
    assert spans_of_words("dix " * 25_000, "dix") == []
    assert spans_of_words("trois" + " et" * 30_000, "trois") == [(0, 5)]
