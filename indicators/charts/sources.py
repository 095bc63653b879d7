"""The sources chart: what each source says about one quantity, a row each."""

from __future__ import annotations

import math
from typing import Any

from indicators import formatting
from indicators.charts.axes import _reach, _value_axis, fit
from indicators.charts.frame import Chart, _figure, _frame
from indicators.charts.marks import (
    BOUND_COLOUR,
    LOWER_BOUNDS,
    UPPER_BOUNDS,
    _by_qualifier,
    _line,
    _points,
)
from indicators.charts.plan import MAX_ROWS, Kind, Plan
from indicators.charts.text import (
    SOURCE_WIDTH,
    Names,
    _capped,
    _context,
    _row_pitch,
    _row_text,
    _shortened,
)
from indicators.citations import Cited, short_source
from indicators.labels import ui


def sources_chart(plan: Plan, language: str, names: Names) -> Chart:
    """One row per figure (source and period), its value on the axis; bounds point their way.

    An exact value is a dot, "about" a hollow dot with the range it allows, a bound a
    triangle at the bound pointing the way of the bound, with a dashed tail to the axis edge.
    """
    items = plan.items[:MAX_ROWS]
    indicator = items[0].indicator
    right_to_left = language == "ar"
    reach = [end for item in items for end in _reach(item.figure)]
    fitted = fit(reach, indicator.unit, bars=False)
    axis = _value_axis(indicator.unit, fitted, reverse=right_to_left, language=language)
    low, high = sorted(axis["range"])
    if fitted.log:  # a log axis's range is in powers of ten
        low, high = 10 ** low, 10 ** high
    traces: list[dict[str, Any]] = []
    tails = [(item.figure.value, high if item.figure.qualifier in LOWER_BOUNDS else low, row)
             for row, item in enumerate(items)
             if item.figure.qualifier in LOWER_BOUNDS | UPPER_BOUNDS]
    if tails:
        traces.append(_line(
            [(start, end) for start, end, _ in tails], [(row, row) for _, _, row in tails],
            line={"color": BOUND_COLOUR, "width": 1.5, "dash": "dash"}, showlegend=False))
    rows = {item.figure.id: row for row, item in enumerate(items)}
    traces += [_points(same, qualifier, language, vertical=False,
                       x=[item.figure.value for item in same],
                       y=[rows[item.figure.id] for item in same],
                       right_to_left=right_to_left,
                       labelled=[_along(item.figure.value, low, high, log=fitted.log)
                                 for item in same])
               for qualifier, same in _by_qualifier(items)]
    labels = [_row_label(item, language) for item in items]
    layout = _frame(ui("chart_sources", language).format(
        indicator=indicator.label[language], context=_context(plan.items, language, names)),
        language, height=150 + _row_pitch(labels, 34) * len(items))
    layout.update(
        xaxis=axis,
        yaxis={"tickmode": "array", "tickvals": list(range(len(items))),
               "ticktext": labels,
               "range": [len(items) - 0.4, -0.6], "side": "right" if right_to_left else "left",
               "automargin": True, "showgrid": False, "zeroline": False},
        # A thin rule between periods: the rows above and below it speak of different times.
        shapes=[{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": start - 0.5,
                 "y1": start - 0.5, "line": {"color": "#999", "width": 1}}
                for start in plan.breaks if start < len(items)])
    return Chart(Kind.sources, _figure(traces, layout),
                 _capped(len(items), len(plan.items), language))


def _along(value: float, low: float, high: float, *, log: bool) -> float:
    """Where a value stands along its axis, from 0 at `low` to 1 at `high`."""
    if log:
        value, low, high = (math.log10(max(end, 1e-12)) for end in (value, low, high))
    return (value - low) / (high - low) if high > low else 0.5


def _row_label(item: Cited, language: str) -> str:
    """A sources chart's row: who says it, then for when, on short lines."""
    when = []
    if item.figure.period:
        when.append(formatting.period(item.figure.period, language))
    if item.figure.as_of:
        when.append(formatting.as_of(item.figure.as_of, language))
    return _row_text([_shortened(short_source(item.source), SOURCE_WIDTH), " · ".join(when)],
                     language)
