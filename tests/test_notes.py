"""Curators' notes in several languages: the reader's first, else the one it is written in."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators.models import Note, note_in
from indicators.problems import DatasetError
from indicators.table import figure_rows, milestone_rows
from tests.conftest import MINIMAL, ROOT, Loader, minimal_with

NOTES = ('    quote: "23 096 demandes ont reçu un avis favorable"\n',
         '    quote: "23 096 demandes ont reçu un avis favorable"\n'
         '    note:\n      fr: "Avis favorables."\n      en: "Favourable opinions."\n')


def test_the_readers_language_comes_first() -> None:
    note = Note(fr="Avis favorables.", en="Favourable opinions.")
    assert note_in(note, "en", "fr") == ("Favourable opinions.", "en")
    assert note_in(note, "fr", "ar") == ("Avis favorables.", "fr")


def test_without_the_readers_language_the_sources_then_the_first_given() -> None:
    assert note_in(Note(fr="Avis.", en="Opinions."), "ar", "en") == ("Opinions.", "en")
    assert note_in(Note(fr="Avis.", en="Opinions."), "ar", "ar") == ("Avis.", "fr")
    assert note_in(Note(en="Opinions."), "fr", "fr") == ("Opinions.", "en")


def test_a_plain_string_is_in_the_sources_language() -> None:
    assert note_in("Avis favorables.", "en", "fr") == ("Avis favorables.", "fr")
    assert note_in(None, "en", "fr") is None


@pytest.mark.parametrize(("note", "message"), [
    ("    note: {}\n", "data.yaml:6:11: sources.0.note: a note needs a text in at least one "
                     "language: fr, ar or en"),
    ("    note:\n      de: Hinweis\n", "data.yaml:7:7: sources.0.note.de: unknown field 'de'; "
                                      "known fields: ar, en, fr"),
    ('    note: ""\n', "data.yaml:6:11: sources.0.note: String should have at least 1 "
                     "character (got '')"),
])
def test_a_broken_note_is_one_message_at_its_place(load: Loader, note: str,
                                                   message: str) -> None:
    with pytest.raises(DatasetError) as raised:
        load(("    language: fr\n", "    language: fr\n" + note))
    assert raised.value.lines() == [message]


def test_the_table_holds_the_note_in_its_language_and_says_which(load: Loader) -> None:
    dataset = load(NOTES).dataset
    assert {key: figure_rows(dataset, "en")[0][key] for key in ("note", "note_language")} == {
        "note": "Favourable opinions.", "note_language": "en"}
    assert figure_rows(dataset, "ar")[0]["note"] == "Avis favorables."
    assert figure_rows(load().dataset, "fr")[0]["note_language"] == ""


def test_a_milestones_plain_note_is_in_its_sources_language(load: Loader) -> None:
    dataset = load(text=minimal_with(
        "milestones:\n  - id: m\n    date: \"2014\"\n    kind: policy\n"
        "    label: {fr: a, ar: b, en: c}\n    source: src\n"
        "    quote: \"En 2014, un jalon.\"\n    note: Daté par la source.\n")).dataset
    row = milestone_rows(dataset, "en")[0]
    assert (row["note"], row["note_language"]) == ("Daté par la source.", "fr")


@pytest.fixture
def noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    path = tmp_path / "data.yaml"
    path.write_text(MINIMAL.replace(*NOTES), encoding="utf-8")
    monkeypatch.setenv("INDICATORS_DATA", str(path))
    import streamlit as st

    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def _captions(language: str) -> list[str]:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["lang"] = language
    app.query_params["view"] = "regularisation"
    app.run()
    app.toggle(key="details-regularisation").set_value(True).run()  # the figure's citation
    assert not app.exception
    return [str(caption.value) for caption in app.caption]


@pytest.mark.apptest
@pytest.mark.usefixtures("noted")
def test_the_page_shows_the_readers_note_and_names_another_language() -> None:
    english = _captions("en")
    assert "Favourable opinions\\." in english
    assert not any("(note in" in caption for caption in english)
    arabic = _captions("ar")
    assert "Avis favorables\\." in arabic
    assert "(ملاحظة بالفرنسية)" in arabic
    assert "Favourable opinions\\." not in arabic
