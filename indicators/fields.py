"""The dataset's field types as an editor types them: numbers, dates, periods and links."""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BeforeValidator, WithJsonSchema

from indicators.periods import normal_date, normal_period
from indicators.text import excerpt

__all__ = ["MAX_VALUE", "MAX_VALUE_TEXT", "Number", "PartialDateText", "PeriodText",
           "SchemaVersion", "WebLink", "Written"]

# The largest value a figure may have, either side of zero. It is far above any real migration
# figure (the world has about 8 * 10**9 people), and below 2**53 so that every count is exact
# in a float64 column and the CSV and Excel downloads write it digit for digit (9007199254740993
# came out as ...992). Larger values also broke Babel's number formatting (from 10**28), the
# pandas table (from 2**63) and num2words.
MAX_VALUE = 10**12
# The ceiling as people read it in messages: "1 000 000 000 000".
MAX_VALUE_TEXT = f"{MAX_VALUE:,}".replace(",", " ")


def _text_date(value: Any) -> Any:
    # A bare `2014` in YAML is an integer; a year is what the editor meant.
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    # Stored normalised, so the table, the downloads and the checks all see `2014`.
    return normal_date(value) if isinstance(value, str) else value


def _text_period(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return normal_period(value) if isinstance(value, str) else value


# What French and Arabic writing puts in a number that YAML reads as text, and what to write.
_GROUPED = re.compile(r"^[-+]?\d{1,3}([ \u00a0\u202f.']\d{3})+$")
_DECIMAL_COMMA = re.compile(r"^[-+]?\d+,\d+$")
_PERCENT = re.compile(r"^([-+]?\d+(?:[.,]\d+)?)\s*%$")


class Written(float):
    """A number with the digits the file wrote it in ("1.000", not 1.0), for the checks."""

    text: str

    def __new__(cls, text: str) -> Written:
        number = super().__new__(cls, text)
        number.text = text
        return number


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(_not_a_number(value))
    # Refused here, as a field error, so that no check (quotes, words) ever sees it.
    if abs(value) > MAX_VALUE or (isinstance(value, float) and not math.isfinite(value)):
        raise ValueError(f"the value must be between -{MAX_VALUE_TEXT} and {MAX_VALUE_TEXT}, "
                         f"not {_huge(value)}")
    if isinstance(value, float):
        # A plain float (the digits are kept apart); -0.0 is 0, never shown as "-0 %".
        return float(value) + 0.0
    return value


def _not_a_number(value: Any) -> str:
    """What to write instead, for the ways a figure is typed as a French reader writes it."""
    if not isinstance(value, str):
        return f"the value must be a number written without quotes, not {type(value).__name__}"
    text = value.strip()
    if _GROUPED.match(text):
        digits = re.sub(r"[^\d+-]", "", text)
        return f"{excerpt(value)} is not a number: write {digits} (no thousands separator)"
    if _DECIMAL_COMMA.match(text):
        return (f"{excerpt(value)} is not a number: use a dot for decimals: "
                f"{text.replace(',', '.')}")
    percent = _PERCENT.match(text)
    if percent:
        number = percent.group(1).replace(",", ".")
        return (f"{excerpt(value)} is not a number: write {number} and set the indicator's "
                "unit: percent")
    return f"the value must be a number written without quotes, not {excerpt(value)}"


def _huge(value: int | float) -> str:
    # Python refuses to write an int of more than 4300 digits (and the YAML loader stops at 30).
    if isinstance(value, int) and value.bit_length() > 100:
        return "a number of more than 30 digits"
    return str(value)


def _web_link(value: Any) -> Any:
    if isinstance(value, str):
        if any(char.isspace() for char in value):
            raise ValueError(f"a link cannot hold spaces or line breaks: {excerpt(value)} "
                             "(copy the address from the browser's address bar, where a "
                             "space is written %20)")
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(
                f"links must start with http:// or https:// and name a host: {excerpt(value)}")
    return value


_DATE_SCHEMA: dict[str, Any] = {
    "type": ["string", "integer"],
    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "description": "ISO 8601 date, possibly partial: 2014, 2014-03 or 2014-03-10.",
}
_PERIOD_SCHEMA: dict[str, Any] = {
    "type": ["string", "integer"],
    "pattern": r"^(\d{4}(-\d{2}(-\d{2})?)?|\.\.)(/(\d{4}(-\d{2}(-\d{2})?)?|\.\.))?$",
    "description": "ISO 8601 date or interval: 2014, 2014-03, 2014/2016, 2004/.. (since 2004).",
}

PartialDateText = Annotated[str, BeforeValidator(_text_date), WithJsonSchema(_DATE_SCHEMA)]
PeriodText = Annotated[str, BeforeValidator(_text_period), WithJsonSchema(_PERIOD_SCHEMA)]
Number = Annotated[
    int | float,
    BeforeValidator(_number),
    WithJsonSchema({"type": "number", "minimum": -MAX_VALUE, "maximum": MAX_VALUE,
                    "description": "The figure as a plain number."}),
]
WebLink = Annotated[
    str,
    BeforeValidator(_web_link),
    WithJsonSchema({"type": "string", "pattern": "^https?://", "format": "uri"}),
]


def _version(value: Any) -> Any:
    # true and 1.0 equal 1 in Python, and a Literal would take them: the version is an integer.
    if type(value) is not int:
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        raise ValueError(f"schema_version is a whole number written plainly (schema_version: "
                         f"1), not {shown}")
    return value


SchemaVersion = Annotated[Literal[1], BeforeValidator(_version)]
