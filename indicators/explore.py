"""Selections over cited figures: headline cards, conflicts, table views and filters."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import pandas as pd

from indicators import formatting
from indicators.citations import Cited, short_source
from indicators.consistency import conflict_groups
from indicators.labels import QUALIFIERS, ui

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


def headline_figures(items: Sequence[Cited]) -> list[tuple[Cited, int]]:
    """For each headline indicator, its first figure in the file and how many others it has.

    A file without any of the headline indicators (a staging copy, another country's data)
    gets cards for its first indicators instead of an empty overview.
    """
    by_indicator: dict[str, list[Cited]] = {}
    for item in items:
        by_indicator.setdefault(item.indicator.id, []).append(item)
    chosen = [ind for ind in HEADLINES if ind in by_indicator] or list(by_indicator)
    return [(by_indicator[ind][0], len(by_indicator[ind]) - 1)
            for ind in chosen[:len(HEADLINES)]]


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
