"""Chart titles say each thing once: no word or run of words written twice in a row."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from indicators.charts import Names, draw, plan_theme
from indicators.charts.breakdown import breakdown_title
from indicators.citations import cited_figures
from indicators.labels import ui
from loaders import load_path
from tests.conftest import DATA, FROZEN

LANGUAGES = ("fr", "ar", "en")
_MARKUP = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def doubled(text: str) -> str | None:
    """The first run of words written twice in a row ("par groupe par groupe"), if any."""
    words = _WORD.findall(html.unescape(_MARKUP.sub(" ", text)).lower())
    for size in range(1, len(words) // 2 + 1):
        for start in range(len(words) - 2 * size + 1):
            if words[start:start + size] == words[start + size:start + 2 * size]:
                return " ".join(words[start:start + 2 * size])
    return None


def titles(path: Path, language: str) -> list[str]:
    """Every chart title of every theme of a data file, over the cap of a view too."""
    dataset = load_path(path).dataset
    names = Names(dataset.dimensions)
    found = []
    for theme in dataset.themes:
        codes = [indicator.id for indicator in dataset.indicators if indicator.theme == theme.id]
        plans, _ = plan_theme(cited_figures(dataset, codes))
        found += [str(draw(plan, language, names).figure.layout.title.text) for plan in plans]
    return found


@pytest.mark.parametrize("text", ["Part, par nationalité ou par groupe par groupe de demandeurs",
                                  "au 31 mars 2014, 2014", "par<br>par"])
def test_a_doubled_run_of_words_is_found(text: str) -> None:
    assert doubled(text)


def test_words_said_once_are_not_a_doubling() -> None:
    assert doubled("Demandes déposées par région — Première campagne (2014)") is None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", [FROZEN, DATA], ids=["frozen", "data"])
def test_no_chart_title_says_a_word_twice(path: Path, language: str) -> None:
    every = titles(path, language)
    assert len(every) >= 12  # the walk reached the charts, not none
    assert [(title, doubled(title)) for title in every if doubled(title)] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_label_that_names_its_breakdown_is_not_told_it_again(language: str) -> None:
    by = ui("chart_by", language)
    assert f" {by} " in ui("chart_breakdown", language)  # the word the title joins with
    named = f"X {by} Y"
    assert breakdown_title(named, "Z", " — 2014", language) == f"{named} — 2014"
    assert "Z" in breakdown_title("X", "Z", "", language)
