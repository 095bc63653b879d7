"""The garbage collector around loads: paused while one builds, never hiding a server's version."""

import gc
import os
import subprocess
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from loaders import collector_paused
from loaders.live import LiveDataset
from tests.conftest import MINIMAL, ROOT


class _Cycle:
    """An object that refers to itself: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.enable()


# Reads a dataset, validates it, lets both go and prints what the cyclic collector found.
_LOAD_AND_COLLECT = """
import gc, sys
from indicators.validation import validate
from loaders.yaml_file import read_text
text = sys.stdin.read()
gc.collect()
gc.disable()
document = read_text(text, "data.yaml")
validated = validate(document.data, document.source_map, "data.yaml")
del document, validated
print(gc.collect())
"""


def test_loaded_data_holds_no_cycles() -> None:
    # Frozen data is freed by reference counting alone, which needs a dataset without cycles.
    # Counted in a process of its own: in the test runner's, the garbage of its other threads
    # (a parallel worker's messages, a server's) would be counted too.
    result = subprocess.run([sys.executable, "-c", _LOAD_AND_COLLECT], input=MINIMAL, cwd=ROOT,
                            capture_output=True, text=True, timeout=60, check=False)
    assert (result.returncode, result.stdout) == (0, "0\n"), result.stderr


def test_what_a_load_built_is_frozen_not_scanned() -> None:
    gc.collect()
    with collector_paused():
        built = [[index] for index in range(10_000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(built)
    assert gc.get_count()[0] < 100  # the young generation no longer holds them


def test_collector_stays_off_when_it_was_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_new_version_freezes_nothing_and_leaves_cycles_to_the_collector(
        tmp_path: Path) -> None:
    # The server holds a version as Arrow columns: nothing worth hiding from the collector,
    # and no full collection per version to release a freeze.
    path = tmp_path / "data.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    live = LiveDataset(path)
    assert live.current().validated is not None
    cycle = _Cycle()
    alive = weakref.ref(cycle)
    path.write_text(MINIMAL.replace("Titre", "Titre 2"), encoding="utf-8")
    os.utime(path, ns=(10**9, 10**9))
    assert live.current().validated is not None
    assert gc.get_freeze_count() == 0
    del cycle
    gc.collect()
    assert alive() is None


def _rss_mb() -> float:
    return int(Path("/proc/self/status").read_text().split("VmRSS:")[1].split()[0]) / 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc")
def test_free_heap_pages_go_back_to_the_system() -> None:
    from loaders import return_free_memory

    # Blocks of 2 kB come from the C heap; keeping one in ten alive leaves the freed pages
    # between them, which glibc keeps for itself until asked.
    blocks = [bytes(2048) for _ in range(100_000)]
    kept = blocks[::10]
    del blocks
    before = _rss_mb()
    return_free_memory()
    assert _rss_mb() < before - 50
    assert len(kept) == 10_000
