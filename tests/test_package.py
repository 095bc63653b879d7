"""The data-package zip: CSV, datapackage.json valid for Frictionless, README on citing."""

import io
import json
import zipfile
from datetime import date
from pathlib import Path

from frictionless import validate

from indicators.package import build_package
from indicators.release import release_of
from indicators.table import COLUMNS, figure_rows, to_csv
from loaders import load_path
from tests.conftest import DATA

RELEASE = release_of(b"the data file's bytes", date(2026, 11, 23))


def _package(tmp_path: Path) -> Path:
    dataset = load_path(DATA).dataset
    rows = figure_rows(dataset, "fr")
    zipfile.ZipFile(io.BytesIO(build_package(dataset, rows, RELEASE))).extractall(tmp_path)
    return tmp_path


def test_zip_holds_csv_descriptor_and_readme(tmp_path: Path) -> None:
    folder = _package(tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == ["README.md", "datapackage.json",
                                                        "figures.csv", "milestones.csv"]
    dataset = load_path(DATA).dataset
    assert (folder / "figures.csv").read_bytes() == to_csv(figure_rows(dataset, "fr"))
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "## How to cite" in readme
    assert f"Moroccan migration indicators, version {RELEASE.version}." in readme
    assert "CC BY 4.0" in readme


def test_a_package_is_versioned_licensed_and_holds_the_timeline(tmp_path: Path) -> None:
    descriptor = json.loads((_package(tmp_path) / "datapackage.json").read_text("utf-8"))
    assert descriptor["version"] == RELEASE.version
    assert RELEASE.version.startswith("2026-11-23+") and len(RELEASE.version) == 18
    assert descriptor["created"] == "2026-11-23T00:00:00Z"
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["contributors"]
    milestones = next(r for r in descriptor["resources"] if r["name"] == "milestones")
    assert milestones["path"] == "milestones.csv"
    assert [f["name"] for f in milestones["schema"]["fields"]][:3] == ["milestone_id", "date",
                                                                       "kind"]


def test_descriptor_is_a_valid_data_package(tmp_path: Path) -> None:
    folder = _package(tmp_path)
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


def test_descriptor_types_and_sources(tmp_path: Path) -> None:
    descriptor = json.loads((_package(tmp_path) / "datapackage.json").read_text("utf-8"))
    fields = descriptor["resources"][0]["schema"]["fields"]
    names = [field["name"] for field in fields]
    assert names[:15] == list(COLUMNS)
    assert names[15:] == ["figure_id", "breakdown_campaign", "breakdown_region",
                          "breakdown_country", "breakdown_applicant_group", "as_of", "restates",
                          "as_written", "locator", "note", "note_language"]
    assert all(field.get("description") for field in fields[15:])
    assert next(f for f in fields if f["name"] == "value")["type"] == "number"
    assert len(descriptor["sources"]) == 41
