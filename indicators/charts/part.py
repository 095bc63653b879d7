"""The part chart: each part inside its whole, its share written on it."""

from __future__ import annotations

from indicators import formatting
from indicators.charts.axes import _value_axis, fit
from indicators.charts.frame import Chart, _figure, _frame
from indicators.charts.marks import EXACT_COLOUR, WHOLE_COLOUR, _bars
from indicators.charts.plan import Kind, Plan
from indicators.charts.text import SOURCE_WIDTH, Names, _lower, _plot_text, _shortened
from indicators.citations import Cited, short_source
from indicators.labels import ui
from indicators.models import Qualifier
from indicators.text import plotly_escape


def part_chart(plan: Plan, language: str, names: Names) -> Chart:
    """Each whole as a wide light bar with its part inside it, the share written on the part."""
    parts, wholes = plan.items, plan.others
    part_indicator, whole_indicator = parts[0].indicator, wholes[0].indicator
    right_to_left = language == "ar"
    places = list(range(len(parts)))
    shares = [_share(part, whole, language) for part, whole in zip(parts, wholes, strict=True)]
    traces = [_bars(wholes, None, language, values=[item.figure.value for item in wholes],
                    places=places, horizontal=False, width=0.8,
                    name=whole_indicator.label[language], colour=WHOLE_COLOUR),
              _bars(parts, None, language, values=[item.figure.value for item in parts],
                    places=places, horizontal=False, width=0.5,
                    name=part_indicator.label[language], colour=EXACT_COLOUR, extra=shares)]
    highest = max(item.figure.value for item in (*parts, *wholes))
    layout = _frame(ui("chart_part", language).format(
        part=part_indicator.label[language], whole=_lower(whole_indicator.label[language])),
        language, height=400)
    layout.update(
        barmode="overlay",
        xaxis={"tickmode": "array", "tickvals": places,
               "ticktext": [_pair_label(part, whole, language, names)
                            for part, whole in zip(parts, wholes, strict=True)],
               "range": [len(parts) - 0.5, -0.5] if right_to_left else [-0.5, len(parts) - 0.5],
               "showgrid": False},
        yaxis={**_value_axis(whole_indicator.unit,
                             fit([0.0, highest], whole_indicator.unit, bars=True),
                             reverse=False, language=language),
               "side": "right" if right_to_left else "left"})
    return Chart(Kind.part, _figure(traces, layout))


def _share(part: Cited, whole: Cited, language: str) -> str:
    """The part's share of the whole ("67,6 %"), written only when both values are exact."""
    exact = {part.figure.qualifier, whole.figure.qualifier} == {Qualifier.exact}
    if not exact or whole.figure.value <= 0:
        return ""
    share = formatting.number(round(part.figure.value / whole.figure.value * 100, 1), language)
    return plotly_escape(formatting.isolate(f"{share}\u00a0%", language))


def _pair_label(part: Cited, whole: Cited, language: str, names: Names) -> str:
    """A part chart's category: the moment (campaign, else period; as-of date), then who says
    so, on lines short enough for a category's width."""
    figure = part.figure
    moment = [names.member(dimension, member, language)
              for dimension, member in figure.breakdown_key()]
    if figure.period and not moment:
        moment.append(formatting.period(figure.period, language))
    if figure.as_of:
        moment.append(formatting.as_of(figure.as_of, language))
    said = {_shortened(short_source(item.source), SOURCE_WIDTH) for item in (part, whole)}
    return "<br>".join(_plot_text([line], language) for line in (*moment, *sorted(said)))
