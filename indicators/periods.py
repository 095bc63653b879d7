"""ISO 8601 partial dates (`2014`, `2014-03-10`) and intervals (`2014/2016`, `2004/..`)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# ISO 8601-2 writes an open end as `..`: "depuis 2004" is `2004/..`, true from then on.
OPEN = ".."


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> date:
        """The earliest day the partial date can mean, for sorting and plotting."""
        return date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        parts += [f"{part:02d}" for part in (self.month, self.day) if part is not None]
        return "-".join(parts)


def parse_partial(text: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, refusing dates that do not exist."""
    match = _PARTIAL.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}: months run from 01 to 12")
    if day is not None and month is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"'{text}' is not a real day: {year}-{month:02d} has {last} days")
    return PartialDate(year, month, day)


def parse_period(text: str) -> tuple[PartialDate | None, PartialDate | None]:
    """A period is one partial date or an interval `start/end` where either end may be `..`."""
    if "/" not in text:
        point = parse_partial(text)
        return point, point
    start_text, _, end_text = text.partition("/")
    start = None if start_text == OPEN else parse_partial(start_text)
    end = None if end_text == OPEN else parse_partial(end_text)
    if start is None and end is None:
        raise ValueError(f"'{text}' has neither a start nor an end")
    if start and end and end.first_day() < start.first_day():
        raise ValueError(f"'{text}' ends before it starts")
    return start, end


def start_of(text: str) -> date | None:
    """The first day of a period, or None when only its end is known."""
    start, _ = parse_period(text)
    return start.first_day() if start else None
