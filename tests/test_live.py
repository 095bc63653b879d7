"""Hot reload and last good data: an editor's broken save never loses what was shown."""

import os
from pathlib import Path

import pytest

from loaders.live import LiveDataset
from tests.conftest import MINIMAL


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


def test_deleted_file_keeps_the_last_good_data(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    _save(path, MINIMAL, 1)
    live = LiveDataset(path)
    good = live.current()
    path.unlink()
    gone = live.current()
    assert gone.validated is good.validated
    assert gone.error is not None
    assert "cannot read the file" in gone.error.lines()[0]


def test_large_files_are_validated_in_a_child(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import loaders.live as live_module

    monkeypatch.setattr(live_module, "WORKER_MIN_BYTES", 1)
    path, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(path, MINIMAL, 1)
    live = LiveDataset(path, folder)
    assert live.current().validated.dataset.figures[0].value == 23096  # type: ignore[union-attr]
    assert len(list(folder.glob("*.pickle"))) == 1  # written by the child
    _save(path, MINIMAL.replace("value: 23096", "vaule: 23096"), 2)
    broken = live.current()
    assert broken.error is not None
    assert broken.error.lines()[1] == (
        f"{path}:15:5: figures.0.vaule: unknown field 'vaule'; did you mean 'value'?")
    assert broken.validated is not None  # the last good data stays
