"""What several views draw: cards, citations, quotes, notes, sources, history, charts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from indicators import formatting
from indicators.charts import Chart, Names, ThemeCharts
from indicators.citations import Cited, cite_figure, short_source, source_line
from indicators.labels import QUALIFIERS, STATUSES, ui, ui_count
from indicators.models import (
    LANGUAGES,
    Dataset,
    Figure,
    Note,
    Qualifier,
    Source,
    Status,
    note_in,
)
from indicators.release import cite_dataset
from indicators.text import markdown_address, markdown_escape
from loaders.history import BUDGET_SECONDS, MAX_CHANGES, MAX_COMMITS, breakdown_parts
from views.built import Published, figure_histories, figure_title


@dataclass(frozen=True)
class Page:
    """What a view is drawn with: the reader's language and, unless the view is registered
    as drawing without it, the published data."""

    language: str
    published: Published | None = None

    @property
    def data(self) -> Published:
        if self.published is None:  # app.py gives it to every view registered as needing it
            raise LookupError("this view is registered as drawing without the published data")
        return self.published



def language_key(name: str, language: str) -> str:
    """The key of a choice widget in one language: `name-fr`, `name-ar`, `name-en`.

    Streamlit's radio and multiselect hold the labels of what is chosen, not the codes: a
    widget kept across a language switch held the old language's labels (chips in French
    on an Arabic page, a radio with nothing selected that fell to its first option at the
    next switch). A widget per language is drawn instead, started from the address by its
    caller; the other languages' are forgotten, so that coming back starts from there too.
    """
    for other in LANGUAGES:
        if other != language:
            st.session_state.pop(f"{name}-{other}", None)
    return f"{name}-{language}"

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
    # The key names the language: the page's script sets `lang` on the container from it, so
    # a screen reader reads a French quote as French on an Arabic page.
    with st.container(key=f"quote-{direction}-lang-{language}-{key}"):
        st.markdown(markdown_escape(formatting.quoted(value, language)))


def evidence(figure: Figure, source_language: str, language: str, key: str) -> None:
    """The words that write the value: the verbatim quote, or the numeral as printed and
    where, the place said to be in the source's language when it is not the page's."""
    if figure.quote is not None:
        quote(figure.quote, source_language, key)
        return
    quote(figure.as_written or "", source_language, key)
    if not figure.locator:
        return
    label = "locator" if source_language == language else "locator_in_source"
    st.caption(f"{ui(label, language)}{formatting.colon(language)}")
    direction = "rtl" if source_language == "ar" else "ltr"
    with st.container(key=f"note-{direction}-lang-{source_language}-locator-{key}"):
        st.caption(markdown_escape(figure.locator))


def note(value: str | Note | None, language: str, source_language: str, key: str) -> None:
    """The curator's note in the reader's language, else in the one it was written in, laid
    out in that language's direction and saying which language it is."""
    shown = note_in(value, language, source_language)
    if shown is None:
        return
    written, written_in = shown
    direction = "rtl" if written_in == "ar" else "ltr"
    with st.container(key=f"note-{direction}-lang-{written_in}-{key}"):
        st.caption(markdown_escape(written))
        if written_in != language:
            st.caption(ui(f"note_in_{written_in}", language))


def source_markdown(source: Source, language: str) -> str:
    """A source's line as Markdown: its text inert, its address (http or https, validated at
    load time) a real link whose text is the address itself, copied as written."""
    line = markdown_escape(source_line(source, language, address=False))
    return f"{line} {markdown_address(source.url)}" if source.url else line


def source_block(source: Source, language: str, key: str) -> None:
    """Who said it, when, where; unknown parts said as unknown."""
    st.markdown(source_markdown(source, language))
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
    evidence(item.figure, item.source.language, language, key)
    for again in item.restatements:
        st.markdown(f"**{ui('restated', language)}**")
        evidence(again.figure, again.source.language, language, f"{key}-{again.figure.id}")
    period = formatting.period(item.figure.period, language)
    st.caption(markdown_escape(f"{ui('period', language)}{formatting.colon(language)} {period} · "
                               f"{QUALIFIERS[item.figure.qualifier][language]} · "
                               f"{STATUSES[item.figure.standing][language]}"))
    if rank := formatting.ranked(item.figure, item.source.language, language):
        st.caption(markdown_escape(rank))
    note(item.figure.note, language, item.source.language, f"figure-{key}")
    release = data.release if data else None
    copyable = f"{cite_figure(item, language)}\n\n{cite_dataset(release, language)}"
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
        found = figure_histories(data.version, data.path)
    if found is None or isinstance(found, str):
        st.caption(ui("history_unavailable", language) if found is None
                   else ui("history_failed", language).format(reason=found))
        return
    figure = item.figure.id
    standing = found.standing(figure)
    if standing in ("uncommitted", "unchanged"):
        st.caption(ui(f"history_{standing}", language))
    if older := found.older.get(figure, 0):
        st.caption(ui_count("history_older", older, language, m=MAX_CHANGES))
    named = partial(_named, data.dataset, Names(data.dataset.dimensions), language)
    for change in found.changes.get(figure, ()):
        what = formatting.semicolon(language).join(
            formatting.change(field, named(field, before), named(field, after), language)
            for field, before, after in change.fields)
        # The commit's message is the editor's own words, said to be theirs.
        text(f"• {change.day} · {what} · {ui('commit_message', language)}"
             f"{formatting.colon(language)} {change.message} ({change.commit})")
    for version in found.unreadable:
        st.caption(markdown_escape(ui("history_unreadable", language).format(
            day=version.day, message=version.message, commit=version.commit,
            reason=version.reason)))
    if found.since:
        st.caption(markdown_escape(ui_count("history_since", MAX_COMMITS, language,
            since=found.since, seconds=f"{BUDGET_SECONDS:g}")))


def _named(dataset: Dataset, names: Names, language: str, field: str, text: str) -> str:
    """A history's value of an id field as the page names it: an indicator by its label, a
    source by its publisher, a breakdown (`campaign: first, country: SN`) by its members'
    names; an id the data no longer has, and any other field, as written."""
    if field == "indicator":
        found = next((i.label[language] for i in dataset.indicators if i.id == text), None)
        return found or text
    if field == "source":
        return next((short_source(s) for s in dataset.sources if s.id == text), text)
    if field == "breakdown" and text:
        return names.members(breakdown_parts(text), language)
    return text


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
    st.caption(markdown_escape(f"{words}{part + ' · ' if part else ''}{item.when(language)} · "
                               f"{ui('source', language)}{colon} {shown}"))
    if others:
        st.caption(markdown_escape(ui_count("other_values", len(others) + more, language)))
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
                st.caption(ui_count("others_more", more, language))


def _other_value(item: Cited, language: str, names: Names) -> str:
    """One of a card's other values: what, which campaign or part, when, how settled, and a
    set-aside value's reason."""
    figure = item.figure
    status = STATUSES[figure.standing][language] if figure.standing != Status.final else ""
    parts = [figure_title(item, language), names.members(figure.breakdown_key(), language),
             item.when(language), status,
             formatting.ranked(figure, item.source.language, language)]
    return " · ".join(part for part in parts if part)


def comparisons(drawn: ThemeCharts, language: str, key: str, first: int | None = None) -> None:
    """Each comparison's chart, with what it lists beside its marks (undated figures); with
    `first`, that many at once and the others behind a switch.

    The toolbar keeps what a reader uses (download the image, full screen); the image is
    named after the chart and the language, and carries the chart's sources and version.
    """
    shown = drawn.charts if first is None else drawn.charts[:first]
    _draw(shown, language, key, start=0)
    rest = drawn.charts[len(shown):]
    if rest and not st.toggle(ui_count("charts_rest", len(rest), language),
                              key=f"{key}-rest"):
        return  # what is left out is said once the others are drawn
    _draw(rest, language, key, start=len(shown))
    if drawn.not_drawn:
        st.caption(ui_count("charts_more", drawn.not_drawn, language))


def _draw(charts: Sequence[Chart], language: str, key: str, start: int) -> None:
    for index, chart in enumerate(charts, start):
        config = {**plotly_config(language), "toImageButtonOptions": {
            "format": "png", "scale": 2, "filename": f"{chart.name or key}-{language}"}}
        # Streamlit makes `alt` the chart's accessible name (role="figure", aria-label).
        st.plotly_chart(chart.figure, key=f"{key}-{index}", config=config, alt=chart.alt)
        if chart.notes:
            st.caption(markdown_escape("\n".join(chart.notes)))


def in_rows(items: Sequence[Shown]) -> Iterator[tuple[DeltaGenerator, Shown]]:
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
    for column, item in in_rows(items[:limit]):
        with column, st.container(border=True):
            card(item, language, others=(), names=names, citable=False)
    if len(items) > limit:
        st.caption(ui_count("cards_more", len(items) - limit, language))
