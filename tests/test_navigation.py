"""The browser's Back and Forward between views and between figures, and a link to a figure
opening its view scrolled to it, in a real Chromium."""
# The browser tests' fixtures are imported by name, as pytest finds them: not redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import FROZEN
from tests.test_browser import PAINT_TIMEOUT_MS, browser, page, server, settled  # noqa: F401
from views import registry_of

pytestmark = pytest.mark.browser

LABELS = {view.id: {language: view.label(language) for language in ("fr", "ar", "en")}
          for view in registry_of(FROZEN).values()}
APPROVED = "demandes-approuvees-23096"
# The regularisation view's indicator picker: its first indicator, and another one.
FIRST_INDICATOR = "regularisation_applications_filed"
OTHER_INDICATOR_ID = "regularisation_applications_approved"
OTHER_INDICATOR = {"fr": "Demandes de régularisation approuvées",
                   "en": "Regularisation applications approved"}


def _parameter(page, name: str) -> str | None:  # type: ignore[no-untyped-def]
    return page.evaluate(f"new URLSearchParams(location.search).get('{name}')")


def _ran(page) -> None:  # type: ignore[no-untyped-def]
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state",
                                                           "notRunning")


def _view_shown(page, view: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """The view's radio is the one selected, its heading is shown, and once the run is over
    the address names it (a run that ignored the address would have rewritten it)."""
    views = page.locator(f'section[data-testid="stSidebar"] .st-key-view-{language}')
    expect(views.get_by_role("radio", name=LABELS[view][language], exact=True)).to_be_checked()
    expect(page.locator(".stMain h2").first).to_have_text(LABELS[view][language])
    _ran(page)
    assert _parameter(page, "view") == view


def _click_view(page, view: str, language: str) -> None:  # type: ignore[no-untyped-def]
    views = page.locator(f'section[data-testid="stSidebar"] .st-key-view-{language}')
    views.locator("label").filter(has_text=LABELS[view][language]).click()
    expect(page).to_have_url(re.compile(f"view={view}(&|$)"))
    _view_shown(page, view, language)


def test_back_and_forward_move_between_views(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/?lang=fr&view=overview")
    _view_shown(page, "overview", "fr")
    _click_view(page, "regularisation", "fr")
    _click_view(page, "explorer", "fr")
    page.go_back()
    _view_shown(page, "regularisation", "fr")
    page.go_back()
    _view_shown(page, "overview", "fr")
    page.go_forward()
    _view_shown(page, "regularisation", "fr")
    page.go_forward()
    _view_shown(page, "explorer", "fr")
    assert _parameter(page, "figure") is None  # the theme's figure stayed with the theme


@pytest.mark.parametrize("language", ["fr", "en"])
def test_back_and_forward_move_between_figures(page, server: str,  # type: ignore[no-untyped-def]
                                               language: str) -> None:
    # A link to an indicator opens the theme's details, where the figure pickers are.
    page.goto(f"{server}/?lang={language}&view=regularisation&indicator={FIRST_INDICATOR}")
    _view_shown(page, "regularisation", language)
    first = _parameter(page, "figure")
    assert _parameter(page, "indicator") == FIRST_INDICATOR and first
    # The figure picker is keyed by the indicator whose figures it lists; the last run's,
    # marked stale, may stand a moment beside it.
    figures = page.locator(f"[class*='st-key-cite-regularisation-{language}-']"
                           ":not([data-stale='true'])")
    expect(figures).to_have_class(re.compile(f"st-key-cite-regularisation-{language}-"
                                             f"{FIRST_INDICATOR}( |$)"))
    # The picker opened from the keyboard once it stands still in the window: a scroll
    # closes an open list.
    picker = page.locator(f".st-key-cite-regularisation-indicator-{language} input")
    picker.scroll_into_view_if_needed()
    expect(picker).to_be_in_viewport()
    picker.focus()
    page.keyboard.press("ArrowDown")
    option = page.get_by_role("option", name=OTHER_INDICATOR[language], exact=True)
    expect(option).to_be_visible()
    option.click()
    expect(page).to_have_url(re.compile("indicator=regularisation_applications_approved"))
    expect(figures).to_have_class(re.compile(f"-{OTHER_INDICATOR_ID}( |$)"))
    _ran(page)
    other = _parameter(page, "figure")
    page.go_back()
    expect(figures).to_have_class(re.compile(f"-{FIRST_INDICATOR}( |$)"))
    _ran(page)
    assert (_parameter(page, "indicator"), _parameter(page, "figure")) == (FIRST_INDICATOR,
                                                                           first)
    page.go_forward()
    expect(figures).to_have_class(re.compile(f"-{OTHER_INDICATOR_ID}( |$)"))
    _ran(page)
    assert _parameter(page, "figure") == other != first
    _view_shown(page, "regularisation", language)


@pytest.mark.parametrize(("language", "width", "height"),
                         [("fr", 1300, 1100), ("ar", 1300, 1100), ("ar", 390, 844)])
def test_a_link_to_a_figure_opens_its_view_scrolled_to_it(  # type: ignore[no-untyped-def]
        browser, server: str, language: str, width: int, height: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(f"{server}/?lang={language}&figure={APPROVED}")
        expect(page.locator(".stMain h2").first).to_have_text(
            LABELS["regularisation"][language])
        settled(page)  # every chart above the figure drawn: nothing moves it any more
        assert _parameter(page, "view") == "regularisation"
        assert _parameter(page, "figure") == APPROVED
        # The figure's citation, with its quote, in the window.
        page.wait_for_function(
            f"""() => {{ const box = document.querySelector('.st-key-figure-{APPROVED}')
                  .getBoundingClientRect();
                  return box.top >= 0 && box.top < window.innerHeight; }}""",
            timeout=PAINT_TIMEOUT_MS)
        expect(page.locator(f".st-key-figure-{APPROVED}")).to_contain_text("23 096")
        if width > 600:  # on a phone the sidebar is folded away
            views = page.locator(f'section[data-testid="stSidebar"] .st-key-view-{language}')
            expect(views.get_by_role("radio", name=LABELS["regularisation"][language],
                                     exact=True)).to_be_checked()
    finally:
        context.close()
