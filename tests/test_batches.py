"""Reading a file a batch of figures at a time gives what reading it whole gives, word for word."""

from pathlib import Path

import pytest

from benchmarks.generate import write
from indicators.columnar import to_bytes
from indicators.problems import DatasetError, Position
from indicators.validation import Validated, validate
from loaders import batches, load_text
from loaders.batches import BatchMap, _sections, load_in_batches
from loaders.yaml_file import read_text
from tests.conftest import FROZEN, MINIMAL


def _whole(text: str | bytes, name: str = "data.yaml") -> Validated:
    """The whole-file path: one node tree, the plain data, then validation."""
    document = read_text(text, name)
    return validate(document.data, document.source_map, name)


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    # Batches of 7: the frozen file's figures fall in many, and a warning in each.
    monkeypatch.setattr(batches, "FIGURES_PER_BATCH", 7)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(1000, tmp_path_factory.mktemp("generated") / "data.yaml")


@pytest.mark.parametrize("which", ["frozen", "generated"])
def test_batches_give_the_same_arrow_file_and_warnings(which: str, generated: Path) -> None:
    raw = (FROZEN if which == "frozen" else generated).read_bytes()
    batched = load_in_batches(raw, "data.yaml")
    assert batched is not None, "the file is read in batches"
    whole = _whole(raw)
    assert to_bytes(batched) == to_bytes(whole)
    assert batched.warnings == whole.warnings  # messages, paths, lines and columns
    assert any(warning.path[:1] == ("figures",) for warning in whole.warnings)


def _figure_text() -> str:
    return FROZEN.read_text(encoding="utf-8")


def _nth_figure_line(text: str, nth: int) -> int:
    """The 0-based line of the nth figure's `- id:`."""
    sections = _sections(text)
    assert sections is not None
    return sections.items[nth][1]


def _edit_line(text: str, line: int, old: str, new: str) -> str:
    lines = text.split("\n")
    assert old in lines[line], lines[line]
    lines[line] = lines[line].replace(old, new, 1)
    return "\n".join(lines)


def _broken() -> dict[str, str]:
    text = _figure_text()
    line = _nth_figure_line(text, 20)
    return {
        "syntax": _edit_line(text, line + 1, "indicator:", "indicator: [oops"),
        "unknown field": _edit_line(text, line + 1, "indicator:", "indicatr:"),
        "unknown indicator": _edit_line(text, line + 1, "indicator: ", "indicator: nope_"),
        "duplicate id": text.replace(text.split("\n")[line],
                                     text.split("\n")[_nth_figure_line(text, 3)]),
        "trap": _edit_line(text, line + 1, "indicator:", "rounded: yes\n    indicator:"),
        "anchor": _edit_line(text, line, "- id: ", "- &a id: "),
        "duplicate key": _edit_line(text, line, "- id: ", "- id: x\n    id: "),
        "two documents": text + "---\na: 1\n",
        "figures twice": text + "figures:\n  - id: z\n",
    }


@pytest.mark.parametrize("kind", list(_broken()))
def test_a_broken_file_says_every_problem_as_the_whole_path_does(kind: str) -> None:
    text = _broken()[kind]
    assert load_in_batches(text, "data.yaml") is None  # read whole, for the messages
    with pytest.raises(DatasetError) as whole:
        _whole(text)
    with pytest.raises(DatasetError) as loaded:
        load_text(text, "data.yaml")
    assert loaded.value.lines() == whole.value.lines()
    assert all(line.startswith("data.yaml:") for line in loaded.value.lines())


@pytest.mark.parametrize("where", ["frozen", "minimal"])
def test_a_quote_that_runs_over_an_item_line_is_read_as_the_whole_path_reads_it(
        where: str) -> None:
    # A quoted text may run over lines that look like a figure's `- id:`: the cut is checked
    # against what libyaml composed, and such a file is read whole.
    if where == "minimal":
        text = MINIMAL.replace('quote: "', 'quote: "Line one\n  - id: not-a-figure\n  ')
    else:
        text = _figure_text()
        text = _edit_line(text, _nth_figure_line(text, 20) + 1, "indicator: ",
                          'note: "a\n  - id: b"\n    indicator: ')
    assert load_in_batches(text, "data.yaml") is None
    assert to_bytes(load_text(text)) == to_bytes(_whole(text))


def test_an_empty_list_of_figures_is_read_whole() -> None:
    text = _figure_text().split("figures:")[0] + "figures: []\n"
    assert load_in_batches(text, "data.yaml") is None
    assert to_bytes(load_text(text)) == to_bytes(_whole(text))


def test_positions_are_found_again_in_the_figure_or_the_rest_of_the_file() -> None:
    text = MINIMAL
    sections = _sections(text)
    assert sections is not None
    found = BatchMap(text, sections)
    assert found.rest_data("data.yaml")["figures"] is None  # left blank, read in batches
    whole = read_text(text, "data.yaml").source_map
    for path, key in [(("figures", 0, "value"), False), (("figures", 0, "value"), True),
                      (("figures", 0, "nothing"), False), (("figures", 7), False),
                      (("figures",), False), (("figures",), True), (("sources", 0, "id"), False)]:
        assert found.locate(path, key=key) == whole.locate(path, key=key), path
    assert found.locate(("figures", 0, "value")) == Position(15, 12)
