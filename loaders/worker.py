"""Validate a large file in a child process, so the server never holds its parse tree.

Parsing 100 000 figures builds a YAML node tree of several hundred megabytes; memory a
server process rarely gives back. The child validates and fills the cache; the server
then reads the compact cached result. Run as `python -m loaders.worker PATH CACHE_DIR`.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from indicators.problems import DatasetError, Problem
from loaders.cache import load_cached

# Files smaller than this are validated in the server: a child costs about a second.
WORKER_MIN_BYTES = 2 * 1024 * 1024
# A child that has not answered in this time is stopped; the file is then validated in
# the server, as if small.
WORKER_TIMEOUT = 600


def warm_in_child(path: Path, folder: str | Path) -> None:
    """Fill the cache for `path` from a child process; raise its DatasetError if invalid."""
    try:
        done = subprocess.run(  # noqa: S603 - our own module, no shell
            [sys.executable, "-m", "loaders.worker", str(path), str(folder)],
            capture_output=True, timeout=WORKER_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return
    if done.returncode == 1 and done.stdout:
        file, problems = pickle.loads(done.stdout)  # noqa: S301 - written by the child
        raise DatasetError(file, problems)


def _main(path: str, folder: str) -> int:
    try:
        load_cached(path, folder)
    except DatasetError as error:
        answer: tuple[str, list[Problem]] = (error.file, error.problems)
        sys.stdout.buffer.write(pickle.dumps(answer))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1], sys.argv[2]))
