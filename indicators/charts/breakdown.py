"""The breakdown chart: a bar per member, largest first, against their total."""

from __future__ import annotations

from indicators.charts.axes import _value_axis, fit
from indicators.charts.frame import Chart, _figure, _frame
from indicators.charts.marks import _bars, _by_qualifier, _reference_lines
from indicators.charts.plan import MAX_ROWS, Kind, Plan, _bar_dimension
from indicators.charts.text import (
    SOURCE_WIDTH,
    Names,
    _capped,
    _context,
    _lower,
    _row_pitch,
    _row_text,
    _shortened,
)
from indicators.citations import short_source
from indicators.labels import ui


def breakdown_chart(plan: Plan, language: str, names: Names) -> Chart:
    """Bars by member, largest first, in the page's language; the total a line, never a bar."""
    items = plan.items[:MAX_ROWS]
    indicator = items[0].indicator
    dimension = _bar_dimension(items[0].figure) or ""
    right_to_left = language == "ar"
    counted = [str(item.figure.breakdown[dimension]) if item.figure.breakdown else ""
               for item in items]
    labels = [_row_text([names.member(dimension, member, language),
                          _shortened(short_source(item.source), SOURCE_WIDTH)]
                         if counted.count(member) > 1
                         else [names.member(dimension, member, language)], language)
              for member, item in zip(counted, items, strict=True)]
    highest = max([item.figure.value for item in (*items, *plan.others)])
    axis = _value_axis(indicator.unit, fit([0.0, highest], indicator.unit, bars=True),
                       reverse=right_to_left, language=language)
    rows = {item.figure.id: row for row, item in enumerate(items)}
    traces = [_bars(same, qualifier, language, values=[item.figure.value for item in same],
                    places=[rows[item.figure.id] for item in same], horizontal=True,
                    names=names)
              for qualifier, same in _by_qualifier(items)]
    layout = _frame(breakdown_title(
        indicator.label[language], _lower(names.dimension(dimension, language)),
        _context(plan.items, language, names, leave_out=dimension, period=True), language),
        language, height=190 + _row_pitch(labels, 30) * len(items))
    layout.update(
        xaxis=axis, bargap=0.3,
        yaxis={"tickmode": "array", "tickvals": list(range(len(items))),
               "ticktext": labels,
               "range": [len(items) - 0.5, -0.5], "side": "right" if right_to_left else "left",
               "automargin": True, "showgrid": False})
    if plan.others:
        layout.update(_reference_lines(plan.others, language))
    return Chart(Kind.breakdown, _figure(traces, layout),
                 _capped(len(items), len(plan.items), language))


def breakdown_title(indicator: str, dimension: str, context: str, language: str) -> str:
    """"Demandes déposées par région — 2014"; a label that already says what it is broken
    down by ("Part des demandeurs, par nationalité ou par groupe") is not told it again: the
    rows name the members, and "par groupe par groupe de demandeurs" read as a stutter."""
    if ui("chart_by", language) in indicator.split():
        return f"{indicator}{context}"
    return ui("chart_breakdown", language).format(indicator=indicator, dimension=dimension,
                                                  context=context)
