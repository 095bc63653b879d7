"""Selections over cited figures: headline cards, conflicts, table views and filters."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from indicators import formatting
from indicators.citations import Cited, short_source
from indicators.consistency import conflict_groups
from indicators.intervals import as_of_day, time_span
from indicators.labels import QUALIFIERS, SOURCE_TYPES, ui
from indicators.models import (
    Dimension,
    Figure,
    Indicator,
    Qualifier,
    Rank,
    SourceType,
    Status,
    Unit,
)
from indicators.periods import open_ended

# The overview's cards, in reading order: what a policymaker asks first. The first three
# are counted per campaign (an occurrence dimension): one row of cards per campaign, so that
# a reader never divides one campaign's approvals by another's applications.
# Cards the overview shows when the file gives no indicator a `headline` place: its first
# indicators', one row as a reader takes in at a glance.
FALLBACK_CARDS = 9


# Who speaks, as a tie-break between two equally recent figures of the same standing: the
# administration that counts, then the organisations that run the programmes, then research,
# civil society and the press that reports them.
SOURCE_RANK: tuple[SourceType, ...] = (
    SourceType.government, SourceType.intergovernmental_organisation, SourceType.research,
    SourceType.civil_society, SourceType.press, SourceType.other)
# A curator's preference first, a known error last (it never heads a card).
RANK_ORDER = {Rank.preferred: 0, None: 1, Rank.normal: 1, Rank.deprecated: 2}
# A closed count before one that may still change, before one taken while it was open.
STATUS_ORDER = {Status.final: 0, Status.provisional: 1, Status.running: 2}
# A number before an estimate, before a bound (every other qualifier).
EXACTNESS_ORDER = {Qualifier.exact: 0, Qualifier.approximately: 1}


# Source-type labels by the code the table holds.
SOURCE_TYPE_LABELS = {kind.value: labels for kind, labels in SOURCE_TYPES.items()}

Occurrence = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Card:
    """One headline: the figure that heads it and the other values of the same quantity."""

    item: Cited
    others: list[Cited]


@dataclass(frozen=True)
class Row:
    """A row of cards: one occurrence's (`(("campaign", "2014"),)`; empty for figures of an
    indicator counted per occurrence that name none), or the other key figures (None)."""

    cards: list[Card]
    occurrence: Occurrence | None


def headline_rows(items: Sequence[Cited], dimensions: Sequence[Dimension] = ()
                  ) -> list[Row]:
    """The overview's cards in rows: one row per occurrence (campaign) of the indicators
    counted per occurrence, in the dimension's order of members, then the other cards.

    Each card is headed by `headline_rank`'s first figure: a curator's preferred figure, then
    a final one, then an exact value over an estimate or a bound, then the latest date, then
    the source type (SOURCE_RANK), then file order; a deprecated figure never heads a card.
    A file that places no indicator (`headline`) gets cards for its first indicators.
    """
    occurrences = {dimension.id for dimension in dimensions if not dimension.parts}
    order = {(dimension.id, member.id): index for dimension in dimensions
             for index, member in enumerate(dimension.members)}
    by_group: dict[tuple[str, Occurrence], list[Cited]] = {}
    for item in items:
        by_group.setdefault((item.indicator.id, _occurrence(item, occurrences)), []).append(item)
    indicators = headline_indicators(list({item.indicator.id: item.indicator
                                           for item in items}.values()))
    split = [code for code in indicators if any(key and code == name for name, key in by_group)]
    keys = sorted({key for code, key in by_group if code in split},
                  key=lambda key: (not key, [order.get(part, len(order)) for part in key]))
    rows = [Row(_cards([(code, key) for code in split], by_group, occurrences), key)
            for key in keys]
    rest = Row(_cards([(code, ()) for code in indicators if code not in split], by_group,
                      occurrences), None)
    return [row for row in [*rows, rest] if row.cards]


def _cards(groups: Sequence[tuple[str, Occurrence]],
           by_group: dict[tuple[str, Occurrence], list[Cited]],
           occurrences: Collection[str]) -> list[Card]:
    cards = []
    for group in groups:
        ranked = sorted(by_group.get(group, []),
                        key=lambda item: headline_rank(item, occurrences))
        if ranked and ranked[0].figure.rank != Rank.deprecated:
            cards.append(Card(ranked[0], ranked[1:]))
    return cards


def _occurrence(item: Cited, occurrences: Collection[str]) -> Occurrence:
    return tuple(part for part in item.figure.breakdown_key() if part[0] in occurrences)


def headline_indicators(indicators: Sequence[Indicator]) -> list[str]:
    """The indicators that get a card, of these (those with figures, in file order): the
    ones with a `headline` place, in that order; else the first FALLBACK_CARDS."""
    placed = sorted((indicator for indicator in indicators if indicator.headline is not None),
                    key=lambda indicator: indicator.headline or 0)
    return [indicator.id for indicator in placed or indicators[:FALLBACK_CARDS]]


def headline_rank(item: Cited, occurrences: Collection[str] = ()) -> tuple[int, ...]:
    """A figure's place among the values of its card, the first heading it (README)."""
    figure = item.figure
    is_part = any(dimension not in occurrences for dimension in figure.breakdown or {})
    # A speaker's round number is still a number, not a bound: it ranks with exact values.
    exactness = EXACTNESS_ORDER.get(figure.qualifier, 2)
    when = true_on(figure, item.source.published)
    kind = SOURCE_RANK.index(item.source.type) if item.source.type else len(SOURCE_RANK)
    return (int(is_part), RANK_ORDER[figure.rank], STATUS_ORDER[figure.standing], exactness,
            -(when.toordinal() if when else 0), kind)


def true_on(figure: Figure, published: str | None = None) -> date | None:
    """The last day a figure is known to be true: its as-of date, its period's end, or, for
    an open period ("since 2004"), its source's date."""
    if figure.as_of:
        return as_of_day(figure.as_of)
    if figure.period and not open_ended(figure.period):
        return time_span(figure.period)[1]
    return as_of_day(published) if figure.period else None


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
