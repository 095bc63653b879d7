"""Files read without ever blocking (regular files only, size-capped) and written whole."""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from indicators.problems import DatasetError, Problem

# What each file type other than a regular file is called in the message an editor reads.
_KINDS = {stat.S_IFDIR: "a folder", stat.S_IFIFO: "a named pipe (FIFO)",
          stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}
# Open flags: O_NONBLOCK so that a FIFO swapped in for the file returns at once instead of
# waiting for a writer; O_NOCTTY so that a terminal device never becomes ours.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
# A file being written is `.NAME.` and tempfile's eight random characters, beside NAME.
_TEMPORARY = "[a-z0-9_]{8}"
# A temporary file untouched this long was left by a writer that died mid-write (killed, out of
# memory, power cut): writing the largest file takes seconds, and servers sharing the folder
# may be writing theirs right now, so only files this old are anybody's to remove.
STALE_AFTER = 3600  # seconds


def read_regular(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; DatasetError for anything else.

    A missing file, a dangling link, a folder, a FIFO, a device or an unreadable file are
    all reported in plain words; none of them can block the caller.
    """
    name = str(path)
    try:
        descriptor = os.open(path, _FLAGS)
    except OSError as error:
        raise DatasetError(name, [_cannot_read(path, error)]) from None
    try:
        status = os.fstat(descriptor)
        kind = stat.S_IFMT(status.st_mode)
        if kind != stat.S_IFREG:
            raise DatasetError(name, [Problem(
                f"cannot read the file: it is {_KINDS.get(kind, 'not a regular file')}, "
                "not a regular file")])
        if status.st_size > max_bytes:
            raise DatasetError(name, [too_big(status.st_size, max_bytes)])
        return _read_all(descriptor, max_bytes, name)
    except OSError as error:
        raise DatasetError(name, [_cannot_read(path, error)]) from None
    finally:
        os.close(descriptor)


def too_big(size: int, limit: int) -> Problem:
    """The message for a file or draft over its cap."""
    return Problem(f"the file is {size:,} bytes, over the {limit:,}-byte limit: "
                   "split it or trim it")


def _read_all(descriptor: int, max_bytes: int, name: str) -> bytes:
    # The file may grow between fstat and read (an editor still saving): read one byte past
    # the cap so that growth past it is refused rather than silently cut.
    chunks, total = [], 0
    while total <= max_bytes:
        chunk = os.read(descriptor, max_bytes + 1 - total)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise DatasetError(name, [too_big(total, max_bytes)])
    return b"".join(chunks)


def _cannot_read(path: str | Path, error: OSError) -> Problem:
    if error.errno == errno.ENOENT and os.path.islink(path):
        return Problem("cannot read the file: it is a link to a file that does not exist")
    if error.errno == errno.ENOENT:
        return Problem("cannot read the file: it does not exist (moved, renamed or deleted?)")
    return Problem(f"cannot read the file: {error.strerror or error}")


def write_whole(target: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to a temporary file beside `target`, then rename it over `target`, so a
    reader gets the old file or the new one, never half of one.

    On any failure (a full disk or quota, a read-only folder, the name taken by a folder) the
    temporary file is removed and the OSError raised: nothing is left behind.
    """
    handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.",
                                         delete=False)
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(data)
        if mode is not None:
            temporary.chmod(mode)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def remove_stale(folder: Path, names: str) -> None:
    """Remove the temporary files of targets whose names match the regular expression `names`
    that no writer has touched for STALE_AFTER seconds; a file that cannot go stays."""
    pattern = re.compile(rf"\.(?:{names})\.{_TEMPORARY}")
    oldest = time.time() - STALE_AFTER
    try:
        candidates = [path for path in folder.iterdir() if pattern.fullmatch(path.name)]
    except OSError:
        return  # no folder to clean, or one we cannot list: writing will say what is wrong
    for path in candidates:
        try:
            if path.lstat().st_mtime < oldest:
                path.unlink()
        except OSError:
            continue  # gone already, or not ours to remove: the next write tries again
