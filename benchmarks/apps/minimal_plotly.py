"""The floor for memory: a Streamlit page with one plotly chart, nothing else imported."""

import plotly.graph_objects as go
import streamlit as st

st.title("Minimal")
st.plotly_chart(go.Figure(go.Bar(x=[1, 2, 3], y=[3, 1, 2])))
