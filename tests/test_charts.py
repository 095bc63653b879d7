"""Chart builders: the right traces, bounds drawn differently, right-to-left axes."""

import plotly.graph_objects as go
import pytest

from indicators.charts import BOUND_PATTERN, charted, theme_chart, timeline_chart, timeline_rows
from indicators.citations import Cited, cited_figures
from indicators.models import Dataset, Theme
from loaders import load_path
from tests.conftest import DATA


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_path(DATA).dataset


@pytest.fixture(scope="module")
def items(dataset: Dataset) -> list[Cited]:
    return cited_figures(dataset)


def _theme(items: list[Cited], theme: Theme) -> list[Cited]:
    return [item for item in items if item.indicator.theme == theme]


def test_one_bar_per_charted_figure(items: list[Cited]) -> None:
    members = _theme(items, Theme.regularisation)
    figure = theme_chart(members, "fr")
    assert len(figure.data) == len(charted(members)) == 4  # the headline restatement folded
    assert [annotation.text for annotation in figure.layout.annotations] == [
        "Demandes de régularisation déposées", "Demandes de régularisation approuvées",
        "Taux d'approbation des demandes de régularisation",
        "Réfugiés et migrants bénéficiaires de la régularisation"]


def _trace_of(figure: go.Figure, figure_id: str) -> tuple[go.Bar, int]:
    for trace in figure.data:
        ids = [point[3] for point in trace.customdata]
        if figure_id in ids:
            return trace, ids.index(figure_id)
    raise AssertionError(figure_id)


def test_lower_bounds_are_hatched_and_named(items: list[Cited]) -> None:
    figure = theme_chart(_theme(items, Theme.regularisation), "fr")
    filed, at = _trace_of(figure, "demandes-regularisation-plus-de-12000")
    approved, _ = _trace_of(figure, "demandes-approuvees-23096")
    assert filed.marker.pattern.shape == BOUND_PATTERN
    assert filed.name == "plus de (borne)"
    # Plotly decodes entities: the bar reads "> 12 000", and no data text is ever markup.
    assert filed.text[at] == "&gt; 12\u202f000"
    assert filed.customdata[at][0] == "plus de"
    assert filed.customdata[at][4] == "&gt; 12\u202f000"
    assert approved.marker.pattern.shape == ""
    assert approved.name == "valeur exacte"


def test_legend_has_each_qualifier_once(items: list[Cited]) -> None:
    figure = theme_chart(_theme(items, Theme.regularisation), "en")
    assert sorted(trace.name for trace in figure.data if trace.showlegend) == [
        "exact value", "more than (bound)"]


def test_percentages_are_read_against_100(items: list[Cited]) -> None:
    figure = theme_chart(_theme(items, Theme.regularisation), "fr")
    rate_axis = figure.layout.xaxis3
    assert tuple(rate_axis.range) == (0, 100)


def test_arabic_axes_run_right_to_left(items: list[Cited]) -> None:
    figure = theme_chart(_theme(items, Theme.regularisation), "ar")
    assert tuple(figure.layout.xaxis3.range) == (100, 0)
    assert figure.layout.yaxis.side == "right"


def test_years_are_not_bars(items: list[Cited]) -> None:
    members = _theme(items, Theme.voluntary_return)
    assert [item.indicator.id for item in charted(members)] == [
        "voluntary_return_migrants", "voluntary_return_countries"]


def test_timeline_has_every_milestone_and_start_year(dataset: Dataset) -> None:
    rows = timeline_rows(dataset, "fr")
    assert len(rows) == len(dataset.milestones) + 3  # 1951, 2004, 2007
    assert [row["when"] for row in rows[:3]] == ["1951", "2004", "2007"]
    assert rows[3]["when"] == "septembre 2013"
    quito = next(row for row in rows if row["id"] == "gfmd-quito-2020")
    assert (quito["start"].isoformat(), quito["end"].isoformat()) == ("2020-01-21", "2020-01-23")
    figure = timeline_chart(rows, "fr")
    spans = [trace for trace in figure.data if trace.mode == "lines"]
    assert len(spans) == 2  # the GFMD days and the 2014-2016 partnership
    markers = sum(len(trace.x) for trace in figure.data if trace.mode == "markers")
    assert markers == len(rows)


def test_a_dated_series_is_drawn_over_time_in_one_trace_per_qualifier() -> None:
    from indicators.models import Figure, Indicator, Localized, Qualifier, Source, Unit

    label = Localized(fr="Série", ar="سلسلة", en="Series")
    indicator = Indicator(id="s", theme=Theme.regularisation, unit=Unit.count, label=label,
                          definition=label)
    source = Source(id="src", title="Titre", language="fr")
    series = [Cited(Figure(id=f"f{year}", indicator="s", value=year - 2000,
                           qualifier=Qualifier.more_than if year == 2005 else Qualifier.exact,
                           period=str(year), source="src", quote=str(year - 2000)),
                    indicator, source) for year in range(2001, 2011)]
    figure = theme_chart(series, "en")
    assert [(trace.name, len(trace.x)) for trace in figure.data] == [
        ("exact value", 9), ("more than (bound)", 1)]
    assert str(figure.data[0].x[0]) == "2001-01-01"
    assert figure.data[0].orientation is None
