"""A language switch in a real Chromium: the document, the sidebar's side, the selected view
and the explorer's filters follow it, in every direction, and axe still finds nothing."""
# The browser tests' fixtures are imported by name, as pytest finds them: not redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import re

import pytest

from tests.conftest import DATA
from tests.test_a11y import BLOCKING, VIEWS
from tests.test_browser import PAINT_TIMEOUT_MS, browser, page, server, settled  # noqa: F401 - fixtures
from views import registry_of

pytestmark = pytest.mark.browser

NAMES = {"fr": "Français", "ar": "العربية", "en": "English"}
# Each view's name, as the sidebar lists it and its heading says it.
HEADERS = {view.id: {language: view.label(language) for language in NAMES}
           for view in registry_of(DATA).values()}
# The explorer opened from a link with two filters: their chips in each language.
FILTERED = "theme=regularisation&type=press"
CHIPS = {"fr": ["Régularisation", "presse"], "ar": ["التسوية", "صحافة"],
         "en": ["Regularisation", "press"]}
# Latin words an Arabic page may show outside names and quotes (a version's hash is no word):
# the file formats on the
# download buttons, the data file's path, and the licence's name in the footer.
ALLOWED_LATIN = {"CSV", "zip", "YAML", "data", "indicators", "yaml", "CC", "BY"}
# The interface's words: headings, labels, chips, buttons, captions, the sidebar. Names are
# isolated (U+2066/U+2068 … U+2069) wherever the page writes them; Streamlit's icons are
# ligatures ("expand_more"), not words; quotes and notes keep their own language.
INTERFACE_TEXT = """() => [...document.querySelectorAll(
    'section[data-testid="stSidebar"] [data-testid="stWidgetLabel"], '
    + 'section[data-testid="stSidebar"] [class*="st-key-view-"] label, .stMain :is(h1, h2, h3, '
    + '[data-testid="stWidgetLabel"], [data-testid="stMetricLabel"], [data-tag] span[title], '
    + 'summary, button, [data-testid="stCaptionContainer"])')]
  .filter(e => !e.closest('[class*="st-key-quote-"], [class*="st-key-note-"], '
                          + '[data-testid="stFileUploaderDropzone"]'))
  .map(e => { const c = e.cloneNode(true);
              c.querySelectorAll('[data-testid="stIconMaterial"]').forEach(i => i.remove());
              return c.textContent; })"""


def _latin_words(page) -> set[str]:  # type: ignore[no-untyped-def]
    texts = page.evaluate(INTERFACE_TEXT)
    unnamed = [re.sub("[\u2066\u2067\u2068][^\u2069]*\u2069", "", text) for text in texts]
    return {word for text in unnamed for word in re.findall(r"(?<!\w)[A-Za-zÀ-ÿ]{2,}(?!\w)", text)}


def _shown(page, view: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Everything the switch has to change, waited for and then asserted."""
    from playwright.sync_api import expect

    direction = "rtl" if language == "ar" else "ltr"
    page.wait_for_function(
        f"() => document.documentElement.lang === '{language}'"
        f" && document.documentElement.dir === '{direction}'", timeout=PAINT_TIMEOUT_MS)
    expect(page.locator(".stMain h2").first).to_have_text(HEADERS[view][language],
                                                          timeout=PAINT_TIMEOUT_MS)
    views = page.locator(f'section[data-testid="stSidebar"] .st-key-view-{language}')
    expect(views.get_by_role("radio", name=HEADERS[view][language], exact=True)).to_be_checked()
    expect(views.get_by_role("radio", checked=True)).to_have_count(1)
    expect(page.locator(".st-key-lang").get_by_role("radio", name=NAMES[language])
           ).to_be_checked()
    # In Arabic the sidebar stands on the right of the page, elsewhere on the left.
    on_right = "> main.x" if language == "ar" else "< main.x"
    page.wait_for_function(
        "() => { const side = document.querySelector('section[data-testid=\"stSidebar\"]')"
        ".getBoundingClientRect(), main = document.querySelector('.stMain')"
        f".getBoundingClientRect(); return side.x {on_right}; }}", timeout=PAINT_TIMEOUT_MS)
    if view == "explorer":
        expect(page.locator('[data-testid="stMultiSelect"] [data-tag] span[title]')
               ).to_have_text(CHIPS[language], timeout=PAINT_TIMEOUT_MS)
    assert page.evaluate("new URLSearchParams(location.search).get('view')") == view
    if language == "ar":  # once the run has ended: the last language's elements are gone
        page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')",
                               timeout=PAINT_TIMEOUT_MS)
        assert _latin_words(page) <= ALLOWED_LATIN, view


def _switch(page, view: str, language: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(".st-key-lang label").filter(has_text=NAMES[language]).click()
    _shown(page, view, language)


def _open(page, server: str, view: str, language: str) -> None:  # type: ignore[no-untyped-def]
    query = f"&{FILTERED}" if view == "explorer" else ""
    page.goto(f"{server}/?lang={language}&view={view}{query}")
    _shown(page, view, language)


@pytest.mark.parametrize("view", VIEWS)
def test_every_switch_of_language_changes_the_whole_page(page, server: str,  # type: ignore[no-untyped-def]
                                                         view: str) -> None:
    _open(page, server, view, "fr")
    for language in ("ar", "en", "fr"):
        _switch(page, view, language)


@pytest.mark.parametrize("view", ["regularisation", "explorer"])
def test_switching_back_from_arabic_changes_the_whole_page(page, server: str,  # type: ignore[no-untyped-def]
                                                           view: str) -> None:
    _open(page, server, view, "ar")
    for language in ("fr", "en", "ar", "en", "fr", "ar"):
        _switch(page, view, language)


def test_no_serious_accessibility_violation_after_a_switch(page, server: str) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    _open(page, server, "explorer", "fr")
    _switch(page, "explorer", "ar")
    settled(page)  # the run over, every element in place, as test_a11y checks a page
    violations = Axe().run(page).response["violations"]
    assert [(violation["id"], len(violation["nodes"])) for violation in violations
            if violation["impact"] in BLOCKING] == []
