"""The page's address, driven by AppTest: a link to a figure opens its view, parameters stay
with the view they belong to, and an address brought back (Back, Forward) wins over the
widgets' last state."""

from __future__ import annotations

import io
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from indicators.labels import ui
from tests.conftest import ROOT

pytestmark = pytest.mark.apptest

APPROVED = "demandes-approuvees-23096"  # regularisation_applications_approved
COUNTRIES = "retour-volontaire-36-pays"  # voluntary_return_countries
POLICY = "politique-migratoire-plus-de-trois-ans"  # a theme drawn on the timeline
RESTATEMENT = "taux-approbation-titre-83"  # restates taux-approbation-plus-de-83


def _open(**query: str | list[str]) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params.update(query)
    return app.run()


def _address(app: AppTest) -> dict[str, Any]:
    return dict(app.query_params)


def _back_to(app: AppTest, address: dict[str, Any]) -> AppTest:
    """What the browser sends after Back or Forward: the same session, the widgets as they
    were last drawn, and an earlier address."""
    app.query_params.clear()
    app.query_params.update(address)
    return app.run()


@pytest.mark.parametrize(("figure", "view", "indicator"), [
    (APPROVED, "regularisation", "regularisation_applications_approved"),
    (COUNTRIES, "voluntary_return", "voluntary_return_countries"),
    (POLICY, "timeline", None)])
def test_a_link_to_a_figure_alone_opens_its_view_on_it(figure: str, view: str,
                                                       indicator: str | None) -> None:
    app = _open(lang="ar", figure=figure)
    assert not app.exception
    assert app.sidebar.radio(key="view-ar").value == view
    assert app.query_params["view"] == view and app.query_params["figure"] == figure
    theme = "policy" if view == "timeline" else view
    picked = [box for box in app.selectbox if box.key.startswith(f"cite-{theme}-ar-")]
    assert [box.value for box in picked] == [figure]
    if indicator is not None:
        assert app.selectbox(key=f"cite-{theme}-indicator-ar").value == indicator
        assert app.query_params["indicator"] == indicator
    assert not app.info  # no word of an unknown figure


def test_a_link_to_a_restatement_opens_the_figure_it_restates() -> None:
    app = _open(lang="en", figure=RESTATEMENT)
    assert app.sidebar.radio(key="view-en").value == "regularisation"
    assert app.query_params["figure"] == "taux-approbation-plus-de-83"
    assert any("83% des demandes de régularisation approuvées" in element.value
               for element in app.markdown)


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_an_unknown_figure_is_said_in_the_page_language_over_the_overview(
        language: str) -> None:
    app = _open(lang=language, figure="no-such-figure")
    assert not app.exception
    assert [element.value for element in app.info] == [ui("figure_unknown", language)]
    assert app.sidebar.radio(key=f"view-{language}").value == "overview"
    assert _address(app) == {"lang": language, "view": "overview"}
    assert ui("figure_unknown", "fr").startswith("Aucun chiffre de ces données")


def test_an_unknown_figure_in_a_theme_keeps_the_theme() -> None:
    app = _open(lang="fr", view="voluntary_return", figure="no-such-figure")
    assert app.sidebar.radio(key="view-fr").value == "voluntary_return"
    assert [element.value for element in app.info] == [ui("figure_unknown", "fr")]
    assert app.query_params["figure"] != "no-such-figure"  # the view's first figure


def test_a_figure_and_the_filters_stay_in_the_view_they_belong_to() -> None:
    app = _open(lang="fr", figure=APPROVED)
    app.sidebar.radio(key="view-fr").set_value("explorer").run()
    assert _address(app) == {"lang": "fr", "view": "explorer"}
    app.multiselect(key="filter-type-fr").select("press").run()
    assert _address(app) == {"lang": "fr", "view": "explorer", "type": "press"}
    app.sidebar.radio(key="view-fr").set_value("overview").run()
    assert _address(app) == {"lang": "fr", "view": "overview"}
    app.sidebar.radio(key="view-fr").set_value("timeline").run()
    assert _address(app) == {"lang": "fr", "view": "timeline"}  # no leftover figure
    app.sidebar.radio(key="view-fr").set_value("draft").run()
    assert _address(app) == {"lang": "fr", "view": "draft"}


def test_an_indicator_from_another_theme_does_not_leak_into_a_theme() -> None:
    app = _open(lang="en", view="regularisation", indicator="voluntary_return_countries",
                figure=COUNTRIES)
    shown = app.selectbox(key="cite-regularisation-indicator-en").value
    assert shown != "voluntary_return_countries"
    assert (app.query_params["indicator"], app.query_params["figure"]) != (
        "voluntary_return_countries", COUNTRIES)
    assert app.query_params["indicator"] == shown


def test_back_and_forward_bring_back_the_view_and_the_figure() -> None:
    app = _open(lang="en", view="regularisation")
    assert "figure" not in _address(app)  # the picker waits behind its switch
    app.toggle(key="details-regularisation").set_value(True).run()
    first = _address(app)
    app.selectbox(key="cite-regularisation-indicator-en").set_value(
        "regularisation_applications_approved").run()
    picker = app.selectbox(key="cite-regularisation-en-regularisation_applications_approved")
    picker.set_value(APPROVED).run()
    picked = _address(app)
    assert picked["figure"] == APPROVED
    app.sidebar.radio(key="view-en").set_value("voluntary_return").run()
    assert app.sidebar.radio(key="view-en").value == "voluntary_return"
    _back_to(app, picked)
    assert app.sidebar.radio(key="view-en").value == "regularisation"
    assert app.selectbox(key="cite-regularisation-indicator-en").value == (
        "regularisation_applications_approved")
    assert app.selectbox(
        key="cite-regularisation-en-regularisation_applications_approved").value == APPROVED
    assert _address(app) == picked  # followed, not rewritten
    _back_to(app, first)
    assert app.selectbox(key="cite-regularisation-indicator-en").value == (
        first["indicator"])
    assert _address(app) == first
    _back_to(app, picked)  # Forward
    assert app.query_params["figure"] == APPROVED


def test_back_brings_back_the_explorers_filters_and_the_language() -> None:
    app = _open(lang="fr", view="explorer", theme="regularisation")
    before = _address(app)
    app.multiselect(key="filter-type-fr").select("press").run()
    app.radio(key="lang").set_value("ar").run()
    assert app.multiselect(key="filter-type-ar").value == ["press"]
    _back_to(app, before)
    assert app.radio(key="lang").value == "fr"
    assert app.title[0].value == ui("title", "fr")
    assert app.multiselect(key="filter-theme-fr").value == ["regularisation"]
    assert app.multiselect(key="filter-type-fr").value == []
    assert _address(app) == before


def test_a_run_that_follows_the_widgets_leaves_the_address_alone() -> None:
    app = _open(lang="fr", view="explorer", type=["press", "not-a-type"])
    assert _address(app) == {"lang": "fr", "view": "explorer", "type": "press"}
    app.multiselect(key="filter-theme-fr").select("regularisation").run()
    assert _address(app) == {"lang": "fr", "view": "explorer", "theme": "regularisation",
                             "type": "press"}


def _stale(app: AppTest, address: dict[str, Any]) -> None:
    """The browser's next request carries `address`: a reader's click came before the browser
    showed the address the page wrote last."""
    app.query_params.clear()
    app.query_params.update(address)


def test_a_language_chosen_quickly_wins_over_the_address_the_browser_still_showed() -> None:
    app = _open(lang="fr", view="regularisation")
    french = _address(app)
    app.radio(key="lang").set_value("ar").run()
    assert _address(app)["lang"] == "ar"
    _stale(app, french)
    app.radio(key="lang").set_value("en").run()
    assert app.radio(key="lang").value == "en"
    assert app.title[0].value == ui("title", "en")
    assert app.sidebar.radio(key="view-en").value == "regularisation"
    assert _address(app) == {"lang": "en", "view": "regularisation"}


def test_a_switch_opened_quickly_keeps_the_view_the_reader_went_to() -> None:
    app = _open(lang="fr", view="overview")
    overview = _address(app)
    app.sidebar.radio(key="view-fr").set_value("regularisation").run()
    _stale(app, overview)
    app.toggle(key="details-regularisation").set_value(True).run()
    assert app.sidebar.radio(key="view-fr").value == "regularisation"
    assert _address(app)["view"] == "regularisation"


def test_back_is_followed_beside_a_value_that_is_new_at_every_run() -> None:
    # An uploaded file is a new object at each run: it tells nothing of a reader's change.
    app = _open(lang="fr", view="regularisation")
    first = _address(app)
    app.session_state["draft-upload"] = io.BytesIO(b"schema_version: 1\n")
    app.sidebar.radio(key="view-fr").set_value("voluntary_return").run()
    app.session_state["draft-upload"] = io.BytesIO(b"schema_version: 1\n")
    _back_to(app, first)
    assert app.sidebar.radio(key="view-fr").value == "regularisation"
    assert _address(app) == first
