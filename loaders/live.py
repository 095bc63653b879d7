"""The dataset as the file is now: reloaded when it changes, last good data kept when it breaks."""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from indicators.problems import DatasetError
from indicators.validation import Validated
from loaders import load_path
from loaders.cache import load_cached
from loaders.worker import WORKER_MIN_BYTES, warm_in_child

Stamp = tuple[int, int, int] | None


@dataclass(frozen=True)
class Snapshot:
    """What to show: the last valid data (if any), when it was loaded, and any current error."""

    validated: Validated | None
    loaded_at: datetime | None
    error: DatasetError | None
    version: str = ""  # names the data shown, for caches built from it


class LiveDataset:
    """Watches one file; never writes to it."""

    def __init__(self, path: str | Path, cache_dir: str | Path | None = None) -> None:
        self.path = Path(path)
        self.cache_dir = cache_dir
        self._lock = threading.Lock()
        self._stamp: Stamp = None
        self._checked = False
        self._snapshot = Snapshot(None, None, None)
        self._loads = 0

    def current(self) -> Snapshot:
        """Reload when the file's size, time or inode changed since the last look."""
        stamp = _stamp(self.path)
        with self._lock:
            if self._checked and stamp == self._stamp and stamp is not None:
                return self._snapshot
            self._stamp, self._checked = stamp, True
            self._snapshot = self._reload()
            return self._snapshot

    def _reload(self) -> Snapshot:
        previous = self._snapshot
        try:
            validated = self._load()
        except DatasetError as error:
            return Snapshot(previous.validated, previous.loaded_at, error, previous.version)
        self._loads += 1
        # The dataset lives until the next edit: move it (and everything older) out of the
        # collector's sight, or every full collection rescans 100 000 figures mid-rerun.
        gc.freeze()
        return Snapshot(validated, datetime.now(UTC), None, f"{self.path}#{self._loads}")


    def _load(self) -> Validated:
        if not self.cache_dir:
            return load_path(self.path)
        if self.path.stat().st_size >= WORKER_MIN_BYTES:
            warm_in_child(self.path, self.cache_dir)
        return load_cached(self.path, self.cache_dir)


def _stamp(path: Path) -> Stamp:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)
