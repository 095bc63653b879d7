"""Ways in: a YAML file or text becomes a validated dataset, or editor-grade errors."""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from indicators.validation import Validated, validate
from loaders.batches import load_in_batches
from loaders.yaml_file import MAX_BYTES, read_bytes, read_text

__all__ = ["DRAFT_MAX_BYTES", "MAX_BYTES", "collector_paused", "load_path", "load_text",
           "return_free_memory"]

# A draft pasted or uploaded in the page is held in memory per session: 1 MB holds the real
# file thirty times over and keeps a shared server safe. It is Streamlit's smallest upload
# cap (`server.maxUploadSize = 1`, in MB), so a paste and an upload stop at the same size.
DRAFT_MAX_BYTES = 1_000_000


def load_path(path: str | Path) -> Validated:
    """Read, parse and validate a dataset file; raise DatasetError with every problem."""
    return load_text(read_bytes(path), str(path))


def load_text(text: str | bytes, name: str = "draft.yaml",
              max_bytes: int = MAX_BYTES) -> Validated:
    """The same for a file's bytes or a draft held in memory (pasted or uploaded), under its
    own size cap.

    A batch of figures at a time first (loaders/batches.py); a file that cannot be read so,
    or that has any problem, is read whole, which says every problem where it stands.
    """
    with collector_paused():
        batched = load_in_batches(text, name, max_bytes)
        if batched is not None:
            return batched
        document = read_text(text, name, max_bytes)
        return validate(document.data, document.source_map, name)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of objects are being created.

    Loading creates no cycles worth collecting, but every allocation burst makes CPython scan
    the whole (growing) heap again: at 100 000 figures that scanning cost seconds.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Re-enabled as is, the collector would scan everything just built at its next
            # allocation (a full collection when the counts say so: 0.1 s at 100 000 figures).
            # Frozen objects are never scanned, yet reference counting still frees them: the
            # loaded data holds no cycles (tests/test_collector.py). What a freeze keeps for
            # good is garbage in cycles alive at this moment, which only a long-lived process
            # would notice: the server loads no file in process (loaders/live.py).
            gc.freeze()
            gc.enable()


def return_free_memory() -> None:
    """Hand the C heap's free pages back to the system, where glibc allows it.

    Loading a version and publishing its files free tens of megabytes of buffers and
    short-lived objects; glibc keeps such pages for reuse, so a server that loads once held
    30-40 MB at 100 000 figures it would never use again. Elsewhere this does nothing.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.malloc_trim(0)
