"""Streamlit entry: the validated figures with their citations, and the CSV download."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from indicators.labels import ui
from indicators.problems import DatasetError
from indicators.table import COLUMNS, figure_rows, to_csv
from loaders import load_path

DATA_PATH = Path(__file__).parent / "data" / "indicators.yaml"

st.set_page_config(page_title="Indicateurs de la migration au Maroc", layout="wide")
language = "fr"
st.title(ui("title", language))
st.caption(ui("tagline", language))

try:
    dataset = load_path(DATA_PATH.relative_to(Path(__file__).parent)).dataset
except DatasetError as error:
    st.error("\n".join(error.lines()))
    st.stop()

rows = figure_rows(dataset, language)
st.dataframe(pd.DataFrame(rows, columns=list(COLUMNS)), hide_index=True)
st.download_button(ui("download_csv", language), to_csv(rows),
                   file_name="indicateurs-migration-maroc.csv", mime="text/csv")
