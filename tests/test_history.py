"""History from the repository: bounded, read under the validator's limits, honest about gaps."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

import loaders.history as history
from benchmarks.history import changes, repository
from loaders.history import (
    LIMITS,
    MAX_CHANGES,
    MAX_COMMITS,
    Change,
    Histories,
    Unavailable,
    Unreadable,
    _read,
    histories,
)
from tests.conftest import MINIMAL, ROOT, minimal_with

# The bound README states for `history` on any repository: the child is stopped at this.
BOUND_SECONDS = LIMITS.wall_seconds
# Nine levels of nine aliases: 387 420 489 strings once expanded (2 GB and more in Python).
ALIAS_BOMB = minimal_with("".join(
    ["bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"]
    + [f"bomb{level}: &b{level} [{', '.join([f'*b{level - 1}'] * 9)}]\n"
       for level in range(1, 9)]))


def _history(path: Path, figure: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "indicators", "history", figure, str(path)],
                          cwd=path.parent, capture_output=True, text=True,
                          timeout=BOUND_SECONDS + 30, check=False)


def _hashes(folder: Path) -> dict[str, str]:
    """Each commit's short hash by its subject."""
    log = subprocess.run(["git", "log", "--format=%s%x09%h"], cwd=folder, capture_output=True,
                         text=True, check=True).stdout
    return dict(line.split("\t") for line in log.splitlines())


def test_history_of_2000_commits_lists_the_last_changes_within_the_bound(tmp_path: Path) -> None:
    path = repository(tmp_path, changes(2000, figures=5))
    began = time.monotonic()
    result = _history(path, "f-0000")
    spent = time.monotonic() - began
    assert spent < BOUND_SECONDS, f"{spent:.1f} s"
    assert result.returncode == 0, result.stderr
    hashes = _hashes(tmp_path)
    # The last 100 commits are 1900-1999, read against commit 1899; f-0000 changed in every
    # fifth: twenty changes, of which the last ten are listed.
    listed = []
    for commit in range(1950, 2000, 5):
        subject = f"Set f-0000 to {1000 + commit}"
        day = (date(2025, 1, 1) + timedelta(days=commit // 24)).isoformat()
        listed.append(f"{day} {hashes[subject]} {subject}\n    value: {commit - 5 + 1000} → "
                      f"{commit + 1000}; quote: {commit - 5 + 1000} demandes → "
                      f"{commit + 1000} demandes")
    baseline = hashes["Set f-0004 to 2899"]
    assert result.stdout == "\n".join([
        "10 older change(s) of 'f-0000' not shown: only the last 10 changes of a figure are "
        "listed",
        *listed,
        f"changes up to {baseline} (2025-03-21) are not shown: history reads at most the last "
        f"100 commits of indicators.yaml, for at most 10 s"]) + "\n"


def test_the_bounds_are_those_the_reference_states() -> None:
    readme = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert (MAX_COMMITS, MAX_CHANGES, LIMITS.wall_seconds) == (100, 10, 30)
    assert ("at most the last 100 commits that changed the file, the last 10 changes of each "
            "figure" in " ".join(readme.split()))
    assert "answers within 30 s" in " ".join(readme.split())


def _commit_all(folder: Path, *versions: tuple[str, str]) -> Path:
    return repository(folder, versions)


def test_an_alias_bomb_in_an_old_commit_is_refused_and_later_versions_read(
        tmp_path: Path) -> None:
    path = _commit_all(tmp_path, ("Add the approvals", MINIMAL), ("Expand", ALIAS_BOMB),
                       ("Correct the count", MINIMAL.replace("value: 23096", "value: 23097")
                        .replace("23 096", "23 097")))
    hashes = _hashes(tmp_path)
    # The command's own process and every process it waited for, the child included.
    measured = subprocess.run(
        [sys.executable, "-c",
         "import resource, subprocess, sys; done = subprocess.run([sys.executable, '-m', "
         f"'indicators', 'history', 'fig', {str(path)!r}], capture_output=True, text=True); "
         "print(done.stdout, end=''); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"],
        cwd=ROOT, capture_output=True, text=True, timeout=BOUND_SECONDS + 30, check=True)
    *lines, peak_kb = measured.stdout.splitlines()
    assert int(peak_kb) < 400 * 1024  # expanded, the bomb took 2.2 GB before MemoryError
    assert lines == [
        f"2025-01-01 {hashes['Add the approvals']} Add the approvals",
        "    value: — → 23096; qualifier: — → exact; indicator: — → ind; source: — → src; "
        "quote: — → 23 096 demandes ont reçu un avis favorable",
        f"2025-01-01 {hashes['Correct the count']} Correct the count",
        "    value: 23096 → 23097; quote: 23 096 demandes ont reçu un avis favorable → "
        "23 097 demandes ont reçu un avis favorable",
        f"2025-01-01 {hashes['Expand']} Expand",
        "    this version could not be read (indicators.yaml:19:8: bomb1.0: anchors and aliases "
        "(&name, *name) are not allowed: write the value out in full): the next readable "
        "version is compared with the one before it"]


def test_a_version_that_does_not_parse_is_skipped_not_read_as_every_figure_deleted(
        tmp_path: Path) -> None:
    path = _commit_all(tmp_path, ("Add", MINIMAL), ("Break", minimal_with("  - id: [\n")),
                       ("Repair", MINIMAL))
    found = histories(path)
    assert found is not None
    hashes = _hashes(tmp_path)
    assert [change.message for change in found.changes["fig"]] == ["Add"]
    assert found.unreadable == (Unreadable(
        "2025-01-01", hashes["Break"], "Break",
        "indicators.yaml:21:3: syntax: did not find expected node content (while parsing a "
        "flow node at line 21, column 3)"),)


def test_changes_of_the_evidence_and_of_restates_are_listed(tmp_path: Path) -> None:
    web = minimal_with("  - id: again\n    indicator: ind\n    value: 23096\n    qualifier: exact\n"
                       "    source: src\n    restates: fig\n    quote: \"23 096 demandes\"\n"
                       ).replace('    quote: "23 096 demandes ont reçu un avis favorable"\n',
                                 '    as_written: "23 096"\n    locator: 2e paragraphe\n')
    path = _commit_all(tmp_path, ("Add", MINIMAL), ("Cite the web page", web),
                       ("Move", web.replace("2e paragraphe", "3e paragraphe")
                        .replace("restates: fig", "restates: other")))
    found = histories(path)
    assert found is not None
    assert [change.fields for change in found.changes["fig"][1:]] == [
        (("quote", "23 096 demandes ont reçu un avis favorable", ""),
         ("as_written", "", "23 096"), ("locator", "", "2e paragraphe")),
        (("locator", "2e paragraphe", "3e paragraphe"),)]
    assert found.changes["again"][-1].fields == (("restates", "fig", "other"),)


def test_an_uncommitted_figure_and_an_unknown_id_are_told_apart(tmp_path: Path) -> None:
    path = repository(tmp_path, [("Add", MINIMAL)], name="data/indicators.yaml")
    path.write_text(minimal_with("  - id: new\n    indicator: ind\n    value: 1\n"
                              "    qualifier: exact\n    source: src\n    quote: \"1 demande\"\n"),
                    encoding="utf-8")
    uncommitted, unknown = _history(path, "new"), _history(path, "nope")
    committed = _history(path, "fig")
    assert (uncommitted.returncode, uncommitted.stdout) == (
        1, "'new' is not committed yet: it is in indicators.yaml but in none of its commits\n")
    assert (unknown.returncode, unknown.stdout) == (
        1, "unknown figure 'nope': it is neither in indicators.yaml nor in its history\n")
    assert (committed.returncode, committed.stdout.splitlines()[1]) == (
        0, "    value: — → 23096; qualifier: — → exact; indicator: — → ind; source: — → src; "
           "quote: — → 23 096 demandes ont reçu un avis favorable")


def test_an_unknown_id_beside_a_file_that_cannot_be_read_says_so(tmp_path: Path) -> None:
    path = _commit_all(tmp_path, ("Add", MINIMAL))
    path.write_text(minimal_with("  - id: [\n"), encoding="utf-8")
    result = _history(path, "nope")
    assert (result.returncode, result.stdout) == (
        1, "unknown figure 'nope': it is not in the history of indicators.yaml, and "
           "indicators.yaml itself could not be read (`python -m indicators validate` says "
           "why)\n")


def test_a_history_past_its_time_limit_is_unavailable_with_the_reason(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _commit_all(tmp_path, ("Add", MINIMAL))
    monkeypatch.setattr(history, "LIMITS", replace(LIMITS, wall_seconds=0.01))
    with pytest.raises(Unavailable, match=r"^reading it needed more than 0\.01 s$"):
        histories(path)


def test_when_the_time_runs_out_older_versions_are_not_read_and_that_is_said(
        tmp_path: Path) -> None:
    path = repository(tmp_path, changes(3, figures=1))
    answer = _read(path, "indicators.yaml", deadline=time.monotonic())
    hashes = _hashes(tmp_path)
    # Only the newest version is read: it is the state nothing is compared with.
    assert (answer["changes"], answer["since"]) == ({}, f"{hashes['Set f-0000 to 1002']} "
                                                        "(2025-01-01)")
    assert answer["committed"] == ["f-0000"]


def test_standing_of_a_figure() -> None:
    change = Change("2025-01-01", "abc1234", "Add", (("value", "", "1"),))
    found = Histories(changes={"a": (change,)}, older={}, committed=frozenset({"a", "b"}),
                      current=frozenset({"a", "b", "c"}), unreadable=(), since="x (2025-01-01)")
    assert [found.standing(figure) for figure in "abcd"] == [
        "changed", "unchanged", "uncommitted", "unknown"]


def test_a_removed_file_is_every_figure_removed(tmp_path: Path) -> None:
    path = _commit_all(tmp_path, ("Add", MINIMAL))
    subprocess.run(["git", "rm", "-q", "indicators.yaml"], cwd=tmp_path, check=True)
    subprocess.run(["git", "-c", "user.name=E", "-c", "user.email=e@example.org", "commit",
                    "-qm", "Remove"], cwd=tmp_path, check=True)
    answer = _read(path, "indicators.yaml", deadline=time.monotonic() + 60)
    assert [entry[2] for entry in answer["changes"]["fig"]] == ["Add", "Remove"]
    assert answer["current"] is None
    assert re.fullmatch(r"[0-9a-f]{7,}", answer["changes"]["fig"][1][1])
