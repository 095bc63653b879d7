"""Files at stable addresses: written whole, then renamed, so a reader never gets half a file."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path

from loaders.files import remove_stale, write_whole
from loaders.history import git


def write_files(folder: str | Path,
                files: Mapping[str, bytes] | Iterable[tuple[str, bytes]]) -> None:
    """Write each file to a temporary name in `folder`, then rename it over the old one;
    files given one at a time are written as they come.

    The first file that cannot be written raises its OSError, its temporary file removed;
    the files before it are the new ones, those after it still the old ones.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in (files.items() if isinstance(files, Mapping) else files):
        remove_stale(folder, re.escape(name))
        # Served to readers: world-readable, like any web file.
        write_whole(folder / name, data, mode=0o644)


def last_change(path: str | Path) -> date:
    """The day the file last changed: its last commit when it is in a repository, else its time.

    The commit date keeps a version's name stable across clones (a clone resets file times).
    """
    path = Path(path)
    committed = git(["log", "-1", "--format=%cs", "--", path.name], path.parent)
    if committed:
        modified = datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
        day = date.fromisoformat(committed)
        # An uncommitted edit is newer than its last commit: say so in the version's date.
        return modified if git(["status", "--porcelain", "--", path.name], path.parent) \
            else day
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
