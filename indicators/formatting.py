"""Numbers, dates, periods and bounds written for a reader of French, Arabic or English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal

from indicators.labels import FIELDS, QUALIFIERS, RANKS, STATUSES, UNITS, ui
from indicators.models import LOCALES, Figure, Qualifier, Status, Unit, note_in
from indicators.periods import OPEN, PartialDate, open_ended, parse_partial

# Left-to-right isolate: keeps "23 096" or "> 83 %" whole inside right-to-left text, where
# the bidirectional algorithm would otherwise paint "096 23" or mirror ">" into "<".
LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"

_SYMBOLS = {
    Qualifier.exact: "",
    Qualifier.more_than: "> ",
    Qualifier.at_least: "≥ ",
    Qualifier.approximately: "≈ ",
    Qualifier.less_than: "< ",
    Qualifier.at_most: "≤ ",
}
_UNIT_SUFFIX = {Unit.percent: "\u00a0%"}


def isolate(text: str, language: str) -> str:
    """Wrap left-to-right text so an Arabic paragraph cannot reorder it."""
    return f"{LRI}{text}{PDI}" if language == "ar" else text


def embed(text: str, language: str) -> str:
    """Wrap data text of any direction (a French title) so an Arabic line keeps its order."""
    return f"{FSI}{text}{PDI}" if language == "ar" else text


def number(value: float, language: str) -> str:
    """A number in the language's digits and grouping."""
    return format_decimal(value, locale=LOCALES[language])


def value(figure: Figure, unit: Unit, language: str) -> str:
    """The value as a card shows it: a bound stays a bound ("> 83 %", "> 12 000")."""
    return bounded(figure.value, figure.qualifier, unit, language)


def bounded(amount: float, qualifier: Qualifier, unit: Unit, language: str) -> str:
    """A value with its bound and unit, from its parts (a table row as much as a figure)."""
    return _amount(_SYMBOLS[qualifier], amount, unit, language)


def value_in_words(figure: Figure, unit: Unit, language: str) -> str:
    """The value with its qualifier spelled out, for hovers and screen readers."""
    return in_words(figure.value, figure.qualifier, unit, language)


def in_words(amount: float, qualifier: Qualifier, unit: Unit, language: str) -> str:
    """A value with its bound in words ("plus de 100"), from its parts: a table's cell reads
    in any direction, where a symbol ("> 100") is mirrored in a right-to-left grid."""
    shown = _amount("", amount, unit, language)
    return shown if qualifier == Qualifier.exact else f"{QUALIFIERS[qualifier][language]} {shown}"


def _amount(symbol: str, amount: float, unit: Unit, language: str) -> str:
    """The digits (after a bound's symbol) and the unit. Only the digits and symbols are
    isolated: a unit's word belongs to the sentence's direction ("أكثر من 3 سنوات", not
    "أكثر من سنوات 3")."""
    if unit == Unit.mad:
        return _money(symbol, amount, language)
    shown = isolate(f"{symbol}{_digits(amount, unit, language)}{_UNIT_SUFFIX.get(unit, '')}",
                    language)
    if unit in (Unit.months, Unit.years):
        shown += f" {UNITS[unit][language]}"
    return shown


# From a million on, an amount of money is written with its scale word, as the press writes
# it: "86,89 milliards de dirhams", not "86 890 000 000 dirhams".
_SCALED_FROM = 10**6


def compact(amount: float, language: str) -> str:
    """A large amount with its scale word ("86,89 milliards", "86,89 مليار", "86.89 billion");
    under a million, the number itself."""
    if abs(amount) < _SCALED_FROM:
        return number(amount, language)
    return format_compact_decimal(amount, format_type="long", locale=LOCALES[language],
                                  fraction_digits=2)


def _money(symbol: str, amount: float, language: str) -> str:
    """Dirhams with the scale a reader expects: "86,89 milliards de dirhams", "86,89 مليار
    درهم", "MAD 86.89 billion"; the digits isolated, the words in the sentence's order."""
    # In Arabic a bound's symbol stays inside the isolated digits, or it would be mirrored;
    # elsewhere it opens the phrase: "> 58 milliards de dirhams", "> MAD 58 billion".
    inside = symbol if language == "ar" else ""
    if abs(amount) < _SCALED_FROM:
        shown = isolate(inside + number(amount, language), language)
        return ui("money", language).format(symbol="" if inside else symbol, amount=shown)
    digits, _, scale = compact(amount, language).partition(" ")
    shown = f"{isolate(inside + digits, language)} {scale}".strip()
    return ui("money_scaled", language).format(symbol="" if inside else symbol, amount=shown)


def _digits(amount: float, unit: Unit, language: str) -> str:
    # A calendar year is never grouped: "2004", not "2 004".
    return str(int(amount)) if unit == Unit.year else number(amount, language)


def partial_date(point: PartialDate, language: str) -> str:
    """`2013-09` as "septembre 2013", `2016-05-02` as "2 mai 2016"."""
    locale = LOCALES[language]
    if point.day is not None:
        return format_date(point.first_day(), format="long", locale=locale)
    if point.month is not None:
        return format_date(point.first_day(), format="LLLL y", locale=locale)
    return str(point.year)


def period(text: str | None, language: str) -> str:
    """A period for reading: "2014 – 2016", "depuis 2004", or "non indiqué"."""
    if not text:
        return ui("unknown", language)
    if "/" not in text:
        return partial_date(parse_partial(text), language)
    start_text, _, end_text = text.partition("/")
    if end_text == OPEN:
        return f"{ui('since', language)} {partial_date(parse_partial(start_text), language)}"
    if start_text == OPEN:
        return f"{ui('until', language)} {partial_date(parse_partial(end_text), language)}"
    start, end = parse_partial(start_text), parse_partial(end_text)
    return f"{partial_date(start, language)} – {partial_date(end, language)}"


def as_of(text: str, language: str) -> str:
    """A running count's date: "au 8 mars 2017", but "en janvier 2015" for a month or year."""
    key = "as_of" if len(text) == len("2017-03-08") else "as_of_month"
    return f"{ui(key, language)} {period(text, language)}"


def when(figure: Figure, published: str | None, language: str) -> str:
    """When a figure was true, as a card writes it: "au 9 février 2015", "depuis 2004 · en
    mars 2017", "Période : 2014", or its source's date when it gives none of its own."""
    dated = f"{ui('period', language)}{colon(language)} {period(figure.period, language)}"
    if figure.as_of:
        on = as_of(figure.as_of, language)
        return f"{period(figure.period, language)} · {on}" if open_ended(figure.period) else on
    if figure.period and not open_ended(figure.period):
        return dated
    source = (ui("source_dated", language).format(date=period(published, language))
              if published else ui("date_unknown", language))
    return f"{period(figure.period, language)} · {source}" if figure.period else source


def standing(figure: Figure, language: str) -> str:
    """What a card says first of a figure that is not a final exact count: "provisoire",
    "décompte en cours", "estimation"; empty for a final exact count."""
    words = []
    if figure.standing != Status.final:
        words.append(STATUSES[figure.standing][language])
    if figure.rounded or figure.qualifier == Qualifier.approximately:
        words.append(ui("estimate", language))
    text = " · ".join(words)
    return text[:1].upper() + text[1:]


def ranked(figure: Figure, source_language: str, language: str) -> str:
    """A preferred or set-aside figure's rank and the curator's reason ("valeur écartée :
    …"), in the reader's language when written; empty for a normal figure."""
    if figure.rank not in RANKS:
        return ""
    shown = note_in(figure.rank_reason, language, source_language)
    return f"{RANKS[figure.rank][language]}{colon(language)} {shown[0] if shown else ''}"


def change(field: str, before: str, after: str, language: str) -> str:
    """One field's change in a figure's history: "Qualification : exact → plus de"."""
    return (f"{FIELDS[field][language] if field in FIELDS else field}{colon(language)} "
            f"{_field_value(field, before, language)} → {_field_value(field, after, language)}")


def _field_value(field: str, text: str, language: str) -> str:
    """A field's value as the reader's language names it: a qualifier, status or rank in
    words, a yes or no in words, a value in the language's digits, a period or date as the
    language writes it; an absent value as a dash; anything else as the file writes it."""
    tables: dict[str, Mapping[Any, dict[str, str]]] = {
        "qualifier": QUALIFIERS, "status": STATUSES, "rank": RANKS}
    table = tables.get(field, {})
    words = next((words for key, words in table.items() if key.value == text), None)
    if words:
        return words[language]
    if not text:
        return "—"
    if text in ("True", "False"):  # a yes/no field, as the history reads it from the file
        return ui("yes" if text == "True" else "no", language)
    try:
        if field == "value":
            return number(float(text), language)
        if field in ("period", "as_of"):
            return period(text, language)
    except ValueError:
        pass  # written otherwise than the model allows (an old version): shown as written
    return text


def colon(language: str) -> str:
    """A colon as the language writes it: French puts a narrow no-break space before it."""
    return "\u202f:" if language == "fr" else ":"


# Between the items of a list inside a sentence: French puts a narrow no-break space before
# its semicolon, as before its colon; Arabic has its own semicolon and comma.
_SEMICOLONS = {"fr": "\u202f; ", "ar": "؛ ", "en": "; "}
_COMMAS = {"fr": ", ", "ar": "، ", "en": ", "}


def semicolon(language: str) -> str:
    """What separates the items of a list whose items hold commas: "a ; b", "a؛ b", "a; b"."""
    return _SEMICOLONS[language]


def comma(language: str) -> str:
    """What separates the items of a short list: ", ", or the Arabic comma "، "."""
    return _COMMAS[language]


def quoted(text: str, language: str) -> str:
    """Text inside the quotation marks of its language, never doubled: « … » in French (with
    no-break spaces) and Arabic, “ … ” in English and around a text that opens with « itself."""
    if "«" in text or language == "en":
        return f"“{text}”"
    return f"«\u00a0{text}\u00a0»" if language == "fr" else f"«{text}»"
