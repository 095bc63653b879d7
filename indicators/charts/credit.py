"""What a chart carries beyond its marks: its sources and credit line, its text alternative."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import plotly.graph_objects as go

from indicators import formatting
from indicators.charts.frame import Chart
from indicators.charts.plan import Kind, Plan
from indicators.charts.text import Names, _rtl, _wrapped
from indicators.citations import Cited, short_source
from indicators.labels import ui, ui_count
from indicators.text import plotly_escape

# A credit line's length in characters: 11 px text under a phone's narrow plot.
CREDIT_WIDTH = 52
# Sources named on a chart's credit line before "and n more".
CREDITED_SOURCES = 3


def _credited(chart: Chart, plan: Plan, credit: str, language: str, names: Names) -> Chart:
    """The chart with its source line and the dataset's version written under its marks,
    and its text alternative.

    Two short centred lines: a row chart's plot area can be half the figure's width, and a
    line that runs past the figure's edge is cut from the image.
    """
    sources = list(dict.fromkeys(short_source(item.source, limit=28)
                                 for item in (*plan.items, *plan.others)))
    named = formatting.comma(language).join(sources[:CREDITED_SOURCES])
    more = len(sources) - CREDITED_SOURCES
    if more > 0:
        named += " " + ui_count("and_more", more, language)
    # Lines short enough for a phone: centred under a narrow plot, a long one ran off the
    # figure's edge and was cut from the image.
    said = f"{ui('sources', language)}{formatting.colon(language)} {named}"
    lines = [_rtl(line, language) for line in _wrapped(plotly_escape(said), CREDIT_WIDTH)]
    if credit:
        # The dataset's citation is English text: isolated, it keeps its order in Arabic.
        lines += [_rtl(plotly_escape(formatting.embed(line, language)), language)
                  for line in _wrapped(credit, CREDIT_WIDTH)]
    figure = chart.figure
    # Under the value or time axis and its title, however many lines the title has.
    below = 15 * str(figure.layout.xaxis.title.text or "").count("<br>")
    figure.add_annotation(text="<br>".join(lines), xref="paper", yref="paper", y=0,
                          yanchor="top", yshift=-60 - below, showarrow=False,
                          font={"size": 11, "color": "#444"},
                          **_CREDIT_PLACES[plan.kind](language))
    extra = 15 * max(len(lines) - 2, 0) + below
    figure.update_layout(margin={"b": max(figure.layout.margin.b or 0, 100) + extra},
                         height=(figure.layout.height or 400) + 84 + extra)
    indicator = (plan.items or plan.others)[0].indicator.id
    return replace(chart, name=f"{indicator}-{plan.kind.value}",
                   alt=chart_alt(chart.figure, plan, language, names))


# Values a chart's text alternative reads out before "and n more": a screen reader's user
# hears the comparison, and the table under the chart holds every figure.
ALT_VALUES = 12
_BIDI_CONTROLS = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def chart_alt(figure: go.Figure, plan: Plan, language: str, names: Names) -> str:
    """The chart in words: its title, then each value with its member, date and source."""
    title = html.unescape(str(figure.layout.title.text or "").replace("<br>", " "))
    items = [*plan.items, *plan.others]
    values = [_alt_value(item, language, names) for item in items[:ALT_VALUES]]
    if len(items) > ALT_VALUES:
        values.append(ui_count("and_more", len(items) - ALT_VALUES, language))
    return ui("chart_alt", language).format(title=title.translate(_BIDI_CONTROLS),
                                            values=formatting.semicolon(language).join(values))


def _alt_value(item: Cited, language: str, names: Names) -> str:
    parts = [formatting.value_in_words(item.figure, item.indicator.unit, language)]
    parts += [names.member(dimension, member, language)
              for dimension, member in item.figure.breakdown_key()]
    if item.figure.as_of or item.figure.period:
        parts.append(item.when(language))
    parts.append(short_source(item.source))
    return formatting.comma(language).join(formatting.embed(part, language) for part in parts)


def _beside_rows(language: str) -> dict[str, Any]:
    """From the plot's far edge towards the labels of rows or values: on a phone they take
    a third of the width, and a line centred on the narrower plot ran off the figure."""
    if language == "ar":  # the labels stand on the right
        return {"x": 0, "xanchor": "left", "align": "left"}
    return {"x": 1, "xanchor": "right", "align": "right"}


# Where each kind's credit line stands: from the plot's far edge towards the value axis's
# labels in every kind. Centred under a plot pushed aside by wide labels ("120 milliards"),
# a line ran past the figure's edge.
_CREDIT_PLACES: dict[Kind, Callable[[str], dict[str, Any]]] = {
    Kind.series: _beside_rows,
    Kind.sources: _beside_rows,
    Kind.breakdown: _beside_rows,
    Kind.part: _beside_rows,
}
