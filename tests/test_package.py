"""The data-package zip: CSV, datapackage.json valid for Frictionless, README on citing."""

import io
import json
import re
import zipfile
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from frictionless import validate
from markdown_it import MarkdownIt

from indicators.package import build_package
from indicators.release import release_of
from indicators.table import COLUMNS, figure_rows, to_csv
from indicators.text import markdown_link
from loaders import load_path
from tests.conftest import FROZEN, Loader

RELEASE = release_of(b"the data file's bytes", date(2026, 11, 23))


def _package(tmp_path: Path) -> Path:
    dataset = load_path(FROZEN).dataset
    rows = figure_rows(dataset, "fr")
    zipfile.ZipFile(io.BytesIO(build_package(dataset, rows, RELEASE))).extractall(tmp_path)
    return tmp_path


def test_zip_holds_csv_descriptor_and_readme(tmp_path: Path) -> None:
    folder = _package(tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == ["README.md", "datapackage.json",
                                                        "figures.csv", "milestones.csv"]
    dataset = load_path(FROZEN).dataset
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


# Every Markdown construct a title or a publisher could open, and the line breaks that could
# end the list item: each must read as the text it is.
HOSTILE_TITLE = ("[x](javascript:alert(1)) ![img](http://e.test/i.png) <script>alert(1)</script>"
                 " <!-- c --> *b* _i_ **s** ~~d~~ `code` | a | b | &amp; \\* www.e.test "
                 "https://e.test a@e.test :smile: $x$ [ref]\n# heading\n\n        code\n"
                 "1. item\n---\n> quote")
HOSTILE_PUBLISHER = "- item\n===\n<b>bold</b>"
HOSTILE_URL = "https://e.test/a>b<c`d\\e*f_g"  # a space is refused by the validator


def _readme_of(load: Loader) -> str:
    dataset = load(("title: Titre", f"title: {json.dumps(HOSTILE_TITLE)}"),
                   ("    language: fr\n", f"    language: fr\n    publisher: "
                    f"{json.dumps(HOSTILE_PUBLISHER)}\n    url: {json.dumps(HOSTILE_URL)}\n"),
                   ).dataset
    archive = zipfile.ZipFile(io.BytesIO(build_package(dataset, figure_rows(dataset, "fr"))))
    return archive.read("README.md").decode("utf-8")


def _one_line(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text)


def test_the_readme_writes_source_texts_as_text(load: Loader) -> None:
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(_readme_of(load))
    item = tokens[[t.type for t in tokens].index("bullet_list_open") + 3]
    assert item.type == "inline"
    children = item.children or []
    # The title's words that hold an address are inline code: text, never a link.
    assert [child.type for child in children][-3:] == ["link_open", "text", "link_close"]
    assert {child.type for child in children[:-3]} == {"text", "code_inline"}
    link, address, _ = children[-3:]
    assert "".join(child.content for child in children[:-3]) == (
        f"{_one_line(HOSTILE_PUBLISHER)}: {_one_line(HOSTILE_TITLE)} (date not stated) ")
    assert unquote(str(link.attrs["href"])) == unquote(address.content) == HOSTILE_URL
    assert [t.type for t in tokens].count("bullet_list_open") == 1
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert kinds.isdisjoint({"image", "html_inline", "html_block", "code_block", "fence",
                             "em_open", "strong_open", "s_open", "table_open", "hr"})


@pytest.mark.parametrize(("url", "written"), [
    ("https://e.test/a?b=1&c=2", "<https://e.test/a?b=1&c=2>"),
    ("https://e.test/a b>c<d", "<https://e.test/a%20b%3Ec%3Cd>"),
    ("http://e.test/\u00a0\tx", "<http://e.test/%C2%A0%09x>"),
    ("HTTPS://e.test/", "<HTTPS://e.test/>"),
    ("javascript:alert(1)", "javascript\\:alert\\(1\\)"),
    ("<script>", "\\<script\\>"),
])
def test_markdown_link(url: str, written: str) -> None:
    assert markdown_link(url) == written
