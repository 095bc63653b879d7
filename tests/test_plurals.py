"""Counts in the interface take the plural form their language gives them, from the catalogs
own Plural-Forms rule (gettext): two forms in French and English, six in Arabic; and the
checker's frequent messages in the page's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indicators.labels import COUNTED, TRANSLATIONS, checker_message, ui_count
from indicators.models import LANGUAGES
from tests.conftest import ROOT, Loader


@pytest.mark.parametrize(("n", "expected"), [
    (0, "0 رقم آخر في الجدول."),
    (1, "رقم آخر واحد في الجدول."),
    (2, "رقمان آخران في الجدول."),
    (3, "3 أرقام أخرى في الجدول."),
    (10, "10 أرقام أخرى في الجدول."),
    (11, "11 رقمًا آخر في الجدول."),
    (100, "100 رقم آخر في الجدول."),
])
def test_arabic_counts_take_the_six_forms(n: int, expected: str) -> None:
    assert ui_count("cards_more", n, "ar") == expected


@pytest.mark.parametrize(("n", "expected"), [
    (0, "0 قيمة أخرى في المصادر"), (1, "قيمة أخرى واحدة في المصادر"),
    (2, "قيمتان أخريان في المصادر"), (3, "3 قيم أخرى في المصادر"),
    (8, "8 قيم أخرى في المصادر"), (10, "10 قيم أخرى في المصادر"),
    (11, "11 قيمةً أخرى في المصادر"), (100, "100 قيمة أخرى في المصادر"),
    (103, "103 قيم أخرى في المصادر"), (111, "111 قيمةً أخرى في المصادر"),
])
def test_arabic_other_values_agree_with_their_count(n: int, expected: str) -> None:
    assert ui_count("other_values", n, "ar") == expected


@pytest.mark.parametrize(("language", "one", "many"), [
    ("fr", "1 chiffre affiché sur 9", "2 chiffres affichés sur 9"),
    ("en", "1 of 9 figures shown", "2 of 9 figures shown"),
])
def test_french_and_english_have_a_singular(language: str, one: str, many: str) -> None:
    assert ui_count("rows_shown", 1, language, total=9) == one
    assert ui_count("rows_shown", 2, language, total=9) == many
    # French counts zero as singular, English as plural.
    assert (ui_count("count_figures", 0, language)
            == {"fr": "0 chiffre", "en": "0 figures"}[language])


def test_the_plural_rules_are_the_catalogs() -> None:
    arabic = [TRANSLATIONS["ar"].plural(n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 102, 103)]
    assert arabic == [0, 1, 2, 3, 3, 4, 4, 5, 5, 3]
    assert [TRANSLATIONS["fr"].plural(n) for n in (0, 1, 2)] == [0, 0, 1]
    assert [TRANSLATIONS["en"].plural(n) for n in (0, 1, 2)] == [1, 0, 1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_counted_text_has_each_form_with_the_same_fields(language: str) -> None:
    forms = 6 if language == "ar" else 2
    for message in COUNTED:
        key = message.removeprefix("ui.")
        english = set(re.findall(r"\{(\w+)\}", ui_count_template(key, "en", 2)))
        for index in range(forms):
            text = TRANSLATIONS[language]._catalog[(message, index)]  # type: ignore[attr-defined]
            assert text and text != message, (message, index)
            # Arabic may write one or two without the numeral ("رقمان"); no other field is lost.
            assert set(re.findall(r"\{(\w+)\}", text)) | {"n"} == english | {"n"}, (message, index)


def ui_count_template(key: str, language: str, n: int) -> str:
    return str(TRANSLATIONS[language].ngettext(f"ui.{key}", f"ui.{key}", n))


def _source(path: Path) -> str:
    return path.read_text("utf-8")


def test_no_count_is_formatted_into_a_text_without_plural_forms() -> None:
    """A `{n}` filled by `.format(n=…)` on a plain text writes one form for every count."""
    paths = [ROOT / "app.py", *(ROOT / "views").glob("*.py"), *(ROOT / "indicators").rglob("*.py")]
    found = [(path.name, line) for path in paths
             for line in re.findall(r"ui\([^)]*\)\.format\([^)]*\bn=", _source(path))]
    assert found == []


def test_the_checker_s_frequent_messages_speak_the_page_language(load: Loader) -> None:
    from indicators.problems import DatasetError

    with pytest.raises(DatasetError) as caught:
        load(("value: 23096", "vaule: 23096"), ("source: src", "source: nowhere"))
    lines = caught.value.lines()
    arabic = [checker_message(line, "ar") for line in lines]
    assert arabic[0] is not None and arabic[0].endswith("حقل مطلوب مفقود: 'value'")
    assert any(line and line.endswith("هل تقصد 'value'؟") for line in arabic)
    # A message the catalogs do not hold is not guessed at.
    assert checker_message("data.yaml:1:1: something new", "fr") is None
    assert checker_message("x:1:1: figures.0: unknown source 'a': add it under sources or fix "
                           "the id", "fr") == (
        "x:1:1: figures.0: source inconnu 'a'\u202f: ajoutez-le sous sources ou corrigez "
        "l'identifiant")
