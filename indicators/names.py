"""Which member of a dimension a text names, by the words of its labels ("Ivoiriens": CI)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from indicators.countries import country_codes, country_name
from indicators.models import LANGUAGES

# Letters only: digits (a campaign's year) and punctuation name nobody.
_WORD = re.compile(r"[^\W\d_]+")
# Shorter words are articles and particles ("de", "of", "du"), not names.
_SHORTEST = 4
# A name's first letters stand for it and for the words made from it: "Sénégal",
# "Sénégalais"; "Syrie", "Syriens"; Arabic "سوريا", "السوريين" (the article removed).
_LATIN_STEM = 5
_ARABIC_STEM = 4
_ARABIC_ARTICLE = re.compile("^(?:[وفبلك]?ال|لل)")


def stems(text: str) -> set[str]:
    """The stems of the name-like words of a text, folded (case, accents, Arabic article)."""
    found = set()
    for match in _WORD.finditer(_fold(text)):
        word = match.group()
        arabic = "\u0600" <= word[0] <= "\u06ff"
        if arabic:
            word = _ARABIC_ARTICLE.sub("", word, count=1)
        if len(word) >= _SHORTEST:
            found.add(word[:_ARABIC_STEM if arabic else _LATIN_STEM])
    return found


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class MemberNames:
    """Each member's stems, and the stems that name one member only."""

    stems: Mapping[str, frozenset[str]]
    sole: Mapping[str, str]  # stem → the only member it names

    @classmethod
    def of(cls, labels: Mapping[str, Iterable[str]]) -> MemberNames:
        """From each member's labels (or names), in any number of languages."""
        own = {member: frozenset(stem for label in names for stem in stems(label))
               for member, names in labels.items()}
        owners: dict[str, set[str]] = {}
        for member, member_stems in own.items():
            for stem in member_stems:
                owners.setdefault(stem, set()).add(member)
        return cls(own, {stem: next(iter(members)) for stem, members in owners.items()
                         if len(members) == 1})

    def other(self, text: str, member: str) -> tuple[str, str] | None:
        """(another member, the word naming it) when the text names another member and
        nothing of `member`'s own names; None otherwise."""
        own = self.stems.get(member, frozenset())
        found = None
        for match in _WORD.finditer(text):
            for stem in stems(match.group()):
                if any(stem.startswith(mine) or mine.startswith(stem) for mine in own):
                    return None
                owner = self.sole.get(stem)
                if found is None and owner is not None and owner != member:
                    found = (owner, match.group())
        return found


@cache
def country_names() -> MemberNames:
    """Every country, named in French, Arabic and English."""
    return MemberNames.of({code: [country_name(code, language) for language in LANGUAGES]
                           for code in country_codes()})
