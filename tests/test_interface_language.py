"""Every word of the interface on a French or Arabic page is in the page's language: the text
a reader sees, what a screen reader reads (aria-label, title, placeholder), and what opens on
request (a multiselect's list, a table's toolbar, a popover, a help tooltip, the main menu).

The data keeps its own words (names, quotes, source titles, addresses): they are taken out
first, from the dataset's own strings. What is left fails the test when it is an English
interface word (the English catalog's, or Streamlit's own), and on an Arabic page when it
is any Latin-script word the Arabic catalog does not write itself (a file format, "CSV").
"""
# The browser tests' fixtures are imported by name, as pytest finds them: not redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from indicators.labels import CATALOG_TEXTS, CATALOGS, ui
from indicators.publish import PUBLISHED
from loaders import load_path
from tests.conftest import FROZEN
from tests.test_browser import PAINT_TIMEOUT_MS, browser, page, server, settled  # noqa: F401
from views import registry_of

pytestmark = pytest.mark.browser

VIEWS = list(registry_of(FROZEN))
# Streamlit's own words, as its 1.67 bundle writes them: the ones its elements on these
# pages show or read out, opened or not.
STREAMLIT_ENGLISH = (
    "Select all", "Clear all", "No results", "Show/hide columns", "Download as CSV",
    "Search", "Fullscreen", "Close fullscreen", "Skip to main content", "Main menu",
    "Help for", "Help", "Rerun", "Settings", "Print", "About", "Copy to clipboard",
    "Running...", "Stop", "Close", "Theme", "System", "Light", "Dark", "Record screen",
    "Copy version to clipboard", "Scrollable table", "Choose an option", "Choose options",
    "Open", "Upload", "per file", "file upload", "Sidebar", "Collapse sidebar",
    "Expand sidebar", "Link to heading", "Made with Streamlit v", "Dismiss",
    "options available", "No options", "File change.", "Always rerun",
)
# The language switch names each language in that language: "English" on every page.
LANGUAGE_NAMES = ("Français", "العربية", "English")
LATIN_WORD = re.compile(r"(?<![\w@./:-])[A-Za-zÀ-ÿ]{2,}(?![\w@./:-])")
# Every text node a reader sees (its element rendered, with a size), and the names and hints
# a screen reader reads, in the whole document (tooltips and popovers live outside .stMain).
# Icons drawn from a ligature ("expand_more") count unless hidden from screen readers.
VISIBLE_TEXT = """() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.data.trim() || !element || element.closest('script, style, [aria-hidden="true"]'))
      continue;
    const box = element.getBoundingClientRect();
    if (box.width && box.height && element.checkVisibility({visibilityProperty: true}))
      texts.push(node.data);
  }
  for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]'))
    for (const name of ['aria-label', 'title', 'placeholder'])
      if (element.getAttribute(name)) texts.push(element.getAttribute(name));
  return texts;
}"""


def _strings(value: object, language: str) -> Iterator[str]:
    """Every string of the data, a text given in several languages in the page's own (or in
    all of them when it has none: the page shows it in the language it was written in)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        if value and set(value) <= {"fr", "ar", "en"}:
            chosen = [value[language]] if value.get(language) else list(value.values())
            yield from (text for text in chosen if isinstance(text, str))
            return
        for inner in value.values():
            yield from _strings(inner, language)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _strings(inner, language)


# A word cut short ("droi…" in a chart's label): a name shortened to fit, data.
CUT = re.compile(r"\w+…")


def _words(texts: object) -> set[str]:
    found = (texts,) if isinstance(texts, str) else texts
    return {word.casefold() for text in found  # type: ignore[union-attr]
            for word in LATIN_WORD.findall(CUT.sub("…", str(text)))}


def data_words(language: str) -> set[str]:
    """The words the data writes on a page in this language; the published files' addresses
    (/app/static/indicators.csv) are names too."""
    dataset = load_path(FROZEN).dataset.model_dump(mode="json")
    return _words(_strings(dataset, language)) | _words(" ".join(PUBLISHED).replace(".", " "))


def english_words(language: str) -> set[str]:
    """English interface words that the page's own catalog does not write too ("Source",
    "Date" are French as well)."""
    english = _words(CATALOG_TEXTS["en"]) | _words(STREAMLIT_ENGLISH)
    return english - _words(CATALOG_TEXTS[language])


def foreign_words(texts: list[str], language: str) -> set[str]:
    """The words on a page in `language` that are not in it: English interface words, and on
    an Arabic page every Latin-script word that neither the data nor the catalog writes."""
    words = _words(texts) - data_words(language) - _words(LANGUAGE_NAMES)
    if language == "ar":
        return words - _words(CATALOG_TEXTS["ar"])
    return words & english_words(language)


def collect(page) -> list[str]:  # type: ignore[no-untyped-def]
    return list(page.evaluate(VISIBLE_TEXT))


def _opened(page, opener, shown: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What a widget shows once opened, then closed again with Escape."""
    opener()
    expect(page.locator(shown).first).to_be_visible()
    texts = collect(page)
    page.keyboard.press("Escape")
    return texts


def collect_all(page, server: str, view: str, language: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The page's text, and what each kind of widget with hidden text shows when opened."""
    page.goto(f"{server}/?lang={language}&view={view}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    settled(page)
    texts = collect(page)
    menu = page.get_by_test_id("stMainMenuButton")
    if menu.count():
        texts += _opened(page, menu.click, '[data-testid="stMainMenuList"]')
    help_icon = page.locator('[data-testid="stTooltipIcon"] [data-testid="stTooltipHoverTarget"]')
    if help_icon.count():
        texts += _opened(page, help_icon.first.hover, '[data-testid="stTooltipContent"]')
    choices = page.get_by_test_id("stMultiSelect")
    if choices.count():
        texts += _opened(page, choices.first.locator("input").click, '[role="listbox"]')
    table = page.get_by_test_id("stDataFrame")
    if table.count():
        # In the middle of the window: hovering its toolbar then scrolls nothing, and the
        # pointer never leaves the table's element (the toolbar shows while it is there).
        table.first.evaluate("table => table.scrollIntoView({block: 'center'})")
        table.first.hover(position={"x": 20, "y": 20})
        # The table's own toolbar, shown while the pointer is over the table.
        buttons = table.first.locator("xpath=..").get_by_test_id("stElementToolbarButton")
        expect(buttons.first).to_be_visible()
        for index in range(buttons.count()):
            # From the table each time: a late shift of the layout can leave the pointer
            # outside it, and the toolbar hides.
            table.first.hover(position={"x": 20, "y": 20})
            texts += _opened(page, buttons.nth(index).hover,
                             '[data-testid="stTooltipContent"], [role="tooltip"]')
    popover = page.get_by_test_id("stPopover")
    if popover.count():
        texts += _opened(page, popover.first.locator("button").click,
                         '[data-testid="stPopoverBody"]')
    return texts


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("view", VIEWS)
def test_no_interface_word_outside_the_page_language(page, server: str, view: str,  # type: ignore[no-untyped-def]
                                                     language: str) -> None:
    texts = collect_all(page, server, view, language)
    assert texts
    assert foreign_words(texts, language) == set(), view


def test_a_popover_is_named_by_its_words_and_takes_the_focus(page, server: str) -> None:  # type: ignore[no-untyped-def]
    """Opened with the keyboard, a card's citation takes the focus (it is drawn at the end
    of the document), its source's address is a real link to itself, and Escape gives the
    focus back to the button."""
    page.goto(f"{server}/?lang=fr&view=overview")
    settled(page)
    button = page.get_by_test_id("stPopover").first.get_by_role("button")
    expect(button).to_have_accessible_name(ui("citation", "fr"))  # no icon's name read out
    button.focus()
    page.keyboard.press("Enter")
    body = page.get_by_test_id("stPopoverBody")
    expect(body).to_be_focused()
    addresses = {source.url for source in load_path(FROZEN).dataset.sources if source.url}
    link = body.locator("a", has_text="http").first
    address = link.inner_text()
    assert address in addresses and "\u2060" not in address
    expect(link).to_have_attribute("href", address)
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(link).to_have_attribute("target", "_blank")
    page.keyboard.press("Escape")
    expect(button).to_be_focused()


def test_the_keyboard_focus_is_a_strong_ring(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/?lang=ar&view=overview")
    settled(page)
    page.keyboard.press("Tab")  # the keyboard in use: the skip link, then the languages
    page.locator(".st-key-lang input:checked").focus()
    ring = page.evaluate("""() => {
        const label = document.activeElement.closest('label');
        const style = getComputedStyle(label);
        return [style.outlineStyle, style.outlineWidth, style.outlineColor]; }""")
    assert ring == ["solid", "3px", "rgb(29, 78, 216)"]


def test_streamlit_s_words_follow_a_switch_of_language(page, server: str) -> None:  # type: ignore[no-untyped-def]
    """Streamlit keeps its skip link and menu button across a switch: the script puts the
    words it wrote in the new language, English included."""
    page.goto(f"{server}/?lang=fr&view=overview")
    skip = page.get_by_test_id("stSkipToContent")
    menu = page.get_by_test_id("stMainMenuButton")
    for language, name in (("fr", "Français"), ("ar", "العربية"), ("en", "English")):
        if language != "fr":
            page.locator(".st-key-lang label").filter(has_text=name).click()
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(skip).to_have_text(ui_text("streamlit.skip_to_content", language))
        expect(menu).to_have_attribute("aria-label", ui_text("streamlit.main_menu", language))


def ui_text(key: str, language: str) -> str:
    return CATALOGS[key][language]
