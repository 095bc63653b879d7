"""Streamlit entry: Moroccan migration indicators, every figure with its source and quote."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import streamlit as st

from indicators.labels import ui, ui_count
from indicators.models import LANGUAGES, Dataset
from indicators.problems import public_name
from indicators.publish import published_files
from indicators.release import cite_dataset
from indicators.text import markdown_escape
from loaders import return_free_memory
from loaders.live import LiveDataset, Snapshot
from loaders.static import write_files
from views import View, address, page_script, registry, styles, view_of_figure
from views.built import Published
from views.components import Page, language_key

ROOT = Path(__file__).resolve().parent
# INDICATORS_DATA points the page at another file (a staging copy, a test's file).
DATA_FILE = Path(os.environ.get("INDICATORS_DATA", ROOT / "data" / "indicators.yaml"))
# Validated data keyed on the file's bytes and the code: a restart with an unchanged file
# skips validation. Set INDICATORS_CACHE_DIR= (empty) to switch it off.
CACHE_DIR = os.environ.get("INDICATORS_CACHE_DIR", str(ROOT / ".cache" / "indicators"))
# INDICATORS_STATIC_DIR points the published files elsewhere (a test's folder).
STATIC_DIR = Path(os.environ.get("INDICATORS_STATIC_DIR", ROOT / "static"))
LANGUAGE_NAMES = {"fr": "Français", "ar": "العربية", "en": "English"}


# 1. Data: one watcher per server; it reloads when the file changes and keeps the last
#    good data when an edit breaks it.
@st.cache_resource
def _live(path: str, cache_dir: str) -> LiveDataset:
    return LiveDataset(path, cache_dir or None)


# Files at stable addresses (/app/static/…, server.enableStaticServing): rewritten once per
# data version, each whole and then renamed, so a script never reads half a file. A version
# whose files could not be written raised, and Streamlit caches no raise: the next rerun
# tries again.
@st.cache_resource(max_entries=2)
def _publish(version: str, _snapshot: Snapshot) -> None:
    if _snapshot.validated is not None:
        write_files(STATIC_DIR, published_files(_snapshot.validated.dataset, _snapshot.release))
        return_free_memory()  # the files' buffers, freed: tens of MB at 100 000 figures


def publish(snapshot: Snapshot, language: str) -> None:
    """The files at stable addresses for the version shown; when they cannot be written (a
    full disk, a read-only folder, a name taken), a note and a line in the log, and the
    view is drawn all the same."""
    try:
        _publish(snapshot.version, snapshot)
    except Exception:
        logging.getLogger(__name__).exception("the files in %s were not updated", STATIC_DIR)
        st.warning(ui("publish_failed", language))


def _document_language(language: str) -> None:
    """`lang` and `dir` on the document itself, so screen readers and the layout follow the
    page's language (in Arabic the sidebar stands on the right), and the tab's title too.

    Streamlit offers no setting for them; a script in the page sets them. Only the three
    fixed language codes and the catalog's title reach it, the title as a JSON string whose
    "<" is escaped, so no translation can close the script. (An iframe did this before: it
    cost the page a component to load and a frame to start before the first figure.)
    The script declares no name: it runs again in the same page at every language switch,
    and a second top-level `const` of one name is a SyntaxError that left the document in
    the first language.
    """
    direction = "rtl" if language == "ar" else "ltr"
    title = json.dumps(ui("title", language)).replace("<", "\\u003c")
    st.html(f"<script>document.documentElement.lang = '{language}'; "
            f"document.documentElement.dir = '{direction}'; document.title = {title};</script>",
            unsafe_allow_javascript=True)


def _from_url(name: str, allowed: list[str], default: str) -> str:
    value = st.query_params.get(name, default)
    return value if value in allowed else default


def _view_from_url(views: dict[str, View], dataset: Dataset | None) -> str:
    """The address's view; for a link that names only a figure (`?figure=ID`), the view
    that cites it; else the overview."""
    asked = st.query_params.get("view", "")
    if asked in views:
        return asked
    shown = view_of_figure(dataset, st.query_params.get("figure", "")) if dataset else None
    return shown if shown in views else "overview"


def _unknown_figure(dataset: Dataset | None, language: str) -> None:
    """A link to a figure the data does not have (a mistyped or an old address) says so;
    the address then drops it, and the note goes with the next run."""
    figure = st.query_params.get("figure")
    if (figure is not None and dataset is not None and address.arrived()
            and view_of_figure(dataset, figure) is None):
        st.info(ui("figure_unknown", language))


def _stop() -> NoReturn:
    """The run's address, then the end of the run."""
    address.write()
    st.stop()


@contextmanager
def guarded(view: str, language: str) -> Iterator[None]:
    """A fault in a view is a message on the page and a line in the log, never a traceback.

    Streamlit's reruns and stops are BaseExceptions: they pass through untouched.
    """
    try:
        yield
    except Exception:
        logging.getLogger(__name__).exception("view %s failed", view)
        st.error(ui("page_error", language))


def render_problems(snapshot: Snapshot, language: str) -> None:
    """Editors' banner: the errors with their lines, and which data is shown instead."""
    if snapshot.dropped is not None:
        before, now = snapshot.dropped
        st.warning(ui_count("dropped", now, language, before=before, fewer=before - now))
    if snapshot.error is None:
        return
    lines = snapshot.error.lines(public_name(snapshot.error.file, ROOT))
    if snapshot.validated is None:
        st.error(ui("no_data", language))
    else:
        when = snapshot.loaded_at.strftime("%Y-%m-%d %H:%M:%S UTC") if snapshot.loaded_at else ""
        st.warning(ui("last_good", language).format(when=when))
    with st.expander(ui("data_error", language), expanded=snapshot.validated is None):
        st.code("\n".join(lines), language=None, wrap_lines=True)


# 2. Language and view, kept in the address so that a link reproduces what was seen, and
#    taken from it after the browser's Back and Forward; the views are the data's themes',
#    so the data is looked at first (kept by the watcher: no cost).
address.begin()
address.follow("lang", _from_url("lang", list(LANGUAGES), "fr"))
st.set_page_config(page_title=ui("title", st.session_state.lang), layout="wide")
snapshot = _live(str(DATA_FILE), CACHE_DIR).current()
dataset = snapshot.validated.dataset if snapshot.validated else None
VIEWS = registry(dataset.themes if dataset else ())
with st.sidebar:
    language = st.radio(ui("language", st.session_state.lang), LANGUAGES, key="lang",
                        format_func=LANGUAGE_NAMES.__getitem__, horizontal=True)
    # The views' labels change with the language: one radio per language, started from the
    # address, which holds the view shown before the switch.
    view_key = language_key("view", language)
    address.follow(view_key, _view_from_url(VIEWS, dataset))
    view = VIEWS[st.radio(ui("view", language), list(VIEWS), key=view_key,
                          format_func=lambda name: VIEWS[name].label(language))]
address.start(lang=language, view=view.id)

st.html(styles.page(language))  # static style, no data
_document_language(language)
page_script.render(language)  # Streamlit's own words in the page's language

# 3. Header; a view without the published data (an editor's draft, checked on its own) is
#    drawn whatever the published file's state.
st.title(ui("title", language))
st.caption(ui("tagline", language))
if not view.published:
    with guarded(view.id, language):
        view.render(Page(language))
    _stop()
render_problems(snapshot, language)
if snapshot.validated is None:
    _stop()
_unknown_figure(dataset, language)
data = Published(snapshot.version, snapshot.validated.dataset, snapshot.release, str(DATA_FILE))
publish(snapshot, language)

# 4. The chosen view.
with guarded(view.id, language):
    view.render(Page(language, data))

# 5. The dataset's version and licence, as every citation names them.
st.divider()
st.caption(markdown_escape(
    f"{cite_dataset(snapshot.release, language)} {ui('license_line', language)}"))
address.write()
