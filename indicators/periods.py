"""ISO 8601 partial dates (`2014`, `2014-03-10`) and intervals (`2014/2016`, `2004/..`)."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from indicators.text import excerpt

_PARTIAL = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
# ISO 8601-2 writes an open end as `..`: "depuis 2004" is `2004/..`, true from then on.
OPEN = ".."
# Calendar years outside this range are typos in a dataset about today's migration policy
# (IOM's founding in 1951 is the oldest year the sources give); it also keeps every date
# inside what Python's dates, Babel and the charts can draw (year 0 crashes them).
YEAR_RANGE = (1900, 2100)
# How reports and spreadsheets write a span of years (`2014-2015`, `2014 – 2015`, `2014/15`)
# and a day (`08/03/2017`, day first as in French): named in the message, never accepted,
# since `2014-12` and `03/04/2017` would be ambiguous.
_YEAR_SPAN = re.compile(r"^([0-9]{4}) *[-–/] *([0-9]{4}|[0-9]{2})$")
_DAY_FIRST = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> date:
        """The earliest day the partial date can mean, for sorting and plotting."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest day the partial date can mean: `2014` ends on 31 December 2014."""
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        parts += [f"{part:02d}" for part in (self.month, self.day) if part is not None]
        return "-".join(parts)


def latin_digits(text: str) -> str:
    """The text with every decimal digit (Arabic-Indic `٢٠١٤`, Persian `۲۰۱۴`…) in Latin."""
    if text.isascii():
        return text
    return "".join(str(digit) if (digit := unicodedata.decimal(character, None)) is not None
                   else character for character in text)


def parse_partial(text: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, refusing dates that do not exist."""
    match = _PARTIAL.match(latin_digits(text))
    if not match:
        _refuse_other_writing(text)
        raise ValueError(f"{excerpt(text)} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise ValueError(f"{excerpt(text)} is in the year {year}: dates must fall between "
                         f"{YEAR_RANGE[0]} and {YEAR_RANGE[1]}")
    if month is not None and not 1 <= month <= 12:
        _refuse_other_writing(text)  # `2014-15` is two years, not a 15th month
        raise ValueError(f"{excerpt(text)} has no month {month}: months run from 01 to 12")
    if day is not None and month is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"{excerpt(text)} is not a real day: {year}-{month:02d} has "
                             f"{last} days")
    return PartialDate(year, month, day)


def open_ended(text: str | None) -> bool:
    """Whether a (normalised) period runs on to no stated end: "2004/..", since 2004."""
    return bool(text) and str(text).endswith(f"/{OPEN}")


def parse_period(text: str) -> tuple[PartialDate | None, PartialDate | None]:
    """A period is one partial date or an interval `start/end` where either end may be `..`."""
    if "/" not in text:
        point = parse_partial(text)
        return point, point
    start_text, _, end_text = text.partition("/")
    try:
        start = None if start_text == OPEN else parse_partial(start_text)
        end = None if end_text == OPEN else parse_partial(end_text)
    except ValueError:
        _refuse_other_writing(text)  # `2014/15` and `08/03/2017` are read whole
        raise
    if start is None and end is None:
        raise ValueError(f"{excerpt(text)} has neither a start nor an end")
    if start and end and end.first_day() < start.first_day():
        raise ValueError(f"{excerpt(text)} ends before it starts")
    return start, end


def _refuse_other_writing(text: str) -> None:
    """Refuse a span of years or a day-first date with the way to write it here."""
    latin = latin_digits(text)
    if span := _YEAR_SPAN.match(latin):
        start, end = int(span[1]), int(span[2])
        if len(span[2]) == 2:  # `2014/15`, and `1999/00` crosses into the next century
            end += start - start % 100 + (100 if end < start % 100 else 0)
        if end <= YEAR_RANGE[1] and latin != f"{start}/{end}":
            raise ValueError(f"{excerpt(text)} is not a date: write a period as {start}/{end}")
    if day_first := _DAY_FIRST.match(latin):
        day, month, year = (int(part) for part in day_first.groups())
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValueError(f"{excerpt(text)} is not a date: write it as "
                             f"{year:04d}-{month:02d}-{day:02d} (YYYY-MM-DD)")


# Distinct dates and periods kept read: a file repeats a few hundred of them across all its
# figures, and the model and the checks read every one (normalising them was a tenth of
# building the models at 10k). Bounded, as a draft can hold any number of distinct ones.
DISTINCT_DATES = 4096


@lru_cache(maxsize=DISTINCT_DATES)
def normal_date(text: str) -> str:
    """A partial date as stored: checked, in Latin digits (`٢٠١٤` is `2014`)."""
    point = parse_partial(text)
    return text if text.isascii() else str(point)


@lru_cache(maxsize=DISTINCT_DATES)
def normal_period(text: str) -> str:
    """A period as stored and compared: Latin digits, and `2014/2014` written `2014`."""
    start, end = parse_period(text)
    if start is not None and start == end:
        return text if text.isascii() and "/" not in text else str(start)
    if text.isascii():
        return text
    return "/".join(OPEN if point is None else str(point) for point in (start, end))
