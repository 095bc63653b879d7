"""Helpers shared by the benchmarks: timing, tables, a Streamlit server, Chromium."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The small Streamlit pages each measurement is set beside (its floor).
APPS = ROOT / "benchmarks" / "apps"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def median_seconds(action: Callable[[], object], repetitions: int) -> float:
    """Median wall time of `repetitions` calls."""
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def alternating(measures: Sequence[Callable[[], float]], repetitions: int,
                between: Callable[[], object] = lambda: None) -> list[list[float]]:
    """What each measure returns, all run once per repetition, in reversed order every other one.

    A floor measured in its own phase takes the machine's drift (other work on shared cores,
    frequency changes) into the ratio; measured in the same loop, A B then B A, drift falls on
    both alike. `between` runs unmeasured after every measure (a collection, say).
    """
    results: list[list[float]] = [[] for _ in measures]
    for repetition in range(repetitions):
        order = range(len(measures)) if repetition % 2 == 0 else reversed(range(len(measures)))
        for index in order:
            results[index].append(measures[index]())
            between()
    return results


def timed(action: Callable[[], object]) -> Callable[[], float]:
    """A measure of the action's wall time; what it returns is freed after the clock stops."""
    def measure() -> float:
        start = time.perf_counter()
        result = action()
        elapsed = time.perf_counter() - start
        del result
        return elapsed
    return measure


def ratio(ours: Sequence[float], floor: Sequence[float]) -> float:
    """The median of the per-repetition ratios ours / floor."""
    return statistics.median(a / b for a, b in zip(ours, floor, strict=True))


# Every table printed in this run, as Markdown: `benchmarks.run --markdown FILE` writes them.
PRINTED: list[str] = []


def spread(values: list[float], digits: int = 2) -> str:
    """Median, then the lowest and highest: `1.23 (1.10-1.40)`."""
    return (f"{statistics.median(values):.{digits}f} "
            f"({min(values):.{digits}f}-{max(values):.{digits}f})")


def ratios(ours: list[float], floor: list[float]) -> list[float]:
    return [a / b for a, b in zip(ours, floor, strict=True)]


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print a plain-text table (and keep it as Markdown in PRINTED)."""
    cells = [[str(cell) for cell in row] for row in [header, *rows]]
    PRINTED.append("\n".join([f"**{title}**", "", *(
        "| " + " | ".join(cell.replace("|", "/") for cell in row) + " |"
        for row in [cells[0], ["---"] * len(header), *cells[1:]])]))
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for index, row in enumerate(cells):
        print("  " + "  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))
        if index == 0:
            print("  " + "  ".join("-" * width for width in widths))
    sys.stdout.flush()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def streamlit_server(script: Path, env: dict[str, str] | None = None) -> Iterator[tuple[str, int]]:
    """Serve `script` on a free loopback port; yield its URL and process id."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
        yield url, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class TreePeak:
    """Samples a process and its descendants while they run (from /proc, no psutil needed).

    A child's own peak (VmHWM) is kept as last read before it exits, so at most one interval
    of its life goes unseen; the tree's peak is the largest sum of current RSS over a sample.
    """

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid = pid
        self.interval = interval
        self.children: dict[int, tuple[str, float]] = {}  # pid -> (command, peak MB)
        self.tree_peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def largest_child(self) -> tuple[str, float] | None:
        return max(self.children.values(), key=lambda child: child[1], default=None)

    def _run(self) -> None:
        own_command = _command(self.pid)
        while not self._stop.wait(self.interval):
            total = _status(self.pid).get("VmRSS", 0.0)
            for pid in _descendants(self.pid):
                command, status = _command(pid), _status(pid)
                # A fork not yet turned into its program (subprocess between fork and exec)
                # shares the server's pages: counting its RSS would count them twice.
                if not status or command == own_command:
                    continue
                total += status.get("VmRSS", 0.0)
                self.children[pid] = (command, status.get("VmHWM", 0.0))
            self.tree_peak_mb = max(self.tree_peak_mb, total)


def _descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # it exited while being read
        parents.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def _status(pid: int) -> dict[str, float]:
    """The process's memory lines (VmRSS, VmHWM) in MB; empty once it has exited."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    return {name: int(rest.split()[0]) / 1024 for name, _, rest in
            (line.partition(":") for line in lines) if name in ("VmRSS", "VmHWM")}


def _command(pid: int) -> str:
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return ""
    return " ".join([Path(words[0]).name, *words[1:3]]).strip()
