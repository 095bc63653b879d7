"""Streamlit pieces of the page: cards, citations, theme views, explorer, downloads."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar, cast

import pandas as pd
import plotly.graph_objects as go
import plotly.io
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from indicators import formatting
from indicators.charts import (
    Chart,
    Names,
    ThemeCharts,
    theme_charts,
    timeline_alt,
    timeline_chart,
    timeline_rows,
)
from indicators.citations import (
    Cited,
    cite,
    cite_figure,
    cited_by_id,
    cited_figures,
    evidence,
    short_source,
    source_line,
)
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
from indicators.labels import QUALIFIERS, SOURCE_TYPES, STATUSES, THEMES, ui
from indicators.models import Dataset, Note, Qualifier, Source, Status, Theme, note_in
from indicators.package import build_package
from indicators.problems import DatasetError
from indicators.publish import PUBLISHED
from indicators.release import Release, cite_dataset
from indicators.table import (
    MILESTONE_COLUMNS,
    columns_for,
    figure_frame,
    figure_rows,
    in_language,
    milestone_rows,
    records,
    to_csv,
)
from indicators.text import markdown_escape
from indicators.validation import Validated
from loaders import DRAFT_MAX_BYTES
from loaders.history import (
    BUDGET_SECONDS,
    MAX_CHANGES,
    MAX_COMMITS,
    Histories,
    Unavailable,
    histories,
)
from loaders.sandbox import DRAFT_LIMITS, Cancelled, check_in_child
from views.styles import uploader_css

# The chart toolbar: a reader downloads the image or opens it full screen; zoom and pan
# tools are eight tab stops a keyboard reader has to walk through for nothing.
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "modeBarButtonsToRemove": ["zoom2d", "pan2d", "select2d", "lasso2d",
                                            "zoomIn2d", "zoomOut2d", "autoScale2d",
                                            "resetScale2d"]}
# What plotly writes in its toolbar and notices, by message id of the catalog.
_PLOTLY_WORDS = {"Download plot as a PNG": "chart_download",
                 "Preparing image - this may take a few seconds": "chart_preparing",
                 "Image download succeeded": "chart_downloaded",
                 "Sorry, there was a problem downloading your image!": "chart_download_failed"}


def plotly_config(language: str) -> dict[str, object]:
    """The trimmed toolbar, its words in the page's language (plotly's own locales)."""
    words = {english: ui(key, language) for english, key in _PLOTLY_WORDS.items()}
    return {**PLOTLY_CONFIG, "locale": language,
            "locales": {language: {"dictionary": words}}}


# The explorer's table shows this many rows at most: a browser table of 100 000 rows with
# their quotes costs tens of megabytes per rerun; the downloads always hold every row.
MAX_TABLE_ROWS = 2_000
# A theme view's table is a plain table of this many rows at most: every figure of the
# real file's largest theme (about 90), and a page a browser draws at once; the explorer
# and the downloads hold them all.
THEME_TABLE_ROWS = 500
# A theme view draws its first comparisons at once and the others on request: a page of
# twelve charts painted its first one after all twelve (real file: 4.6 s against 3.4 s
# with four, a one-chart page 2.8 s).
FIRST_CHARTS = 4
# The theme table scrolls within this height (px), about ten rows, as the explorer's grid
# does: drawn whole, the real file's 90 rows pushed the sources and citations 4 000 px down.
THEME_TABLE_HEIGHT = 480
# A figure picker lists this many of an indicator's figures: a few screens of a list, and
# at 100 000 figures (about 800 per indicator) the options stay a small part of a rerun.
MAX_PICKER = 500
# A card's citation lists this many of its other values: the real file's longest list is
# about 40; at 100 000 figures a card had some 800, kept by the server and sent with it.
MAX_OTHER_VALUES = 50
# The explorer's columns sized to what they hold (indicator, value, period, theme, source,
# source type, quote): sized to its first rows, a long source title pushed the columns after
# it out of sight, and in Arabic its header with them.
READABLE_WIDTHS = (240, 130, 110, 150, 190, 170, 420)  # pixels
READABLE_COLUMNS = [st.column_config.TextColumn(width=width) for width in READABLE_WIDTHS]
# A draft's preview draws at most this many indicators per theme: a chart's cost grows with
# its panels, and the preview is a look at the draft, not the published view.
PREVIEW_PANELS = 24
# Lone figures shown as cards in a view; more is a wall of boxes, and the table has them all.
MAX_CARDS = 24
# Cards per row: three fit the page's width with their captions at 1280 px.
CARD_COLUMNS = 3
Shown = TypeVar("Shown")


def text(value: str) -> None:
    """Data text, shown as written."""
    st.markdown(markdown_escape(value))


def quote(value: str, language: str, key: str) -> None:
    """A verbatim quote, laid out in its own language's direction."""
    direction = "rtl" if language == "ar" else "ltr"
    with st.container(key=f"quote-{direction}-{key}"):
        st.markdown(markdown_escape(formatting.quoted(value, language)))


def note(value: str | Note | None, language: str, source_language: str, key: str) -> None:
    """The curator's note in the reader's language, else in the one it was written in, laid
    out in that language's direction and saying which language it is."""
    shown = note_in(value, language, source_language)
    if shown is None:
        return
    written, written_in = shown
    direction = "rtl" if written_in == "ar" else "ltr"
    with st.container(key=f"note-{direction}-{key}"):
        st.caption(markdown_escape(written))
        if written_in != language:
            st.caption(ui(f"note_in_{written_in}", language))


def source_block(source: Source, language: str, key: str) -> None:
    """Who said it, when, where; unknown parts said as unknown."""
    text(source_line(source, language))
    note(source.note, language, source.language, f"source-{key}")
    if source.url:  # validated http(s) at load time
        st.link_button(ui("open_source", language), source.url, key=f"link-{key}")


def citation(item: Cited, language: str, key: str, data: Published | None = None,
             copy_on_request: bool = False) -> None:
    """Source, verbatim quote (and any restatement's), link, dates, a copyable citation with
    the dataset's version, and the figure's history in the repository.

    With `copy_on_request`, the copyable citation opens from a button: the code block that
    offers the copy costs a page 1.5 MB of script to load, and a theme view's first chart
    waited for it.
    """
    source_block(item.source, language, key)
    label = "quote" if item.figure.quote is not None else "as_written"
    st.markdown(f"**{ui(label, language)}**")
    quote(evidence(item.figure, language), item.source.language, key)
    for again in item.restatements:
        st.markdown(f"**{ui('restated', language)}**")
        quote(evidence(again.figure, language), again.source.language,
              f"{key}-{again.figure.id}")
    period = formatting.period(item.figure.period, language)
    st.caption(markdown_escape(f"{ui('period', language)}{formatting.colon(language)} {period} · "
                               f"{QUALIFIERS[item.figure.qualifier][language]} · "
                               f"{STATUSES[item.figure.standing][language]}"))
    if rank := formatting.ranked(item.figure, item.source.language, language):
        st.caption(markdown_escape(rank))
    note(item.figure.note, language, item.source.language, f"figure-{key}")
    release = data.release if data else None
    copyable = f"{cite_figure(item, language)}\n\n{cite_dataset(release)}"
    if copy_on_request:
        with st.popover(ui("cite_this", language)):  # drawn only when opened
            st.code(copyable, language=None, wrap_lines=True)
    else:
        st.markdown(f"**{ui('cite_this', language)}**")
        st.code(copyable, language=None, wrap_lines=True)
    if data is not None:
        history(item, language, data, key)


def history(item: Cited, language: str, data: Published, key: str) -> None:
    """Each commit that changed the figure: date, message, and what changed; read from the
    repository only when a reader asks (a child process, once per data version)."""
    if not st.toggle(ui("history", language), key=f"history-{key}"):
        return
    with st.spinner(ui("history_reading", language)):
        found = _histories(data.version, data.path)
    if found is None or isinstance(found, str):
        st.caption(ui("history_unavailable", language) if found is None
                   else ui("history_failed", language).format(reason=found))
        return
    figure = item.figure.id
    standing = found.standing(figure)
    if standing in ("uncommitted", "unchanged"):
        st.caption(ui(f"history_{standing}", language))
    if older := found.older.get(figure, 0):
        st.caption(ui("history_older", language).format(n=older, m=MAX_CHANGES))
    for change in found.changes.get(figure, ()):
        what = "; ".join(f"{field}: {before or '—'} → {after or '—'}"
                         for field, before, after in change.fields)
        text(f"• {change.day} · {change.message} ({change.commit}) — {what}")
    for version in found.unreadable:
        st.caption(markdown_escape(ui("history_unreadable", language).format(
            day=version.day, message=version.message, commit=version.commit,
            reason=version.reason)))
    if found.since:
        st.caption(markdown_escape(ui("history_since", language).format(
            since=found.since, n=MAX_COMMITS, seconds=f"{BUDGET_SECONDS:g}")))


def card(item: Cited, language: str, *, others: Sequence[Cited], more: int = 0,
         names: Names | None = None, citable: bool = True,
         data: Published | None = None) -> None:
    """A figure, its part (campaign, country), date and source; its citation one click away.

    A theme view's cards leave the citation to the view's figure picker (`citable=False`):
    one citation per figure on the page, and no popover per card to send.
    """
    unit = item.indicator.unit
    st.metric(markdown_escape(item.indicator.label[language]),
              formatting.value(item.figure, unit, language),
              help=markdown_escape(item.indicator.definition[language]))
    standing = formatting.standing(item.figure, language)
    if standing:  # on the card's face: a provisional figure never reads as a final one
        st.markdown(f"**{markdown_escape(standing)}**")
    words = ("" if item.figure.qualifier == Qualifier.exact
             else formatting.value_in_words(item.figure, unit, language) + " · ")
    part = (names or Names()).members(item.figure.breakdown_key(), language)
    colon = formatting.colon(language)
    shown = formatting.embed(short_source(item.source), language)
    st.caption(markdown_escape(f"{words}{part + ' · ' if part else ''}{_when(item, language)} · "
                               f"{ui('source', language)}{colon} {shown}"))
    if others:
        st.caption(markdown_escape(ui("other_values", language).format(n=len(others) + more)))
    if not citable:
        return
    # A popover renders its content only when opened: the cards paint as fast as bare
    # metrics (an expander holding st.code delayed the first card by about 0.3 s).
    with st.popover(ui("citation", language), width="stretch"):
        citation(item, language, key=f"card-{item.figure.id}", data=data)
        if others:
            st.markdown(f"**{ui('other_values_title', language)}**")
            # One element for the whole list: a card of the first campaign has dozens of
            # other values, and an element each made the overview's rerun send hundreds.
            text("\n".join(f"• {_other_value(other, language, names or Names())}"
                            for other in others))
            if more:
                st.caption(ui("others_more", language).format(n=more))


def _when(item: Cited, language: str) -> str:
    """The figure's date as a card writes it (formatting.when)."""
    return formatting.when(item.figure, item.source.published, language)


def _other_value(item: Cited, language: str, names: Names) -> str:
    """One of a card's other values: what, which campaign or part, when, how settled, and a
    set-aside value's reason."""
    figure = item.figure
    status = STATUSES[figure.standing][language] if figure.standing != Status.final else ""
    parts = [_figure_title(item, language), names.members(figure.breakdown_key(), language),
             _when(item, language), status,
             formatting.ranked(figure, item.source.language, language)]
    return " · ".join(part for part in parts if part)


@dataclass(frozen=True)
class Published:
    """The data on show and a name for its version, which keys what is built from it."""

    version: str
    dataset: Dataset
    release: Release | None = None  # the version readers cite
    path: str = ""  # the data file, whose repository holds each figure's history

    def frame(self, language: str) -> pd.DataFrame:
        return _frame(self.version, language, self.dataset)


# Built once per data version and language and shared by every session: at thousands of
# figures, rebuilding them on each rerun cost more than the rest of the script. Arguments
# starting with "_" are not hashed; the version names them. Nothing here is mutated. The
# figures are columns (indicators/columnar.py): each builder makes the figures it reads and
# keeps what it drew, never the figures.
@st.cache_resource(max_entries=4)
def _headlines(version: str, _dataset: Dataset
               ) -> list[tuple[Occurrence | None, list[tuple[Card, int]]]]:
    """The overview's rows of cards (explore.Row), each card with the first
    MAX_OTHER_VALUES of its other values, and how many other values there are."""
    chosen = headline_indicators(indicators_used(_dataset.figures))
    rows = headline_rows(cited_figures(_dataset, chosen), _dataset.dimensions)
    return [(row.occurrence,
             [(replace(card, others=card.others[:MAX_OTHER_VALUES]), len(card.others))
              for card in row.cards]) for row in rows]


@st.cache_resource(max_entries=4)
def _histories(version: str, path: str) -> Histories | str | None:
    """Every figure's history, read from the repository once per data version; why it could
    not be read, kept too, so that a failing repository is not asked again on each rerun."""
    try:
        return histories(path) if path else None
    except Unavailable as error:
        return str(error)


@st.cache_resource(max_entries=6)
def _frame(version: str, language: str, _dataset: Dataset) -> pd.DataFrame:
    # Built once per version; the other languages share its language-free columns.
    if language == "fr":
        return figure_frame(_dataset, "fr")
    return in_language(_frame(version, "fr", _dataset), _dataset, language)


class DrawnFigure(go.Figure):
    """A chart drawn once per data version and language, shared by every session.

    Streamlit asks a figure for its dict on every rerun, and plotly answers with a deep copy
    of its own: at 100 000 figures that copy was a third of a theme view's rerun. A drawn
    chart is kept as its JSON text and read back per rerun: the dicts of a theme's twelve
    charts held 8.9 MB per language at 100 000 figures, their text 1.5 MB, and reading it
    costs about 16 ms a page at that size (1-2 ms at 10 000 figures).
    """

    def __init__(self, figure: go.Figure) -> None:
        super().__init__()  # empty: the text is the figure, kept once, not twice
        self._drawn = plotly.io.to_json(figure, validate=False)

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
def _theme_parts(version: str, theme: Theme, language: str, _dataset: Dataset,
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
def _picker_titles(version: str, theme: Theme, language: str, indicator: str,
                   _dataset: Dataset, _ids: Sequence[str]) -> dict[str, str]:
    """The figure picker's labels for one indicator, written when it is first picked."""
    wanted = set(_ids)
    return {item.figure.id: _figure_title(item, language)
            for item in cited_figures(_dataset, [indicator]) if item.figure.id in wanted}


@st.cache_resource(max_entries=12)
def _timeline(version: str, language: str,
              _dataset: Dataset) -> tuple[list[dict[str, object]], go.Figure]:
    rows = timeline_rows(_dataset, language)
    return rows, DrawnFigure(timeline_chart(rows, language))


def overview(data: Published, language: str) -> None:
    """Headline cards first, so they paint before any chart."""
    st.header(ui("overview", language))
    names = Names(data.dataset.dimensions)
    for occurrence, row in _headlines(data.version, data.dataset):
        st.subheader(_row_title(occurrence, names, language))
        for column, (shown, count) in _in_rows(row):
            with column, st.container(border=True):
                card(shown.item, language, others=shown.others,
                     more=count - len(shown.others), names=names, data=data)


def _row_title(occurrence: Occurrence | None, names: Names, language: str) -> str:
    """A row of cards is one campaign's, named on the page; the other cards follow."""
    if occurrence is None:
        return ui("other_headlines", language)
    if not occurrence:
        return ui("campaign_unknown", language)
    return markdown_escape(names.members(occurrence, language))


def theme_view(theme: Theme, data: Published, language: str, selected: str | None) -> None:
    """A theme's conflicts, its comparisons, its lone figures, table, sources and citations."""
    st.header(THEMES[theme][language])
    names = Names(data.dataset.dimensions)
    parts = _theme_parts(data.version, theme, language, data.dataset, cite_dataset(data.release))
    if parts.conflicts:
        st.warning(markdown_escape(parts.conflicts))
    comparisons(parts.drawn, language, key=f"chart-{theme.value}", first=FIRST_CHARTS)
    lone_cards(parts.drawn.cards, language, names)
    st.caption(ui("table_caption", language))
    if parts.rows > THEME_TABLE_ROWS:
        st.caption(ui("rows_capped", language).format(n=THEME_TABLE_ROWS))
    # A plain table: read cell by cell by a screen reader, and drawn without the 1.5 MB
    # of script of the explorer's grid, which held back the view's first chart.
    st.table(parts.table, hide_index=True, height=THEME_TABLE_HEIGHT)
    sources_list(parts.sources, language)
    cite_one(parts, language, selected, key=f"cite-{theme.value}", data=data, theme=theme)


def comparisons(drawn: ThemeCharts, language: str, key: str, first: int | None = None) -> None:
    """Each comparison's chart, with what it lists beside its marks (undated figures); with
    `first`, that many at once and the others behind a switch.

    The toolbar keeps what a reader uses (download the image, full screen); the image is
    named after the chart and the language, and carries the chart's sources and version.
    """
    shown = drawn.charts if first is None else drawn.charts[:first]
    _draw(shown, language, key, start=0)
    rest = drawn.charts[len(shown):]
    if rest and not st.toggle(ui("charts_rest", language).format(n=len(rest)),
                              key=f"{key}-rest"):
        return  # what is left out is said once the others are drawn
    _draw(rest, language, key, start=len(shown))
    if drawn.not_drawn:
        st.caption(ui("charts_more", language).format(n=drawn.not_drawn))


def _draw(charts: Sequence[Chart], language: str, key: str, start: int) -> None:
    for index, chart in enumerate(charts, start):
        config = {**plotly_config(language), "toImageButtonOptions": {
            "format": "png", "scale": 2, "filename": f"{chart.name or key}-{language}"}}
        # Streamlit makes `alt` the chart's accessible name (role="figure", aria-label).
        st.plotly_chart(chart.figure, key=f"{key}-{index}", config=config, alt=chart.alt)
        if chart.notes:
            st.caption(markdown_escape("\n".join(chart.notes)))


def _in_rows(items: Sequence[Shown]) -> Iterator[tuple[DeltaGenerator, Shown]]:
    """Each item with its column, one row of CARD_COLUMNS columns at a time: the document
    (keyboard, screen readers, a phone's single column) then reads the cards in the visual
    order, row by row."""
    for start in range(0, len(items), CARD_COLUMNS):
        yield from zip(st.columns(CARD_COLUMNS), items[start:start + CARD_COLUMNS],
                       strict=False)


def lone_cards(items: Sequence[Cited], language: str, names: Names,
               limit: int = MAX_CARDS) -> None:
    """Figures with nothing to compare them with, as cards read row by row."""
    if not items:
        return
    st.subheader(ui("lone_figures", language))
    for column, item in _in_rows(items[:limit]):
        with column, st.container(border=True):
            card(item, language, others=(), names=names, citable=False)
    if len(items) > limit:
        st.caption(ui("cards_more", language).format(n=len(items) - limit))


def cite_one(parts: ThemeParts, language: str, selected: str | None, key: str,
             data: Published, theme: Theme) -> None:
    """Pick an indicator, then any of its figures, and see its definition, source, quote and
    citation. Two short lists, not one of every figure: at 100 000 figures a theme's single
    picker sent every session some 17 000 options on each rerun; an indicator's list stops
    at MAX_PICKER, and a figure past it is still reached by its address (`?figure=`)."""
    if not parts.by_indicator:
        return
    st.subheader(ui("figures_and_citations", language))
    wanted = cited_by_id(data.dataset, st.query_params.get("figure", ""))
    if wanted is not None and wanted.indicator.id not in parts.by_indicator:
        wanted = None
    indicators = list(parts.by_indicator)
    first = (wanted.indicator.id if wanted is not None
             else selected if selected in parts.by_indicator else indicators[0])
    # Keyed by language too: the labels follow a language switch, and the choice survives
    # it through the URL; the figure picker is keyed by its indicator, whose figures it lists.
    indicator = st.selectbox(ui("indicator", language), indicators,
                             index=indicators.index(first), key=f"{key}-indicator-{language}",
                             format_func=parts.indicators.__getitem__)
    ids = parts.by_indicator[indicator]
    titles = _picker_titles(data.version, theme, language, indicator, data.dataset, ids)
    if wanted is not None and wanted.indicator.id == indicator and wanted.figure.id not in ids:
        ids = [wanted.figure.id, *ids]
        titles = {**titles, wanted.figure.id: _figure_title(wanted, language)}
    if parts.per_indicator[indicator] > MAX_PICKER:
        st.caption(ui("picker_capped", language).format(n=MAX_PICKER,
                                                        total=parts.per_indicator[indicator]))
    chosen = st.selectbox(ui("pick_figure", language), ids,
                          index=ids.index(wanted.figure.id) if wanted and wanted.figure.id in ids
                          else 0, key=f"{key}-{language}-{indicator}",
                          format_func=titles.__getitem__)
    item = (wanted if wanted is not None and wanted.figure.id == chosen
            else cited_by_id(data.dataset, chosen))
    if item is None:
        return
    st.query_params.update({"indicator": item.indicator.id, "figure": item.figure.id})
    st.caption(markdown_escape(item.indicator.definition[language]))
    citation(item, language, key=f"{key}-{item.figure.id}", data=data, copy_on_request=True)


def _figure_title(item: Cited, language: str) -> str:
    value = formatting.value_in_words(item.figure, item.indicator.unit, language)
    return f"{item.indicator.label[language]} — {value} — {short_source(item.source)}"


def sources_list(sources: Sequence[Source], language: str) -> None:
    """Each source the view's figures come from, once."""
    st.markdown(f"**{ui('sources', language)}**")
    for source in sources:
        text(f"• {source_line(source, language)}")


def conflict_text(items: Sequence[Cited], language: str, names: Names) -> str:
    """The conflicts note's text; empty when the sources agree. O(n log n) in the items."""
    groups = conflicts(items)
    if not groups:
        return ""
    lines = [ui("conflicts", language).format(n=len(groups))]
    for group in groups:
        ordered = sorted(group, key=lambda item: item.figure.value)
        lines.append("• " + ui("conflict_line", language).format(
            what=_quantity_title(group, language, names),
            low=formatting.value(ordered[0].figure, ordered[0].indicator.unit, language),
            high=formatting.value(ordered[-1].figure, ordered[-1].indicator.unit, language),
            n=len(group)))
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
    shown = ", ".join(part for part in parts if part)
    return group[0].indicator.label[language] + (f" — {shown}" if shown else "")


def timeline_view(data: Published, language: str) -> None:
    """The dated milestones, then the policy figures."""
    st.header(ui("timeline", language))
    dataset = data.dataset
    rows, chart = _timeline(data.version, language, dataset)
    if len(rows) >= 2:  # one milestone alone on a time axis compares nothing
        st.plotly_chart(chart, key="chart-timeline", config=plotly_config(language),
                        alt=timeline_alt(rows, language))
    st.caption(ui("table_caption", language))
    if len(rows) > MAX_TABLE_ROWS:
        st.caption(ui("rows_capped", language).format(n=MAX_TABLE_ROWS))
    st.dataframe(pd.DataFrame([{ui("date", language): row["when"],
                                ui("event", language): row["label"],
                                ui("kind", language): row["kind"],
                                ui("source", language): row["source"]}
                               for row in rows[:MAX_TABLE_ROWS]]),
                 hide_index=True, width="stretch")
    sources = {source.id: source for source in dataset.sources}
    st.subheader(ui("figures_and_citations", language))
    for milestone in dataset.milestones:
        when = formatting.period(milestone.date, language)
        with st.expander(markdown_escape(f"{when} — {milestone.label[language]}")):
            source = sources[milestone.source]
            source_block(source, language, key=f"milestone-{milestone.id}")
            quote(milestone.quote, source.language, f"milestone-{milestone.id}")
            note(milestone.note, language, source.language, f"milestone-{milestone.id}")
            st.code(cite(source, milestone.quote, language), language=None, wrap_lines=True)
    theme_view(Theme.policy, data, language, selected=None)


def url_multiselect(label: str, options: list[str], name: str,
                    shown: Callable[[str], str], placeholder: str) -> list[str]:
    """A multiselect whose choice is in the address (`?source=a&source=b`): read from it on
    a first visit, written back after every change. Unknown codes in a link are ignored."""
    key = f"filter-{name}"
    if key not in st.session_state:
        allowed = set(options)
        st.session_state[key] = [code for code in st.query_params.get_all(name)
                                 if code in allowed]
    chosen = st.multiselect(label, options, key=key, format_func=shown,
                            placeholder=placeholder)
    st.query_params[name] = chosen  # an empty list removes it from the address
    return chosen


def _selection(version: str, language: str, themes: tuple[str, ...], sources: tuple[str, ...],
               types: tuple[str, ...], frame: pd.DataFrame) -> tuple[Callable[[], pd.DataFrame],
                                                                    int, pd.DataFrame]:
    """The selected rows (made when a download asks for them: a copy of 100 000 rows on
    every rerun was most of an explorer's memory), how many, and the first of them read in
    the page's language (the downloads keep the codes: indicator_id, more_than)."""
    rows, table = _selected(version, language, themes, sources, types, frame)
    return (lambda: frame.take(rows)), len(rows), table


@st.cache_resource(max_entries=16)
def _selected(version: str, language: str, themes: tuple[str, ...], sources: tuple[str, ...],
              types: tuple[str, ...], _frame: pd.DataFrame) -> tuple[Any, pd.DataFrame]:
    """Shared by the sessions that choose the same filters: writing 2 000 values with Babel
    was most of an explorer rerun. Row positions are kept, not a copy of the rows."""
    shown = filter_frame(_frame, themes=themes, sources=sources, source_types=types)
    return _frame.index.get_indexer(shown.index), readable(shown.head(MAX_TABLE_ROWS),
                                                           language)


def explorer(data: Published, language: str) -> None:
    """Every figure, filterable, with downloads of what is selected and of everything."""
    st.header(ui("explorer", language))
    dataset = data.dataset
    frame = data.frame(language)
    everything = ui("all", language)
    # Codes, not labels, in the widgets and the address: a selection survives a language
    # switch and a shared link opens on the same rows.
    codes = sorted({indicator.theme.value for indicator in dataset.indicators})
    themes = url_multiselect(ui("theme", language), codes, "theme",
                             lambda code: THEMES[Theme(code)][language], everything)
    sources = url_multiselect(ui("source", language), [source.id for source in dataset.sources],
                              "source", lambda sid: _source_title(dataset, sid), everything)
    types = url_multiselect(ui("source_type", language),
                            sorted(code for code in frame["source_type"].unique() if code),
                            "type", lambda code: _type_label(code, language), everything)
    labels = [THEMES[Theme(code)][language] for code in themes]
    shown, count, table = _selection(data.version, language, tuple(labels), tuple(sources),
                                     tuple(types), frame)
    st.caption(ui("rows_shown", language).format(shown=count, total=len(frame)))
    if count > MAX_TABLE_ROWS:
        st.caption(ui("rows_capped", language).format(n=MAX_TABLE_ROWS))
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config=dict(zip(table.columns, READABLE_COLUMNS, strict=True)))
    downloads(dataset, shown, frame, language, data.release)


def downloads(dataset: Dataset, shown: Callable[[], pd.DataFrame], frame: pd.DataFrame,
              language: str, release: Release | None = None) -> None:
    """CSV (selection and all), French-Excel CSV, the timeline, the data-package zip, and the
    stable addresses where scripts fetch the same files.

    Files are built when a button is clicked, not on every rerun, and the click does not
    rerun the page.
    """
    columns = st.columns(5)
    columns[0].download_button(ui("download_shown", language),
                               lambda: to_csv(records(shown())),
                               file_name=f"indicateurs-{language}-selection.csv",
                               mime="text/csv", key="download-shown", on_click="ignore")
    columns[1].download_button(ui("download_all", language), lambda: to_csv(records(frame)),
                               file_name=f"indicateurs-{language}.csv", mime="text/csv",
                               key="download-all", on_click="ignore")
    columns[2].download_button(ui("download_excel_fr", language),
                               lambda: to_csv(records(shown()), separator=";", decimal=","),
                               file_name=f"indicateurs-{language}-excel-fr.csv",
                               mime="text/csv", key="download-excel-fr", on_click="ignore")
    columns[3].download_button(ui("download_milestones", language),
                               lambda: to_csv(milestone_rows(dataset, language),
                                              MILESTONE_COLUMNS),
                               file_name=f"chronologie-{language}.csv", mime="text/csv",
                               key="download-milestones", on_click="ignore")
    columns[4].download_button(ui("download_package", language),
                               lambda: build_package(dataset, records(frame), release),
                               file_name=f"indicateurs-{language}-datapackage.zip",
                               mime="application/zip", key="download-package",
                               on_click="ignore")
    st.caption(ui("addresses", language))
    with st.container(key="addresses-ltr"):  # an address reads left to right on any page
        st.code("\n".join(f"/app/static/{name}" for name in PUBLISHED), language=None)




def draft_view(language: str) -> None:
    """Check a pasted or uploaded draft: errors, warnings, then a preview. Nothing is stored.

    The check runs in a child process under DRAFT_LIMITS (loaders.sandbox): a draft built
    to crash or hold the server costs only its own child, and a closed tab stops it.
    """
    st.header(ui("draft", language))
    st.caption(ui("draft_help", language))
    st.html(uploader_css(language))  # catalog texts, no data
    uploaded = st.file_uploader(ui("draft_upload", language), type=["yaml", "yml"],
                                key="draft-file")
    pasted = st.text_area(ui("draft_paste", language), height=260, key="draft-text",
                          max_chars=DRAFT_MAX_BYTES)
    content: str | bytes = uploaded.getvalue() if uploaded is not None else pasted
    if not content:
        return
    name = "draft.yaml"
    try:
        validated = _checked_draft(content, name, language)
    except DatasetError as error:
        st.error(ui("draft_invalid", language).format(n=len(error.problems)))
        st.code("\n".join(error.lines()), language=None, wrap_lines=True)
        return
    dataset = validated.dataset
    st.success(ui("draft_valid", language).format(
        figures=len(dataset.figures), indicators=len(dataset.indicators),
        sources=len(dataset.sources), warnings=len(validated.warnings)))
    if validated.warnings:
        st.warning(ui("warnings", language))
        st.code("\n".join(w.format(name) for w in validated.warnings), language=None,
                wrap_lines=True)
    draft_preview(dataset, language)


def _checked_draft(content: str | bytes, name: str, language: str) -> Validated:
    """The draft's check, run once per content and session (reruns reuse the answer)."""
    raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    digest = hashlib.sha256(raw).hexdigest()
    last = st.session_state.get("draft-checked")
    if last is not None and last[0] == digest:
        answer = last[1]
    else:
        with st.spinner(ui("draft_checking", language)):
            try:
                answer = check_in_child(content, name, DRAFT_LIMITS, _session_gone())
            except DatasetError as error:
                answer = error
            except Cancelled:
                st.stop()  # the reader left; nobody is waiting for an answer
        # One draft per session is kept: the last one checked.
        st.session_state["draft-checked"] = (digest, answer)
    if isinstance(answer, DatasetError):
        raise answer
    return answer


def _session_gone() -> Callable[[], bool]:
    """Whether the reader who asked for this run has closed the page."""
    context = get_script_run_ctx()
    if context is None or not Runtime.exists():
        return lambda: False
    runtime, session = Runtime.instance(), context.session_id
    return lambda: not runtime.is_active_session(session)


def draft_preview(dataset: Dataset, language: str) -> None:
    """The draft's charts, cards, table and CSV, as the published page would show them.

    Each theme shows the comparisons and lone figures of its first PREVIEW_PANELS indicators
    and the table its first MAX_TABLE_ROWS rows, so the preview costs O(n log n) in the
    draft's size whatever it holds.
    """
    by_theme: dict[Theme, list[Cited]] = {}
    for item in cited_figures(dataset):
        by_theme.setdefault(item.indicator.theme, []).append(item)
    themes = [theme for theme in Theme if by_theme.get(theme)]
    names = Names(dataset.dimensions)
    if themes:
        for tab, theme in zip(st.tabs([THEMES[t][language] for t in themes]), themes,
                              strict=True):
            with tab:
                shown, total = _first_indicators(by_theme[theme], PREVIEW_PANELS)
                if total > PREVIEW_PANELS:
                    st.caption(ui("preview_capped", language).format(n=PREVIEW_PANELS,
                                                                     total=total))
                drawn = theme_charts(shown, language, dataset.dimensions)
                comparisons(drawn, language, key=f"draft-chart-{theme.value}")
                lone_cards(drawn.cards, language, names, limit=PREVIEW_PANELS)
    rows = figure_rows(dataset, language)
    if len(rows) > MAX_TABLE_ROWS:
        st.caption(ui("rows_capped", language).format(n=MAX_TABLE_ROWS))
    st.dataframe(pd.DataFrame(rows[:MAX_TABLE_ROWS], columns=list(columns_for(dataset))),
                 hide_index=True,
                 width="stretch")
    st.download_button(ui("download_all", language), to_csv(rows),
                       file_name=f"brouillon-{language}.csv", mime="text/csv",
                       key="download-draft")


def _first_indicators(items: Sequence[Cited], limit: int) -> tuple[list[Cited], int]:
    """The figures of the first `limit` indicators, and how many indicators there are."""
    order: dict[str, int] = {}
    for item in items:
        order.setdefault(item.indicator.id, len(order))
    return [item for item in items if order[item.indicator.id] < limit], len(order)


def _source_title(dataset: Dataset, source_id: str) -> str:
    source = next(source for source in dataset.sources if source.id == source_id)
    return source.title or short_source(source)


def _type_label(code: str, language: str) -> str:
    return next(labels[language] for kind, labels in SOURCE_TYPES.items() if kind.value == code)
