"""Each named check, with a failing example written inline and its exact message."""

import re

import pytest

from indicators.problems import DatasetError
from tests.conftest import Loader

SECOND_FIGURE = """
  - id: fig2
    indicator: ind
    value: {value}
    qualifier: {qualifier}
    source: src
    quote: "{quote}"
"""


def _fails(load: Loader, *replacements: tuple[str, str], message: str) -> None:
    with pytest.raises(DatasetError, match=f"^{message}$"):
        load(*replacements)


def test_the_minimal_dataset_is_valid(load: Loader) -> None:
    validated = load()
    assert [figure.id for figure in validated.dataset.figures] == ["fig"]
    assert validated.warnings == []


def test_duplicate_ids(load: Loader) -> None:
    _fails(load, ("source: src\n    quote", "source: src\n    quote"),
           ("figures:\n", "figures:\n  - id: fig\n    indicator: ind\n    value: 23096\n"
            "    qualifier: exact\n    source: src\n    quote: \"23 096\"\n"),
           message=re.escape("data.yaml:19:9: figures.1.id: duplicate id 'fig': "
                             "already used by figures.0"))


def test_unknown_indicator(load: Loader) -> None:
    _fails(load, ("indicator: ind", "indicator: indd"),
           message=re.escape("data.yaml:14:16: figures.0.indicator: unknown indicator 'indd': "
                             "add it under indicators or fix the id"))


def test_unknown_source(load: Loader) -> None:
    _fails(load, ("source: src\n    quote", "source: nowhere\n    quote"),
           message=re.escape("data.yaml:17:13: figures.0.source: unknown source 'nowhere': "
                             "add it under sources or fix the id"))


def test_negative_count(load: Loader) -> None:
    _fails(load, ("value: 23096", "value: -23096"),
           ("23 096 demandes", "-23096 demandes"),
           message=re.escape("data.yaml:15:12: figures.0.value: a count cannot be negative, "
                             "not -23096"))


def test_fractional_count(load: Loader) -> None:
    _fails(load, ("value: 23096", "value: 23.5"), ("23 096 demandes", "23,5 demandes"),
           message=re.escape("data.yaml:15:12: figures.0.value: a count must be a whole "
                             "number, not 23.5"))


def test_percentage_over_100(load: Loader) -> None:
    _fails(load, ("unit: count", "unit: percent"), ("value: 23096", "value: 183"),
           ("23 096 demandes", "183% des demandes"),
           message=re.escape("data.yaml:15:12: figures.0.value: a percentage must be between "
                             "0 and 100, not 183"))


def test_implausible_year(load: Loader) -> None:
    _fails(load, ("unit: count", "unit: year"), ("value: 23096", "value: 3014"),
           ("23 096 demandes", "depuis 3014"),
           message=re.escape("data.yaml:15:12: figures.0.value: a year must be between 1900 "
                             "and 2100, not 3014"))


def test_quote_must_write_the_value(load: Loader) -> None:
    _fails(load, ("value: 23096", "value: 23069"),
           message=re.escape("data.yaml:18:12: figures.0.quote: the quote does not write the "
                             "value 23069; copy the sentence that holds it, or give "
                             "value_in_words if the source spells it in words"))


def test_value_in_words_accepted(load: Loader) -> None:
    validated = load(("value: 23096", "value: 10\n    value_in_words: dix"),
                     ("23 096 demandes", "dix communes"))
    assert validated.dataset.figures[0].value == 10


def test_value_in_words_must_be_in_the_quote(load: Loader) -> None:
    _fails(load, ("value: 23096", "value: 10\n    value_in_words: dix"),
           message=re.escape("data.yaml:16:21: figures.0.value_in_words: the quote does not "
                             "contain value_in_words 'dix'"))


def test_value_in_words_must_spell_the_value(load: Loader) -> None:
    _fails(load, ("value: 23096", "value: 12\n    value_in_words: dix"),
           ("23 096 demandes", "dix communes"),
           message=re.escape("data.yaml:16:21: figures.0.value_in_words: value_in_words 'dix' "
                             "does not spell 12 in 'fr'"))


def test_lower_bound_marked_exact(load: Loader) -> None:
    _fails(load, ("value: 23096", "value: 12000"),
           ("23 096 demandes ont reçu", "plus de 12 000 migrants ont demandé"),
           message=re.escape("data.yaml:16:16: figures.0.qualifier: the quote says 'plus de' "
                             "next to the value but the qualifier is exact: set qualifier: "
                             "more_than"))


def test_arabic_lower_bound_marked_exact(load: Loader) -> None:
    _fails(load, ("value: 23096", "value: 100"),
           ("23 096 demandes ont reçu un avis favorable", "أكثر من 100 بلد"),
           message=re.escape("data.yaml:16:16: figures.0.qualifier: the quote says 'أكثر من' "
                             "next to the value but the qualifier is exact: set qualifier: "
                             "more_than"))


def test_lower_bound_marked_as_such(load: Loader) -> None:
    validated = load(("value: 23096", "value: 12000"), ("qualifier: exact", "qualifier: more_than"),
                     ("23 096 demandes ont reçu", "plus de 12 000 migrants ont demandé"))
    assert validated.dataset.figures[0].qualifier == "more_than"


def test_conflict_is_a_warning(load: Loader) -> None:
    extra = SECOND_FIGURE.format(value=23000, qualifier="exact", quote="23 000 demandes")
    validated = load(("avis favorable\"\n", "avis favorable\"\n" + extra.lstrip("\n")))
    assert [w.format("data.yaml") for w in validated.warnings] == [
        "data.yaml:15:12: figures.0.value: figures of 'ind' disagree (no period): 23096 in "
        "'fig' (figures.0), 23000 in 'fig2' (figures.1)"]


def test_an_approximate_value_that_covers_the_exact_one_agrees(load: Loader) -> None:
    extra = SECOND_FIGURE.format(value=23000, qualifier="approximately",
                                 quote="environ 23 000 demandes")
    assert load(("avis favorable\"\n", "avis favorable\"\n" + extra.lstrip("\n"))).warnings == []


def test_same_value_twice_is_no_conflict(load: Loader) -> None:
    extra = SECOND_FIGURE.format(value=23096, qualifier="exact", quote="23096 demandes")
    validated = load(("avis favorable\"\n", "avis favorable\"\n" + extra.lstrip("\n")))
    assert validated.warnings == []


def test_more_approved_than_filed_is_a_warning(load: Loader) -> None:
    indicators = ("  - id: ind\n", "  - id: regularisation_applications_filed\n    theme: "
                  "regularisation\n    unit: count\n    label: {fr: a, ar: b, en: c}\n"
                  "    definition: {fr: a, ar: b, en: c}\n  - id: ind\n")
    extra = SECOND_FIGURE.format(value=20000, qualifier="exact", quote="20 000 demandes")
    extra = extra.replace("indicator: ind", "indicator: regularisation_applications_filed")
    approved = "regularisation_applications_approved"
    validated = load(indicators, ("indicator: ind", f"indicator: {approved}"),
                     ("  - id: ind\n", "  - id: regularisation_applications_approved\n"),
                     ("avis favorable\"\n", "avis favorable\"\n" + extra.lstrip("\n")))
    assert [w.message for w in validated.warnings] == [
        "'regularisation_applications_approved' (23096) is larger than "
        "'regularisation_applications_filed' (20000) for no period"]


def test_one_period_in_two_spellings_is_one_conflict(load: Loader) -> None:
    extra = SECOND_FIGURE.format(value=23000, qualifier="exact", quote="23 000 demandes")
    extra = extra.replace("    source: src", "    period: 2014/2014\n    source: src")
    validated = load(("    qualifier: exact\n", "    qualifier: exact\n    period: \"٢٠١٤\"\n"),
                     ("avis favorable\"\n", "avis favorable\"\n" + extra.lstrip("\n")))
    assert [w.format("data.yaml") for w in validated.warnings] == [
        "data.yaml:15:12: figures.0.value: figures of 'ind' disagree (2014): 23096 in 'fig' "
        "(figures.0), 23000 in 'fig2' (figures.1)"]
    assert [figure.period for figure in validated.dataset.figures] == ["2014", "2014"]


def test_a_lower_bound_below_the_count_agrees(load: Loader) -> None:
    figures = "".join(SECOND_FIGURE.format(value=value, qualifier=qualifier, quote=quote)
                      .replace("fig2", name).lstrip("\n") for name, value, qualifier, quote in (
                          ("fig2", 23096, "exact", "23096 demandes"),
                          ("fig3", 12000, "more_than", "plus de 12 000 demandes")))
    assert load(("avis favorable\"\n", "avis favorable\"\n" + figures)).warnings == []


def test_the_same_figure_twice_is_an_error(load: Loader) -> None:
    extra = SECOND_FIGURE.format(value=23096, qualifier="exact",
                                 quote="23 096 demandes ont reçu un avis favorable")
    _fails(load, ("avis favorable\"\n", "avis favorable\"\n" + extra.lstrip("\n")),
           message=re.escape("data.yaml:19:5: figures.1: figures.1 repeats figures.0 ('fig'): "
                             "same indicator, value, qualifier, period, source and quote; "
                             "remove one"))


def test_the_same_value_from_another_sentence_is_no_repeat(load: Loader) -> None:
    extra = SECOND_FIGURE.format(value=23096, qualifier="exact", quote="23 096 au total")
    assert load(("avis favorable\"\n", "avis favorable\"\n" + extra.lstrip("\n"))).warnings == []


def test_a_duration_of_more_than_a_century(load: Loader) -> None:
    _fails(load, ("unit: count", "unit: months"), ("value: 23096", "value: 2014"),
           ("23 096 demandes", "2014 mois"),
           message=re.escape("data.yaml:15:12: figures.0.value: a duration in months must be "
                             "at most a century (1200), not 2014"))


def test_a_part_is_compared_with_the_smallest_exact_whole(load: Loader) -> None:
    indicators = ("  - id: ind\n", "  - id: regularisation_applications_filed\n    theme: "
                  "regularisation\n    unit: count\n    label: {fr: a, ar: b, en: c}\n"
                  "    definition: {fr: a, ar: b, en: c}\n  - id: ind\n")
    wholes = "".join(SECOND_FIGURE.format(value=value, qualifier=qualifier, quote=quote)
                     .replace("fig2", name)
                     .replace("indicator: ind", "indicator: regularisation_applications_filed")
                     .lstrip("\n") for name, value, qualifier, quote in (
                         ("filed-a", 21000, "exact", "21 000 demandes"),
                         ("filed-b", 20000, "exact", "20 000 demandes"),
                         ("filed-c", 10000, "more_than", "plus de 10 000 demandes")))
    approved = "regularisation_applications_approved"
    validated = load(indicators, ("indicator: ind", f"indicator: {approved}"),
                     ("  - id: ind\n", f"  - id: {approved}\n"),
                     ("avis favorable\"\n", "avis favorable\"\n" + wholes))
    larger = [w.message for w in validated.warnings if "is larger than" in w.message]
    assert larger == [f"'{approved}' (23096) is larger than 'regularisation_applications_filed' "
                      "(20000) for no period"]
