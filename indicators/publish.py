"""The files published at stable addresses: CSV, French-Excel CSV, JSON, milestones, package."""

from __future__ import annotations

import json
from typing import Any

from indicators.models import Dataset
from indicators.package import build_package
from indicators.release import LICENSE, LICENSE_NOTE, Release
from indicators.table import MILESTONE_COLUMNS, figure_rows, milestone_rows, to_csv

# File names under the server's /app/static/: part of the product's contract with scripts.
CSV = "indicators.csv"
EXCEL_FR = "indicators-excel-fr.csv"
JSON = "indicators.json"
MILESTONES = "milestones.csv"
PACKAGE = "datapackage.zip"
# Every published file, in the order the explorer lists their addresses.
PUBLISHED = (CSV, EXCEL_FR, JSON, MILESTONES, PACKAGE)


def published_files(dataset: Dataset, release: Release | None) -> dict[str, bytes]:
    """Every published file's bytes; the CSV is exactly what `indicators export` writes."""
    rows = figure_rows(dataset, "fr")
    return {
        CSV: to_csv(rows),
        EXCEL_FR: to_csv(rows, separator=";", decimal=","),
        JSON: _json(dataset, release),
        MILESTONES: to_csv(milestone_rows(dataset), MILESTONE_COLUMNS),
        PACKAGE: build_package(dataset, rows, release),
    }


def _json(dataset: Dataset, release: Release | None) -> bytes:
    document: dict[str, Any] = {
        "version": release.version if release else None,
        "created": release.day.isoformat() if release else None,
        "license": LICENSE,
        "license_note": LICENSE_NOTE,
        **dataset.model_dump(mode="json", exclude_none=True),
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
