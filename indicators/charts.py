"""Plotly figures built from cited figures: small multiples per theme, and the timeline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from indicators import formatting
from indicators.citations import Cited, short_source
from indicators.labels import MILESTONE_KINDS, QUALIFIERS, ui
from indicators.models import Dataset, MilestoneKind, Qualifier, Unit
from indicators.periods import parse_period, start_of
from indicators.text import plotly_escape

# Exact values are solid; a bound is hatched and outlined, so it never reads as a count.
EXACT_COLOUR = "#1f5f8b"
BOUND_COLOUR = "#c8553d"
BOUND_PATTERN = "/"
# An indicator with this many dated figures is drawn as a series over time.
SERIES_MIN = 3
# Calendar years are drawn on the timeline, not as bars of length 2004.
BAR_UNITS = (Unit.count, Unit.percent, Unit.months, Unit.years)
KIND_SYMBOLS = {
    MilestoneKind.report: "square",
    MilestoneKind.conference: "circle",
    MilestoneKind.agreement: "diamond",
    MilestoneKind.policy: "star",
    MilestoneKind.project: "triangle-up",
}
_FONT = "Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif"


def charted(items: Sequence[Cited]) -> list[Cited]:
    """The figures a bar chart can show (not calendar years)."""
    return [item for item in items if item.indicator.unit in BAR_UNITS]


def theme_chart(items: Sequence[Cited], language: str) -> go.Figure:
    """One small bar chart per indicator, each on its own scale, bounds hatched.

    An indicator with a dated series is drawn over time; a few figures without dates are
    drawn one bar per source. Each panel holds one trace per qualifier, however many
    figures it shows, so the figure stays light at thousands of figures.
    """
    groups: dict[str, list[Cited]] = {}
    for item in charted(items):
        groups.setdefault(item.indicator.id, []).append(item)
    titles = [plotly_escape(members[0].indicator.label[language]) for members in groups.values()]
    rows = max(len(groups), 1)
    height = 130 + 190 * rows
    # About 90 px between panels leaves room for the axis ticks and the next panel's title.
    figure = make_subplots(rows=rows, cols=1, subplot_titles=titles,
                           vertical_spacing=min(90 / height, 0.3) if rows > 1 else 0.0)
    in_legend: set[Qualifier] = set()
    right_to_left = language == "ar"
    for row, members in enumerate(groups.values(), start=1):
        over_time = _is_series(members)
        for qualifier in dict.fromkeys(item.figure.qualifier for item in members):
            same = [item for item in members if item.figure.qualifier == qualifier]
            figure.add_trace(_bars(same, qualifier, language, over_time=over_time,
                                   show_legend=qualifier not in in_legend), row=row, col=1)
            in_legend.add(qualifier)
        _scale(figure, members, row, over_time=over_time, right_to_left=right_to_left)
    figure.update_layout(
        height=height, bargap=0.35, font={"family": _FONT},
        margin={"l": 10, "r": 10, "t": 100, "b": 10},
        # Above the first panel, where it cannot cover an axis.
        legend={"orientation": "h", "yanchor": "bottom", "y": 1 + 55 / height,
                "title": {"text": ui("qualifier", language)}},
        hoverlabel={"align": "right" if right_to_left else "left"},
    )
    figure.update_yaxes(side="right" if right_to_left else "left")
    return figure


def _is_series(members: Sequence[Cited]) -> bool:
    return len(members) >= SERIES_MIN and all(
        item.figure.period and start_of(item.figure.period) for item in members)


def _scale(figure: go.Figure, members: Sequence[Cited], row: int, *, over_time: bool,
           right_to_left: bool) -> None:
    # Room past the longest bar for its label; a share is always read against 100 %.
    top = 100 if members[0].indicator.unit == Unit.percent else max(
        item.figure.value for item in members) * 1.3
    if over_time:
        figure.update_yaxes(range=[0, top], row=row, col=1)
        if right_to_left:
            figure.update_xaxes(autorange="reversed", row=row, col=1)
    else:
        figure.update_xaxes(range=[top, 0] if right_to_left else [0, top], row=row, col=1)


def _bars(items: Sequence[Cited], qualifier: Qualifier, language: str, *, over_time: bool,
          show_legend: bool) -> go.Bar:
    bound = qualifier != Qualifier.exact
    values = [item.figure.value for item in items]
    shown = [plotly_escape(formatting.value(item.figure, item.indicator.unit, language))
             for item in items]
    sources = [plotly_escape(short_source(item.source, limit=28)) for item in items]
    periods = [plotly_escape(formatting.period(item.figure.period, language)) for item in items]
    if over_time:
        places: dict[str, Any] = {"x": [start_of(str(item.figure.period)) for item in items],
                                  "y": values}
    else:
        labels = [f"{source} · {period}" if item.figure.period else source
                  for item, source, period in zip(items, sources, periods, strict=True)]
        places = {"x": values, "y": labels, "orientation": "h", "text": shown,
                  "textposition": "outside", "cliponaxis": False}
    return go.Bar(
        **places,
        name=_legend_name(qualifier, language), legendgroup=qualifier.value,
        showlegend=show_legend,
        marker={
            "color": "rgba(200,85,61,0.25)" if bound else EXACT_COLOUR,
            "line": {"color": BOUND_COLOUR if bound else EXACT_COLOUR, "width": 2},
            "pattern": {"shape": BOUND_PATTERN if bound else "", "fgcolor": BOUND_COLOUR},
        },
        customdata=[[QUALIFIERS[qualifier][language], period, source, item.figure.id, value]
                    for item, period, source, value in zip(items, periods, sources, shown,
                                                           strict=True)],
        hovertemplate=("<b>%{customdata[4]}</b><br>%{customdata[0]}<br>"
                       f"{ui('period', language)}: %{{customdata[1]}}<br>"
                       f"{ui('source', language)}: %{{customdata[2]}}<extra></extra>"),
    )


def _legend_name(qualifier: Qualifier, language: str) -> str:
    if qualifier == Qualifier.exact:
        return QUALIFIERS[qualifier][language]
    return f"{QUALIFIERS[qualifier][language]} ({ui('bound', language)})"


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
    indicators = {indicator.id: indicator for indicator in dataset.indicators}
    for figure in dataset.figures:
        indicator = indicators[figure.indicator]
        if indicator.unit != Unit.year:
            continue
        day = date(int(figure.value), 1, 1)
        rows.append({
            "id": figure.id, "label": indicator.label[language],
            "kind": ui("year_figure", language), "symbol": "circle-open",
            "start": day, "end": day, "when": str(int(figure.value)),
            "source": short_source(sources[figure.source]),
        })
    return sorted(rows, key=lambda row: (row["start"], str(row["id"])))  # type: ignore[arg-type]


def _label(row: dict[str, object]) -> str:
    return plotly_escape(str(row["label"]))


def timeline_chart(rows: Sequence[dict[str, object]], language: str) -> go.Figure:
    """Milestones on a time axis, one per line; periods drawn as spans."""
    figure = go.Figure()
    labels = [_label(row) for row in rows]
    for row in rows:
        if row["end"] != row["start"]:
            figure.add_trace(go.Scatter(
                x=[row["start"], row["end"]], y=[_label(row)] * 2, mode="lines",
                line={"width": 8, "color": EXACT_COLOUR}, showlegend=False, hoverinfo="skip"))
    kinds = list(dict.fromkeys(str(row["kind"]) for row in rows))
    for kind in kinds:
        members = [row for row in rows if row["kind"] == kind]
        figure.add_trace(go.Scatter(
            x=[row["start"] for row in members], y=[_label(row) for row in members],
            mode="markers", name=kind,
            marker={"size": 13, "symbol": [row["symbol"] for row in members],
                    "line": {"width": 1.5, "color": "#222"}},
            customdata=[[plotly_escape(str(row["when"])), plotly_escape(str(row["source"]))]
                        for row in members],
            hovertemplate=(f"%{{y}}<br>%{{customdata[0]}}<br>{ui('source', language)}: "
                           "%{customdata[1]}<extra></extra>"),
        ))
    figure.update_layout(
        height=120 + 38 * len(rows), font={"family": _FONT},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(labels)),
               "side": "right" if language == "ar" else "left"},
        xaxis={"type": "date", "autorange": "reversed" if language == "ar" else True},
        legend={"orientation": "h", "y": -0.08},
    )
    return figure
