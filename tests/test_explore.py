"""Headline cards, conflicts, table views and the explorer's filters."""

import pytest

from indicators.citations import Cited, cited_figures
from indicators.explore import (
    FALLBACK_CARDS,
    conflicts,
    filter_frame,
    headline_rows,
    table_view,
)
from indicators.table import figure_frame, figure_rows
from loaders import load_path
from tests.conftest import FROZEN


@pytest.fixture(scope="module")
def items() -> list[Cited]:
    return cited_figures(load_path(FROZEN).dataset)


def test_the_overview_reads_one_campaign_per_row(items: list[Cited]) -> None:
    rows = headline_rows(items, load_path(FROZEN).dataset.dimensions)
    first, second = ([(card.item.indicator.id, card.item.figure.value) for card in row.cards]
                     for row in rows[:2])
    assert first == [("regularisation_applications_filed", 27649),
                     ("regularisation_applications_approved", 23096),
                     ("regularisation_approval_rate", 83.53)]
    assert rows[0].occurrence == (("campaign", "2014"),)
    # No source gives the second campaign's approvals: its row has filed and rate.
    assert second == [("regularisation_applications_filed", 28400),
                      ("regularisation_approval_rate", 40)]
    assert rows[1].occurrence == (("campaign", "2016"),)
    assert rows[-1].occurrence is None
    # The other cards in the order the file places them (`headline: 4` to 9).
    assert [card.item.indicator.id for card in rows[-1].cards] == [
        "voluntary_return_migrants", "voluntary_return_countries",
        "civil_society_associations_meeting", "migrant_associations_regularised",
        "iom_member_states", "iom_countries_present"]


def _head(*figures: tuple[str, int, str, str, str, str]) -> str:
    from tests.conftest import MINIMAL, THEMES

    head = MINIMAL.split("figures:\n")[0].replace(
        "    language: fr\n", "    language: fr\n    type: press\n"
        "  - id: gov\n    title: Ministère\n    language: fr\n    type: government\n")
    return head + "figures:\n" + "".join(
        f"  - id: {name}\n    indicator: ind\n    value: {value}\n    qualifier: {qualifier}\n"
        f"    source: {source}\n{extra}    quote: \"{quote}\"\n"
        for name, value, qualifier, source, extra, quote in figures) + THEMES


def _order(text: str) -> list[str]:
    from loaders import load_text

    [row] = headline_rows(cited_figures(load_text(text).dataset))
    [card] = row.cards
    return [card.item.figure.id, *(item.figure.id for item in card.others)]


def test_a_card_is_headed_by_final_then_exact_then_latest_then_official_figure() -> None:
    assert _order(_head(
        ("old", 27649, "exact", "gov", "    period: \"2014\"\n", "27 649 demandes"),
        ("bound", 28000, "more_than", "gov", "    period: \"2017\"\n",
         "plus de 28 000 demandes"),
        ("press", 28400, "exact", "src", "    period: \"2017\"\n", "28 400 demandes"),
        ("official", 28400, "exact", "gov", "    period: \"2017\"\n", "28 400 au total"),
        ("early", 29000, "exact", "gov", "    period: \"2017\"\n    status: provisional\n",
         "29 000 demandes"),
        ("undated", 30000, "exact", "gov", "", "30 000 demandes"),
    )) == ["official", "press", "old", "undated", "bound", "early"]


def test_a_later_round_number_heads_before_an_older_exact_count() -> None:
    # EDITING.md: an exact value or a speaker's rounded one, before an estimate or a bound;
    # then the latest date. A rounded figure is not a bound.
    assert _order(_head(
        ("old", 21073, "exact", "gov", "    period: \"2016\"\n", "21 073 demandes"),
        ("new", 18000, "exact", "src", "    period: 2005/2022\n    rounded: true\n",
         "18 000 demandes"),
        ("about", 19000, "approximately", "gov", "    period: \"2023\"\n",
         "environ 19 000 demandes"),
    )) == ["new", "old", "about"]


def test_a_preferred_figure_heads_its_card_and_a_deprecated_one_never_does() -> None:
    why = "    rank_reason: le bilan du ministère\n"
    assert _order(_head(
        ("latest", 28400, "exact", "gov", "    period: \"2017\"\n", "28 400 demandes"),
        ("chosen", 27649, "exact", "src", "    rank: preferred\n" + why, "27 649 demandes"),
    ))[0] == "chosen"
    with pytest.raises(ValueError):  # the only figure is set aside: no card at all
        _order(_head(("wrong", 85, "exact", "gov", "    rank: deprecated\n" + why, "85 %")))


def test_the_first_campaigns_applications_are_one_conflict_naming_every_outlet(
        items: list[Cited]) -> None:
    groups = {group[0].indicator.id + str(group[0].figure.breakdown_key()): group
              for group in conflicts(items)}
    filed = groups["regularisation_applications_filed(('campaign', '2014'),)"]
    # The early counts (27 332 on 9 February 2015) carry their date, and the speakers'
    # round 27 000 and 28 000 allow the final count: neither is a disagreement.
    assert sorted({item.figure.value for item in filed}) == [27449, 27643, 27649]
    # The headline's "83%" restates the body's "plus de 83%": one statement, not two.
    assert not any(item.figure.id.startswith("taux-approbation") for group in conflicts(items)
                   for item in group)


def test_table_view_columns_follow_the_language(items: list[Cited]) -> None:
    rows = table_view(items[:1], "en")
    assert rows == [{"Indicator": "Associations represented at the Rabat meeting",
                     "Value": "155", "Qualifier": "exact value", "Period": "not stated",
                     "Source": "Aujourd'hui le Maroc"}]


@pytest.mark.parametrize(("filters", "count"), [
    ({}, 138),
    ({"themes": ["Régularisation"]}, 88),
    ({"sources": ["2m-agadir-oim"]}, 1),
    ({"source_types": ["intergovernmental_organisation"]}, 9),
    ({"themes": ["Régularisation"], "sources": ["oim-maroc-conference-integration"]}, 1),
    ({"source_types": ["government"]}, 0),
])
def test_filter_frame(filters: dict[str, list[str]], count: int) -> None:
    frame = figure_frame(load_path(FROZEN).dataset, "fr")
    assert len(filter_frame(frame, **filters)) == count


def test_frame_and_rows_hold_the_same_table() -> None:
    dataset = load_path(FROZEN).dataset
    assert figure_frame(dataset, "ar").to_dict("records") == figure_rows(dataset, "ar")


def test_headlines_fall_back_to_the_first_indicators(items: list[Cited]) -> None:
    others = [item for item in items if item.indicator.headline is None]
    chosen = [card.item.indicator.id for row in headline_rows(others) for card in row.cards]
    assert len(chosen) == FALLBACK_CARDS
    assert chosen == list(dict.fromkeys(item.indicator.id for item in others))[:FALLBACK_CARDS]


def test_the_explorer_reads_in_the_page_language() -> None:
    from indicators.explore import readable

    frame = figure_frame(load_path(FROZEN).dataset, "fr")
    iom = frame[frame["indicator_id"] == "iom_countries_present"]
    table = readable(iom, "fr")
    assert list(table.columns) == ["Indicateur", "Valeur", "Période", "Thème", "Source",
                                   "Type de source", "Citation"]
    row = table.iloc[0]
    assert row["Valeur"] == "plus de 100"  # a bound stays a bound, never "100" with a code
    assert row["Type de source"] == "organisation intergouvernementale"
    assert row["Période"] == "non indiqué"
    arabic = readable(iom, "ar")
    assert arabic.columns[1] == "القيمة"
    # In words: a right-to-left grid would mirror "> 100" into "100 <".
    assert arabic.iloc[0, 1] == "أكثر من \u2066100\u2069"
    months = readable(frame[frame["unit"] == "months"], "fr")
    assert all(value.endswith(" mois") for value in months["Valeur"])


def test_figures_of_a_campaign_indicator_that_name_no_campaign_get_their_own_row() -> None:
    from loaders import load_text

    text = _head(
        ("first", 27649, "exact", "gov", "    breakdown: {campaign: '2014'}\n",
         "27 649 demandes"),
        ("unplaced", 12000, "more_than", "src", "", "plus de 12 000 demandes"),
    ).replace("figures:\n", "dimensions:\n  - id: campaign\n    label: {fr: Campagne, ar: حملة, "
              "en: Campaign}\n    parts: false\n    members:\n      - id: '2014'\n"
              "        label: {fr: Première, ar: الأولى, en: First}\nfigures:\n", 1)
    dataset = load_text(text).dataset
    rows = headline_rows(cited_figures(dataset), dataset.dimensions)
    assert [(row.occurrence, [card.item.figure.id for card in row.cards]) for row in rows] == [
        ((("campaign", "2014"),), ["first"]), ((), ["unplaced"])]
