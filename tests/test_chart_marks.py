"""Every chart of every view compares: no axes hold a single mark, in any language."""

from __future__ import annotations

import base64
import json
from collections import Counter
from typing import Any

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import FROZEN, ROOT
from views import registry_of

# The views that draw the published data; the draft view draws only what is pasted.
VIEWS = [view.id for view in registry_of(FROZEN).values() if view.published]
SEPARATORS = {"fr": ",\u202f", "ar": ",.", "en": ".,"}


def _values(array: Any) -> list[Any]:
    """A trace's coordinates, whether plotly wrote them as a list or as typed bytes."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array or [])


def _present(value: Any) -> bool:
    return value is not None and value == value  # NaN is a gap, like None


def marks_per_axes(spec: dict[str, Any]) -> Counter[tuple[str, str]]:
    """How many figures each pair of axes draws, over all its traces.

    Traces without a hover (a period's span, a bound's tail, the line joining running
    counts) decorate marks drawn by other traces and are not counted.
    """
    marks: Counter[tuple[str, str]] = Counter()
    for trace in spec["data"]:
        if trace.get("hoverinfo") == "skip":
            continue
        axes = (trace.get("xaxis", "x"), trace.get("yaxis", "y"))
        points = zip(_values(trace.get("x")), _values(trace.get("y")), strict=False)
        marks[axes] += sum(_present(x) and _present(y) for x, y in points)
    return marks


def test_a_single_bar_on_its_own_axes_is_counted_as_one() -> None:
    spec = {"data": [{"type": "bar", "x": [2], "y": ["a"]},
                     {"type": "scatter", "x": [1, 2, None], "y": [3, 3, None],
                      "hoverinfo": "skip"},
                     {"type": "scatter", "x": [1, None], "y": [1, None], "xaxis": "x2",
                      "yaxis": "y2"},
                     {"type": "scatter", "x": {"dtype": "f8", "bdata": base64.b64encode(
                         np.array([1.0, 2.0]).tobytes()).decode()}, "y": [1, 2],
                      "xaxis": "x3", "yaxis": "y3"}]}
    assert marks_per_axes(spec) == {("x", "y"): 1, ("x2", "y2"): 1, ("x3", "y3"): 2}


@pytest.mark.apptest
@pytest.mark.parametrize("language", ["fr", "ar", "en"])
@pytest.mark.parametrize("view", VIEWS)
def test_no_chart_holds_a_single_mark(view: str, language: str) -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["view"] = view
    app.query_params["lang"] = language
    app.run()
    for switch in app.toggle:  # a theme's other comparisons, drawn on request
        switch.set_value(True)
    app.run()
    assert not app.exception
    assert not app.error, [error.value for error in app.error]
    for chart in app.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        layout = spec["layout"]
        title = layout.get("title", {}).get("text", "the timeline")
        assert not [name for name in layout if name.startswith(("xaxis2", "yaxis2"))], title
        marks = marks_per_axes(spec)
        assert marks, f"{title}: nothing drawn"
        assert all(count != 1 for count in marks.values()), f"{title}: {dict(marks)}"
        assert layout["separators"] == SEPARATORS[language], title
        # Its text alternative: Streamlit makes it the chart's accessible name.
        assert len(chart.proto.alt) > 40, title
        config = json.loads(chart.proto.config)
        assert config["locale"] == language and config["locales"][language]["dictionary"]
