"""Plotly figures built from cited figures: small multiples per theme, and the timeline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from indicators import formatting
from indicators.citations import Cited, short_source
from indicators.labels import MILESTONE_KINDS, QUALIFIERS, ui
from indicators.models import Dataset, MilestoneKind, Qualifier, Unit
from indicators.periods import parse_period

# Exact values are solid; a bound is hatched and outlined, so it never reads as a count.
EXACT_COLOUR = "#1f5f8b"
BOUND_COLOUR = "#c8553d"
BOUND_PATTERN = "/"
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
    """One small bar chart per indicator, each with its own scale, bounds hatched."""
    shown = charted(items)
    groups: dict[str, list[Cited]] = {}
    for item in shown:
        groups.setdefault(item.indicator.id, []).append(item)
    titles = [members[0].indicator.label[language] for members in groups.values()]
    rows = max(len(groups), 1)
    height = 130 + 190 * rows
    # About 90 px between panels leaves room for the axis ticks and the next panel's title.
    figure = make_subplots(rows=rows, cols=1, subplot_titles=titles,
                           vertical_spacing=min(90 / height, 0.3) if rows > 1 else 0.0)
    in_legend: set[Qualifier] = set()
    right_to_left = language == "ar"
    for row, members in enumerate(groups.values(), start=1):
        for item in members:
            first = item.figure.qualifier not in in_legend
            in_legend.add(item.figure.qualifier)
            figure.add_trace(_bar(item, language, show_legend=first), row=row, col=1)
        # Room past the longest bar for its label; a share is always read against 100 %.
        top = 100 if members[0].indicator.unit == Unit.percent else max(
            item.figure.value for item in members) * 1.3
        figure.update_xaxes(range=[top, 0] if right_to_left else [0, top], row=row, col=1)
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


def _bar(item: Cited, language: str, *, show_legend: bool) -> go.Bar:
    bound = item.figure.qualifier != Qualifier.exact
    qualifier_text = QUALIFIERS[item.figure.qualifier][language]
    shown_value = formatting.value(item.figure, item.indicator.unit, language)
    source = short_source(item.source, limit=28)
    return go.Bar(
        x=[item.figure.value], y=[source], orientation="h",
        name=_legend_name(item.figure.qualifier, language),
        legendgroup=item.figure.qualifier.value, showlegend=show_legend,
        text=[shown_value], textposition="outside", cliponaxis=False,
        marker={
            "color": "rgba(200,85,61,0.25)" if bound else EXACT_COLOUR,
            "line": {"color": BOUND_COLOUR if bound else EXACT_COLOUR, "width": 2},
            "pattern": {"shape": BOUND_PATTERN if bound else "", "fgcolor": BOUND_COLOUR},
        },
        customdata=[[qualifier_text, formatting.period(item.figure.period, language),
                     source, item.figure.id]],
        hovertemplate=(f"<b>{_plain(shown_value)}</b><br>%{{customdata[0]}}<br>"
                       f"{ui('period', language)}: %{{customdata[1]}}<br>"
                       f"{ui('source', language)}: %{{customdata[2]}}<extra></extra>"),
    )


def _legend_name(qualifier: Qualifier, language: str) -> str:
    if qualifier == Qualifier.exact:
        return QUALIFIERS[qualifier][language]
    return f"{QUALIFIERS[qualifier][language]} ({ui('bound', language)})"


def _plain(text: str) -> str:
    # Plotly hover text is HTML-like: data never carries markup, but escape to be sure.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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


def timeline_chart(rows: Sequence[dict[str, object]], language: str) -> go.Figure:
    """Milestones on a time axis, one per line; periods drawn as spans."""
    figure = go.Figure()
    labels = [str(row["label"]) for row in rows]
    for row in rows:
        if row["end"] != row["start"]:
            figure.add_trace(go.Scatter(
                x=[row["start"], row["end"]], y=[row["label"]] * 2, mode="lines",
                line={"width": 8, "color": EXACT_COLOUR}, showlegend=False, hoverinfo="skip"))
    kinds = list(dict.fromkeys(str(row["kind"]) for row in rows))
    for kind in kinds:
        members = [row for row in rows if row["kind"] == kind]
        figure.add_trace(go.Scatter(
            x=[row["start"] for row in members], y=[row["label"] for row in members],
            mode="markers", name=kind,
            marker={"size": 13, "symbol": [row["symbol"] for row in members],
                    "line": {"width": 1.5, "color": "#222"}},
            customdata=[[row["when"], row["source"]] for row in members],
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
