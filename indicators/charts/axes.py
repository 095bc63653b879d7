"""Axes in the page's numbers and dates: value axes, date axes and their ticks, padding."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from babel.dates import format_date
from babel.numbers import get_decimal_symbol, get_group_symbol

from indicators import formatting
from indicators.citations import Cited
from indicators.intervals import value_interval
from indicators.labels import UNITS
from indicators.models import Figure, Qualifier, Unit

# A time axis names every year up to this many years (a label of four digits fits at 1280 px).
YEAR_TICKS = 14


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
    if unit == Unit.mad:
        # Ticks in the press's words ("80 milliards"), the currency once, as the axis title.
        levels = [low + step * index for index in range(round((high - low) / step) + 1)]
        axis.update(tickmode="array", tickvals=levels,
                    ticktext=[formatting.compact(level, language) for level in levels])
    if unit in (Unit.months, Unit.years, Unit.mad):
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


def _padded(low: float, high: float, unit: Unit) -> tuple[float, float]:
    """Room either side of the values, so a bound's tail and the labels have somewhere to go."""
    pad = max((high - low) * 0.2, abs(high) * 0.03, 1.0)
    return max(low - pad, 0.0) if low >= 0 else low - pad, high + pad


def _reach(figure: Figure) -> tuple[float, float]:
    """The values the axis must show for a figure: its value, or the range "about" allows."""
    if figure.qualifier == Qualifier.approximately:
        allows = value_interval(figure.value, figure.qualifier)
        return allows.low, allows.high
    return figure.value, figure.value


def _highest(items: Sequence[Cited]) -> float:
    return max(max(_reach(item.figure)) for item in items)
