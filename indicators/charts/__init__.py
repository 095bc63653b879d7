"""Plotly figures that compare what compares: series, sources, breakdowns, parts; the timeline."""

# The package's names, where the page and the tests have always found them.
from indicators.charts.axes import YEAR_TICKS, separators
from indicators.charts.breakdown import breakdown_chart
from indicators.charts.credit import ALT_VALUES, CREDIT_WIDTH, CREDITED_SOURCES, chart_alt
from indicators.charts.frame import Chart
from indicators.charts.marks import (
    BOUND_COLOUR,
    BOUND_PATTERN,
    DODGE,
    EXACT_COLOUR,
    LOWER_BOUNDS,
    SPAN_COLOUR,
    UPPER_BOUNDS,
    WHOLE_COLOUR,
)
from indicators.charts.part import part_chart
from indicators.charts.plan import (
    MAX_ROWS,
    TIME_DIMENSIONS,
    VALUE_UNITS,
    Kind,
    Moment,
    Plan,
    plan_theme,
)
from indicators.charts.series import series_chart
from indicators.charts.sources import sources_chart
from indicators.charts.text import RLI, SOURCE_WIDTH, TITLE_WIDTH, Names
from indicators.charts.theme import MAX_CHARTS, ThemeCharts, draw, theme_charts
from indicators.charts.timeline import (
    KIND_SYMBOLS,
    TIMELINE_LABEL_WIDTH,
    timeline_alt,
    timeline_chart,
    timeline_rows,
)

__all__ = [
    "ALT_VALUES",
    "BOUND_COLOUR",
    "BOUND_PATTERN",
    "CREDITED_SOURCES",
    "CREDIT_WIDTH",
    "DODGE",
    "EXACT_COLOUR",
    "KIND_SYMBOLS",
    "LOWER_BOUNDS",
    "MAX_CHARTS",
    "MAX_ROWS",
    "RLI",
    "SOURCE_WIDTH",
    "SPAN_COLOUR",
    "TIMELINE_LABEL_WIDTH",
    "TIME_DIMENSIONS",
    "TITLE_WIDTH",
    "UPPER_BOUNDS",
    "VALUE_UNITS",
    "WHOLE_COLOUR",
    "YEAR_TICKS",
    "Chart",
    "Kind",
    "Moment",
    "Names",
    "Plan",
    "ThemeCharts",
    "breakdown_chart",
    "chart_alt",
    "draw",
    "part_chart",
    "plan_theme",
    "separators",
    "series_chart",
    "sources_chart",
    "theme_charts",
    "timeline_alt",
    "timeline_chart",
    "timeline_rows",
]
