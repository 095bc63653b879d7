"""A repository of thousands of commits of one data file, and the time `history` takes on it.

    python -m benchmarks.history 2000 --figures 100 --folder /tmp/history-2000
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

# The first commit's date; each later commit one hour after the one before.
START = 1_735_689_600  # 2025-01-01T00:00:00Z
NAME = "indicators.yaml"
HEADER = """\
schema_version: 1
themes:
  - id: regularisation
    label: {fr: Régularisation, ar: التسوية, en: Regularisation}
    description: {fr: Description, ar: وصف, en: Description}
sources:
  - id: src
    title: Titre
    language: fr
indicators:
  - id: ind
    theme: regularisation
    unit: count
    label: {fr: Libellé, ar: تسمية, en: Label}
    definition: {fr: Définition, ar: تعريف, en: Definition}
figures:
"""


def value_at(commit: int, figure: int, figures: int) -> int:
    """Figure `figure`'s value after commit `commit`: commit k > 0 sets figure k % figures
    to 1000 + k; the first commit adds every figure with its own index plus one."""
    last = commit - (commit - figure) % figures
    return 1000 + last if last >= 1 else figure + 1


def version(commit: int, figures: int) -> str:
    """The data file as commit `commit` leaves it: valid data, each quote writing its value."""
    values = [value_at(commit, index, figures) for index in range(figures)]
    return HEADER + "".join(
        f"  - id: f-{index:04d}\n    indicator: ind\n    value: {value}\n    qualifier: exact\n"
        f"    source: src\n    quote: \"{value} demandes\"\n" for index, value in enumerate(values))


def changes(commits: int, figures: int) -> Iterable[tuple[str, str]]:
    """(subject, file) of each commit, oldest first."""
    yield "Add the figures", version(0, figures)
    for commit in range(1, commits):
        yield f"Set f-{commit % figures:04d} to {1000 + commit}", version(commit, figures)


def repository(folder: Path, commits: Iterable[tuple[str, str]], name: str = NAME) -> Path:
    """A new repository in `folder` whose branch holds one commit per (subject, file text),
    oldest first, made in one `git fast-import`; the file (`name`) checked out; its path."""
    stream = bytearray()
    for index, (subject, text) in enumerate(commits):
        message, content = subject.encode(), text.encode()
        stream += (f"commit refs/heads/main\nmark :{index + 1}\n"
                   f"committer Editor <e@example.org> {START + 3600 * index} +0000\n"
                   f"data {len(message)}\n").encode() + message + b"\n"
        if index:
            stream += f"from :{index}\n".encode()
        stream += f"M 100644 inline {name}\ndata {len(content)}\n".encode() + content + b"\n"
    _git(folder, "init", "-q")
    _git(folder, "fast-import", "--quiet", stdin=bytes(stream))
    _git(folder, "symbolic-ref", "HEAD", "refs/heads/main")
    _git(folder, "reset", "-q", "--hard")
    return folder / name


def _git(folder: Path, *arguments: str, stdin: bytes = b"") -> None:
    subprocess.run(["git", *arguments], cwd=folder, input=stdin, check=True,
                   capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("commits", type=int)
    parser.add_argument("--figures", type=int, default=100)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="history-"))
    folder.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    path = repository(folder, changes(args.commits, args.figures))
    print(f"{args.commits} commits of {args.figures} figures in {folder}: "
          f"{time.perf_counter() - began:.1f} s to make")
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "indicators", "history", "f-0000", str(path)],
                   check=False, capture_output=True)
    print(f"python -m indicators history f-0000: {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
