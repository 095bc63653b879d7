"""The gettext catalogs: complete in fr, ar and en, and the source of every interface text."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from indicators.labels import CATALOGS, LOCALES, UI, ui
from indicators.models import LANGUAGES
from tests.conftest import ROOT


def _ids(language: str) -> dict[str, str]:
    with (LOCALES / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return {str(message.id): str(message.string)
                for message in read_po(handle, locale=language) if message.id}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_in_every_catalog(language: str) -> None:
    messages = _ids(language)
    assert messages.keys() == _ids("en").keys()
    assert [message for message, text in messages.items() if not text.strip()] == []


def test_placeholders_are_the_same_in_every_language() -> None:
    for message, texts in CATALOGS.items():
        fields = {language: sorted(re.findall(r"\{(\w+)\}", text))
                  for language, text in texts.items()}
        assert len({tuple(found) for found in fields.values()}) == 1, (message, fields)


def _used_keys() -> set[str]:
    """Every `ui("key", …)` the page and the domain call."""
    found: set[str] = set()
    for path in [ROOT / "app.py", *(ROOT / "views").glob("*.py"),
                 *(ROOT / "indicators").rglob("*.py")]:
        found |= set(re.findall(r"""\bui\(\s*["'](\w+)["']""", path.read_text("utf-8")))
    return found


def test_every_interface_text_the_code_asks_for_is_in_the_catalogs() -> None:
    assert _used_keys() - UI.keys() == set()


def test_a_text_comes_from_the_catalog_of_its_language() -> None:
    assert (ui("title", "fr"), ui("title", "ar"), ui("title", "en")) == (
        "Indicateurs de la migration au Maroc", "مؤشرات الهجرة في المغرب",
        "Morocco migration indicators")


def test_the_uploader_speaks_the_page_language() -> None:
    from views import styles

    arabic = styles.uploader_css("ar")
    assert 'content: "اختيار ملف"' in arabic
    assert 'content: "1 ميغابايت على الأكثر • YAML, YML"' in arabic
    assert 'content: "Choisir un fichier"' in styles.uploader_css("fr")
    # A translation can never close the CSS string or the style element.
    assert styles._css_string('a"</style>\\') == '"a\\22 \\3c /style\\3e \\5c "'
