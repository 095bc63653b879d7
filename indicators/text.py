"""Data text made inert: for Markdown (never markup or a link), plotly's HTML subset, messages."""

from __future__ import annotations

import re

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
