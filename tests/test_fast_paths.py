"""Property-based: each fast path of the checks agrees with the plain definition it replaces."""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.intervals import _half_unit
from indicators.phrases import _ALL, fold, has_bound_marker
from indicators.quotes import _wanted

SETTINGS = settings(max_examples=300, deadline=timedelta(seconds=5))
# Text made of what folding changes: case, accents (composed or not), every kind of space,
# typographic apostrophes, Arabic short vowels and tatweel, and the qualifier phrases.
PIECES = ["Plus De", "plus\u00a0de", "AU-DELÀ", "e\u0301", "jusqu’à", "jusqu\u02bcà", "أكثر من",
          "أَكْثَر", "ـ", "\u064b\u0652", " ", "\t\n", "\u2009", "\u202f", "\u001c", "ß", "İ",
          "12 000", "rover", "\u200b", "\u200f", "\u2066", "\xad", *_ALL]
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=12).map("".join)
# Invisible characters (zero-width, joiners, soft hyphen, direction marks) read as a space.
_HIDDEN = [0xAD, 0x61C, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x206A),
           0xFEFF]
_TABLE = str.maketrans({"’": "'", "ʼ": "'", "\u0640": None,
                        **{chr(mark): None for mark in range(0x064B, 0x0653)},
                        **{chr(hidden): " " for hidden in _HIDDEN}})
_NUMBERS = (st.integers(min_value=-(10**15), max_value=10**15)
            | st.floats(min_value=-1e15, max_value=1e15, allow_nan=False)
            | st.integers(min_value=-(10**15), max_value=10**15).map(float))


def _plain_fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().translate(_TABLE)
    return re.sub(r"\s+", " ", text).strip()


@SETTINGS
@given(TEXTS)
def test_fold_is_the_translate_table_and_one_space(text: str) -> None:
    assert fold(text) == _plain_fold(text)


@SETTINGS
@given(TEXTS)
def test_bound_marker_is_any_phrase_in_the_folded_text(text: str) -> None:
    assert has_bound_marker(text) is any(phrase in _plain_fold(text) for phrase in _ALL)


@SETTINGS
@given(_NUMBERS)
def test_wanted_reading_is_the_decimal_one(value: float) -> None:
    number = Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))
    whole, _, fraction = f"{abs(number):f}".partition(".")
    assert _wanted(value) == (number < 0, (whole.lstrip("0") or "0", fraction.rstrip("0")))


@SETTINGS
@given(_NUMBERS | st.sampled_from([float("inf"), float("-inf"), float("nan")]))
def test_half_unit_is_the_decimal_one(value: float) -> None:
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    places = max(-int(exponent), 0) if isinstance(exponent, int) else 0
    assert _half_unit(value) == 0.5 * 10.0 ** -places
