"""Selections over cited figures: headline cards, conflicts, table views and filters."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import pandas as pd

from indicators import formatting
from indicators.citations import Cited, short_source
from indicators.consistency import conflict_groups
from indicators.intervals import as_of_day, time_span
from indicators.labels import QUALIFIERS, SOURCE_TYPES, ui
from indicators.models import Qualifier, SourceType, Unit

# The overview's cards, in reading order: what a policymaker asks first.
HEADLINES: tuple[str, ...] = (
    "regularisation_applications_approved",
    "regularisation_approval_rate",
    "voluntary_return_migrants",
    "voluntary_return_countries",
    "civil_society_associations_meeting",
    "migrant_associations_regularised",
    "iom_member_states",
    "regularisation_applications_filed",
    "iom_countries_present",
)


# Who speaks, as a tie-break between two equally recent figures of the same standing: the
# administration that counts, then the organisations that run the programmes, then research,
# civil society and the press that reports them.
SOURCE_RANK: tuple[SourceType, ...] = (
    SourceType.government, SourceType.intergovernmental_organisation, SourceType.research,
    SourceType.civil_society, SourceType.press, SourceType.other)


# Source-type labels by the code the table holds.
SOURCE_TYPE_LABELS = {kind.value: labels for kind, labels in SOURCE_TYPES.items()}


def headline_figures(items: Sequence[Cited], occurrences: Collection[str] = ()
                     ) -> list[tuple[Cited, list[Cited]]]:
    """For each headline indicator, the figure that heads its card and every other value.

    The rule (README, EDITING.md): among the indicator's totals (figures without a
    breakdown, or broken down only by `occurrences`, dimensions such as the campaign whose
    members are not parts of a total), the latest as-of date or period end first, then an
    exact value over a bound, then the source type's rank (SOURCE_RANK), then file order.
    A file without any of the headline indicators gets cards for its first indicators.
    """
    by_indicator: dict[str, list[Cited]] = {}
    for item in items:
        by_indicator.setdefault(item.indicator.id, []).append(item)
    cards = []
    for indicator in headline_indicators(list(by_indicator)):
        ranked = sorted(by_indicator[indicator],
                        key=lambda item: _headline_rank(item, occurrences))
        cards.append((ranked[0], ranked[1:]))
    return cards


def headline_indicators(used: Sequence[str]) -> list[str]:
    """The indicators that get a card, of those with figures (in order of first figure):
    the HEADLINES present, else the first len(HEADLINES) used."""
    return ([code for code in HEADLINES if code in used] or list(used))[:len(HEADLINES)]


def _headline_rank(item: Cited, occurrences: Collection[str]) -> tuple[int, int, int, int]:
    figure = item.figure
    is_part = any(dimension not in occurrences for dimension in figure.breakdown or {})
    when = as_of_day(figure.as_of) or (time_span(figure.period)[1] if figure.period else None)
    # An open end ("since 2004") is date.max: true up to now, newer than any closed period.
    latest = -(when.toordinal() if when else 0)
    kind = SOURCE_RANK.index(item.source.type) if item.source.type else len(SOURCE_RANK)
    return (int(is_part), latest, int(figure.qualifier != Qualifier.exact), kind)


def conflicts(items: Sequence[Cited]) -> list[list[Cited]]:
    """Groups of figures for one indicator and period whose values or qualifiers differ."""
    groups = conflict_groups([item.figure for item in items])
    return [[items[index] for index in group] for group in groups]


def table_view(items: Sequence[Cited], language: str) -> list[dict[str, Any]]:
    """The figures of a chart as readable rows, column names in the reader's language."""
    return [{
        ui("indicator", language): item.indicator.label[language],
        ui("value", language): formatting.value_in_words(item.figure, item.indicator.unit,
                                                         language),
        ui("qualifier", language): QUALIFIERS[item.figure.qualifier][language],
        ui("period", language): formatting.period(item.figure.period, language),
        ui("source", language): short_source(item.source),
    } for item in items]


def filter_frame(frame: pd.DataFrame, *, themes: Collection[str] = (),
                 sources: Collection[str] = (), source_types: Collection[str] = ()
                 ) -> pd.DataFrame:
    """Rows matching every non-empty filter; an empty filter keeps everything."""
    keep = pd.Series(True, index=frame.index)
    for column, wanted in (("theme", themes), ("source_id", sources),
                           ("source_type", source_types)):
        if wanted:
            keep &= frame[column].isin(list(wanted))
    return frame[keep]


def readable(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """The explorer's rows for reading: headers and values in the page's language, a bound in
    words ("plus de 100"), codes left to the downloads. O(n) in the rows shown."""
    values = [formatting.in_words(amount, Qualifier(qualifier), Unit(unit), language)
              for amount, qualifier, unit in zip(frame["value"], frame["qualifier"],
                                                 frame["unit"], strict=True)]
    periods = [formatting.period(str(period) or None, language) for period in frame["period"]]
    sources = [str(publisher) or str(title) for publisher, title in
               zip(frame["source_publisher"], frame["source_title"], strict=True)]
    kinds = [SOURCE_TYPE_LABELS.get(str(code), {}).get(language, "") for code in
             frame["source_type"]]
    evidence = [str(quote) or str(written) for quote, written in
                zip(frame["quote"], frame["as_written"], strict=True)]
    return pd.DataFrame({
        ui("indicator", language): list(frame["indicator"]),
        ui("value", language): values,
        ui("period", language): periods,
        ui("theme", language): list(frame["theme"]),
        ui("source", language): sources,
        ui("source_type", language): kinds,
        ui("quote", language): evidence,
    })
