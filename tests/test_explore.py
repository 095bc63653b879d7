"""Headline cards, conflicts, table views and the explorer's filters."""

import pytest

from indicators.citations import Cited, cited_figures
from indicators.explore import HEADLINES, conflicts, filter_frame, headline_figures, table_view
from indicators.table import figure_frame, figure_rows
from loaders import load_path
from tests.conftest import DATA


@pytest.fixture(scope="module")
def items() -> list[Cited]:
    return cited_figures(load_path(DATA).dataset)


def test_headlines_in_order_with_their_first_figure(items: list[Cited]) -> None:
    headlines = headline_figures(items)
    assert [item.indicator.id for item, _ in headlines] == list(HEADLINES)
    rate, others = headlines[1]
    # The headline's "83%" restates the body: one statement, never listed as another value.
    assert rate.figure.id == "taux-approbation-plus-de-83"
    assert "taux-approbation-titre-83" not in [item.figure.id for item in others]


def test_a_card_is_headed_by_the_latest_then_exact_then_official_figure() -> None:
    from loaders import load_text
    from tests.conftest import MINIMAL

    head = MINIMAL.split("figures:\n")[0].replace(
        "    language: fr\n", "    language: fr\n    type: press\n"
        "  - id: gov\n    title: Ministère\n    language: fr\n    type: government\n")
    figures = "".join(
        f"  - id: {name}\n    indicator: ind\n    value: {value}\n    qualifier: {qualifier}\n"
        f"    source: {source}\n{extra}    quote: \"{quote}\"\n"
        for name, value, qualifier, source, extra, quote in (
            ("old", 27649, "exact", "gov", "    period: \"2014\"\n", "27 649 demandes"),
            ("bound", 28000, "more_than", "gov", "    period: \"2017\"\n",
             "plus de 28 000 demandes"),
            ("press", 28400, "exact", "src", "    period: \"2017\"\n", "28 400 demandes"),
            ("official", 28400, "exact", "gov", "    period: \"2017\"\n", "28 400 au total"),
            ("undated", 30000, "exact", "gov", "", "30 000 demandes")))
    items = cited_figures(load_text(head + "figures:\n" + figures).dataset)
    [(headline, others)] = headline_figures(items)
    assert headline.figure.id == "official"
    assert [item.figure.id for item in others] == ["press", "bound", "old", "undated"]


def test_the_first_campaigns_applications_are_one_conflict_naming_every_outlet(
        items: list[Cited]) -> None:
    groups = {group[0].indicator.id + str(group[0].figure.breakdown_key()): group
              for group in conflicts(items)}
    filed = groups["regularisation_applications_filed(('campaign', '2014'),)"]
    assert sorted({item.figure.value for item in filed}) == [27000, 27332, 27449, 27643, 27649,
                                                            28000]
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
    frame = figure_frame(load_path(DATA).dataset, "fr")
    assert len(filter_frame(frame, **filters)) == count


def test_frame_and_rows_hold_the_same_table() -> None:
    dataset = load_path(DATA).dataset
    assert figure_frame(dataset, "ar").to_dict("records") == figure_rows(dataset, "ar")


def test_headlines_fall_back_to_the_first_indicators(items: list[Cited]) -> None:
    others = [item for item in items if item.indicator.id not in HEADLINES]
    chosen = [item.indicator.id for item, _ in headline_figures(others)]
    assert chosen == list(dict.fromkeys(item.indicator.id for item in others))[:len(HEADLINES)]


def test_the_explorer_reads_in_the_page_language() -> None:
    from indicators.explore import readable

    frame = figure_frame(load_path(DATA).dataset, "fr")
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
