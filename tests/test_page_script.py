"""The page's own script: Streamlit's words as its bundle writes them, put in the page's
language from the catalogs; data never reaches the script; source addresses as real links."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
import streamlit
from markdown_it import MarkdownIt

from indicators.labels import CATALOGS
from indicators.text import markdown_address, markdown_escape
from views.page_script import STREAMLIT_WORDS, TEMPLATES, script

BUNDLE = "".join(path.read_text("utf-8", errors="replace") for path in
                 (Path(streamlit.__file__).parent / "static" / "static" / "js").glob("*.js"))


@pytest.mark.parametrize("key", STREAMLIT_WORDS)
def test_each_streamlit_word_is_streamlit_s_own(key: str) -> None:
    """An English text that Streamlit no longer writes would translate nothing: a new
    version of Streamlit that rewords one fails here. A built text ("Help for <label>") is
    checked word by word."""
    english = CATALOGS[key]["en"]
    if key in TEMPLATES:
        words = re.findall(r"[A-Za-z]+", re.sub(r"\{\w+\}", "", english))
        assert [word for word in words if word not in BUNDLE] == []
    else:
        assert english in BUNDLE


def test_the_script_maps_every_language_to_the_page_s() -> None:
    arabic = script("ar")
    assert '["Select all", "تحديد الكل"]' in arabic
    assert '["Tout sélectionner", "تحديد الكل"]' in arabic  # after a switch from French
    assert '["Help for (.+)$"' not in arabic and '"^Help for (.+)$"' in arabic
    english = script("en")
    assert '["Tout sélectionner", "Select all"]' in english
    assert '["Select all", "Select all"]' not in english


def test_no_translation_can_close_the_script(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CATALOGS["streamlit.search"], "fr", "</script><img src=x onerror=1>")
    written = script("fr")
    assert written.count("</script>") == 1 and written.endswith("</script>")
    assert "\\u003c/script>\\u003cimg" in written


@pytest.mark.parametrize("url", [
    "https://www.cndh.ma/fr/communiques/deuxieme-reunion?x=(1)&y=[2]",
    "http://e.test/a_b*c`d`<e> f",
    "HTTPS://E.TEST/",
])
def test_a_source_address_is_a_real_link_to_itself(url: str) -> None:
    tokens = MarkdownIt("commonmark").parseInline(markdown_address(url))[0].children or []
    assert [token.type for token in tokens] == ["link_open", "text", "link_close"]
    assert tokens[1].content == url  # the text a reader copies: the address, nothing hidden
    assert unquote(str(tokens[0].attrs["href"])) == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>",
                                 "JaVaScRiPt:alert(1)", "https:/missing-slash", "ftp://e.test/"])
def test_anything_but_a_web_address_is_text(url: str) -> None:
    tokens = MarkdownIt("commonmark").parseInline(markdown_address(url))[0].children or []
    assert "link_open" not in [token.type for token in tokens]


def test_an_address_in_data_text_is_inert_and_copied_as_written() -> None:
    written = markdown_escape("voir http://bare.example/x_y, www.bare.example et g@mail.com")
    assert "\u2060" not in written
    assert "`http://bare.example/x_y,`" in written and "`www.bare.example`" in written
    assert "`g@mail.com`" in written
    tokens = MarkdownIt("commonmark").parseInline(written)[0].children or []
    assert "link_open" not in [token.type for token in tokens]
    assert "".join(token.content for token in tokens) == (
        "voir http://bare.example/x_y, www.bare.example et g@mail.com")
