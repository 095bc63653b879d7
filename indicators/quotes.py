"""Does a quote write the figure's value, in digits or words, and what qualifier stands by it?"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from decimal import Decimal
from functools import cache, lru_cache
from typing import NamedTuple

from num2words import num2words

from indicators.models import Qualifier

# ---------------------------------------------------------------------------------------------
# Numbers written in digits
# ---------------------------------------------------------------------------------------------

# One character alone between two digit groups. Grouping: space, no-break space, narrow
# no-break space, thin space (French), dot, comma, apostrophes (Swiss), Arabic thousands
# separator U+066C. Decimal: dot, comma, Arabic decimal separator U+066B.
_GROUPING = " \u00a0\u202f\u2009.,’'٬"
_DECIMAL = ".,٫"
_SEPARATOR = f"[{re.escape(_GROUPING + '٫')}]"
# Nobody groups digits with a figure space, a tab or two spaces, nor with invisible characters
# (zero-width space, joiners, soft hyphen). Digits glued by them cannot be read with any
# confidence ("23\u200b096": 23096? 23 then 96?), so the glued stretch matches no value.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_GLUE = rf"(?:[\s{_INVISIBLE}]{{2,}}+|(?![ \u00a0\u202f\u2009])[\s{_INVISIBLE}])"
# \d is any script's decimal digit. Possessive quantifiers: no character is backtracked over.
_STRETCH = re.compile(rf"\d++(?:(?:{_SEPARATOR}|{_GLUE})\d++)*+")
_TOKEN = re.compile(rf"\d+(?:{_SEPARATOR}\d+)*")
_SPLIT = re.compile(f"({_SEPARATOR})")
# Hyphen-minus, the minus sign U+2212 and the en dash are all typed as a minus.
_MINUS = "-−–"
# Doubles hold every whole number exactly up to 2**53 (about 9e15) and no migration figure
# comes near 10**15; refusing larger values keeps num2words and Python's int→str limit away.
_LARGEST = 10**15

# Nobody writes a decimal fraction of three zeros alone: "1.000" and "1,000" are a thousand
# (French and English grouping), never 1; "1 000.000", grouped by spaces, stays 1000.
_ZERO_THOUSANDS = re.compile("[0٠۰]{3}")

# (whole part without leading zeros, fraction without trailing zeros): 14.70 is ("14", "7").
_Reading = tuple[str, str]


def spans_of_value(quote: str, value: float) -> list[tuple[int, int]]:
    """Where the quote writes `value` in digits, as (start, end) offsets in the quote.

    A token is a maximal stretch of digits (of any script) and single separators; the value
    must be one reading of a whole token (see `_readings`), never a part of one: 12000 is not
    in "12 000 000", nor 83 in "83,5 %", nor 2014 in "en 2014 23 096". Digits glued by odd
    spacing ("23  096", "23\u200b096") match nothing. A minus sign right before a token counts
    unless it follows a letter or digit ("2014-2016" is a range). Never raises: nan,
    infinities and values beyond 10**15 match nothing. O(n) in the quote's length: one
    regular-expression pass that never backtracks, then work linear in each token.
    """
    wanted = _wanted(value)
    if wanted is None:
        return []
    negative, reading = wanted
    return [(start - negative, end) for start, end, readings in _numbers(quote)
            if _signed(quote, start) == negative and reading in readings]


def _numbers(quote: str) -> Iterator[tuple[int, int, frozenset[_Reading]]]:
    """Each number the quote writes in digits, read whole: (start, end, its readings).

    A number with a scale word is one number: "25 ألف" is 25 000 (never 25), "5,1 millions"
    5 100 000, and "3 millions 200.000" 3 200 000 (neither 3 000 000 nor 200 000).
    """
    taken = 0  # the end of the last number: the tail of "3 millions 200.000" is no number
    for match in _STRETCH.finditer(quote):
        start, end = match.span()
        if start < taken or _after_lone_point(quote, start) or not _TOKEN.fullmatch(
                match.group()):
            continue
        readings = _readings(match.group())
        scale = _SCALE.match(quote, end)
        if scale:
            power = _POWERS[_scale_word(scale.group(1))]
            readings = frozenset(_scaled(reading, power) for reading in readings)
            end = scale.end()
            tail = _tail(quote, end, power)
            if tail:
                readings, end = _plus(readings, tail[0]), tail[1]
        taken = end
        yield start, end, readings


def _tail(quote: str, end: int, power: int) -> tuple[frozenset[_Reading], int] | None:
    """The smaller number right after a scale word ("200.000" in "3 millions 200.000")."""
    match = _TAIL.match(quote, end)
    if match is None or _SCALE.match(quote, match.end()):
        return None
    readings = frozenset(reading for reading in _readings(match.group(1))
                         if not reading[1] and len(reading[0]) <= power)
    return (readings, match.end()) if readings else None


def _scaled(reading: _Reading, power: int) -> _Reading:
    whole, fraction = reading
    if len(fraction) > power:  # "1,2345 million": a fraction of a unit, kept as written
        return _reading([whole, fraction[:power]], fraction[power:])
    return _reading([whole, fraction.ljust(power, "0")], "")


def _plus(readings: frozenset[_Reading], tail: frozenset[_Reading]) -> frozenset[_Reading]:
    return frozenset((str(int(whole) + int(other)), "") for whole, fraction in readings
                     for other, _ in tail if not fraction)


def scale_misread(quote: str, value: float) -> str | None:
    """The number with a scale word whose digits alone are `value`: "25 ألف" for 25."""
    wanted = _wanted(value)
    if wanted is None or wanted[0]:
        return None
    for match in _STRETCH.finditer(quote):
        scale = _SCALE.match(quote, match.end())
        if scale and _TOKEN.fullmatch(match.group()) and wanted[1] in _readings(match.group()):
            return quote[match.start():scale.end()]
    return None


# Scale words after a number, as the sources write them (French, Arabic, English; case and
# Arabic vowel marks ignored), and the power of ten each stands for. "MMDH" is "milliards de
# dirhams" and "MDH" "millions de dirhams" in the Moroccan press.
_SCALE_WORDS = {
    3: ("mille", "thousand", "ألف", "الف", "آلاف", "الاف"),
    6: ("million", "millions", "مليون", "ملايين", "مليوني", "mdh"),
    9: ("milliard", "milliards", "md", "mds", "mrd", "mrds", "mmdh", "billion", "billions",
        "bn", "مليار", "مليارات", "ملياري", "بليون"),
}
_POWERS = {word: power for power, words in _SCALE_WORDS.items() for word in words}
# One space of any width between the digits and the word, which ends there ("millionnaire"
# is no scale); Arabic vowel marks, the tatweel and the accusative alif may end the word
# ("ألفًا", "مليونا").
_MARKS = r"\u0640\u064b-\u0652"
_SCALE = re.compile(
    r"[ \u00a0\u202f\u2009]?(" + "|".join(sorted(map(re.escape, _POWERS), key=len,
                                                      reverse=True))
    + rf")[{_MARKS}]*(?:\u0627[{_MARKS}]*)?(?![\w{_MARKS}])", re.IGNORECASE)
_TAIL = re.compile(r"[ \u00a0\u202f\u2009](" + _TOKEN.pattern + r")(?![\d\w])")


def _scale_word(word: str) -> str:
    return word.casefold()


def _wanted(value: float) -> tuple[bool, _Reading] | None:
    """The value as (negative, reading), or None when no quote can write it."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if abs(value) > _LARGEST:
        return None
    if float(value).is_integer():  # most figures are counts: no fraction to read
        return value < 0, (str(abs(int(value))), "")
    # repr gives the shortest digits that read back as the same double: 14.7, not 14.6999…
    number = Decimal(repr(float(value)))
    whole, _, fraction = f"{abs(number):f}".partition(".")
    return number < 0, (whole.lstrip("0") or "0", fraction.rstrip("0"))


# Tokens repeat across a file (years, common values): each distinct one is read once.
# Bounded, as a draft can hold any number of distinct ones.
@lru_cache(maxsize=8192)
def _readings(token: str) -> frozenset[_Reading]:
    """Every number a whole token can be read as, in one grouping style.

    Grouped: a first group of 1-3 digits, then groups of exactly 3, all after the same
    grouping separator ("12 000 000", "1.000.000", "٢٣٬٠٩٦"); a lone group has any length.
    Decimal: the last separator is a decimal one, different from the grouping separator
    ("14,7", "1.000,5", "1 000.000" which is 1000). So "23,096" is 23096 or 23.096, "83,5"
    only 83.5, "1.000.000" only 1000000, and "2014 23 096" nothing. O(len(token)).
    """
    if token.isdecimal():  # most tokens, such as "2004": one reading, nothing to split
        return frozenset({_reading([token], "")})
    parts = _SPLIT.split(token)
    groups, separators = parts[0::2], parts[1::2]
    readings = set()
    if _one_style(groups, separators):
        readings.add(_reading(groups, ""))
    last = separators[-1] if separators else ""
    if (last and last in _DECIMAL and not (len(separators) == 1
                                           and _ZERO_THOUSANDS.fullmatch(groups[-1]))
            and _one_style(groups[:-1], separators[:-1], last)):
        readings.add(_reading(groups[:-1], groups[-1]))
    return frozenset(readings)


def _one_style(groups: list[str], separators: list[str], decimal: str = "") -> bool:
    if not separators:
        return True
    first = separators[0]
    return (first in _GROUPING and first != decimal
            and all(separator == first for separator in separators)
            and len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:]))


def _reading(whole: list[str], fraction: str) -> _Reading:
    return _ascii("".join(whole)).lstrip("0") or "0", _ascii(fraction).rstrip("0")


def _ascii(digits: str) -> str:
    """Digits of any script (Arabic-Indic "٢٣", Eastern Arabic-Indic "۲۳") as 0-9."""
    if digits.isascii():
        return digits
    return "".join(str(unicodedata.decimal(digit)) for digit in digits)


def _signed(text: str, start: int) -> bool:
    """Whether a minus sign stands right before `start`, not the dash of "2014-2016"."""
    return start > 0 and text[start - 1] in _MINUS and (start == 1 or not text[start - 2].isalnum())


def _after_lone_point(text: str, start: int) -> bool:
    """Whether `start` follows a decimal separator that follows no word (".5" is 0.5, not 5).

    Such bare fractions are rare in the sources, so they match nothing rather than a reading.
    """
    return (start > 0 and text[start - 1] in _DECIMAL
            and (start == 1 or not text[start - 2].isalnum()))


# ---------------------------------------------------------------------------------------------
# Numbers written in words
# ---------------------------------------------------------------------------------------------

# A word: letters and digits, with the marks written apart from their letter (a decomposed
# accent, Arabic short vowels), which \w alone would cut the word at.
_WORD = re.compile(r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+")
# Number words join into one phrase across spaces and hyphens: "dix-sept", "deux cent mille".
_JOIN = re.compile(r"[\s\-\u2010\u2011]+")
# The dataset's languages; their number words bound a phrase whatever the source's language.
_LANGUAGES = ("fr", "ar", "en")
# Words that join number words ("vingt et un", "one hundred and five", "واحد و عشرون"): part of
# a phrase only between two number words.
_CONNECTORS = frozenset({"et", "and", "و"})
# Forms num2words never writes: French feminine, Arabic feminine and case forms, and the
# other spelling of a hundred. Without them "trente et une" would end a phrase at "trente".
_EXTRA_WORDS = ("une", "إحدى", "اثنتان", "اثنين", "اثنتين", "ثلاث", "أربع", "خمس", "ست", "سبع",
                "ثماني", "ثمان", "تسع", "عشر", "مئة", "مائتان", "مئتان", "مائتين", "مئتين",
                "ألفان", "ألفين", "آلاف", "ملايين", "مليارات")


def spans_of_words(quote: str, words: str) -> list[tuple[int, int]]:
    """Where the quote writes `words` as a whole number phrase, ignoring case.

    A phrase is a maximal run of number words (French, Arabic or English, plus the words of
    `words` itself) joined by spaces or hyphens: "dix" is not in "dix-sept", "deux" is not in
    "deux cent mille". O(n) in the quote's length (the vocabulary is built once).
    """
    wanted = tuple(_words(words))
    if not wanted:
        return []
    vocabulary = _number_words() | {word for word in wanted if word not in _CONNECTORS}
    # Joined, so that Arabic "و عشرون" and "وعشرون" (and) or "dix sept" and "dix-sept" agree.
    joined = "".join(wanted)
    return [(start, end) for phrase, start, end in _phrases(quote, vocabulary)
            if "".join(phrase) == joined]


def _words(text: str) -> list[str]:
    return [_fold(match.group()) for match in _WORD.finditer(text)]


def _phrases(quote: str, vocabulary: frozenset[str]) -> Iterator[tuple[tuple[str, ...], int, int]]:
    """Maximal runs of number words joined by spaces or hyphens, as (words, start, end)."""
    run: list[tuple[str, int, int]] = []
    for match in _WORD.finditer(quote):
        word = _fold(match.group())
        joined = bool(run) and _JOIN.fullmatch(quote, run[-1][2], match.start()) is not None
        if joined and (word in vocabulary or word in _CONNECTORS):
            run.append((word, *match.span()))
            continue
        yield from _phrase(run)
        run = [(word, *match.span())] if word in vocabulary else []
    yield from _phrase(run)


def _phrase(run: list[tuple[str, int, int]]) -> Iterator[tuple[tuple[str, ...], int, int]]:
    """The run as one phrase, without the connectors it ended on ("trois et" is "trois")."""
    end = len(run)
    while end and run[end - 1][0] in _CONNECTORS:
        end -= 1
    if end:
        yield tuple(word for word, _, _ in run[:end]), run[0][1], run[end - 1][2]


@cache
def _number_words() -> frozenset[str]:
    """Every word of a number phrase in the dataset's languages, folded; built once."""
    numbers = [*range(101), *range(200, 1001, 100),
               *(factor * 10**power for power in (3, 6, 9, 12) for factor in (1, 2))]
    words = {word for language in _LANGUAGES for number in numbers
             for word in _words(num2words(number, lang=language))}
    words.update(_EXTRA_WORDS)
    arabic = {word for word in words if _is_arabic(word)}
    # Arabic writes "و" (and) glued to the next number word, and tens in the genitive -ين too.
    words.update(word[:-2] + "ين" for word in arabic if word.endswith("ون"))
    words.update("و" + word for word in arabic)
    return frozenset(words - _CONNECTORS)


def words_mean(words: str, value: float, language: str) -> bool:
    """Whether `words` spell `value` in `language` ("dix" is 10 in French).

    Never raises: nan, infinities, fractions, values beyond 10**15 and languages num2words
    does not know give False. O(len(words)): num2words writes a few dozen words at most.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return False
    if abs(value) > _LARGEST or value != int(value):
        return False
    try:
        spelled = num2words(int(value), lang=language)
    # Each num2words language raises its own errors (NotImplementedError for an unknown one,
    # OverflowError, KeyError…); any of them means the words cannot be checked to match.
    except Exception:
        return False
    # Joined, so that Arabic "و عشرون" and "وعشرون" (and) or "dix sept" and "dix-sept" agree.
    return "".join(_words(spelled)) == "".join(_words(words))


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
    return _ANY_PHRASE.search(_fold(quote)) is not None


def _fold(text: str) -> str:
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
    folded = _fold(text[begin:start])
    if begin == 0 or _enough(folded):  # most text: few spaces, a short slice holds enough
        return folded
    index, seen = start, 0
    while index > 0 and seen < _REACH:
        index -= 1
        seen += _visible(text[index])
    return _fold(text[index:start])


def _after(text: str, end: int) -> str:
    """The text just after `end`, folded, past a percent sign: as `_before`, the other way."""
    stop = min(end + 2 * _REACH, len(text))
    folded = _fold(text[end:stop])
    if stop < len(text) and not _enough(folded):
        index, seen = end, 0
        while index < len(text) and seen < _REACH:
            seen += _visible(text[index])
            index += 1
        folded = _fold(text[end:index])
    return folded[1:].lstrip() if folded.startswith(_PERCENT) else folded


def _enough(folded: str) -> bool:
    return len(folded) - folded.count(" ") >= _REACH


def _visible(char: str) -> bool:
    """Whether a character survives folding as one of its own (not a space or a mark)."""
    return not (char.isspace() or unicodedata.combining(char) or char == "\u0640"
                or _HIDDEN.match(char) is not None)


def _ends_word(head: str, phrase: str) -> bool:
    """Whether `head`, the text before a phrase, ends where a word may begin."""
    if _is_arabic(phrase):
        head = _PROCLITICS.sub("", head, count=1)
    return not head or not head[-1].isalnum()


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


# ---------------------------------------------------------------------------------------------
# What stands beside a number: a year's date words, a list's item
# ---------------------------------------------------------------------------------------------

# Words after which a four-digit number is a date ("en 2023", "fin décembre 2014", "عام 2023").
_DATE_WORDS = frozenset((
    "en l'an année depuis dès fin début mi jusqu'en avant après janvier février mars avril mai "
    "juin juillet août septembre octobre novembre décembre in year since by until before after "
    "during january february march april may june july august september october november "
    "december عام العام سنة السنة منذ خلال حتى يناير فبراير مارس أبريل ابريل ماي مايو يونيو "
    "يوليوز يوليو غشت أغسطس شتنبر سبتمبر أكتوبر اكتوبر نونبر نوفمبر دجنبر ديسمبر").split())
_YEAR = re.compile(r"(?:19|20)\d\d")
# Where one item of a list ends: a semicolon, a comma before a space (not the comma of
# "23,096"), Arabic commas, "et", "and", "و".
_ITEM_BREAK = re.compile(r"[;؛،]|,(?=\s)|\s(?:et|and|ainsi que|as well as)\s|\sو", re.IGNORECASE)


def written_as_year(quote: str, span: tuple[int, int]) -> str | None:
    """The date as written ("en 2023") when the span is a year after a date word, else None."""
    start, end = span
    digits = quote[start:end]
    if len(digits) != 4 or not digits.isdecimal() or not _YEAR.fullmatch(_ascii(digits)):
        return None
    before = _LAST_WORD.search(quote, max(0, start - 40), start)
    if before is None:
        return None
    word = _fold(before.group(1)).rstrip(",")
    if _is_arabic(word) and word not in _DATE_WORDS:
        word = _PROCLITICS_START.sub("", word, count=1)
    return quote[before.start(1):end] if word in _DATE_WORDS else None


_LAST_WORD = re.compile(r"(\S+)\s*$")
_PROCLITICS_START = re.compile("^[وفبلك]{1,2}")


def list_items(quote: str, spans: list[tuple[int, int]]) -> list[str | None]:
    """For each span, the item of a list it stands in, without the number ("Ivoiriens" for
    700 in "900 Guinéens, 700 Ivoiriens"); None where no other item holds a number.

    O(n + s log n) for a quote of length n and s spans: the items are cut once.
    """
    bounds = [0, *(edge for match in _ITEM_BREAK.finditer(quote) for edge in match.span()),
              len(quote)]
    starts = bounds[0::2]
    numbered = {bisect_right(starts, start) - 1 for start, _, _ in _numbers(quote)}
    found: list[str | None] = []
    for start, end in spans:
        mine = bisect_right(starts, start) - 1
        stop = bounds[2 * mine + 1]
        found.append(None if numbered <= {mine} or start >= stop
                     else quote[starts[mine]:start] + " " + quote[end:stop])
    return found
