"""Reading a data file without ever blocking: regular files only, size-capped, faults as errors."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from indicators.problems import DatasetError, Problem

# What each file type other than a regular file is called in the message an editor reads.
_KINDS = {stat.S_IFDIR: "a folder", stat.S_IFIFO: "a named pipe (FIFO)",
          stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}
# Open flags: O_NONBLOCK so that a FIFO swapped in for the file returns at once instead of
# waiting for a writer; O_NOCTTY so that a terminal device never becomes ours.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


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
