"""The timeline: dated milestones and "since" years on a time axis, and in words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import plotly.graph_objects as go

from indicators import formatting
from indicators.charts.axes import _date_axis, separators
from indicators.charts.frame import _FONT, _figure
from indicators.charts.marks import EXACT_COLOUR
from indicators.charts.text import _plot_text, _wrapped
from indicators.citations import short_source
from indicators.columnar import figures_of
from indicators.labels import MILESTONE_KINDS, ui, ui_count
from indicators.models import Dataset, MilestoneKind, Unit
from indicators.periods import parse_period

KIND_SYMBOLS = {
    MilestoneKind.report: "square",
    MilestoneKind.conference: "circle",
    MilestoneKind.agreement: "diamond",
    MilestoneKind.policy: "star",
    MilestoneKind.project: "triangle-up",
}


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
            "hovertemplate": (f"%{{y}}<br>%{{customdata[0]}}<br>{ui('source', language)}"
                              f"{formatting.colon(language)} %{{customdata[1]}}<extra></extra>")})
    return _figure(traces, {
        "height": 120 + 52 * len(rows), "font": {"family": _FONT},
        "separators": separators(language), "margin": {"l": 20, "r": 20, "t": 30, "b": 10},
        "yaxis": {"categoryorder": "array", "categoryarray": list(reversed(labels)),
                  "showticklabels": False, "showgrid": False},
        "xaxis": _date_axis(first, last, language) if days else {"type": "date"},
        "legend": {"orientation": "h", "y": -0.08},
        "hoverlabel": {"align": "right" if language == "ar" else "left"}})


def timeline_alt(rows: Sequence[dict[str, object]], language: str) -> str:
    """The timeline in words: every event with its date, in order."""
    events = formatting.semicolon(language).join(f"{formatting.embed(str(row['when']), language)}"
                            f"{formatting.colon(language)} {row['label']}" for row in rows)
    return ui_count("timeline_alt", len(rows), language, events=events)
