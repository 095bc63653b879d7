"""Numbers spelled in words: where a quote writes them, and whether they spell a value."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache

from num2words import num2words

from indicators.phrases import fold, is_arabic
from indicators.quotes import LARGEST

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
    return [fold(match.group()) for match in _WORD.finditer(text)]


def _phrases(quote: str, vocabulary: frozenset[str]) -> Iterator[tuple[tuple[str, ...], int, int]]:
    """Maximal runs of number words joined by spaces or hyphens, as (words, start, end)."""
    run: list[tuple[str, int, int]] = []
    for match in _WORD.finditer(quote):
        word = fold(match.group())
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
    arabic = {word for word in words if is_arabic(word)}
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
    if abs(value) > LARGEST or value != int(value):
        return False
    try:
        spelled = num2words(int(value), lang=language)
    # Each num2words language raises its own errors (NotImplementedError for an unknown one,
    # OverflowError, KeyError…); any of them means the words cannot be checked to match.
    except Exception:
        return False
    # Joined, so that Arabic "و عشرون" and "وعشرون" (and) or "dix sept" and "dix-sept" agree.
    return "".join(_words(spelled)) == "".join(_words(words))
