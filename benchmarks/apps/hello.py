"""The floor for page-ready time: a Streamlit page that only writes a title."""

import streamlit as st

st.title("Hello")
