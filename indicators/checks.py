"""Named sanity checks on a parsed dataset; each returns problems in plain words."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal

from indicators.consistency import CROSS_CHECKS, plain
from indicators.countries import country_codes
from indicators.models import COUNTRY, LANGUAGES, Dataset, Figure, Qualifier, Unit
from indicators.names import MemberNames, country_names
from indicators.number_words import spans_of_words, words_mean
from indicators.periods import YEAR_RANGE, parse_partial
from indicators.phrases import has_bound_marker, qualifier_near
from indicators.problems import Path, Problem
from indicators.quotes import list_items, scale_misread, spans_of_value, written_as_year

Check = Callable[[Dataset], list[Problem]]

# A century: no residence permit, programme or wait the sources describe comes near it, so a
# longer duration is a typo (often a year, such as 2014, written in a months field).
LONGEST_DURATION = {Unit.months: 1200, Unit.years: 100}


def unique_ids(dataset: Dataset) -> list[Problem]:
    """Every id is used once within its list (and a member once within its dimension)."""
    problems = []
    for index, dimension in enumerate(dataset.dimensions):
        if dimension.id == COUNTRY:
            problems.append(Problem(
                "'country' is built in (ISO 3166-1 alpha-2 codes named in every language): "
                "remove this dimension and use country: SN in breakdowns",
                ("dimensions", index, "id")))
        seen: set[str] = set()
        for position, member in enumerate(dimension.members):
            if member.id in seen:
                problems.append(Problem(
                    f"duplicate member '{member.id}' in dimension '{dimension.id}'",
                    ("dimensions", index, "members", position, "id")))
            seen.add(member.id)
    for name in ("themes", "sources", "dimensions", "indicators", "figures", "milestones"):
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
    """Every figure names a known indicator and source, every milestone a known source, every
    indicator a known theme."""
    indicator_ids = {indicator.id for indicator in dataset.indicators}
    source_ids = {source.id for source in dataset.sources}
    problems = []
    figure_ids = {figure.id for figure in dataset.figures}
    members = {dimension.id: {member.id for member in dimension.members}
               for dimension in dataset.dimensions}
    for index, figure in enumerate(dataset.figures):
        problems += _unknown(figure.indicator, indicator_ids, "indicator", ("figures", index))
        problems += _unknown(figure.source, source_ids, "source", ("figures", index))
        if figure.restates is not None and figure.restates not in figure_ids:
            problems.append(Problem(f"restates '{figure.restates}', which is not a figure id: "
                                    "give the id of the figure this one writes again",
                                    ("figures", index, "restates")))
        problems += _breakdown_problems(figure.breakdown or {}, members, ("figures", index))
    for index, milestone in enumerate(dataset.milestones):
        problems += _unknown(milestone.source, source_ids, "source", ("milestones", index))
    theme_ids = {theme.id for theme in dataset.themes}
    for index, indicator in enumerate(dataset.indicators):
        problems += _unknown(indicator.theme, theme_ids, "theme", ("indicators", index))
    return problems


def _breakdown_problems(breakdown: dict[str, str], members: dict[str, set[str]],
                        at: Path) -> list[Problem]:
    problems = []
    for dimension, member in breakdown.items():
        where = (*at, "breakdown", dimension)
        if dimension == COUNTRY:
            if member not in country_codes():
                problems.append(Problem(
                    f"'{member}' is not an ISO 3166-1 alpha-2 country code: write it in capitals, "
                    "as SN for Senegal or CI for Côte d'Ivoire", where))
        elif dimension not in members:
            known = ", ".join(sorted([COUNTRY, *members]))
            problems.append(Problem(f"unknown dimension '{dimension}': declare it under "
                                    f"dimensions (known: {known})", where))
        elif member not in members[dimension]:
            problems.append(Problem(f"'{member}' is not a member of dimension '{dimension}': "
                                    f"add it under its members or use one of "
                                    f"{', '.join(sorted(members[dimension]))}", where))
    return problems


def _unknown(ref: str, known: set[str], kind: str, at: Path) -> list[Problem]:
    if ref in known:
        return []
    return [Problem(f"unknown {kind} '{ref}': add it under {kind}s or fix the id", (*at, kind))]


def required_breakdown_given(dataset: Dataset) -> list[Problem]:
    """A figure gives every dimension its indicator requires ("campaign" for a campaign's count)."""
    dimensions = {dimension.id for dimension in dataset.dimensions} | {COUNTRY}
    problems: list[Problem] = []
    required: dict[str, list[str]] = {}
    for index, indicator in enumerate(dataset.indicators):
        required[indicator.id] = indicator.required_breakdown
        problems.extend(Problem(f"unknown dimension '{name}': add it under dimensions or fix "
                                "the id", ("indicators", index, "required_breakdown", position))
                        for position, name in enumerate(indicator.required_breakdown)
                        if name not in dimensions)
    for index, figure in enumerate(dataset.figures):
        missing = [name for name in required.get(figure.indicator, ())
                   if name not in (figure.breakdown or {})]
        if missing:
            problems.append(Problem(
                f"'{figure.indicator}' needs a breakdown by {', '.join(missing)}: add "
                f"breakdown: {{{', '.join(f'{name}: …' for name in missing)}}} (which "
                f"{' and '.join(missing)} the figure counts)", ("figures", index)))
    return problems


def sources_dated_in_the_past(dataset: Dataset) -> list[Problem]:
    """No source is published or read after today: a future date is a typo in the year."""
    today = date.today()
    problems = []
    for index, source in enumerate(dataset.sources):
        for field in ("published", "accessed"):
            written = getattr(source, field)
            if written and parse_partial(written).first_day() > today:
                problems.append(Problem(
                    f"{field} {written} is after today ({today.isoformat()}): check the year",
                    ("sources", index, field)))
    return problems


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


def values_as_typed(dataset: Dataset, typed: Mapping[int, str]) -> list[Problem]:
    """A count or a year is typed without a decimal point: "1.000" is read as 1 by YAML.

    `typed` holds, by figure position, the digits the file wrote where YAML's reading of
    them loses something ("1.000", "22.150", "23095.99999999999999"); a loader gives it.
    """
    units = {indicator.id: indicator.unit for indicator in dataset.indicators}
    problems = []
    for index, figure in enumerate(dataset.figures):
        written = typed.get(index) or (repr(figure.value) if isinstance(figure.value, float)
                                       else None)
        message = _typed_message(units.get(figure.indicator), written)
        if message:
            problems.append(Problem(message, ("figures", index, "value")))
    return problems


def _typed_message(unit: Unit | None, written: str | None) -> str | None:
    """A whole number typed with a decimal point: "1.000" (a thousand, read as 1)."""
    if unit not in (Unit.count, Unit.year) or written is None or "." not in written:
        return None
    whole, _, fraction = written.lstrip("+-").partition(".")
    if len(fraction) == 3 and 1 <= len(whole) <= 3:
        meant = int(whole + fraction)
        # "27.643" is twenty-seven thousand in French writing, not 27 and a fraction.
        return (f"a {unit.value} must be a whole number, not {written}: if the source writes "
                f"{written} for {meant}, write {meant} (no thousands separator)")
    if Decimal(written) == Decimal(written).to_integral_value():
        return (f"a {unit.value} is written without a decimal point: write "
                f"{Decimal(written):.0f}, not {written}")
    return f"a {unit.value} must be a whole number, not {written}"


def _range_message(unit: Unit, value: float) -> str | None:
    # A count or a year that is not whole: values_as_typed names the digits typed.
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


def evidence_given(dataset: Dataset) -> list[Problem]:
    """Each figure has its evidence: a quote, or the numeral as printed with where it stands."""
    problems = []
    for index, figure in enumerate(dataset.figures):
        at = ("figures", index)
        if figure.quote is None and figure.as_written is None:
            problems.append(Problem(
                "a figure needs its evidence: a quote (the sentence that writes the value), or "
                "as_written (the numeral as printed) with a locator", at))
        elif figure.quote is not None and figure.as_written is not None:
            problems.append(Problem(
                "give either quote or as_written, not both: the quote already writes the value",
                (*at, "as_written")))
        elif figure.as_written is not None and figure.locator is None:
            problems.append(Problem(
                "as_written needs a locator saying where it stands in the source "
                "(locator: \"3e paragraphe\")", (*at, "as_written")))
    return problems


def quote_writes_value(dataset: Dataset) -> list[Problem]:
    """The evidence writes the value: in digits, or in the words given by `value_in_words`.

    O(n) in the evidence's length (the quote reader is linear).
    """
    languages = {source.id: source.language for source in dataset.sources}
    units = {indicator.id: indicator.unit for indicator in dataset.indicators}
    problems = []
    for index, figure in enumerate(dataset.figures):
        at = ("figures", index)
        field = "quote" if figure.quote is not None else "as_written"
        if figure.quote is None and figure.as_written is None:
            continue  # evidence_given reports it
        if figure.value_in_words is None:
            message = _digits_problem(figure, field, units.get(figure.indicator))
            if message:
                problems.append(Problem(message, (*at, field)))
            continue
        if not spans_of_words(figure.evidence, figure.value_in_words):
            problems.append(Problem(
                f"the {field} does not contain value_in_words '{figure.value_in_words}'",
                (*at, "value_in_words"),
            ))
        language = languages.get(figure.source)
        if language and not words_mean(figure.value_in_words, figure.value, language):
            problems.append(Problem(
                f"value_in_words '{figure.value_in_words}' does not spell {plain(figure.value)} "
                f"in '{language}'",
                (*at, "value_in_words"),
            ))
    return problems


def _digits_problem(figure: Figure, field: str, unit: Unit | None) -> str | None:
    """What is wrong with the digits the evidence writes the value in, if anything."""
    spans = spans_of_value(figure.evidence, figure.value)
    if not spans:
        scaled = scale_misread(figure.evidence, figure.value)
        if scaled is None:
            return _not_written(field, figure.value)
        return (f"the {field} writes '{scaled}', a number read whole with its scale word: "
                f"the value is that whole number, not {plain(figure.value)}")
    dates = [written_as_year(figure.evidence, span) for span in spans]
    if unit != Unit.year and all(dates):
        return (f"the {field} writes {plain(figure.value)} only as a year ('{dates[0]}'): "
                "the value is the number the sentence counts, not its date")
    return None


def _not_written(field: str, value: float) -> str:
    if field == "quote":
        return (f"the quote does not write the value {plain(value)}; copy the sentence that "
                "holds it, or give value_in_words if the source spells it in words")
    return (f"as_written does not write the value {plain(value)}: copy the numeral exactly as "
            "the source prints it ('18.281', '27 643', 'plus de 83%')")


def bound_not_exact(dataset: Dataset) -> list[Problem]:
    """The qualifier agrees with a phrase the quote writes next to the value ("plus de 12 000").

    O(n) in the quotes' length: a cheap look for any phrase, then the few words beside each
    place the value is written.
    """
    problems = []
    for index, figure in enumerate(dataset.figures):
        if not has_bound_marker(figure.evidence):
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
    spans = (spans_of_words(figure.evidence, figure.value_in_words) if figure.value_in_words
             else spans_of_value(figure.evidence, figure.value))
    return [qualifier_near(figure.evidence, span) for span in spans]


def breakdown_beside_value(dataset: Dataset) -> list[Problem]:
    """Where a quote lists members with their numbers ("900 Guinéens, 700 Ivoiriens"), the
    value stands beside the figure's own member, not another one's.

    A member is named by the words of its labels (a country by its names in fr, ar and en):
    its own by any of them, another by words that name no third member, so that "Guinéens"
    (Guinée, Guinée-Bissau…) never accuses anyone. O(n) in the quotes' length.
    """
    names = _member_names(dataset)
    problems = []
    for index, figure in enumerate(dataset.figures):
        if not figure.breakdown or figure.quote is None or figure.value_in_words is not None:
            continue
        items = list_items(figure.quote, spans_of_value(figure.quote, figure.value))
        for dimension, member in sorted(figure.breakdown.items()):
            found = _named_instead(items, names.get(dimension), member)
            if found:
                problems.append(Problem(
                    f"the quote writes {plain(figure.value)} beside '{found[1]}' "
                    f"({dimension}: {found[0]}), not beside {dimension}: {member}: check the "
                    "value or the breakdown", ("figures", index, "value")))
    return problems


def _named_instead(items: list[str | None], names: MemberNames | None,
                   member: str) -> tuple[str, str] | None:
    """Another member and the word naming it, when every item of the value names it instead."""
    if names is None or not items or None in items:
        return None
    found = [names.other(item or "", member) for item in items]
    return found[0] if all(found) else None


def _member_names(dataset: Dataset) -> dict[str, MemberNames]:
    labels = {dimension.id: {member.id: [member.label[language] for language in LANGUAGES]
                             for member in dimension.members}
              for dimension in dataset.dimensions}
    named = {dimension: MemberNames.of(members) for dimension, members in labels.items()}
    if any(COUNTRY in (figure.breakdown or {}) for figure in dataset.figures):
        named[COUNTRY] = country_names()  # built once per process, for files that use it
    return named


def repeated_figures(dataset: Dataset) -> list[Problem]:
    """No figure is entered twice: same quantity, value, qualifier, period, source and evidence.

    O(n): one dictionary keyed on those fields (the breakdown and count date included).
    """
    first_seen: dict[tuple[object, ...], int] = {}
    problems = []
    for index, figure in enumerate(dataset.figures):
        key = (figure.indicator, figure.value, figure.qualifier, figure.period, figure.as_of,
               figure.breakdown_key(), figure.source, figure.evidence)
        first = first_seen.setdefault(key, index)
        if first != index:
            problems.append(Problem(
                f"figures.{index} repeats figures.{first} ('{dataset.figures[first].id}'): same "
                "indicator, value, qualifier, period, source and quote; remove one",
                ("figures", index),
            ))
    return problems


CHECKS: tuple[Check, ...] = (
    unique_ids,
    references_resolve,
    required_breakdown_given,
    sources_dated_in_the_past,
    values_in_range,
    evidence_given,
    quote_writes_value,
    bound_not_exact,
    breakdown_beside_value,
    repeated_figures,
    *CROSS_CHECKS,
)


def run_checks(dataset: Dataset) -> list[Problem]:
    """Every named check, errors and warnings together."""
    return [problem for check in CHECKS for problem in check(dataset)]
