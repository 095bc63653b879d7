"""Page section: a theme view's first chart and the overview, each against pages of its shape.

Floors, each measured in the same loop as the view it is compared with (fresh browser
context per load, order reversed every other repetition):
- the overview's cards against a Streamlit page that writes a title (apps/hello.py);
- a theme view's first chart against a Streamlit page holding that same chart, read from
  the same JSON the view sends (apps/same_chart.py), and against a static HTML page that
  draws it with plotly.js alone (no Streamlit), served gzipped from loopback;
- on a 4G profile (Chromium's network emulation, FOUR_G), the view through nginx with the
  deploy/ configuration (gzip) against the same static page; the bytes each load took on
  the wire (the sum of Chromium's encoded lengths: compressed as sent).
"""

from __future__ import annotations

import gzip
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from benchmarks.common import (
    APPS,
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    alternating,
    free_port,
    load_average,
    ratios,
    spread,
    streamlit_server,
    table,
)

METRIC = '[data-testid="stMetricValue"]'
CHART = '[data-testid="stPlotlyChart"] .main-svg'
THEME = "regularisation"
# A phone on a fair 4G connection: 9 Mbit/s down, 1.5 Mbit/s up, 60 ms of latency, as
# Chromium's DevTools network emulation takes it (bytes per second, milliseconds).
FOUR_G = {"offline": False, "latency": 60, "downloadThroughput": 9e6 / 8,
          "uploadThroughput": 1.5e6 / 8}
STATIC_PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Régularisation</title><script src="plotly.min.js"></script></head><body>
<h1>Régularisation</h1><div id="chart"></div><script>
fetch("chart.json").then(r => r.json()).then(f => Plotly.newPlot("chart", f.data, f.layout));
</script></body></html>"""


def first_chart(path: Path, folder: str) -> tuple[str, str]:
    """The theme view's first chart as the view sends it (the same figure, credit and all),
    and the theme's first indicator, whose link opens the view's table, sources and picker."""
    import plotly.io

    from indicators.charts import theme_charts
    from indicators.citations import cited_figures
    from indicators.release import cite_dataset
    from loaders.live import LiveDataset

    snapshot = LiveDataset(path, folder).current()
    assert snapshot.validated is not None, snapshot.error
    dataset = snapshot.validated.dataset
    codes = [indicator.id for indicator in dataset.indicators if indicator.theme == THEME]
    drawn = theme_charts(cited_figures(dataset, codes), "fr", dataset.dimensions,
                         credit=cite_dataset(snapshot.release))
    return str(plotly.io.to_json(drawn.charts[0].figure, validate=False)), codes[0]


class _Gzipped(SimpleHTTPRequestHandler):
    """Files of one folder, each sent gzipped (level 5, as nginx in deploy/) when asked."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        zipped = "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = gzip.compress(body, compresslevel=5)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: Any) -> None:
        pass


@contextmanager
def static_page(chart_json: str, folder: Path) -> Iterator[str]:
    """The chart drawn by plotly.js on a plain page, served from loopback; yields its URL."""
    import plotly

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(STATIC_PAGE, encoding="utf-8")
    (folder / "chart.json").write_text(chart_json, encoding="utf-8")
    script = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    (folder / "plotly.min.js").write_bytes(script.read_bytes())
    server = ThreadingHTTPServer(("127.0.0.1", free_port()),
                                 partial(_Gzipped, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    finally:
        server.shutdown()
        server.server_close()


class Load:
    """One measured navigation: its time to `selector`, and the bytes it took."""

    def __init__(self, browser: Any, url: str, selector: str,
                 network: dict[str, Any] | None = None) -> None:
        self.browser, self.url, self.selector, self.network = browser, url, selector, network
        self.bytes: list[int] = []

    def __call__(self) -> float:
        context = self.browser.new_context()
        page = context.new_page()
        received = [0]
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.on("Network.loadingFinished",
                   lambda event: received.__setitem__(0, received[0] + event["encodedDataLength"]))
        if self.network:
            session.send("Network.emulateNetworkConditions", self.network)
        start = time.perf_counter()
        page.goto(self.url, wait_until="commit", timeout=300_000)  # then: the figure
        page.locator(self.selector).first.wait_for(timeout=300_000)
        elapsed = time.perf_counter() - start
        self.bytes.append(received[0])
        context.close()
        return elapsed


def _measured(measures: list[Callable[[], float]], repetitions: int) -> list[list[float]]:
    # The first repetition warms the servers' caches and the browser: dropped.
    return [times[1:] for times in alternating(measures, repetitions + 1)]


def page(files: dict[int, Path], quick: bool) -> None:
    from playwright.sync_api import sync_playwright

    repetitions = 5 if quick else 9
    datasets = {"real file": ROOT / "data" / "indicators.yaml"}
    datasets |= {f"{size:,} figures": path for size, path in files.items()
                 if size >= 10_000 and (not quick or size <= 10_000)}
    rows: list[list[object]] = []
    wire: list[list[object]] = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright, \
            streamlit_server(APPS / "hello.py") as (hello, _):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path in datasets.items():
            cache = Path(folder) / name.replace(" ", "-")
            chart, indicator = first_chart(path, str(cache))
            (cache / "chart.json").write_text(chart, encoding="utf-8")
            env = {"INDICATORS_DATA": str(path), "INDICATORS_CACHE_DIR": str(cache)}
            with streamlit_server(ROOT / "app.py", env) as (url, _), \
                    streamlit_server(APPS / "same_chart.py",
                                     {"BENCH_CHART": str(cache / "chart.json")}) as (same, _), \
                    static_page(chart, cache / "static") as static:
                rows += _loopback(browser, name, url, same, static, hello, repetitions,
                                  indicator)
                wire.append(_four_g(browser, name, path, cache, static, repetitions))
        browser.close()
    table(f"page: navigation until the first figure is painted, headless Chromium, loopback, "
          f"n = {repetitions} per cell, median (lowest-highest) s; ratio: per-pair ratios; "
          f"load average {load_average()}",
          ["data", "page, waits for", "ours", "floor", "floor s", "ratio", "target"], rows)
    table(f"page on a 4G profile (Chromium network emulation: 9 Mbit/s down, 1.5 up, 60 ms): "
          f"the theme view through nginx (deploy/nginx.conf, gzip) and the static page, "
          f"n = {repetitions}, median (lowest-highest)",
          ["data", "view s", "static page s", "ratio", "view MB on the wire",
           "static MB on the wire", "target MB"], wire)


def _loopback(browser: Any, name: str, url: str, same: str, static: str, hello: str,
              repetitions: int, indicator: str) -> list[list[object]]:
    # The view as it opens, and as a link to one of its indicators opens it: the table,
    # sources and figure picker drawn after the charts (what the switch keeps back).
    theme, opened, same_chart, static_chart = _measured(
        [Load(browser, f"{url}/?lang=fr&view={THEME}", CHART),
         Load(browser, f"{url}/?lang=fr&view={THEME}&indicator={indicator}", CHART),
         Load(browser, same, CHART), Load(browser, static, ".main-svg")], repetitions)
    overview, hello_page = _measured(
        [Load(browser, f"{url}/?lang=fr&view=overview", METRIC), Load(browser, hello, "h1")],
        repetitions)
    what = f"{THEME}: first chart"
    return [
        [name, what, spread(theme), "Streamlit page, same chart", spread(same_chart),
         spread(ratios(theme, same_chart)), "<= 1.2"],
        [name, what, spread(theme), "static page, same chart", spread(static_chart),
         spread(ratios(theme, static_chart)), "<= 2"],
        [name, f"{what}, table, sources and picker open", spread(opened),
         "Streamlit page, same chart", spread(same_chart), spread(ratios(opened, same_chart)),
         "(what the switch saves)"],
        [name, "overview: first card", spread(overview), "hello page", spread(hello_page),
         spread(ratios(overview, hello_page)), "<= 1.2"]]


def _four_g(browser: Any, name: str, path: Path, cache: Path, static: str,
            repetitions: int) -> list[object]:
    from benchmarks.proxy import free_ports
    from deploy.replicas import serving

    run = cache / "nginx"
    run.mkdir()
    with serving(1, path, run, port=free_port(), first_port=free_ports(1)) as cluster:
        ours = Load(browser, f"{cluster.url}/?lang=fr&view={THEME}", CHART, FOUR_G)
        floor = Load(browser, static, ".main-svg", FOUR_G)
        view, plain = _measured([ours, floor], repetitions)
    return [name, spread(view), spread(plain), spread(ratios(view, plain)),
            spread([count / 1e6 for count in ours.bytes[1:]]),
            spread([count / 1e6 for count in floor.bytes[1:]]), "<= 3"]

