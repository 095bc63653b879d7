"""Rerun section: widget interactions in every view of the dashboard, script run in AppTest."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, table

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
