"""A figure's standing: final, provisional or running; preferred, normal or deprecated;
rounded; and an open period that says when it was true. Exact messages, inline files."""

import re

import pytest

from indicators.intervals import figure_interval
from indicators.models import Rank, Status
from indicators.problems import DatasetError
from tests.conftest import Loader

_FIGURE = "    quote: \"23 096 demandes ont reçu un avis favorable\"\n"


def _fails(load: Loader, *replacements: tuple[str, str], message: str) -> None:
    with pytest.raises(DatasetError) as caught:
        load(*replacements)
    assert caught.value.lines()[0] == message


def _second(fields: str, value: int = 23096, quote: str = "23 096 demandes") -> str:
    return (f"  - id: fig2\n    indicator: ind\n    value: {value}\n"
            f"    qualifier: exact\n    source: src\n    quote: \"{quote}\"\n{fields}")


def test_status_is_one_of_three_words(load: Loader) -> None:
    _fails(load, (_FIGURE, _FIGURE + "    status: definitive\n"), message=(
        "data.yaml:19:13: figures.0.status: Input should be 'final', 'provisional' or "
        "'running' (got 'definitive')"))


@pytest.mark.parametrize(("fields", "standing"), [
    ("", Status.final),
    ("    status: provisional\n", Status.provisional),
    ("    period: 2016-12-15/2017-12-31\n    as_of: 2017-03-08\n", Status.running),
    ("    period: 2016-12-15/2017-12-31\n    as_of: 2017-03-08\n    status: final\n",
     Status.final),
    ("    period: \"2014\"\n    as_of: 2014-12-31\n", Status.final),
])
def test_a_count_taken_inside_its_period_is_running_unless_it_says_otherwise(
        load: Loader, fields: str, standing: Status) -> None:
    figure = load((_FIGURE, _FIGURE + fields)).dataset.figures[0]
    assert figure.standing == standing


def test_a_preferred_figure_needs_its_reason(load: Loader) -> None:
    _fails(load, (_FIGURE, _FIGURE + "    rank: preferred\n"), message=(
        "data.yaml:13:5: figures.0: rank: preferred needs rank_reason: say in a sentence why "
        "a reader should take this figure first or not at all"))


def test_a_reason_without_a_rank_is_refused(load: Loader) -> None:
    _fails(load, (_FIGURE, _FIGURE + "    rank_reason: le chiffre final\n"), message=(
        "data.yaml:13:5: figures.0: rank_reason explains a rank: set rank: preferred or "
        "deprecated, or remove rank_reason"))


def test_rank_is_one_of_three_words(load: Loader) -> None:
    _fails(load, (_FIGURE, _FIGURE + "    rank: best\n"), message=(
        "data.yaml:19:11: figures.0.rank: Input should be 'preferred', 'normal' or "
        "'deprecated' (got 'best')"))


def test_a_deprecated_figure_keeps_its_reason_in_each_language(load: Loader) -> None:
    figure = load((_FIGURE, _FIGURE + "    rank: deprecated\n    rank_reason: {fr: Erreur de "
                   "calcul, en: A miscalculation}\n")).dataset.figures[0]
    assert figure.rank == Rank.deprecated
    assert figure.rank_reason is not None and figure.rank_reason.en == "A miscalculation"


def test_two_preferred_figures_of_one_quantity_are_refused(load: Loader) -> None:
    reason = "    rank: preferred\n    rank_reason: le bilan final\n"
    _fails(load, (_FIGURE, _FIGURE + reason + _second(reason)), message=(
        "data.yaml:27:11: figures.1.rank: 'fig' (figures.0) is already the preferred figure "
        "of 'ind' (no period): keep rank: preferred on one of them"))


def test_preferred_figures_of_two_dates_are_two_quantities(load: Loader) -> None:
    reason = "    rank: preferred\n    rank_reason: le bilan final\n"
    validated = load((_FIGURE, _FIGURE + reason + _second(reason + "    as_of: 2015-02-09\n")))
    assert [figure.rank for figure in validated.dataset.figures] == [Rank.preferred] * 2


def test_rounded_needs_a_round_value(load: Loader) -> None:
    _fails(load, (_FIGURE, _FIGURE + "    rounded: true\n"), message=(
        "data.yaml:13:5: figures.0: rounded: true needs a round value (ending in 0): 23096 "
        "is written to the unit: remove rounded"))


def test_rounded_is_for_a_value_written_as_exact(load: Loader) -> None:
    _fails(load, (_FIGURE, _FIGURE + "    rounded: true\n"),
           ("qualifier: exact", "qualifier: more_than"),
           ("value: 23096", "value: 23000"), ("23 096 demandes", "plus de 23 000 demandes"),
           message=(
        "data.yaml:13:5: figures.0: rounded: true is for a value written as exact; with "
        "qualifier: more_than the value is already a bound or an estimate: remove rounded"))


def test_a_rounded_figure_does_not_contradict_the_count_it_rounds(load: Loader) -> None:
    body = _FIGURE + _second("    rounded: true\n", value=25000, quote="25 000 demandes")
    validated = load((_FIGURE, body), ("value: 23096", "value: 25690"),
                     ("23 096 demandes ont", "25 690 demandes ont"))
    assert not [problem for problem in validated.warnings if "disagree" in problem.message]
    rounded = validated.dataset.figures[1]
    assert (figure_interval(rounded).low, figure_interval(rounded).high) == (24000, 26000)


def test_the_same_round_number_written_as_exact_is_a_disagreement(load: Loader) -> None:
    body = _FIGURE + _second("", value=25000, quote="25 000 demandes")
    validated = load((_FIGURE, body), ("value: 23096", "value: 25690"),
                     ("23 096 demandes ont", "25 690 demandes ont"))
    assert [problem.message for problem in validated.warnings] == [
        "figures of 'ind' disagree (no period): 25690 in 'fig' (figures.0), 25000 in 'fig2' "
        "(figures.1)"]


def test_an_open_period_says_when_it_was_true(load: Loader) -> None:
    _fails(load, (_FIGURE, _FIGURE + "    period: 2004/..\n"), message=(
        "data.yaml:19:13: figures.0.period: period 2004/.. is open (since 2004) and nothing "
        "says when the figure was true: give as_of (the date the source counts to), or the "
        "source's published date"))


@pytest.mark.parametrize("replacement", [
    (_FIGURE, _FIGURE + "    period: 2004/..\n    as_of: 2017-03\n"),
    ("    language: fr\n", "    language: fr\n    published: 2017-03\n"),
])
def test_an_open_period_is_dated_by_as_of_or_its_source(
        load: Loader, replacement: tuple[str, str]) -> None:
    extra = [] if "as_of" in replacement[1] else [(_FIGURE, _FIGURE + "    period: 2004/..\n")]
    figure = load(replacement, *extra).dataset.figures[0]
    assert figure.period == "2004/.."


def test_the_schema_names_the_new_fields() -> None:
    from indicators.schema import json_schema

    figure = json_schema()["definitions"]["Figure"]["properties"]
    assert {"status", "rank", "rank_reason", "rounded"} <= set(figure)
    assert re.search("preferred", str(figure["rank"]))
