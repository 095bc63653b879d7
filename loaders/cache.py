"""A content-keyed disk cache of validated datasets: a restart with an unchanged file is instant.

The key is the SHA-256 of the file's bytes together with a fingerprint of the code that
validates it (every module of indicators/ and loaders/, the schema version, Python and the
versions of the libraries the checks call), so an edited file or changed rules can never be
answered from the cache. An entry is an Arrow IPC file (indicators/columnar.py), mapped from
disk when read: nothing in it is unpickled, and its figures stay columns.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
import sys
from functools import cache
from importlib.metadata import version
from pathlib import Path

from indicators.columnar import from_bytes
from indicators.models import SCHEMA_VERSION
from indicators.validation import Validated
from loaders.files import remove_stale, write_whole

# Entries kept per folder: the current file and a few recent versions to switch back to.
KEEP = 4
SUFFIX = ".arrow"
# An entry's name: the key, 64 hex digits, and the suffix.
_ENTRY = rf"[0-9a-f]{{64}}{re.escape(SUFFIX)}"
_PACKAGES = (Path(__file__).resolve().parent.parent / "indicators", Path(__file__).resolve().parent)
# Every library whose behaviour decides what validation accepts or says: the parser, the
# models, the number and date readers, and the format an entry is written in.
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "babel", "num2words", "pyarrow")


@cache
def code_fingerprint() -> str:
    """What the validation depends on besides the file: changes with any of it."""
    libraries = "|".join(f"{name}={version(name)}" for name in _LIBRARIES)
    digest = hashlib.sha256(f"{SCHEMA_VERSION}|{libraries}|{sys.version}".encode())
    for folder in _PACKAGES:
        for module in sorted(folder.glob("*.py")):
            digest.update(module.name.encode())
            digest.update(module.read_bytes())
    return digest.hexdigest()


def cache_key(raw: bytes) -> str:
    """The entry name for a file's bytes under the current code."""
    return hashlib.sha256(code_fingerprint().encode() + raw).hexdigest()


def lookup(raw: bytes, folder: str | Path) -> Validated | None:
    """The validated data cached for these bytes under the current code, if any."""
    return _read_entry(Path(folder) / f"{cache_key(raw)}{SUFFIX}")


def store(raw: bytes, folder: str | Path, entry: bytes) -> None:
    """Remember the validated data for these bytes, as `columnar.to_bytes` wrote it (a full
    or read-only disk is no error)."""
    folder = Path(folder)
    _write_entry(folder, folder / f"{cache_key(raw)}{SUFFIX}", entry)


def _private(folder: Path) -> bool:
    """Only a folder this user owns, that nobody else can write to, is read from."""
    try:
        status = folder.stat()
    except OSError:
        return False
    others_write = status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return status.st_uid == os.getuid() and not others_write


def _read_entry(entry: Path) -> Validated | None:
    if not _private(entry.parent) or not entry.is_file():
        return None
    try:  # the folder is ours alone (_private); an entry holds data, never code
        return from_bytes(entry)
    except Exception:  # any damage: truncated, garbled, another schema
        return None


def _write_entry(folder: Path, entry: Path, data: bytes) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        write_whole(entry, data)
        _prune(folder)
    except OSError as error:
        # A read-only or full disk, or the entry's name taken, only costs the next start a
        # full validation: the data is served uncached.
        logging.getLogger(__name__).warning("validation cache not written: %s", error)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    # Entries of the earlier format (pickles) are never read again.
    for old in [*entries[KEEP:], *folder.glob("*.pickle")]:
        old.unlink(missing_ok=True)
    remove_stale(folder, _ENTRY)
