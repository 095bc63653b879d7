"""Property-based: a quote writes a value only as the whole of one of its number tokens."""

from __future__ import annotations

import math
import re
from datetime import timedelta
from decimal import Decimal
from typing import NamedTuple

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.quotes import spans_of_value

# Generous per-example bound: a hang or a quadratic blow-up fails, a slow CI machine does not.
SETTINGS = settings(max_examples=200, deadline=timedelta(seconds=5),
                    suppress_health_check=[HealthCheck.too_slow])

GROUPING = [" ", "\u00a0", "\u202f", "\u2009", ".", ",", "’", "'", "٬"]
DECIMAL = [".", ",", "٫"]
SCRIPTS = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"]
# Arabic-Indic and Eastern Arabic-Indic digits as 0-9: one character for one, so offsets hold.
TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
WORDS = ["plus de", "migrants", "soit", "%", "en", "dix", "أكثر من", "شهرا", "-"]
# What may stand between two pieces: ordinary text, and the glue that makes digits unreadable.
JOINERS = [" ", " ", " ", "  ", ", ", "-", " - ", "", " et ", "%", "\u200b", "\u2007", "\t"]
# The implementation refuses larger values: no migration figure comes near them.
LARGEST = 10**15

# --- The reference: a stretch of digits, single separators and whitespace; a token is a
# --- stretch with single separators only; its readings, every grouping style that fits it.
SEPARATORS = re.escape("".join(GROUPING + DECIMAL))
STRETCH = re.compile(rf"[0-9]+(?:(?:[{SEPARATORS}]|[\s\u200b]+)[0-9]+)*")
TOKEN = re.compile(rf"[0-9]+(?:[{SEPARATORS}][0-9]+)*")


def style(grouping: str, decimal: str) -> re.Pattern[str]:
    """One way of writing a number: "12 000,5" is grouping " " and decimal ","."""
    whole = rf"[0-9]{{1,3}}(?:{re.escape(grouping)}[0-9]{{3}})*" if grouping else "[0-9]+"
    return re.compile(whole + (rf"{re.escape(decimal)}[0-9]+" if decimal else ""))


STYLES = [(grouping, decimal, style(grouping, decimal))
          for grouping in ["", *GROUPING] for decimal in ["", *DECIMAL]
          if not grouping or grouping != decimal]


def readings(token: str) -> set[Decimal]:
    """The value of the token in each style that writes all of it."""
    found = set()
    for grouping, decimal, pattern in STYLES:
        if pattern.fullmatch(token):
            plain = token.replace(grouping, "") if grouping else token
            found.add(Decimal(plain.replace(decimal, ".") if decimal else plain))
    return found


def reference_spans(quote: str, value: float) -> list[tuple[int, int]]:
    """Spans of the whole tokens that read as `value`, signs included."""
    if (isinstance(value, float) and not math.isfinite(value)) or abs(value) > LARGEST:
        return []
    wanted = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    text = quote.translate(TO_ASCII)
    spans = []
    for match in STRETCH.finditer(text):
        start, end = match.span()
        before, before_that = text[start - 1:start], text[max(start - 2, 0):max(start - 1, 0)]
        if before in DECIMAL and not before_that.isalnum():  # ".5": a bare fraction
            continue
        negative = before != "" and before in "-−–" and not before_that.isalnum()
        if (TOKEN.fullmatch(match.group()) and negative == (wanted < 0)
                and abs(wanted) in readings(match.group())):
            spans.append((start - negative, end))
    return spans


# --- Quotes: numbers in random styles among words, and values that are or are not in them.

class Written(NamedTuple):
    text: str
    meant: Decimal  # the value the writer meant
    readable: bool  # whether a reader can tell: not "1,000,5", not "-0"


@st.composite
def numbers(draw: st.DrawFn) -> Written:
    """A number written in a random style, with the value it was meant to write."""
    whole = draw(st.integers(min_value=0, max_value=10**9))
    fraction = draw(st.one_of(st.just(""), st.text("0123456789", min_size=1, max_size=4)))
    grouping = draw(st.sampled_from(["", *GROUPING]))
    decimal = draw(st.sampled_from(DECIMAL))
    digits = f"{whole:,}".replace(",", grouping) if grouping else str(whole)
    text = digits + (decimal + fraction if fraction else "")
    sign = draw(st.sampled_from(["", "", "-"]))
    script = draw(st.sampled_from(SCRIPTS))
    meant = Decimal(f"{sign}{whole}.{fraction or 0}")
    # One separator for groups and decimals is a puzzle once both show: "1.000.5".
    puzzle = bool(fraction) and grouping == decimal and whole >= 1000
    readable = not puzzle and not (sign and meant == 0)
    return Written(sign + text.translate(str.maketrans("0123456789", script)), meant, readable)


@st.composite
def quotes(draw: st.DrawFn) -> tuple[str, list[Decimal]]:
    pieces = draw(st.lists(st.one_of(numbers(), st.sampled_from(WORDS)), min_size=1, max_size=6))
    text, meant = "", []
    for piece in pieces:
        text += draw(st.sampled_from(JOINERS)) if text else ""
        if isinstance(piece, Written):
            text += piece.text
            meant.append(piece.meant)
        else:
            text += piece
    return text, meant


def _as_value(number: Decimal) -> float:
    return int(number) if number == number.to_integral_value() else float(number)


@st.composite
def quote_and_value(draw: st.DrawFn) -> tuple[str, float]:
    """A quote, and a value it was meant to write, a slice of one, or any number at all."""
    quote, meant = draw(quotes())
    digits = re.sub(r"[^0-9]", "", quote.translate(TO_ASCII))
    choices = [st.integers(min_value=-(10**6), max_value=10**10), st.floats(),
               st.sampled_from([10**400, 10**15 + 1, 0, -0.0])]
    if meant:
        choices.append(st.sampled_from(meant).map(_as_value))
    if digits:
        start = draw(st.integers(min_value=0, max_value=len(digits) - 1))
        end = draw(st.integers(min_value=start + 1, max_value=len(digits)))
        choices.append(st.just(int(digits[start:end][:15])))
    return quote, draw(st.one_of(choices))


@SETTINGS
@given(quote_and_value())
def test_value_is_the_whole_of_a_token(case: tuple[str, float]) -> None:
    quote, value = case
    assert spans_of_value(quote, value) == reference_spans(quote, value)


@SETTINGS
@given(quote_and_value())
def test_spans_stop_where_the_number_stops(case: tuple[str, float]) -> None:
    quote, value = case
    separators = "".join(GROUPING + DECIMAL)
    for start, end in spans_of_value(quote, value):
        digits = start + (quote[start] in "-−–")
        if digits > start:  # a minus sign stands after no letter or digit
            assert not quote[max(start - 1, 0):start].isalnum()
        before, after = quote[max(digits - 2, 0):digits], quote[end:end + 2]
        assert not before[-1:].isdecimal()
        assert not (before[-1:] and before[-1] in separators and before[:1].isdecimal())
        assert not after[:1].isdecimal()
        assert not (after[:1] and after[0] in separators and after[1:2].isdecimal())


@SETTINGS
@given(numbers())
def test_every_readable_number_reads_as_meant(number: Written) -> None:
    quote = f"soit {number.text} migrants"
    assert bool(spans_of_value(quote, _as_value(number.meant))) is number.readable
