"""The timeline: the dated milestones as a chart, a table and their citations."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import formatting
from indicators.charts import timeline_alt
from indicators.citations import cite
from indicators.labels import ui, ui_count
from indicators.text import markdown_escape
from views.built import MAX_TABLE_ROWS, timeline_parts
from views.components import Page, note, plotly_config, quote, source_block

# The table scrolls within this height (px), as a theme's does, about ten rows.
TIMELINE_TABLE_HEIGHT = 480


def render(page: Page) -> None:
    """The dated milestones; the registry draws the policy figures under them."""
    data, language = page.data, page.language
    st.header(ui("timeline", language))
    dataset = data.dataset
    rows, chart = timeline_parts(data.version, language, dataset)
    if len(rows) >= 2:  # one milestone alone on a time axis compares nothing
        st.plotly_chart(chart, key="chart-timeline", config=plotly_config(language),
                        alt=timeline_alt(rows, language))
    st.caption(ui("table_caption", language))
    if len(rows) > MAX_TABLE_ROWS:
        st.caption(ui_count("rows_capped", MAX_TABLE_ROWS, language))
    # A plain table, as a theme's: its cells wrap on a phone, its header stays in Arabic
    # (the grid lost the event column's header there and cut the events at the screen's
    # edge), and a screen reader reads it cell by cell.
    st.table(pd.DataFrame([{ui("date", language): row["when"],
                            ui("event", language): row["label"],
                            ui("kind", language): row["kind"],
                            ui("source", language): row["source"]}
                           for row in rows[:MAX_TABLE_ROWS]]),
             hide_index=True, height=TIMELINE_TABLE_HEIGHT)
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
