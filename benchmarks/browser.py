"""Memory section: the dashboard served for real, every view opened in headless Chromium."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    TreePeak,
    peak_rss_mb,
    streamlit_server,
    table,
)
from indicators.models import LANGUAGES
from loaders.cache import code_fingerprint, lookup
from loaders.live import LiveDataset

APPS = Path(__file__).resolve().parent / "apps"
# Set by Streamlit's page once the script run it asked for has finished.
SCRIPT_DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _open_all(script: Path, env: dict[str, str], paths: list[str],
              selector: str = "h2") -> tuple[float, TreePeak]:
    """Serve `script`, open each path in turn; the server's peak RSS and its process tree's."""
    from playwright.sync_api import sync_playwright

    with streamlit_server(script, env) as (url, pid), TreePeak(pid) as tree, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        for path in paths:
            page.goto(f"{url}{path}")
            # The view's own header is written only once the data is loaded.
            page.locator(selector).first.wait_for(timeout=300_000)
            page.locator(SCRIPT_DONE).wait_for(timeout=300_000)
        browser.close()
        return peak_rss_mb(pid), tree


def _warm_cache(path: Path, folder: str) -> None:
    """Make sure a restart finds the data cached under the code as it is now.

    The cache key holds a fingerprint of indicators/ and loaders/: an edit saved while the
    first start was being measured (others work in this tree) would make the restart validate
    again, in a child, and measure a second first start instead.
    """
    code_fingerprint.cache_clear()
    if lookup(path.read_bytes(), folder) is None:
        LiveDataset(path, folder).current()


def memory(files: dict[int, Path], quick: bool) -> None:
    from views import registry_of  # the registry, loaded for this section only

    size = max(files)
    views = list(registry_of(files[size]))
    floor, _ = _open_all(APPS / "minimal_plotly.py", {}, ["/"], ".js-plotly-plot")
    rows = [["minimal plotly app", "-", f"{floor:.0f}", "1.00x", "-", "-", "", ""]]
    # Charts and tables are built per language and kept, so every language holds the most;
    # a quick run opens each view once, in French.
    languages = ["fr"] if quick else list(LANGUAGES)
    paths = [f"/?lang={language}&view={view}" for language in languages
             for view in views]
    with tempfile.TemporaryDirectory() as folder:
        env = {"INDICATORS_DATA": str(files[size]), "INDICATORS_CACHE_DIR": folder}
        for start in ("first start (validates)", "restart (cache)"):
            if start.startswith("restart"):
                _warm_cache(files[size], folder)
            server, tree = _open_all(ROOT / "app.py", env, paths)
            child = tree.largest_child()
            if start.startswith("restart") and child and "loaders.sandbox" in child[0]:
                start += ", missed: the code changed"
            rows.append([f"dashboard, {size:,} figures", start, f"{server:.0f}",
                         f"{server / floor:.2f}x",
                         f"{child[1]:.0f} ({child[0]})" if child else "none",
                         f"{tree.tree_peak_mb:.0f}", f"{tree.tree_peak_mb / floor:.2f}x",
                         "<= 1.50x"])
    table(f"memory: peak RSS after opening every view in {', '.join(languages)} ({len(paths)} "
          "pages), and of the children the server starts, sampled from /proc every 50 ms (MB)",
          ["app", "start", "server peak", "ratio", "largest child peak",
           "server + children", "ratio", "target"], rows)
