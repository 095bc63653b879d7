"""The dataset as the file is now: reloaded when it changes, last good data kept when it breaks."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from indicators.problems import DatasetError
from indicators.release import Release, release_of
from indicators.validation import Validated
from loaders import return_free_memory
from loaders.cache import lookup, store
from loaders.files import read_regular
from loaders.sandbox import FILE_LIMITS, Limits, columns_in_child
from loaders.static import last_change

Stamp = tuple[int, int, int] | None


@dataclass(frozen=True)
class Snapshot:
    """What to show: the last valid data (if any), when it was loaded, and any current error."""

    validated: Validated | None
    loaded_at: datetime | None
    error: DatasetError | None
    version: str = ""  # names the data shown, for caches built from it
    # Figures the shown version has fewer than the good version before it: a file cut short
    # by a bad save or a bad merge still validates, and an editor must hear of it.
    dropped: tuple[int, int] | None = None  # (figures before, figures now)
    release: Release | None = None  # the version readers cite: date + hash of the bytes


class LiveDataset:
    """Watches one file; never writes to it.

    Each new version is read without blocking (a FIFO or a folder swapped in is an error,
    not a hang) and validated in a child process under FILE_LIMITS. While one session
    reloads, the others keep being served the last snapshot instead of waiting.
    """

    def __init__(self, path: str | Path, cache_dir: str | Path | None = None,
                 limits: Limits = FILE_LIMITS) -> None:
        self.path = Path(path)
        self.cache_dir = cache_dir
        self.limits = limits
        self._lock = threading.Lock()
        self._stamp: Stamp = None
        self._checked = False
        self._snapshot = Snapshot(None, None, None)
        self._loads = 0

    def current(self) -> Snapshot:
        """Reload when the file's size, time or inode changed since the last look."""
        stamp = _stamp(self.path)
        if self._fresh(stamp):
            return self._snapshot
        # Only the very first load makes readers wait; later ones are served the last
        # snapshot until the new version is ready.
        if not self._lock.acquire(blocking=not self._checked):
            return self._snapshot
        try:
            if not self._fresh(stamp):
                self._snapshot = self._reload()
                self._stamp, self._checked = stamp, True
            return self._snapshot
        finally:
            self._lock.release()

    def _fresh(self, stamp: Stamp) -> bool:
        return self._checked and stamp == self._stamp and stamp is not None

    def _reload(self) -> Snapshot:
        # Nothing is frozen out of the collector's sight: a version arrives as Arrow columns
        # (a few thousand Python objects at 100 000 figures), which a full collection scans
        # in no time, and a freeze would cost one full collection of the server's whole heap
        # per new version to release again.
        try:
            return self._next(self._snapshot)
        finally:
            return_free_memory()

    def _next(self, previous: Snapshot) -> Snapshot:
        try:
            raw = read_regular(self.path, self.limits.max_bytes)
            validated = self._load(raw)
        except DatasetError as error:
            return Snapshot(previous.validated, previous.loaded_at, error, previous.version,
                            previous.dropped, previous.release)
        self._loads += 1
        return Snapshot(validated, datetime.now(UTC), None, f"{self.path}#{self._loads}",
                        _dropped(previous.validated, validated),
                        release_of(raw, last_change(self.path)))

    def _load(self, raw: bytes) -> Validated:
        if self.cache_dir:
            hit = lookup(raw, self.cache_dir)
            if hit is not None:
                return hit
        validated, written = columns_in_child(raw, str(self.path), self.limits)
        if self.cache_dir:
            store(raw, self.cache_dir, written)
        return validated


def _dropped(before: Validated | None, now: Validated) -> tuple[int, int] | None:
    if before is None:
        return None
    counts = len(before.dataset.figures), len(now.dataset.figures)
    return counts if counts[1] < counts[0] else None


def _stamp(path: Path) -> Stamp:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)
