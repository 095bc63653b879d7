"""Chart builders: the right traces, bounds drawn differently, right-to-left axes."""

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
    assert len(figure.data) == len(charted(members)) == 5
    assert [annotation.text for annotation in figure.layout.annotations] == [
        "Demandes de régularisation déposées", "Demandes de régularisation approuvées",
        "Taux d'approbation des demandes de régularisation",
        "Réfugiés et migrants bénéficiaires de la régularisation"]


def test_lower_bounds_are_hatched_and_named(items: list[Cited]) -> None:
    figure = theme_chart(_theme(items, Theme.regularisation), "fr")
    filed = next(trace for trace in figure.data if trace.customdata[0][3]
                 == "demandes-regularisation-plus-de-12000")
    approved = next(trace for trace in figure.data if trace.customdata[0][3]
                    == "demandes-approuvees-23096")
    assert filed.marker.pattern.shape == BOUND_PATTERN
    assert filed.name == "plus de (borne)"
    assert filed.text == ("> 12\u202f000",)
    assert "plus de" in filed.customdata[0][0]
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
