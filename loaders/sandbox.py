"""Parse and validate untrusted YAML in a child process, under limits of CPU, memory and time.

A draft pasted in the page and every new version of the data file are checked here, never in
the server: a file that would crash libyaml, exhaust memory or run for minutes costs a child
process and gives the editor a message, while the server and its other sessions carry on.
Run as `python -m loaders.sandbox NAME MAX_BYTES CPU_SECONDS MEMORY_BYTES text|bytes` with the
YAML on standard input. The answer on standard output is data, never code: a valid dataset
(a draft's or the file's) as an Arrow IPC file (indicators/columnar.py), its figures as
columns; the problems, or the limit that stopped the check, as JSON.
"""

from __future__ import annotations

import gc
import importlib.abc
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indicators.columnar import columnar, from_bytes, to_bytes
from indicators.problems import DatasetError, Problem, problem_from_json, problem_json
from indicators.validation import Validated
from loaders import DRAFT_MAX_BYTES, MAX_BYTES, load_text
from loaders.files import too_big

_ROOT = Path(__file__).resolve().parent.parent
# How often a waiting check looks at its session and its deadline: short enough that a
# closed tab frees its slot at once, long enough to cost nothing.
_POLL_SECONDS = 0.1
# Children run at a lower priority, so a reader's rerun in the server goes first.
_NICENESS = 10
# How an Arrow IPC file starts: a valid file's answer in columns.
_ARROW = b"ARROW1"


@dataclass(frozen=True)
class Limits:
    """What one check may use before it is stopped."""

    cpu_seconds: int
    memory_bytes: int
    wall_seconds: float
    max_bytes: int
    what: str  # "draft" or "file": the words of the message when a limit is hit


# A 1 MB draft validates in about 2 s and 300 MB; these leave a wide margin for real drafts
# and stop anything built to hold the server's cores or memory.
DRAFT_LIMITS = Limits(cpu_seconds=20, memory_bytes=1536 * 1024**2, wall_seconds=30,
                      max_bytes=DRAFT_MAX_BYTES, what="draft")
# The published file may hold 100 000 figures (a 32 MiB cap): about 10 s and 400 MB to
# validate at that size in batches, about 1 GB when a problem makes the check read it whole;
# four times that in each is still a bounded cost.
FILE_LIMITS = Limits(cpu_seconds=120, memory_bytes=4096 * 1024**2, wall_seconds=300,
                     max_bytes=MAX_BYTES, what="file")
# Checks running at once in one server: one per core of the machine the project runs on.
# Further checks wait for a slot (their readers see a spinner) rather than start.
SLOTS = 2
_slots = threading.BoundedSemaphore(SLOTS)


class Cancelled(Exception):
    """The session that asked for the check went away; the child was stopped."""


def check_in_child(content: str | bytes, name: str, limits: Limits,
                   cancelled: Callable[[], bool] = lambda: False) -> Validated:
    """Validate `content` in a child process; raise DatasetError with every problem or limit.

    Text (a paste) reaches the child as text, lone surrogates and all, so that the child's
    loader reports such a character where it stands, as it would in the server.

    Waits for one of SLOTS; raises Cancelled when `cancelled()` turns true meanwhile.
    """
    return columns_in_child(content, name, limits, cancelled)[0]


def columns_in_child(content: str | bytes, name: str, limits: Limits,
                     cancelled: Callable[[], bool] = lambda: False) -> tuple[Validated, bytes]:
    """The same check, with the Arrow file the child wrote: the bytes a cache stores as
    they are."""
    with slot(name, limits, cancelled):
        return _run(content, name, limits, cancelled)


@contextmanager
def slot(name: str, limits: Limits,
         cancelled: Callable[[], bool] = lambda: False) -> Iterator[None]:
    """One of SLOTS held while a child runs; DatasetError when none frees up in time."""
    deadline = time.monotonic() + limits.wall_seconds
    while not _slots.acquire(timeout=_POLL_SECONDS):
        if cancelled():
            raise Cancelled
        if time.monotonic() > deadline:
            raise DatasetError(name, [Problem(
                f"the server is busy checking other files: try this {limits.what} again "
                "in a minute")])
    try:
        yield
    finally:
        _slots.release()


def _run(content: str | bytes, name: str, limits: Limits,
         cancelled: Callable[[], bool]) -> tuple[Validated, bytes]:
    is_text = isinstance(content, str)
    raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    if len(raw) > limits.max_bytes:  # refused before any process starts
        raise DatasetError(name, [too_big(len(raw), limits.max_bytes)])
    command = [sys.executable, "-m", "loaders.sandbox", name, str(limits.max_bytes),
               str(limits.cpu_seconds), str(limits.memory_bytes), "text" if is_text else "bytes"]
    # The input goes through an unnamed temporary file, not a pipe: the child reads it at
    # its own pace while this thread only polls, so neither side can block the other.
    with tempfile.TemporaryFile() as source:
        source.write(raw)
        source.seek(0)
        child = subprocess.Popen(  # noqa: S603 - our own module, no shell
            command, stdin=source, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd=_ROOT, start_new_session=True)
    deadline = time.monotonic() + limits.wall_seconds
    while True:
        try:
            out, _ = child.communicate(timeout=_POLL_SECONDS)
            break
        except subprocess.TimeoutExpired:
            if cancelled():
                _stop(child)
                raise Cancelled from None
            if time.monotonic() > deadline:
                _stop(child)
                raise DatasetError(name, [_limit_problem(limits, "time")]) from None
    return _answer(child.returncode, out, name, limits)


def _stop(child: subprocess.Popen[bytes]) -> None:
    child.kill()
    child.communicate()


def _answer(code: int, out: bytes, name: str, limits: Limits) -> tuple[Validated, bytes]:
    """The child's result with its Arrow bytes, or the problems, the limit or the crash that
    ended it, as an editor's message. A child taken over by a hostile file could write
    anything here: it is read as data (a table and JSON), checked as it is read."""
    if code == 0 and out.startswith(_ARROW):
        try:
            return from_bytes(out), out
        except Exception:
            raise DatasetError(name, [_crash(limits, "an unreadable answer")]) from None
    if code in (0, 1) and out:
        try:
            failure = _failure(json.loads(out), name, limits)
        except Exception:
            raise DatasetError(name, [_crash(limits, "an unreadable answer")]) from None
        raise failure
    if code == -signal.SIGXCPU or code == -signal.SIGKILL:
        raise DatasetError(name, [_limit_problem(limits, "cpu")])
    reason = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit status {code}"
    raise DatasetError(name, [_crash(limits, reason)])


def _failure(answer: dict[str, Any], name: str, limits: Limits) -> DatasetError:
    """The error a child's JSON answer stands for: its problems, or the limit it hit."""
    if "limit" in answer:
        return DatasetError(name, [_limit_problem(limits, answer["limit"])])
    return DatasetError(str(answer["file"]),
                        [problem_from_json(entry) for entry in answer["problems"]])


def _crash(limits: Limits, reason: str) -> Problem:
    return Problem(f"the check of this {limits.what} stopped unexpectedly ({reason}): "
                   "simplify it (less nesting, fewer records) and try again")


def _limit_problem(limits: Limits, limit: str) -> Problem:
    spent = {"cpu": f"more than {limits.cpu_seconds} s of processor time",
             "memory": f"more than {limits.memory_bytes // 1024**2} MB of memory",
             "time": f"more than {limits.wall_seconds:g} s"}[limit]
    return Problem(f"this {limits.what} is too complex to check: it needed {spent}; "
                   "split it into smaller files or remove repeated records")


def limit_self(cpu_seconds: int, memory_bytes: int) -> None:
    """Set this process's own limits (in the child, before it reads any input)."""
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    os.nice(_NICENESS)


class _WithoutPandas(importlib.abc.MetaPathFinder):
    """pandas reported missing in the child.

    pyarrow imports pandas (0.2-0.3 s, a third of a small file's whole check) only to ask
    whether a column it is given is a pandas object; the child's columns are plain lists.
    """

    def find_spec(self, fullname: str, path: object, target: object = None) -> None:
        if fullname.partition(".")[0] == "pandas":
            raise ModuleNotFoundError(f"no module named {fullname!r} in the checking child",
                                      name=fullname)


def _main(argv: list[str]) -> int:
    name, max_bytes, cpu_seconds, memory_bytes = argv[0], *map(int, argv[1:4])
    limit_self(cpu_seconds, memory_bytes)
    # A child lives for one check and creates no cycles worth collecting: without the
    # collector, the full scan of everything just built (0.1-0.4 s at 10 000 figures) that
    # re-enabling it would trigger never happens.
    gc.disable()
    sys.meta_path.insert(0, _WithoutPandas())
    # Memory may run out anywhere past the limit: reading the input, checking it, or writing
    # the answer; each is the same message for the editor.
    try:
        reply = _reply(name, max_bytes, text=argv[4] == "text")
    except MemoryError:
        reply = json.dumps({"limit": "memory"}).encode()
    sys.stdout.buffer.write(reply)
    return 0 if reply.startswith(_ARROW) else 1


def _reply(name: str, max_bytes: int, *, text: bool) -> bytes:
    """The child's answer for the YAML on its standard input: Arrow, or problems as JSON."""
    raw = sys.stdin.buffer.read(max_bytes + 1)
    content = raw.decode("utf-8", "surrogatepass") if text else raw
    try:
        # The models are let go once their columns are made, before the file is written.
        return to_bytes(columnar(load_text(content, name, max_bytes)))
    except DatasetError as error:
        file, problems = error.file, error.problems
    except RecursionError:
        file, problems = name, [Problem("nested too deeply to read")]
    return json.dumps({"file": file, "problems": [problem_json(problem) for problem in problems]},
                      ensure_ascii=False).encode("utf-8")


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
