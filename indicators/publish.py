"""The files published at stable addresses: CSV, French-Excel CSV, JSON, milestones, package."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from indicators.models import Dataset
from indicators.package import package_of
from indicators.release import LICENSE, LICENSE_NOTE, Release
from indicators.table import (
    MILESTONE_COLUMNS,
    columns_for,
    iter_figure_rows,
    milestone_rows,
    to_csv,
)

# File names under the server's /app/static/: part of the product's contract with scripts.
CSV = "indicators.csv"
EXCEL_FR = "indicators-excel-fr.csv"
JSON = "indicators.json"
MILESTONES = "milestones.csv"
PACKAGE = "datapackage.zip"
# Every published file, in the order the explorer lists their addresses.
PUBLISHED = (CSV, EXCEL_FR, JSON, MILESTONES, PACKAGE)


def published_files(dataset: Dataset, release: Release | None) -> Iterator[tuple[str, bytes]]:
    """Every published file's name and bytes, one at a time; the CSV is exactly what
    `indicators export` writes.

    Made one after the other from rows made as they are written, so that a writer holds one
    file at a time and never a list of rows: made together from a list, they added some
    290 MB to the server's peak at 100 000 figures.
    """
    columns = columns_for(dataset)
    figures = to_csv(iter_figure_rows(dataset, "fr"), columns)
    yield CSV, figures
    yield PACKAGE, package_of(dataset, figures, columns, len(dataset.figures), release)
    del figures
    yield EXCEL_FR, to_csv(iter_figure_rows(dataset, "fr"), columns, separator=";",
                           decimal=",")
    yield MILESTONES, to_csv(milestone_rows(dataset), MILESTONE_COLUMNS)
    yield JSON, _json(dataset, release)


def _json(dataset: Dataset, release: Release | None) -> bytes:
    document: dict[str, Any] = {
        "version": release.version if release else None,
        "created": release.day.isoformat() if release else None,
        "license": LICENSE,
        "license_note": LICENSE_NOTE,
        **dataset.model_copy(update={"figures": []}).model_dump(mode="json", exclude_none=True),
    }
    # The figures dumped one at a time: they may be columns, made into models on demand.
    document["figures"] = [figure.model_dump(mode="json", exclude_none=True)
                           for figure in dataset.figures]
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
