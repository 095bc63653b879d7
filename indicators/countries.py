"""The built-in `country` dimension: ISO 3166-1 alpha-2 codes, named by Babel in each language."""

from __future__ import annotations

from functools import cache

from babel import Locale

from indicators.models import LOCALES

# CLDR also names groupings and private-use codes with two letters; none is a country of origin.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@cache
def country_codes() -> frozenset[str]:
    """Every code a `country:` breakdown may use."""
    territories = Locale("en").territories
    return frozenset(code for code in territories if isinstance(code, str)
                     and len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES)


@cache
def country_name(code: str, language: str) -> str:
    """The country's name in the page's language ("Sénégal", "السنغال", "Senegal")."""
    return str(Locale.parse(LOCALES[language]).territories.get(code, code))
