"""Accessibility in a real Chromium: axe-core finds no serious violation; direction and labels."""
# The browser tests' fixtures are imported by name, as pytest finds them: not redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.test_browser import (  # noqa: F401 - fixtures
    browser,
    page,
    server,
    settled,
)

pytestmark = pytest.mark.browser

VIEWS = ("overview", "regularisation", "timeline", "explorer", "draft")
# What a reader cannot get past: WCAG failures axe ranks serious or critical.
BLOCKING = ("serious", "critical")


def _open(page, server: str, view: str, language: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/?view={view}&lang={language}")
    expect(page.locator("h2").first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", language)  # set by the page's script
    settled(page)


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("view", VIEWS)
def test_no_serious_accessibility_violation(page, server: str, view: str,  # type: ignore[no-untyped-def]
                                            language: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    _open(page, server, view, language)
    violations = Axe().run(page).response["violations"]
    blocking = [(violation["id"], len(violation["nodes"])) for violation in violations
                if violation["impact"] in BLOCKING]
    assert blocking == []


@pytest.mark.parametrize(("language", "direction"), [("fr", "ltr"), ("ar", "rtl"),
                                                      ("en", "ltr")])
def test_the_document_speaks_the_page_language(page, server: str, language: str,  # type: ignore[no-untyped-def]
                                               direction: str) -> None:
    _open(page, server, "overview", language)
    assert page.evaluate("document.documentElement.lang") == language
    assert page.evaluate("document.documentElement.dir") == direction
    titles = {"fr": "Indicateurs de la migration au Maroc", "ar": "مؤشرات الهجرة في المغرب",
              "en": "Morocco migration indicators"}
    assert page.title() == titles[language]
    sidebar = page.locator('section[data-testid="stSidebar"]').bounding_box()
    main = page.locator(".stMain").bounding_box()
    assert sidebar and main
    assert (sidebar["x"] > main["x"]) == (language == "ar")  # on the right in Arabic


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_no_card_label_is_cut(page, server: str, language: str) -> None:  # type: ignore[no-untyped-def]
    _open(page, server, "overview", language)
    cut = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMetricLabel"]')]
        .filter(label => label.scrollWidth > label.clientWidth + 1)
        .map(label => label.innerText)""")
    assert cut == []


def test_on_a_phone_cards_read_in_order(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    try:
        _open(phone, server, "overview", "ar")
        tops = phone.evaluate("""() => [...document.querySelectorAll(
            '[data-testid="stMetricValue"]')].map(value => value.getBoundingClientRect().top)""")
        assert len(tops) == 11  # two campaign rows (3 + 2 cards), then six key figures
        assert tops == sorted(tops)  # document order is the order a reader sees, top to bottom
    finally:
        context.close()


ALT_STARTS = {"fr": ("Graphique\u202f: ", "Frise chronologique de "),
              "ar": ("رسم بياني: ", "خط زمني من "),
              "en": ("Chart: ", "Timeline of ")}


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
@pytest.mark.parametrize("view", ["regularisation", "timeline"])
def test_every_chart_has_a_text_alternative(page, server: str, view: str,  # type: ignore[no-untyped-def]
                                            language: str) -> None:
    _open(page, server, view, language)
    expect(page.locator('[data-testid="stPlotlyChart"] svg.main-svg').first).to_be_visible()
    if view != "timeline":  # the theme's other comparisons, drawn on request
        page.locator(f".st-key-chart-{view}-rest label").click()
        expect(page.locator('[data-testid="stPlotlyChart"]').nth(4)).to_be_visible()
    charts = page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stPlotlyChart"]')].map(chart => [chart.getAttribute('role'),
                                                        chart.getAttribute('aria-label')])""")
    assert charts
    start = ALT_STARTS[language][1 if view == "timeline" else 0]
    for role, label in charts:
        assert role == "figure"
        assert label.startswith(start) and len(label) > len(start) + 20, label


TOOLBAR = {"fr": "Télécharger le graphique (PNG)", "ar": "تنزيل الرسم البياني (PNG)",
           "en": "Download the chart (PNG)"}
FULLSCREEN = {"fr": "Plein écran", "ar": "ملء الشاشة"}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_chart_toolbar_speaks_the_page_language(page, server: str,  # type: ignore[no-untyped-def]
                                                    language: str) -> None:
    _open(page, server, "regularisation", language)
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    expect(chart).to_be_visible()
    chart.hover()
    # Streamlit adds its own "Fullscreen" button, in English: the page's script renames it.
    expect(chart.locator(".modebar-btn").last).to_have_attribute("aria-label",
                                                                 FULLSCREEN[language])
    buttons = chart.evaluate("""chart => [...chart.querySelectorAll('.modebar-btn')]
        .map(button => button.getAttribute('aria-label'))""")
    # Zoom and pan tools are not tab stops.
    assert buttons == [TOOLBAR[language], FULLSCREEN[language]]


@pytest.mark.parametrize(("language", "button"), [("fr", "Choisir un fichier"),
                                                  ("ar", "اختيار ملف")])
def test_the_uploader_shows_the_page_language(page, server: str, language: str,  # type: ignore[no-untyped-def]
                                              button: str) -> None:
    _open(page, server, "draft", language)
    zone = page.locator('[data-testid="stFileUploaderDropzone"]')
    expect(zone).to_be_visible()
    drawn = zone.evaluate("""zone => {
        const words = zone.querySelector('button [data-testid="stMarkdownContainer"] p');
        return [getComputedStyle(words, '::after').content, getComputedStyle(words).fontSize];
    }""")
    assert drawn == [f'"{button}"', "0px"]  # Streamlit's "Upload" is not drawn


SWITCH = {"fr": "Afficher le tableau", "ar": "عرض جدول الأرقام"}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_theme_table_is_one_key_press_away_and_read_as_a_table(  # type: ignore[no-untyped-def]
        page, server: str, language: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    _open(page, server, "regularisation", language)
    expect(page.get_by_role("table")).to_have_count(0)  # the charts come first
    # The switch is reached and turned on from the keyboard, by its name.
    switch = page.get_by_role("switch", name=SWITCH[language])
    switch.focus()
    page.keyboard.press("Space")
    table = page.get_by_role("table")
    expect(table).to_have_count(1)
    expect(table.get_by_role("columnheader").first).to_be_visible()
    assert table.get_by_role("row").count() > 10
    settled(page)
    violations = Axe().run(page).response["violations"]
    assert [(violation["id"], len(violation["nodes"])) for violation in violations
            if violation["impact"] in BLOCKING] == []
