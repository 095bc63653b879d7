"""The benchmark harness: every figure against its floor, measured in one run, printed as tables.

    python -m benchmarks.run                 # all sections, 1k/10k/100k figures
    python -m benchmarks.run --quick         # 1k and 10k only, fewer repetitions
    python -m benchmarks.run --only cold warm

Sections: cold (read + validate + the figures' Arrow table vs PyYAML's C loader alone, both
with the collector paused), warm (the server's path over a content-keyed cache vs reading a
built table), export (CSV and data package), rerun (widget interactions in every view,
AppTest), page (the overview's cards and a theme view's first chart painted in Chromium, each
against its floor page in the same loop),
memory (peak RSS of the server with every view opened, and of the child that validates, vs a
minimal plotly app). A ratio is the median of per-repetition ratios: ours and its floor are
measured in turn, in alternating order, so that drift of a shared machine cancels.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pyarrow as pa
import yaml

from benchmarks.browser import memory
from benchmarks.common import (
    PRINTED,
    ROOT,
    alternating,
    load_average,
    median_seconds,
    ratios,
    spread,
    table,
    timed,
)
from benchmarks.generate import SIZES, write
from benchmarks.pages import page
from benchmarks.rerun import rerun
from indicators.columnar import to_bytes
from indicators.intervals import as_of_day, time_span
from indicators.package import build_package
from indicators.periods import normal_date, normal_period
from indicators.quotes import _readings
from indicators.table import figure_rows, to_csv
from loaders import collector_paused, load_path
from loaders.cache import lookup
from loaders.live import LiveDataset
from loaders.sandbox import FILE_LIMITS, columns_in_child


def _files(sizes: list[int], folder: Path) -> dict[int, Path]:
    return {size: write(size, folder / f"indicators-{size}.yaml") for size in sizes}


def _repetitions(size: int, quick: bool) -> int:
    # Three runs of the 100k file already take about a minute; small files get more.
    return 3 if size >= 100_000 else 5 if quick else 7


def _table(path: Path) -> object:
    # What the validating child does for the server: read, validate, the figures' columns.
    return to_bytes(load_path(path))


def _parse(path: Path) -> object:
    return yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)


def _parse_paused(path: Path) -> object:
    with collector_paused():
        return _parse(path)


def _through_child(path: Path) -> object:
    """What a first start really waits for: a child started, its imports, the check, the
    Arrow answer read back."""
    return columns_in_child(path.read_bytes(), str(path), FILE_LIMITS)


def _as_in_a_new_child() -> None:
    """Between repetitions: a collection, and the checks' caches emptied as a child's start."""
    gc.collect()
    for cached in (_readings, time_span, as_of_day, normal_date, normal_period):
        cached.cache_clear()


def cold(files: dict[int, Path], quick: bool) -> None:
    rows = []
    for size, path in files.items():
        # The loader pauses the collector; a floor that does not would be slowed by it (about
        # two thirds of its time at 100k), so the ratio is taken against the paused parse.
        reps = max(5, _repetitions(size, quick))
        parse, paused, ours, child = alternating(
            [timed(partial(_parse, path)), timed(partial(_parse_paused, path)),
             timed(partial(_table, path)), timed(partial(_through_child, path))],
            reps, between=_as_in_a_new_child)
        rows.append([f"{size:,}", f"{path.stat().st_size / 1e6:.1f}", reps, spread(parse, 3),
                     spread(paused, 3), spread(ours, 3),
                     spread(ratios(ours, paused)), spread(child, 3),
                     spread(ratios(child, paused)), "<= 3 (1k)"])
    table("cold load: read + validate + the figures' Arrow table, in this process and through "
          "the validating child the server starts (its start and imports included), against "
          "PyYAML's C safe loader alone with the collector paused as the loader pauses it "
          f"(median (lowest-highest) s; ratios per repetition); load average {load_average()}",
          ["figures", "MB", "n", "C parse, GC on", "C parse, GC paused", "in process",
           "ratio", "through the child", "ratio", "target"], rows)


def _s(times: list[float], digits: int = 2) -> str:
    return f"{statistics.median(times):.{digits}f}"


def _served(path: Path, folder: str) -> object:
    """What a new server process does on its first request: a fresh watcher's snapshot."""
    snapshot = LiveDataset(path, folder).current()
    assert snapshot.validated is not None, snapshot.error
    return snapshot


def _looked_up(path: Path, folder: str) -> object:
    """The cache's part of a warm start: the file's bytes, hashed, and its entry mapped."""
    return lookup(path.read_bytes(), folder)


def _read_arrow(path: Path) -> object:
    """The floor: the same Arrow file read from disk, and nothing else."""
    return pa.ipc.open_file(pa.memory_map(str(path))).read_all()


def _collected() -> None:
    # Each repetition starts from the same heap: the last one's garbage collected.
    gc.collect()


def warm(files: dict[int, Path], quick: bool) -> None:
    rows = []
    # The real file sits in a repository: its version's date costs a `git log` on each start.
    datasets = [("real file", 0, ROOT / "data" / "indicators.yaml")]
    datasets += [(f"{size:,}", size, path) for size, path in files.items()]
    for name, size, path in datasets:
        with tempfile.TemporaryDirectory() as folder:
            _served(path, folder)  # the previous start: validated in a child, then stored
            _collected()
            assert lookup(path.read_bytes(), folder) is not None, "the cache missed"
            built = Path(folder) / "figures.arrow"
            built.write_bytes(to_bytes(load_path(path)))
            reps = max(5, _repetitions(size, quick))
            floor, cached, served = alternating(
                [timed(partial(_read_arrow, built)), timed(partial(_looked_up, path, folder)),
                 timed(partial(_served, path, folder))], reps, between=_collected)
        rows.append([name, reps, spread(floor, 4), spread(cached, 4), spread(served, 4),
                     spread(ratios(served, floor), 1), "<= 0.5 s"])
    table("warm load: unchanged file after a restart, the server's path (a new LiveDataset over "
          "a warm cache: stat, read, hash, map the Arrow entry, version) against reading the "
          "same Arrow file from disk (median (lowest-highest) s)",
          ["figures", "n", "read the Arrow file", "cache lookup alone", "ours (server path)",
           "ratio", "target"], rows)


def export(files: dict[int, Path], quick: bool) -> None:
    rows = []
    for size, path in files.items():
        dataset = load_path(path).dataset
        figure_table = figure_rows(dataset, "fr")
        reps = _repetitions(size, quick)
        csv_time = median_seconds(partial(to_csv, figure_table), reps)
        excel = median_seconds(partial(to_csv, figure_table, separator=";", decimal=","), reps)
        package = median_seconds(partial(build_package, dataset, figure_table), reps)
        rows.append([f"{size:,}", f"{csv_time:.3f}", f"{excel:.3f}", f"{package:.3f}",
                     f"{len(to_csv(figure_table)) / 1e6:.1f}"])
    table("export: built when a download button is clicked (median s)",
          ["figures", "CSV", "CSV French Excel", "data package zip", "CSV MB"], rows)


SECTIONS: dict[str, Callable[[dict[int, Path], bool], None]] = {
    "cold": cold, "warm": warm, "export": export, "rerun": rerun, "page": page,
    "memory": memory,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1k and 10k figures, fewer runs")
    parser.add_argument("--sizes", type=int, nargs="+", help="dataset sizes in figures")
    parser.add_argument("--only", nargs="+", choices=sorted(SECTIONS), help="sections to run")
    parser.add_argument("--markdown", type=Path, help="also write every table to this file, "
                                                      "as Markdown")
    args = parser.parse_args()
    sizes = args.sizes or ([size for size in SIZES if size <= 10_000] if args.quick
                           else list(SIZES))
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, PyYAML {yaml.__version__} "
          f"(C loader: {hasattr(yaml, 'CSafeLoader')})")
    with tempfile.TemporaryDirectory() as folder:
        files = _files(sizes, Path(folder))
        for name in args.only or list(SECTIONS):
            SECTIONS[name](files, args.quick)
    print(f"\nload average at the end: {load_average()}")
    if args.markdown:
        args.markdown.write_text("\n\n".join(PRINTED) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
