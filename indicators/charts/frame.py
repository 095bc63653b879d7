"""What every chart shares: the drawn chart, its layout's frame, the figure built once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from indicators.charts.axes import separators
from indicators.charts.plan import Kind
from indicators.charts.text import _rtl, _wrapped
from indicators.text import plotly_escape


@dataclass(frozen=True, slots=True)
class Chart:
    """A drawn comparison, and the lines of text that go under it."""

    kind: Kind
    figure: go.Figure
    notes: tuple[str, ...] = ()
    name: str = ""  # names the chart's image download: kind and indicator
    alt: str = ""  # what the chart shows, in words: its text alternative for screen readers


_FONT = "Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif"


def _frame(title: str, language: str, *, height: int) -> dict[str, Any]:
    """A layout's title, size, the page's numbers and direction, and a legend that covers
    nothing; the chart adds its axes."""
    right_to_left = language == "ar"
    lines = _wrapped(plotly_escape(title))
    top = 34 + 22 * len(lines) + 30
    total = height + 22 * (len(lines) - 1)
    return {
        "title": {"text": "<br>".join(_rtl(line, language) for line in lines),
                  "x": 0.99 if right_to_left else 0.01,
                  "xanchor": "right" if right_to_left else "left", "yref": "container",
                  "y": 1, "yanchor": "top", "pad": {"t": 14}, "font": {"size": 16}},
        "height": total, "separators": separators(language),
        # Narrow sides: the axes' labels widen their side (automargin), and on a phone every
        # pixel of the 358 not taken by a margin is the plot's.
        "font": {"family": _FONT}, "margin": {"l": 16, "r": 16, "t": top, "b": 10},
        # Under the title, measured from the figure's top: on a phone the legend wraps to
        # several rows and grows down, pushing the plot, never up over the title.
        "legend": {"orientation": "h", "yref": "container", "yanchor": "top",
                   "y": 1 - (22 + 22 * len(lines)) / total,
                   "x": 1 if right_to_left else 0,
                   "xanchor": "right" if right_to_left else "left"},
        "hoverlabel": {"align": "right" if right_to_left else "left"}}


def _figure(traces: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    """The figure, built and checked by plotly once: adding traces and updating the layout
    one call at a time checked everything again on each call (a tenth of a second a chart)."""
    return go.Figure({"data": traces, "layout": layout})
