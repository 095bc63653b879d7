"""Qualifier phrases beside a number ("plus de 12 000", "12,000 or more"), and text folding."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from indicators.models import Qualifier

# ---------------------------------------------------------------------------------------------
# Qualifier phrases: "plus de 12 000", "12,000 or more"
# ---------------------------------------------------------------------------------------------


class _Phrases(NamedTuple):
    before: tuple[str, ...]  # written just before the number: "plus de 83 %"
    after: tuple[str, ...] = ()  # written just after it: "12 000 et plus"


# Phrases that, next to a number, say it is a bound or a rounding rather than a count. Written
# folded (lower case, NFC, straight apostrophe, single spaces).
_MARKERS: dict[Qualifier, _Phrases] = {
    Qualifier.more_than: _Phrases(
        (">", "plus de", "+ de", "+de", "au-delà de", "au delà de", "supérieur à",
         "supérieure à", "supérieurs à", "supérieures à", "dépassant",
         "more than", "over", "above", "in excess of", "upwards of", "upward of", "exceeding",
         "أكثر من", "ما يزيد عن", "ما يزيد على", "أزيد من", "ما يفوق", "يفوق", "ما يربو على",
         "ما يربو عن", "يربو على"),
        ("et plus", "ou plus", "or more", "and more", "and over", "or over", "فأكثر", "أو أكثر")),
    Qualifier.at_least: _Phrases(
        ("≥", "⩾", "≧", "au moins", "pas moins de", "au minimum", "supérieur ou égal à",
         "at least", "no fewer than", "no less than", "not less than", "not fewer than",
         "a minimum of", "على الأقل", "ما لا يقل عن", "لا يقل عن", "ما لا يقل على",
         "لا يقل على"),
        ("على الأقل", "au moins", "au minimum", "فما فوق", "وما فوق")),
    Qualifier.approximately: _Phrases(
        ("~", "∼", "≈", "≃", "≅", "±", "environ", "env.", "près de", "près d'", "presque",
         "quasi", "quasiment", "pratiquement", "approximativement", "autour de",
         "aux alentours de", "de l'ordre de", "plus ou moins", "quelque", "quelques", "about",
         "around", "nearly", "almost", "approximately", "approx.", "roughly", "close to",
         "circa", "ca.", "some", "an estimated", "estimated", "حوالي", "حوالى", "نحو",
         "قرابة", "زهاء", "ما يقارب", "يقارب", "ما يناهز", "يناهز", "تقريبا"),
        ("environ", "à peu près", "approximativement", "or so", "approximately", "تقريبا")),
    Qualifier.less_than: _Phrases(
        ("<", "moins de", "inférieur à", "inférieure à", "inférieurs à", "inférieures à",
         "less than", "fewer than", "under", "below", "أقل من", "ما يقل عن")),
    Qualifier.at_most: _Phrases(
        ("≤", "⩽", "≦", "au plus", "tout au plus", "pas plus de", "au maximum", "jusqu'à",
         "inférieur ou égal à", "ne dépassant pas", "at most", "up to", "no more than",
         "not more than", "a maximum of", "not exceeding", "على الأكثر", "ما لا يزيد عن",
         "لا يزيد عن", "ما لا يزيد على", "لا يزيد على", "لا يتجاوز", "لا تتجاوز",
         "ما لا يتجاوز"),
        ("على الأكثر", "au maximum", "ou moins", "or less", "or fewer", "أو أقل", "فأقل")),
}
# Longest first, so that a phrase is never taken for a shorter one it ends with.
_BEFORE = sorted(((phrase, qualifier) for qualifier, phrases in _MARKERS.items()
                  for phrase in phrases.before), key=lambda pair: -len(pair[0]))
_AFTER = sorted(((phrase, qualifier) for qualifier, phrases in _MARKERS.items()
                 for phrase in phrases.after), key=lambda pair: -len(pair[0]))
_BEFORE_PHRASES = tuple(phrase for phrase, _ in _BEFORE)
_AFTER_PHRASES = tuple(phrase for phrase, _ in _AFTER)
_ALL = _BEFORE_PHRASES + _AFTER_PHRASES
# Any of them, in one pass over a text instead of one per phrase.
_ANY_PHRASE = re.compile("|".join(map(re.escape, _ALL)))
# How many visible characters to read beside a number: the longest phrase, a percent sign,
# up to two Arabic proclitics and the character that shows where the phrase's word begins.
_REACH = max(len(phrase.replace(" ", "")) for phrase in _ALL) + 4
# Arabic glues "و" (and), "ف" (so), "ب" (by), "ل" (to), "ك" (as) to the next word: "بأكثر من".
_PROCLITICS = re.compile("[وفبلك]{1,2}$")
_PERCENT = ("%", "٪")

# Typographic apostrophes read as the straight one; Arabic short vowels and the stretching
# tatweel do not change a word. (Replacing and removing beats str.translate with a table
# tenfold: translate looks every character up in the table.)
_APOSTROPHES = ("’", "ʼ")
_SILENT = re.compile("[\u0640\u064b-\u0652]")
# Invisible characters (zero-width, joiners, soft hyphen, direction marks and isolates) read
# as a space: they never join a phrase to its number.
_HIDDEN = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def qualifier_near(quote: str, span: tuple[int, int]) -> tuple[Qualifier, str] | None:
    """The qualifier a phrase right before or after the span gives, as (more_than, "plus de").

    Any whitespace may separate the phrase's words and the number ("plus\u00a0de  12 000",
    "12,000\tor more"), a percent sign may stand between the number and a phrase after it
    ("83 % ou plus"); the phrase must be whole words. O(w), w the stretch read around the
    span: a few visible characters and the whitespace among them, at most the quote's length.
    """
    before = _before(quote, span[0])
    for phrase, qualifier in _BEFORE if before.endswith(_BEFORE_PHRASES) else ():
        if before.endswith(phrase) and _ends_word(before[: len(before) - len(phrase)], phrase):
            return qualifier, phrase
    after = _after(quote, span[1])
    for phrase, qualifier in _AFTER if after.startswith(_AFTER_PHRASES) else ():
        rest = after[len(phrase):]
        if after.startswith(phrase) and not (rest and rest[0].isalnum()):
            return qualifier, phrase
    return None




def has_bound_marker(quote: str) -> bool:
    """Whether any qualifier phrase occurs anywhere in the quote.

    A cheap first look: it may say yes when `qualifier_near` finds nothing ("rover" holds
    "over"), never the reverse. O(n) in the quote's length (times the fixed number of phrases).
    """
    return _ANY_PHRASE.search(fold(quote)) is not None


def fold(text: str) -> str:
    """Text as phrases are compared: NFC, case-folded, each whitespace run one space, and
    nothing invisible ("plus de\u200b12 000" is "plus de 12 000" to a reader)."""
    text = unicodedata.normalize("NFC", text).casefold()
    if not text.isascii():
        for apostrophe in _APOSTROPHES:
            text = text.replace(apostrophe, "'")
        text = _SILENT.sub("", _HIDDEN.sub(" ", text))
    # split() cuts at the runs of what \s matches (str.isspace) and drops them at both ends.
    return " ".join(text.split())


def _before(text: str, start: int) -> str:
    """The text just before `start`, folded: `_REACH` visible characters, or all there is."""
    begin = max(start - 2 * _REACH, 0)
    folded = fold(text[begin:start])
    if begin == 0 or _enough(folded):  # most text: few spaces, a short slice holds enough
        return folded
    index, seen = start, 0
    while index > 0 and seen < _REACH:
        index -= 1
        seen += _visible(text[index])
    return fold(text[index:start])


def _after(text: str, end: int) -> str:
    """The text just after `end`, folded, past a percent sign: as `_before`, the other way."""
    stop = min(end + 2 * _REACH, len(text))
    folded = fold(text[end:stop])
    if stop < len(text) and not _enough(folded):
        index, seen = end, 0
        while index < len(text) and seen < _REACH:
            seen += _visible(text[index])
            index += 1
        folded = fold(text[end:index])
    return folded[1:].lstrip() if folded.startswith(_PERCENT) else folded


def _enough(folded: str) -> bool:
    return len(folded) - folded.count(" ") >= _REACH


def _visible(char: str) -> bool:
    """Whether a character survives folding as one of its own (not a space or a mark)."""
    return not (char.isspace() or unicodedata.combining(char) or char == "\u0640"
                or _HIDDEN.match(char) is not None)


def _ends_word(head: str, phrase: str) -> bool:
    """Whether `head`, the text before a phrase, ends where a word may begin."""
    if is_arabic(phrase):
        head = _PROCLITICS.sub("", head, count=1)
    return not head or not head[-1].isalnum()


def is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"
