"""The floor for memory: the same libraries as the dashboard, one plotly chart, no data."""

import babel  # noqa: F401 - imported to weigh the same as the dashboard
import pandas as pd
import plotly.graph_objects as go
import pydantic  # noqa: F401
import streamlit as st
import yaml  # noqa: F401

st.title("Minimal")
st.plotly_chart(go.Figure(go.Bar(x=[1, 2, 3], y=[3, 1, 2])))
st.dataframe(pd.DataFrame({"a": [1, 2, 3]}))
