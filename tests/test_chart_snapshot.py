"""Every chart of every view, in fr, ar and en, is the chart it was when the snapshot was taken.

A moved module or a renamed helper must not change what a reader sees. The page reads the
frozen copy of the curated file (tests/fixtures/frozen.yaml, conftest's page_environment),
so an editorial change of the real file does not move the snapshot. After an intended change
of a chart, write the new snapshot with
`UPDATE_CHART_SNAPSHOT=1 python -m pytest tests/test_chart_snapshot.py` and say in the commit
what changed and why.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

pytestmark = pytest.mark.apptest

FIXTURES = Path(__file__).parent / "fixtures"
SNAPSHOT = FIXTURES / "chart_specs.json"
LANGUAGES = ("fr", "ar", "en")


def _views() -> list[str]:
    return ["regularisation", "voluntary_return", "civil_society", "international_cooperation",
            "local_integration", "timeline"]


def _fingerprints(view: str, language: str) -> list[str]:
    """One hash per chart, in page order: of its plotly spec with keys sorted, without the
    default template."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["lang"] = language
    app.query_params["view"] = view
    app.run()
    assert not app.exception
    specs = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    for spec in specs:  # plotly's default theme, which differs between its versions
        spec.get("layout", {}).pop("template", None)
    return [hashlib.sha256(json.dumps(spec, sort_keys=True, ensure_ascii=False).encode())
            .hexdigest()[:16] for spec in specs]


def test_every_chart_is_the_chart_of_the_snapshot() -> None:
    found = {f"{view}/{language}": _fingerprints(view, language)
             for view in _views() for language in LANGUAGES}
    if os.environ.get("UPDATE_CHART_SNAPSHOT") == "1":
        SNAPSHOT.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    changed = sorted(key for key in expected | found if expected.get(key) != found.get(key))
    assert not changed, f"charts differ from the snapshot in: {', '.join(changed)}"
    assert sum(map(len, found.values())) >= 30  # the snapshot holds every chart, not none
