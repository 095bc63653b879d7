"""Partial dates and intervals."""

from datetime import date

import pytest

from indicators.periods import PartialDate, parse_partial, parse_period, start_of


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


@pytest.mark.parametrize(("text", "start"), [
    ("2004/..", date(2004, 1, 1)),
    ("2020-01-21/2020-01-23", date(2020, 1, 21)),
    ("../2025-11", None),
    ("2013-09", date(2013, 9, 1)),
])
def test_start_of(text: str, start: date | None) -> None:
    assert start_of(text) == start
