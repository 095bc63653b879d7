"""Partial dates and intervals."""

import re
from collections.abc import Callable

import pytest

from indicators.periods import (
    PartialDate,
    latin_digits,
    normal_date,
    normal_period,
    parse_partial,
    parse_period,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("2014", PartialDate(2014)),
    ("2014-03", PartialDate(2014, 3)),
    ("2016-05-02", PartialDate(2016, 5, 2)),
    ("2024-02-29", PartialDate(2024, 2, 29)),
])
def test_parse_partial(text: str, expected: PartialDate) -> None:
    assert parse_partial(text) == expected
    assert str(expected) == text


@pytest.mark.parametrize(("text", "message"), [
    ("2014-13", r"^'2014-13' has no month 13: months run from 01 to 12$"),
    ("2023-02-29", r"^'2023-02-29' is not a real day: 2023-02 has 28 days$"),
    ("14-03-2014", r"^'14-03-2014' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD$"),
    ("2016/2014", r"^'2016/2014' ends before it starts$"),
    ("../..", r"^'../..' has neither a start nor an end$"),
])
def test_bad_periods(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_period(text)


@pytest.mark.parametrize("parse", [parse_partial, parse_period])
@pytest.mark.parametrize(("text", "message"), [
    ("2014-2015", "'2014-2015' is not a date: write a period as 2014/2015"),
    ("2014 - 2015", "'2014 - 2015' is not a date: write a period as 2014/2015"),
    ("2014–2015", "'2014–2015' is not a date: write a period as 2014/2015"),  # en dash
    ("2014/15", "'2014/15' is not a date: write a period as 2014/2015"),
    ("2014-15", "'2014-15' is not a date: write a period as 2014/2015"),
    ("2014 / 2015", "'2014 / 2015' is not a date: write a period as 2014/2015"),
    ("1999/00", "'1999/00' is not a date: write a period as 1999/2000"),
    ("٢٠١٤-٢٠١٥", "'٢٠١٤-٢٠١٥' is not a date: write a period as 2014/2015"),
    ("08/03/2017", "'08/03/2017' is not a date: write it as 2017-03-08 (YYYY-MM-DD)"),
    ("8/3/2017", "'8/3/2017' is not a date: write it as 2017-03-08 (YYYY-MM-DD)"),
])
def test_other_writings_are_named_in_iso(parse: Callable[[str], object], text: str,
                                         message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        parse(text)


@pytest.mark.parametrize(("text", "message"), [
    ("8 mars 2017", "'8 mars 2017' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("31/02/2017", "'31/02/2017' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("03/25/2017", "'03/25/2017' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("2014/13", "'2014/13' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("2014/2015", "'2014/2015' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("2014-13", "'2014-13' has no month 13: months run from 01 to 12"),
])
def test_a_date_not_read_some_other_way_keeps_the_generic_message(text: str,
                                                                   message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        parse_partial(text)


def test_a_month_that_could_be_a_year_stays_a_month() -> None:
    assert parse_period("2014-12") == (PartialDate(2014, 12), PartialDate(2014, 12))


@pytest.mark.parametrize(("text", "message"), [
    ("0000-05", r"^'0000-05' is in the year 0: dates must fall between 1900 and 2100$"),
    ("1899-12-31", r"^'1899-12-31' is in the year 1899: dates must fall between 1900 and 2100$"),
    ("2101", r"^'2101' is in the year 2101: dates must fall between 1900 and 2100$"),
])
def test_years_outside_1900_2100_are_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_partial(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("2014", "2014"),
    ("٢٠١٤", "2014"),  # Arabic-Indic
    ("۲۰۱۴-۰۳", "2014-03"),  # Extended Arabic-Indic (Persian, Urdu)
    ("2014/2014", "2014"),
    ("2014-03/2014-03", "2014-03"),
    ("٢٠١٤/٢٠١٦", "2014/2016"),
    ("٢٠٠٤/..", "2004/.."),
    ("../2025-11", "../2025-11"),
    ("2014/2014-12", "2014/2014-12"),
])
def test_normal_period(text: str, expected: str) -> None:
    assert normal_period(text) == expected


def test_normal_date_writes_latin_digits() -> None:
    assert normal_date("٢٠١٦-٠٥-٠٢") == "2016-05-02"
    assert latin_digits("2014") == "2014"


def test_a_stored_period_keeps_its_object_when_already_normal() -> None:
    # 100 000 figures share a few hundred interned periods; normalising must not copy them.
    text = "2014-03"
    assert normal_period(text) is text
