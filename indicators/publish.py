"""The files published at stable addresses: CSV, French-Excel CSV, JSON, milestones, package."""

from __future__ import annotations

import io
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
    """The dataset as JSON, written as `json.dumps(document, indent=1)` would write it, but
    one figure at a time: a list of 100 000 figure dicts first was most of the server's
    peak when it published."""
    document: dict[str, Any] = {
        "version": release.version if release else None,
        "created": release.day.isoformat() if release else None,
        "license": LICENSE,
        "license_note": LICENSE_NOTE,
        **dataset.model_copy(update={"figures": []}).model_dump(mode="json", exclude_none=True),
    }
    buffer = io.BytesIO()  # written piece by piece: a list of the pieces doubled the peak
    for piece in _pieces(dataset, document):
        buffer.write(piece)
    return buffer.getvalue()


def _pieces(dataset: Dataset, document: dict[str, Any]) -> Iterator[bytes]:
    marker = '"figures": []'
    head, tail = _dumps(document).split(marker, 1)
    yield head.encode("utf-8")
    if not len(dataset.figures):
        yield (marker + tail).encode("utf-8")
        return
    yield b'"figures": [\n'
    for index, figure in enumerate(dataset.figures):
        text = _dumps(figure.model_dump(mode="json", exclude_none=True))
        yield (",\n" if index else "").encode("utf-8") + _indent(text).encode("utf-8")
    yield b"\n ]" + tail.encode("utf-8")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


def _indent(text: str) -> str:
    # An item of the top level's "figures" list stands two levels deep.
    return "\n".join("  " + line for line in text.split("\n"))
