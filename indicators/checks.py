"""Named sanity checks on a parsed dataset; each returns problems in plain words."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import combinations

from indicators.models import Dataset, Figure, Qualifier, Unit
from indicators.problems import Path, Problem
from indicators.quotes import (
    bound_before,
    has_bound_marker,
    spans_of_value,
    spans_of_words,
    words_mean,
)

Check = Callable[[Dataset], list[Problem]]

# Calendar years outside this range are typos in a dataset about today's migration policy
# (IOM's founding in 1951 is the oldest year the sources give).
YEAR_RANGE = (1900, 2100)

# (smaller, larger): the first indicator can never exceed the second for the same period.
PLAUSIBLE_ORDER: tuple[tuple[str, str], ...] = (
    ("regularisation_applications_approved", "regularisation_applications_filed"),
)


def unique_ids(dataset: Dataset) -> list[Problem]:
    """Every id is used once within its list."""
    problems = []
    for name in ("sources", "indicators", "figures", "milestones"):
        first_seen: dict[str, int] = {}
        for index, record in enumerate(getattr(dataset, name)):
            if record.id in first_seen:
                problems.append(Problem(
                    f"duplicate id '{record.id}': already used by {name}.{first_seen[record.id]}",
                    (name, index, "id"),
                ))
            first_seen.setdefault(record.id, index)
    return problems


def references_resolve(dataset: Dataset) -> list[Problem]:
    """Every figure names a known indicator and source; every milestone a known source."""
    indicator_ids = {indicator.id for indicator in dataset.indicators}
    source_ids = {source.id for source in dataset.sources}
    problems = []
    for index, figure in enumerate(dataset.figures):
        problems += _unknown(figure.indicator, indicator_ids, "indicator", ("figures", index))
        problems += _unknown(figure.source, source_ids, "source", ("figures", index))
    for index, milestone in enumerate(dataset.milestones):
        problems += _unknown(milestone.source, source_ids, "source", ("milestones", index))
    return problems


def _unknown(ref: str, known: set[str], kind: str, at: Path) -> list[Problem]:
    if ref in known:
        return []
    return [Problem(f"unknown {kind} '{ref}': add it under {kind}s or fix the id", (*at, kind))]


def values_in_range(dataset: Dataset) -> list[Problem]:
    """Counts are whole and non-negative, percentages 0-100, years plausible."""
    units = {indicator.id: indicator.unit for indicator in dataset.indicators}
    problems = []
    for index, figure in enumerate(dataset.figures):
        unit = units.get(figure.indicator)
        message = _range_message(unit, figure.value) if unit else None
        if message:
            problems.append(Problem(message, ("figures", index, "value")))
    return problems


def _range_message(unit: Unit, value: float) -> str | None:
    if unit in (Unit.count, Unit.year) and value != int(value):
        return f"a {unit.value} must be a whole number, not {value}"
    if unit == Unit.percent and not 0 <= value <= 100:
        return f"a percentage must be between 0 and 100, not {value}"
    if unit == Unit.year and not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        return f"a year must be between {YEAR_RANGE[0]} and {YEAR_RANGE[1]}, not {value}"
    if value < 0:
        return f"a {unit.value} cannot be negative, not {value}"
    return None


def quote_writes_value(dataset: Dataset) -> list[Problem]:
    """The quote writes the value: in digits, or in the words given by `value_in_words`."""
    languages = {source.id: source.language for source in dataset.sources}
    problems = []
    for index, figure in enumerate(dataset.figures):
        at = ("figures", index)
        if figure.value_in_words is None:
            if not spans_of_value(figure.quote, figure.value):
                problems.append(Problem(
                    f"the quote does not write the value {_plain(figure.value)}; copy the sentence "
                    "that holds it, or give value_in_words if the source spells it in words",
                    (*at, "quote"),
                ))
            continue
        if not spans_of_words(figure.quote, figure.value_in_words):
            problems.append(Problem(
                f"the quote does not contain value_in_words '{figure.value_in_words}'",
                (*at, "value_in_words"),
            ))
        language = languages.get(figure.source)
        if language and not words_mean(figure.value_in_words, figure.value, language):
            problems.append(Problem(
                f"value_in_words '{figure.value_in_words}' does not spell {_plain(figure.value)} "
                f"in '{language}'",
                (*at, "value_in_words"),
            ))
    return problems


def bound_not_exact(dataset: Dataset) -> list[Problem]:
    """A quote that says "plus de" before the value cannot be marked exact."""
    problems = []
    for index, figure in enumerate(dataset.figures):
        if figure.qualifier != Qualifier.exact or not has_bound_marker(figure.quote):
            continue
        for qualifier, marker in _bounds(figure):
            problems.append(Problem(
                f"the quote says '{marker}' before the value but the qualifier is exact: "
                f"set qualifier: {qualifier.value}",
                ("figures", index, "qualifier"),
            ))
            break
    return problems


def _bounds(figure: Figure) -> list[tuple[Qualifier, str]]:
    spans = (spans_of_words(figure.quote, figure.value_in_words) if figure.value_in_words
             else spans_of_value(figure.quote, figure.value))
    found = (bound_before(figure.quote, span) for span in spans)
    return [bound for bound in found if bound]


def conflicting_values(dataset: Dataset) -> list[Problem]:
    """Two figures for one indicator and period that disagree: both stay, a reader is told."""
    problems = []
    figures = dataset.figures
    for group in conflict_groups(figures):
        for i, j in combinations(group, 2):
            a, b = figures[i], figures[j]
            if (a.value, a.qualifier) != (b.value, b.qualifier):
                problems.append(Problem(
                    f"conflicting figures for '{a.indicator}' ({a.period or 'no period'}): "
                    f"{_shown(a)} here, {_shown(b)} in figures.{j} ('{b.id}')",
                    ("figures", i, "value"), severity="warning",
                ))
    return problems


def conflict_groups(figures: Sequence[Figure]) -> list[list[int]]:
    """Positions of figures sharing an indicator and period whose values or qualifiers differ."""
    return [[index for index, _ in members]
            for members in _by_indicator_and_period(figures).values()
            if len({(figure.value, figure.qualifier) for _, figure in members}) > 1]


def implausible_pairs(dataset: Dataset) -> list[Problem]:
    """A part larger than its whole for the same period (more approved than applied for)."""
    problems = []
    groups = _by_indicator_and_period(dataset.figures)
    for smaller, larger in PLAUSIBLE_ORDER:
        for (indicator, period), members in groups.items():
            if indicator != smaller:
                continue
            for i, part in members:
                for _, whole in groups.get((larger, period), []):
                    if part.value > whole.value and whole.qualifier == Qualifier.exact:
                        problems.append(Problem(
                            f"'{smaller}' ({_plain(part.value)}) is larger than '{larger}' "
                            f"({_plain(whole.value)}) for {period or 'no period'}",
                            ("figures", i, "value"), severity="warning",
                        ))
    return problems


def _by_indicator_and_period(
    figures: Iterable[Figure],
) -> dict[tuple[str, str | None], list[tuple[int, Figure]]]:
    groups: dict[tuple[str, str | None], list[tuple[int, Figure]]] = {}
    for index, figure in enumerate(figures):
        groups.setdefault((figure.indicator, figure.period), []).append((index, figure))
    return groups


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _shown(figure: Figure) -> str:
    prefix = "" if figure.qualifier == Qualifier.exact else f"{figure.qualifier.value} "
    return f"{prefix}{_plain(figure.value)}"


CHECKS: tuple[Check, ...] = (
    unique_ids,
    references_resolve,
    values_in_range,
    quote_writes_value,
    bound_not_exact,
    conflicting_values,
    implausible_pairs,
)


def run_checks(dataset: Dataset) -> list[Problem]:
    """Every named check, errors and warnings together."""
    return [problem for check in CHECKS for problem in check(dataset)]
