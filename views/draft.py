"""The draft view: an editor's YAML checked in a child process, then previewed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from indicators import formatting
from indicators.charts import Names, theme_charts
from indicators.citations import Cited, cited_figures
from indicators.labels import checker_message, ui, ui_count
from indicators.models import Dataset
from indicators.problems import DatasetError
from indicators.table import columns_for, figure_rows, to_csv
from indicators.text import markdown_escape
from indicators.validation import Validated
from loaders import DRAFT_MAX_BYTES
from loaders.sandbox import DRAFT_LIMITS, Cancelled, check_in_child
from views import styles
from views.built import MAX_TABLE_ROWS
from views.components import Page, comparisons, lone_cards

# A draft's preview draws at most this many indicators per theme: a chart's cost grows with
# its panels, and the preview is a look at the draft, not the published view.
PREVIEW_PANELS = 24


def render(page: Page) -> None:
    """Check a pasted or uploaded draft: errors, warnings, then a preview. Nothing is stored.

    The check runs in a child process under DRAFT_LIMITS (loaders.sandbox): a draft built
    to crash or hold the server costs only its own child, and a closed tab stops it. The
    published data is not needed: a draft is checked whatever the published file's state.
    """
    language = page.language
    st.header(ui("draft", language))
    st.caption(ui("draft_help", language))
    st.html(styles.uploader_css(language))  # catalog texts, no data
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
        st.error(ui_count("draft_invalid", len(error.problems), language))
        messages(error.lines(), language)
        return
    dataset = validated.dataset
    counts = formatting.comma(language).join(ui_count(f"count_{name}", n, language) for name, n in (
        ("figures", len(dataset.figures)), ("indicators", len(dataset.indicators)),
        ("sources", len(dataset.sources)), ("warnings", len(validated.warnings))))
    st.success(ui("draft_valid", language).format(counts=counts))
    if validated.warnings:
        st.warning(ui("warnings", language))
        messages([w.format(name) for w in validated.warnings], language)
    preview(dataset, language)


def messages(lines: Sequence[str], language: str) -> None:
    """The checker's messages: the frequent ones in the page's language (the catalogs'
    `check.*`), the others in English as EDITING.md lists them, said so and marked English
    for screen readers (the page's script sets `lang` from the container's key)."""
    said = [line if language == "en" else checker_message(line, language) for line in lines]
    if all(said):
        st.code("\n".join(line for line in said if line), language=None, wrap_lines=True)
        return
    if any(said):
        st.code("\n".join(line for line in said if line), language=None, wrap_lines=True)
    st.caption(ui("checker_untranslated", language))
    with st.container(key="messages-ltr-lang-en-draft"):
        st.code("\n".join(line for line, shown in zip(lines, said, strict=True) if not shown),
                language=None, wrap_lines=True)


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


def preview(dataset: Dataset, language: str) -> None:
    """The draft's charts, cards, table and CSV, as the published page would show them.

    Each theme shows the comparisons and lone figures of its first PREVIEW_PANELS indicators
    and the table its first MAX_TABLE_ROWS rows, so the preview costs O(n log n) in the
    draft's size whatever it holds.
    """
    by_theme: dict[str, list[Cited]] = {}
    for item in cited_figures(dataset):
        by_theme.setdefault(item.indicator.theme, []).append(item)
    themes = [theme for theme in dataset.themes if by_theme.get(theme.id)]
    names = Names(dataset.dimensions)
    if themes:
        labels = [markdown_escape(theme.label[language]) for theme in themes]
        for tab, theme in zip(st.tabs(labels), themes, strict=True):
            with tab:
                shown, total = _first_indicators(by_theme[theme.id], PREVIEW_PANELS)
                if total > PREVIEW_PANELS:
                    st.caption(ui_count("preview_capped", PREVIEW_PANELS, language, total=total))
                drawn = theme_charts(shown, language, dataset.dimensions)
                comparisons(drawn, language, key=f"draft-chart-{theme.id}")
                lone_cards(drawn.cards, language, names, limit=PREVIEW_PANELS)
    rows = figure_rows(dataset, language)
    if len(rows) > MAX_TABLE_ROWS:
        st.caption(ui_count("rows_capped", MAX_TABLE_ROWS, language))
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
