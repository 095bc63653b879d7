"""Property-based: any text, any mutation of the real file, gives the project's error or data."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.problems import DatasetError
from indicators.validation import Validated
from loaders import load_text
from tests.conftest import FROZEN

REAL = FROZEN.read_text(encoding="utf-8")
REAL_LINES = REAL.splitlines(keepends=True)
# Generous per-example bound: a hang or a quadratic blow-up fails, a slow CI machine does not.
SETTINGS = settings(max_examples=150, deadline=timedelta(seconds=5),
                    suppress_health_check=[HealthCheck.too_slow])
# YAML's indicators, digits, the words of its traps, and the spaces and digits of the sources.
YAML_ALPHABET = st.sampled_from(
    list(" \n\t:-[]{},&*!|>'\"#%@`?~=+.0123456789aNOyesnul\u00a0\u202fé٣"))


def _outcome(text: str | bytes) -> Validated | None:
    """Load; only DatasetError may escape, and each of its problems has a line and column."""
    try:
        return load_text(text, "draft.yaml")
    except DatasetError as error:
        assert error.problems
        for line in error.lines():
            file, row, column, *_ = line.split(":")
            assert file == "draft.yaml"
            assert int(row) >= 1 and int(column) >= 1
        return None


@SETTINGS
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    _outcome(text)


@SETTINGS
@given(st.text(alphabet=YAML_ALPHABET, max_size=300))
def test_yaml_like_text(text: str) -> None:
    _outcome(text)


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    _outcome(data)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = list(REAL_LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        operation = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "indent",
                                          "truncate", "replace"]))
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, lines[index])
        elif operation == "insert":
            lines.insert(index, draw(st.text(alphabet=YAML_ALPHABET, max_size=40)) + "\n")
        elif operation == "swap":
            other = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "indent":
            lines[index] = " " + lines[index]
        elif operation == "truncate":
            lines = lines[:index]
        else:
            line = lines[index]
            at = draw(st.integers(min_value=0, max_value=max(len(line) - 1, 0)))
            lines[index] = line[:at] + draw(YAML_ALPHABET) + line[at + 1:]
        if not lines:
            break
    return "".join(lines)


@SETTINGS
@given(mutated())
def test_mutations_of_the_real_file(text: str) -> None:
    _outcome(text)


def test_the_real_file_itself_loads() -> None:
    assert _outcome(REAL) is not None
