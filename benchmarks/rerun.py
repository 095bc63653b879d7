"""Rerun section: widget interactions in every view, in AppTest, and reruns over a websocket."""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import (
    APPS,
    ROOT,
    alternating,
    load_average,
    ratios,
    spread,
    streamlit_server,
    table,
)

# Runs that build each state's cached charts and tables once per server, data version and
# language (both states of a toggle): paid by the first session, not by the ones after it.
WARM_UP = 2

Interaction = Callable[[Any], Any]


def data_views() -> list[str]:
    """The views of the registry that show data, in the sidebar's order (the draft view
    checks a paste, measured elsewhere). Imported when asked: the harness's other sections
    run without Streamlit loaded."""
    from views import registry_of

    return [view.id for view in registry_of(_data_file()).values() if view.published]


def _data_file() -> Path:
    """The file the app reads: the benchmark's own when it sets INDICATORS_DATA."""
    return Path(os.environ.get("INDICATORS_DATA", ROOT / "data" / "indicators.yaml"))


def _theme_views() -> list[str]:
    """The views named after a theme, which draw its comparisons and figure picker."""
    from loaders import load_path

    themes = {theme.id for theme in load_path(_data_file()).dataset.themes}
    return [view for view in data_views() if view in themes]


def _toggle(widget: Callable[[Any], Any], first: object, second: object) -> Interaction:
    """An interaction that flips a widget between two values, so every run changes it."""
    def act(app: Any) -> Any:
        control = widget(app)
        return control.set_value(second if control.value == first else first).run()
    return act


def _pick_another(key: str) -> Interaction:
    """Switch the figure picker between the theme's first two indicators."""
    def act(app: Any) -> Any:
        control = app.selectbox(key=key)
        return control.select_index(1 if control.index == 0 else 0).run()
    return act


def _filter_theme(app: Any) -> Any:
    control = app.multiselect(key="filter-theme-fr")  # keyed by language, as the pickers
    return control.set_value([] if control.value else control.options[:1]).run()


def interactions(view: str) -> list[tuple[str, Interaction]]:
    """What a reader does in the view: switch language, and the view's own widget."""
    found = [("language fr <-> en", _toggle(lambda app: app.sidebar.radio(key="lang"),
                                             "fr", "en"))]
    # The timeline ends with the policy figures and their pickers, keyed by the page's
    # language (French, as the measured session opens).
    themes = _theme_views()
    picker = {**{view: f"cite-{view}-indicator-fr" for view in themes},
              "timeline": "cite-policy-indicator-fr"}
    if view in picker:
        found.append(("pick another indicator", _pick_another(picker[view])))
    if view in themes:  # the theme's comparisons past the first ones
        found.append(("other comparisons on / off",
                      _toggle(lambda app: app.toggle(key=f"chart-{view}-rest"), False, True)))
    if view == "explorer":
        found.append(("filter a theme on / off", _filter_theme))
    return found


def _measure(view: str, action: Interaction, runs: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    app.query_params["view"] = view
    app.run()
    for switch in app.toggle:  # a theme's table, sources and picker: what a reader opens
        if switch.key and switch.key.startswith("details-"):
            switch.set_value(True)
    app.run()
    times = []
    for _ in range(WARM_UP + runs):
        start = time.perf_counter()
        action(app)
        times.append(time.perf_counter() - start)
        assert not app.exception, app.exception
    return times


def rerun(files: dict[int, Path], quick: bool) -> None:
    size = 10_000 if 10_000 in files else max(files)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        os.environ["INDICATORS_DATA"] = str(files[size])
        os.environ["INDICATORS_CACHE_DIR"] = folder
        try:
            for view in data_views():
                for name, action in interactions(view):
                    times = _measure(view, action, 10 if quick else 20)
                    first, steady = max(times[:WARM_UP]), times[WARM_UP:]
                    rows.append([view, name, f"{first * 1000:.0f}",
                                 f"{statistics.median(steady) * 1000:.0f}",
                                 f"{max(steady) * 1000:.0f}", "<= 100"])
        finally:
            del os.environ["INDICATORS_DATA"], os.environ["INDICATORS_CACHE_DIR"]
    table(f"rerun: one widget interaction in every view at {size:,} figures, script run in "
          f"AppTest, steady state after {WARM_UP} warm-up runs (ms)",
          ["view", "interaction", "first builds", "median", "worst", "target"], rows)
    over_websocket(files[size], size, 5 if quick else 10)


def over_websocket(path: Path, size: int, repetitions: int) -> None:
    """The reruns of one reader switching language and view, over Streamlit's websocket as a
    browser sends them, against a page with the same two radios and no data."""
    from benchmarks.loadtest import VIEWS, _crowd

    def session(url: str) -> Callable[[], float]:
        def measure() -> float:
            reader = asyncio.run(_crowd(url, 1))[0]
            assert not reader.errors, reader.errors
            durations.setdefault(url, []).extend(reader.reruns[1:])  # after the page's first
            return statistics.median(reader.reruns[1:])
        return measure

    durations: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder, streamlit_server(
            ROOT / "app.py", {"INDICATORS_DATA": str(path), "INDICATORS_CACHE_DIR": folder}
            ) as (ours, _), streamlit_server(APPS / "radios.py",
                                             {"BENCH_VIEWS": ",".join(VIEWS)}) as (floor, _):
        asyncio.run(_crowd(ours, 1))  # every view built once, as a server that has served
        app, radios = alternating([session(ours), session(floor)], repetitions)
    table(f"rerun over a websocket at {size:,} figures: one reader's switches of language and "
          f"view, median per session (s), n = {repetitions} sessions, ours and the floor in "
          f"turn; load average {load_average()}",
          ["app", "median rerun", "slowest rerun", "ratio"],
          [["dashboard", spread(app, 3), f"{max(durations[ours]):.3f}",
            spread(ratios(app, radios))],
           ["floor: the two radios, no data", spread(radios, 3),
            f"{max(durations[floor]):.3f}", "1"]])
