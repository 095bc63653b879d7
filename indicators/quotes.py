"""Where a quote writes a value in digits, read whole, and what stands by it (a date, a list)."""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from indicators.phrases import fold, is_arabic

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
LARGEST = 10**15

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
            power = _POWERS[scale.group(1).casefold()]
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


def _wanted(value: float) -> tuple[bool, _Reading] | None:
    """The value as (negative, reading), or None when no quote can write it."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if abs(value) > LARGEST:
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
    word = fold(before.group(1)).rstrip(",")
    if is_arabic(word) and word not in _DATE_WORDS:
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
