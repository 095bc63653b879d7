"""Words of the product in French, Arabic and English, read from gettext catalogs.

The texts live in `indicators/locales/<language>/LC_MESSAGES/messages.po`, one catalog per
language, so a translator edits them with standard tools (Poedit, Weblate, msgmerge). Each
message id names what it is for: `ui.title`, `theme.regularisation`, `qualifier.more_than`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TypeVar

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


def _catalogs() -> dict[str, dict[str, str]]:
    """Every catalog's translations, by message id then language."""
    texts: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        with (LOCALES / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            for message in read_po(handle, locale=language):
                if message.id and message.string:
                    texts.setdefault(str(message.id), {})[language] = str(message.string)
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
