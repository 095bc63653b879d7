"""The child-process check: same answers as in-process, limits and crashes become messages."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import threading
import time

import pytest

import loaders.sandbox as sandbox
from indicators.columnar import FigureColumns, from_bytes
from indicators.problems import DatasetError
from loaders import load_text
from loaders.sandbox import DRAFT_LIMITS, Cancelled, Limits, check_in_child
from tests.conftest import MINIMAL, ROOT, THEMES, imported_by, minimal_with


def _limits(**changes: object) -> Limits:
    values = {"cpu_seconds": 20, "memory_bytes": 1536 * 1024**2, "wall_seconds": 30.0,
              "max_bytes": 1_000_000, "what": "draft"}
    return Limits(**{**values, **changes})  # type: ignore[arg-type]


def _problems(content: str | bytes, limits: Limits = DRAFT_LIMITS) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        check_in_child(content, "draft.yaml", limits)
    return caught.value.lines()


def test_a_valid_draft_gives_the_same_data_as_in_process() -> None:
    checked, expected = check_in_child(MINIMAL, "draft.yaml", DRAFT_LIMITS), load_text(MINIMAL)
    assert isinstance(checked.dataset.figures, FigureColumns)  # Arrow, as the file's answer
    assert list(checked.dataset.figures) == expected.dataset.figures
    assert checked.dataset.model_copy(update={"figures": expected.dataset.figures}) == \
        expected.dataset
    assert checked.warnings == expected.warnings


@pytest.mark.parametrize("content", [
    MINIMAL.replace("value: 23096", "vaule: 23096"),
    MINIMAL.encode("utf-8").replace(b"Titre", b"Titr\xe9"),
    minimal_with("\ud800"),
], ids=["misspelled field", "invalid UTF-8 bytes", "lone surrogate in pasted text"])
def test_an_invalid_draft_gives_the_same_messages_as_in_process(content: str | bytes) -> None:
    with pytest.raises(DatasetError) as in_process:
        load_text(content, "draft.yaml")
    assert _problems(content) == in_process.value.lines()


def test_a_draft_over_the_cap_starts_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a child was started")

    monkeypatch.setattr(sandbox.subprocess, "Popen", refuse)
    assert _problems(b"#" * 1_000_001) == [
        "draft.yaml:1:1: the file is 1,000,001 bytes, over the 1,000,000-byte limit: "
        "split it or trim it"]


def test_a_draft_past_its_time_is_stopped_with_a_message() -> None:
    assert _problems(MINIMAL, _limits(wall_seconds=0.05)) == [
        "draft.yaml:1:1: this draft is too complex to check: it needed more than 0.05 s; "
        "split it into smaller files or remove repeated records"]


def test_a_draft_past_its_memory_is_stopped_with_a_message() -> None:
    figures = "".join(f"  - id: f{index}\n    indicator: ind\n    value: {index}\n"
                      f"    qualifier: exact\n    source: src\n    quote: \"{index} cas\"\n"
                      for index in range(3000))
    draft = MINIMAL.split("figures:\n")[0] + "figures:\n" + figures + THEMES
    assert _problems(draft, _limits(memory_bytes=40 * 1024**2)) == [
        "draft.yaml:1:1: this draft is too complex to check: it needed more than 40 MB of "
        "memory; split it into smaller files or remove repeated records"]


@pytest.mark.parametrize(("code", "message"), [
    (-signal.SIGXCPU, "this draft is too complex to check: it needed more than 20 s of "
                      "processor time; split it into smaller files or remove repeated records"),
    (-signal.SIGSEGV, "the check of this draft stopped unexpectedly (signal SIGSEGV): simplify "
                      "it (less nesting, fewer records) and try again"),
    (3, "the check of this draft stopped unexpectedly (exit status 3): simplify it (less "
        "nesting, fewer records) and try again"),
])
def test_a_dead_child_is_a_message(code: int, message: str) -> None:
    with pytest.raises(DatasetError) as caught:
        sandbox._answer(code, b"", "draft.yaml", DRAFT_LIMITS)
    assert caught.value.lines() == [f"draft.yaml:1:1: {message}"]


class _Runs:
    """Unpickling this would call os.getpid: a stand-in for any code a pickle can run."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return os.getpid, ()


@pytest.mark.parametrize(("code", "out"), [
    (0, pickle.dumps(("valid", _Runs()))), (1, pickle.dumps(("invalid", _Runs()))),
    (0, b"ARROW1 garbage"), (1, b"\x80\x05garbage"), (1, b'{"file": "x"}'),
    (1, b'{"file": "x", "problems": [{"message": "m"}]}'), (1, b'["limit"]'),
    (1, b'{"limit": "disk"}'),
], ids=["pickle as valid", "pickle as invalid", "broken Arrow", "not JSON",
        "no problems", "a problem without its fields", "a list", "an unknown limit"])
def test_an_answer_that_is_not_a_dataset_is_refused(code: int, out: bytes) -> None:
    # A child taken over by a hostile file writes what it likes: nothing of it is run.
    with pytest.raises(DatasetError) as caught:
        sandbox._answer(code, out, "draft.yaml", DRAFT_LIMITS)
    assert caught.value.lines() == [
        "draft.yaml:1:1: the check of this draft stopped unexpectedly (an unreadable answer): "
        "simplify it (less nesting, fewer records) and try again"]


def test_a_closed_session_stops_its_check() -> None:
    started = time.monotonic()
    with pytest.raises(Cancelled):
        check_in_child(MINIMAL, "draft.yaml", DRAFT_LIMITS, cancelled=lambda: True)
    assert time.monotonic() - started < DRAFT_LIMITS.wall_seconds


def test_checks_past_the_slots_wait_then_say_the_server_is_busy(
        monkeypatch: pytest.MonkeyPatch) -> None:
    busy = threading.BoundedSemaphore(1)
    busy.acquire()  # every slot taken by other checks
    monkeypatch.setattr(sandbox, "_slots", busy)
    assert _problems(MINIMAL, _limits(wall_seconds=0.3)) == [
        "draft.yaml:1:1: the server is busy checking other files: try this draft again in a "
        "minute"]


def test_a_waiting_check_is_cancelled_when_its_session_goes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    busy = threading.BoundedSemaphore(1)
    busy.acquire()
    monkeypatch.setattr(sandbox, "_slots", busy)
    with pytest.raises(Cancelled):
        check_in_child(MINIMAL, "draft.yaml", DRAFT_LIMITS, cancelled=lambda: True)


def test_the_child_checks_a_file_without_pandas_or_arrows_compute_functions() -> None:
    # pyarrow asks pandas whether each column is a pandas object, and encoding plain texts
    # as dictionaries would import its compute functions: a third of a small check.
    command = [sys.executable, "-X", "importtime", "-m", "loaders.sandbox", "data.yaml",
               "1000000", "20", str(1536 * 1024**2), "text"]
    done = subprocess.run(command, input=MINIMAL.encode(), capture_output=True, check=True,
                          cwd=ROOT)
    assert done.stdout.startswith(b"ARROW1")
    assert list(from_bytes(done.stdout).dataset.figures) == load_text(MINIMAL).dataset.figures
    imported = imported_by(done.stderr.decode())
    assert "pyarrow.lib" in imported
    # A refused import is listed too: what pandas itself would import is never there.
    assert not {name for name in imported
                if name.startswith(("pandas.", "pyarrow.pandas", "pyarrow.compute",
                                    "pyarrow._compute"))}
