"""A real page in headless Chromium: figures painted, Arabic right to left, CSV download."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from indicators.table import figure_rows, to_csv
from loaders import load_path
from tests.conftest import FROZEN, ROOT

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAINT_TIMEOUT_MS = 60_000
# What every `expect` waits for at most: a first paint on a busy 2-core machine, not a pause.
expect.set_options(timeout=PAINT_TIMEOUT_MS)


def _require_chromium() -> None:
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
    if os.environ.get("CI"):
        pytest.fail(message)  # CI installs it: missing there is a broken pipeline
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} never became healthy")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server of the page on the frozen copy of the data, its cache and published files in
    a folder of its own (never the work tree's, nor another server's)."""
    _require_chromium()
    port = _free_port()
    folder = tmp_path_factory.mktemp("server")
    environment = {**os.environ, "INDICATORS_DATA": str(FROZEN),
                   "INDICATORS_CACHE_DIR": str(folder / "cache"),
                   "INDICATORS_STATIC_DIR": str(folder / "static")}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
         "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1300, "height": 1100}, accept_downloads=True)
    yield context.new_page()
    context.close()


_DRAWN = """() => document.fonts.status === 'loaded' && [...document.querySelectorAll(
    '[data-testid="stPlotlyChart"]')].every(chart => chart.querySelector('svg.main-svg'))"""


def settled(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the page is what a reader ends up seeing: the script's run over (Streamlit
    marks its app element), every element whose code the browser fetches on first use (cards,
    charts) in place of its skeleton, every chart drawn and every font loaded."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    page.wait_for_function(_DRAWN, timeout=PAINT_TIMEOUT_MS)


def screenshot(page, name: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The page once settled, written to SCREENSHOT_DIR (docs/screenshots for README)."""
    folder = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    settled(page)
    page.screenshot(path=str(folder / name))


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_headline_figures_are_painted(page, server: str, language: str,  # type: ignore[no-untyped-def]
                                      tmp_path: Path) -> None:
    page.goto(f"{server}/?lang={language}&view=overview")
    values = page.locator('[data-testid="stMetricValue"]')
    # Cards arrive one after another; wait for all eleven before reading them.
    expect(values).to_have_count(11)
    painted = [text.strip("\u2066\u2069") for text in values.all_inner_texts()]
    # The first campaign's final figures together, then the second campaign's, grouped the
    # page's way; a bound stays a bound.
    expected = {"fr": ["27\u202f649", "23\u202f096", "83,53\u00a0%", "28\u202f400", "40\u00a0%"],
                "en": ["27,649", "23,096", "83.53\u00a0%", "28,400", "40\u00a0%"],
                "ar": ["27.649", "23.096", "83,53\u00a0%", "28.400", "40\u00a0%"]}[language]
    assert painted[:5] == expected, painted
    assert any("> 100" in text for text in painted), painted
    # The provisional 40 % says so on its face, in the page's language.
    status = {"fr": "Provisoire", "en": "Provisional", "ar": "مؤقت"}[language]
    expect(page.get_by_text(status, exact=True).first).to_be_visible()
    screenshot(page, f"overview-{language}.png", tmp_path)


def test_arabic_page_is_right_to_left(page, server: str) -> None:  # type: ignore[no-untyped-def]
    # A link to an indicator opens the view's citations, where a French quote stands.
    page.goto(f"{server}/?lang=ar&view=regularisation"
              "&indicator=regularisation_applications_approved")
    quote = page.locator('[class*="st-key-quote-ltr"]').first
    # The style arrives as its own element of the page; expect waits until it is applied.
    expect(page.locator(".stMain")).to_have_css("direction", "rtl")
    # A French quote inside the Arabic page keeps its own direction.
    expect(quote).to_have_css("direction", "ltr")
    # The grouped number reads in order ("12 000"), not reordered by the Arabic paragraph.
    assert re.search(r"\d{1,3}[ \u00a0\u202f]\d{3}", quote.inner_text())


def test_french_page_is_left_to_right(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/?lang=fr")
    expect(page.locator('[data-testid="stMetricValue"]').first).to_be_visible()
    expect(page.locator(".stMain")).to_have_css("direction", "ltr")


def test_csv_download_yields_the_export(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/?lang=fr&view=explorer")
    button = page.get_by_role("button", name="CSV (tout)")
    expect(button).to_be_visible()
    with page.expect_download(timeout=PAINT_TIMEOUT_MS) as download:
        button.click()
    data = Path(download.value.path()).read_bytes()
    assert data == to_csv(figure_rows(load_path(FROZEN).dataset, "fr"))
    assert data.startswith(b"\xef\xbb\xbfindicator_id,")


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_regularisation_charts_are_painted(browser, server: str, language: str,  # type: ignore[no-untyped-def]
                                           tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1300, "height": 2200})
    page = context.new_page()
    try:
        page.goto(f"{server}/?lang={language}&view=regularisation")
        # A chart draws two SVG layers: wait for the second chart itself, not its first's.
        expect(page.locator(".js-plotly-plot").nth(1)).to_be_visible()
        assert page.locator(".js-plotly-plot").count() >= 2  # over time, what each source says
        screenshot(page, f"regularisation-{language}.png", tmp_path)
    finally:
        context.close()


def test_a_downloaded_chart_image_keeps_its_title_sources_and_version(  # type: ignore[no-untyped-def]
        browser, server: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1300, "height": 1400}, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(f"{server}/?lang=fr&view=regularisation")
        chart = page.locator(".js-plotly-plot").first
        expect(chart).to_be_visible()
        assert "version" in chart.inner_text()  # the credit line is part of the figure
        chart.hover()
        with page.expect_download(timeout=PAINT_TIMEOUT_MS) as download:
            page.locator('.js-plotly-plot .modebar-btn[data-title="Télécharger le graphique (PNG)"]'
                         ).first.click()
        assert download.value.suggested_filename == (
            "regularisation_applications_filed-series-fr.png")
        image = Path(download.value.path()).read_bytes()
        assert image.startswith(b"\x89PNG")
        folder = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "chart-download-fr.png").write_bytes(image)
    finally:
        context.close()


def test_phone_overview_in_arabic(browser, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{server}/?lang=ar&view=overview")
        expect(page.locator('[data-testid="stMetricValue"]').first).to_be_visible()
        sidebar = page.locator('section[data-testid="stSidebar"]')
        expect(sidebar).to_be_hidden()  # collapsed, and not a strip over the page
        screenshot(page, "overview-ar-phone.png", tmp_path)
    finally:
        context.close()
