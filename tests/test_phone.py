"""Every chart of every view on a 390 px phone: ticks apart, nothing cut, a plot to read."""
# The browser tests' fixtures are imported by name, as pytest finds them: not redefinitions.
# ruff: noqa: F811

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from indicators.charts import theme_charts
from indicators.citations import cited_figures
from indicators.models import Dataset
from loaders import load_path
from tests.conftest import FROZEN
from tests.test_browser import (  # noqa: F401 - fixtures
    browser,
    screenshot,
    server,
    settled,
)
from views import registry_of

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
VIEWS = [view.id for view in registry_of(FROZEN).values() if view.published]
# A plot narrower than this share of its figure is a strip beside its labels: on a phone the
# row labels took 300 of 358 px and left the marks 60.
PLOT_SHARE = 0.5
# What a box may pass another or the figure's edge by, in CSS pixels: a glyph's antialiasing.
SLACK = 1
# Tick labels on one line closer than this (pixels) read as one word: "20182019".
TICK_GAP = 3

# Measured in the page, on each chart's drawn SVG: its width, its plot area's, every pair of
# tick labels whose boxes meet (or, on one line, come within TICK_GAP of each other), and
# every text whose box runs past the figure's left or right edge (where the image, and the
# screen, cut it).
MEASURE = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(chart => {
  const svg = chart.querySelector('svg.main-svg');
  const edge = svg.getBoundingClientRect();
  const box = node => node.getBoundingClientRect();
  const drawn = node => { const b = box(node); return b.width > 0 && b.height > 0; };
  const texts = selector => [...chart.querySelectorAll(selector)].filter(drawn);
  const ticks = texts('.xtick text, .ytick text');
  const overlapping = [];
  ticks.forEach((one, i) => ticks.slice(i + 1).forEach(other => {
    const a = box(one), b = box(other);
    if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > -TICK_GAP &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > SLACK)
      overlapping.push([one.textContent, other.textContent]);
  }));
  const cut = texts('svg.main-svg text').filter(node => box(node).left < edge.left - SLACK
      || box(node).right > edge.right + SLACK).map(node => node.textContent);
  const title = chart.querySelector('.gtitle');
  return {title: title ? title.textContent : 'timeline', figure: edge.width,
          plot: box(chart.querySelector('.bglayer .bg, .nsewdrag')).width,
          overlapping, cut};
})""".replace("TICK_GAP", str(TICK_GAP)).replace("SLACK", str(SLACK))


def expected_charts(dataset: Dataset, view: str) -> int:
    """How many charts a view draws once its other comparisons are shown: a theme's, and
    the timeline's own with those of the themes that have no page."""
    def drawn(theme: str) -> int:
        codes = [indicator.id for indicator in dataset.indicators if indicator.theme == theme]
        return len(theme_charts(cited_figures(dataset, codes), "fr", dataset.dimensions).charts)

    themes = {theme.id: theme for theme in dataset.themes}
    if view == "timeline":
        return 1 + sum(drawn(theme) for theme, record in themes.items() if not record.page)
    return drawn(view) if view in themes else 0


def open_every_chart(page, server: str, view: str, language: str,  # type: ignore[no-untyped-def]
                     count: int) -> None:
    """The view with every comparison drawn (those behind a switch too), fonts loaded."""
    page.goto(f"{server}/?view={view}&lang={language}")
    expect(page.locator("h2").first).to_be_visible()
    settled(page)
    switches = page.locator('[class*="st-key-chart-"][class*="-rest"] label')
    for index in range(switches.count()):
        switches.nth(index).click()
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(count)
    settled(page)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_path(FROZEN).dataset


@pytest.fixture
def phone(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("view", VIEWS)
def test_every_chart_reads_on_a_phone(phone, server: str, dataset: Dataset,  # type: ignore[no-untyped-def]
                                      view: str, language: str) -> None:
    count = expected_charts(dataset, view)
    open_every_chart(phone, server, view, language, count)
    charts: list[dict[str, Any]] = phone.evaluate(MEASURE)
    assert len(charts) == count
    problems = [(chart["title"], chart["overlapping"], chart["cut"],
                 round(chart["plot"] / chart["figure"], 2)) for chart in charts
                if chart["overlapping"] or chart["cut"]
                or chart["plot"] < PLOT_SHARE * chart["figure"]]
    assert problems == []


# The phone screenshots README shows: the first three screens of a theme's view, its first
# chart whole under the conflicts note.
SCREENS = 3


# Each theme table against the frame around it (its scrolling box): wider, its first column
# (the last in Arabic) stands outside the screen.
TABLE_WIDTHS = """() => [...document.querySelectorAll('[data-testid="stTable"] table')].map(
  table => [table.getBoundingClientRect().width, table.parentElement.clientWidth])"""


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_theme_table_fits_a_phone(phone, server: str, language: str) -> None:  # type: ignore[no-untyped-def]
    phone.goto(f"{server}/?view=regularisation&lang={language}"
               "&indicator=regularisation_applications_filed")
    expect(phone.locator('[data-testid="stTable"] table')).to_have_count(1)
    settled(phone)
    widths = phone.evaluate(TABLE_WIDTHS)
    assert widths and all(table <= frame + SLACK for table, frame in widths), widths


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_phone_screenshot_of_the_regularisation_view(browser, server: str,  # type: ignore[no-untyped-def]
                                                       language: str, tmp_path: Path) -> None:
    """The view as a phone shows it, written to SCREENSHOT_DIR (docs/screenshots for README)
    once its charts are drawn and its fonts loaded."""
    context = browser.new_context(viewport={**PHONE, "height": PHONE["height"] * SCREENS})
    page = context.new_page()
    try:
        page.goto(f"{server}/?view=regularisation&lang={language}")
        expect(page.locator('[data-testid="stPlotlyChart"]').first).to_be_visible()
        screenshot(page, f"regularisation-{language}-phone.png", tmp_path)
    finally:
        context.close()
