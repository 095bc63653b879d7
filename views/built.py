"""What the views draw, built once per data version and language and shared by every session."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

import pandas as pd
import plotly.graph_objects as go
import plotly.io
import streamlit as st

from indicators import formatting
from indicators.charts import Names, ThemeCharts, theme_charts, timeline_chart, timeline_rows
from indicators.citations import Cited, cited_figures, short_source
from indicators.columnar import indicators_used
from indicators.explore import (
    Card,
    Occurrence,
    conflicts,
    filter_frame,
    headline_indicators,
    headline_rows,
    readable,
    table_view,
)
from indicators.labels import ui_count
from indicators.models import Dataset, Source
from indicators.release import Release
from indicators.table import figure_frame, in_language
from loaders.history import Histories, Unavailable, histories

# The explorer's table shows this many rows at most: a browser table of 100 000 rows with
# their quotes costs tens of megabytes per rerun; the downloads always hold every row.
MAX_TABLE_ROWS = 2_000
# A theme view's table is a plain table of this many rows at most: every figure of the
# real file's largest theme (about 90), and a page a browser draws at once; the explorer
# and the downloads hold them all.
THEME_TABLE_ROWS = 500
# A figure picker lists this many of an indicator's figures: a few screens of a list, and
# at 100 000 figures (about 800 per indicator) the options stay a small part of a rerun.
MAX_PICKER = 500
# A card's citation lists this many of its other values: the real file's longest list is
# about 40; at 100 000 figures a card had some 800, kept by the server and sent with it.
MAX_OTHER_VALUES = 50


@dataclass(frozen=True)
class Published:
    """The data on show and a name for its version, which keys what is built from it."""

    version: str
    dataset: Dataset
    release: Release | None = None  # the version readers cite
    path: str = ""  # the data file, whose repository holds each figure's history

    def frame(self, language: str) -> pd.DataFrame:
        return language_frame(self.version, language, self.dataset)


# Built once per data version and language and shared by every session: at thousands of
# figures, rebuilding them on each rerun cost more than the rest of the script. Arguments
# starting with "_" are not hashed; the version names them. Nothing here is mutated. The
# figures are columns (indicators/columnar.py): each builder makes the figures it reads and
# keeps what it drew, never the figures.
@st.cache_resource(max_entries=4)
def headlines(version: str, _dataset: Dataset
              ) -> list[tuple[Occurrence | None, list[tuple[Card, int]]]]:
    """The overview's rows of cards (explore.Row), each card with the first
    MAX_OTHER_VALUES of its other values, and how many other values there are."""
    used = set(indicators_used(_dataset.figures))
    chosen = headline_indicators([indicator for indicator in _dataset.indicators
                                  if indicator.id in used])
    rows = headline_rows(cited_figures(_dataset, chosen), _dataset.dimensions)
    return [(row.occurrence,
             [(replace(card, others=card.others[:MAX_OTHER_VALUES]), len(card.others))
              for card in row.cards]) for row in rows]


@st.cache_resource(max_entries=4)
def figure_histories(version: str, path: str) -> Histories | str | None:
    """Every figure's history, read from the repository once per data version; why it could
    not be read, kept too, so that a failing repository is not asked again on each rerun."""
    try:
        return histories(path) if path else None
    except Unavailable as error:
        return str(error)


@st.cache_resource(max_entries=6)
def language_frame(version: str, language: str, _dataset: Dataset) -> pd.DataFrame:
    # Built once per version; the other languages share its language-free columns.
    if language == "fr":
        return figure_frame(_dataset, "fr")
    return in_language(language_frame(version, "fr", _dataset), _dataset, language)


class DrawnFigure(go.Figure):
    """A chart drawn once per data version and language, shared by every session.

    Streamlit asks a figure for its dict on every rerun, and plotly answers with a deep copy
    of its own: at 100 000 figures that copy was a third of a theme view's rerun. A drawn
    chart is kept as its JSON text and read back per rerun: the dicts of a theme's twelve
    charts held 8.9 MB per language at 100 000 figures, their text 1.5 MB, and reading it
    costs about 16 ms a page at that size (1-2 ms at 10 000 figures). The text is kept as
    UTF-8, not as plotly writes it: plotly escapes every Arabic letter as six characters
    (`\\u0627`), which made a theme's charts 3.2 MB in Arabic at 100 000 figures, against
    1.5 MB in English.
    """

    def __init__(self, figure: go.Figure) -> None:
        super().__init__()  # empty: the text is the figure, kept once, not twice
        escaped = plotly.io.to_json(figure, validate=False)
        self._drawn = json.dumps(json.loads(escaped), ensure_ascii=False,
                                 separators=(",", ":")).encode("utf-8")

    def to_dict(self) -> dict[str, Any]:
        return cast(dict[str, Any], json.loads(self._drawn))


@dataclass(frozen=True)
class ThemeParts:
    """What a theme view shows, built once per data version and language: its charts, the
    note on its conflicts, the rows its table shows (at most THEME_TABLE_ROWS, of `rows`),
    the ids its figure picker offers per indicator (at most MAX_PICKER, of `per_indicator`),
    the indicators' labels, and its sources."""

    drawn: ThemeCharts
    conflicts: str
    table: pd.DataFrame
    rows: int
    by_indicator: dict[str, list[str]]
    per_indicator: dict[str, int]
    indicators: dict[str, str]
    sources: list[Source]


@st.cache_resource(max_entries=64)
def theme_parts(version: str, theme: str, language: str, _dataset: Dataset,
                _credit: str = "") -> ThemeParts:
    codes = [indicator.id for indicator in _dataset.indicators if indicator.theme == theme]
    members = cited_figures(_dataset, codes)  # made for this build only, then let go
    drawn = theme_charts(members, language, _dataset.dimensions, credit=_credit)
    drawn = replace(drawn, charts=tuple(replace(chart, figure=DrawnFigure(chart.figure))
                                        for chart in drawn.charts))
    by_indicator: dict[str, list[str]] = {}
    for item in members:
        by_indicator.setdefault(item.indicator.id, []).append(item.figure.id)
    # Only the rows shown are written out: at 100 000 figures a theme's whole table was
    # tens of megabytes per language, of which a few hundred rows are ever sent.
    return ThemeParts(
        drawn, conflict_text(members, language, Names(_dataset.dimensions)),
        pd.DataFrame(table_view(members[:THEME_TABLE_ROWS], language)), len(members),
        {code: ids[:MAX_PICKER] for code, ids in by_indicator.items()},
        {code: len(ids) for code, ids in by_indicator.items()},
        {item.indicator.id: item.indicator.label[language] for item in members},
        list({item.source.id: item.source for item in members}.values()))


@st.cache_resource(max_entries=256)
def picker_titles(version: str, theme: str, language: str, indicator: str,
                  _dataset: Dataset, _ids: Sequence[str]) -> dict[str, str]:
    """The figure picker's labels for one indicator, written when it is first picked."""
    wanted = set(_ids)
    return {item.figure.id: figure_title(item, language)
            for item in cited_figures(_dataset, [indicator]) if item.figure.id in wanted}


@st.cache_resource(max_entries=12)
def timeline_parts(version: str, language: str,
                   _dataset: Dataset) -> tuple[list[dict[str, object]], go.Figure]:
    rows = timeline_rows(_dataset, language)
    return rows, DrawnFigure(timeline_chart(rows, language))


@st.cache_resource(max_entries=16)
def selected_rows(version: str, language: str, themes: tuple[str, ...],
                  sources: tuple[str, ...], types: tuple[str, ...],
                  _frame: pd.DataFrame) -> tuple[Any, pd.DataFrame]:
    """Shared by the sessions that choose the same filters: writing 2 000 values with Babel
    was most of an explorer rerun. Row positions are kept, not a copy of the rows."""
    shown = filter_frame(_frame, themes=themes, sources=sources, source_types=types)
    return _frame.index.get_indexer(shown.index), readable(shown.head(MAX_TABLE_ROWS),
                                                           language)


def figure_title(item: Cited, language: str) -> str:
    """A figure as a picker or a card's list names it: what, how much, said by whom."""
    value = formatting.value_in_words(item.figure, item.indicator.unit, language)
    return f"{item.indicator.label[language]} — {value} — {short_source(item.source)}"


def conflict_text(items: Sequence[Cited], language: str, names: Names) -> str:
    """The conflicts note's text; empty when the sources agree. O(n log n) in the items."""
    groups = conflicts(items)
    if not groups:
        return ""
    lines = [ui_count("conflicts", len(groups), language)]
    for group in groups:
        ordered = sorted(group, key=lambda item: item.figure.value)
        lines.append("• " + ui_count("conflict_line", len(group), language,
            what=_quantity_title(group, language, names),
            low=formatting.value(ordered[0].figure, ordered[0].indicator.unit, language),
            high=formatting.value(ordered[-1].figure, ordered[-1].indicator.unit, language)))
    return "\n".join(lines)


def _quantity_title(group: Sequence[Cited], language: str, names: Names) -> str:
    """"Demandes déposées — Première campagne (2014), au 22 novembre 2017": the indicator,
    its members, and the date or period the figures share, if they share one."""
    first = group[0].figure
    parts = [names.members(first.breakdown_key(), language)]
    if first.as_of:
        parts.append(formatting.as_of(first.as_of, language))
    elif first.period and all(item.figure.period == first.period for item in group):
        parts.append(formatting.period(first.period, language))
    shown = formatting.comma(language).join(part for part in parts if part)
    return group[0].indicator.label[language] + (f" — {shown}" if shown else "")
