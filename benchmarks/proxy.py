"""Replicas behind nginx under load: the same crowd of readers through 1, then 2 replicas.

    python -m benchmarks.proxy                                  # 1 and 2 replicas, 50 sessions
    python -m benchmarks.proxy --replicas 1 2 --sessions 50 --figures 10000

Needs nginx (apt-get install nginx). Each run starts the replicas and nginx on free loopback
ports (deploy/replicas.py), warms every replica with one reader, sends the crowd through nginx
(benchmarks/loadtest.py), and stops everything before the next run. The machine's load average
is printed with each row: on shared cores, other work weighs on the numbers, and so does the
load test's own client, which runs on the same machine (its CPU use is printed too).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.common import ROOT, cpu_seconds, free_port, table
from benchmarks.generate import write
from benchmarks.loadtest import SUMMARY, measure, print_errors, summary, title
from deploy.replicas import serving

MAX_REPLICAS = 8  # a bound on what one run starts: each replica is a full Streamlit server


def free_ports(count: int, attempts: int = 50) -> int:
    """The first of `count` consecutive loopback ports that are all free."""
    for _ in range(attempts):
        first = free_port()
        if all(_is_free(port) for port in range(first, first + count)):
            return first
    raise RuntimeError(f"No {count} consecutive free ports found.")


def _is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def readers_per_replica(access_log: str) -> Counter[str]:
    """How many websockets (readers) each replica held, from nginx's access log."""
    return Counter(match.group(1) for match in
                   re.finditer(r'"GET /_stcore/stream [^"]*" 101 \d+ upstream=(\S+)', access_log))


def _load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _run(count: int, sessions: int, data: Path, folder: Path) -> list[object]:
    """One row: the crowd through nginx in front of `count` replicas."""
    run = folder / f"run-{count}"
    run.mkdir()
    before = _load_average()
    with serving(count, data, run, port=free_port(), first_port=free_ports(count)) as cluster:
        replicas = [f"http://127.0.0.1:{port}" for port in cluster.replicas]
        pids = [*cluster.replicas.values()]
        measure(cluster.url, 1, warm=replicas)  # one reader through nginx too: its pools fill
        logged = (run / "access.log").stat().st_size  # the crowd's lines come after
        cpu_before = [cpu_seconds(pid) for pid in [*pids, cluster.proxy]]
        client_before = time.process_time()
        load = measure(cluster.url, sessions)
        client = time.process_time() - client_before
        cpu = [cpu_seconds(pid) - start for pid, start in
               zip([*pids, cluster.proxy], cpu_before, strict=True)]
        after = _load_average()
    print_errors(load)
    with (run / "access.log").open() as log:
        log.seek(logged)
        spread = readers_per_replica(log.read())
    held = "/".join(str(spread[f"127.0.0.1:{port}"]) for port in cluster.replicas)
    return [count, *summary(load), f"{sum(cpu[:-1]) / load.elapsed:.0%}",
            f"{cpu[-1]:.1f}", f"{client / load.elapsed:.0%}", held, before, after]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--figures", type=int, help="a synthetic dataset of this size instead "
                                                    "of the real file")
    args = parser.parse_args()
    if not all(1 <= count <= MAX_REPLICAS for count in args.replicas):
        parser.error(f"--replicas: between 1 and {MAX_REPLICAS}")
    with tempfile.TemporaryDirectory(prefix="proxy-bench-") as name:
        folder = Path(name)
        data = (write(args.figures, folder / "data.yaml") if args.figures
                else ROOT / "data" / "indicators.yaml")
        rows = [_run(count, args.sessions, data, folder) for count in args.replicas]
    what = f"{args.figures:,} synthetic figures" if args.figures else "the real file"
    table(title(args.sessions, f"through nginx, {what}") + f", {os.cpu_count()} cores",
          ["replicas", *SUMMARY, "replicas' CPU use", "nginx CPU s", "client CPU use",
           "readers per replica",
           "load avg before", "load avg after"], rows)


if __name__ == "__main__":
    main()
