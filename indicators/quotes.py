"""Does a quote write the figure's value, and does it bound it ("plus de 12 000")?"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from num2words import num2words

from indicators.models import Qualifier

# Arabic-Indic (U+0660…) and Eastern Arabic-Indic (U+06F0…) digits read as 0-9.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Thousands separators seen in French, Arabic and English writing: space, no-break space,
# narrow no-break space, thin space, dot, comma, apostrophes, Arabic thousands separator.
_GROUP = " \u00a0\u202f\u2009.,’'٬"
_DECIMAL = ".,٫"
_RUN = re.compile(rf"\d+(?:[{re.escape(_GROUP + _DECIMAL)}]\d+)*")

# Words that, written just before a number, say it is a bound or a rounding, not a count.
_MARKERS: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.more_than: ("plus de", "more than", "over", "أكثر من", "ما يزيد عن", "supérieur à"),
    Qualifier.at_least: ("au moins", "at least", "على الأقل"),
    Qualifier.approximately: ("environ", "près de", "quelque", "about", "around", "nearly",
                              "approximately", "حوالي", "نحو", "قرابة"),
    Qualifier.less_than: ("moins de", "less than", "fewer than", "أقل من"),
}


_ARABIC_DIGIT = re.compile("[٠-٩۰-۹]")


def _normalise(text: str) -> str:
    if text.isascii():  # most quotes: nothing to compose, no Arabic digits
        return text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # str.translate is slow on non-ASCII text; most quotes have no Arabic-Indic digit.
    return text.translate(_DIGITS) if _ARABIC_DIGIT.search(text) else text


def has_bound_marker(quote: str) -> bool:
    """Whether any bound marker occurs anywhere in the quote (a cheap first look)."""
    folded = _normalise(quote).casefold()
    return any(marker in folded for markers in _MARKERS.values() for marker in markers)


def _readings(run: str) -> Iterator[tuple[Decimal, int, int]]:
    """Every number a run of digits and separators can be read as, with its span in the run."""
    groups = [(m.start(), m.end()) for m in re.finditer(r"\d+", run)]
    for first, (start, end) in enumerate(groups):
        digits = run[start:end]
        grouped = _continues_group(run, groups, first) or _continues_group(run, groups, first + 1)
        if not grouped:
            yield Decimal(digits), start, end
        # Extend over three-digit groups: "23 096", "1.000.000".
        for later in range(first + 1, len(groups)):
            g_start, g_end = groups[later]
            if g_end - g_start != 3 or run[groups[later - 1][1]:g_start] not in _GROUP:
                break
            digits += run[g_start:g_end]
            yield Decimal(digits), start, g_end
        # A decimal part: "14,7", "2.5".
        if first + 1 < len(groups):
            d_start, d_end = groups[first + 1]
            if run[end:d_start] in _DECIMAL:
                yield Decimal(f"{run[start:end]}.{run[d_start:d_end]}"), start, d_end


def _continues_group(run: str, groups: list[tuple[int, int]], index: int) -> bool:
    """Whether group `index` is the tail of a grouped number ("096" in "23 096")."""
    if not 0 < index < len(groups):
        return False
    (p_start, p_end), (start, end) = groups[index - 1], groups[index]
    return end - start == 3 and p_end - p_start <= 3 and run[p_end:start] in _GROUP


def spans_of_value(quote: str, value: float) -> list[tuple[int, int]]:
    """Where the quote writes `value` in digits, as (start, end) offsets in the quote."""
    try:
        wanted = Decimal(str(value))
    except InvalidOperation:
        return []
    text = _normalise(quote)
    spans = []
    for match in _RUN.finditer(text):
        for number, start, end in _readings(match.group()):
            begin = match.start() + start
            # A minus sign, not the dash of a range such as "2014-2016".
            negative = (begin > 0 and text[begin - 1] in "-−"
                        and (begin == 1 or not text[begin - 2].isalnum()))
            if (-number if negative else number) == wanted:
                spans.append((begin - negative, match.start() + end))
    return spans


def spans_of_words(quote: str, words: str) -> list[tuple[int, int]]:
    """Where the quote writes `words`, ignoring case."""
    pattern = re.compile(rf"(?<!\w){re.escape(_normalise(words))}(?!\w)", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(_normalise(quote))]


def words_mean(words: str, value: float, language: str) -> bool:
    """Whether `words` spell `value` in `language` ("dix" is 10 in French)."""
    if float(value) != int(value):
        return False
    spelled = num2words(int(value), lang=language)
    return _squash(spelled) == _squash(words)


def _squash(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", _normalise(text)).strip().casefold()


def bound_before(quote: str, span: tuple[int, int]) -> tuple[Qualifier, str] | None:
    """The bound written just before a span, as ("more_than", "plus de"), if any."""
    before = _normalise(quote)[: span[0]].rstrip().casefold()
    for qualifier, markers in _MARKERS.items():
        for marker in markers:
            if before.endswith(marker) and (len(before) == len(marker)
                                             or not before[-len(marker) - 1].isalnum()):
                return qualifier, marker
    return None
