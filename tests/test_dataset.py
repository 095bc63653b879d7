"""The curated file itself: valid, complete in every language, every figure cited."""

import pytest

from indicators.models import Dataset, Qualifier, Rank
from indicators.number_words import spans_of_words
from indicators.quotes import spans_of_value
from loaders import load_path
from tests.conftest import DATA, ROOT


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_path(DATA).dataset


def test_real_file_warns_only_where_outlets_disagree() -> None:
    # The headline's "83%" restates the body's "plus de 83%": no conflict to report there.
    # Early and provisional counts carry their date, round numbers say so, and counts of
    # other things (cards handed over) have their own indicator: the warnings left are the
    # outlets' real disagreements, one per quantity.
    warnings = [w.message for w in load_path(DATA).warnings]
    assert not any("regularisation_approval_rate' disagree (no period)" in w
                   and "taux-approbation" in w for w in warnings)
    first_campaign = [w for w in warnings if w.startswith(
        "figures of 'regularisation_applications_filed' (campaign: 2014) disagree")]
    assert len(first_campaign) == 1
    for version in ("27649", "27449", "27643"):
        assert version in first_campaign[0]
    for early_or_round in ("27332", "27130", "28000", "27000"):
        assert early_or_round not in first_campaign[0]
    # 15 on regularisation and returns; 11 among the asylum, census, transfers and border
    # figures, each two pages that print different numbers (listed in the closing notes).
    assert len(warnings) == 26


def test_the_first_campaigns_final_figures_are_preferred(dataset: Dataset) -> None:
    preferred = {figure.id for figure in dataset.figures if figure.rank == Rank.preferred}
    assert preferred == {"libe-demandes-2014", "demandes-approuvees-23096", "libe-taux-2014"}
    wrong = [figure for figure in dataset.figures if figure.rank == Rank.deprecated]
    assert {figure.value for figure in wrong if figure.indicator.startswith("regularisation")} \
        == {85.53, 85.5, 85}


def test_a_figure_its_own_page_contradicts_is_set_aside(dataset: Dataset) -> None:
    # L'Opinion's list of origins is shifted by a row (its "other countries" is Guinea's
    # number); Almarrakchi's 4,4 % is not what its own amounts give (4,0 %).
    wrong = {figure.id for figure in dataset.figures if figure.rank == Rank.deprecated
             and not figure.indicator.startswith("regularisation")}
    assert wrong == {"lopinion-total-gn-2022", "almarrakchi-mre-variation-2023"}


def test_every_open_period_says_when_it_was_true(dataset: Dataset) -> None:
    published = {source.id: source.published for source in dataset.sources}
    for figure in dataset.figures:
        if figure.period and figure.period.endswith("/.."):
            assert figure.as_of or published[figure.source], figure.id


def test_every_indicator_has_a_figure(dataset: Dataset) -> None:
    used = {figure.indicator for figure in dataset.figures}
    assert {indicator.id for indicator in dataset.indicators} == used


def test_every_source_is_cited(dataset: Dataset) -> None:
    cited = {figure.source for figure in dataset.figures}
    cited |= {milestone.source for milestone in dataset.milestones}
    assert cited == {source.id for source in dataset.sources}


def test_every_quote_writes_its_figure(dataset: Dataset) -> None:
    for figure in dataset.figures:
        found = (spans_of_words(figure.evidence, figure.value_in_words) if figure.value_in_words
                 else spans_of_value(figure.evidence, figure.value))
        assert found, figure.id


@pytest.mark.parametrize(("indicator", "value", "qualifier"), [
    ("regularisation_applications_approved", 23096, Qualifier.exact),
    ("regularisation_approval_rate", 83, Qualifier.more_than),
    ("regularisation_applications_filed", 12000, Qualifier.more_than),
    ("voluntary_return_migrants", 21073, Qualifier.exact),
    ("voluntary_return_countries", 36, Qualifier.exact),
    ("voluntary_return_start_year", 2004, Qualifier.exact),
    ("civil_society_associations_meeting", 155, Qualifier.exact),
    ("migrant_associations_regularised", 32, Qualifier.exact),
    ("iom_member_states", 174, Qualifier.exact),
    ("iom_countries_present", 100, Qualifier.more_than),
    ("iom_morocco_since", 2007, Qualifier.exact),
    ("eu_mobility_partnership_countries", 9, Qualifier.exact),
    ("communes_identified", 10, Qualifier.exact),
    ("planning_workshops", 4, Qualifier.exact),
    ("agadir_project_duration", 24, Qualifier.exact),
    ("policy_years_since_launch", 3, Qualifier.more_than),
])
def test_headline_figures(dataset: Dataset, indicator: str, value: int,
                          qualifier: Qualifier) -> None:
    found = [(f.value, f.qualifier) for f in dataset.figures if f.indicator == indicator]
    assert (value, qualifier) in found


def test_unknown_stays_unknown(dataset: Dataset) -> None:
    sources = {source.id: source for source in dataset.sources}
    unknown = sources["politique-migratoire-83-pourcent"]
    assert (unknown.publisher, unknown.url, unknown.published, unknown.type) == (
        None, None, None, None)
    assert all(source.accessed is None for source in dataset.sources)
    assert sources["2m-quito-pacte-mondial"].published == "2020-01-25"
    assert sources["2m-agadir-oim"].published == "2024-02-16"


def test_milestones_for_the_timeline(dataset: Dataset) -> None:
    dates = {milestone.id: milestone.date for milestone in dataset.milestones}
    assert dates["rapport-cndh-2013"] == "2013-09"
    assert dates["pacte-mondial-marrakech"] == "2018-12"
    assert dates["gfmd-quito-2020"] == "2020-01-21/2020-01-23"
    assert dates["fin-projet-agadir"] == "2025-11"


def test_every_label_and_definition_in_three_languages(dataset: Dataset) -> None:
    for indicator in dataset.indicators:
        for language in ("fr", "ar", "en"):
            assert indicator.label[language].strip()
            assert indicator.definition[language].strip()


def test_every_regularisation_count_names_its_campaign(dataset: Dataset) -> None:
    themed = {indicator.id for indicator in dataset.indicators
              if indicator.id.startswith("regularisation_")}
    required = {indicator.id for indicator in dataset.indicators
                if indicator.required_breakdown == ["campaign"]}
    assert required == themed and len(required) == 9


def test_the_reference_states_the_files_counts() -> None:
    # A reader checks the documentation against `validate`: the counts it prints must agree.
    loaded = load_path(DATA)
    reference = " ".join((ROOT / "docs" / "reference.md")
                         .read_text(encoding="utf-8").split())
    dataset = loaded.dataset
    assert (f"({len(dataset.figures)} figures, {len(dataset.indicators)} indicators, "
            f"{len(dataset.sources)} sources;") in reference
    assert f"({len(loaded.warnings)} warnings today)" in reference
