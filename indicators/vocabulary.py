"""The closed vocabularies of the file: qualifiers, standings, ranks, units, source kinds."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["MilestoneKind", "Qualifier", "Rank", "SourceType", "Status", "Unit"]


class Qualifier(StrEnum):
    """How the figure relates to the true value, as the source words it."""

    exact = "exact"
    more_than = "more_than"
    at_least = "at_least"
    approximately = "approximately"
    less_than = "less_than"
    at_most = "at_most"


class Status(StrEnum):
    """How settled a figure is, as its source words it."""

    final = "final"
    # Before appeals, "quasi-définitif", "not final": the count is closed but may change.
    provisional = "provisional"
    # Taken while the count was still open (the campaign still receiving files).
    running = "running"


class Rank(StrEnum):
    """A curator's standing of one figure among the values of the same quantity (the model
    Wikidata uses for several values of one property)."""

    preferred = "preferred"
    normal = "normal"
    # A known error (85,53 % where 23 096 ÷ 27 649 gives 83,53 %): shown with its reason,
    # never heads a card or a chart's summary.
    deprecated = "deprecated"


class Unit(StrEnum):
    """What one unit of the value is."""

    count = "count"  # type: ignore[assignment]  # shadows str.count, by design of the vocabulary
    percent = "percent"
    year = "year"
    months = "months"
    years = "years"
    # Moroccan dirhams, written whole (86 890 000 000 for "86,89 milliards"): the page names
    # the scale a reader expects ("86,89 milliards de dirhams").
    mad = "mad"


class SourceType(StrEnum):
    """Who speaks in the source, which a reader weighs differently."""

    government = "government"
    intergovernmental_organisation = "intergovernmental_organisation"
    press = "press"
    civil_society = "civil_society"
    research = "research"
    other = "other"


class MilestoneKind(StrEnum):
    """What kind of dated event a milestone is, for the timeline's markers."""

    report = "report"
    conference = "conference"
    agreement = "agreement"
    policy = "policy"
    project = "project"
