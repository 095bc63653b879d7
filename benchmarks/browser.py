"""Memory section: the dashboard served for real, every view opened in headless Chromium."""

from __future__ import annotations

import shutil
import tempfile
from functools import partial
from pathlib import Path

from benchmarks.common import (
    APPS,
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    TreePeak,
    load_average,
    peak_rss_mb,
    ratios,
    spread,
    streamlit_server,
    table,
)
from indicators.models import LANGUAGES
from loaders.cache import code_fingerprint, lookup
from loaders.live import LiveDataset

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
    # Charts and tables are built per language and kept, so every language holds the most;
    # a quick run opens each view once, in French.
    languages = ["fr"] if quick else list(LANGUAGES)
    datasets = {"real file": ROOT / "data" / "indicators.yaml", f"{size:,} figures": files[size]}
    repetitions = 2 if quick else 5
    with tempfile.TemporaryDirectory() as folder:
        measures = {"floor": partial(_floor)}
        for name, path in datasets.items():
            paths = [f"/?lang={language}&view={view}" for language in languages
                     for view in registry_of(path)]
            cache = str(Path(folder) / name.replace(" ", "-"))
            measures[f"{name}, first start"] = partial(_first_start, path, cache, paths)
            measures[f"{name}, restart"] = partial(_restart, path, cache, paths)
        found: dict[str, list[tuple[float, float, float]]] = {name: [] for name in measures}
        for repetition in range(repetitions):
            order = list(measures) if repetition % 2 == 0 else list(reversed(measures))
            for name in order:
                found[name].append(measures[name]())
    floor = [server for server, _, _ in found.pop("floor")]
    rows: list[list[object]] = [["minimal Streamlit + plotly page, one chart", "-",
                                 spread(floor, 0), "1", "-", "-", "-", ""]]
    for name, runs in found.items():
        server, child, tree = ([run[index] for run in runs] for index in range(3))
        first = name.endswith("first start")
        target = ("<= 4 (100k)" if first else
                  "<= 2" if name.startswith("real") else "<= 3")
        rows.append([name.rsplit(", ", 1)[0], name.rsplit(", ", 1)[1], spread(server, 0),
                     spread(ratios(server, floor)), spread(child, 0) if any(child) else "none",
                     spread(tree, 0), spread(ratios(tree, floor)), target])
    table(f"memory: peak RSS (MB) of the server after opening every view in "
          f"{', '.join(languages)}, and of the server with the children it starts (sampled "
          f"from /proc every 50 ms); n = {repetitions} each, in turn with the floor, median "
          f"(lowest-highest); ratios per repetition; load average {load_average()}",
          ["app", "start", "server peak", "ratio", "child peak", "server + children", "ratio",
           "target"], rows)


def _floor() -> tuple[float, float, float]:
    server, tree = _open_all(APPS / "minimal_plotly.py", {}, ["/"], ".js-plotly-plot")
    return server, 0.0, tree.tree_peak_mb


def _first_start(path: Path, cache: str, paths: list[str]) -> tuple[float, float, float]:
    """A server with an empty cache: it validates the file in a child, then serves."""
    shutil.rmtree(cache, ignore_errors=True)
    return _served(path, cache, paths)


def _restart(path: Path, cache: str, paths: list[str]) -> tuple[float, float, float]:
    _warm_cache(path, cache)
    return _served(path, cache, paths)


def _served(path: Path, cache: str, paths: list[str]) -> tuple[float, float, float]:
    server, tree = _open_all(ROOT / "app.py", {"INDICATORS_DATA": str(path),
                                               "INDICATORS_CACHE_DIR": cache}, paths)
    child = tree.largest_child()
    return server, child[1] if child else 0.0, tree.tree_peak_mb
