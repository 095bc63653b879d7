"""The explorer: every figure, filtered by theme, source and source type, and the downloads."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from indicators.citations import short_source
from indicators.labels import SOURCE_TYPES, ui, ui_count
from indicators.models import Dataset
from indicators.package import build_package
from indicators.publish import PUBLISHED
from indicators.release import Release
from indicators.table import MILESTONE_COLUMNS, milestone_rows, records, to_csv
from views import address
from views.built import MAX_TABLE_ROWS, selected_rows
from views.components import Page, language_key

# The explorer's columns sized to what they hold (indicator, value, period, theme, source,
# source type, quote): sized to its first rows, a long source title pushed the columns after
# it out of sight, and in Arabic its header with them. Indicator, value and source come
# first and together fit a phone's 358 px (at 240 + 130 px a phone showed no source, and
# cut the start of an Arabic value, "كثر من"); a cell's full text shows on hover.
READABLE_WIDTHS = (130, 110, 110, 150, 100, 150, 420)  # pixels
READABLE_COLUMNS = [st.column_config.TextColumn(width=width) for width in READABLE_WIDTHS]
# The order they are read in: indicator, value, source, then period, theme, type, quote.
READING_ORDER = (0, 1, 4, 2, 3, 5, 6)


def url_multiselect(label: str, options: list[str], name: str, shown: Callable[[str], str],
                    placeholder: str, language: str) -> list[str]:
    """A multiselect whose choice is in the address (`?source=a&source=b`): read from it on
    a first visit, after a language switch (the chips' labels are the language's) and after
    Back or Forward, written back after every change. Unknown codes in a link are ignored."""
    key = language_key(f"filter-{name}", language)
    allowed = set(options)
    address.follow(key, [code for code in st.query_params.get_all(name) if code in allowed])
    chosen = st.multiselect(label, options, key=key, format_func=shown,
                            placeholder=placeholder)
    address.keep(name, chosen)  # an empty list leaves the address
    return chosen


def _selection(version: str, language: str, themes: tuple[str, ...], sources: tuple[str, ...],
               types: tuple[str, ...], frame: pd.DataFrame) -> tuple[Callable[[], pd.DataFrame],
                                                                    int, pd.DataFrame]:
    """The selected rows (made when a download asks for them: a copy of 100 000 rows on
    every rerun was most of an explorer's memory), how many, and the first of them read in
    the page's language (the downloads keep the codes: indicator_id, more_than)."""
    rows, table = selected_rows(version, language, themes, sources, types, frame)
    return (lambda: frame.take(rows)), len(rows), table


def render(page: Page) -> None:
    """Every figure, filterable, with downloads of what is selected and of everything."""
    data, language = page.data, page.language
    st.header(ui("explorer", language))
    dataset = data.dataset
    frame = data.frame(language)
    everything = ui("all", language)
    # Codes, not labels, in the widgets and the address: a selection survives a language
    # switch and a shared link opens on the same rows.
    named = {theme.id: theme.label[language] for theme in dataset.themes}
    used = {indicator.theme for indicator in dataset.indicators}
    codes = [theme.id for theme in dataset.themes if theme.id in used]
    themes = url_multiselect(ui("theme", language), codes, "theme", named.__getitem__,
                             everything, language)
    sources = url_multiselect(ui("source", language), [source.id for source in dataset.sources],
                              "source", lambda sid: _source_title(dataset, sid), everything,
                              language)
    types = url_multiselect(ui("source_type", language),
                            sorted(code for code in frame["source_type"].unique() if code),
                            "type", lambda code: _type_label(code, language), everything, language)
    labels = [named[code] for code in themes]
    shown, count, table = _selection(data.version, language, tuple(labels), tuple(sources),
                                     tuple(types), frame)
    st.caption(ui_count("rows_shown", count, language, total=len(frame)))
    if count > MAX_TABLE_ROWS:
        st.caption(ui_count("rows_capped", MAX_TABLE_ROWS, language))
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config=dict(zip(table.columns, READABLE_COLUMNS, strict=True)),
                 column_order=[table.columns[index] for index in READING_ORDER])
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


def _source_title(dataset: Dataset, source_id: str) -> str:
    source = next(source for source in dataset.sources if source.id == source_id)
    return source.title or short_source(source)


def _type_label(code: str, language: str) -> str:
    return next(labels[language] for kind, labels in SOURCE_TYPES.items() if kind.value == code)
