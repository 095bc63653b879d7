"""Plotly figures that compare what compares: series, sources, breakdowns, parts; the timeline."""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

import plotly.graph_objects as go
from babel.dates import format_date
from babel.numbers import get_decimal_symbol, get_group_symbol

from indicators import formatting
from indicators.citations import Cited, short_source
from indicators.columnar import figures_of
from indicators.consistency import PLAUSIBLE_ORDER
from indicators.countries import country_name
from indicators.intervals import as_of_day, time_span, value_interval
from indicators.labels import MILESTONE_KINDS, QUALIFIERS, UNITS, ui
from indicators.models import (
    COUNTRY,
    Dataset,
    Dimension,
    Figure,
    MilestoneKind,
    Qualifier,
    Rank,
    Unit,
)
from indicators.periods import parse_partial, parse_period
from indicators.text import plotly_escape

# Exact values are solid; a bound is drawn apart (a triangle pointing the way of the bound, a
# hatched bar), so it never reads as a count.
EXACT_COLOUR = "#1f5f8b"
BOUND_COLOUR = "#c8553d"
BOUND_PATTERN = "/"
# The whole behind its part, and a period behind its point: the same blue, lighter.
WHOLE_COLOUR = "#bcd4e6"
SPAN_COLOUR = "rgba(31,95,139,0.28)"
# A campaign is a moment in time, not a part of a whole: figures broken down by campaign are
# drawn as a series, never as bars side by side as if they added up.
TIME_DIMENSIONS = frozenset({"campaign"})
# More charts than this and a view reads like a catalogue and paints slowly; the table holds
# every figure, and the view says how many comparisons it left out.
MAX_CHARTS = 12
# Rows of one chart (sources, members of a breakdown); beyond this a chart is a worse table.
MAX_ROWS = 40
# Calendar years are drawn on the timeline and shown as cards, never on a value axis.
VALUE_UNITS = (Unit.count, Unit.percent, Unit.months, Unit.years)
LOWER_BOUNDS = frozenset({Qualifier.more_than, Qualifier.at_least})
UPPER_BOUNDS = frozenset({Qualifier.less_than, Qualifier.at_most})
# A source's name in a row or a hover is cut at this many characters: the rows stay readable
# beside the chart at 1280 px, and the table and the citation give the name in full.
SOURCE_WIDTH = 32
# A title longer than this many characters is broken over lines: plotly never wraps titles,
# and a line of 80 characters ran off a phone's screen (390 px holds about 45 at 16 px).
TITLE_WIDTH = 44
# A time axis names every year up to this many years (a label of four digits fits at 1280 px).
YEAR_TICKS = 14
# Points of one series at one date (several sources) are set this share of the axis apart.
DODGE = 0.012
KIND_SYMBOLS = {
    MilestoneKind.report: "square",
    MilestoneKind.conference: "circle",
    MilestoneKind.agreement: "diamond",
    MilestoneKind.policy: "star",
    MilestoneKind.project: "triangle-up",
}
_FONT = "Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif"
_OPPOSITE = {"up": "down", "right": "left", "left": "right"}
# Between the items of a list inside a sentence: French spaces its semicolon, Arabic has its own.
_LIST_SEPARATORS = {"fr": " ; ", "ar": "؛ ", "en": "; "}
_COMMAS = {"fr": ", ", "ar": "، ", "en": ", "}
# Right-to-left isolate: plotly draws text in SVG with a left-to-right base direction, so an
# Arabic label ("الرباط · Le360") would read from its end; isolated, it reads from the right.
RLI = "\u2067"


# When a figure holds: its campaign (or other breakdown), its period, its as-of date.
Moment = tuple[tuple[tuple[str, str], ...], str | None, str | None]


class Kind(StrEnum):
    """What a chart compares."""

    series = "series"  # one indicator over time
    sources = "sources"  # what each source says about one quantity
    breakdown = "breakdown"  # the members of a breakdown, against their total
    part = "part"  # a part inside its whole (approved of filed)


@dataclass(frozen=True, slots=True)
class Plan:
    """One comparison to draw: what it compares, and the figures it shows beside the marks.

    `others` are a series' undated figures (listed as text), a breakdown's totals (reference
    lines), or a part chart's wholes (one per part, in the same order). `breaks` are the rows
    where a new group of a sources chart starts (another period).
    """

    kind: Kind
    items: tuple[Cited, ...]
    others: tuple[Cited, ...] = ()
    breaks: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Chart:
    """A drawn comparison, and the lines of text that go under it."""

    kind: Kind
    figure: go.Figure
    notes: tuple[str, ...] = ()
    name: str = ""  # names the chart's image download: kind and indicator
    alt: str = ""  # what the chart shows, in words: its text alternative for screen readers


@dataclass(frozen=True, slots=True)
class ThemeCharts:
    """A view's charts, its lone figures (shown as cards), and how many charts were left out."""

    charts: tuple[Chart, ...]
    cards: tuple[Cited, ...]
    not_drawn: int = 0


class Names:
    """Breakdown members in the page's language: countries by Babel, others as the file says."""

    def __init__(self, dimensions: Iterable[Dimension] = ()) -> None:
        self._dimensions = {dimension.id: dimension for dimension in dimensions}
        self._members = {(dimension.id, member.id): member.label
                         for dimension in self._dimensions.values()
                         for member in dimension.members}

    def dimension(self, dimension: str, language: str) -> str:
        if dimension in self._dimensions:
            return self._dimensions[dimension].label[language]
        return ui("country", language) if dimension == COUNTRY else dimension

    def member(self, dimension: str, member: str, language: str) -> str:
        label = self._members.get((dimension, member))
        if label is not None:
            return label[language]
        return country_name(member, language) if dimension == COUNTRY else member

    def members(self, parts: Iterable[tuple[str, str]], language: str) -> str:
        """A breakdown as its members' names: `Sénégal, Première campagne (2014)`."""
        return _COMMAS[language].join(self.member(dimension, member, language)
                                      for dimension, member in parts)


def plan_theme(items: Sequence[Cited]) -> tuple[list[Plan], list[Cited]]:
    """Which comparisons a theme's figures make, in reading order, and the figures in none.

    Per indicator, in file order: the part-of-whole chart it is the part of, its series over
    time, what each source says about each of its quantities, and its breakdowns. A figure
    in no comparison is a lone figure, shown as a card. O(n log n) in the number of figures.
    """
    by_indicator: dict[str, list[Cited]] = {}
    for item in items:
        if item.indicator.unit in VALUE_UNITS:
            by_indicator.setdefault(item.indicator.id, []).append(item)
    plans: list[Plan] = []
    for indicator, members in by_indicator.items():
        breakdowns = _breakdown_plans(members)
        in_bars = {item.figure.id for plan in breakdowns for item in plan.items}
        plans += _part_plans(indicator, by_indicator)
        plans += _series_plans(members)
        plans += _sources_plans([item for item in members if item.figure.id not in in_bars])
        plans += breakdowns
    placed = {item.figure.id for plan in plans for item in (*plan.items, *plan.others)}
    return plans, [item for item in items if item.figure.id not in placed]


def theme_charts(items: Sequence[Cited], language: str, dimensions: Iterable[Dimension] = (),
                 limit: int = MAX_CHARTS, credit: str = "") -> ThemeCharts:
    """The theme's comparisons drawn (at most `limit`), and its lone figures for cards.

    Each chart carries its sources and `credit` (the dataset and its version) under its
    marks, so that its image, downloaded from the toolbar and pasted into a note, keeps them.
    """
    plans, lone = plan_theme(items)
    names = Names(dimensions)
    # Over the cap, the comparisons of the fewest figures give way; the rest keep their order.
    kept = sorted(sorted(range(len(plans)), key=lambda index: -_size(plans[index]))[:limit])
    charts = tuple(_credited(draw(plans[index], language, names), plans[index], credit,
                             language, names) for index in kept)
    return ThemeCharts(charts, tuple(lone), len(plans) - len(kept))


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
    named = ", ".join(sources[:CREDITED_SOURCES])
    more = len(sources) - CREDITED_SOURCES
    if more > 0:
        named += " " + ui("and_more", language).format(n=more)
    colon = " :" if language == "fr" else ":"
    # Lines short enough for a phone: centred under a narrow plot, a long one ran off the
    # figure's edge and was cut from the image.
    lines = [_rtl(line, language) for line in
             _wrapped(plotly_escape(f"{ui('sources', language)}{colon} {named}"), CREDIT_WIDTH)]
    if credit:
        # The dataset's citation is English text: isolated, it keeps its order in Arabic.
        lines += [_rtl(plotly_escape(formatting.embed(line, language)), language)
                  for line in _wrapped(credit, CREDIT_WIDTH)]
    figure = chart.figure
    figure.add_annotation(text="<br>".join(lines), xref="paper", yref="paper", y=0,
                          yanchor="top", yshift=-60, showarrow=False,
                          font={"size": 11, "color": "#444"}, **_credit_place(plan, language))
    extra = 15 * max(len(lines) - 2, 0)
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
        values.append(ui("and_more", language).format(n=len(items) - ALT_VALUES))
    separator = "؛ " if language == "ar" else "; "
    return ui("chart_alt", language).format(title=title.translate(_BIDI_CONTROLS),
                                            values=separator.join(values))


def _alt_value(item: Cited, language: str, names: Names) -> str:
    parts = [formatting.value_in_words(item.figure, item.indicator.unit, language)]
    parts += [names.member(dimension, member, language)
              for dimension, member in item.figure.breakdown_key()]
    if item.figure.as_of or item.figure.period:
        parts.append(_when(item.figure, language))
    parts.append(short_source(item.source))
    comma = "، " if language == "ar" else ", "
    return comma.join(formatting.embed(part, language) for part in parts)


def timeline_alt(rows: Sequence[dict[str, object]], language: str) -> str:
    """The timeline in words: every event with its date, in order."""
    separator = "؛ " if language == "ar" else "; "
    events = separator.join(f"{formatting.embed(str(row['when']), language)}"
                            f"{formatting.colon(language)} {row['label']}" for row in rows)
    return ui("timeline_alt", language).format(n=len(rows), events=events)


def _credit_place(plan: Plan, language: str) -> dict[str, Any]:
    """Centred under a plot that spans the figure; beside row labels, from the plot's far
    edge towards them: on a phone the labels take most of the width, and a line centred on
    the narrow plot ran off the figure."""
    if plan.kind not in (Kind.sources, Kind.breakdown):
        return {"x": 0.5, "xanchor": "center", "align": "center"}
    if language == "ar":  # the labels stand on the right
        return {"x": 0, "xanchor": "left", "align": "left"}
    return {"x": 1, "xanchor": "right", "align": "right"}


def _size(plan: Plan) -> int:
    return len(plan.items) + len(plan.others)


def draw(plan: Plan, language: str, names: Names) -> Chart:
    """The chart of one comparison."""
    if plan.kind == Kind.series:
        return series_chart(plan, language, names)
    if plan.kind == Kind.sources:
        return sources_chart(plan, language, names)
    if plan.kind == Kind.breakdown:
        return breakdown_chart(plan, language, names)
    return part_chart(plan, language, names)


# --- Which figures compare -------------------------------------------------------------------

def _is_total(figure: Figure) -> bool:
    """No breakdown, or only a campaign: the whole quantity at one moment."""
    return not figure.breakdown or set(figure.breakdown) <= TIME_DIMENSIONS


def _x_day(figure: Figure) -> date | None:
    """Where a figure stands in time: its as-of date, else its period's last day, if known."""
    if figure.as_of:
        return as_of_day(figure.as_of)
    if not figure.period:
        return None
    _, end = parse_period(figure.period)
    return end.last_day() if end else None


def _series_plans(members: Sequence[Cited]) -> list[Plan]:
    """The indicator over time: its totals at two or more dates, undated ones beside."""
    totals = [item for item in members if _is_total(item.figure)]
    dated = [item for item in totals if _x_day(item.figure) is not None]
    if len({_x_day(item.figure) for item in dated}) < 2:
        return []
    undated = tuple(item for item in totals if _x_day(item.figure) is None)
    return [Plan(Kind.series, tuple(dated), undated)]


def _sources_plans(members: Sequence[Cited]) -> list[Plan]:
    """Per breakdown (a campaign, a region), every group of two or more overlapping figures.

    A figure's time is its period, else its as-of date. Undated figures join the only dated
    group; when there are several, an undated figure could belong to any, so the undated
    ones form a group of their own. The breakdown's groups share one chart, row after row.
    """
    buckets: dict[tuple[tuple[str, str], ...], list[Cited]] = {}
    for item in members:
        buckets.setdefault(item.figure.breakdown_key(), []).append(item)
    plans = []
    for bucket in buckets.values():
        groups = _overlapping([item for item in bucket if _time_of(item.figure)])
        undated = [item for item in bucket if not _time_of(item.figure)]
        if len(groups) == 1:
            groups[0] += undated
        elif undated:
            groups.append(undated)
        rows = [group for group in groups if len(group) >= 2]
        if rows:
            starts = [0]
            for group in rows[:-1]:
                starts.append(starts[-1] + len(group))
            plans.append(Plan(Kind.sources, tuple(item for group in rows for item in group),
                              breaks=tuple(starts[1:])))
    return plans


def _time_of(figure: Figure) -> tuple[date, date] | None:
    """The days a figure can speak of: its period, else its as-of date, else unknown."""
    if figure.period:
        return time_span(figure.period)
    if figure.as_of:
        point = parse_partial(figure.as_of)
        return point.first_day(), point.last_day()
    return None


def _overlapping(items: Sequence[Cited]) -> list[list[Cited]]:
    """Groups of figures whose times overlap, chained: a sweep over their starts.

    Within a group the figures come by date (as-of date or end of period), then file order.
    """
    groups: list[list[Cited]] = []
    reach = date.min
    timed = sorted(((_time_of(item.figure) or (date.min, date.min), index, item)
                    for index, item in enumerate(items)), key=lambda entry: entry[:2])
    for (start, end), _, item in timed:
        if groups and start <= reach:
            groups[-1].append(item)
            reach = max(reach, end)
        else:
            groups.append([item])
            reach = end
    return [sorted(group, key=lambda item: _x_day(item.figure) or date.min) for group in groups]


def _breakdown_plans(members: Sequence[Cited]) -> list[Plan]:
    """Members of one breakdown dimension at one moment, with the totals of that moment.

    Bars come member by member (the member with the largest value first), and a member
    given by several sources has a bar per source.
    """
    totals: dict[Moment, list[Cited]] = {}
    groups: dict[tuple[str, Moment], list[Cited]] = {}
    for item in members:
        figure = item.figure
        totals.setdefault((figure.breakdown_key(), figure.period, figure.as_of), []).append(item)
        dimension = _bar_dimension(figure)
        if dimension is not None:
            rest = tuple(pair for pair in figure.breakdown_key() if pair[0] != dimension)
            groups.setdefault((dimension, (rest, figure.period, figure.as_of)), []).append(item)
    plans = []
    for (dimension, moment), parts in groups.items():
        largest: dict[str, float] = {}
        for item in parts:
            member = _member_of(item.figure, dimension)
            largest[member] = max(largest.get(member, item.figure.value), item.figure.value)
        if len(largest) < 2:
            continue
        ranked = sorted(parts, key=lambda item: (-largest[_member_of(item.figure, dimension)],
                                                 _member_of(item.figure, dimension),
                                                 -item.figure.value))
        plans.append(Plan(Kind.breakdown, tuple(ranked), tuple(totals.get(moment, ()))))
    return plans


def _member_of(figure: Figure, dimension: str) -> str:
    return (figure.breakdown or {}).get(dimension, "")


def _bar_dimension(figure: Figure) -> str | None:
    """The dimension a breakdown figure is a bar of: its first one that is not a campaign."""
    dimensions = sorted(set(figure.breakdown or ()) - TIME_DIMENSIONS)
    return dimensions[0] if dimensions else None


def _part_plans(indicator: str, by_indicator: dict[str, list[Cited]]) -> list[Plan]:
    """The part inside its whole (approved of filed), for each moment both are given for.

    A source that gives both for one moment is a pair of its own, so a share is never made
    of one outlet's part and another's whole; a moment no source gives both for pairs its
    first exact part with its first exact whole.
    """
    plans = []
    for part, whole in PLAUSIBLE_ORDER:
        if part != indicator or whole not in by_indicator:
            continue
        pairs = _pairs(_moments(by_indicator[part]), _moments(by_indicator[whole]))
        if pairs:
            plans.append(Plan(Kind.part, tuple(pair[0] for pair in pairs[:MAX_ROWS]),
                              tuple(pair[1] for pair in pairs[:MAX_ROWS])))
    return plans


def _pairs(parts: dict[Moment, list[Cited]],
           wholes: dict[Moment, list[Cited]]) -> list[tuple[Cited, Cited]]:
    pairs = []
    for moment in sorted(parts.keys() & wholes.keys(), key=_moment_order):
        by_source = {item.source.id: item for item in reversed(wholes[moment])}
        same = [(item, by_source[item.source.id]) for item in parts[moment]
                if item.source.id in by_source]
        pairs += same or [(_first_exact(parts[moment]), _first_exact(wholes[moment]))]
    return pairs


def _first_exact(items: Sequence[Cited]) -> Cited:
    return next((item for item in items if item.figure.qualifier == Qualifier.exact), items[0])


def _moments(members: Sequence[Cited]) -> dict[Moment, list[Cited]]:
    """The totals by moment (campaign, period, as-of date), in file order.

    Figures without any of these pair with nothing: two undated figures may be years apart.
    """
    moments: dict[Moment, list[Cited]] = {}
    for item in members:
        figure = item.figure
        if _is_total(figure) and (figure.breakdown or figure.period or figure.as_of):
            moments.setdefault((figure.breakdown_key(), figure.period, figure.as_of),
                               []).append(item)
    return moments


def _moment_order(key: Moment) -> tuple[date, tuple[tuple[str, str], ...], date]:
    breakdown, period, as_of = key
    return time_span(period)[0] if period else date.min, breakdown, as_of_day(as_of) or date.min


# --- Drawing -----------------------------------------------------------------------------------

def series_chart(plan: Plan, language: str, names: Names) -> Chart:
    """The indicator over time: points at their dates, spans for periods, running counts joined.

    Each figure stands at its as-of date (a running count) or at the end of its period, with
    the period drawn as a light bar behind it; several sources at one date stand side by side.
    """
    indicator = plan.items[0].indicator
    right_to_left = language == "ar"
    days = {item.figure.id: _x_day(item.figure) or date.min for item in plan.items}
    at = _dodged(plan.items, days)
    traces: list[dict[str, Any]] = []
    spans = [(time_span(item.figure.period)[0], days[item.figure.id], item.figure.value)
             for item in plan.items if item.figure.period and not item.figure.as_of]
    spans = [span for span in spans if span[0] < span[1]]
    if spans:
        traces.append(_line(
            [(start, end) for start, end, _ in spans], [(value, value) for _, _, value in spans],
            line={"color": SPAN_COLOUR, "width": 6},
            name=_rtl(ui("period_covered", language), language)))
    running = _running_lines(plan.items, days)
    if running:
        traces.append(_line(
            [[day for day, _ in line] for line in running],
            [[value for _, value in line] for line in running],
            line={"color": EXACT_COLOUR, "width": 2},
            name=_rtl(ui("running_count", language), language)))
    traces += [_points(same, qualifier, language, vertical=True,
                       x=[at[item.figure.id] for item in same],
                       y=[item.figure.value for item in same], names=names)
               for qualifier, same in _by_qualifier(plan.items)]
    first = min([*days.values(), *(start for start, _, _ in spans)])
    layout = _frame(ui("chart_series", language).format(indicator=indicator.label[language]),
                    language, height=420)
    layout.update(
        xaxis={**_date_axis(first, max(days.values()), language),
               "title": {"text": _rtl(ui("series_axis", language), language),
                         "font": {"size": 12}}},
        yaxis={**_value_axis(indicator.unit, 0, _highest(plan.items) * 1.05, reverse=False,
                             language=language),
               "side": "right" if right_to_left else "left"})
    return Chart(Kind.series, _figure(traces, layout),
                 _undated_notes(plan.others, language, names))


def sources_chart(plan: Plan, language: str, names: Names) -> Chart:
    """One row per figure (source and period), its value on the axis; bounds point their way.

    An exact value is a dot, "about" a hollow dot with the range it allows, a bound a
    triangle at the bound pointing the way of the bound, with a dashed tail to the axis edge.
    """
    items = plan.items[:MAX_ROWS]
    indicator = items[0].indicator
    right_to_left = language == "ar"
    reach = [end for item in items for end in _reach(item.figure)]
    axis = _value_axis(indicator.unit, *_padded(min(reach), max(reach), indicator.unit),
                       reverse=right_to_left, language=language)
    low, high = sorted(axis["range"])
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
                       right_to_left=right_to_left, labelled=True)
               for qualifier, same in _by_qualifier(items)]
    layout = _frame(ui("chart_sources", language).format(
        indicator=indicator.label[language], context=_context(plan.items, language, names)),
        language, height=150 + 34 * len(items))
    layout.update(
        xaxis=axis,
        yaxis={"tickmode": "array", "tickvals": list(range(len(items))),
               "ticktext": [_row_label(item, language) for item in items],
               "range": [len(items) - 0.4, -0.6], "side": "right" if right_to_left else "left",
               "automargin": True, "showgrid": False, "zeroline": False},
        # A thin rule between periods: the rows above and below it speak of different times.
        shapes=[{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": start - 0.5,
                 "y1": start - 0.5, "line": {"color": "#999", "width": 1}}
                for start in plan.breaks if start < len(items)])
    return Chart(Kind.sources, _figure(traces, layout),
                 _capped(len(items), len(plan.items), language))


def breakdown_chart(plan: Plan, language: str, names: Names) -> Chart:
    """Bars by member, largest first, in the page's language; the total a line, never a bar."""
    items = plan.items[:MAX_ROWS]
    indicator = items[0].indicator
    dimension = _bar_dimension(items[0].figure) or ""
    right_to_left = language == "ar"
    counted = [str(item.figure.breakdown[dimension]) if item.figure.breakdown else ""
               for item in items]
    labels = [_plot_text([names.member(dimension, member, language),
                          _shortened(short_source(item.source), SOURCE_WIDTH)]
                         if counted.count(member) > 1
                         else [names.member(dimension, member, language)], language)
              for member, item in zip(counted, items, strict=True)]
    highest = max([item.figure.value for item in (*items, *plan.others)])
    axis = _value_axis(indicator.unit, 0, highest * 1.15, reverse=right_to_left,
                       language=language)
    rows = {item.figure.id: row for row, item in enumerate(items)}
    traces = [_bars(same, qualifier, language, values=[item.figure.value for item in same],
                    places=[rows[item.figure.id] for item in same], horizontal=True)
              for qualifier, same in _by_qualifier(items)]
    layout = _frame(ui("chart_breakdown", language).format(
        indicator=indicator.label[language],
        dimension=_lower(names.dimension(dimension, language)),
        context=_context(plan.items, language, names, leave_out=dimension, period=True)),
        language, height=190 + 30 * len(items))
    layout.update(
        xaxis=axis, bargap=0.3,
        yaxis={"tickmode": "array", "tickvals": list(range(len(items))),
               "ticktext": labels,
               "range": [len(items) - 0.5, -0.5], "side": "right" if right_to_left else "left",
               "automargin": True, "showgrid": False})
    if plan.others:
        layout.update(_reference_lines(plan.others, language, right_to_left=right_to_left))
    return Chart(Kind.breakdown, _figure(traces, layout),
                 _capped(len(items), len(plan.items), language))


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
        yaxis={**_value_axis(whole_indicator.unit, 0, highest * 1.08, reverse=False,
                             language=language),
               "side": "right" if right_to_left else "left"})
    return Chart(Kind.part, _figure(traces, layout))


# --- Marks -------------------------------------------------------------------------------------

def _points(items: Sequence[Cited], qualifier: Qualifier, language: str, *, vertical: bool,
            x: Sequence[Any], y: Sequence[Any], right_to_left: bool = False,
            labelled: bool = False, names: Names | None = None) -> dict[str, Any]:
    """One marker per figure, shaped by its qualifier; the hover names the source."""
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
              "textposition": "top center", "textfont": {"size": 12}} if labelled else {}
    return {"type": "scatter", "x": list(x), "y": list(y),
            "mode": "markers+text" if labelled else "markers",
            "name": _legend_name(qualifier, language), "cliponaxis": False,
            "marker": {"symbol": _symbol(qualifier, increase), "size": 15 if bound else 12,
                       "color": colour, "line": {"color": colour, "width": 2}},
            "customdata": [_custom(item, language, names) for item in items],
            "hovertemplate": _hover(language), **labels, **errors}


def _bars(items: Sequence[Cited], qualifier: Qualifier | None, language: str, *,
          values: Sequence[float], places: Sequence[int], horizontal: bool,
          width: float | None = None, name: str | None = None, colour: str = EXACT_COLOUR,
          extra: Sequence[str] | None = None) -> dict[str, Any]:
    """Bars, a bound hatched and outlined; `qualifier` None styles each bar by its own."""
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
        "customdata": [_custom(item, language) for item in items],
        "hovertemplate": _hover(language)}


def _line(xs: Iterable[Sequence[Any]], ys: Iterable[Sequence[Any]],
          **style: Any) -> dict[str, Any]:
    """Segments drawn as one line trace, gaps between them; a decoration with no hover."""
    return {"type": "scatter", "mode": "lines", "x": _joined(xs), "y": _joined(ys),
            "hoverinfo": "skip", **style}


def _figure(traces: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    """The figure, built and checked by plotly once: adding traces and updating the layout
    one call at a time checked everything again on each call (a tenth of a second a chart)."""
    return go.Figure({"data": traces, "layout": layout})


def _reference_lines(totals: Sequence[Cited], language: str, *,
                     right_to_left: bool) -> dict[str, Any]:
    """A breakdown's totals as vertical lines across the bars, named once above them.

    One total is named with its source; several (sources disagree) by their range. A total
    set aside as a known error (rank: deprecated) is neither drawn nor summed up here: the
    chart's table and the citations still show it with its reason.
    """
    totals = [total for total in totals if total.figure.rank != Rank.deprecated]
    if not totals:
        return {"shapes": [], "annotations": []}
    values = sorted({total.figure.value for total in totals})
    shapes = []
    for value in values:
        bound = all(total.figure.qualifier != Qualifier.exact for total in totals
                    if total.figure.value == value)
        shapes.append({"type": "line", "x0": value, "x1": value, "yref": "paper", "y0": 0,
                       "y1": 1, "line": {"color": BOUND_COLOUR if bound else "#333",
                                         "width": 1.5, "dash": "dash" if bound else "solid"}})
    colon = " :" if language == "fr" else ":"
    if len(totals) == 1:
        source = _shortened(short_source(totals[0].source), SOURCE_WIDTH)
        said = f"{_value_text(totals[0], language)} · {_plot_text([source], language)}"
    else:
        ordered = sorted(totals, key=lambda total: total.figure.value)
        said = ui("total_range", language).format(
            low=_value_text(ordered[0], language), high=_value_text(ordered[-1], language),
            n=len(totals))
    # At the foot of the lines, where the bars (largest first) are shortest.
    label = {"x": values[0], "y": 0, "yref": "paper", "yanchor": "bottom",
             "xshift": 6 if right_to_left else -6, "showarrow": False,
             "text": _rtl(f"{ui('total', language)}{colon} {said}", language),
             "xanchor": "left" if right_to_left else "right", "font": {"size": 12},
             "bgcolor": "rgba(255,255,255,0.85)"}
    return {"shapes": shapes, "annotations": [label]}


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


def _highest(items: Sequence[Cited]) -> float:
    return max(max(_reach(item.figure)) for item in items)


def _reach(figure: Figure) -> tuple[float, float]:
    """The values the axis must show for a figure: its value, or the range "about" allows."""
    if figure.qualifier == Qualifier.approximately:
        allows = value_interval(figure.value, figure.qualifier)
        return allows.low, allows.high
    return figure.value, figure.value


def _padded(low: float, high: float, unit: Unit) -> tuple[float, float]:
    """Room either side of the values, so a bound's tail and the labels have somewhere to go."""
    pad = max((high - low) * 0.2, abs(high) * 0.03, 1.0)
    return max(low - pad, 0.0) if low >= 0 else low - pad, high + pad


def _share(part: Cited, whole: Cited, language: str) -> str:
    """The part's share of the whole ("67,6 %"), written only when both values are exact."""
    exact = {part.figure.qualifier, whole.figure.qualifier} == {Qualifier.exact}
    if not exact or whole.figure.value <= 0:
        return ""
    share = formatting.number(round(part.figure.value / whole.figure.value * 100, 1), language)
    return plotly_escape(formatting.isolate(f"{share}\u00a0%", language))


# --- Axes, text and frame ----------------------------------------------------------------------

def separators(language: str) -> str:
    """Plotly's decimal and thousands separators, as Babel writes numbers in the language."""
    locale = formatting.LOCALES[language]
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def _value_axis(unit: Unit, low: float, high: float, *, reverse: bool,
                language: str) -> dict[str, Any]:
    """A value axis in the page's numbers: whole ticks for counts, 0 to 100 for a share."""
    if unit == Unit.percent:
        low, high, step = 0.0, 100.0, 20.0
    else:
        step = _whole_step(high - low)
        low = math.floor(low / step) * step
        high = math.ceil(high / step) * step
    axis: dict[str, Any] = {
        "range": [high, low] if reverse else [low, high], "tickmode": "linear", "tick0": 0,
        "dtick": step, "exponentformat": "none", "separatethousands": True,
        "zeroline": False, "automargin": True}
    if unit == Unit.percent:
        # Every tick named, 100 % included: a share is read against the whole. (Given as a
        # list, plotly writes no suffix of its own: the texts carry it.)
        ticks = [0, 20, 40, 60, 80, 100]
        axis.update(tickmode="array", tickvals=ticks,
                    ticktext=[f"{tick}\u00a0%" for tick in ticks])
    if unit in (Unit.months, Unit.years):
        axis["title"] = {"text": UNITS[unit][language]}
    return axis


def _whole_step(span: float, ticks: int = 7) -> float:
    """A round tick step of at least 1: a count is never 0.5 of a programme."""
    raw = span / ticks
    if raw <= 1:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    return float(next(factor * magnitude for factor in (1, 2, 5, 10)
                      if factor * magnitude >= raw))


def _date_axis(first: date, last: date, language: str) -> dict[str, Any]:
    """A date axis with ticks written by Babel: years, or month and year over a short span.

    Year by year, each year is a cell between gridlines on the 1st of January with its
    label in the middle: a 2014 figure drawn at 31 December stands in the 2014 cell.
    """
    pad = timedelta(days=max((last - first).days * 0.06, 25))
    low, high = first - pad, last + pad
    axis: dict[str, Any] = {"type": "date", "automargin": True, "tickmode": "array",
                            "range": [high, low] if language == "ar" else [low, high]}
    if 3 <= high.year - low.year <= YEAR_TICKS:
        years = range(low.year, high.year + 1)
        return {**axis, "showgrid": False, "ticks": "",
                "tickvals": [f"{year}-07-01" for year in years if low <= date(year, 7, 1) <= high],
                "ticktext": [str(year) for year in years if low <= date(year, 7, 1) <= high],
                "minor": {"tickvals": [f"{year}-01-01" for year in years[1:]],
                          "showgrid": True, "ticks": ""}}
    values, texts = _date_ticks(low, high, language)
    return {**axis, "tickvals": values, "ticktext": texts}


def _date_ticks(low: date, high: date, language: str) -> tuple[list[str], list[str]]:
    """Every 2, 5, 10… years over a long span, else every month (or 2, 3, 6)."""
    years = high.year - low.year
    if years >= 3:
        step = next(step for step in (1, 2, 5, 10, 20, 25, 50, 100) if years / step <= 8)
        days = [date(year, 1, 1) for year in range(low.year + 1, high.year + 1)
                if year % step == 0]
        return [day.isoformat() for day in days], [str(day.year) for day in days]
    months = (high.year - low.year) * 12 + high.month - low.month
    step = next(step for step in (1, 2, 3, 6, 12) if months / step <= 8)
    # Months counted from year 0, so that December rolls over into the next year.
    after_low, last = low.year * 12 + low.month, high.year * 12 + high.month - 1
    days = [date(index // 12, index % 12 + 1, 1) for index in range(after_low, last + 1)
            if index % 12 % step == 0]
    locale = formatting.LOCALES[language]
    return ([day.isoformat() for day in days],
            [str(day.year) if step == 12 else format_date(day, "LLL y", locale=locale)
             for day in days])


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
        "font": {"family": _FONT}, "margin": {"l": 36, "r": 36, "t": top, "b": 10},
        # Under the title, measured from the figure's top: on a phone the legend wraps to
        # several rows and grows down, pushing the plot, never up over the title.
        "legend": {"orientation": "h", "yref": "container", "yanchor": "top",
                   "y": 1 - (22 + 22 * len(lines)) / total,
                   "x": 1 if right_to_left else 0,
                   "xanchor": "right" if right_to_left else "left"},
        "hoverlabel": {"align": "right" if right_to_left else "left"}}


def _wrapped(text: str, width: int = TITLE_WIDTH) -> list[str]:
    """Words in lines of at most `width` characters (a longer word stands alone)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _plot_text(parts: Sequence[str], language: str, separator: str = " · ") -> str:
    """Data text for plotly, escaped; in Arabic a right-to-left run whose parts (a French
    source's name, an Arabic date) each keep their own direction."""
    if language != "ar":
        return plotly_escape(separator.join(parts))
    embedded = separator.join(formatting.embed(part, language) for part in parts)
    return _rtl(plotly_escape(embedded), language)


def _rtl(text: str, language: str) -> str:
    """Text of the page's language for plotly: a right-to-left run in Arabic."""
    return f"{RLI}{text}{formatting.PDI}" if language == "ar" else text


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _lower(label: str) -> str:
    """A label inside a sentence: "demandes déposées"; "OIM" or "États-Unis" kept."""
    if len(label) > 1 and label[0].isupper() and label[1].islower() and label[0].isascii():
        return label[0].lower() + label[1:]
    return label


def _legend_name(qualifier: Qualifier, language: str) -> str:
    if qualifier in (Qualifier.exact, Qualifier.approximately):
        return _rtl(QUALIFIERS[qualifier][language], language)
    return _rtl(f"{QUALIFIERS[qualifier][language]} ({ui('bound', language)})", language)


def _value_text(item: Cited, language: str) -> str:
    return plotly_escape(formatting.value(item.figure, item.indicator.unit, language))


def _when(figure: Figure, language: str) -> str:
    """A figure's date for a hover or a note: its as-of date, else its period."""
    colon = " :" if language == "fr" else ":"
    if figure.as_of:
        return formatting.as_of(figure.as_of, language)
    return f"{ui('period', language)}{colon} {formatting.period(figure.period, language)}"


def _custom(item: Cited, language: str, names: Names | None = None) -> list[str]:
    """What a hover shows: value, qualifier in words, date (and with `names`, the campaign or
    other member), source; then the figure's id."""
    source = _shortened(short_source(item.source), 2 * SOURCE_WIDTH)
    when = [_when(item.figure, language)]
    if names is not None and item.figure.breakdown:
        when.insert(0, names.members(item.figure.breakdown_key(), language))
    return [_value_text(item, language), _rtl(QUALIFIERS[item.figure.qualifier][language],
                                              language),
            _plot_text(when, language), _plot_text([source], language), item.figure.id]


def _hover(language: str) -> str:
    colon = " :" if language == "fr" else ":"
    source = _rtl(f"{ui('source', language)}{colon} %{{customdata[3]}}", language)
    return ("<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<br>"
            f"{source}<extra></extra>")


def _row_label(item: Cited, language: str) -> str:
    """A sources chart's row: who says it, and for when."""
    parts = [_shortened(short_source(item.source), SOURCE_WIDTH)]
    if item.figure.period:
        parts.append(formatting.period(item.figure.period, language))
    if item.figure.as_of:
        parts.append(formatting.as_of(item.figure.as_of, language))
    return _plot_text(parts, language)


def _context(items: Sequence[Cited], language: str, names: Names, *,
             leave_out: str | None = None, period: bool = False) -> str:
    """What a chart's figures share, after a dash: their members (but `leave_out`), their
    as-of date, and (with `period`) their period."""
    first = items[0].figure
    parts = [names.member(dimension, member, language)
             for dimension, member in first.breakdown_key() if dimension != leave_out]
    if first.as_of and all(item.figure.as_of == first.as_of for item in items):
        parts.append(formatting.as_of(first.as_of, language))
    if period and first.period:
        parts.append(formatting.period(first.period, language))
    return f" — {', '.join(parts)}" if parts else ""


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
    colon = " :" if language == "fr" else ":"
    return (ui("undated", language), *(
        (f"{member}{colon} " if member else "") + _LIST_SEPARATORS[language].join(
            f"{value} ({_COMMAS[language].join(sources)})" for value, sources in values.items())
        for member, values in lines.items()))


def _capped(shown: int, total: int, language: str) -> tuple[str, ...]:
    if shown == total:
        return ()
    return (ui("rows_more", language).format(n=shown, total=total),)


# --- Timeline ----------------------------------------------------------------------------------

def timeline_rows(dataset: Dataset, language: str) -> list[dict[str, object]]:
    """Dated milestones and "since" years, as rows with a start, an end and a label."""
    sources = {source.id: source for source in dataset.sources}
    rows: list[dict[str, object]] = []
    for milestone in dataset.milestones:
        start, end = parse_period(milestone.date)
        first = start or end
        assert first is not None
        rows.append({
            "id": milestone.id, "label": milestone.label[language],
            "kind": MILESTONE_KINDS[milestone.kind][language],
            "symbol": KIND_SYMBOLS[milestone.kind],
            "start": first.first_day(), "end": (end or first).first_day(),
            "when": formatting.period(milestone.date, language),
            "source": short_source(sources[milestone.source]),
        })
    indicators = {indicator.id: indicator for indicator in dataset.indicators
                  if indicator.unit == Unit.year}
    for figure in figures_of(dataset.figures, indicators):
        indicator = indicators[figure.indicator]
        day = date(int(figure.value), 1, 1)
        rows.append({
            "id": figure.id, "label": indicator.label[language],
            "kind": ui("year_figure", language), "symbol": "circle-open",
            "start": day, "end": day, "when": str(int(figure.value)),
            "source": short_source(sources[figure.source]),
        })
    return sorted(rows, key=lambda row: (row["start"], str(row["id"])))  # type: ignore[arg-type]


def _label(row: dict[str, object], language: str) -> str:
    return _plot_text([str(row["label"])], language)


# A timeline label's line length: two lines hold the longest labels, and a label beside its
# marker stays within half of a phone's plot.
TIMELINE_LABEL_WIDTH = 44


def _beside(row: dict[str, object], language: str) -> str:
    """A milestone's label written beside its marker, in lines short enough to fit."""
    lines = _wrapped(str(row["label"]), TIMELINE_LABEL_WIDTH)
    return "<br>".join(_plot_text([line], language) for line in lines)


def _side(day: date, first: date, last: date, language: str) -> str:
    """Where a label goes: towards the wider side of the plot, so that it stays inside."""
    share = (day - first).days / max((last - first).days, 1)
    on_screen = 1 - share if language == "ar" else share  # Arabic time runs right to left
    return "middle right" if on_screen < 0.5 else "middle left"


def timeline_chart(rows: Sequence[dict[str, object]], language: str) -> go.Figure:
    """Milestones on a time axis, one per line, each labelled beside its marker (labels in
    a margin took two thirds of the width); periods drawn as spans."""
    labels = [_label(row, language) for row in rows]
    days = [day for row in rows for day in (row["start"], row["end"]) if isinstance(day, date)]
    first, last = (min(days), max(days)) if days else (date.today(), date.today())
    traces = [{"type": "scatter", "x": [row["start"], row["end"]], "y": [label] * 2,
               "mode": "lines", "line": {"width": 8, "color": EXACT_COLOUR},
               "showlegend": False, "hoverinfo": "skip"}
              for row, label in zip(rows, labels, strict=True) if row["end"] != row["start"]]
    for kind in dict.fromkeys(str(row["kind"]) for row in rows):
        members = [row for row in rows if row["kind"] == kind]
        traces.append({
            "type": "scatter", "x": [row["start"] for row in members],
            "y": [_label(row, language) for row in members],
            "mode": "markers+text", "name": _plot_text([kind], language),
            "text": [_beside(row, language) for row in members],
            "textposition": [_side(row["start"], first, last, language)  # type: ignore[arg-type]
                             for row in members],
            "textfont": {"size": 12, "color": "#333"}, "cliponaxis": False,
            "marker": {"size": 13, "symbol": [row["symbol"] for row in members],
                       "line": {"width": 1.5, "color": "#222"}},
            "customdata": [[_plot_text([str(row["when"])], language),
                            _plot_text([str(row["source"])], language)] for row in members],
            "hovertemplate": (f"%{{y}}<br>%{{customdata[0]}}<br>{ui('source', language)}: "
                              "%{customdata[1]}<extra></extra>")})
    return _figure(traces, {
        "height": 120 + 52 * len(rows), "font": {"family": _FONT},
        "separators": separators(language), "margin": {"l": 20, "r": 20, "t": 30, "b": 10},
        "yaxis": {"categoryorder": "array", "categoryarray": list(reversed(labels)),
                  "showticklabels": False, "showgrid": False},
        "xaxis": _date_axis(first, last, language) if days else {"type": "date"},
        "legend": {"orientation": "h", "y": -0.08},
        "hoverlabel": {"align": "right" if language == "ar" else "left"}})
