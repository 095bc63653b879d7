"""A theme's charts: each comparison drawn by the module of its kind, capped, credited."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from indicators.charts.breakdown import breakdown_chart
from indicators.charts.credit import _credited
from indicators.charts.frame import Chart
from indicators.charts.part import part_chart
from indicators.charts.plan import Kind, Plan, plan_theme
from indicators.charts.series import series_chart
from indicators.charts.sources import sources_chart
from indicators.charts.text import Names
from indicators.citations import Cited
from indicators.models import Dimension

# More charts than this and a view reads like a catalogue and paints slowly; the table holds
# every figure, and the view says how many comparisons it left out.
MAX_CHARTS = 12
# The module that draws each kind of comparison: a new kind is a module and an entry here,
# and one for where its credit line stands (indicators/charts/credit.py).
_DRAWERS: dict[Kind, Callable[[Plan, str, Names], Chart]] = {
    Kind.series: series_chart,
    Kind.sources: sources_chart,
    Kind.breakdown: breakdown_chart,
    Kind.part: part_chart,
}


@dataclass(frozen=True, slots=True)
class ThemeCharts:
    """A view's charts, its lone figures (shown as cards), and how many charts were left out."""

    charts: tuple[Chart, ...]
    cards: tuple[Cited, ...]
    not_drawn: int = 0


def theme_charts(items: Sequence[Cited], language: str, dimensions: Iterable[Dimension] = (),
                 limit: int = MAX_CHARTS, credit: str = "") -> ThemeCharts:
    """The theme's comparisons drawn (at most `limit`), and its lone figures for cards.

    Each chart carries its sources and `credit` (the dataset and its version) under its
    marks, so that its image, downloaded from the toolbar and pasted into a note, keeps them.
    """
    plans, lone = plan_theme(items)
    names = Names(dimensions)
    # Over the cap, the comparisons that tell least (the last, in reading order) give way.
    charts = tuple(_credited(draw(plan, language, names), plan, credit, language, names)
                   for plan in plans[:limit])
    return ThemeCharts(charts, tuple(lone), len(plans) - len(charts))


def draw(plan: Plan, language: str, names: Names) -> Chart:
    """The chart of one comparison."""
    return _DRAWERS[plan.kind](plan, language, names)
