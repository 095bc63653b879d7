"""A dataset's version: the date it was released and a short hash of its bytes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from indicators.labels import ui

# The compilation (the selection, the structure, the curation) is open; each quote remains
# its publisher's, shown under quotation right for reference.
LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
LICENSE_NOTE = ("The compilation is licensed CC BY 4.0; each quote and numeral remains its "
                "publisher's and is reproduced for reference.")


@dataclass(frozen=True)
class Release:
    """What names one published state of the data: `2026-11-23+ab12cd3`."""

    day: date
    digest: str  # the first hex digits of the SHA-256 of the data file's bytes

    @property
    def version(self) -> str:
        """The version string readers cite."""
        return f"{self.day.isoformat()}+{self.digest}"


def release_of(raw: bytes, day: date) -> Release:
    """The release of these bytes, dated `day` (the data file's last change)."""
    return Release(day, hashlib.sha256(raw).hexdigest()[:7])


def cite_dataset(release: Release | None, language: str = "en") -> str:
    """How the dataset itself is cited, after a figure's own source: its name in the
    reader's language (the data package's files keep the English one)."""
    title = ui("dataset_title", language)
    if release is None:
        return f"{title}."
    return ui("dataset_version", language).format(title=title, version=release.version)
