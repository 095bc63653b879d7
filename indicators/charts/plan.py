"""Which comparisons a theme's figures make: series, sources, breakdowns, parts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from indicators.citations import Cited
from indicators.consistency import PLAUSIBLE_ORDER
from indicators.intervals import as_of_day, time_span
from indicators.models import Figure, Qualifier, Unit
from indicators.periods import parse_partial, parse_period

# A campaign is a moment in time, not a part of a whole: figures broken down by campaign are
# drawn as a series, never as bars side by side as if they added up.
TIME_DIMENSIONS = frozenset({"campaign"})
# Rows of one chart (sources, members of a breakdown); beyond this a chart is a worse table.
MAX_ROWS = 40
# Calendar years are drawn on the timeline and shown as cards, never on a value axis.
VALUE_UNITS = (Unit.count, Unit.percent, Unit.months, Unit.years, Unit.mad)
# A series over at least this many dates shows a trend, and comes before every other chart.
TREND_DATES = 3
# When a figure holds: its campaign (or other breakdown), its period, its as-of date.
Moment = tuple[tuple[tuple[str, str], ...], str | None, str | None]


class Kind(StrEnum):
    """What a chart compares."""

    series = "series"  # one indicator over time
    sources = "sources"  # what each source says about one quantity
    breakdown = "breakdown"  # the members of a breakdown, against their total
    part = "part"  # a part inside its whole (approved of filed)


@dataclass(frozen=True, slots=True)
class Plan:
    """One comparison to draw: what it compares, and the figures it shows beside the marks.

    `others` are a series' undated figures (listed as text), a breakdown's totals (reference
    lines), or a part chart's wholes (one per part, in the same order). `breaks` are the rows
    where a new group of a sources chart starts (another period).
    """

    kind: Kind
    items: tuple[Cited, ...]
    others: tuple[Cited, ...] = ()
    breaks: tuple[int, ...] = ()


def plan_theme(items: Sequence[Cited]) -> tuple[list[Plan], list[Cited]]:
    """Which comparisons a theme's figures make, in reading order, and the figures in none.

    Per indicator, in file order: the part-of-whole chart it is the part of, its series over
    time, what each source says about each of its quantities, and its breakdowns; then all
    of them ordered by what they tell (`_tells`). A figure in no comparison is a lone
    figure, shown as a card. O(n log n) in the number of figures.
    """
    by_indicator: dict[str, list[Cited]] = {}
    for item in items:
        if item.indicator.unit in VALUE_UNITS:
            by_indicator.setdefault(item.indicator.id, []).append(item)
    plans: list[Plan] = []
    for indicator, members in by_indicator.items():
        breakdowns = _breakdown_plans(members)
        in_bars = {item.figure.id for plan in breakdowns for item in plan.items}
        plans += _part_plans(indicator, by_indicator)
        plans += _series_plans(members)
        plans += _sources_plans([item for item in members if item.figure.id not in in_bars])
        plans += breakdowns
    placed = {item.figure.id for plan in plans for item in (*plan.items, *plan.others)}
    return sorted(plans, key=_tells), [item for item in items if item.figure.id not in placed]


def _tells(plan: Plan) -> tuple[bool, int]:
    """What a comparison tells, as a sort key: a trend (a series over TREND_DATES dates or
    more) first, then the most different values side by side; file order on ties.

    Yearly returns over ten years had stood behind two sources agreeing on 36, because
    their indicator came later in the file.
    """
    if plan.kind == Kind.series:
        dates = len({_x_day(item.figure) for item in plan.items})
        return dates < TREND_DATES, -dates
    if plan.kind == Kind.sources:
        return True, -len({(item.figure.value, item.figure.qualifier) for item in plan.items})
    return True, -len(plan.items)


def _is_total(figure: Figure) -> bool:
    """No breakdown, or only a campaign: the whole quantity at one moment."""
    return not figure.breakdown or set(figure.breakdown) <= TIME_DIMENSIONS


def _x_day(figure: Figure) -> date | None:
    """Where a figure stands in time: its as-of date, else its period's last day, if known."""
    if figure.as_of:
        return as_of_day(figure.as_of)
    if not figure.period:
        return None
    _, end = parse_period(figure.period)
    return end.last_day() if end else None


def _series_plans(members: Sequence[Cited]) -> list[Plan]:
    """The indicator over time: its totals at two or more dates, undated ones beside."""
    totals = [item for item in members if _is_total(item.figure)]
    dated = [item for item in totals if _x_day(item.figure) is not None]
    if len({_x_day(item.figure) for item in dated}) < 2:
        return []
    undated = tuple(item for item in totals if _x_day(item.figure) is None)
    return [Plan(Kind.series, tuple(dated), undated)]


def _sources_plans(members: Sequence[Cited]) -> list[Plan]:
    """Per breakdown (a campaign, a region), every group of two or more overlapping figures.

    A figure's time is its period, else its as-of date. Undated figures join the only dated
    group; when there are several, an undated figure could belong to any, so the undated
    ones form a group of their own. The breakdown's groups share one chart, row after row.
    """
    buckets: dict[tuple[tuple[str, str], ...], list[Cited]] = {}
    for item in members:
        buckets.setdefault(item.figure.breakdown_key(), []).append(item)
    plans = []
    for bucket in buckets.values():
        groups = _overlapping([item for item in bucket if _time_of(item.figure)])
        undated = [item for item in bucket if not _time_of(item.figure)]
        if len(groups) == 1:
            groups[0] += undated
        elif undated:
            groups.append(undated)
        rows = [group for group in groups if len(group) >= 2]
        if rows:
            starts = [0]
            for group in rows[:-1]:
                starts.append(starts[-1] + len(group))
            plans.append(Plan(Kind.sources, tuple(item for group in rows for item in group),
                              breaks=tuple(starts[1:])))
    return plans


def _time_of(figure: Figure) -> tuple[date, date] | None:
    """The days a figure can speak of: its period, else its as-of date, else unknown."""
    if figure.period:
        return time_span(figure.period)
    if figure.as_of:
        point = parse_partial(figure.as_of)
        return point.first_day(), point.last_day()
    return None


def _overlapping(items: Sequence[Cited]) -> list[list[Cited]]:
    """Groups of figures whose times overlap, chained: a sweep over their starts.

    Within a group the figures come by date (as-of date or end of period), then file order.
    """
    groups: list[list[Cited]] = []
    reach = date.min
    timed = sorted(((_time_of(item.figure) or (date.min, date.min), index, item)
                    for index, item in enumerate(items)), key=lambda entry: entry[:2])
    for (start, end), _, item in timed:
        if groups and start <= reach:
            groups[-1].append(item)
            reach = max(reach, end)
        else:
            groups.append([item])
            reach = end
    return [sorted(group, key=lambda item: _x_day(item.figure) or date.min) for group in groups]


def _breakdown_plans(members: Sequence[Cited]) -> list[Plan]:
    """Members of one breakdown dimension at one moment, with the totals of that moment.

    Bars come member by member (the member with the largest value first), and a member
    given by several sources has a bar per source.
    """
    totals: dict[Moment, list[Cited]] = {}
    groups: dict[tuple[str, Moment], list[Cited]] = {}
    for item in members:
        figure = item.figure
        totals.setdefault((figure.breakdown_key(), figure.period, figure.as_of), []).append(item)
        dimension = _bar_dimension(figure)
        if dimension is not None:
            rest = tuple(pair for pair in figure.breakdown_key() if pair[0] != dimension)
            groups.setdefault((dimension, (rest, figure.period, figure.as_of)), []).append(item)
    plans = []
    for (dimension, moment), parts in groups.items():
        largest: dict[str, float] = {}
        for item in parts:
            member = _member_of(item.figure, dimension)
            largest[member] = max(largest.get(member, item.figure.value), item.figure.value)
        if len(largest) < 2:
            continue
        ranked = sorted(parts, key=lambda item: (-largest[_member_of(item.figure, dimension)],
                                                 _member_of(item.figure, dimension),
                                                 -item.figure.value))
        plans.append(Plan(Kind.breakdown, tuple(ranked), tuple(totals.get(moment, ()))))
    return plans


def _member_of(figure: Figure, dimension: str) -> str:
    return (figure.breakdown or {}).get(dimension, "")


def _bar_dimension(figure: Figure) -> str | None:
    """The dimension a breakdown figure is a bar of: its first one that is not a campaign."""
    dimensions = sorted(set(figure.breakdown or ()) - TIME_DIMENSIONS)
    return dimensions[0] if dimensions else None


def _part_plans(indicator: str, by_indicator: dict[str, list[Cited]]) -> list[Plan]:
    """The part inside its whole (approved of filed), for each moment both are given for.

    A source that gives both for one moment is a pair of its own, so a share is never made
    of one outlet's part and another's whole; a moment no source gives both for pairs its
    first exact part with its first exact whole.
    """
    plans = []
    for part, whole in PLAUSIBLE_ORDER:
        if part != indicator or whole not in by_indicator:
            continue
        pairs = _pairs(_moments(by_indicator[part]), _moments(by_indicator[whole]))
        if pairs:
            plans.append(Plan(Kind.part, tuple(pair[0] for pair in pairs[:MAX_ROWS]),
                              tuple(pair[1] for pair in pairs[:MAX_ROWS])))
    return plans


def _pairs(parts: dict[Moment, list[Cited]],
           wholes: dict[Moment, list[Cited]]) -> list[tuple[Cited, Cited]]:
    pairs = []
    for moment in sorted(parts.keys() & wholes.keys(), key=_moment_order):
        by_source = {item.source.id: item for item in reversed(wholes[moment])}
        same = [(item, by_source[item.source.id]) for item in parts[moment]
                if item.source.id in by_source]
        pairs += same or [(_first_exact(parts[moment]), _first_exact(wholes[moment]))]
    return pairs


def _first_exact(items: Sequence[Cited]) -> Cited:
    return next((item for item in items if item.figure.qualifier == Qualifier.exact), items[0])


def _moments(members: Sequence[Cited]) -> dict[Moment, list[Cited]]:
    """The totals by moment (campaign, period, as-of date), in file order.

    Figures without any of these pair with nothing: two undated figures may be years apart.
    """
    moments: dict[Moment, list[Cited]] = {}
    for item in members:
        figure = item.figure
        if _is_total(figure) and (figure.breakdown or figure.period or figure.as_of):
            moments.setdefault((figure.breakdown_key(), figure.period, figure.as_of),
                               []).append(item)
    return moments


def _moment_order(key: Moment) -> tuple[date, tuple[tuple[str, str], ...], date]:
    breakdown, period, as_of = key
    return time_span(period)[0] if period else date.min, breakdown, as_of_day(as_of) or date.min
