"""The Streamlit page, driven by AppTest without a browser."""

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def test_first_page_shows_the_figures_and_the_download() -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception
    assert app.title[0].value == "Indicateurs de la migration au Maroc"
    assert len(app.dataframe[0].value) == 21
