"""The floor for a theme view's first chart: a Streamlit page with a title and that chart.

The chart is the view's own, read from the JSON file named by BENCH_CHART (benchmarks/pages.py
writes it), so the floor draws the same points, texts and credit line as the view.
"""

import os
from pathlib import Path

import plotly.graph_objects as go
import plotly.io
import streamlit as st


@st.cache_resource
def _chart(path: str) -> go.Figure:
    return plotly.io.from_json(Path(path).read_text(encoding="utf-8"), skip_invalid=True)


st.title("Régularisation")
st.plotly_chart(_chart(os.environ["BENCH_CHART"]))
