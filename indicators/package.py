"""A Frictionless Data Package (zip): the CSV, its datapackage.json, and a README on citing."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from typing import Any

from indicators.labels import UNITS
from indicators.models import Dataset, Source, Unit
from indicators.release import LICENSE, LICENSE_NOTE, Release, cite_dataset
from indicators.table import (
    BREAKDOWN_PREFIX,
    COLUMNS,
    MILESTONE_COLUMNS,
    milestone_rows,
    to_csv,
)
from indicators.text import markdown_line, markdown_link

NAME = "maroc-migration-indicators"
CSV_NAME = "figures.csv"
MILESTONES_NAME = "milestones.csv"
# Table Schema types of the CSV's columns; everything else is a string.
_NUMBERS = {"value": "number"}
_DESCRIPTIONS = {
    "indicator_id": "Stable identifier of the indicator.",
    "indicator": "The indicator's label in the chosen language.",
    "value": "The figure as the source gives it; read it with `qualifier`.",
    "unit": "One of: " + ", ".join(f"{unit.value} ({UNITS[unit]['en']})" for unit in Unit) + ".",
    "qualifier": "exact, more_than, at_least, approximately, less_than or at_most: "
                 "'more_than 12000' means the source says 'more than 12 000'.",
    "period": "ISO 8601 date or interval the value was true for; empty when the source "
              "does not say. '2004/..' reads 'since 2004'.",
    "source_url": "Address of the source text; empty when unknown.",
    "source_published": "Publication date of the source (ISO 8601, possibly partial); "
                        "empty when unknown.",
    "quote": "The source's own words that write the value, verbatim.",
    "quote_language": "Language of the quote (fr, ar or en).",
    "figure_id": "Stable identifier of the figure.",
    "as_of": "For a running count, the date it was taken (ISO 8601); empty for a figure that "
             "covers its whole period.",
    "restates": "The figure_id of the figure this row writes again (a headline repeating the "
                "body); empty for an original. Count originals only.",
    "as_written": "The value exactly as the source prints it, when only the numeral is kept "
                  "instead of a quote ('18.281').",
    "locator": "Where in the source the value stands ('3e paragraphe').",
    "note": "The curator's note on the figure: how it was read, what the source leaves open; "
            "in the file's language when the curator wrote one in it, else as written.",
    "note_language": "Language of the note (fr, ar or en); empty when there is no note.",
}
_BREAKDOWN = ("Which part of the total the row is, by {name} (a member id; for country an "
              "ISO 3166-1 alpha-2 code); empty for the total.")


def descriptor(dataset: Dataset, rows: int, columns: Sequence[str] = COLUMNS,
               release: Release | None = None) -> dict[str, Any]:
    """The datapackage.json contents for a CSV of `rows` figures with these columns."""
    fields = [_field(column) for column in columns]
    dated = ({"version": release.version, "created": f"{release.day.isoformat()}T00:00:00Z"}
             if release else {})
    return {
        **dated,
        "name": NAME,
        "title": "Moroccan migration indicators / Indicateurs de la migration au Maroc",
        "description": f"{rows} figures, each with its source and the verbatim quote that "
                       "gives it. Units and qualifiers are columns of their own.",
        "profile": "tabular-data-package",
        "sources": [_source(source.title or source.publisher or source.id, source.url)
                    for source in dataset.sources],
        "resources": [
            _csv_resource("figures", CSV_NAME, fields),
            _csv_resource("milestones", MILESTONES_NAME,
                          [_milestone_field(column) for column in MILESTONE_COLUMNS]),
        ],
        "licenses": [LICENSE],
        "contributors": [{"title": "Moroccan migration indicators curators", "role": "author"}],
        "sources_licence_note": LICENSE_NOTE,
    }


def _csv_resource(name: str, path: str, fields: list[dict[str, Any]]) -> dict[str, Any]:
    """A CSV of the package as `to_csv` writes it: UTF-8 with a BOM, CRLF, empty is missing."""
    return {"name": name, "path": path, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8-sig",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n"},
            "schema": {"fields": fields, "missingValues": [""]}}


def _field(column: str) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column, "type": _NUMBERS.get(column, "string")}
    if column in _DESCRIPTIONS:
        field["description"] = _DESCRIPTIONS[column]
    elif column.startswith(BREAKDOWN_PREFIX):
        field["description"] = _BREAKDOWN.format(name=column.removeprefix(BREAKDOWN_PREFIX))
    if column == "qualifier":
        field["constraints"] = {"enum": ["exact", "more_than", "at_least", "approximately",
                                         "less_than", "at_most"]}
    return field


def _milestone_field(column: str) -> dict[str, Any]:
    descriptions = {"date": "ISO 8601 date or interval of the event.",
                    "kind": "report, conference, agreement, policy or project.",
                    "quote": "The source's own words that date the event, verbatim."}
    field: dict[str, Any] = {"name": column, "type": "string"}
    if column in descriptions:
        field["description"] = descriptions[column]
    return field


def _source(title: str, url: str | None) -> dict[str, str]:
    return {"title": title, "path": url} if url else {"title": title}


def readme(dataset: Dataset, rows: int, release: Release | None = None) -> str:
    """How to read and cite the package."""
    sources = "\n".join(_source_line(source) for source in dataset.sources)
    return (
        "# Moroccan migration indicators\n\n"
        f"`{CSV_NAME}` holds {rows} figures, one per row, UTF-8 with a byte-order mark.\n"
        "Read `value` with `qualifier`: `more_than` 12000 means the source says "
        "\"more than 12 000\", never exactly 12 000.\n\n"
        "## How to cite\n\n"
        "Cite the original source of each figure, given on its row (publisher, title, "
        "address, publication date) with the quote, then this dataset:\n\n"
        "> " + cite_dataset(release) + " Figures curated from their sources with verbatim "
        "quotes. Data package `" + NAME + "`.\n\n"
        "## Licence\n\n" + LICENSE_NOTE + " " + LICENSE["path"] + "\n\n"
        "Unknown publishers, addresses and dates are left empty: they were not guessed.\n\n"
        "## Sources\n\n" + sources + "\n"
    )


def _source_line(source: Source) -> str:
    """A source as one list item: its texts escaped, so a title is never a link, an image or
    HTML in a Markdown viewer; its address a link whose text is the address."""
    publisher = markdown_line(source.publisher) if source.publisher else "Unknown publisher"
    title = markdown_line(source.title) if source.title else "title not shown"
    published = markdown_line(source.published) if source.published else "date not stated"
    address = f" {markdown_link(source.url)}" if source.url else ""
    return f"- {publisher}: {title} ({published}){address}"


def build_package(dataset: Dataset, rows: Sequence[Mapping[str, Any]],
                  release: Release | None = None) -> bytes:
    """The zip: figures.csv, milestones.csv, datapackage.json and README.md."""
    columns = list(rows[0].keys()) if rows else list(COLUMNS)
    return package_of(dataset, to_csv(rows), columns, len(rows), release)


def package_of(dataset: Dataset, figures_csv: bytes, columns: Sequence[str], rows: int,
               release: Release | None = None) -> bytes:
    """The zip around a figures CSV already written (of `rows` rows with these columns)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(CSV_NAME, figures_csv)
        archive.writestr(MILESTONES_NAME, to_csv(milestone_rows(dataset), MILESTONE_COLUMNS))
        archive.writestr("datapackage.json", json.dumps(
            descriptor(dataset, rows, columns, release), ensure_ascii=False, indent=2))
        archive.writestr("README.md", readme(dataset, rows, release))
    return buffer.getvalue()
