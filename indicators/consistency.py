"""Checks across figures: who disagrees, restatements, running counts, rates and parts.

Every check here is O(n log n) at worst in the number of figures, and reports one problem per
group of figures, never one per pair.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence

from indicators.intervals import Interval, as_of_day, disagreements, figure_interval, time_span
from indicators.models import Dataset, Figure, Qualifier, Rank, Unit
from indicators.periods import open_ended
from indicators.problems import Problem

# A warning names this many figures; a long series says how many more.
NAMED_FIGURES = 10
# (approved, filed, rate): the rate is approved ÷ filed, in percent, for the same period.
RATES: tuple[tuple[str, str, str], ...] = (
    ("regularisation_applications_approved", "regularisation_applications_filed",
     "regularisation_approval_rate"),
)
# (part, whole): the first indicator can never exceed the second for the same period.
PLAUSIBLE_ORDER: tuple[tuple[str, str], ...] = (
    ("regularisation_applications_approved", "regularisation_applications_filed"),
)


def quantity(figure: Figure) -> Hashable:
    """What a figure measures: its indicator, its breakdown, and the date of a running count.

    Running counts are compared only at the same date: two counts of one campaign at two
    dates are a series, not a disagreement.
    """
    return figure.indicator, figure.breakdown_key(), figure.as_of


def conflict_groups(figures: Sequence[Figure]) -> list[list[int]]:
    """Positions of figures of one quantity, over overlapping periods, whose values disagree."""
    return disagreements(figures, quantity)


def conflicting_values(dataset: Dataset) -> list[Problem]:
    """Figures of one quantity that cannot all be right: all stay, a reader is told once."""
    figures = dataset.figures
    problems = []
    for group in conflict_groups(figures):
        first = figures[group[0]]
        named = [f"{shown(figures[index])} in '{figures[index].id}' (figures.{index})"
                 for index in group[:NAMED_FIGURES]]
        more = len(group) - len(named)
        problems.append(Problem(
            f"figures of {_what(first)} disagree ({_when(first)}): "
            + ", ".join(named) + (f", and {more} more" if more else ""),
            ("figures", group[0], "value"), severity="warning"))
    return problems


def restatements_agree(dataset: Dataset) -> list[Problem]:
    """A restatement points at an original of the same quantity whose value it can mean."""
    by_id = {figure.id: figure for figure in dataset.figures}
    problems = []
    for index, figure in enumerate(dataset.figures):
        original = by_id.get(figure.restates or "")
        if original is None:
            continue  # no restates, or an unknown id (references_resolve says so)
        message = _restatement_problem(figure, original)
        if message:
            problems.append(Problem(message, ("figures", index, "restates")))
    return problems


def _restatement_problem(figure: Figure, original: Figure) -> str | None:
    if original.restates is not None:
        return (f"'{original.id}' itself restates '{original.restates}': point restates at "
                f"'{original.restates}', the figure first written")
    if original.id == figure.id:
        return "a figure cannot restate itself"
    if (original.indicator, original.breakdown_key()) != (figure.indicator,
                                                           figure.breakdown_key()):
        return (f"restates '{original.id}', which measures something else "
                f"({_what(original)}): a restatement writes the same figure again")
    if (original.period, original.as_of) != (figure.period, figure.as_of):
        return (f"restates '{original.id}' ({_when(original)}) from another period or date "
                f"({_when(figure)}): a restatement writes the same figure again, for the same "
                "period and date")
    if not _allows(figure).meets(_allows(original)):
        return (f"restates '{original.id}' ({shown(original)}) but writes {shown(figure)}: "
                "the two cannot both be right, so this is not a restatement")
    return None


def as_of_within_period(dataset: Dataset) -> list[Problem]:
    """A running count's date falls inside the period it counts."""
    problems = []
    for index, figure in enumerate(dataset.figures):
        day = as_of_day(figure.as_of)
        if day is None or not figure.period:
            continue
        start, end = time_span(figure.period)
        if not start <= day <= end:
            problems.append(Problem(
                f"as_of {figure.as_of} is outside the period {figure.period}: a running count "
                "is taken during the period it counts", ("figures", index, "as_of")))
    return problems


def rates_agree(dataset: Dataset) -> list[Problem]:
    """A stated rate agrees with the counts it is the ratio of, for the same period.

    23 096 approved of 27 649 filed is 83.5 %: "plus de 83 %" agrees, "92 %" does not. Each
    count's figures are taken together (the widest reading), so only a rate that no reading
    of the counts allows is reported: one warning per breakdown, period and date, naming
    every such rate. O(n).
    """
    counts = {name for approved, filed, _ in RATES for name in (approved, filed)}
    hulls = _hulls(figure for figure in dataset.figures if figure.indicator in counts)
    groups: dict[Hashable, list[int]] = {}
    ratios: dict[Hashable, tuple[str, str, Interval]] = {}
    for approved, filed, rate in RATES:
        for index, figure in enumerate(dataset.figures):
            if figure.indicator != rate or figure.restates is not None:
                continue
            where = (figure.breakdown_key(), figure.period, figure.as_of)
            part, whole = hulls.get((approved, *where)), hulls.get((filed, *where))
            if part is None or whole is None:
                continue
            ratio = _ratio(part, whole)
            if not _allows(figure).meets(ratio):
                groups.setdefault((rate, *where), []).append(index)
                ratios[(rate, *where)] = (approved, filed, ratio)
    problems = []
    for key, members in groups.items():
        approved, filed, ratio = ratios[key]
        first = dataset.figures[members[0]]
        named = [f"{shown(dataset.figures[index])} % in '{dataset.figures[index].id}'"
                 for index in members[:NAMED_FIGURES]]
        more = len(members) - len(named)
        problems.append(Problem(
            f"{_what(first)} ({_when(first)}): " + ", ".join(named)
            + (f", and {more} more" if more else "")
            + f" cannot be '{approved}' ÷ '{filed}', which gives {_range(ratio)} %",
            ("figures", members[0], "value"), severity="warning"))
    return problems


def parts_within_total(dataset: Dataset) -> list[Problem]:
    """The parts of a breakdown (returns by country) do not add up to more than their total.

    For each count, period and date: the least each part can be, added up, against the most
    the total can be. One warning per total. O(n).
    """
    units = {indicator.id: indicator.unit for indicator in dataset.indicators}
    occurrences = {dimension.id for dimension in dataset.dimensions if not dimension.parts}
    totals: dict[Hashable, tuple[int, Interval]] = {}
    least: dict[Hashable, dict[tuple[tuple[str, str], ...], float]] = {}
    for index, figure in enumerate(dataset.figures):
        if units.get(figure.indicator) != Unit.count or figure.restates is not None:
            continue
        split, fixed = _split(figure.breakdown, occurrences)
        key = (figure.indicator, fixed, figure.period, figure.as_of)
        allows = _allows(figure)
        if not split:
            if key not in totals or allows.high < totals[key][1].high:
                totals[key] = (index, allows)
        elif len(split) == 1:
            parts = least.setdefault(key, {})
            low = _least_count(allows)
            parts[figure.breakdown_key()] = min(parts.get(figure.breakdown_key(), low), low)
    problems = []
    for where, (index, total) in totals.items():
        added = sum(least.get(where, {}).values())
        if added > total.high:
            problems.append(Problem(
                f"the parts of {_what(dataset.figures[index])} for {_when(dataset.figures[index])} "
                f"add up to at least "
                f"{plain(added)}, more than the total {shown(dataset.figures[index])}",
                ("figures", index, "value"), severity="warning"))
    return problems


def implausible_pairs(dataset: Dataset) -> list[Problem]:
    """A part larger than its whole for the same period (more approved than applied for).

    O(n): each part is compared once, with the smallest exact whole of its period.
    """
    smallest: dict[tuple[str, str | None], Figure] = {}
    for figure in dataset.figures:
        key = (figure.indicator, figure.period)
        if figure.qualifier == Qualifier.exact and not figure.breakdown and (
                key not in smallest or figure.value < smallest[key].value):
            smallest[key] = figure
    problems = []
    for smaller, larger in PLAUSIBLE_ORDER:
        for index, part in enumerate(dataset.figures):
            if part.indicator != smaller or part.breakdown:
                continue
            whole = smallest.get((larger, part.period))
            if whole is not None and part.value > whole.value:
                problems.append(Problem(
                    f"'{smaller}' ({plain(part.value)}) is larger than '{larger}' "
                    f"({plain(whole.value)}) for {part.period or 'no period'}",
                    ("figures", index, "value"), severity="warning"))
    return problems


def _split(breakdown: dict[str, str] | None,
           occurrences: set[str]) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """A breakdown's parts (by region, country…) and its occurrences (a campaign), sorted."""
    if not breakdown:  # a total: most figures
        return {}, ()
    split = {name: member for name, member in breakdown.items() if name not in occurrences}
    return split, tuple(sorted(set(breakdown.items()) - set(split.items())))


def _least_count(allows: Interval) -> float:
    """The smallest whole count an interval allows (399.5 → 400; more than 400 → 401)."""
    if allows.low <= 0:
        return 0.0
    return float(math.floor(allows.low) + 1 if allows.low_open else math.ceil(allows.low))


def _hulls(figures: Iterable[Figure]) -> dict[Hashable, Interval]:
    """The widest reading of each quantity per period: every figure's interval joined."""
    hulls: dict[Hashable, Interval] = {}
    for figure in figures:
        if figure.restates is not None:
            continue
        key = (figure.indicator, figure.breakdown_key(), figure.period, figure.as_of)
        allows = _allows(figure)
        known = hulls.get(key)
        hulls[key] = allows if known is None else Interval(
            min(known.low, allows.low), max(known.high, allows.high),
            known.low_open and allows.low_open, known.high_open and allows.high_open)
    return hulls


def _ratio(part: Interval, whole: Interval) -> Interval:
    """part ÷ whole in percent, for non-negative counts."""
    low = 0.0 if whole.high == math.inf else max(part.low, 0.0) / whole.high * 100
    high = math.inf if whole.low <= 0 or part.high == math.inf else part.high / whole.low * 100
    return Interval(low, high)


def _allows(figure: Figure) -> Interval:
    return figure_interval(figure)


def _range(interval: Interval) -> str:
    if interval.high == math.inf:
        return f"at least {interval.low:.1f}"
    if round(interval.low, 1) == round(interval.high, 1):
        return f"{interval.low:.1f}"
    return f"{interval.low:.1f}–{interval.high:.1f}"


def _when(figure: Figure) -> str:
    """The period a message names, and the date of a running count."""
    when = figure.period or "no period"
    return f"{when}, as of {figure.as_of}" if figure.as_of else when


def _what(figure: Figure) -> str:
    parts = ", ".join(f"{dimension}: {member}" for dimension, member in figure.breakdown_key())
    return f"'{figure.indicator}'" + (f" ({parts})" if parts else "")


def plain(value: float) -> str:
    """A value as a message writes it: 27649, not 27649.0; 83.5 as is."""
    return str(int(value)) if value == int(value) else str(value)


def shown(figure: Figure) -> str:
    """The value as a message writes it: `more_than 12000`, `23096`."""
    prefix = "" if figure.qualifier == Qualifier.exact else f"{figure.qualifier.value} "
    return f"{prefix}{plain(figure.value)}"


def one_preferred(dataset: Dataset) -> list[Problem]:
    """At most one figure of a quantity (indicator, breakdown, period, as_of) is preferred:
    the page heads a card with it, so two would leave the choice to file order. O(n)."""
    first: dict[Hashable, int] = {}
    problems = []
    for index, figure in enumerate(dataset.figures):
        if figure.rank != Rank.preferred:
            continue
        key = (quantity(figure), figure.period)
        if key not in first:
            first[key] = index
            continue
        earlier = dataset.figures[first[key]]
        problems.append(Problem(
            f"'{earlier.id}' (figures.{first[key]}) is already the preferred figure of "
            f"{_what(figure)} ({_when(figure)}): keep rank: preferred on one of them",
            ("figures", index, "rank")))
    return problems


def open_period_dated(dataset: Dataset) -> list[Problem]:
    """A figure "since 2004" says when it was true: its as_of, or its source's date."""
    published = {source.id: source.published for source in dataset.sources}
    problems = []
    for index, figure in enumerate(dataset.figures):
        if not open_ended(figure.period) or figure.as_of:
            continue
        if published.get(figure.source) is None:
            start = str(figure.period).partition("/")[0]
            problems.append(Problem(
                f"period {figure.period} is open (since {start}) and nothing says "
                "when the figure was true: give as_of (the date the source counts to), or the "
                "source's published date", ("figures", index, "period")))
    return problems


CROSS_CHECKS = (restatements_agree, as_of_within_period, conflicting_values, rates_agree,
                parts_within_total, implausible_pairs, one_preferred, open_period_dated)
