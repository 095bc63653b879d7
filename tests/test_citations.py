"""Citation texts: every known part, unknown parts said as unknown, the quote verbatim."""

from indicators.citations import cite_figure, cited_figures, short_source
from loaders import load_path
from tests.conftest import FROZEN


def _item(figure_id: str):  # type: ignore[no-untyped-def]
    return next(item for item in cited_figures(load_path(FROZEN).dataset)
                if item.figure.id == figure_id)


def test_full_citation_in_french() -> None:
    assert cite_figure(_item("projet-agadir-24-mois"), "fr") == (
        "2M.ma. «\u00a0رئيسة بعثة المنظمة الدولية للهجرة بالمغرب لـ 2M.ma: إدماج المهاجرين أمر "
        "معقد واتفاقية أكادير مهمة\u00a0». 16 février 2024. presse. "
        "https://ksaplayers.com/Ksahome/NewsDetial/?nid=34453409. Consulté le\u202f: non "
        "indiqué.\nCitation (ar)\u202f: «وستمتد هذه المبادرة المبتكرة على مدى فترة 24 شهرًا، "
        "حتى نوفمبر 2025»")


def test_unknown_parts_are_said_unknown() -> None:
    text = cite_figure(_item("demandes-approuvees-23096"), "en")
    assert text.startswith("publisher: not stated. “Politique Migratoire : 83% des demandes "
                           "de régularisation approuvées”. date published: not stated. "
                           "address: not stated. Accessed: not stated.")


def test_republisher_is_named() -> None:
    item = next(item for item in cited_figures(load_path(FROZEN).dataset)
                if item.source.id == "oim-maroc-conference-integration")
    assert "OIM Maroc" in cite_figure(item, "fr")


def test_short_source_falls_back_to_the_title() -> None:
    item = _item("demandes-approuvees-23096")
    assert short_source(item.source, limit=20) == "Politique Migratoir…"
    assert short_source(_item("oim-etats-membres").source) == "OIM Maroc"
