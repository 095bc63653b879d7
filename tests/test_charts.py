"""Chart builders: what gets a chart and what a card, the marks, the axes, right to left."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import plotly.graph_objects as go
import pytest

from indicators.charts import (
    BOUND_PATTERN,
    MAX_CHARTS,
    RLI,
    Kind,
    ThemeCharts,
    plan_theme,
    separators,
    theme_charts,
    timeline_chart,
    timeline_rows,
)
from indicators.charts.axes import VALUE_INTERVALS, fit
from indicators.charts.text import ROW_WIDTH, _broken
from indicators.citations import Cited, cited_figures
from indicators.formatting import number
from indicators.models import Dataset, Unit
from loaders import load_path, load_text
from tests.conftest import DATA, themes_of

SOURCES = ("gov", "alpha", "beta", "gamma", "delta")
INDICATORS = {
    "regularisation_applications_filed": ("regularisation", "count", "Demandes déposées"),
    "regularisation_applications_approved": ("regularisation", "count",
                                             "Demandes approuvées"),
    "regularisation_approval_rate": ("regularisation", "percent", "Taux d'approbation"),
    "voluntary_return_migrants": ("voluntary_return", "count", "Migrants aidés au retour"),
    "voluntary_return_start_year": ("voluntary_return", "year", "Début du programme"),
    "iom_agreement_programmes": ("international_cooperation", "count", "Programmes"),
}
PHRASES = {"exact": "", "more_than": "plus de ", "approximately": "environ ",
           "at_least": "au moins ", "less_than": "moins de "}


def _dataset(*figures: str, label: str | None = None) -> Dataset:
    """A dataset of five sources, two campaigns and the INDICATORS, with these figures."""
    sources = "".join(f"  - id: {name}\n    title: Titre {name}\n"
                      f"    publisher: {name.capitalize()}\n    language: fr\n"
                      for name in SOURCES)
    indicators = "".join(
        f"  - id: {name}\n    theme: {theme}\n    unit: {unit}\n"
        f"    label: {{fr: \"{label or text}\", ar: \"{label or text} (ar)\", "
        f"en: \"{label or text} (en)\"}}\n"
        "    definition: {fr: D, ar: D, en: D}\n"
        for name, (theme, unit, text) in INDICATORS.items())
    text = ("schema_version: 1\nsources:\n" + sources
            + "dimensions:\n  - id: campaign\n    label: {fr: Campagne, ar: الحملة, en: Campaign}\n"
              "    members:\n"
              "      - id: \"2014\"\n        label: {fr: Première campagne, ar: الحملة الأولى,"
              " en: First campaign}\n"
              "      - id: \"2016\"\n        label: {fr: Deuxième campagne, ar: الحملة الثانية,"
              " en: Second campaign}\n"
            + "indicators:\n" + indicators + "figures:\n" + "".join(figures)
            + themes_of(*(theme for theme, _, _ in INDICATORS.values())))
    return load_text(text, "data.yaml").dataset


def _figure(figure_id: str, indicator: str, value: float, source: str = "alpha",
            qualifier: str = "exact", **fields: str) -> str:
    """A figure whose quote writes its value ("plus de 24 000 demandes")."""
    written = (f"{value:,}".replace(",", " ") if isinstance(value, int)
               else str(value).replace(".", ","))
    lines = [f"  - id: {figure_id}", f"    indicator: {indicator}", f"    value: {value}",
             f"    qualifier: {qualifier}", f"    source: {source}",
             f'    quote: "{PHRASES[qualifier]}{written} demandes"']
    lines += [f"    {name}: {text}" for name, text in fields.items()]
    return "\n".join(lines) + "\n"


FILED = "regularisation_applications_filed"
APPROVED = "regularisation_applications_approved"
RATE = "regularisation_approval_rate"
RETURNS = "voluntary_return_migrants"
FIRST = "{campaign: '2014'}"
SECOND = "{campaign: '2016'}"


def _charts(dataset: Dataset, language: str = "fr", theme: str = "regularisation",
            limit: int = MAX_CHARTS) -> ThemeCharts:
    items = [item for item in cited_figures(dataset) if item.indicator.theme == theme]
    return theme_charts(items, language, dataset.dimensions, limit=limit)


def _only(drawn: ThemeCharts, kind: Kind) -> go.Figure:
    figures = [chart.figure for chart in drawn.charts if chart.kind == kind]
    assert len(figures) == 1, [chart.kind for chart in drawn.charts]
    return figures[0]


def _marks(figure: go.Figure) -> list[Any]:
    """The traces that draw figures (not spans, tails or lines between them)."""
    return [trace for trace in figure.data if trace.hoverinfo != "skip"]


def _points(trace: Any) -> list[tuple[Any, Any, str]]:
    """(x, y, figure id) of each mark of a trace."""
    return [(x, y, data[4]) for x, y, data in zip(trace.x, trace.y, trace.customdata,
                                                  strict=True)]


# --- What each source says -------------------------------------------------------------------

# Three outlets on the first campaign's applications: two counts and a bound.
OUTLETS = (
    _figure("filed-alpha", FILED, 27649, "alpha", breakdown=FIRST),
    _figure("filed-beta", FILED, 27449, "beta", breakdown=FIRST),
    _figure("filed-gamma", FILED, 24000, "gamma", "more_than", breakdown=FIRST),
)
# The second campaign: running counts at two dates, a bound, a final total, one undated.
CAMPAIGN = (
    _figure("count-march", FILED, 18281, "alpha", breakdown=SECOND, as_of="2017-03-08"),
    _figure("count-march-bound", FILED, 18000, "beta", "more_than", breakdown=SECOND,
            as_of="2017-03"),
    _figure("count-november", FILED, 25690, "gamma", breakdown=SECOND, as_of="2017-11-22"),
    _figure("final", FILED, 28400, "gov", breakdown=SECOND, period="2016-12-15/2017-12-31"),
    _figure("undated", FILED, 26000, "delta", breakdown=SECOND),
)


@pytest.fixture(scope="module")
def outlets() -> Dataset:
    return _dataset(*OUTLETS)


def test_disagreeing_outlets_are_one_row_each_on_one_axis(outlets: Dataset) -> None:
    drawn = _charts(outlets)
    assert [chart.kind for chart in drawn.charts] == [Kind.sources]
    assert drawn.cards == ()
    figure = drawn.charts[0].figure
    # Broken over lines short enough for a phone's screen.
    assert figure.layout.title.text == (
        "Demandes déposées — Première campagne\u202f: ce<br>que dit chaque source")
    assert list(figure.layout.yaxis.ticktext) == ["Alpha", "Beta", "Gamma"]
    rows = {figure_id: (x, y) for trace in _marks(figure) for x, y, figure_id in _points(trace)}
    assert rows == {"filed-alpha": (27649, 0), "filed-beta": (27449, 1),
                    "filed-gamma": (24000, 2)}


@pytest.mark.parametrize(("language", "symbol"),
                         [("fr", "triangle-right"), ("ar", "triangle-left")])
def test_a_lower_bound_points_towards_larger_values(outlets: Dataset, language: str,
                                                    symbol: str) -> None:
    figure = _only(_charts(outlets, language), Kind.sources)
    bound = next(trace for trace in _marks(figure) if trace.marker.symbol != "circle")
    assert bound.marker.symbol == symbol
    assert bound.marker.color != next(
        trace for trace in _marks(figure) if trace.marker.symbol == "circle").marker.color
    assert bound.name.strip(RLI + "\u2069") == {"fr": "plus de (borne)",
                                                "ar": "أكثر من (حد أدنى أو أعلى)"}[language]
    tail = next(trace for trace in figure.data if trace.hoverinfo == "skip")
    # The dashed tail runs from the bound to the axis edge on the side of larger values
    # (drawn on the left in Arabic, where the axis is reversed).
    assert list(tail.x) == [24000, max(figure.layout.xaxis.range), None]
    assert tail.line.dash == "dash"


def test_an_upper_bound_points_towards_smaller_values() -> None:
    dataset = _dataset(
        _figure("filed-alpha", FILED, 27649, "alpha", breakdown=FIRST),
        _figure("filed-beta", FILED, 30000, "beta", "less_than", breakdown=FIRST),
    )
    figure = _only(_charts(dataset, "en"), Kind.sources)
    bound = next(trace for trace in _marks(figure) if trace.marker.symbol != "circle")
    assert bound.marker.symbol == "triangle-left"
    tail = next(trace for trace in figure.data if trace.hoverinfo == "skip")
    assert list(tail.x) == [30000, min(figure.layout.xaxis.range), None]


def test_about_is_a_hollow_dot_with_the_range_it_allows() -> None:
    dataset = _dataset(
        _figure("approved-alpha", APPROVED, 16180, "alpha", breakdown=FIRST),
        _figure("approved-beta", APPROVED, 17000, "beta", "approximately", breakdown=FIRST),
    )
    figure = _only(_charts(dataset), Kind.sources)
    about = next(trace for trace in _marks(figure) if trace.marker.symbol == "circle-open")
    assert list(about.error_x.array) == pytest.approx([1700])
    assert about.name == "environ"


def test_the_arabic_page_reads_right_to_left(outlets: Dataset) -> None:
    figure = _only(_charts(outlets, "ar"), Kind.sources)
    low, high = figure.layout.xaxis.range
    assert low > high  # reversed: values grow to the left
    assert figure.layout.yaxis.side == "right"
    assert figure.layout.hoverlabel.align == "right"
    assert figure.layout.title.x > 0.5 and figure.layout.title.xanchor == "right"
    assert all(text.startswith(RLI) for text in figure.layout.yaxis.ticktext)


# --- Numbers in the page's language ----------------------------------------------------------

@pytest.mark.parametrize(("language", "expected"),
                         [("fr", ",\u202f"), ("ar", ",."), ("en", ".,")])
def test_axes_and_hovers_write_numbers_as_babel_does(outlets: Dataset, language: str,
                                                     expected: str) -> None:
    assert separators(language) == expected
    assert number(1234.5, language) == f"1{expected[1]}234{expected[0]}5"
    figure = _only(_charts(outlets, language), Kind.sources)
    assert figure.layout.separators == expected
    axis = figure.layout.xaxis
    assert (axis.exponentformat, axis.separatethousands) == ("none", True)  # never "27k"
    hover = [data[0] for trace in _marks(figure) for data in trace.customdata]
    assert {"fr": "27\u202f649", "ar": "\u206627.649\u2069", "en": "27,649"}[language] in hover


def test_a_share_near_the_whole_is_read_against_100() -> None:
    dataset = _dataset(
        _figure("rate-alpha", RATE, 83.53, "alpha", breakdown=FIRST),
        _figure("rate-beta", RATE, 85, "beta", "more_than", breakdown=FIRST),
    )
    axis = _only(_charts(dataset), Kind.sources).layout.xaxis
    assert tuple(axis.range) == (0, 100)
    assert axis.ticksuffix == "\u00a0%" and axis.tickangle == 0


def test_small_shares_get_an_axis_of_their_size() -> None:
    """0,24 % and "more than 3 %" on 0-100 % looked equal: a twelvefold gap."""
    dataset = _dataset(
        _figure("rate-alpha", RATE, 0.24, "alpha", breakdown=FIRST),
        _figure("rate-beta", RATE, 3, "beta", "more_than", breakdown=FIRST),
    )
    axis = _only(_charts(dataset), Kind.sources).layout.xaxis
    low, high = axis.range
    assert low == 0 and 3 < high <= 5
    assert (high - low) / axis.dtick <= VALUE_INTERVALS


def test_two_equal_values_stand_on_an_axis_from_zero() -> None:
    """36 and 36 on a 34-38 axis looked measured apart."""
    dataset = _dataset(_figure("filed-alpha", FILED, 36, "alpha", breakdown=FIRST),
                       _figure("filed-beta", FILED, 36, "beta", breakdown=FIRST))
    low, high = _only(_charts(dataset), Kind.sources).layout.xaxis.range
    assert low == 0 and 36 < high <= 50


def test_values_orders_of_magnitude_apart_go_on_a_log_scale_that_says_so() -> None:
    dataset = _dataset(_figure("filed-alpha", FILED, 97, "alpha", breakdown=FIRST),
                       _figure("filed-beta", FILED, 29715, "beta", breakdown=FIRST))
    axis = _only(_charts(dataset), Kind.sources).layout.xaxis
    assert axis.type == "log"
    assert list(axis.tickvals) == [100, 1000, 10000]
    assert list(axis.ticktext) == ["100", "1\u202f000", "10\u202f000"]
    assert axis.title.text.replace("<br>", " ").startswith("Échelle logarithmique")
    assert 10 ** axis.range[0] < 97 and 10 ** axis.range[1] > 29715


def test_bars_start_at_zero_whatever_their_spread() -> None:
    for value in (9000, 50):  # a spread that would be a log scale for points
        fitted = fit([0.0, 9000.0, value], Unit.count, bars=True)
        assert fitted.low == 0 and not fitted.log and fitted.high >= 9000


def test_counts_have_whole_ticks() -> None:
    dataset = _dataset(
        _figure("programmes-alpha", "iom_agreement_programmes", 2, "alpha"),
        _figure("programmes-beta", "iom_agreement_programmes", 3, "beta"),
    )
    axis = _only(_charts(dataset, theme="international_cooperation"), Kind.sources).layout.xaxis
    assert axis.tickmode == "linear"
    assert axis.dtick >= 1 and float(axis.dtick).is_integer()
    assert float(axis.tick0).is_integer()


# --- Over time ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def campaign() -> Dataset:
    return _dataset(*CAMPAIGN)


def test_running_counts_are_a_line_to_their_final_total(campaign: Dataset) -> None:
    figure = _only(_charts(campaign), Kind.series)
    assert figure.layout.title.text == "Demandes déposées\u202f: évolution dans le temps"
    line = next(trace for trace in figure.data if trace.mode == "lines"
                and trace.line.color == "#1f5f8b")
    assert [(str(x), y) for x, y in zip(line.x, line.y, strict=True)] == [
        ("2017-03-08", 18281), ("2017-11-22", 25690), ("2017-12-31", 28400), ("None", None)]
    points = {figure_id: (str(x), y) for trace in _marks(figure)
              for x, y, figure_id in _points(trace)}
    assert points == {"count-march": ("2017-03-08", 18281),
                      "count-march-bound": ("2017-03-01", 18000),
                      "count-november": ("2017-11-22", 25690),
                      "final": ("2017-12-31", 28400)}
    bound = next(trace for trace in _marks(figure) if trace.marker.symbol != "circle")
    assert bound.marker.symbol == "triangle-up"


def test_a_period_is_drawn_as_a_span_ending_at_its_point(campaign: Dataset) -> None:
    figure = _only(_charts(campaign), Kind.series)
    span = next(trace for trace in figure.data if trace.name == "période couverte")
    assert [str(x) for x in span.x] == ["2016-12-15", "2017-12-31", "None"]
    assert "fin de sa période" in figure.layout.xaxis.title.text


def test_undated_figures_are_listed_beside_the_series(campaign: Dataset) -> None:
    chart = next(chart for chart in _charts(campaign).charts if chart.kind == Kind.series)
    assert all("undated" not in [point[2] for point in _points(trace)]
               for trace in _marks(chart.figure))
    assert chart.notes == ("Sans date précise, donc hors de la courbe\u202f:",
                           "Deuxième campagne\u202f: 26\u202f000 (Delta)")


@pytest.mark.parametrize(("language", "ticks"), [
    # Three months' names at most: "janv. 2017" is three times a year's width, and seven of
    # them ran into each other on a phone's plot.
    ("fr", ["janv. 2017", "juil. 2017", "janv. 2018"]),
    ("en", ["Jan 2017", "Jul 2017", "Jan 2018"])])
def test_dates_are_month_and_year_in_the_page_language(campaign: Dataset, language: str,
                                                       ticks: list[str]) -> None:
    axis = _only(_charts(campaign, language), Kind.series).layout.xaxis
    assert list(axis.ticktext) == ticks
    assert axis.tickvals[0] == "2017-01-01"


def test_years_are_never_grouped_on_a_long_time_axis() -> None:
    dataset = _dataset(*(_figure(f"returns-{year}", RETURNS, 1000 + year, "alpha",
                                 period=f'"{year}"') for year in range(2013, 2019)))
    figure = _only(_charts(dataset, theme="voluntary_return"), Kind.series)
    axis = figure.layout.xaxis
    assert list(axis.ticktext) == ["2013", "2014", "2015", "2016", "2017", "2018"]
    # Each year a cell: its name in the middle, gridlines at its ends, so the 2014 figure
    # drawn at 31 December 2014 stands in the cell named 2014.
    assert axis.tickvals[1] == "2014-07-01" and "2015-01-01" in axis.minor.tickvals
    assert axis.minor.showgrid and not axis.showgrid
    points = {figure_id: str(x) for trace in _marks(figure) for x, _, figure_id in _points(trace)}
    assert points["returns-2014"] == "2014-12-31"
    assert axis.range[0] < axis.range[1]
    arabic = _only(_charts(dataset, "ar", "voluntary_return"), Kind.series)
    assert arabic.layout.xaxis.range[0] > arabic.layout.xaxis.range[1]  # time runs leftwards
    assert arabic.layout.yaxis.side == "right"


def test_several_sources_at_one_date_are_separate_points() -> None:
    dataset = _dataset(
        _figure("returns-2014-alpha", RETURNS, 1158, "alpha", period='"2014"'),
        _figure("returns-2014-beta", RETURNS, 1000, "beta", period='"2014"'),
        _figure("returns-2015", RETURNS, 1399, "alpha", period='"2015"'),
    )
    drawn = _charts(dataset, "en", "voluntary_return")
    series = _only(drawn, Kind.series)
    at = {figure_id: x for trace in _marks(series) for x, _, figure_id in _points(trace)}
    assert at["returns-2014-alpha"] != at["returns-2014-beta"]
    assert abs((at["returns-2014-alpha"] - at["returns-2014-beta"]).days) < 30
    hovers = {data[4]: data[3] for trace in _marks(series) for data in trace.customdata}
    assert (hovers["returns-2014-alpha"], hovers["returns-2014-beta"]) == ("Alpha", "Beta")
    # The two sources for 2014 are also compared row by row; 2015 alone is not.
    sources = _only(drawn, Kind.sources)
    assert list(sources.layout.yaxis.ticktext) == ["Alpha<br>2014", "Beta<br>2014"]


# --- Breakdowns and parts ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def returns() -> Dataset:
    """Returns since 2004 from three countries, with their total."""
    return _dataset(
        _figure("returns-total", RETURNS, 21073, "gov", period="2004/..", as_of="2016"),
        _figure("returns-ml", RETURNS, 2643, "gov", period="2004/..", as_of="2016",
                breakdown="{country: ML}"),
        _figure("returns-sn", RETURNS, 5916, "gov", period="2004/..", as_of="2016",
                breakdown="{country: SN}"),
        _figure("returns-ng", RETURNS, 3893, "gov", period="2004/..", as_of="2016",
                breakdown="{country: NG}"),
    )


@pytest.mark.parametrize(("language", "names"), [
    ("fr", ["Sénégal", "Nigeria", "Mali"]), ("en", ["Senegal", "Nigeria", "Mali"]),
    ("ar", ["السنغال", "نيجيريا", "مالي"])])
def test_a_breakdown_is_sorted_bars_with_the_total_as_a_line(returns: Dataset, language: str,
                                                             names: list[str]) -> None:
    drawn = _charts(returns, language, "voluntary_return")
    figure = _only(drawn, Kind.breakdown)
    bars = [trace for trace in figure.data if isinstance(trace, go.Bar)]
    assert len(bars) == 1 and bars[0].orientation == "h"
    assert list(bars[0].x) == [5916, 3893, 2643]  # the total is no bar
    assert [text.strip(RLI + "\u2068\u2069") for text in figure.layout.yaxis.ticktext] == names
    assert [shape.x0 for shape in figure.layout.shapes] == [21073]
    total = figure.layout.shapes[0].name  # named in the legend, never over the rows
    assert figure.layout.shapes[0].showlegend
    assert {"fr": "Total\u202f: 21\u202f073 · Gov", "en": "Total: 21,073 · Gov"}.get(
        language, total) == total
    assert drawn.cards == ()


def test_a_total_set_aside_is_not_the_charts_summary() -> None:
    dataset = _dataset(
        _figure("returns-total", RETURNS, 21073, "gov", period="2004/..", as_of="2016"),
        _figure("returns-wrong", RETURNS, 25073, "alpha", period="2004/..", as_of="2016",
                rank="deprecated", rank_reason="une erreur de saisie"),
        _figure("returns-sn", RETURNS, 5916, "gov", period="2004/..", as_of="2016",
                breakdown="{country: SN}"),
        _figure("returns-ml", RETURNS, 2643, "gov", period="2004/..", as_of="2016",
                breakdown="{country: ML}"),
    )
    figure = _only(_charts(dataset, "fr", "voluntary_return"), Kind.breakdown)
    assert [shape.x0 for shape in figure.layout.shapes] == [21073]
    assert figure.layout.shapes[0].name == "Total\u202f: 21\u202f073 · Gov"


def test_totals_that_disagree_are_one_band_named_by_their_range() -> None:
    """Twelve totals were twelve black lines; a bound among exact totals widened nothing."""
    dataset = _dataset(
        *(_figure(f"returns-total-{source}", RETURNS, value, source, period="2004/..",
                  as_of="2016") for source, value in (("gov", 21073), ("alpha", 21500),
                                                      ("beta", 22000))),
        _figure("returns-bound", RETURNS, 12000, "gamma", "more_than", period="2004/..",
                as_of="2016"),
        _figure("returns-sn", RETURNS, 5916, "gov", period="2004/..", as_of="2016",
                breakdown="{country: SN}"),
        _figure("returns-ml", RETURNS, 2643, "gov", period="2004/..", as_of="2016",
                breakdown="{country: ML}"),
    )
    figure = _only(_charts(dataset, "fr", "voluntary_return"), Kind.breakdown)
    (band,) = figure.layout.shapes
    assert (band.type, band.x0, band.x1) == ("rect", 21073, 22000)
    assert "21\u202f073" in band.name and "22\u202f000" in band.name


def test_approved_is_drawn_inside_filed_with_its_share() -> None:
    dataset = _dataset(
        _figure("filed-2014", FILED, 27649, "alpha", breakdown=FIRST),
        _figure("approved-2014", APPROVED, 23096, "alpha", breakdown=FIRST),
        _figure("filed-2016", FILED, 28400, "gov", breakdown=SECOND),
        _figure("approved-2016", APPROVED, 20000, "gov", "more_than", breakdown=SECOND),
    )
    figure = _only(_charts(dataset, "fr"), Kind.part)
    whole, part = figure.data
    assert figure.layout.barmode == "overlay" and whole.width > part.width
    assert (list(whole.y), list(part.y)) == ([27649, 28400], [23096, 20000])
    assert part.text[0] == "23\u202f096<br>83,5\u00a0%"
    assert part.text[1] == "&gt; 20\u202f000"  # no share of a bound
    assert list(part.marker.pattern.shape) == ["", BOUND_PATTERN]
    assert list(figure.layout.xaxis.ticktext) == ["Première campagne<br>Alpha",
                                                  "Deuxième campagne<br>Gov"]


# --- What is a chart, what a card --------------------------------------------------------------

def test_a_lone_figure_is_a_card_never_a_chart() -> None:
    dataset = _dataset(
        _figure("programmes", "iom_agreement_programmes", 2, "alpha"),
        _figure("start", "voluntary_return_start_year", 2004, "alpha"),
        _figure("returns-total", RETURNS, 21073, "gov", period="2004/..", as_of="2016"),
    )
    for theme in ("international_cooperation", "voluntary_return"):
        drawn = _charts(dataset, theme=theme)
        assert drawn.charts == ()
    plans, lone = plan_theme(cited_figures(dataset))
    assert plans == [] and [item.figure.id for item in lone] == [
        "programmes", "start", "returns-total"]


def test_over_the_cap_the_comparisons_that_tell_least_give_way() -> None:
    drawn = _charts(_dataset(*OUTLETS, *CAMPAIGN), limit=1)
    # The second campaign's series (4 dates) against the first campaign's 3 outlets and the
    # second's 2 counts of March.
    assert [chart.kind for chart in drawn.charts] == [Kind.series]
    assert drawn.not_drawn == 2


def test_a_trend_comes_first_and_two_agreeing_sources_last() -> None:
    """Yearly returns over ten years stood behind "36 and 36" because their indicator came
    later in the file; a view shows its first charts at once and the others on request."""
    agreeing = (_figure("filed-alpha", FILED, 36, "alpha"),  # an indicator earlier in the file
                _figure("filed-beta", FILED, 36, "beta"))
    yearly = tuple(_figure(f"returns-{year}", RETURNS, 1000 + year, "alpha",
                           period=f'"{year}"') for year in range(2013, 2023))
    plans, _ = plan_theme(cited_figures(_dataset(*agreeing, *yearly)))
    assert [plan.kind for plan in plans] == [Kind.series, Kind.sources]
    assert plans[0].items[0].indicator.id == RETURNS


@pytest.mark.parametrize(("text", "lines"), [
    ("Rabat-Salé-Zemmour-Zaër", ["Rabat-Salé-Zemmour-", "Zaër"]),
    ("15 décembre 2016 – 31 décembre 2017", ["15 décembre 2016 –", "31 décembre 2017"]),
    ("Le Conseil national des droits de l'homme du Maroc",
     ["Le Conseil national", "des droits de…"]),
    ("Oriental", ["Oriental"])])
def test_a_row_label_breaks_at_spaces_and_hyphens_in_two_lines_at_most(
        text: str, lines: list[str]) -> None:
    assert _broken(text) == lines
    assert all(len(line) <= ROW_WIDTH for line in lines)


def test_data_text_is_never_markup_in_any_chart() -> None:
    hostile = '<a href=\\"x\\">a</a> <b>b</b>'
    dataset = _dataset(
        _figure("filed-2014", FILED, 27649, "alpha", breakdown=FIRST),
        _figure("filed-2014-b", FILED, 27449, "beta", breakdown=FIRST),
        _figure("filed-2016", FILED, 28400, "gov", breakdown=SECOND, period='"2017"'),
        _figure("filed-2017", FILED, 25000, "gov", breakdown=SECOND, as_of="2017-06"),
        _figure("approved-2014", APPROVED, 23096, "alpha", breakdown=FIRST),
        label=hostile.replace('\\"', "'"))
    drawn = _charts(dataset)
    assert {chart.kind for chart in drawn.charts} == {Kind.series, Kind.sources, Kind.part}
    for chart in drawn.charts:
        spec = chart.figure.to_json()
        assert "<a href" not in spec and "<b>b" not in spec
        assert "&lt;a href" in spec


# --- The timeline ------------------------------------------------------------------------------

def test_the_timeline_has_every_milestone_and_start_year_on_localised_years() -> None:
    dataset = load_text(
        "schema_version: 1\nsources:\n  - {id: s, title: T, language: fr}\n"
        "indicators:\n  - id: start\n    theme: voluntary_return\n    unit: year\n"
        "    label: {fr: Début, ar: بداية, en: Start}\n    definition: {fr: D, ar: D, en: D}\n"
        "figures:\n  - {id: since, indicator: start, value: 2004, qualifier: exact, source: s,"
        " quote: \"depuis 2004\"}\n"
        "milestones:\n"
        "  - {id: report, date: 2013-09, kind: report, label: {fr: Rapport, ar: تقرير, en: Report},"
        " source: s, quote: \"septembre 2013\"}\n"
        "  - {id: forum, date: 2020-01-21/2020-01-23, kind: conference,"
        " label: {fr: Forum, ar: منتدى, en: Forum}, source: s, quote: \"janvier 2020\"}\n"
        + themes_of("voluntary_return"), "data.yaml").dataset
    rows = timeline_rows(dataset, "fr")
    assert [row["when"] for row in rows] == ["2004", "septembre 2013",
                                             "21 janvier 2020 – 23 janvier 2020"]
    figure = timeline_chart(rows, "fr")
    marked = [trace for trace in figure.data if trace.mode == "markers+text"]
    assert sum(len(trace.x) for trace in marked) == 3
    assert [trace.mode for trace in figure.data].count("lines") == 1  # the forum's days
    assert list(figure.layout.xaxis.ticktext) == ["2005", "2010", "2015", "2020"]
    arabic = timeline_chart(timeline_rows(dataset, "ar"), "ar")
    assert arabic.layout.xaxis.range[0] > arabic.layout.xaxis.range[1]
    # Each label beside its marker, on the side with room: no label margin eats the plot.
    assert figure.layout.yaxis.showticklabels is False
    sides = {text: side for trace in marked
             for text, side in zip(trace.text, trace.textposition, strict=True)}
    assert sides == {"Début": "middle right", "Rapport": "middle left",
                     "Forum": "middle left"}
    arabic_sides = [side for trace in arabic.data if trace.mode == "markers+text"
                    for side in trace.textposition]
    assert arabic_sides == ["middle left", "middle right", "middle right"]


def test_a_long_timeline_label_wraps_beside_its_marker() -> None:
    long = "Convention de partenariat entre le conseil municipal d'Agadir et l'OIM"
    rows = [{"id": "a", "label": long, "kind": "accord", "symbol": "diamond",
             "start": date(2004, 1, 1), "end": date(2004, 1, 1), "when": "2004", "source": "S"},
            {"id": "b", "label": "Fin", "kind": "accord", "symbol": "diamond",
             "start": date(2024, 1, 1), "end": date(2024, 1, 1), "when": "2024", "source": "S"}]
    text = timeline_chart(rows, "fr").data[0].text[0]
    assert text.split("<br>") == ["Convention de partenariat entre le conseil",
                                  "municipal d'Agadir et l'OIM"]


def test_the_real_file_draws_no_lone_mark() -> None:
    """Every chart of every theme of the curated file compares two marks or more."""
    dataset = load_path(DATA).dataset
    items: list[Cited] = cited_figures(dataset)
    for theme in (shown.id for shown in dataset.themes):
        for language in ("fr", "ar", "en"):
            drawn = theme_charts([item for item in items if item.indicator.theme == theme],
                                 language, dataset.dimensions)
            for chart in drawn.charts:
                marks = sum(sum(value is not None and not (isinstance(value, float)
                                                            and math.isnan(value))
                                for value in trace.x) for trace in _marks(chart.figure))
                assert marks >= 2, chart.figure.layout.title.text


def test_a_chart_carries_its_sources_and_the_dataset_version(outlets: Dataset) -> None:
    items = cited_figures(outlets)
    drawn = theme_charts(items, "fr", outlets.dimensions,
                         credit="Moroccan migration indicators, version 2026-11-23+abcdef1.")
    chart = drawn.charts[0]
    credits = [annotation.text for annotation in chart.figure.layout.annotations
               if "Sources" in annotation.text]
    # In lines a phone's narrow plot holds.
    assert credits == ["Sources\u202f: Alpha, Beta, Gamma<br>Moroccan migration indicators, version"
                       "<br>2026-11-23+abcdef1."]
    # The image download is named after the chart: its indicator and what it compares.
    assert chart.name == "regularisation_applications_filed-sources"


def test_the_legend_stands_under_the_title_and_grows_down(outlets: Dataset) -> None:
    """On a phone the legend wraps to several rows: it must grow towards the plot, not up
    over the title."""
    figure = theme_charts(cited_figures(outlets), "fr", outlets.dimensions).charts[0].figure
    legend, title = figure.layout.legend, figure.layout.title
    assert (legend.yref, legend.yanchor, title.yref) == ("container", "top", "container")
    title_bottom = title.pad.t + 22 * len(title.text.split("<br>"))
    assert (1 - legend.y) * figure.layout.height >= title_bottom


def _milestone(key: str, day: date) -> dict[str, object]:
    return {"id": key, "label": f"Événement {key}", "kind": "accord", "symbol": "diamond",
            "start": day, "end": day, "when": str(day.year), "source": "S"}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_lone_early_event_cuts_the_time_axis_and_the_cut_is_said(language: str) -> None:
    """One event of 1951 squeezed twelve of 2004-2025 into the right edge of the axis."""
    rows = [_milestone("early", date(1951, 1, 1)),
            *(_milestone(str(year), date(year, 6, 1)) for year in range(2004, 2026, 3))]
    axis = timeline_chart(rows, language).layout.xaxis
    (cut,) = axis.rangebreaks
    start, end = (date.fromisoformat(bound) for bound in cut.bounds)
    assert date(1951, 1, 1) < start < date(1960, 1, 1) and date(2000, 1, 1) < end < date(2004, 6, 1)
    assert axis.ticktext[0] == "1951" and "2010" in axis.ticktext
    assert str(start.year) in axis.title.text and str(end.year) in axis.title.text
    marks = timeline_chart(rows, language).layout.annotations
    assert [mark.text for mark in marks] == ["⫽"]


def test_events_spread_over_time_keep_a_whole_axis() -> None:
    rows = [_milestone(str(year), date(year, 1, 1)) for year in (2004, 2013, 2020)]
    assert not timeline_chart(rows, "fr").layout.xaxis.rangebreaks


@pytest.mark.parametrize(("language", "high", "low"), [("fr", "top left", "top right"),
                                                      ("ar", "top right", "top left")])
def test_a_value_at_the_axis_end_is_written_towards_the_middle(language: str, high: str,
                                                              low: str) -> None:
    """A long value centred on a point at the end of a phone's axis ran past the figure."""
    dataset = _dataset(_figure("filed-alpha", FILED, 100, "alpha", breakdown=FIRST),
                       _figure("filed-beta", FILED, 27649, "beta", breakdown=FIRST))
    figure = _only(_charts(dataset, language), Kind.sources)
    places = {point[2]: position for trace in _marks(figure)
              for point, position in zip(_points(trace), trace.textposition, strict=True)}
    assert places == {"filed-alpha": low, "filed-beta": high}
