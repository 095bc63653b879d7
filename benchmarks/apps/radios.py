"""The floor for reruns and the load test: the dashboard's two radios and nothing else.

The same keys and options as app.py (`lang`, then one view radio per language, started from
the address), so that a session speaks to it exactly as to the dashboard; the views' ids
come from BENCH_VIEWS (comma-separated), as the load test lists them.
"""

import os

import streamlit as st

LANGUAGES = ["fr", "ar", "en"]
VIEWS = os.environ.get("BENCH_VIEWS", "overview").split(",")

if "lang" not in st.session_state:
    st.session_state.lang = st.query_params.get("lang", "fr")
with st.sidebar:
    language = st.radio("Langue", LANGUAGES, key="lang", horizontal=True)
    key = f"view-{language}"
    if st.session_state.get(key) not in VIEWS:
        wanted = st.query_params.get("view", "overview")
        st.session_state[key] = wanted if wanted in VIEWS else VIEWS[0]
    view = st.radio("Vue", VIEWS, key=key)
st.query_params.update({"lang": language, "view": view})
st.header(view)
