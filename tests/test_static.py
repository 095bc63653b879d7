"""Stable addresses: the published files, their versions, and a running server serving them."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from indicators.publish import CSV, JSON, PUBLISHED, published_files
from indicators.release import release_of
from indicators.table import figure_rows, to_csv
from loaders import load_path
from loaders.files import STALE_AFTER
from loaders.static import last_change, write_files
from tests.conftest import FROZEN, MINIMAL, ROOT
from tests.test_browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PAINT_TIMEOUT_MS,
    _free_port,
    _require_chromium,
    _wait_healthy,
)

ADDRESSES = PUBLISHED


def test_the_published_csv_is_exactly_the_export(tmp_path: Path) -> None:
    dataset = load_path(FROZEN).dataset
    files = dict(published_files(dataset, release_of(b"x", date(2026, 11, 23))))
    assert sorted(files) == sorted(ADDRESSES)
    assert files[CSV] == to_csv(figure_rows(dataset, "fr"))
    document = json.loads(files[JSON])
    assert document["version"] == release_of(b"x", date(2026, 11, 23)).version
    assert len(document["figures"]) == len(dataset.figures)
    assert {"sources", "indicators", "dimensions", "milestones"} <= document.keys()


def test_files_are_replaced_whole(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.csv": b"old"})
    write_files(tmp_path, {"a.csv": b"new"})
    assert (tmp_path / "a.csv").read_bytes() == b"new"
    assert [path.name for path in tmp_path.iterdir()] == ["a.csv"]  # no temporary left


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EROFS])
def test_a_file_that_cannot_be_written_leaves_nothing_behind(
        code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_files(tmp_path, {"a.csv": b"old"})

    def refuse(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match=rf"^\[Errno {code}\] {re.escape(os.strerror(code))}$"):
        write_files(tmp_path, {"a.csv": b"new", "b.csv": b"new"})
    assert [path.name for path in tmp_path.iterdir()] == ["a.csv"]
    assert (tmp_path / "a.csv").read_bytes() == b"old"


def test_a_name_taken_by_a_folder_leaves_nothing_behind(tmp_path: Path) -> None:
    (tmp_path / "a.csv").mkdir()
    with pytest.raises(IsADirectoryError, match=(
            rf"^\[Errno 21\] Is a directory: '{re.escape(str(tmp_path))}/\.a\.csv\.\w{{8}}' "
            rf"-> '{re.escape(str(tmp_path))}/a\.csv'$")):
        write_files(tmp_path, {"a.csv": b"new"})
    assert [path.name for path in tmp_path.iterdir()] == ["a.csv"]
    assert list((tmp_path / "a.csv").iterdir()) == []


# Writes past 1 000 bytes fail as on a full disk (EFBIG, the signal ignored): set in a child,
# after its imports, so that only the write under test meets the limit.
_FULL_DISK = """
import resource, signal, sys
from loaders.static import write_files
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
try:
    write_files(sys.argv[1], {"a.csv": b"x" * 100_000})
except OSError as error:
    print(error.strerror)
"""


def test_a_write_cut_short_by_the_disk_leaves_nothing_behind(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", _FULL_DISK, str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout == "File too large\n"
    assert list(tmp_path.iterdir()) == []


def test_temporary_files_left_by_a_dead_writer_are_removed(tmp_path: Path) -> None:
    names = [".a.csv.old45678", ".a.csv.new45678", ".a.csv.old456789",
             ".b.csv.old45678", "a.csv.old45678", "notes.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
        if "old" in name:
            stale = time.time() - STALE_AFTER - 60
            os.utime(tmp_path / name, (stale, stale))
    write_files(tmp_path, {"a.csv": b"new"})
    # Only a's own temporary of eight characters, untouched for long: b's waits for b to be
    # written, a fresh one may be another server's write in progress.
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".a.csv.new45678", ".a.csv.old456789", ".b.csv.old45678", "a.csv", "a.csv.old45678",
        "notes.txt"]


def _git(folder: Path, *arguments: str, when: str = "") -> None:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.org",
                   "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.org"}
    if when:
        environment |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *arguments], cwd=folder, env=environment, check=True,
                   capture_output=True)


def test_a_version_is_dated_by_the_files_last_commit(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    data = tmp_path / "indicators.yaml"
    data.write_text(MINIMAL, encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "first", when="2025-01-02T10:00:00Z")
    assert last_change(data) == date(2025, 1, 2)


def test_without_a_repository_the_files_own_date_is_used(tmp_path: Path) -> None:
    data = tmp_path / "indicators.yaml"
    data.write_text(MINIMAL, encoding="utf-8")
    os.utime(data, (1_700_000_000, 1_700_000_000))
    assert last_change(data) == date(2023, 11, 14)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A server of the page on a file of the test's own."""
    _require_chromium()
    data = tmp_path_factory.mktemp("served") / "data.yaml"
    data.write_text(MINIMAL, encoding="utf-8")
    port = _free_port()
    environment = {**os.environ, "INDICATORS_DATA": str(data), "INDICATORS_CACHE_DIR": ""}
    # The files in the work tree's static/, the only folder Streamlit serves at /app/static/.
    environment.pop("INDICATORS_STATIC_DIR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
         "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield url, data
    finally:
        process.terminate()
        process.wait(timeout=20)


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return bytes(response.read())


def _rerun(url: str) -> None:
    """Open the page as a reader would, which runs the script once."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url)
        expect(page.locator('[data-testid="stMetricValue"]').first).to_be_visible(
            timeout=PAINT_TIMEOUT_MS)
        browser.close()


@pytest.mark.browser
def test_a_running_server_serves_the_current_files(served: tuple[str, Path]) -> None:
    url, data = served
    _rerun(url)
    for name in ADDRESSES:
        assert _fetch(f"{url}/app/static/{name}"), name
    csv = _fetch(f"{url}/app/static/{CSV}").decode("utf-8-sig")
    assert "23096" in csv
    data.write_text(MINIMAL.replace("value: 23096", "value: 23097")
                    .replace("23 096", "23 097"), encoding="utf-8")
    _rerun(url)  # one rerun after the edit
    csv = _fetch(f"{url}/app/static/{CSV}").decode("utf-8-sig")
    assert "23097" in csv and "23096" not in csv


def test_history_lists_each_change_of_a_figure(tmp_path: Path) -> None:
    from loaders.history import histories

    _git(tmp_path, "init", "-q")
    data = tmp_path / "indicators.yaml"
    data.write_text(MINIMAL, encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "Add the approvals", when="2025-01-02T10:00:00Z")
    data.write_text(MINIMAL.replace("value: 23096", "value: 23097").replace("23 096", "23 097")
                    .replace("qualifier: exact", "qualifier: exact\n    period: \"2014\""),
                    encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "Correct the count", when="2025-02-03T10:00:00Z")
    found = histories(data)
    assert found is not None
    changes = found.changes["fig"]
    assert [(change.day, change.message) for change in changes] == [
        ("2025-01-02", "Add the approvals"), ("2025-02-03", "Correct the count")]
    assert changes[0].fields == (("value", "", "23096"), ("qualifier", "", "exact"),
                                 ("indicator", "", "ind"), ("source", "", "src"),
                                 ("quote", "", "23 096 demandes ont reçu un avis favorable"))
    assert changes[1].fields == (("value", "23096", "23097"), ("period", "", "2014"),
                                 ("quote", "23 096 demandes ont reçu un avis favorable",
                                  "23 097 demandes ont reçu un avis favorable"))


def test_history_outside_a_repository_says_so(tmp_path: Path) -> None:
    data = tmp_path / "indicators.yaml"
    data.write_text(MINIMAL, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "indicators", "history", "fig", str(data)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("history not available: ")
    assert result.stdout.rstrip().endswith("is not in a git repository")
