"""Axes in the page's numbers and dates: value axes, date axes and their ticks, padding."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from babel.dates import format_date
from babel.numbers import get_decimal_symbol, get_group_symbol

from indicators import formatting
from indicators.charts.text import NOTE_WIDTH, _wrapped
from indicators.intervals import value_interval
from indicators.labels import UNITS, ui
from indicators.models import Figure, Qualifier, Unit

# A time axis names every year up to this many years, every other year up to twice as many:
# a phone's plot of 220 to 290 px holds six labels of four digits with room between them
# (eight ran together as "20182019" beside a log scale's title).
YEAR_TICKS = 6
# Month labels ("janv. 2017") are three times as wide: at most this many of them.
MONTH_TICKS = 4


def separators(language: str) -> str:
    """Plotly's decimal and thousands separators, as Babel writes numbers in the language."""
    locale = formatting.LOCALES[language]
    return get_decimal_symbol(locale) + get_group_symbol(locale)


# A value axis names at most this many intervals: on a phone a row chart's plot is about
# 200 px wide, and seven numbers of six digits were drawn vertical and piled up.
VALUE_INTERVALS = 4
# Longer tick texts ("120 milliards") get half as many intervals.
LONG_TICK = 7
# Points or lines whose values are this many times apart and more are drawn on a log scale
# (with a note that says so): on a linear axis 97 and 29 715 leave the small ones at zero.
LOG_RATIO = 100
# A share whose axis would end above this is read against 100 %.
NEAR_WHOLE = 80.0
# Room beyond the largest bar for its value written outside it, as a share of the axis.
BAR_ROOM = 0.25


@dataclass(frozen=True, slots=True)
class Fit:
    """A value axis sized to its data: its ends in the data's units, and whether it is a log
    scale."""

    low: float
    high: float
    log: bool = False


def fit(values: Sequence[float], unit: Unit, *, bars: bool) -> Fit:
    """The axis the values need.

    Bars start at zero (a bar's length is its value), the largest with room for its text.
    Points and lines start at zero too, so that two equal values never sit on a 34-38 axis
    that makes them look measured apart; where they differ by LOG_RATIO or more (and all
    are positive) they go on a log scale. A share never runs past 100 %.
    """
    low, high = min(min(values), 0.0), max(max(values), 0.0)
    if not bars and min(values) > 0 and high / min(values) >= LOG_RATIO:
        return Fit(min(values) / 1.6, high * 1.6, log=True)
    top = high * (1 + BAR_ROOM) if bars else high * 1.1
    if unit == Unit.percent and high <= 100 and top > NEAR_WHOLE:
        top = 100.0  # a share near the whole is read against it
    return Fit(low * 1.1, top or 1.0)


def _value_axis(unit: Unit, fitted: Fit, *, reverse: bool, language: str) -> dict[str, Any]:
    """A value axis in the page's numbers, horizontal labels, at most VALUE_INTERVALS of them:
    whole steps for counts, the suffix of a share, the press's words for dirhams."""
    if fitted.log:
        return _log_axis(unit, fitted, reverse=reverse, language=language)
    intervals = VALUE_INTERVALS if unit != Unit.mad else VALUE_INTERVALS // 2
    # The axis ends where the data needs (ticks inside it): ends rounded up to a tick left
    # 28 400 on an axis to 40 000, a third of the plot empty.
    low, high = fitted.low, fitted.high
    step = _step(low, high, intervals, whole=unit != Unit.percent)
    axis: dict[str, Any] = {
        "range": [high, low] if reverse else [low, high], "tickmode": "linear", "tick0": 0,
        "dtick": step, "exponentformat": "none", "separatethousands": True,
        "zeroline": False, "automargin": True, "tickangle": 0}
    if unit == Unit.percent:
        axis["ticksuffix"] = "\u00a0%"
    if unit == Unit.mad:
        # Ticks in the press's words ("80 milliards"), the currency once, as the axis title.
        levels = [step * index for index in range(math.ceil(low / step - 1e-9),
                                                  math.floor(high / step + 1e-9) + 1)]
        axis.update(tickmode="array", tickvals=levels,
                    ticktext=[formatting.compact(level, language) for level in levels])
    if unit in (Unit.months, Unit.years, Unit.mad):
        axis["title"] = {"text": UNITS[unit][language]}
    return axis


def _log_axis(unit: Unit, fitted: Fit, *, reverse: bool, language: str) -> dict[str, Any]:
    """A log scale, a tick at each power of ten written in full ("10 000", never "10k"),
    its title saying that it is one."""
    ends = [math.log10(fitted.low), math.log10(fitted.high)]
    powers = [10.0 ** power for power in range(math.ceil(ends[0]), math.floor(ends[1]) + 1)]
    texts = [formatting.compact(power, language) if unit == Unit.mad
             else formatting.number(power, language) for power in powers]
    if unit == Unit.percent:
        texts = [f"{text}\u00a0%" for text in texts]
    return {"type": "log", "range": ends[::-1] if reverse else ends, "tickmode": "array",
            "tickvals": powers, "ticktext": texts, "automargin": True, "tickangle": 0,
            "zeroline": False,
            "title": {"text": "<br>".join(_wrapped(ui("log_scale", language), NOTE_WIDTH)),
                      "font": {"size": 11}}}


def _step(low: float, high: float, intervals: int, *, whole: bool) -> float:
    """The roundest step (1, 2, 2.5, 5 times a power of ten) that names at most `intervals`
    intervals between low and high; whole for a count, which is never 0.5 of a programme."""
    span = max(high - low, 1e-9)
    magnitude = 10 ** math.floor(math.log10(span / intervals))
    for step in (factor * magnitude for factor in (1, 2, 2.5, 5, 10, 20)):
        if whole and not float(step).is_integer():
            continue
        if math.floor(high / step + 1e-9) - math.ceil(low / step - 1e-9) <= intervals:
            return float(step)
    return float(20 * magnitude)


def _date_axis(first: date, last: date, language: str) -> dict[str, Any]:
    """A date axis with ticks written by Babel: years, or month and year over a short span.

    Year by year, each year is a cell between gridlines on the 1st of January with its
    label in the middle: a 2014 figure drawn at 31 December stands in the 2014 cell.
    """
    pad = timedelta(days=max((last - first).days * 0.06, 25))
    low, high = first - pad, last + pad
    axis: dict[str, Any] = {"type": "date", "automargin": True, "tickmode": "array",
                            "range": [high, low] if language == "ar" else [low, high]}
    if 3 <= high.year - low.year <= 2 * YEAR_TICKS:
        years = [year for year in range(low.year, high.year + 1) if low <= date(year, 7, 1) <= high]
        every = 1 if len(years) <= YEAR_TICKS else 2
        return {**axis, "showgrid": False, "ticks": "", "tickangle": 0,
                "tickvals": [f"{year}-07-01" for year in years],
                "ticktext": [str(year) if (year - years[-1]) % every == 0 else ""
                             for year in years],
                "minor": {"tickvals": [f"{year}-01-01" for year in range(low.year + 1,
                                                                          high.year + 1)],
                          "showgrid": True, "ticks": ""}}
    values, texts = _date_ticks(low, high, language)
    return {**axis, "tickvals": values, "ticktext": texts, "tickangle": 0}


def _date_ticks(low: date, high: date, language: str) -> tuple[list[str], list[str]]:
    """Every 2, 5, 10… years over a long span, else every month (or 2, 3, 6)."""
    years = high.year - low.year
    if years >= 3:
        step = next(step for step in (1, 2, 5, 10, 20, 25, 50, 100)
                    if years / step <= YEAR_TICKS - 2)
        days = [date(year, 1, 1) for year in range(low.year + 1, high.year + 1)
                if year % step == 0]
        return [day.isoformat() for day in days], [str(day.year) for day in days]
    months = (high.year - low.year) * 12 + high.month - low.month
    step = next(step for step in (1, 2, 3, 6, 12) if months / step < MONTH_TICKS)
    # Months counted from year 0, so that December rolls over into the next year.
    after_low, last = low.year * 12 + low.month, high.year * 12 + high.month - 1
    days = [date(index // 12, index % 12 + 1, 1) for index in range(after_low, last + 1)
            if index % 12 % step == 0]
    locale = formatting.LOCALES[language]
    return ([day.isoformat() for day in days],
            [str(day.year) if step == 12 else format_date(day, "LLL y", locale=locale)
             for day in days])


def _reach(figure: Figure) -> tuple[float, float]:
    """The values the axis must show for a figure: its value, or the range "about" allows."""
    if figure.qualifier == Qualifier.approximately:
        allows = value_interval(figure.value, figure.qualifier)
        return allows.low, allows.high
    return figure.value, figure.value
