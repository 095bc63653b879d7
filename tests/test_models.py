"""Field rules of the models: the value ceiling and the normalised dates and periods."""

import math
import re

import pytest
from pydantic import ValidationError

from indicators.fields import MAX_VALUE
from indicators.models import Figure, Source

FIGURE = {"id": "fig", "indicator": "ind", "qualifier": "exact", "source": "src",
          "quote": "23 096 demandes"}
CEILING = "the value must be between -1 000 000 000 000 and 1 000 000 000 000"


def _value_error(value: object) -> str:
    with pytest.raises(ValidationError) as caught:
        Figure.model_validate({**FIGURE, "value": value})
    [error] = caught.value.errors()
    assert error["loc"] == ("value",)
    return str(error["ctx"]["error"])


@pytest.mark.parametrize(("value", "shown"), [
    (MAX_VALUE + 1, "1000000000001"),
    (-MAX_VALUE - 1, "-1000000000001"),
    (2**63, "9223372036854775808"),
    (1e300, "1e+300"),
    (math.inf, "inf"),
    (-math.inf, "-inf"),
    (math.nan, "nan"),
    pytest.param(10**5000, "a number of more than 30 digits", id="10**5000"),  # str() raises
])
def test_values_beyond_the_ceiling(value: object, shown: str) -> None:
    assert _value_error(value) == f"{CEILING}, not {shown}"


@pytest.mark.parametrize("value", [MAX_VALUE, -MAX_VALUE, 0, 83.5])
def test_values_within_the_ceiling(value: float) -> None:
    assert Figure.model_validate({**FIGURE, "value": value}).value == value


def test_the_ceiling_is_exact_in_a_float64() -> None:
    assert MAX_VALUE < 2**53


@pytest.mark.parametrize(("period", "stored"), [
    ("٢٠١٤", "2014"), ("2014/2014", "2014"), (2014, "2014"), ("۲۰۰۴/..", "2004/..")])
def test_periods_are_stored_normalised(period: object, stored: str) -> None:
    figure = Figure.model_validate({**FIGURE, "value": 1, "period": period})
    assert figure.period == stored


def test_dates_are_stored_in_latin_digits() -> None:
    source = Source.model_validate({"id": "src", "title": "t", "language": "ar",
                                    "published": "٢٠١٦-٠٥-٠٢", "accessed": 2024})
    assert (source.published, source.accessed) == ("2016-05-02", "2024")


def test_a_date_out_of_range_is_a_field_error() -> None:
    with pytest.raises(ValidationError, match=re.escape(
            "'0000-05' is in the year 0: dates must fall between 1900 and 2100")):
        Source.model_validate({"id": "src", "title": "t", "language": "fr",
                               "published": "0000-05"})
