"""The timeline: dated milestones and "since" years on a time axis, and in words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

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


# A timeline label's line length where its marker stands mid-axis: on the wider side, half
# of a phone's plot (about 160 px of 12 px text). A marker nearer an edge has more room on
# its far side, up to PLOT_CHARACTERS (a phone's plot of about 320 px).
TIMELINE_LABEL_WIDTH = 24
PLOT_CHARACTERS = 48
# A stretch without events longer than this share of the whole is cut out of the time axis,
# with a mark and a note that say so: one event of 1951 squeezed the twelve of 2004-2025
# into the right edge of a 1950-2025 axis.
BREAK_SHARE = 0.5
# A cut is made only for this many events or more: three events spread out need all their room.
BREAK_EVENTS = 6
# A row of the timeline: its label's lines (15 px each) and a gap to the next (pixels).
LINE_PITCH, ROW_GAP = 15, 14


def _beside(row: dict[str, object], share: float, language: str) -> str:
    """A milestone's label written beside its marker, in lines short enough for the room on
    its wider side (`share`: where the marker stands, 0 to 1 along the axis)."""
    room = max(TIMELINE_LABEL_WIDTH, int(PLOT_CHARACTERS * max(share, 1 - share)) - 4)
    # Arabic letters join and run narrower: as many pixels hold a fifth more of them.
    lines = _wrapped(str(row["label"]), room * 6 // 5 if language == "ar" else room)
    return "<br>".join(_plot_text([line], language) for line in lines)


def _share(day: date, first: date, last: date) -> float:
    return (day - first).days / max((last - first).days, 1)


def _side(share: float, language: str) -> str:
    """Where a label goes: towards the wider side of the plot, so that it stays inside."""
    on_screen = 1 - share if language == "ar" else share  # Arabic time runs right to left
    return "middle right" if on_screen < 0.5 else "middle left"


def timeline_chart(rows: Sequence[dict[str, object]], language: str) -> go.Figure:
    """Milestones on a time axis, one per line, each labelled beside its marker (labels in
    a margin took two thirds of the width); periods drawn as spans. Where most of the span
    holds no event, the axis is cut there and each label's side is chosen on the cut axis."""
    days = [day for row in rows for day in (row["start"], row["end"]) if isinstance(day, date)]
    first, last = (min(days), max(days)) if days else (date.today(), date.today())
    gap = _gap(days)
    axis = _broken_axis(days, gap, language) if gap else _date_axis(first, last, language)
    drawn_span = (last - first) - ((gap[1] - gap[0]) if gap else timedelta(0))
    shares = {str(row["id"]): _share(_on_axis(row["start"], gap),  # type: ignore[arg-type]
                                     first, first + drawn_span) for row in rows}
    texts = {key: _beside(row, shares[key], language)
             for key, row in zip(shares, rows, strict=True)}
    places, total = _places([texts[str(row["id"])] for row in rows])
    at = {str(row["id"]): place for row, place in zip(rows, places, strict=True)}
    traces = [{"type": "scatter", "x": [row["start"], row["end"]],
               "y": [at[str(row["id"])]] * 2,
               "mode": "lines", "line": {"width": 8, "color": EXACT_COLOUR},
               "showlegend": False, "hoverinfo": "skip"}
              for row in rows if row["end"] != row["start"]]
    for kind in dict.fromkeys(str(row["kind"]) for row in rows):
        members = [row for row in rows if row["kind"] == kind]
        traces.append({
            "type": "scatter", "x": [row["start"] for row in members],
            "y": [at[str(row["id"])] for row in members],
            "mode": "markers+text", "name": _plot_text([kind], language),
            "text": [texts[str(row["id"])] for row in members],
            "textposition": [_side(shares[str(row["id"])], language) for row in members],
            "textfont": {"size": 12, "color": "#333"}, "cliponaxis": False,
            "marker": {"size": 13, "symbol": [row["symbol"] for row in members],
                       "line": {"width": 1.5, "color": "#222"}},
            "customdata": [[_plot_text([str(row["when"])], language),
                            _plot_text([str(row["source"])], language), _label(row, language)]
                           for row in members],
            "hovertemplate": (f"%{{customdata[2]}}<br>%{{customdata[0]}}<br>"
                              f"{ui('source', language)}{formatting.colon(language)} "
                              "%{customdata[1]}<extra></extra>")})
    layout: dict[str, Any] = {
        "height": 120 + total, "font": {"family": _FONT},
        "separators": separators(language), "margin": {"l": 20, "r": 20, "t": 30, "b": 10},
        "yaxis": {"range": [total, 0], "showticklabels": False, "showgrid": False,
                  "zeroline": False},
        "xaxis": axis if days else {"type": "date"},
        "legend": {"orientation": "h", "y": -90 / max(total, 1),
                   "yanchor": "top"},
        "hoverlabel": {"align": "right" if language == "ar" else "left"}}
    if gap:
        # The cut, marked on the axis line where the two stretches meet, above the years.
        layout["annotations"] = [{"x": gap[0].isoformat(), "y": 0, "yref": "paper",
                                  "text": "⫽", "showarrow": False, "font": {"size": 18},
                                  "bgcolor": "white", "xanchor": "center",
                                  "yanchor": "bottom", "yshift": -6}]
    return _figure(traces, layout)


def _places(texts: Sequence[str]) -> tuple[list[float], float]:
    """Each row's middle, from the top, in pixels of the plot, and all rows' height: a row
    as tall as its label's lines. Rows of one height had to be as tall as the longest
    label (six lines), and left short labels far apart."""
    places, top = [], 0.0
    for text in texts:
        height = LINE_PITCH * (text.count("<br>") + 1) + ROW_GAP
        places.append(top + height / 2)
        top += height
    return places, top


def _gap(days: Sequence[date]) -> tuple[date, date] | None:
    """The days a cut axis leaves out (a margin kept either side of the events), if the
    longest stretch without events is most of the whole span."""
    ordered = sorted(set(days))
    if len(ordered) < BREAK_EVENTS:
        return None
    length, before, after = max((after - before, before, after)
                                for before, after in pairwise(ordered))
    if length <= BREAK_SHARE * (ordered[-1] - ordered[0]):
        return None
    margin = timedelta(days=max(((ordered[-1] - ordered[0]) - length).days * 0.06, 180))
    return before + margin, after - margin


def _on_axis(day: date, gap: tuple[date, date] | None) -> date:
    """Where a day stands once the cut is taken out: later days move back by its length."""
    return day - (gap[1] - gap[0]) if gap and day >= gap[1] else day


def _broken_axis(days: Sequence[date], gap: tuple[date, date],
                 language: str) -> dict[str, Any]:
    """The time axis without the gap: the ticks of the stretch with most events, a tick at
    each year of the other, the cut left out and said under the axis."""
    before = [day for day in days if day < gap[0]]
    after = [day for day in days if day > gap[1]]
    many, few = (after, before) if len(after) >= len(before) else (before, after)
    axis = _date_axis(min(many), max(many), language)
    years = sorted({day.year for day in few})
    # The few events' stretch, with a little room on their outer side.
    room = timedelta(days=365)
    low = min(min(axis["range"]), min(few) - room)
    high = max(max(axis["range"]), max(few) + room)
    note = ui("axis_broken", language).format(start=gap[0].year, end=gap[1].year)
    return {**axis,
            "range": [high, low] if language == "ar" else [low, high],
            "rangebreaks": [{"bounds": [gap[0].isoformat(), gap[1].isoformat()]}],
            "tickvals": [*(f"{year}-07-01" for year in years), *axis["tickvals"]],
            "ticktext": [*(str(year) for year in years), *axis["ticktext"]],
            "title": {"text": _plot_text([note], language), "font": {"size": 11}}}


def timeline_alt(rows: Sequence[dict[str, object]], language: str) -> str:
    """The timeline in words: every event with its date, in order."""
    events = formatting.semicolon(language).join(f"{formatting.embed(str(row['when']), language)}"
                            f"{formatting.colon(language)} {row['label']}" for row in rows)
    return ui_count("timeline_alt", len(rows), language, events=events)
