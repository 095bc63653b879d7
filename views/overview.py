"""The overview: the headline figures as cards, one row per campaign."""

from __future__ import annotations

import streamlit as st

from indicators.charts import Names
from indicators.explore import Occurrence
from indicators.labels import ui
from indicators.text import markdown_escape
from views.built import headlines
from views.components import Page, card, in_rows


def render(page: Page) -> None:
    """Headline cards first, so they paint before any chart."""
    data, language = page.data, page.language
    st.header(ui("overview", language))
    names = Names(data.dataset.dimensions)
    for occurrence, row in headlines(data.version, data.dataset):
        st.subheader(_row_title(occurrence, names, language))
        for column, (shown, count) in in_rows(row):
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
