"""Smoke test of the benchmarks: the generator writes valid data and one small run prints."""

import os
import subprocess
import sys
from pathlib import Path

from benchmarks.common import TreePeak, alternating, ratio
from benchmarks.generate import generate, write
from benchmarks.rerun import data_views, interactions
from loaders import load_path
from tests.conftest import FROZEN, ROOT


def test_generated_datasets_are_valid(tmp_path: Path) -> None:
    path = write(300, tmp_path / "synthetic.yaml")
    validated = load_path(path)
    assert len(validated.dataset.figures) == 300
    assert len(validated.dataset.sources) == 40
    assert any(figure.qualifier == "more_than" for figure in validated.dataset.figures)


def test_generation_is_reproducible() -> None:
    assert generate(50) == generate(50)


def test_one_small_benchmark_prints_its_table(tmp_path: Path) -> None:
    markdown = tmp_path / "tables.md"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--sizes", "200", "--only", "cold", "warm",
         "export", "--quick", "--markdown", str(markdown)], cwd=ROOT, capture_output=True,
        text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "cold load: read + validate + the figures' Arrow table" in result.stdout
    assert "C parse, GC paused" in result.stdout
    assert "through the child" in result.stdout and "read the Arrow file" in result.stdout
    # The same tables as Markdown, for docs/performance.md.
    written = markdown.read_text(encoding="utf-8")
    assert written.count("| figures |") == 3 and "| --- |" in written
    assert "ours (server path)" in result.stdout
    assert "export: built when a download button is clicked" in result.stdout
    lines = [line for line in result.stdout.splitlines() if line.strip().startswith("200")]
    assert len(lines) == 3


def test_ours_and_its_floor_alternate_so_that_drift_cancels() -> None:
    calls: list[str] = []
    results = alternating([lambda: calls.append("A") or 2.0, lambda: calls.append("B") or 1.0],
                          repetitions=4)
    assert "".join(calls) == "ABBAABBA"
    assert ratio(*results) == 2.0


def test_every_view_of_the_page_is_measured() -> None:
    """A view added to the registry gets its widgets measured, or fails here, not in review."""
    from views import registry_of

    views = registry_of(FROZEN)
    assert [*data_views(), "draft"] == list(views)
    themes = [view for view in views if view in {theme.id for theme in
                                                  load_path(FROZEN).dataset.themes}]
    assert themes and "policy" not in themes  # the policy figures are the timeline's
    # Language, then the view's own widgets: a theme's picker and its other comparisons.
    assert {view: len(interactions(view)) for view in data_views()} == {
        "overview": 1, **dict.fromkeys(themes, 3), "timeline": 2, "explorer": 2}


def test_tree_peak_sees_a_child_and_its_memory() -> None:
    child = subprocess.Popen([sys.executable, "-c",
                              "import time; block = bytearray(80_000_000); time.sleep(0.6)"])
    with TreePeak(os.getpid(), interval=0.02) as tree:
        child.wait(timeout=30)
    largest = tree.largest_child()
    assert largest is not None and largest[0].endswith("-c import time; block = "
                                                      "bytearray(80_000_000); time.sleep(0.6)")
    assert largest[1] >= 80
    assert tree.tree_peak_mb >= 80


def test_the_static_floor_page_serves_its_chart_gzipped(tmp_path: Path) -> None:
    import gzip
    import json
    import urllib.request

    from benchmarks.pages import static_page

    chart = json.dumps({"data": [{"type": "bar", "x": [1], "y": [2]}], "layout": {}})
    with static_page(chart, tmp_path / "static") as url:
        with urllib.request.urlopen(url) as response:
            assert b"plotly.min.js" in response.read()
        asked = urllib.request.Request(url.replace("index.html", "chart.json"),
                                       headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(asked) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert json.loads(gzip.decompress(response.read())) == json.loads(chart)
