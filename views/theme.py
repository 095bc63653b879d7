"""A theme's view: its comparisons, lone figures, table, sources and a citation per figure."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from indicators.charts import Names
from indicators.citations import Cited, cited_by_id
from indicators.columnar import figure_by_id
from indicators.labels import ui, ui_count
from indicators.models import Source, Theme
from indicators.release import cite_dataset
from indicators.text import markdown_escape
from views import address
from views.built import (
    MAX_PICKER,
    THEME_TABLE_ROWS,
    Published,
    ThemeParts,
    figure_title,
    picker_titles,
    theme_parts,
)
from views.components import Page, citation, comparisons, lone_cards, source_markdown

# A theme view draws its first comparisons at once and the others on request: a page of
# twelve charts painted its first one after all twelve (real file: 4.6 s against 3.4 s
# with four, a one-chart page 2.8 s).
FIRST_CHARTS = 4
# The theme table scrolls within this height (px), about ten rows, as the explorer's grid
# does: drawn whole, the real file's 90 rows pushed the sources and citations 4 000 px down.
THEME_TABLE_HEIGHT = 480


def render(theme: str, page: Page) -> None:
    """A theme's view: its title and description, then its figures; a link's `?indicator=`
    opens its figure picker on that indicator."""
    shown = next(record for record in page.data.dataset.themes if record.id == theme)
    draw(shown, page.data, page.language, st.query_params.get("indicator"))


def draw(theme: Theme, data: Published, language: str, selected: str | None) -> None:
    """A theme's title and description, its conflicts, comparisons and lone figures; its
    table, sources and citations behind a switch."""
    st.header(markdown_escape(theme.label[language]))
    st.caption(markdown_escape(theme.description[language]))
    names = Names(data.dataset.dimensions)
    parts = theme_parts(data.version, theme.id, language, data.dataset,
                        cite_dataset(data.release, language))
    if parts.conflicts:
        st.warning(markdown_escape(parts.conflicts))
    comparisons(parts.drawn, language, key=f"chart-{theme.id}", first=FIRST_CHARTS)
    lone_cards(parts.drawn.cards, language, names)
    # The table, the sources and the figure picker come after the charts, on request: drawn
    # with them, the first chart painted at 1.6x (real file) and 2.3x (10 000 figures) a
    # Streamlit page holding that chart alone, against 0.9x and 1.3x without them
    # (docs/performance.md). A link to a figure or an indicator opens them.
    linked = selected is not None or bool(st.query_params.get("figure"))
    label = ui_count("theme_details", parts.rows, language)
    if not st.toggle(label, value=linked, key=f"details-{theme.id}"):
        return
    st.caption(ui("table_caption", language))
    if parts.rows > THEME_TABLE_ROWS:
        st.caption(ui_count("rows_capped", THEME_TABLE_ROWS, language))
    # A plain table: read cell by cell by a screen reader, and drawn without the 1.5 MB
    # of script of the explorer's grid, which held back the view's first chart.
    st.table(parts.table, hide_index=True, height=THEME_TABLE_HEIGHT)
    sources_list(parts.sources, language)
    cite_one(parts, language, selected, key=f"cite-{theme.id}", data=data, theme=theme.id)


def cite_one(parts: ThemeParts, language: str, selected: str | None, key: str,
             data: Published, theme: str) -> None:
    """Pick an indicator, then any of its figures, and see its definition, source, quote and
    citation. Two short lists, not one of every figure: at 100 000 figures a theme's single
    picker sent every session some 17 000 options on each rerun; an indicator's list stops
    at MAX_PICKER, and a figure past it is still reached by its address (`?figure=`),
    which the page opens scrolled to it."""
    if not parts.by_indicator:
        return
    wanted = _linked(data, parts)
    with st.container(key=key):  # where a link to one of the view's figures scrolls
        item = _pick(parts, language, selected, key, data, theme, wanted)
        if item is None:
            return
        address.keep("indicator", item.indicator.id)
        address.keep("figure", item.figure.id)
        with st.container(key=f"figure-{item.figure.id}"):
            st.caption(markdown_escape(item.indicator.definition[language]))
            citation(item, language, key=f"{key}-{item.figure.id}", data=data,
                     copy_on_request=True)
    if wanted is not None and item is wanted and address.arrived():
        address.scroll_to(key)


def _linked(data: Published, parts: ThemeParts) -> Cited | None:
    """The figure the address names, if this view cites it; a restatement's link opens the
    figure it restates, which cites both."""
    asked = figure_by_id(data.dataset.figures, st.query_params.get("figure", ""))
    wanted = cited_by_id(data.dataset, asked.restates or asked.id) if asked else None
    return wanted if wanted is not None and wanted.indicator.id in parts.by_indicator else None


def _pick(parts: ThemeParts, language: str, selected: str | None, key: str,
          data: Published, theme: str, wanted: Cited | None) -> Cited | None:
    """The two pickers, started from the address (a link, Back or Forward), and the figure
    they pick."""
    st.subheader(ui("figures_and_citations", language))
    indicators = list(parts.by_indicator)
    first = (wanted.indicator.id if wanted is not None
             else selected if selected in parts.by_indicator else indicators[0])
    # Keyed by language too: the labels follow a language switch, and the choice survives
    # it through the URL; the figure picker is keyed by its indicator, whose figures it lists.
    address.follow(f"{key}-indicator-{language}", first)
    indicator = st.selectbox(ui("indicator", language), indicators,
                             key=f"{key}-indicator-{language}",
                             format_func=parts.indicators.__getitem__)
    ids = parts.by_indicator[indicator]
    titles = picker_titles(data.version, theme, language, indicator, data.dataset, ids)
    if wanted is not None and wanted.indicator.id == indicator and wanted.figure.id not in ids:
        ids = [wanted.figure.id, *ids]
        titles = {**titles, wanted.figure.id: figure_title(wanted, language)}
    if parts.per_indicator[indicator] > MAX_PICKER:
        st.caption(ui_count("picker_capped", MAX_PICKER, language,
                            total=parts.per_indicator[indicator]))
    address.follow(f"{key}-{language}-{indicator}",
                   wanted.figure.id if wanted and wanted.figure.id in ids else ids[0])
    chosen = st.selectbox(ui("pick_figure", language), ids, key=f"{key}-{language}-{indicator}",
                          format_func=titles.__getitem__)
    return (wanted if wanted is not None and wanted.figure.id == chosen
            else cited_by_id(data.dataset, chosen))


def sources_list(sources: Sequence[Source], language: str) -> None:
    """Each source the view's figures come from, once."""
    st.markdown(f"**{ui('sources', language)}**")
    for source in sources:
        st.markdown(f"• {source_markdown(source, language)}")
