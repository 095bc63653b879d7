"""Data text made inert: for Markdown (never markup; a link only as its own address), plotly's
HTML subset, and the messages that quote input."""

from __future__ import annotations

import re
from urllib.parse import quote

# Every character CommonMark, GitHub-flavoured Markdown or Streamlit's extensions
# (:emoji:, $math$, :color[...]) give a meaning to.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&\"'])")
# GFM turns bare addresses into links even when their punctuation is escaped ("https\:",
# "www\.", "a@b\.c"): it links the text it finds after parsing. A word of data text that
# holds one is written as inline code instead, which GFM never links: shown as written and
# copied as written (an invisible character inside it would be copied too). A source's own
# address is a real link, through `markdown_address`.
_AUTOLINK_LIKE = re.compile(r"(?i)https?:|ftp:|www\.|mailto:|xmpp:|@")
_BLANKS = re.compile(r"(\s+)")
_BACKTICKS = re.compile(r"`+")
# Plotly draws titles, ticks, legends and hovers from a small HTML subset (<a href>, <b>,
# <span style>, <br>) and decodes entities: data text keeps its characters, never its tags.
_PLOTLY = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# A line break and the blanks around it: in one line of Markdown it reads as the space a
# paragraph shows it as, and can neither end the line's block nor open another.
_LINE_BREAK = re.compile(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*")
# An autolink holds no ASCII control, space, "<" or ">" (CommonMark, "Autolinks"); other
# blanks are encoded too, as viewers differ on them.
_OUTSIDE_AUTOLINK = re.compile(r"[\x00-\x20\x7f<>]|\s")
_WEB_ADDRESS = re.compile(r"(?i)https?://[^\s/?#]")
# Characters of the input a message quotes: enough to recognise a value on the line the
# message names, never a page of a file put in the data file's place.
EXCERPT = 40


def markdown_escape(text: str) -> str:
    """Backslash-escape every Markdown character, keep line breaks, and link nothing: a word
    GFM would link is shown as inline code."""
    words = _BLANKS.split(text)
    escaped = "".join(word if index % 2 else _inert_word(word)
                      for index, word in enumerate(words))
    return escaped.replace("\n", "  \n")


def _inert_word(word: str) -> str:
    if not _AUTOLINK_LIKE.search(word):
        return _SPECIAL.sub(r"\\\1", word)
    return code_span(word)


def code_span(text: str) -> str:
    """Text as inline code, whatever backticks it holds (CommonMark, "Code spans")."""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def markdown_address(url: str) -> str:
    """A source's web address as a real link whose text is the address itself; anything but
    an http or https address is text. The label is escaped and the destination
    percent-encoded where it could end the link, so the data stays inert; Streamlit opens
    a Markdown link in a new tab with `rel="noopener noreferrer"`."""
    if not _WEB_ADDRESS.match(url) or _LINE_BREAK.search(url):
        return markdown_line(url)
    label = _SPECIAL.sub(r"\\\1", url)
    return f"[{label}](<{_destination(url)}>)"


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
    if not _WEB_ADDRESS.match(url):
        return markdown_line(url)
    return f"<{_destination(url)}>"


def _destination(url: str) -> str:
    """An address with what an autolink or a `<…>` destination cannot hold percent-encoded."""
    return _OUTSIDE_AUTOLINK.sub(lambda match: quote(match.group(0), safe=""), url)


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
