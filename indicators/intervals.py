"""What a figure allows: its value as an interval, its period as a time span, and who disagrees.

"83 %" allows 82.5 up to 83.5 (the rounding its writing implies), "plus de 83 %" allows (83, ∞),
a speaker's rounded "28 000" allows 27 000 up to 29 000.
Two figures of one quantity whose periods overlap disagree when their intervals do not meet.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from indicators.models import Figure, Qualifier, last_place
from indicators.periods import DISTINCT_DATES, parse_partial, parse_period

# "environ 12 000", "près de 83 %": a reading within 10 % either side agrees with it. Press
# and officials round "about" figures to two significant digits, which stays within this.
APPROXIMATELY = 0.10
# An undated figure overlaps every period; an open end runs to the edge of time.
BEGINNING, END = date.min, date.max


@dataclass(frozen=True, slots=True)
class Interval:
    """The values a figure allows; an open end excludes its bound ("plus de 83" excludes 83)."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def meets(self, other: Interval) -> bool:
        """Whether some value is allowed by both."""
        low, low_open = max((self.low, self.low_open), (other.low, other.low_open))
        high, high_open = min((self.high, not self.high_open), (other.high, not other.high_open))
        return low < high or (low == high and not low_open and high_open)


def value_interval(value: float, qualifier: Qualifier) -> Interval:
    """The values a figure allows, from its value and how the source qualifies it."""
    if qualifier == Qualifier.exact:
        # Rounded half up: "83" covers 82.5 up to, not including, 83.5, so 83 and 84 never meet.
        half = _half_unit(value)
        return Interval(value - half, value + half, high_open=True)
    if qualifier == Qualifier.approximately:
        return Interval(value * (1 - APPROXIMATELY), value * (1 + APPROXIMATELY))
    if qualifier == Qualifier.more_than:
        return Interval(value, math.inf, low_open=True)
    if qualifier == Qualifier.at_least:
        return Interval(value, math.inf)
    if qualifier == Qualifier.less_than:
        return Interval(-math.inf, value, high_open=True)
    return Interval(-math.inf, value)  # at_most


def figure_interval(figure: Figure) -> Interval:
    """The values a figure allows. A rounded figure allows one unit of its last non-zero
    digit either way: speakers round down ("25 000" for 25 690) as often as to the nearest,
    so half a unit would call an honest round number a disagreement."""
    if figure.rounded:
        place = last_place(figure.value)
        return Interval(figure.value - place, figure.value + place)
    return value_interval(figure.value, figure.qualifier)


def _half_unit(value: float) -> float:
    """Half a unit of the last digit written: 83 → 0.5, 83.5 → 0.05, 14.25 → 0.005."""
    if float(value).is_integer():  # most figures are counts: no decimal digit written
        return 0.5
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    places = max(-int(exponent), 0) if isinstance(exponent, int) else 0
    return 0.5 * 10.0 ** -places


@lru_cache(maxsize=DISTINCT_DATES)  # each distinct text read once
def time_span(period: str | None) -> tuple[date, date]:
    """The first and last day a period can mean; undated is all of time."""
    if not period:
        return BEGINNING, END
    start, end = parse_period(period)
    return (start.first_day() if start else BEGINNING, end.last_day() if end else END)


@lru_cache(maxsize=DISTINCT_DATES)  # each distinct text read once
def as_of_day(text: str | None) -> date | None:
    """The day a running count was taken (the first day of a partial date)."""
    return parse_partial(text).first_day() if text else None


@dataclass(frozen=True, slots=True)
class _Entry:
    index: int
    start: date
    end: date
    allows: Interval


def disagreements(figures: Sequence[Figure],
                  key: Callable[[Figure], Hashable]) -> list[list[int]]:
    """Groups of positions of figures that disagree with one another, one group per quantity.

    Figures are compared within one `key` (indicator, breakdown, date of a running count);
    two disagree when their periods overlap and their intervals do not meet. Restatements
    are left out: they repeat a figure, they do not add one. O(n log n): a sweep over the
    periods' starts keeps the running figures' highest low and lowest high in heaps.
    """
    buckets: dict[Hashable, list[_Entry]] = {}
    for index, figure in enumerate(figures):
        if figure.restates is None:
            start, end = time_span(figure.period)
            buckets.setdefault(key(figure), []).append(
                _Entry(index, start, end, figure_interval(figure)))
    parent: dict[int, int] = {}
    for entries in buckets.values():
        for first, second in _clashes(entries):
            _union(parent, first, second)
    groups: dict[int, list[int]] = {}
    for index in parent:
        groups.setdefault(_find(parent, index), []).append(index)
    return sorted(sorted(group) for group in groups.values())


def _clashes(entries: list[_Entry]) -> Iterable[tuple[int, int]]:
    """Pairs (later, earlier) that overlap in time and disagree; enough to join every group."""
    ending: list[tuple[date, int]] = []  # running figures by the last day of their period
    lows: list[tuple[float, bool, int]] = []  # max-heap of lows: (-low, not open, index)
    highs: list[tuple[float, bool, int]] = []  # min-heap of highs: (high, not open, index)
    running: dict[int, _Entry] = {}
    for entry in sorted(entries, key=lambda item: (item.start, item.index)):
        while ending and ending[0][0] < entry.start:
            running.pop(heapq.heappop(ending)[1], None)
        for heap in (lows, highs):
            while heap and heap[0][2] not in running:
                heapq.heappop(heap)
        for heap in (lows, highs):
            if heap and not entry.allows.meets(running[heap[0][2]].allows):
                yield entry.index, heap[0][2]
        running[entry.index] = entry
        heapq.heappush(ending, (entry.end, entry.index))
        heapq.heappush(lows, (-entry.allows.low, not entry.allows.low_open, entry.index))
        heapq.heappush(highs, (entry.allows.high, not entry.allows.high_open, entry.index))


def _find(parent: dict[int, int], index: int) -> int:
    root = parent.setdefault(index, index)
    while root != parent[root]:
        parent[root] = parent[parent[root]]  # path halving keeps the trees flat
        root = parent[root]
    return root


def _union(parent: dict[int, int], first: int, second: int) -> None:
    parent[_find(parent, first)] = _find(parent, second)
