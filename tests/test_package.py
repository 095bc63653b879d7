"""The data-package zip: CSV, datapackage.json valid for Frictionless, README on citing."""

import io
import json
import zipfile
from pathlib import Path

from frictionless import validate

from indicators.package import build_package
from indicators.table import COLUMNS, figure_rows, to_csv
from loaders import load_path
from tests.conftest import DATA


def _package(tmp_path: Path) -> Path:
    dataset = load_path(DATA).dataset
    rows = figure_rows(dataset, "fr")
    zipfile.ZipFile(io.BytesIO(build_package(dataset, rows))).extractall(tmp_path)
    return tmp_path


def test_zip_holds_csv_descriptor_and_readme(tmp_path: Path) -> None:
    folder = _package(tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == ["README.md", "datapackage.json",
                                                        "figures.csv"]
    dataset = load_path(DATA).dataset
    assert (folder / "figures.csv").read_bytes() == to_csv(figure_rows(dataset, "fr"))
    assert "## How to cite" in (folder / "README.md").read_text(encoding="utf-8")


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
                          "as_written", "locator", "note"]
    assert all(field.get("description") for field in fields[15:])
    assert next(f for f in fields if f["name"] == "value")["type"] == "number"
    assert len(descriptor["sources"]) == 41
    assert "licenses" not in descriptor  # no source states one; none is assumed
