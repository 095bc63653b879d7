"""The content-keyed cache: instant when the bytes were seen, never stale when they change."""

import errno
import os
import pickle
import re
import time
from pathlib import Path

import pytest

import loaders.cache as cache_module
import loaders.live as live_module
from indicators.columnar import FigureColumns
from indicators.validation import Validated
from loaders.cache import KEEP, cache_key
from loaders.files import STALE_AFTER
from loaders.live import LiveDataset
from tests.conftest import MINIMAL


def _save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    # The same size and the same timestamp: only the bytes tell the versions apart.
    os.utime(path, ns=(10**18, 10**18))


def load_cached(path: Path, folder: Path) -> Validated:
    """What a server does on its first request: a new watcher over the cache folder."""
    validated = LiveDataset(path, folder).current().validated
    assert validated is not None
    return validated


def _fail_if_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated again instead of read from the cache")

    monkeypatch.setattr(live_module, "columns_in_child", refuse)


def test_second_load_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(data, MINIMAL)
    first = load_cached(data, folder)
    _fail_if_validated(monkeypatch)
    again = load_cached(data, folder)
    assert again == first
    assert len(list(folder.glob("*.arrow"))) == 1


def test_an_edited_file_is_never_served_from_the_cache(tmp_path: Path) -> None:
    data, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(data, MINIMAL)
    assert load_cached(data, folder).dataset.figures[0].value == 23096
    edited = MINIMAL.replace("value: 23096", "value: 23097").replace("23 096", "23 097")
    assert len(edited) == len(MINIMAL)
    _save(data, edited)
    assert load_cached(data, folder).dataset.figures[0].value == 23097


def test_a_changed_validator_is_a_new_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache_key(b"same bytes")
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "other code")
    assert cache_key(b"same bytes") != before


@pytest.mark.parametrize("library", ["PyYAML", "num2words", "babel", "pydantic", "pyarrow"])
def test_a_new_version_of_a_library_the_checks_use_is_a_new_key(
        library: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = cache_module.version
    before = cache_module.code_fingerprint()
    cache_module.code_fingerprint.cache_clear()
    monkeypatch.setattr(cache_module, "version",
                        lambda name: "0.0.0-new" if name == library else real(name))
    try:
        assert cache_module.code_fingerprint() != before
    finally:
        cache_module.code_fingerprint.cache_clear()


def test_a_damaged_entry_is_rebuilt(tmp_path: Path) -> None:
    data, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(data, MINIMAL)
    load_cached(data, folder)
    entry = next(folder.glob("*.arrow"))
    entry.write_bytes(b"not a pickle")
    assert load_cached(data, folder).dataset.figures[0].value == 23096


_ran: list[str] = []


def _run() -> None:
    _ran.append("unpickled")


class _Runs:
    """Unpickling this would call _run: a stand-in for any code a pickle can run."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return _run, ()


def test_an_entry_is_an_arrow_file_its_figures_columns(tmp_path: Path) -> None:
    data, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(data, MINIMAL)
    load_cached(data, folder)
    assert next(folder.glob("*.arrow")).read_bytes()[:6] == b"ARROW1"
    again = load_cached(data, folder)
    assert isinstance(again.dataset.figures, FigureColumns)
    assert again.dataset.figures[0].value == 23096


def test_a_pickle_in_place_of_an_entry_is_rebuilt_never_run(tmp_path: Path) -> None:
    data, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(data, MINIMAL)
    load_cached(data, folder)
    entry = next(folder.glob("*.arrow"))
    entry.write_bytes(pickle.dumps(_Runs()))
    assert load_cached(data, folder).dataset.figures[0].value == 23096
    assert _ran == []
    assert entry.read_bytes()[:6] == b"ARROW1"


def test_entries_of_the_earlier_format_are_removed(tmp_path: Path) -> None:
    data, folder = tmp_path / "data.yaml", tmp_path / "cache"
    folder.mkdir(mode=0o700)
    (folder / f"{'0' * 64}.pickle").write_bytes(pickle.dumps(_Runs()))
    _save(data, MINIMAL)
    load_cached(data, folder)
    assert not list(folder.glob("*.pickle"))
    assert _ran == []


def test_a_folder_others_can_write_is_not_trusted(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    data, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(data, MINIMAL)
    load_cached(data, folder)
    folder.chmod(0o777)
    validated_again: list[bool] = []
    real = live_module.columns_in_child

    def counting(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        validated_again.append(True)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(live_module, "columns_in_child", counting)
    load_cached(data, folder)
    assert validated_again == [True]


def test_broken_file_is_an_error_not_a_cache_entry(tmp_path: Path) -> None:
    from indicators.problems import DatasetError

    data, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(data, "a: [")
    snapshot = LiveDataset(data, folder).current()
    assert snapshot.validated is None
    assert isinstance(snapshot.error, DatasetError)
    assert not list(folder.glob("*.arrow"))


def test_old_entries_are_pruned(tmp_path: Path) -> None:
    data, folder = tmp_path / "data.yaml", tmp_path / "cache"
    folder.mkdir(mode=0o700)
    # Entries earlier versions left, the last written last. Pruning reads only their times,
    # so they are written here rather than each validated in a child of its own.
    earlier = [folder / f"{cache_key(f'version {number}'.encode())}.arrow"
               for number in range(KEEP + 2)]
    for number, entry in enumerate(earlier, start=1):
        entry.write_bytes(b"an earlier version's entry")
        os.utime(entry, ns=(number * 10**9, number * 10**9))
    _save(data, MINIMAL)
    load_cached(data, folder)
    newest = folder / f"{cache_key(MINIMAL.encode())}.arrow"
    # The version just validated, and the most recent ones before it: KEEP in all.
    assert sorted(folder.glob("*.arrow")) == sorted([newest, *earlier[-(KEEP - 1):]])


def test_an_entry_name_taken_by_a_folder_is_served_uncached_leaving_nothing(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(data, MINIMAL)
    folder.mkdir(mode=0o700)
    taken = folder / f"{cache_key(MINIMAL.encode())}.arrow"
    taken.mkdir()
    assert load_cached(data, folder).dataset.figures[0].value == 23096
    assert list(folder.iterdir()) == [taken]
    [message] = [record.getMessage() for record in caplog.records]
    assert re.fullmatch(
        rf"validation cache not written: \[Errno 21\] Is a directory: "
        rf"'{re.escape(str(folder))}/\.{taken.name}\.\w{{8}}' -> '{re.escape(str(taken))}'",
        message), message


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EACCES])
def test_a_full_or_read_only_disk_is_served_uncached_leaving_nothing(
        code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    data, folder = tmp_path / "data.yaml", tmp_path / "cache"
    _save(data, MINIMAL)

    def refuse(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    assert load_cached(data, folder).dataset.figures[0].value == 23096
    assert list(folder.iterdir()) == []
    assert [record.getMessage() for record in caplog.records] == [
        f"validation cache not written: [Errno {code}] {os.strerror(code)}"]


def test_temporary_entries_left_by_a_dead_writer_are_removed(tmp_path: Path) -> None:
    data, folder = tmp_path / "data.yaml", tmp_path / "cache"
    folder.mkdir(mode=0o700)
    stale, fresh = folder / f".{'a' * 64}.arrow.old45678", folder / f".{'b' * 64}.arrow.new45678"
    for path in (stale, fresh):
        path.write_bytes(b"")
    old = time.time() - STALE_AFTER - 60
    os.utime(stale, (old, old))
    _save(data, MINIMAL)
    load_cached(data, folder)
    assert sorted(path.name for path in folder.iterdir()) == [
        fresh.name, f"{cache_key(MINIMAL.encode())}.arrow"]
