"""The page's own script: Streamlit's English words in the page's language, text in a
source's language marked with it, and focus taken into a popover a reader opens."""

from __future__ import annotations

import json
import re

import streamlit as st

from indicators.labels import CATALOGS
from indicators.models import LANGUAGES

# Streamlit writes these words in English and offers no setting for them (the multiselect's
# "Select all", the table toolbar, "Skip to main content", "Main menu", the help icons'
# names). The catalogs hold them under `streamlit.*`, the English text exactly Streamlit's.
STREAMLIT_WORDS = sorted(key for key in CATALOGS if key.startswith("streamlit."))
# The texts Streamlit builds around a value ("Help for <label>", "7 options available."):
# the catalog writes the value as one `{name}`.
_SLOT = re.compile(r"\{\w+\}")
TEMPLATES = tuple(key for key in STREAMLIT_WORDS if _SLOT.search(CATALOGS[key]["en"]))

_SCRIPT = """<script>(() => {
const state = window.pageWords = window.pageWords || {};
// Streamlit's English is put in the page's language wherever it shows; a text in another
// language only where this script wrote it (a switch from French to Arabic), never data
// that happens to read like one of its words.
state.english = new Map(%(english)s);
state.back = new Map(%(back)s);
state.templates = %(templates)s.map(([pattern, text, english]) =>
  [new RegExp(pattern, 's'), text, english]);
state.mine = state.mine || new WeakSet();
const skipped = '[class*="st-key-quote-"], [class*="st-key-note-"], pre, code';
const said = (text, mine) => {
  const trimmed = text.trim();
  const word = state.english.get(trimmed) ?? (mine ? state.back.get(trimmed) : undefined);
  if (word !== undefined) return text.replace(trimmed, word);
  for (const [pattern, shown, english] of state.templates) {
    if (!english && !mine) continue;
    const found = trimmed.match(pattern);
    // Streamlit names a help icon after the label's Markdown: its escapes are not read.
    if (found) return text.replace(trimmed,
                                   shown.replace(/\\{\\w+\\}/, found[1].replace(/\\\\(.)/g, '$1')));
  }
  return text;
};
const attributes = ['aria-label', 'title', 'placeholder'];
const POPOVER = '[data-testid="stPopoverBody"]';
const languageOf = /(?:^|\\s)st-key-\\S*?-lang-(fr|ar|en)-/;
const fix = element => {
  if (!element.closest || element.closest(skipped)) return;
  for (const name of attributes) {
    const value = element.getAttribute(name);
    const shown = value && said(value, state.mine.has(element));
    if (shown && shown !== value) {
      state.mine.add(element);
      element.setAttribute(name, shown);
    }
  }
  const marked = element.className && String(element.className).match(languageOf);
  if (marked && element.lang !== marked[1]) element.lang = marked[1];
};
const walk = root => {
  if (root.nodeType === Node.TEXT_NODE) {
    if (!root.parentElement || root.parentElement.closest(skipped)) return;
    const shown = said(root.data, state.mine.has(root));
    if (shown !== root.data) {
      state.mine.add(root);
      root.data = shown;
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  fix(root);
  root.querySelectorAll('*').forEach(fix);
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) walk(node);
};
// A popover's body is drawn at the end of the document: focus goes into it when it opens,
// and back to its button when it closes, so a keyboard reader does not walk the whole page.
const opened = body => {
  state.opener = document.activeElement;
  if (!body.hasAttribute('tabindex')) body.setAttribute('tabindex', '-1');
  requestAnimationFrame(() => body.focus({preventScroll: true}));
};
const popover = node => node.nodeType === Node.ELEMENT_NODE
  && (node.matches(POPOVER) ? node : node.querySelector(POPOVER));
const closed = () => {
  const opener = state.opener;
  state.opener = null;
  if (opener && opener.isConnected && (document.activeElement === document.body
                                         || !document.activeElement)) opener.focus();
};
if (!state.observer) {
  state.observer = new MutationObserver(records => {
    for (const record of records) {
      if (record.type === 'attributes') fix(record.target);
      if (record.type === 'characterData') walk(record.target);
      for (const node of record.addedNodes) {
        walk(node);
        const body = popover(node);
        if (body) opened(body);
      }
      for (const node of record.removedNodes) if (popover(node)) closed();
    }
  });
  state.observer.observe(document.body, {subtree: true, childList: true, characterData: true,
                                         attributes: true, attributeFilter: attributes});
}
walk(document.body);
})();</script>"""


def _words(language: str, english: bool) -> list[tuple[str, str]]:
    """Each Streamlit word in English (`english`) or in the other languages, with its text in
    the page's language: a word the script put in one language is put in the next one after
    a switch."""
    return [(CATALOGS[key][other], CATALOGS[key][language]) for key in STREAMLIT_WORDS
            if key not in TEMPLATES for other in LANGUAGES
            if (other == "en") == english and CATALOGS[key][other] != CATALOGS[key][language]]


def _templates(language: str) -> list[tuple[str, str, bool]]:
    """"Help for {label}" in each language as a pattern, its text in the page's, and whether
    the pattern is Streamlit's own English."""
    return [("^" + _pattern(CATALOGS[key][other]) + "$", CATALOGS[key][language], other == "en")
            for key in TEMPLATES for other in LANGUAGES if other != language]


def _pattern(text: str) -> str:
    """A JavaScript pattern matching `text` with its `{name}` anything."""
    head, tail = _SLOT.split(text, maxsplit=1)
    escape = str.maketrans({c: f"\\{c}" for c in r"\^$.*+?()[]{}|/"})
    return f"{head.translate(escape)}(.+){tail.translate(escape)}"


def script(language: str) -> str:
    """The script, its words fixed by the catalogs: JSON whose "<" is escaped, so no
    translation can close the script element. It declares no global name: it runs again
    at every rerun and language switch, and hands its new words to the one observer."""
    def data(value: object) -> str:
        return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
    return _SCRIPT % {"english": data(_words(language, english=True)),
                      "back": data(_words(language, english=False)),
                      "templates": data(_templates(language))}


def render(language: str) -> None:
    """The script in the page (nothing drawn)."""
    st.html(script(language), unsafe_allow_javascript=True)
