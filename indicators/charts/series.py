"""The series chart: one indicator over time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from indicators import formatting
from indicators.charts.axes import _date_axis, _reach, _value_axis, fit
from indicators.charts.frame import Chart, _figure, _frame
from indicators.charts.marks import (
    EXACT_COLOUR,
    SPAN_COLOUR,
    _by_qualifier,
    _dodged,
    _line,
    _points,
    _running_lines,
)
from indicators.charts.plan import Kind, Plan, _x_day
from indicators.charts.text import (
    NOTE_WIDTH,
    SOURCE_WIDTH,
    Names,
    _rtl,
    _shortened,
    _wrapped,
)
from indicators.citations import Cited, short_source
from indicators.intervals import time_span
from indicators.labels import ui


def series_chart(plan: Plan, language: str, names: Names) -> Chart:
    """The indicator over time: points at their dates, spans for periods, running counts joined.

    Each figure stands at its as-of date (a running count) or at the end of its period, with
    the period drawn as a light bar behind it; several sources at one date stand side by side.
    """
    days = {item.figure.id: _x_day(item.figure) or date.min for item in plan.items}
    at = _dodged(plan.items, days)
    spans = _spans(plan.items, days)
    traces = _behind(plan.items, days, spans, language)
    traces += [_points(same, qualifier, language, vertical=True,
                       x=[at[item.figure.id] for item in same],
                       y=[item.figure.value for item in same], names=names)
               for qualifier, same in _by_qualifier(plan.items)]
    return Chart(Kind.series, _figure(traces, _layout(plan.items, days, spans, language)),
                 _undated_notes(plan.others, language, names))


def _spans(items: Sequence[Cited], days: dict[str, date]) -> list[tuple[date, date, float]]:
    """The periods behind their points: from a period's start to where its figure stands."""
    spans = [(time_span(item.figure.period)[0], days[item.figure.id], item.figure.value)
             for item in items if item.figure.period and not item.figure.as_of]
    return [span for span in spans if span[0] < span[1]]


def _behind(items: Sequence[Cited], days: dict[str, date],
            spans: Sequence[tuple[date, date, float]], language: str) -> list[dict[str, Any]]:
    """What is drawn under the points: the periods as light bars, the running counts joined."""
    traces: list[dict[str, Any]] = []
    if spans:
        traces.append(_line(
            [(start, end) for start, end, _ in spans], [(value, value) for _, _, value in spans],
            line={"color": SPAN_COLOUR, "width": 6},
            name=_rtl(ui("period_covered", language), language)))
    running = _running_lines(items, days)
    if running:
        traces.append(_line(
            [[day for day, _ in line] for line in running],
            [[value for _, value in line] for line in running],
            line={"color": EXACT_COLOUR, "width": 2},
            name=_rtl(ui("running_count", language), language)))
    return traces


def _layout(items: Sequence[Cited], days: dict[str, date],
            spans: Sequence[tuple[date, date, float]], language: str) -> dict[str, Any]:
    """The frame and axes: time from the earliest period's start, values from 0."""
    indicator = items[0].indicator
    right_to_left = language == "ar"
    first = min([*days.values(), *(start for start, _, _ in spans)])
    layout = _frame(ui("chart_series", language).format(indicator=indicator.label[language]),
                    language, height=420)
    layout.update(
        xaxis={**_date_axis(first, max(days.values()), language),
               "title": {"text": "<br>".join(_rtl(line, language) for line in _wrapped(
                   ui("series_axis", language), NOTE_WIDTH)), "font": {"size": 12}}},
        yaxis={**_value_axis(indicator.unit,
                             fit([end for item in items for end in _reach(item.figure)],
                                 indicator.unit, bars=False),
                             reverse=False, language=language),
               "side": "right" if right_to_left else "left"})
    return layout


def _undated_notes(items: Sequence[Cited], language: str, names: Names) -> tuple[str, ...]:
    """The series' figures without a place in time, as text: a line per campaign, each value
    once with every source that gives it."""
    if not items:
        return ()
    lines: dict[str, dict[str, list[str]]] = {}
    for item in items:
        said = [formatting.value(item.figure, item.indicator.unit, language)]
        if item.figure.period:
            said.append(formatting.period(item.figure.period, language))
        values = lines.setdefault(names.members(item.figure.breakdown_key(), language), {})
        values.setdefault(" · ".join(said), []).append(
            formatting.embed(_shortened(short_source(item.source), SOURCE_WIDTH), language))
    return (ui("undated", language), *(
        (f"{member}{formatting.colon(language)} " if member else "")
        + formatting.semicolon(language).join(
            f"{value} ({formatting.comma(language).join(sources)})"
            for value, sources in values.items())
        for member, values in lines.items()))
