"""Marks: points shaped by their qualifier, bars, lines, totals, running counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from indicators.charts.text import (
    NOTE_WIDTH,
    SOURCE_WIDTH,
    Names,
    _custom,
    _hover,
    _legend_name,
    _plot_text,
    _rtl,
    _shortened,
    _value_text,
    _wrapped,
)
from indicators.citations import Cited, short_source
from indicators.formatting import colon
from indicators.intervals import time_span, value_interval
from indicators.labels import ui, ui_count
from indicators.models import Qualifier, Rank

# Exact values are solid; a bound is drawn apart (a triangle pointing the way of the bound, a
# hatched bar), so it never reads as a count.
EXACT_COLOUR = "#1f5f8b"
BOUND_COLOUR = "#c8553d"
BOUND_PATTERN = "/"
# The whole behind its part, and a period behind its point: the same blue, lighter.
WHOLE_COLOUR = "#bcd4e6"
SPAN_COLOUR = "rgba(31,95,139,0.28)"
# Qualifiers that make a figure a bound from below, and from above: their marks point that way.
LOWER_BOUNDS = frozenset({Qualifier.more_than, Qualifier.at_least})
UPPER_BOUNDS = frozenset({Qualifier.less_than, Qualifier.at_most})
# Points of one series at one date (several sources) are set this share of the axis apart.
DODGE = 0.012
_OPPOSITE = {"up": "down", "right": "left", "left": "right"}


def _points(items: Sequence[Cited], qualifier: Qualifier, language: str, *, vertical: bool,
            x: Sequence[Any], y: Sequence[Any], right_to_left: bool = False,
            labelled: Sequence[float] | None = None,
            names: Names | None = None) -> dict[str, Any]:
    """One marker per figure, shaped by its qualifier; the hover names the source. With
    `labelled` (where each point stands along the value axis, 0 to 1), each value is written
    above its marker, towards the middle near the axis's ends: "93,7 milliards de dirhams"
    centred on a point at the end of a phone's axis ran past the figure's edge."""
    increase = "up" if vertical else ("left" if right_to_left else "right")
    bound = qualifier in LOWER_BOUNDS | UPPER_BOUNDS
    about = qualifier == Qualifier.approximately
    colour = BOUND_COLOUR if bound else EXACT_COLOUR
    errors: dict[str, Any] = {}
    if about:
        spread = [abs(item.figure.value) * (value_interval(1.0, qualifier).high - 1)
                  for item in items]
        errors = {("error_y" if vertical else "error_x"): {
            "type": "data", "array": spread, "color": EXACT_COLOUR, "thickness": 1.5}}
    labels = {"text": [_value_text(item, language) for item in items],
              "textposition": [_inward(share, right_to_left) for share in labelled],
              "textfont": {"size": 12}} if labelled else {}
    return {"type": "scatter", "x": list(x), "y": list(y),
            "mode": "markers+text" if labelled else "markers",
            "name": _legend_name(qualifier, language), "cliponaxis": False,
            "marker": {"symbol": _symbol(qualifier, increase), "size": 15 if bound else 12,
                       "color": colour, "line": {"color": colour, "width": 2}},
            "customdata": [_custom(item, language, names) for item in items],
            "hovertemplate": _hover(language), **labels, **errors}


def _inward(share: float, right_to_left: bool) -> str:
    """Where a point's value is written: above it, shifted towards the middle of the axis
    when the point stands in the outer quarter of either end (as the reader sees it)."""
    on_screen = 1 - share if right_to_left else share
    return "top left" if on_screen > 0.75 else "top right" if on_screen < 0.25 else "top center"


def _bars(items: Sequence[Cited], qualifier: Qualifier | None, language: str, *,
          values: Sequence[float], places: Sequence[int], horizontal: bool,
          width: float | None = None, name: str | None = None, colour: str = EXACT_COLOUR,
          extra: Sequence[str] | None = None, names: Names | None = None) -> dict[str, Any]:
    """Bars, a bound hatched and outlined; `qualifier` None styles each bar by its own; with
    `names`, the hover names the bar's member in full (its row label may be shortened)."""
    bounds = [item.figure.qualifier != Qualifier.exact for item in items]
    texts = [_value_text(item, language) for item in items]
    if extra is not None:
        texts = [f"{text}<br>{more}" if more else text
                 for text, more in zip(texts, extra, strict=True)]
    places_and_values: dict[str, Any] = (
        {"x": list(values), "y": list(places), "orientation": "h"} if horizontal
        else {"x": list(places), "y": list(values)})
    return {
        "type": "bar", **places_and_values, **({"width": width} if width else {}),
        "text": texts, "textposition": "outside", "cliponaxis": False, "constraintext": "none",
        "name": _plot_text([name], language) if name else _legend_name(
            qualifier or Qualifier.exact, language),
        "marker": {
            "color": ["rgba(200,85,61,0.25)" if bound else colour for bound in bounds],
            "line": {"color": [BOUND_COLOUR if bound else EXACT_COLOUR for bound in bounds],
                     "width": 2},
            "pattern": {"shape": [BOUND_PATTERN if bound else "" for bound in bounds],
                        "fgcolor": BOUND_COLOUR},
        },
        "customdata": [_custom(item, language, names) for item in items],
        "hovertemplate": _hover(language)}


def _line(xs: Iterable[Sequence[Any]], ys: Iterable[Sequence[Any]],
          **style: Any) -> dict[str, Any]:
    """Segments drawn as one line trace, gaps between them; a decoration with no hover."""
    return {"type": "scatter", "mode": "lines", "x": _joined(xs), "y": _joined(ys),
            "hoverinfo": "skip", **style}


def _reference_lines(totals: Sequence[Cited], language: str) -> dict[str, Any]:
    """A breakdown's total as one mark across the bars, named in the legend.

    One value is a line; several (sources disagree) one light band from the lowest to the
    highest, named by its range: twelve totals were twelve lines, a black cluster. Dashed
    when every total is a bound. In the legend, the name wraps with the legend on a phone,
    where a label beside the lines ran over the rows. A total set aside as a known error
    (rank: deprecated) is neither drawn nor summed up here: the chart's table and the
    citations still show it with its reason.
    """
    totals = [total for total in totals if total.figure.rank != Rank.deprecated]
    # Exact totals when there are some: "more than 12 000" beside totals of 27 000 to
    # 28 000 stretched the mark over half the axis and says nothing they do not.
    totals = [total for total in totals if total.figure.qualifier == Qualifier.exact] or totals
    if not totals:
        return {"shapes": []}
    ordered = sorted(totals, key=lambda total: total.figure.value)
    low, high = ordered[0].figure.value, ordered[-1].figure.value
    bound = all(total.figure.qualifier != Qualifier.exact for total in totals)
    if len(totals) == 1:
        source = _shortened(short_source(totals[0].source), SOURCE_WIDTH)
        said = f"{_value_text(totals[0], language)} · {_plot_text([source], language)}"
    else:
        said = ui_count("total_range", len(totals), language,
                        low=_value_text(ordered[0], language),
                        high=_value_text(ordered[-1], language))
    name = "<br>".join(_rtl(line, language) for line in _wrapped(
        f"{ui('total', language)}{colon(language)} {said}", NOTE_WIDTH))
    edge = {"color": BOUND_COLOUR if bound else "#333", "width": 1.5,
            "dash": "dash" if bound else "solid"}
    shape: dict[str, Any] = {"type": "line" if low == high else "rect", "x0": low, "x1": high,
                             "yref": "paper", "y0": 0, "y1": 1, "line": edge,
                             "showlegend": True, "name": name, "layer": "below"}
    if low != high:
        shape["fillcolor"] = "rgba(51,51,51,0.10)"
        shape["line"] = {**edge, "width": 1}
    return {"shapes": [shape]}


def _symbol(qualifier: Qualifier, increase: str) -> str:
    """A triangle pointing the way of a bound; a dot, hollow for "about", for a value."""
    if qualifier in LOWER_BOUNDS:
        return f"triangle-{increase}"
    if qualifier in UPPER_BOUNDS:
        return f"triangle-{_OPPOSITE[increase]}"
    return "circle-open" if qualifier == Qualifier.approximately else "circle"


def _by_qualifier(items: Sequence[Cited]) -> list[tuple[Qualifier, list[Cited]]]:
    """The figures grouped by qualifier, one trace each: light at thousands of figures."""
    groups: dict[Qualifier, list[Cited]] = {}
    for item in items:
        groups.setdefault(item.figure.qualifier, []).append(item)
    return list(groups.items())


def _running_lines(items: Sequence[Cited],
                   days: dict[str, date]) -> list[list[tuple[date, float]]]:
    """Each campaign's running counts in order of date, ending at its dated final totals.

    Only exact values are joined (a bound is not a value to draw a line through); where
    sources give two counts on one day the line passes between them; a line ends at every
    final total given for it, so no source's final value is picked over another's.
    """
    counts: dict[tuple[tuple[str, str], ...], dict[date, list[float]]] = {}
    finals: dict[tuple[tuple[str, str], ...], list[Cited]] = {}
    for item in items:
        if item.figure.qualifier != Qualifier.exact:
            continue
        if item.figure.as_of:
            at_day = counts.setdefault(item.figure.breakdown_key(), {})
            at_day.setdefault(days[item.figure.id], []).append(item.figure.value)
        else:
            finals.setdefault(item.figure.breakdown_key(), []).append(item)
    lines = []
    for breakdown, at_day in counts.items():
        path = [(day, (min(values) + max(values)) / 2) for day, values in sorted(at_day.items())]
        last = path[-1][0]
        ends = [(days[item.figure.id], item.figure.value) for item in finals.get(breakdown, ())
                if time_span(item.figure.period)[0] <= last <= days[item.figure.id]]
        lines += [[*path, end] for end in ends] or [path]
    return [line for line in lines if len(line) >= 2]


def _dodged(items: Sequence[Cited], days: dict[str, date]) -> dict[str, date]:
    """Dates to draw at: figures sharing a date are set a little apart, in file order."""
    at_day: dict[date, list[str]] = {}
    for item in items:
        at_day.setdefault(days[item.figure.id], []).append(item.figure.id)
    span = (max(days.values()) - min(days.values())).days
    step = max(span * DODGE, 1.0)
    placed = {}
    for day, ids in at_day.items():
        for rank, figure_id in enumerate(ids):
            placed[figure_id] = day + timedelta(days=round((rank - (len(ids) - 1) / 2) * step))
    return placed


def _joined(segments: Iterable[Sequence[Any]]) -> list[Any]:
    """Line segments in one trace, separated by gaps: one trace however many segments."""
    points: list[Any] = []
    for segment in segments:
        points += [*segment, None]
    return points
