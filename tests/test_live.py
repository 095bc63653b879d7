"""Hot reload and last good data: an editor's broken save never loses what was shown."""

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import loaders.live as live_module
from indicators.columnar import from_bytes
from indicators.validation import Validated
from loaders.live import LiveDataset
from tests.conftest import BODY, MINIMAL, minimal_with


def _save(path: Path, text: str, tick: int) -> None:
    path.write_text(text, encoding="utf-8")
    # File systems with coarse timestamps: move the time on so the change is always seen.
    os.utime(path, ns=(tick * 10**9, tick * 10**9))


def test_reloads_when_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    _save(path, MINIMAL, 1)
    live = LiveDataset(path)
    assert live.current().validated.dataset.figures[0].value == 23096  # type: ignore[union-attr]
    _save(path, MINIMAL.replace("value: 23096", "value: 23097").replace("23 096", "23 097"), 2)
    assert live.current().validated.dataset.figures[0].value == 23097  # type: ignore[union-attr]


def test_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    _save(path, MINIMAL, 1)
    live = LiveDataset(path)
    first = live.current()
    assert live.current() is first


def test_broken_save_keeps_the_last_good_data(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    _save(path, MINIMAL, 1)
    live = LiveDataset(path)
    good = live.current()
    _save(path, MINIMAL.replace("value: 23096", "vaule: 23096"), 2)
    broken = live.current()
    assert broken.validated is good.validated
    assert broken.loaded_at == good.loaded_at
    assert broken.error is not None
    assert broken.error.lines()[1].endswith(
        "figures.0.vaule: unknown field 'vaule'; did you mean 'value'?")
    assert path.read_text(encoding="utf-8").count("vaule") == 1  # never written back
    _save(path, MINIMAL, 3)
    fixed = live.current()
    assert fixed.error is None
    assert fixed.validated is not good.validated


def test_first_load_invalid_has_errors_and_no_data(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    _save(path, "a: [", 1)
    snapshot = LiveDataset(path).current()
    assert snapshot.validated is None
    assert snapshot.error is not None


Fault = Callable[[Path, pytest.MonkeyPatch], None]


def _deleted(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.unlink()


def _dangling_link(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.unlink()
    path.symlink_to(path.parent / "nowhere.yaml")


def _fifo(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.unlink()
    os.mkfifo(path)


def _folder(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.unlink()
    path.mkdir()


def _unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests may run as root, who reads any file: refuse the open itself.
    real_open = os.open

    def refuse(name: object, *args: object, **kwargs: object) -> int:
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    os.utime(path, ns=(5 * 10**9, 5 * 10**9))
    monkeypatch.setattr(os, "open", refuse)


@pytest.mark.parametrize(("fault", "message"), [
    (_deleted, "cannot read the file: it does not exist (moved, renamed or deleted?)"),
    (_dangling_link, "cannot read the file: it is a link to a file that does not exist"),
    (_fifo, "cannot read the file: it is a named pipe (FIFO), not a regular file"),
    (_folder, "cannot read the file: it is a folder, not a regular file"),
    (_unreadable, "cannot read the file: Permission denied"),
], ids=["deleted", "dangling link", "fifo", "folder", "unreadable"])
def test_disk_faults_keep_the_last_good_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             fault: Fault, message: str) -> None:
    path = tmp_path / "data.yaml"
    _save(path, MINIMAL, 1)
    live = LiveDataset(path)
    good = live.current()
    fault(path, monkeypatch)
    after = live.current()
    assert after.validated is good.validated
    assert after.error is not None
    assert after.error.lines() == [f"{tmp_path / 'data.yaml'}:1:1: {message}"]


def test_a_fifo_never_blocks_the_first_load(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    os.mkfifo(path)
    snapshot = LiveDataset(path).current()  # returns at once: no writer is waited for
    assert snapshot.validated is None
    assert snapshot.error is not None


def test_files_are_validated_in_a_child_and_cached(tmp_path: Path) -> None:
    path, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(path, MINIMAL, 1)
    live = LiveDataset(path, folder)
    assert live.current().validated.dataset.figures[0].value == 23096  # type: ignore[union-attr]
    assert len(list(folder.glob("*.arrow"))) == 1
    _save(path, MINIMAL.replace("value: 23096", "vaule: 23096"), 2)
    broken = live.current()
    assert broken.error is not None
    assert broken.error.lines()[1] == (
        f"{path}:15:5: figures.0.vaule: unknown field 'vaule'; did you mean 'value'?")
    assert broken.validated is not None  # the last good data stays


def test_a_cached_version_starts_no_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(path, MINIMAL, 1)
    LiveDataset(path, folder).current()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a child was started for a cached version")

    monkeypatch.setattr(live_module, "columns_in_child", refuse)
    assert LiveDataset(path, folder).current().error is None


def test_the_cache_stores_the_childs_answer_as_written(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    answers: list[bytes] = []
    real = live_module.columns_in_child

    def recorded(*args: object, **kwargs: object) -> object:
        validated, written = real(*args, **kwargs)  # type: ignore[arg-type]
        answers.append(written)
        return validated, written

    monkeypatch.setattr(live_module, "columns_in_child", recorded)
    path, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(path, MINIMAL, 1)
    first = LiveDataset(path, folder).current()
    assert first.error is None
    [entry] = folder.glob("*.arrow")
    assert [entry.read_bytes()] == answers  # the bytes the child wrote, not written again
    assert from_bytes(entry).dataset == first.validated.dataset


def test_a_file_cut_short_is_served_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    second = BODY.replace("  - id: fig\n", "  - id: fig2\n").split("figures:\n")[1]
    _save(path, minimal_with(second.replace("23096", "23097").replace("23 096", "23 097")), 1)
    live = LiveDataset(path)
    assert len(live.current().validated.dataset.figures) == 2  # type: ignore[union-attr]
    _save(path, MINIMAL, 2)  # the second figure is gone, and the file is still valid
    cut = live.current()
    assert cut.error is None
    assert cut.dropped == (2, 1)
    assert len(cut.validated.dataset.figures) == 1  # type: ignore[union-attr]


def test_other_readers_are_not_held_by_a_reload(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "data.yaml"
    _save(path, MINIMAL, 1)
    live = LiveDataset(path)
    good = live.current()
    started, release = threading.Event(), threading.Event()
    real_load = live._load

    def slow_load(raw: bytes) -> Validated:
        started.set()
        release.wait(10)
        return real_load(raw)

    monkeypatch.setattr(live, "_load", slow_load)
    _save(path, MINIMAL.replace("value: 23096", "value: 23097").replace("23 096", "23 097"), 2)
    reloading = threading.Thread(target=live.current)
    reloading.start()
    assert started.wait(10)
    assert live.current() is good  # served at once, while the reload waits
    release.set()
    reloading.join(10)
    assert live.current().validated.dataset.figures[0].value == 23097  # type: ignore[union-attr]
