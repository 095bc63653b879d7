"""Named sanity checks on a parsed dataset; each returns problems in plain words."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from indicators.models import Dataset, Figure, Qualifier, Unit
from indicators.periods import YEAR_RANGE
from indicators.problems import Path, Problem
from indicators.quotes import (
    has_bound_marker,
    qualifier_near,
    spans_of_value,
    spans_of_words,
    words_mean,
)

Check = Callable[[Dataset], list[Problem]]

# A century: no residence permit, programme or wait the sources describe comes near it, so a
# longer duration is a typo (often a year, such as 2014, written in a months field).
LONGEST_DURATION = {Unit.months: 1200, Unit.years: 100}
# A conflict warning names this many distinct values; a long series says how many more.
NAMED_VALUES = 10

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
    longest = LONGEST_DURATION.get(unit)
    if longest is not None and value > longest:
        return f"a duration in {unit.value} must be at most a century ({longest}), not {value}"
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
    """The qualifier agrees with a phrase the quote writes next to the value ("plus de 12 000").

    O(n) in the quotes' length: a cheap look for any phrase, then the few words beside each
    place the value is written.
    """
    problems = []
    for index, figure in enumerate(dataset.figures):
        if not has_bound_marker(figure.quote):
            continue
        near = _qualifiers_near(figure)
        written = [found for found in near if found]
        # The value written twice, once bare and once "plus de": either qualifier is right.
        if not written or any((found[0] if found else Qualifier.exact) == figure.qualifier
                              for found in near):
            continue
        qualifier, marker = written[0]
        problems.append(Problem(
            f"the quote says '{marker}' next to the value but the qualifier is "
            f"{figure.qualifier.value}: set qualifier: {qualifier.value}",
            ("figures", index, "qualifier"),
        ))
    return problems


def _qualifiers_near(figure: Figure) -> list[tuple[Qualifier, str] | None]:
    """The qualifier phrase beside each place the quote writes the value, None where bare."""
    spans = (spans_of_words(figure.quote, figure.value_in_words) if figure.value_in_words
             else spans_of_value(figure.quote, figure.value))
    return [qualifier_near(figure.quote, span) for span in spans]


def repeated_figures(dataset: Dataset) -> list[Problem]:
    """No figure is entered twice: same indicator, value, qualifier, period, source and quote.

    O(n): one dictionary of those six fields.
    """
    first_seen: dict[tuple[object, ...], int] = {}
    problems = []
    for index, figure in enumerate(dataset.figures):
        key = (figure.indicator, figure.value, figure.qualifier, figure.period, figure.source,
               figure.quote)
        first = first_seen.setdefault(key, index)
        if first != index:
            problems.append(Problem(
                f"figures.{index} repeats figures.{first} ('{dataset.figures[first].id}'): same "
                "indicator, value, qualifier, period, source and quote; remove one",
                ("figures", index),
            ))
    return problems


def conflicting_values(dataset: Dataset) -> list[Problem]:
    """Figures for one indicator and period that disagree: all stay, a reader is told once.

    O(n): one warning per group, at its first figure, naming each distinct value once.
    """
    figures = dataset.figures
    problems = []
    for group in conflict_groups(figures):
        first = figures[group[0]]
        problems.append(Problem(
            f"conflicting figures for '{first.indicator}' ({first.period or 'no period'}): "
            f"{_shown(first)} here ({first.id}){_others(figures, group)}",
            ("figures", group[0], "value"), severity="warning",
        ))
    return problems


def _others(figures: Sequence[Figure], group: list[int]) -> str:
    """`, <value> in figures.<j> ('<id>')` for each other distinct value, at its first figure."""
    first_of: dict[tuple[float, Qualifier], int] = {}
    for index in group:
        first_of.setdefault((figures[index].value, figures[index].qualifier), index)
    others = list(first_of.values())[1:]
    named = [f", {_shown(figures[j])} in figures.{j} ('{figures[j].id}')"
             for j in others[:NAMED_VALUES - 1]]
    hidden = len(others) - len(named)
    return "".join(named) + (f", … and {hidden} more" if hidden else "")


def conflict_groups(figures: Sequence[Figure]) -> list[list[int]]:
    """Positions of figures sharing an indicator and period whose values or qualifiers differ.

    O(n): one pass to group, one set per group.
    """
    return [[index for index, _ in members]
            for members in _by_indicator_and_period(figures).values()
            if len({(figure.value, figure.qualifier) for _, figure in members}) > 1]


def implausible_pairs(dataset: Dataset) -> list[Problem]:
    """A part larger than its whole for the same period (more approved than applied for).

    O(n): each part is compared once, with the smallest exact whole of its period.
    """
    problems = []
    groups = _by_indicator_and_period(dataset.figures)
    for smaller, larger in PLAUSIBLE_ORDER:
        for (indicator, period), members in groups.items():
            if indicator != smaller:
                continue
            whole = _smallest_exact(groups.get((larger, period), []))
            if whole is None:
                continue
            for i, part in members:
                if part.value > whole.value:
                    problems.append(Problem(
                        f"'{smaller}' ({_plain(part.value)}) is larger than '{larger}' "
                        f"({_plain(whole.value)}) for {period or 'no period'}",
                        ("figures", i, "value"), severity="warning",
                    ))
    return problems


def _smallest_exact(members: list[tuple[int, Figure]]) -> Figure | None:
    exact = [figure for _, figure in members if figure.qualifier == Qualifier.exact]
    return min(exact, key=lambda figure: figure.value, default=None)


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
    repeated_figures,
    conflicting_values,
    implausible_pairs,
)


def run_checks(dataset: Dataset) -> list[Problem]:
    """Every named check, errors and warnings together."""
    return [problem for check in CHECKS for problem in check(dataset)]
