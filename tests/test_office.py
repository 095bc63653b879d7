"""The CSV files opened by a real headless LibreOffice Calc: no cell becomes a formula."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from indicators.publish import published_files
from indicators.release import release_of
from indicators.table import COLUMNS, to_csv
from tests.conftest import Loader

pytestmark = pytest.mark.office

SOFFICE = os.environ.get("SOFFICE", "soffice")
# A first start builds the private profile; the conversions themselves take a second or two.
CONVERT_TIMEOUT_S = 180
# LibreOffice's CSV import options, the most formula-friendly a reader can tick: separator,
# text delimiter '"', UTF-8 (76), from line 1, standard column types, language, quoted
# fields not forced to text, special numbers detected, remove spaces (which turns " =1+1"
# into a formula), and evaluate formulas.
COMMA = "44,34,76,1,,1033,false,true,false,false,true,-1,true"
SEMICOLON = "59,34,76,1,,1036,false,true,false,false,true,-1,true"

# What a reader may not see before a sign, and the signs in every form a spreadsheet may read.
PREFIXES = ("", " ", "\t", "\r", "\n", "\u00a0", "\u202f", "\u3000", "\u200b", "\u200c",
            "\u200d", "\u200e", "\u200f", "\u2060", "\u2064", "\ufeff", "\u00ad", "\u061c",
            "\u202a", "\u202e", "\u2066", "\u2069", "\u034f", "\u3164", " \u200b\u00a0")
PAYLOADS = ("=1+1", '=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)",
            "\uff1d1+1", "\ufe661+1", "\uff0b1+1", "\ufe621+1", "\uff0d2+3", "\ufe632+3",
            "\u22122+3", "\uff20SUM(1)", "\ufe6bSUM(1)", "=\u03381+1")
HOSTILE = [prefix + payload for prefix in PREFIXES for payload in PAYLOADS]

_NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
       "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
       "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
_TABLE, _TEXT, _OFFICE = (f"{{{_NS[name]}}}" for name in ("table", "text", "office"))


def _require_soffice() -> str:
    found = shutil.which(SOFFICE)
    if found:
        return found
    message = f"LibreOffice not found as {SOFFICE}: apt-get install libreoffice-calc-nogui"
    if os.environ.get("CI"):
        pytest.fail(message)  # CI installs it: missing there is a broken pipeline
    pytest.skip(message)


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private LibreOffice profile, built once for the module: no reader's settings, no
    lock shared with a running Calc."""
    return tmp_path_factory.mktemp("libreoffice-profile")


def _convert(folder: Path, files: dict[str, bytes], options: str,
             profile: Path) -> dict[str, Path]:
    """Each CSV opened by Calc with these import options and saved as flat ODF (XML)."""
    soffice = _require_soffice()
    sources = folder / "csv"
    sources.mkdir(exist_ok=True)
    for name, data in files.items():
        (sources / name).write_bytes(data)
    out = folder / "fods"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         f"--infilter=CSV:{options}", "--convert-to", "fods", "--outdir", str(out),
         *(str(sources / name) for name in files)],
        check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S)
    return {name: out / f"{Path(name).stem}.fods" for name in files}


def _cell_text(element: ElementTree.Element) -> str:
    """A cell's or a paragraph's text as Calc holds it (spaces, tabs and breaks included)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1")))
        elif child.tag == f"{_TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{_TEXT}line-break":
            parts.append("\n")
        else:
            parts.append(_cell_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _cells(fods: Path) -> Iterator[tuple[int, int, dict[str, str], str]]:
    """Row, column, attributes and text of every cell of the first sheet."""
    sheet = ElementTree.parse(fods).find(".//table:table", _NS)
    assert sheet is not None, fods
    for row_number, row in enumerate(sheet.iter(f"{_TABLE}table-row")):
        column = 0
        for cell in row.iter(f"{_TABLE}table-cell"):
            text = "\n".join(_cell_text(p) for p in cell.findall("text:p", _NS))
            # Calc writes equal neighbours once, repeated: each is a cell of the CSV, but
            # the empty run that ends a row stands for a thousand columns, none of them.
            repeated = int(cell.get(f"{_TABLE}number-columns-repeated", "1"))
            for _ in range(repeated if text else 1):
                yield row_number, column, dict(cell.attrib), text
                column += 1
            column += 0 if text else repeated - 1


def _read(data: bytes, separator: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                           delimiter=separator))


def _as_calc_reads(cell: str) -> str:
    # Calc makes a carriage return a line break, and "remove spaces" trims the ASCII spaces.
    return cell.replace("\r\n", "\n").replace("\r", "\n").strip(" ")


def _assert_text_survives(fods: Path, data: bytes, separator: str) -> int:
    """No formula in the sheet; every guarded cell is the same text; values are numbers.
    Returns how many guarded cells were compared."""
    rows = _read(data, separator)
    compared = 0
    for row, column, attributes, text in _cells(fods):
        assert f"{_TABLE}formula" not in attributes, (fods.name, row, column, text)
        if row == 0 or row >= len(rows) or column >= len(rows[row]):
            continue
        written = rows[row][column]
        if rows[0][column] == "value":
            assert attributes.get(f"{_OFFICE}value-type") == "float", (fods.name, row, column)
        elif written.startswith("'"):
            assert attributes.get(f"{_OFFICE}value-type") == "string", (fods.name, row, text)
            assert text == _as_calc_reads(written), (fods.name, row, column)
            compared += 1
    return compared


def test_the_guard_is_what_stops_calc(tmp_path: Path, profile: Path) -> None:
    """The same cells written unguarded do become formulas with these options, one behind a
    space among them: the checks below can fail."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([["cell"], *([cell] for cell in HOSTILE)])
    raw = buffer.getvalue().encode("utf-8")
    fods = _convert(tmp_path, {"raw.csv": raw}, COMMA, profile)["raw.csv"]
    ran = {HOSTILE[row - 1] for row, _, attributes, _ in _cells(fods)
           if f"{_TABLE}formula" in attributes}
    assert {"=1+1", '=HYPERLINK("http://x")', " =1+1"} <= ran


def test_no_csv_cell_becomes_a_formula_in_calc(tmp_path: Path, profile: Path) -> None:
    rows = [{**dict.fromkeys(COLUMNS, cell), "value": -3} for cell in HOSTILE]
    comma, semicolon = to_csv(rows), to_csv(rows, separator=";", decimal=",")
    fods = _convert(tmp_path, {"rows.csv": comma}, COMMA, profile)
    fods |= _convert(tmp_path, {"rows-fr.csv": semicolon}, SEMICOLON, profile)
    text_columns = len(COLUMNS) - 1
    assert _assert_text_survives(fods["rows.csv"], comma, ",") == (
        len(HOSTILE) * text_columns)
    assert _assert_text_survives(fods["rows-fr.csv"], semicolon, ";") == (
        len(HOSTILE) * text_columns)


# Texts of the data that reach the published CSVs: a sign behind a blank or an invisible
# character, or in another form.
TITLE, PUBLISHER, LABEL = " =1+1", "\u200b+cmd", "\uff1d1+1"
NOTE, LOCATOR, EVENT = "\u00a0@SUM(1)", "\u2212 2+3", "\ufeff-2+3"
QUOTE = '    quote: "23 096 demandes ont reçu un avis favorable"\n'
MILESTONE = (f"milestones:\n  - id: m\n    date: \"2014\"\n    kind: policy\n"
             f"    label: {{fr: {json.dumps(EVENT)}, ar: تسمية, en: Label}}\n"
             f"    source: src\n    quote: \"En 2014\"\n")


def test_no_published_file_holds_a_formula_in_calc(load: Loader, tmp_path: Path,
                                                    profile: Path) -> None:
    dataset = load(("title: Titre", f"title: {json.dumps(TITLE)}"),
                   ("    language: fr\n", f"    language: fr\n    publisher: "
                    f"{json.dumps(PUBLISHER)}\n"),
                   ("{fr: Libellé,", f"{{fr: {json.dumps(LABEL)},"),
                   (QUOTE, f"{QUOTE}    note: {json.dumps(NOTE)}\n"
                    f"    locator: {json.dumps(LOCATOR)}\n{MILESTONE}")).dataset
    published = dict(published_files(dataset, release_of(b"bytes", date(2026, 11, 23))))
    package = zipfile.ZipFile(io.BytesIO(published["datapackage.zip"]))
    comma = {"indicators.csv": published["indicators.csv"],
             "milestones.csv": published["milestones.csv"],
             "package-figures.csv": package.read("figures.csv"),
             "package-milestones.csv": package.read("milestones.csv")}
    fods = _convert(tmp_path, comma, COMMA, profile)
    fods |= _convert(tmp_path, {"excel-fr.csv": published["indicators-excel-fr.csv"]},
                     SEMICOLON, profile)
    guarded = {name: _assert_text_survives(fods[name], data, ",")
               for name, data in comma.items()}
    guarded["excel-fr.csv"] = _assert_text_survives(
        fods["excel-fr.csv"], published["indicators-excel-fr.csv"], ";")
    # title, publisher, label, note and locator in each figure file; the event's label, title
    # and publisher in each timeline
    assert guarded == {"indicators.csv": 5, "package-figures.csv": 5, "excel-fr.csv": 5,
                       "milestones.csv": 3, "package-milestones.csv": 3}
