"""The Streamlit page, driven by AppTest without a browser."""

import errno
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from loaders import load_path
from tests.conftest import BODY, FROZEN, MINIMAL, PASSWD, ROOT, minimal_with
from views import page_script, registry_of

pytestmark = pytest.mark.apptest

# Every view of the file the page reads under test (tests/conftest.py), in the sidebar's order.
VIEWS = list(registry_of(FROZEN))
TITLES = {"fr": "Indicateurs de la migration au Maroc", "ar": "مؤشرات الهجرة في المغرب",
          "en": "Morocco migration indicators"}


def _app(**query: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        app.query_params[key] = value
    return app.run()


@pytest.fixture
def data_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the page at a file of the test's own; clear the watcher cache around it."""
    path = tmp_path / "data.yaml"
    monkeypatch.setenv("INDICATORS_DATA", str(path))
    import streamlit as st

    st.cache_resource.clear()
    yield path
    st.cache_resource.clear()


def _limit(monkeypatch: pytest.MonkeyPatch, name: str, value: int) -> None:
    """A limit the views share, set in every module of views/ that reads it."""
    readers = [module for key, module in sys.modules.items()
               if key.startswith("views.") and hasattr(module, name)]
    assert readers, name
    for module in readers:
        monkeypatch.setattr(module, name, value)


def _unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def _texts(app: AppTest) -> str:
    parts = [element.value for kind in ("markdown", "caption", "code", "warning", "error",
                                        "header", "title")
             for element in app.get(kind)]
    return _unescape("\n".join(str(part) for part in parts))


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_in_every_language(view: str, language: str) -> None:
    app = _app(lang=language, view=view)
    assert not app.exception
    assert app.title[0].value == TITLES[language]
    charts = app.get("plotly_chart")
    if view == "overview":
        # Filed, approved and rate for the first campaign; filed and rate for the second
        # (no source gives its approvals); then the six other key figures the file places.
        headlines = [i for i in load_path(FROZEN).dataset.indicators if i.headline is not None]
        assert len(app.metric) == 5 + len(headlines) - 3 == 11
        assert not charts
    elif view == "explorer":
        assert len(app.get("download_button")) == 5
        assert len(app.dataframe) == 1
        assert "/app/static/indicators.csv" in app.code[-1].value
    elif view == "timeline":
        assert len(charts) == 1  # the milestones; the policy figures are cards
        assert app.metric
    elif view == "draft":
        assert app.text_area(key="draft-text").value == ""
    else:
        # Comparisons are charts, lone figures are cards; every figure is in the table,
        # one switch away.
        assert charts or app.metric
        assert not app.table
        app.toggle(key=f"details-{view}").set_value(True).run()
        assert len(app.table) == 1
        if view in ("regularisation", "voluntary_return"):
            assert len(charts) >= 2  # campaigns over time, what each source says


@pytest.mark.parametrize(("language", "first", "second"), [
    ("fr", ["27\u202f649", "23\u202f096", "83,53\u00a0%"], ["28\u202f400", "40\u00a0%"]),
    ("ar", ["\u206627.649\u2069", "\u206623.096\u2069", "\u206683,53\u00a0%\u2069"],
     ["\u206628.400\u2069", "\u206640\u00a0%\u2069"]),
    ("en", ["27,649", "23,096", "83.53\u00a0%"], ["28,400", "40\u00a0%"]),
])
def test_each_campaign_is_one_row_of_cards_with_its_final_figures_first(
        language: str, first: list[str], second: list[str]) -> None:
    app = _app(lang=language, view="overview")
    values = [metric.value for metric in app.metric]
    assert values[:5] == first + second
    headings = [_unescape(element.value) for element in app.subheader]
    assert headings[:2] == [{"fr": "Première campagne (2014)", "ar": "الحملة الأولى (2014)",
                             "en": "First campaign (2014)"}[language],
                            {"fr": "Deuxième campagne (2016-2017)",
                             "ar": "الحملة الثانية (2016-2017)",
                             "en": "Second campaign (2016-2017)"}[language]]


def test_a_card_says_its_status_and_date_on_its_face() -> None:
    app = _app(lang="fr", view="overview")
    face = _texts(app)
    # The second campaign's 40 % is provisional, before the appeals, dated on the card.
    assert "**Provisoire**" in face
    assert "Deuxième campagne (2016-2017) · au 22 novembre 2017" in face
    # Returns since 2004: when the count was true, not "now".
    assert "depuis 2005" in face or "depuis 2004" in face
    values = {_unescape(metric.label): metric.value for metric in app.metric}
    assert values["Pays où l'OIM est présente"] == "> 100"
    assert values["Associations représentées à la rencontre de Rabat"] == "155"
    assert values["États membres de l'OIM"] == "174"


def test_other_values_name_their_campaign_status_and_reason() -> None:
    app = _app(lang="en", view="overview")
    listed = _texts(app)
    assert ("First campaign (2014) · as of February 9, 2015 · provisional" in listed)
    assert "set aside: A miscalculation repeated from article to article" in listed


def test_cards_open_their_citation() -> None:
    app = _app(lang="en", view="overview")
    code = [element.value for element in app.code]
    assert any("«\u00a0Cette rencontre a connu la participation de représentants de 155 "
               "associations" in text for text in code)
    assert len(app.get("popover")) == len(app.metric) == 11


def test_switching_language_changes_labels() -> None:
    app = _app()
    assert app.title[0].value == TITLES["fr"]
    app.sidebar.radio(key="lang").set_value("ar").run()
    assert app.title[0].value == TITLES["ar"]
    assert app.header[0].value == "نظرة عامة"
    assert app.query_params["lang"] == "ar"


def test_query_string_selects_view_and_language() -> None:
    app = _app(lang="en", view="voluntary_return")
    assert app.header[0].value == "Voluntary return"
    assert app.sidebar.radio(key="view-en").value == "voluntary_return"


def test_unknown_query_values_fall_back() -> None:
    app = _app(lang="xx", view="<script>")
    assert not app.exception
    assert app.title[0].value == TITLES["fr"]
    assert app.header[0].value == "Vue d'ensemble"


def test_selected_indicator_is_opened() -> None:
    app = _app(view="voluntary_return", indicator="voluntary_return_countries")
    assert app.selectbox(key="cite-voluntary_return-indicator-fr").value == (
        "voluntary_return_countries")
    picked = app.selectbox(key="cite-voluntary_return-fr-voluntary_return_countries")
    assert _unescape(picked.format_func(picked.value)).startswith(
        "Pays d'origine des migrants aidés au retour — 36 — ")
    assert any("originaires de 36 pays différents" in code.value for code in app.code)


def _details(app: AppTest, theme: str) -> AppTest:
    """The theme's table, sources and figure picker, opened as a reader opens them."""
    return app.toggle(key=f"details-{theme}").set_value(True).run()


def test_picking_another_figure_shows_its_citation() -> None:
    app = _details(_app(view="regularisation", lang="en"), "regularisation")
    app.selectbox(key="cite-regularisation-indicator-en").set_value(
        "regularisation_applications_approved").run()
    picker = app.selectbox(key="cite-regularisation-en-regularisation_applications_approved")
    assert len(picker.options) < 20  # the indicator's figures, not the theme's 88
    picker.select_index(next(index for index, label in enumerate(picker.options)
                             if "23,096" in label)).run()
    assert any("23 096 demandes ont reçu un avis favorable" in code.value for code in app.code)
    # The choice is in the URL, and survives a switch of language.
    assert app.query_params["figure"] == "demandes-approuvees-23096"
    assert app.query_params["indicator"] == "regularisation_applications_approved"
    app.radio(key="lang").set_value("fr").run()
    picked = app.selectbox(key="cite-regularisation-fr-regularisation_applications_approved")
    assert _unescape(picked.format_func(picked.value)).startswith(
        "Demandes de régularisation approuvées — 23")


def test_a_theme_draws_its_first_comparisons_and_the_others_on_request() -> None:
    from views import theme

    app = _app(view="regularisation")
    first = [chart.proto.spec for chart in app.get("plotly_chart")]
    assert len(first) == theme.FIRST_CHARTS
    switch = app.toggle(key="chart-regularisation-rest")
    assert switch.label.startswith("Afficher les ") and switch.value is False
    switch.set_value(True).run()
    every = [chart.proto.spec for chart in app.get("plotly_chart")]
    assert every[:len(first)] == first and len(every) > len(first)
    assert f"{len(every) - len(first)} autres" in switch.label


def test_a_theme_view_opens_with_its_charts_and_its_table_is_one_switch_away() -> None:
    app = _app(view="regularisation")
    assert app.get("plotly_chart")
    # Nothing after the charts and cards but the switch: no table, sources or picker.
    assert not app.table and not app.selectbox and not app.code
    switch = app.toggle(key="details-regularisation")
    assert switch.value is False
    label = switch.label
    switch.set_value(True).run()
    # The switch names the rows the table then shows.
    assert len(app.table) == 1
    assert label == (f"Afficher le tableau des {len(app.table[0].value)} chiffres, leurs "
                     "sources et leurs citations")
    assert "Sources" in _texts(app)
    assert app.selectbox(key="cite-regularisation-indicator-fr")
    # A link to a figure (or an indicator) opens them at once.
    linked = _app(view="regularisation", figure="demandes-approuvees-23096")
    assert linked.toggle(key="details-regularisation").value is True
    assert len(linked.table) == 1


def test_a_theme_table_is_a_plain_table_and_the_copyable_citation_opens_on_request() -> None:
    app = _details(_app(view="regularisation"), "regularisation")
    assert not app.dataframe
    assert len(app.table) == 1
    citations = [block.value for block in app.code]
    assert len(citations) == 1 and "version" in citations[0]
    assert [popover.proto.popover.label for popover in app.get("popover")] == [
        "Citer ce chiffre"]


def test_conflict_shown_side_by_side(data_file: Path) -> None:
    second = BODY.split("figures:\n")[1].replace("id: fig", "id: fig2")
    data_file.write_text(minimal_with(second.replace("23096", "27643").replace("23 096", "27 643")),
                         encoding="utf-8")
    app = _app(lang="en", view="regularisation")
    assert any("different values" in w.value for w in app.warning)
    specs = [chart.proto.spec for chart in app.get("plotly_chart")]
    assert len(specs) == 1, "one chart: what each source says"
    assert "23,096" in specs[0] and "27,643" in specs[0]


def test_a_restatement_is_shown_once_with_both_quotes() -> None:
    app = _app(lang="en", view="regularisation", indicator="regularisation_approval_rate")
    quotes = [element.value for element in app.markdown if element.value.startswith("«")]
    assert any("plus de 83" in text for text in quotes)
    headline = [text for text in quotes if "83% des demandes de régularisation approuvées" in text]
    assert len(headline) == 1  # shown once, in the citation of the body's figure


def test_explorer_filters_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_DATA", str(FROZEN))
    app = _app(view="explorer")
    app.multiselect(key="filter-theme-fr").select("Régularisation").run()
    assert len(app.dataframe[0].value) == 88
    assert "88 chiffres affichés sur 138" in _texts(app)


def test_html_in_the_data_is_shown_as_text(data_file: Path) -> None:
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    data_file.write_text(MINIMAL.replace("Titre", f'"{hostile}"').replace(
        "{fr: Libellé,", f"{{fr: '{hostile}',"), encoding="utf-8")
    for view in ("overview", "regularisation", "explorer"):
        app = _app(view=view)
        assert not app.exception
        for element in app.markdown:
            assert "<script>" not in element.value or not element.proto.allow_html
            if "alert(1)" in element.value:
                assert not element.proto.allow_html


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_raw_html_is_static_style_and_the_language_script(data_file: Path,
                                                          language: str) -> None:
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    data_file.write_text(MINIMAL.replace("Titre", f'"{hostile}"').replace(
        "{fr: Libellé,", f"{{fr: '{hostile}',"), encoding="utf-8")
    for view in registry_of(data_file):
        elements = [element.proto for element in _app(view=view, lang=language).get("html")]
        assert not any("alert" in element.body for element in elements)
        scripts = [element.body for element in elements if element.unsafe_allow_javascript]
        assert len(scripts) == 2
        assert scripts[0].startswith(f"<script>document.documentElement.lang = '{language}'; ")
        assert scripts[1] == page_script.script(language)  # the catalogs' words, no data
        styles = [element.body for element in elements if not element.unsafe_allow_javascript]
        assert styles and all(body.strip().startswith("<style>") for body in styles)


def test_first_load_invalid_shows_errors_not_a_traceback(data_file: Path) -> None:
    data_file.write_text(MINIMAL.replace("value: 23096", "vaule: 23096"), encoding="utf-8")
    app = _app()
    assert not app.exception
    assert app.error[0].value.startswith("Aucune donnée valide")
    assert "data.yaml:15:5: figures.0.vaule: unknown field 'vaule'; did you mean 'value'?" in (
        app.code[0].value)


def test_broken_edit_keeps_showing_the_last_good_data(data_file: Path) -> None:
    data_file.write_text(MINIMAL, encoding="utf-8")
    app = _app(view="regularisation")
    assert not app.exception
    assert app.metric[0].value == "23\u202f096"
    data_file.write_text(MINIMAL.replace("qualifier: exact", "qualifier: [oops"),
                         encoding="utf-8")
    os.utime(data_file, ns=(10**18, 10**18))
    app.run()
    assert not app.exception
    assert app.warning[0].value.startswith("Pour les éditeurs\u202f: le fichier modifié n'est pas "
                                           "valide.")
    assert app.code[0].value.endswith(
        "data.yaml:17:11: syntax: the list opened with '[' at line 16, column 16 is not closed: "
        "add ']' (or separate its items with ',')")
    assert app.metric[0].value == "23\u202f096", "the last good figure is still shown"


def test_another_file_in_the_data_files_place_is_named_and_quoted_short(
        data_file: Path) -> None:
    data_file.write_text(MINIMAL, encoding="utf-8")
    app = _app(lang="en")
    data_file.write_text(PASSWD, encoding="utf-8")
    os.utime(data_file, ns=(10**18, 10**18))
    app.run()
    assert not app.exception
    # Outside the repository, the file is its name alone; its text, 40 characters at most.
    assert app.code[0].value == (
        "data.yaml:1:1: Input should be a valid dictionary or instance of Dataset "
        "(got 'root:x:0:0:root:/root:/bin/bash daemon:…')")
    assert str(data_file.parent) not in _texts(app)
    assert "nologin" not in _texts(app)
    assert app.metric[0].value == "23,096", "the last good figure is still shown"


def test_draft_with_errors_lists_them_with_lines() -> None:
    app = _app(view="draft")
    app.text_area(key="draft-text").input(MINIMAL.replace("value: 23096", "vaule: 23096")).run()
    assert not app.exception
    assert app.error[0].value == "Le brouillon contient 2 erreurs\u202f:"
    assert app.code[0].value == (
        "draft.yaml:13:5: figures.0.value: champ obligatoire manquant\u202f: 'value'\n"
        "draft.yaml:15:5: figures.0.vaule: champ inconnu 'vaule'\u202f; vouliez-vous dire "
        "'value'\u202f?")
    assert not app.caption or "anglais" not in app.caption[-1].value  # nothing left in English


def test_valid_draft_is_previewed() -> None:
    app = _app(view="draft", lang="en")
    app.text_area(key="draft-text").input(MINIMAL).run()
    assert not app.exception
    assert app.success[0].value == "Valid draft: 1 figure, 1 indicator, 1 source, 0 warnings."
    assert not app.get("plotly_chart"), "a lone figure is not charted"
    assert len(app.dataframe[0].value) == 1
    assert len(app.get("download_button")) == 1


def test_draft_markup_is_shown_as_text() -> None:
    app = _app(view="draft")
    hostile = MINIMAL.replace("Titre", '"<img src=x onerror=alert(1)>"')
    app.text_area(key="draft-text").input(hostile).run()
    assert not app.exception
    assert all(not element.proto.allow_html or "onerror" not in element.value
               for element in app.markdown)


def test_draft_is_checked_even_when_the_published_file_is_broken(data_file: Path) -> None:
    data_file.write_text("a: [", encoding="utf-8")
    app = _app(view="draft")
    app.text_area(key="draft-text").input(MINIMAL).run()
    assert app.success


def test_valid_edit_shows_on_the_next_interaction(data_file: Path) -> None:
    data_file.write_text(MINIMAL, encoding="utf-8")
    app = _app(view="explorer")
    assert app.dataframe[0].value["Valeur"].tolist() == ["23\u202f096"]
    data_file.write_text(MINIMAL.replace("value: 23096", "value: 23097").replace(
        "23 096", "23 097"), encoding="utf-8")
    os.utime(data_file, ns=(2 * 10**18, 2 * 10**18))
    app.run()
    assert app.dataframe[0].value["Valeur"].tolist() == ["23\u202f097"]


def test_explorer_caps_the_table_but_not_the_downloads(data_file: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _limit(monkeypatch, "MAX_TABLE_ROWS", 1)
    extra = minimal_with("  - id: fig2\n    indicator: ind\n    value: 5\n    qualifier: exact\n"
                         "    source: src\n    quote: \"5 demandes\"\n")
    data_file.write_text(extra, encoding="utf-8")
    app = _app(view="explorer")
    assert len(app.dataframe[0].value) == 1
    assert "Le tableau montre 1 ligne\u202f;" in _texts(app)


def test_every_table_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    _limit(monkeypatch, "MAX_TABLE_ROWS", 3)
    _limit(monkeypatch, "THEME_TABLE_ROWS", 3)
    for view, table in (("timeline", "table"), ("regularisation", "table")):
        app = _app(view=view) if view == "timeline" else _details(_app(view=view), view)
        shown = app.dataframe[0].value if table == "dataframe" else app.table[0].value
        assert len(shown) == 3, view
        assert "Le tableau montre les 3 premières lignes\u202f;" in _texts(app), view


def test_explorer_filters_speak_the_page_language() -> None:
    app = _app(view="explorer", lang="ar")
    assert app.multiselect(key="filter-theme-ar").placeholder == "الكل"


MARKUP = ('<a href="http://evil.example">a</a> <span style="color:red">b</span> '
          "[c](http://evil.example) ![d](http://evil.example/x.png) :red[e] $f^2$ "
          "http://bare.example www.bare.example g@mail.example")


def _hostile_file(data_file: Path) -> None:
    quoted = MARKUP.replace('"', '\\"')
    data_file.write_text(
        MINIMAL.replace("{fr: Libellé,", f'{{fr: "{quoted}",')
        .replace("{fr: Définition,", f'{{fr: "{quoted}",')
        .replace("    language: fr\n", f'    language: fr\n    note: "{quoted}"\n')
        + "milestones:\n  - id: m\n    date: \"2014\"\n    kind: policy\n"
          f'    label: {{fr: "{quoted}", ar: x, en: x}}\n    source: src\n'
          '    quote: "En 2014, un jalon."\n', encoding="utf-8")


def test_markup_in_the_data_reaches_no_tooltip_as_markdown(data_file: Path) -> None:
    _hostile_file(data_file)
    app = _app()
    assert not app.exception
    helps = [metric.proto.help for metric in app.metric if metric.proto.help]
    assert helps, "the card's definition is in its tooltip"
    for text in helps:
        tokens = MarkdownIt("commonmark").parseInline(text)[0].children or []
        assert {token.type for token in tokens} <= {"text", "code_inline", "softbreak"}
        # A word holding an address is inline code: never linked, copied as written.
        assert "`[c](http://evil.example)`" in text and "`http://bare.example`" in text
        assert "\\:red\\[e\\]" in text and "\\$f^2\\$" in text


def test_markup_in_the_data_reaches_no_chart_as_html(data_file: Path) -> None:
    _hostile_file(data_file)
    second = data_file.read_text(encoding="utf-8").replace("themes:", (
        "  - id: fig2\n    indicator: ind\n    value: 27643\n    qualifier: exact\n"
        "    source: src\n    quote: \"27 643 demandes\"\nthemes:"), 1)
    second += ("  - id: m2\n    date: \"2016\"\n    kind: policy\n"
               "    label: {fr: b, ar: b, en: b}\n"
               "    source: src\n    quote: \"En 2016, un autre jalon.\"\n")
    data_file.write_text(second, encoding="utf-8")  # two values, two events: charts to draw
    for view in ("regularisation", "timeline"):
        app = _app(view=view)
        assert not app.exception
        specs = [chart.proto.spec for chart in app.get("plotly_chart")]
        assert specs
        for spec in specs:
            assert "<a href" not in spec and "<span style" not in spec
            assert "&lt;a" in spec, "the label is kept, as text (titles break between words)"


def test_bare_addresses_in_data_text_are_not_links(data_file: Path) -> None:
    _hostile_file(data_file)
    app = _details(_app(view="regularisation"), "regularisation")
    notes = [element.value for element in app.caption if "bare" in element.value]
    assert notes
    for note in notes:
        assert "\u2060" not in note  # nothing invisible copied with an address
        assert re.search(r"`http://bare[^`\s]*`", note) and re.search(r"`www\.bare[^`\s]*`", note)
        assert re.search(r"`[^`\s]*@mail[^`\s]*`", note)


def test_a_failing_view_shows_a_message_not_a_traceback(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("/srv/secret/path.py went wrong")

    monkeypatch.setattr("views.overview.render", broken)
    app = _app()
    assert not app.exception
    assert app.error[0].value.startswith("Cette vue n'a pas pu être affichée.")
    assert "/srv/secret" not in _texts(app)


def test_a_file_cut_short_says_how_many_figures_it_lost(data_file: Path) -> None:
    second = BODY.split("figures:\n")[1].replace("id: fig", "id: fig2")
    data_file.write_text(minimal_with(second.replace("23096", "23097").replace("23 096", "23 097")),
                         encoding="utf-8")
    app = _app(lang="en")
    assert not app.warning
    data_file.write_text(MINIMAL, encoding="utf-8")
    os.utime(data_file, ns=(10**18, 10**18))
    app.run()
    assert app.warning[0].value == (
        "For editors: this version of the file has 1 figure, against 2 in the previous one "
        "(1 fewer). If that was not intended, the file may have been cut short.")


def test_error_details_are_off_for_visitors() -> None:
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def test_a_citation_names_the_dataset_version_and_the_figures_history() -> None:
    app = _app(lang="en", view="regularisation", indicator="regularisation_approval_rate")
    codes = [code.value for code in app.code]
    assert any(re.search(r"Moroccan migration indicators, version \d{4}-\d{2}-\d{2}\+[0-9a-f]{7}\.",
                         code) for code in codes)
    # Read from the repository only when a reader asks for it.
    toggles = [toggle for toggle in app.toggle if toggle.key.startswith("history-")]
    assert [toggle.label for toggle in toggles] == ["History in the repository"]
    assert "Value: — → 83" not in _texts(app)
    toggles[0].set_value(True).run()
    assert "Value: — → 83" in _texts(app)  # the commit that added the figure
    footer = [_unescape(caption.value) for caption in app.caption
              if "CC BY 4.0" in _unescape(caption.value)]
    assert footer and "version" in footer[0]


def test_the_page_tells_an_uncommitted_figure_and_an_unreadable_version(
        data_file: Path) -> None:
    from benchmarks.history import repository

    repository(data_file.parent, [("Add", MINIMAL), ("Break", minimal_with("  - id: [\n")),
                                  ("Repair", MINIMAL)], name=data_file.name)
    second = BODY.split("figures:\n")[1].replace("id: fig", "id: new")
    data_file.write_text(minimal_with(second.replace("23096", "27643").replace("23 096", "27 643")),
                         encoding="utf-8")
    app = _app(lang="en", view="regularisation", figure="new")
    next(toggle for toggle in app.toggle if toggle.key.startswith("history-")
         ).set_value(True).run()
    captions = [_unescape(caption.value) for caption in app.caption]
    assert "Not committed yet: this figure is in the data file but in none of its commits." in (
        captions)
    assert [caption for caption in captions if "could not be read" in caption] == [
        f"2025-01-01 · Break ({_short('Break', data_file.parent)}): this version could not be "
        "read (data.yaml:21:3: syntax: did not find expected node content (while parsing a "
        "flow node at line 21, column 3)); the next readable version is compared with the one "
        "before it."]


def test_the_page_says_which_changes_it_leaves_out(data_file: Path) -> None:
    from benchmarks.history import changes, repository

    repository(data_file.parent, changes(120, figures=1), name=data_file.name)
    app = _app(lang="en", view="regularisation", figure="f-0000")
    next(toggle for toggle in app.toggle if toggle.key.startswith("history-")
         ).set_value(True).run()
    captions = [_unescape(caption.value) for caption in app.caption]
    # The last 100 commits (20-119) change f-0000 each; commit 19 is what they changed.
    assert "90 older changes not shown: only the last 10 changes of a figure are listed." in (
        captions)
    assert (f"Changes up to {_short('Set f-0000 to 1019', data_file.parent)} (2025-01-01) are "
            "not shown: the history reads at most the last 100 commits of the data file, for "
            "at most 10 s.") in captions
    shown = [line for line in _texts(app).splitlines() if line.startswith("• 2025-")]
    # The change, then the commit's message said to be the editor's.
    assert [line.split(" · ")[-1].split(" (")[0] for line in shown] == [
        f"editor's note: Set f-0000 to {1000 + commit}" for commit in range(110, 120)]


def _short(subject: str, folder: Path) -> str:
    import subprocess

    log = subprocess.run(["git", "log", "--format=%s %h"], cwd=folder, capture_output=True,
                         text=True, check=True).stdout
    return dict(line.rsplit(" ", 1) for line in log.splitlines())[subject]


def _all(app: AppTest, name: str) -> list[str]:
    value = app.query_params.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def test_the_explorers_selection_is_in_the_address_and_survives_a_language_switch() -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["view"] = "explorer"
    app.query_params["theme"] = ["regularisation", "not-a-theme"]  # a link, one code unknown
    app.run()
    assert not app.exception
    assert app.multiselect(key="filter-theme-fr").value == ["regularisation"]
    counts = [caption.value for caption in app.caption if "chiffres affichés" in caption.value]
    assert counts and not counts[0].startswith("138 "), counts  # the link's rows, not all
    app.multiselect(key="filter-type-fr").select("press").run()
    assert _all(app, "type") == ["press"] and _all(app, "theme") == ["regularisation"]
    app.radio(key="lang").set_value("ar").run()
    assert not app.exception
    assert app.multiselect(key="filter-theme-ar").value == ["regularisation"]
    assert app.multiselect(key="filter-type-ar").value == ["press"]
    assert app.multiselect(key="filter-theme-ar").format_func("regularisation") == "التسوية"
    assert app.sidebar.radio(key="view-ar").value == "explorer"
    app.multiselect(key="filter-type-ar").unselect("press").run()
    assert _all(app, "type") == []  # an emptied filter leaves the address


def test_a_drawn_chart_hands_streamlit_the_same_specification() -> None:
    import plotly.graph_objects as go
    import plotly.io

    from views.built import DrawnFigure

    figure = go.Figure(go.Scatter(x=["2014-12-31", "2017-03-08"], y=[27649, 28400],
                                  hovertext=["« plus de 27 000 »", "28 400"]))
    figure.update_layout(title="Demandes déposées")
    drawn = DrawnFigure(figure)
    assert plotly.io.to_json(drawn.to_dict(), validate=False) == plotly.io.to_json(
        figure, validate=False)
    assert drawn.to_dict() is not drawn.to_dict()  # each rerun gets its own, to change freely


PUBLISH_FAILED = {
    "fr": "Les fichiers aux adresses stables (`/app/static/`) n'ont pas pu être mis à "
          "jour\u202f: ils peuvent encore contenir une version antérieure des données. Les "
          "chiffres de cette page sont à jour\u202f; l'incident est consigné pour l'équipe.",
    "ar": "تعذر تحديث الملفات في العناوين الثابتة (`/app/static/`): قد تحتوي بعد على نسخة سابقة "
          "من البيانات. الأرقام المعروضة في هذه الصفحة محدثة، وقد سُجل الخلل للفريق.",
    "en": "The files at the stable addresses (`/app/static/`) could not be updated: they may "
          "still hold an earlier version of the data. The figures on this page are current; the "
          "incident is logged for the team.",
}


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_files_that_cannot_be_published_are_a_note_and_tried_again(
        language: str, data_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from indicators.publish import CSV, PUBLISHED

    data_file.write_text(MINIMAL, encoding="utf-8")
    static = tmp_path / "static"
    monkeypatch.setenv("INDICATORS_STATIC_DIR", str(static))
    (static / CSV).mkdir(parents=True)  # the first file's name taken
    app = _app(lang=language)
    assert not app.exception
    assert [warning.value for warning in app.warning] == [PUBLISH_FAILED[language]]
    assert len(app.metric) == 1
    assert [path.name for path in static.iterdir()] == [CSV]
    (static / CSV).rmdir()
    app.run()
    assert not app.exception
    assert not app.warning
    assert sorted(path.name for path in static.iterdir()) == sorted(PUBLISHED)


def test_a_full_disk_leaves_no_file_half_written(data_file: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    data_file.write_text(MINIMAL, encoding="utf-8")
    static = tmp_path / "static"
    monkeypatch.setenv("INDICATORS_STATIC_DIR", str(static))
    replace = os.replace

    def full(source: Path, target: Path) -> None:
        if Path(target).parent == static:
            raise OSError(errno.ENOSPC, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(os, "replace", full)
    app = _app(lang="en", view="regularisation")
    assert not app.exception
    assert [warning.value for warning in app.warning] == [PUBLISH_FAILED["en"]]
    assert app.metric[0].value == "23,096"
    assert list(static.iterdir()) == []


def test_a_theme_added_to_the_file_is_a_view_with_no_code_change(data_file: Path) -> None:
    theme = ("  - id: crossings\n    label: {fr: Traversées, ar: العبور, en: Crossings}\n"
             "    description: {fr: Les traversées comptées., ar: العبور المحصى., "
             "en: The crossings counted.}\n")
    indicator = ("  - id: crossings_stopped\n    theme: crossings\n    unit: count\n"
                 "    headline: 2\n    label: {fr: Traversées empêchées, ar: عبور ممنوع, "
                 "en: Crossings stopped}\n    definition: {fr: D, ar: D, en: D}\n")
    figure = ("  - id: stopped\n    indicator: crossings_stopped\n    value: 1200\n"
              "    qualifier: exact\n    source: src\n    quote: \"1 200 traversées\"\n")
    data_file.write_text(minimal_with(figure).replace("figures:\n", f"{indicator}figures:\n")
                         + theme, encoding="utf-8")
    app = _app(lang="en", view="crossings")
    assert not app.exception
    assert app.sidebar.radio(key="view-en").options == [
        "Overview", "Regularisation", "Crossings", "Timeline and policy",
        "Explore and download",
        "Check a draft"]
    assert app.header[0].value == "Crossings"
    assert "The crossings counted\\." in [caption.value for caption in app.caption]
    assert [metric.value for metric in app.metric] == ["1,200"]
    overview = _app(lang="en", view="overview")
    assert [metric.label for metric in overview.metric] == ["Crossings stopped"]
