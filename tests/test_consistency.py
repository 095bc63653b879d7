"""Figures that compare: series, breakdowns, restatements, and checks across figures."""

from __future__ import annotations

import re
import time

import pytest

from indicators.intervals import Interval, value_interval
from indicators.models import Qualifier
from indicators.problems import DatasetError
from indicators.validation import Validated
from loaders import load_text
from tests.conftest import themes_of

HEAD = """\
schema_version: 1
sources:
  - id: a
    title: Source A
    language: fr
  - id: b
    title: Source B
    language: fr
dimensions:
  - id: campaign
    label: {fr: Campagne, ar: الحملة, en: Campaign}
    members:
      - id: "2014"
        label: {fr: Première campagne, ar: الحملة الأولى, en: First campaign}
      - id: "2016"
        label: {fr: Deuxième campagne, ar: الحملة الثانية, en: Second campaign}
indicators:
"""
INDICATORS = ("regularisation_applications_filed", "regularisation_applications_approved",
              "regularisation_approval_rate", "voluntary_return_migrants")


def _indicators() -> str:
    return "".join(
        f"  - id: {name}\n    theme: regularisation\n"
        f"    unit: {'percent' if name.endswith('rate') else 'count'}\n"
        "    label: {fr: L, ar: L, en: L}\n    definition: {fr: D, ar: D, en: D}\n"
        for name in INDICATORS)


def _figure(figure_id: str, indicator: str, value: float, evidence: str, **fields: str) -> str:
    lines = [f"  - id: {figure_id}", f"    indicator: {indicator}", f"    value: {value}",
             f"    qualifier: {fields.pop('qualifier', 'exact')}",
             f"    source: {fields.pop('source', 'a')}"]
    lines += [f"    {name}: {text}" for name, text in fields.items()]
    if "locator" in fields:
        lines.append(f'    as_written: "{evidence}"')
    else:
        lines.append(f'    quote: "{evidence}"')
    return "\n".join(lines) + "\n"


def _load(*figures: str) -> Validated:
    return load_text(HEAD + _indicators() + "figures:\n" + "".join(figures)
                     + themes_of("regularisation"), "data.yaml")


def _warnings(*figures: str) -> list[str]:
    return [warning.message for warning in _load(*figures).warnings]


def _errors(*figures: str) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        _load(*figures)
    return [problem.message for problem in caught.value.problems]


FILED = "regularisation_applications_filed"


def test_two_counts_of_2014_that_disagree_give_one_warning_naming_both() -> None:
    assert _warnings(
        _figure("filed-a", FILED, 27649, "27.649 demandes", period='"2014"'),
        _figure("filed-b", FILED, 27443, "27 443 demandes", period='"2014"', source="b"),
    ) == ["figures of 'regularisation_applications_filed' disagree (2014): 27649 in 'filed-a' "
          "(figures.0), 27443 in 'filed-b' (figures.1)"]


def test_a_lower_bound_without_a_date_agrees_with_a_larger_count() -> None:
    assert _warnings(
        _figure("filed-bound", FILED, 12000, "plus de 12 000 migrants", qualifier="more_than"),
        _figure("filed-2014", FILED, 27649, "27.649 demandes", period='"2014"', source="b"),
    ) == []


def test_returns_by_country_agree_with_their_total_and_each_other() -> None:
    returns = "voluntary_return_migrants"
    assert _warnings(
        _figure("total", returns, 1500, "1 500 migrants", period='"2016"'),
        _figure("sn", returns, 400, "400 Sénégalais", period='"2016"', breakdown="{country: SN}"),
        _figure("gn", returns, 300, "300 Guinéens", period='"2016"', breakdown="{country: GN}"),
        _figure("ci", returns, 250, "250 Ivoiriens", period='"2016"', breakdown="{country: CI}"),
    ) == []


def test_parts_adding_up_to_more_than_their_total_are_reported() -> None:
    returns = "voluntary_return_migrants"
    assert _warnings(
        _figure("total", returns, 500, "500 migrants", period='"2016"'),
        _figure("sn", returns, 400, "400 Sénégalais", period='"2016"', breakdown="{country: SN}"),
        _figure("gn", returns, 300, "300 Guinéens", period='"2016"', breakdown="{country: GN}"),
    ) == ["the parts of 'voluntary_return_migrants' for 2016 add up to at least 700, more than "
          "the total 500"]


def test_two_running_counts_of_one_campaign_are_a_series() -> None:
    campaign = {"period": "2016-12/2017-12", "breakdown": '{campaign: "2016"}'}
    assert _warnings(
        _figure("mars", FILED, 18281, "18.281", as_of="2017-03-08", locator='"3e paragraphe"',
                **campaign),
        _figure("avril", FILED, 25000, "plus de 25 000", as_of="2017-04-27",
                qualifier="more_than", locator="titre", source="b", **campaign),
        _figure("final", FILED, 28400, "28 400", locator="chapeau", **campaign),
    ) == []


def test_running_counts_at_the_same_date_are_compared() -> None:
    campaign = {"period": "2016-12/2017-12", "as_of": "2017-03-08"}
    assert _warnings(
        _figure("one", FILED, 18281, "18.281", locator="titre", **campaign),
        _figure("two", FILED, 15000, "15.000", locator="titre", source="b", **campaign),
    ) == ["figures of 'regularisation_applications_filed' disagree (2016-12/2017-12, as of "
          "2017-03-08): 18281 in 'one' (figures.0), 15000 in 'two' (figures.1)"]


RATE = "regularisation_approval_rate"
APPROVED = "regularisation_applications_approved"


@pytest.mark.parametrize(("rate", "qualifier", "written", "expected"), [
    (83, "more_than", "plus de 83%", []),
    (83.5, "exact", "83,5%", []),
    (92, "exact", "92%", ["'regularisation_approval_rate' (2014): 92 % in 'rate' cannot be "
                          "'regularisation_applications_approved' ÷ "
                          "'regularisation_applications_filed', which gives 83.5 %"]),
])
def test_an_approval_rate_is_checked_against_its_counts(rate: float, qualifier: str,
                                                        written: str, expected: list[str]) -> None:
    assert _warnings(
        _figure("filed", FILED, 27649, "27.649 demandes", period='"2014"'),
        _figure("approved", APPROVED, 23096, "23 096 avis favorables", period='"2014"'),
        _figure("rate", RATE, rate, written, period='"2014"', qualifier=qualifier),
    ) == expected


def test_a_restatement_is_not_a_conflict() -> None:
    assert _warnings(
        _figure("body", RATE, 83, "plus de 83% des dossiers", qualifier="more_than",
                period='"2014"'),
        _figure("headline", RATE, 83, "83% des demandes approuvées", restates="body",
                period='"2014"'),
        _figure("other", RATE, 65, "65% des demandes", source="b", period='"2015"'),
    ) == []


@pytest.mark.parametrize(("restates", "value", "message"), [
    ("nowhere", 83, "restates 'nowhere', which is not a figure id: give the id of the figure "
                    "this one writes again"),
    ("body", 60, "restates 'body' (more_than 83) but writes 60: the two cannot both be right, "
                 "so this is not a restatement"),
    ("filed", 83, "restates 'filed', which measures something else "
                  "('regularisation_applications_filed'): a restatement writes the same figure "
                  "again"),
    ("subtitle", 83, "'subtitle' itself restates 'body': point restates at 'body', the figure "
                     "first written"),
])
def test_a_restatement_must_repeat_its_original(restates: str, value: int, message: str) -> None:
    assert _errors(
        _figure("filed", FILED, 27649, "27.649 demandes"),
        _figure("body", RATE, 83, "plus de 83% des dossiers", qualifier="more_than"),
        _figure("subtitle", RATE, 83, "83% approuvées", restates="body"),
        _figure("headline", RATE, value, f"{value}% des demandes", restates=restates),
    ) == [message]


def test_as_written_with_a_locator_is_evidence() -> None:
    validated = _load(_figure("f", FILED, 18281, "18.281", locator='"3e paragraphe"'))
    figure = validated.dataset.figures[0]
    assert (figure.quote, figure.as_written, figure.locator) == (None, "18.281", "3e paragraphe")
    assert figure.evidence == "18.281"


@pytest.mark.parametrize(("figure", "message"), [
    (_figure("f", FILED, 18281, "18.218", locator="titre"),
     "as_written does not write the value 18281: copy the numeral exactly as the source prints "
     "it ('18.281', '27 643', 'plus de 83%')"),
    (_figure("f", FILED, 18281, "18.281", as_written='"18.281"'),
     "give either quote or as_written, not both: the quote already writes the value"),
    (_figure("f", FILED, 12000, "plus de 12.000", locator="titre"),
     "the quote says 'plus de' next to the value but the qualifier is exact: set qualifier: "
     "more_than"),
    (_figure("f", FILED, 18281, "18.281", breakdown="{country: sn}"),
     "'sn' is not an ISO 3166-1 alpha-2 country code: write it in capitals, as SN for Senegal "
     "or CI for Côte d'Ivoire"),
    (_figure("f", FILED, 18281, "18.281", breakdown="{region: oriental}"),
     "unknown dimension 'region': declare it under dimensions (known: campaign, country)"),
    (_figure("f", FILED, 18281, "18.281", breakdown="{campaign: 2020}"),
     "'2020' is not a member of dimension 'campaign': add it under its members or use one of "
     "2014, 2016"),
    (_figure("f", FILED, 18281, "18.281", period='"2014"', as_of="2017-03-08"),
     "as_of 2017-03-08 is outside the period 2014: a running count is taken during the period "
     "it counts"),
])
def test_new_fields_are_checked(figure: str, message: str) -> None:
    assert _errors(figure) == [message]


def test_as_written_without_a_locator() -> None:
    text = _figure("f", FILED, 18281, "x").replace('    quote: "x"', '    as_written: "18.281"')
    assert _errors(text) == ["as_written needs a locator saying where it stands in the source "
                             "(locator: \"3e paragraphe\")"]


def test_a_campaign_member_written_as_a_number_is_its_id() -> None:
    validated = _load(_figure("f", FILED, 18281, "18.281", breakdown="{campaign: 2016}"))
    assert validated.dataset.figures[0].breakdown == {"campaign": "2016"}


def test_thousands_of_figures_of_one_quantity_give_one_bounded_warning() -> None:
    figures = [_figure(f"f{index}", FILED, 1000 + index, f"{1000 + index} demandes",
                       period='"2014"') for index in range(3000)]
    started = time.monotonic()
    warnings = _warnings(*figures)
    assert time.monotonic() - started < 10  # a hang guard; the sweep takes a fraction of it
    assert len(warnings) == 1
    assert re.fullmatch(r"figures of 'regularisation_applications_filed' disagree \(2014\): "
                        r"1000 in 'f0' \(figures\.0\), .*, and 2990 more", warnings[0])


@pytest.mark.parametrize(("value", "qualifier", "expected"), [
    (83, Qualifier.exact, Interval(82.5, 83.5, high_open=True)),
    (83.5, Qualifier.exact, Interval(83.45, 83.55, high_open=True)),
    (83, Qualifier.more_than, Interval(83, float("inf"), low_open=True)),
    (100, Qualifier.at_most, Interval(float("-inf"), 100)),
    (12000, Qualifier.approximately, Interval(10800, 13200)),
])
def test_what_a_figure_allows(value: float, qualifier: Qualifier, expected: Interval) -> None:
    allows = value_interval(value, qualifier)
    assert allows.low == pytest.approx(expected.low) and allows.high == pytest.approx(expected.high)
    assert (allows.low_open, allows.high_open) == (expected.low_open, expected.high_open)


def test_an_open_bound_does_not_meet_its_own_value() -> None:
    assert not Interval(83, 83).meets(Interval(83, float("inf"), low_open=True))
    assert Interval(82.5, 83.5).meets(Interval(83, float("inf"), low_open=True))
    assert not value_interval(83, Qualifier.exact).meets(value_interval(84, Qualifier.exact))
