"""Each figure's history from the repository, read in a child process under the validator's limits.

The server (or the command line) asks the child `python -m loaders.history PATH NAME`: it
lists the last MAX_COMMITS commits that changed the file, streams their versions through one
`git cat-file --batch`, reads each with the validator's reader (loaders/yaml_file.py: no
aliases, no tags, bounded depth and size) and answers in JSON: what changed in each figure,
the versions it could not read, and the figures of the file as it is now.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from indicators.models import TRACKED_FIELDS
from indicators.problems import DatasetError
from loaders.files import read_regular, too_big
from loaders.sandbox import Limits, limit_self, slot
from loaders.yaml_file import MAX_BYTES, read_text

# The fields whose change a reader of a citation needs to know about, in the order shown.
TRACKED = TRACKED_FIELDS
# A repository's history is read with git, bounded in time: a slow disk is no hang.
GIT_SECONDS = 30
# The commits of the file read, newest first: two years of weekly edits. Each version costs
# 20-50 ms to read at the real file's size (100 KB), so 100 of them 2-5 s.
MAX_COMMITS = 100
# Changes listed per figure, the latest: a citation needs the recent ones; the rest are counted.
MAX_CHANGES = 10
# Older versions are no longer read once this much time has gone (a file near MAX_BYTES
# takes seconds per version): history then starts later, and says since when.
BUDGET_SECONDS = 10.0
# The child's limits: the budget with room for the version being read when it runs out (a
# few seconds at MAX_BYTES), and the memory of such a version twice over (the draft's cap).
LIMITS = Limits(cpu_seconds=30, memory_bytes=1536 * 1024**2, wall_seconds=30,
                max_bytes=MAX_BYTES, what="history")
_ROOT = Path(__file__).resolve().parent.parent
# Read from a pipe in pieces: a version over MAX_BYTES is skipped without being held.
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Change:
    """One commit that added, changed or removed a figure."""

    day: str  # ISO date of the commit
    commit: str  # short hash
    message: str  # the commit's subject line
    fields: tuple[tuple[str, str, str], ...]  # (field, before, after); "" where absent


@dataclass(frozen=True)
class Unreadable:
    """A commit whose version of the file could not be read: skipped, never compared."""

    day: str
    commit: str
    message: str
    reason: str  # the reader's first problem, or the limit it reached


@dataclass(frozen=True)
class Histories:
    """What the commits read say of every figure."""

    changes: dict[str, tuple[Change, ...]]  # the last MAX_CHANGES of each figure, oldest first
    older: dict[str, int]  # changes read but not listed, per figure
    committed: frozenset[str]  # every figure in a version read
    current: frozenset[str] | None  # the figures of the file as it is; None if unreadable
    unreadable: tuple[Unreadable, ...]  # oldest first
    since: str  # the oldest version read, "hash (day)", when older ones were not; else ""


    def standing(self, figure: str) -> str:
        """"changed", "unchanged" (in the versions read, never changed in them: older ones were
        not read), "uncommitted" (in the file, in no version read) or "unknown"."""
        if figure in self.changes:
            return "changed"
        if figure in self.committed:
            return "unchanged"
        return "uncommitted" if figure in (self.current or ()) else "unknown"


class Unavailable(Exception):
    """The history could not be read: the reason, in plain words."""


def histories(path: str | Path) -> Histories | None:
    """Every figure's history; None when the file is not in a git repository.

    Raises Unavailable when the child reaches a limit or fails. Takes at most LIMITS'
    wall time (and a free slot among the server's checks).
    """
    path = Path(path).resolve()
    name = git(["ls-files", "--full-name", "--", path.name], path.parent)
    if not name:
        return None
    try:
        with slot(str(path), LIMITS):
            done = subprocess.run(  # noqa: S603 - our own module, no shell
                [sys.executable, "-m", "loaders.history", str(path), name], cwd=_ROOT,
                stdin=subprocess.DEVNULL, capture_output=True, timeout=LIMITS.wall_seconds,
                start_new_session=True, check=False)
    except subprocess.TimeoutExpired:
        raise Unavailable(f"reading it needed more than {LIMITS.wall_seconds:g} s") from None
    except DatasetError as busy:
        raise Unavailable(busy.problems[0].message) from None
    try:
        return _histories(json.loads(done.stdout))
    except (ValueError, TypeError, KeyError):
        raise Unavailable(_ended(done.returncode)) from None


def _ended(code: int) -> str:
    """Why a child gave no answer, in the words of the reason shown."""
    if code in (-signal.SIGXCPU, -signal.SIGKILL):  # what the processor-time limit sends
        return f"reading it needed more than {LIMITS.cpu_seconds} s of processor time"
    how = f"signal {-code}" if code < 0 else f"exit status {code}"
    return f"reading it stopped unexpectedly ({how})"


def _histories(answer: dict[str, Any]) -> Histories:
    """The child's JSON answer as classes; TypeError or KeyError when it is not one."""
    return Histories(
        changes={str(figure): tuple(Change(day, commit, message, tuple(map(tuple, fields)))
                                    for day, commit, message, fields in listed)
                 for figure, listed in answer["changes"].items()},
        older={str(figure): int(count) for figure, count in answer["older"].items()},
        committed=frozenset(map(str, answer["committed"])),
        current=None if answer["current"] is None else frozenset(map(str, answer["current"])),
        unreadable=tuple(Unreadable(*map(str, entry)) for entry in answer["unreadable"]),
        since=str(answer["since"]))


def git(arguments: list[str], folder: Path) -> str:
    """A git command's output in `folder`, or "" when git or the repository is missing."""
    try:
        done = subprocess.run(["git", *arguments], cwd=folder, capture_output=True,  # noqa: S603,S607
                              text=True, timeout=GIT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


# What follows runs in the child.

Figures = dict[str, dict[str, str]]


@dataclass(frozen=True)
class _Commit:
    full: str
    short: str
    day: str
    message: str


def _main(argv: list[str]) -> int:
    limit_self(LIMITS.cpu_seconds, LIMITS.memory_bytes)
    path, name = Path(argv[0]), argv[1]
    answer = _read(path, name, time.monotonic() + BUDGET_SECONDS)
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


def _read(path: Path, name: str, deadline: float) -> dict[str, Any]:
    """The answer for the file `name` of the repository around `path`."""
    commits = _commits(path.parent, name)
    state = _State()
    newer: tuple[_Commit, Figures] | None = None
    read = 0
    for commit, figures in _versions(path.parent, name, commits, deadline):
        read += 1
        if isinstance(figures, str):
            state.unreadable.append([commit.day, commit.short, commit.message, figures])
            continue
        if newer is not None:
            state.record(newer[0], figures, newer[1])
        newer = (commit, figures)
        state.committed |= figures.keys()
    cut = read < len(commits) or read > MAX_COMMITS  # the budget ran out, or older commits
    if newer is not None and not cut:  # the first commit: every figure in it was added
        state.record(newer[0], {}, newer[1])
    since = f"{newer[0].short} ({newer[0].day})" if newer and cut else ""
    return state.answer(since, _current(path))


@dataclass
class _State:
    """What the versions read so far say, newest first."""

    changes: dict[str, list[list[Any]]] = field(default_factory=dict)
    older: dict[str, int] = field(default_factory=dict)
    committed: set[str] = field(default_factory=set)
    unreadable: list[list[str]] = field(default_factory=list)

    def record(self, commit: _Commit, before: Figures, after: Figures) -> None:
        """The changes `commit` made, newest first; past MAX_CHANGES a figure's are counted."""
        for figure in sorted(before.keys() | after.keys()):
            fields = _difference(before.get(figure, {}), after.get(figure, {}))
            if not fields:
                continue
            listed = self.changes.setdefault(figure, [])
            if len(listed) < MAX_CHANGES:
                listed.append([commit.day, commit.short, commit.message, fields])
            else:
                self.older[figure] = self.older.get(figure, 0) + 1

    def answer(self, since: str, current: list[str] | None) -> dict[str, Any]:
        return {"changes": {figure: listed[::-1] for figure, listed in self.changes.items()},
                "older": self.older, "committed": sorted(self.committed), "current": current,
                "unreadable": self.unreadable[::-1], "since": since}


def _commits(folder: Path, name: str) -> list[_Commit]:
    """The commits that changed the file, newest first: one more than MAX_COMMITS, read
    only as the state the others changed. (`name` is from the repository's top, `folder`
    the file's own.)"""
    log = git(["log", f"-n{MAX_COMMITS + 1}", "--format=%H%x09%h%x09%cs%x09%s", "--",
               Path(name).name], folder)
    return [_Commit(*[*line.split("\t", 3), "", "", ""][:4]) for line in log.splitlines()]


def _versions(folder: Path, name: str, commits: list[_Commit],
              deadline: float) -> Iterator[tuple[_Commit, Figures | str]]:
    """Each commit's version of the file, read, or the reason it could not be, until the
    deadline: one git process streams them all (one `git show` per commit cost 5 ms)."""
    with tempfile.TemporaryFile() as wanted:
        wanted.write("".join(f"{commit.full}:{name}\n" for commit in commits).encode())
        wanted.seek(0)
        reader = subprocess.Popen(["git", "cat-file", "--batch"], cwd=folder,  # noqa: S607
                                  stdin=wanted, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)
    assert reader.stdout is not None
    try:
        before: tuple[str, Figures | str] = ("", {})
        for index, commit in enumerate(commits):
            if index and time.monotonic() > deadline:  # the newest version is always read
                return
            blob, figures = _next_version(reader.stdout, name, before)
            before = (blob, figures)
            yield commit, figures
    finally:
        reader.kill()
        reader.wait()
        reader.stdout.close()


def _next_version(stream: IO[bytes], name: str,
                  before: tuple[str, Figures | str]) -> tuple[str, Figures | str]:
    """The next answer of `git cat-file --batch`: (object id, figures or reason)."""
    header = stream.readline().decode("utf-8", "replace").split()
    if len(header) != 3 or header[1] != "blob" or not header[2].isdigit():
        return "", {}  # "<commit>:<name> missing": the commit removed the file
    blob, size = header[0], int(header[2])
    if size > MAX_BYTES:
        _skip(stream, size + 1)
        return blob, too_big(size, MAX_BYTES).message
    raw = stream.read(size)
    stream.read(1)  # the newline after each object
    if blob == before[0]:  # the same version again (a merge): read once
        return before
    return blob, _figures(raw, name)


def _skip(stream: IO[bytes], size: int) -> None:
    while size > 0:
        piece = stream.read(min(size, _CHUNK))
        if not piece:
            return
        size -= len(piece)


def _figures(raw: bytes, name: str) -> Figures | str:
    """The tracked fields of every figure in one version, or why it cannot be read."""
    try:
        document = read_text(raw, name).data
    except DatasetError as error:  # the first problem, where an editor would look for it
        return error.problems[0].format(name)
    except RecursionError:
        return "nested too deeply to read"
    except MemoryError:
        return f"it needed more than {LIMITS.memory_bytes // 1024**2} MB of memory"
    figures = document.get("figures") if isinstance(document, dict) else None
    if not isinstance(figures, list):
        return {}
    # Only the fields present: at 100 000 figures, two versions are held at a time.
    return {str(figure["id"]): {field: text for field in TRACKED
                                if (text := _text(figure.get(field)))}
            for figure in figures if isinstance(figure, dict) and "id" in figure}


def _current(path: Path) -> list[str] | None:
    """The figures of the file as it is now (committed or not); None when it cannot be read."""
    try:
        figures = _figures(read_regular(path, MAX_BYTES), str(path))
    except DatasetError:
        return None
    return None if isinstance(figures, str) else sorted(figures)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return _PARTS.join(f"{key}{_MEMBER}{member}" for key, member in sorted(value.items()))
    return str(value)


# How a breakdown is written in a change (`campaign: 2014, country: SN`), and read back.
_PARTS, _MEMBER = ", ", ": "


def breakdown_parts(text: str) -> list[tuple[str, str]]:
    """A breakdown as a change writes it, as (dimension, member) pairs."""
    return [(key, member) for key, _, member in
            (part.partition(_MEMBER) for part in text.split(_PARTS))]


def _difference(old: dict[str, str], new: dict[str, str]) -> list[list[str]]:
    return [[field, old.get(field, ""), new.get(field, "")] for field in TRACKED
            if old.get(field, "") != new.get(field, "")]


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
