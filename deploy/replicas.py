"""Several replicas of the dashboard behind nginx on one machine: start, wait, proxy, stop.

    python -m deploy.replicas --replicas 2              # http://127.0.0.1:8080, Ctrl-C stops
    python -m deploy.replicas --replicas 2 --data staging.yaml --port 9000

Each replica is a Streamlit server on its own port (8501, 8502, ...) reading the same data file
with its own cache folder; nginx (deploy/nginx.conf, filled in here) routes each reader to one of
them and serves the published files itself. Everything nginx writes (pid, logs, temporary
files) and the caches live in one run folder, so no root is needed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf"
STATIC = ROOT / "static"  # where app.py writes the published files (STATIC_DIR)
DATA = ROOT / "data" / "indicators.yaml"
FIRST_PORT = 8501  # Streamlit's own default, so one replica answers where a lone server would
PROXY_PORT = 8080
# A replica validates its data before it answers: 10 000 figures take a few seconds cold.
START_TIMEOUT = 120.0  # seconds
STOP_TIMEOUT = 20.0  # seconds a process gets to finish before it is killed


@dataclass(frozen=True)
class Cluster:
    """What is running: the proxy's address and process id, each replica's process id by port."""

    url: str
    proxy: int
    replicas: dict[int, int]
    run: Path


def replica_ports(count: int, first: int = FIRST_PORT) -> list[int]:
    """Consecutive ports, one per replica."""
    if count < 1:
        raise ValueError("At least one replica.")
    return list(range(first, first + count))


def replica_env(data: Path, run: Path, port: int) -> dict[str, str]:
    """A replica's settings: the shared data file, and a cache folder of its own.

    Two processes writing one cache folder would race on its entries and its pruning.
    """
    return {"INDICATORS_DATA": str(data), "INDICATORS_CACHE_DIR": str(run / f"cache-{port}")}


def replica_command(port: int) -> list[str]:
    """The Streamlit server of one replica, on the loopback only: readers come through nginx."""
    return [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
            "--server.headless", "true", "--server.address", "127.0.0.1",
            "--server.port", str(port), "--browser.gatherUsageStats", "false",
            # The data is watched by the app itself; the code does not change under a replica.
            "--server.fileWatcherType", "none"]


def render(template: str, ports: Sequence[int], listen: str, run: Path,
           static: Path = STATIC) -> str:
    """The template with its ports and folders filled in; a placeholder left over is an error."""
    servers = "\n".join(f"        server 127.0.0.1:{port};" for port in ports)
    values = {"servers": servers, "listen": listen, "run": str(run), "static": str(static)}
    for name, value in values.items():
        template = template.replace("{{ " + name + " }}", value)
    left = re.findall(r"{{ *\w* *}}", template)
    if left:
        raise ValueError(f"Unfilled placeholder in the nginx template: {left[0]}")
    return template


def nginx_command(run: Path, nginx: str = "nginx") -> list[str]:
    """nginx in the foreground, its prefix, error log and configuration in the run folder."""
    return [nginx, "-p", f"{run}/", "-e", str(run / "error.log"),
            "-c", str(run / "nginx.conf"), "-g", "daemon off;"]


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    """Return once `url`/_stcore/health answers 200; fail if the process dies or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server for {url} exited with {process.returncode}; "
                               f"its log is in the run folder.")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health",  # noqa: S310 - http://, ours
                                        timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not become healthy within {timeout:.0f} s.")


@contextmanager
def _process(command: list[str], log: Path, env: dict[str, str] | None = None,
             ) -> Iterator[subprocess.Popen[bytes]]:
    """A child process, stopped (then killed if it lingers) when the block ends."""
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - our own commands, no shell
            command, cwd=ROOT, env={**os.environ, **(env or {})},
            stdout=output, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def serving(count: int, data: Path = DATA, run: Path | None = None, port: int = PROXY_PORT,
            first_port: int = FIRST_PORT) -> Iterator[Cluster]:
    """Replicas and nginx, all healthy, for the length of the block; all stopped after it."""
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if nginx is None:
        raise RuntimeError("nginx is not installed (apt-get install nginx).")
    with ExitStack() as stack:
        if run is None:
            run = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="replicas-")))
        if os.geteuid() == 0:
            # Started by root, nginx's workers run as `nobody`: they write temporary files
            # in the run folder and read the published files.
            run.chmod(0o711)
        replicas = {}
        for replica in replica_ports(count, first_port):
            process = stack.enter_context(_process(
                replica_command(replica), run / f"replica-{replica}.log",
                replica_env(data.resolve(), run, replica)))
            replicas[replica] = process
        for replica, process in replicas.items():
            wait_healthy(f"http://127.0.0.1:{replica}", process, START_TIMEOUT)
        (run / "nginx.conf").write_text(render(TEMPLATE.read_text(), list(replicas),
                                               f"127.0.0.1:{port}", run))
        proxy = stack.enter_context(_process(nginx_command(run, nginx), run / "nginx.log"))
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proxy, START_TIMEOUT)
        pids = {replica: process.pid for replica, process in replicas.items()}
        yield Cluster(url, proxy.pid, pids, run)


def _stop_on_sigterm() -> None:
    """SIGTERM ends the program like Ctrl-C does, so that every process is stopped on the way."""
    def stop(_signal: int, _frame: object) -> None:
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--port", type=int, default=PROXY_PORT, help="nginx's port")
    parser.add_argument("--first-port", type=int, default=FIRST_PORT)
    parser.add_argument("--run", type=Path, help="folder for logs, caches and nginx's files "
                                                 "(default: a temporary one)")
    args = parser.parse_args()
    _stop_on_sigterm()
    if args.run:
        args.run.mkdir(parents=True, exist_ok=True)
    try:
        with serving(args.replicas, args.data, args.run, args.port, args.first_port) as cluster:
            print(f"{cluster.url}  ({len(cluster.replicas)} replicas on ports "
                  f"{', '.join(map(str, cluster.replicas))}; logs in {cluster.run})", flush=True)
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        print("stopped", flush=True)


if __name__ == "__main__":
    main()
