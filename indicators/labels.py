"""Words of the product in French, Arabic and English, read from gettext catalogs.

The texts live in `indicators/locales/<language>/LC_MESSAGES/messages.po`, one catalog per
language, so a translator edits them with standard tools (Poedit, Weblate, msgmerge). Each
message id names what it is for: `ui.title`, `theme.regularisation`, `qualifier.more_than`.
A text that holds a count has plural forms (`msgid_plural`), chosen by the catalog's own
`Plural-Forms` rule through gettext: two in French and English, six in Arabic.
"""

from __future__ import annotations

import gettext
import io
import re
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from indicators.models import (
    LANGUAGES,
    TRACKED_FIELDS,
    MilestoneKind,
    Qualifier,
    Rank,
    SourceType,
    Status,
    Unit,
)

LOCALES = Path(__file__).resolve().parent / "locales"


def _read(language: str) -> Catalog:
    with (LOCALES / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=language)


def _translations(catalog: Catalog) -> gettext.GNUTranslations:
    """The catalog compiled in memory, as gettext reads a .mo file: no compiled file to keep
    in step with its source, and gettext's own plural rule from the header."""
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


_SOURCES = {language: _read(language) for language in LANGUAGES}
TRANSLATIONS: dict[str, gettext.GNUTranslations] = {
    language: _translations(catalog) for language, catalog in _SOURCES.items()}
# Every text of each catalog, each plural form included: what the interface can write.
CATALOG_TEXTS: dict[str, list[str]] = {
    language: [str(form) for message in catalog if message.id
               for form in ((message.string,) if isinstance(message.string, str)
                            else message.string or ()) if form]
    for language, catalog in _SOURCES.items()}
# The ids of the texts with plural forms, read with `ui_count`.
COUNTED = frozenset(str(message.id[0]) for message in _SOURCES["en"]
                    if isinstance(message.id, tuple))


def _catalogs() -> dict[str, dict[str, str]]:
    """Every catalog's texts without a count, by message id then language."""
    texts: dict[str, dict[str, str]] = {}
    for language, catalog in _SOURCES.items():
        for message in catalog:
            if message.id and isinstance(message.id, str) and message.string:
                texts.setdefault(message.id, {})[language] = str(message.string)
    return texts


CATALOGS = _catalogs()


Key = TypeVar("Key", bound=StrEnum)


def _table(prefix: str, keys: type[Key]) -> dict[Key, dict[str, str]]:
    return {key: CATALOGS[f"{prefix}.{key.value}"] for key in keys}


UNITS = _table("unit", Unit)
QUALIFIERS = _table("qualifier", Qualifier)
SOURCE_TYPES = _table("source_type", SourceType)
MILESTONE_KINDS = _table("milestone_kind", MilestoneKind)
STATUSES = _table("status", Status)
# Only the ranks a page names: a normal figure says nothing of its rank.
RANKS = {rank: CATALOGS[f"rank.{rank.value}"] for rank in (Rank.preferred, Rank.deprecated)}
# A figure's fields, as its history names them.
FIELDS = {name: CATALOGS[f"field.{name}"] for name in TRACKED_FIELDS}
UI: dict[str, dict[str, str]] = {key.removeprefix("ui."): texts
                                 for key, texts in CATALOGS.items() if key.startswith("ui.")}


def ui(key: str, language: str) -> str:
    """An interface text in `language`."""
    return UI[key][language]


def ui_count(key: str, n: int, language: str, **fields: object) -> str:
    """An interface text about `n` things, in the plural form the language gives `n`
    (Arabic: 0, 1, 2, 3–10, 11–99, 100–102), its `{n}` and other fields filled in."""
    message = f"ui.{key}"
    if message not in COUNTED:
        raise KeyError(f"{message} has no plural forms in the catalogs")
    return TRANSLATIONS[language].ngettext(message, message, n).format(n=n, **fields)


# The checker's most frequent messages (a missing or unknown field, an unknown id), as
# patterns of their English text: the validator speaks English to the command line and
# EDITING.md, and a page in another language says these in its own.
_SLOT = re.compile(r"\\\{(\w+)\\\}")


def _pattern(english: str) -> re.Pattern[str]:
    seen: set[str] = set()

    def slot(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in seen:
            return f"(?P={name})"
        seen.add(name)
        return f"(?P<{name}>.+?)"
    return re.compile(_SLOT.sub(slot, re.escape(english)) + "$")


CHECKER = [(_pattern(texts["en"]), texts) for key, texts in CATALOGS.items()
           if key.startswith("check.")]


def checker_message(line: str, language: str) -> str | None:
    """A checker's line ("file:3:5: figures.0: missing required field 'value'") with its
    message in `language`; None when the catalogs have no translation of that message."""
    for pattern, texts in CHECKER:
        found = pattern.search(line)
        if found:
            return line[:found.start()] + texts[language].format(**found.groupdict())
    return None
