"""Data text made inert: for Markdown (never markup; a link only as its own address), plotly's
HTML subset, and the messages that quote input."""

from __future__ import annotations

import re
from urllib.parse import quote

# Every character CommonMark, GitHub-flavoured Markdown or Streamlit's extensions
# (:emoji:, $math$, :color[...]) give a meaning to.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&\"'])")
# GFM turns bare addresses into links even when their punctuation is escaped ("https\:",
# "www\.", "a@b\.c"): a word joiner (U+2060, invisible, zero width) inside the prefix or
# after the "@" keeps them text. Data links are shown only through validated link buttons.
_AUTOLINK = re.compile(r"(?i)(?<![^\W_])(https?|ftp|www|mailto)(?=\\[:.])|(@)(?=\w)")
WORD_JOINER = "\u2060"
# Plotly draws titles, ticks, legends and hovers from a small HTML subset (<a href>, <b>,
# <span style>, <br>) and decodes entities: data text keeps its characters, never its tags.
_PLOTLY = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# A line break and the blanks around it: in one line of Markdown it reads as the space a
# paragraph shows it as, and can neither end the line's block nor open another.
_LINE_BREAK = re.compile(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*")
# An autolink holds no ASCII control, space, "<" or ">" (CommonMark, "Autolinks"); other
# blanks are encoded too, as viewers differ on them.
_OUTSIDE_AUTOLINK = re.compile(r"[\x00-\x20\x7f<>]|\s")
# Characters of the input a message quotes: enough to recognise a value on the line the
# message names, never a page of a file put in the data file's place.
EXCERPT = 40


def markdown_escape(text: str) -> str:
    """Backslash-escape every Markdown character, keep line breaks, and link nothing."""
    escaped = _SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")
    return _AUTOLINK.sub(lambda match: match.group(0) + WORD_JOINER, escaped)


def plotly_escape(text: str) -> str:
    """Data text for a plotly title, tick, legend or hover: shown as written, never markup."""
    return text.translate(_PLOTLY)


def markdown_line(text: str) -> str:
    """Data text inside one line of Markdown (a list item): escaped as `markdown_escape`
    does, its line breaks written as the spaces a paragraph would show."""
    return markdown_escape(_LINE_BREAK.sub(" ", text))


def markdown_link(url: str) -> str:
    """A web address as a Markdown autolink, `<https://…>`: a link whose text is its own
    address, the characters an autolink cannot hold percent-encoded; anything but an http or
    https address is escaped text."""
    if not re.match(r"(?i)https?://", url):
        return markdown_line(url)
    return "<" + _OUTSIDE_AUTOLINK.sub(lambda match: quote(match.group(0), safe=""), url) + ">"
def excerpt(value: object, limit: int = EXCERPT) -> str:
    """A value of the input as a message quotes it: as Python writes it, so quoted with every
    control or invisible character escaped (`'ex\\u202eact'`), and at most `limit` characters
    between the quotes, cut with an ellipsis."""
    written = repr(value)
    if not isinstance(value, str) or len(written) <= limit + 2:
        return written
    cut = value[:limit - 1]
    while len(repr(cut)) > limit + 1:  # the two quotes, and room for the ellipsis
        cut = cut[:-1]
    written = repr(cut)
    return f"{written[:-1]}…{written[-1]}"
