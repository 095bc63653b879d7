"""Hostile input, one case per row: each bad file gets its exact message and exit 1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from indicators.__main__ import main
from indicators.problems import public_name
from indicators.text import excerpt
from loaders import MAX_BYTES
from tests.conftest import MINIMAL, PASSWD, ROOT, THEMES, Loader, minimal_with

FIGURE_LINE = 13  # `  - id: fig` in MINIMAL
# A hang guard, not a benchmark: every case here answers in well under a second (a subprocess
# in about one), while the bugs they pin down took minutes or never returned.
HANG_SECONDS = 10


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    """Fail any case still running after HANG_SECONDS instead of hanging the suite."""

    def _hung(signum: int, frame: FrameType | None) -> None:
        pytest.fail(f"a hostile case ran for more than {HANG_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, _hung)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _edit(*replacements: tuple[str, str]) -> str:
    text = MINIMAL
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


MILESTONE = """\
milestones:
  - id: ms
    date: {date}
    kind: report
    label: {{fr: Rapport, ar: تقرير, en: Report}}
    source: src
    quote: "Le rapport"
"""
REPEATED_FIGURE = """\
  - id: fig2
    indicator: ind
    value: 23096
    qualifier: exact
    source: src
    quote: "23 096 demandes ont reçu un avis favorable"
"""
CEILING = "the value must be between -1 000 000 000 000 and 1 000 000 000 000"


def _value(value: str, words: str | None = None) -> str:
    """MINIMAL with another value, which its quote writes (or spells in `words`)."""
    field = f"value: {value}" + (f"\n    value_in_words: {words}" if words else "")
    quote = f"{words or value} demandes"
    return _edit(("value: 23096", field), ("23 096 demandes", quote))


ALIAS_BOMB = "\n".join(
    ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]) + "\n"

# (case, file content, first error line printed by `validate`)
CASES: list[tuple[str, str | bytes, str]] = [
    ("syntax: unclosed quote", _edit(("quote: \"23 096", "quote: \"23 096\n  oops: \"")),
     "data.yaml:19:11: syntax: the quote opened at line 18, column 12 is not closed on its "
     "line, so it runs on to this one: close it on line 18 with \""),
    ("syntax: tab indentation", _edit(("    value: 23096", "\tvalue: 23096")),
     "data.yaml:15:1: syntax: a tab is used for indentation: indent with spaces only"),
    ("duplicate top-level key", minimal_with("figures: []\n"),
     "data.yaml:19:1: figures: duplicate key 'figures' (first at line 12): YAML would silently "
     "keep only the last one"),
    ("duplicate key in a figure", _edit(("    qualifier: exact\n",
                                          "    qualifier: exact\n    qualifier: more_than\n")),
     "data.yaml:17:5: figures.0.qualifier: duplicate key 'qualifier' (first at line 16): YAML "
     "would silently keep only the last one"),
    ("duplicate key in a label", _edit(("{fr: Libellé,", "{fr: Libellé, fr: Autre,")),
     "data.yaml:10:26: indicators.0.label.fr: duplicate key 'fr' (first at line 10): YAML "
     "would silently keep only the last one"),
    ("misspelled field", _edit(("value: 23096", "vaule: 23096")),
     "data.yaml:13:5: figures.0.value: missing required field 'value'"),
    ("unknown field", _edit(("    source: src\n    quote", "    source: src\n    colour: red\n"
                                                          "    quote")),
     "data.yaml:18:5: figures.0.colour: unknown field 'colour'; known fields: as_of, "
     "as_written, breakdown, id, indicator, locator, note, period, qualifier, quote, rank, "
     "rank_reason, restates, rounded, source, status, value, value_in_words"),
    ("value as text", _edit(("value: 23096", "value: \"23096\"")),
     "data.yaml:15:12: figures.0.value: the value must be a number written without quotes, "
     "not '23096'"),
    ("value with a space", _edit(("value: 23096", "value: 23 096")),
     "data.yaml:15:12: figures.0.value: '23 096' is not a number: write 23096 (no thousands "
     "separator)"),
    ("list where text is expected", _edit(("title: Titre", "title: [a, b]")),
     "data.yaml:4:12: sources.0.title: Input should be a valid string"),
    ("number where text is expected", _edit(("{fr: Libellé,", "{fr: 2016,")),
     "data.yaml:10:17: indicators.0.label.fr: Input should be a valid string (got 2016)"),
    ("quote does not write the value", _edit(("value: 23096", "value: 23069")),
     "data.yaml:18:12: figures.0.quote: the quote does not write the value 23069; copy the "
     "sentence that holds it, or give value_in_words if the source spells it in words"),
    ("lower bound marked exact", _edit(("value: 23096", "value: 12000"),
                                       ("23 096 demandes", "plus de 12 000 demandes")),
     "data.yaml:16:16: figures.0.qualifier: the quote says 'plus de' next to the value but the "
     "qualifier is exact: set qualifier: more_than"),
    ("javascript link", _edit(("    language: fr\n", "    language: fr\n"
                                                     "    url: javascript:alert(1)\n")),
     "data.yaml:6:10: sources.0.url: links must start with http:// or https:// and name a "
     "host: 'javascript:alert(1)'"),
    ("file link", _edit(("    language: fr\n", "    language: fr\n    url: file:///etc/passwd\n")),
     "data.yaml:6:10: sources.0.url: links must start with http:// or https:// and name a "
     "host: 'file:///etc/passwd'"),
    ("empty file", "", "data.yaml:1:1: the file is empty: it needs schema_version, sources, "
                       "indicators and figures"),
    ("only comments", "# nothing\n", "data.yaml:1:1: the file is empty: it needs "
                                     "schema_version, sources, indicators and figures"),
    ("alias bomb", ALIAS_BOMB, "data.yaml:1:5: a1.0: anchors and aliases (&name, *name) are "
                               "not allowed: write the value out in full"),
    ("merge key", _edit(("  - id: fig\n", "  - <<: {id: x}\n    id: fig\n")),
     "data.yaml:13:5: figures.0.<<: merge keys (<<) are not allowed: write the fields out in "
     "full"),
    ("python tag", _edit(("title: Titre", "title: !!python/object/apply:os.system [ls]")),
     "data.yaml:4:12: sources.0.title: tags such as "
     "'tag:yaml.org,2002:python/object/apply:os.system' are not allowed"),
    ("NO becoming false", _edit(("language: fr", "language: NO")),
     "data.yaml:5:15: sources.0.language: 'NO' is read as true/false by YAML 1.1: write true "
     "or false, or quote it as text: \"NO\""),
    ("010 becoming 8", _edit(("value: 23096", "value: 010")),
     "data.yaml:15:12: figures.0.value: '010' has a leading zero, which YAML 1.1 reads as an "
     "octal number: write it without the zero, or quote it as text: \"010\""),
    ("1e3", _edit(("value: 23096", "value: 1e3")),
     "data.yaml:15:12: figures.0.value: '1e3' is text for YAML 1.1 but a number for YAML 1.2: "
     "write the number out in full (1e3 is 1000), or quote it as text"),
    ("unquoted date where a date is expected, impossible",
     _edit(("    language: fr\n", "    language: fr\n    published: 2016-02-30\n")),
     "data.yaml:6:16: sources.0.published: '2016-02-30' is not a real day: 2016-02 has 29 days"),
    ("invalid UTF-8", MINIMAL.encode("utf-8").replace(b"Titre", b"Titr\xe9"),
     "data.yaml:4:16: byte 0xe9 is not valid UTF-8: save the file as UTF-8"),
    ("negative count", _edit(("value: 23096", "value: -5"), ("23 096 demandes", "-5 demandes")),
     "data.yaml:15:12: figures.0.value: a count cannot be negative, not -5"),
    # Qualifier phrases, in both directions and with any spacing.
    *[(f"qualifier phrase {words!r} marked {qualifier}",
       _edit(("value: 23096", "value: 12000"), ("qualifier: exact", f"qualifier: {qualifier}"),
             ("23 096 demandes ont reçu un avis favorable", words)),
       f"data.yaml:16:16: figures.0.qualifier: the quote says '{marker}' next to the value but "
       f"the qualifier is {qualifier}: set qualifier: {fix}")
      for words, qualifier, marker, fix in (
          ("moins de 12 000 demandes", "more_than", "moins de", "less_than"),
          ("plus  de 12 000 demandes", "exact", "plus de", "more_than"),
          ("plus\u00a0de 12 000 demandes", "exact", "plus de", "more_than"),
          ("12 000 et plus", "exact", "et plus", "more_than"))],
    # Quotes whose numbers only contain the value, never write it as a whole token.
    *[(f"value {value} not written by {quote!r}",
       _edit(("value: 23096", f"value: {value}"),
             ("23 096 demandes ont reçu un avis favorable", quote)),
       f"data.yaml:18:12: figures.0.quote: the quote does not write the value {value}; copy "
       "the sentence that holds it, or give value_in_words if the source spells it in words")
      for value, quote in ((12000, "12 000 000 demandes"), (1000, "1.000.000 demandes"),
                           (83, "83,5 % des demandes"), (23096, "23 096,5 demandes"),
                           (23096, "23  096 demandes"), (23096, "23\u200b096 demandes"),
                           (23096, "23\u2007096 demandes"))],
    # Values that used to validate and then crash Babel, pandas, num2words or the walker.
    ("count of 10^28 (Babel)", _value("1" + "0" * 28),
     f"data.yaml:15:12: figures.0.value: {CEILING}, not 1{'0' * 28}"),
    ("count of 2^63 (pandas)", _value(str(2**63)),
     f"data.yaml:15:12: figures.0.value: {CEILING}, not 9223372036854775808"),
    ("count beyond float64's exact integers (CSV)", _value("9007199254740993"),
     f"data.yaml:15:12: figures.0.value: {CEILING}, not 9007199254740993"),
    ("count of 5001 digits (int-string limit)", _value("1" + "0" * 5000),
     "data.yaml:15:12: figures.0.value: '100000000000…' has 5001 digits: a figure is at most "
     "1 000 000 000 000"),
    ("float of 400 digits (inf)", _value("1" * 400 + ".5"),
     "data.yaml:15:12: figures.0.value: '111111111111…' is too large to be a number: a figure "
     "is at most 1 000 000 000 000"),
    ("10^400 in words (num2words)", _value("1" + "0" * 400, words="dix"),
     "data.yaml:15:12: figures.0.value: '100000000000…' has 401 digits: a figure is at most "
     "1 000 000 000 000"),
    ("10^20 in words: refused before the checks", _value("1" + "0" * 20, words="cent"),
     f"data.yaml:15:12: figures.0.value: {CEILING}, not 1{'0' * 20}"),
    # Dates the page cannot draw.
    ("published in year 0", _edit(("    language: fr\n",
                                   "    language: fr\n    published: \"0000-05\"\n")),
     "data.yaml:6:16: sources.0.published: '0000-05' is in the year 0: dates must fall between "
     "1900 and 2100"),
    ("period ending in 2101", _edit(("    qualifier: exact\n",
                                     "    qualifier: exact\n    period: 2014/2101\n")),
     "data.yaml:17:13: figures.0.period: '2101' is in the year 2101: dates must fall between "
     "1900 and 2100"),
    ("milestone in 1899", minimal_with(MILESTONE.format(date="1899-12-31")),
     "data.yaml:21:11: milestones.0.date: '1899-12-31' is in the year 1899: dates must fall "
     "between 1900 and 2100"),
    ("the same figure twice", minimal_with(REPEATED_FIGURE),
     "data.yaml:19:5: figures.1: figures.1 repeats figures.0 ('fig'): same indicator, value, "
     "qualifier, period, source and quote; remove one"),
    # Characters an editor does not show, or that libyaml refuses.
    ("next line (U+0085) hiding a key", _edit(("title: Titre", "title: Titre\x85note: hidden")),
     "data.yaml:4:17: character U+0085 (next line) is a line break for YAML but invisible in "
     "most editors: remove it or write a real line break"),
    ("line separator (U+2028) in a quote", _edit(("23 096 demandes", "23 096\u2028demandes")),
     "data.yaml:18:19: character U+2028 (line separator) is a line break for YAML but "
     "invisible in most editors: remove it or write a real line break"),
    ("bell on line 5", _edit(("language: fr", "language: fr\x07")),
     "data.yaml:5:17: character U+0007 is not allowed in YAML: remove it"),
    ("complex key", _edit(("  - id: fig\n", "  - id: fig\n    ? [a]\n    : b\n")),
     "data.yaml:14:7: figures.0: a key must be a plain name"),
    ("terminal escape in a field name", _edit(("    source: src\n    quote",
                                               "    source: src\n    \"\\e[31mred\": x\n"
                                               "    quote")),
     "data.yaml:18:5: figures.0.\\x1b[31mred: unknown field '\\x1b[31mred'; known fields: "
     "as_of, as_written, breakdown, id, indicator, locator, note, period, qualifier, quote, "
     "rank, rank_reason, restates, rounded, source, status, value, value_in_words"),
    ("terminal escape in a link", _edit(("    language: fr\n", "    language: fr\n"
                                                              "    url: \"javascript:\\e[2J\"\n")),
     "data.yaml:6:10: sources.0.url: links must start with http:// or https:// and name a "
     "host: 'javascript:\\x1b[2J'"),
    # Text of another file in the data file's place: quoted short, never echoed whole.
    ("a system file in the data file's place", PASSWD,
     "data.yaml:1:1: Input should be a valid dictionary or instance of Dataset "
     "(got 'root:x:0:0:root:/root:/bin/bash daemon:…')"),
    ("a field name of a hundred characters", _edit(("    source: src\n",
                                                    f"    source: src\n    {'k' * 100}: 1\n")),
     f"data.yaml:18:5: figures.0.{'k' * 39}…: unknown field '{'k' * 39}…'; known fields: "
     "as_of, as_written, breakdown, id, indicator, locator, note, period, qualifier, quote, "
     "rank, rank_reason, restates, rounded, source, status, value, value_in_words"),
    ("a period of a hundred characters",
     _edit(("    qualifier: exact\n", f"    qualifier: exact\n    period: {'x' * 100}\n")),
     f"data.yaml:17:13: figures.0.period: '{'x' * 39}…' is not a date: write YYYY, YYYY-MM "
     "or YYYY-MM-DD"),
    ("a right-to-left override in a qualifier", _edit(("qualifier: exact",
                                                       "qualifier: \"ex\u202eact\"")),
     "data.yaml:16:16: figures.0.qualifier: Input should be 'exact', 'more_than', 'at_least', "
     "'approximately', 'less_than' or 'at_most' (got 'ex\\u202eact')"),
]


@pytest.mark.parametrize(("value", "expected"), [
    ("fig", "'fig'"),
    ("x" * 40, f"'{'x' * 40}'"),
    ("x" * 41, f"'{'x' * 39}…'"),
    ("ex\u202eact", "'ex\\u202eact'"),
    ("a\u200bb\nc", "'a\\u200bb\\nc'"),
    ("\u202e" * 10, "'" + "\\u202e" * 6 + "…'"),  # escapes count: the quote stays short
    ("it's", "\"it's\""),
    (2016, "2016"),
])
def test_a_quoted_value_is_short_and_shows_every_character(value: object, expected: str) -> None:
    assert excerpt(value) == expected


@pytest.mark.parametrize(("file", "expected"), [
    (str(ROOT / "data" / "indicators.yaml"), "data/indicators.yaml"),
    ("/srv/private/figures/indicators.yaml", "indicators.yaml"),
    (f"{ROOT}/../outside.yaml", "outside.yaml"),
    (f"{ROOT}-copy/data/indicators.yaml", "indicators.yaml"),
])
def test_a_page_names_a_data_file_by_its_place_in_the_repository(file: str,
                                                                  expected: str) -> None:
    assert public_name(file, ROOT) == expected


@pytest.mark.parametrize(("content", "expected"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_validate_rejects_with_the_exact_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        content: str | bytes, expected: str) -> None:
    path = tmp_path / "data.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "data.yaml"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines()[0] == expected
    assert "Traceback" not in captured.err


def test_file_over_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "data.yaml").write_bytes(b"# " + b"x" * MAX_BYTES)
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "data.yaml"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"data.yaml:1:1: the file is {MAX_BYTES + 2:,} bytes, over the {MAX_BYTES:,}-byte "
        "limit: split it or trim it")


def test_unquoted_date_where_text_is_expected_stays_text(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "data.yaml"
    path.write_text(_edit(("title: Titre", "title: 2016-05-02")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "data.yaml"]) == 0


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formula_dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from loaders import load_path

    text = _edit(("title: Titre", "title: \"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")\""),
                 ("    language: fr\n", "    language: fr\n    publisher: \"+cmd|' /C calc'!A0\"\n"
                                      "    note: \"\\tindented\"\n"),
                 ("{fr: Libellé,", "{fr: \"@SUM(A1:A9)\","),
                 ("quote: \"23 096", "quote: \"- 23 096 ; =1+1 \\r"))
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return load_path("data.yaml").dataset


def _cells(data: bytes, separator: str) -> list[str]:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                           delimiter=separator))
    return [cell for row in rows[1:] for cell in row]


def _is_number(cell: str) -> bool:
    try:
        float(cell.replace(",", "."))
    except ValueError:
        return False
    return True


def test_no_download_starts_a_formula(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import zipfile

    from indicators.package import build_package
    from indicators.table import figure_rows, to_csv

    dataset = _formula_dataset(tmp_path, monkeypatch)
    rows = figure_rows(dataset, "fr")
    packaged = zipfile.ZipFile(io.BytesIO(build_package(dataset, rows))).read("figures.csv")
    downloads = {"csv": (to_csv(rows), ","), "excel-fr": (to_csv(rows, separator=";",
                                                                 decimal=","), ";"),
                 "package": (packaged, ",")}
    for name, (data, separator) in downloads.items():
        cells = _cells(data, separator)
        dangerous = [c for c in cells if c.startswith(FORMULA_STARTS) and not _is_number(c)]
        assert dangerous == [], name
        assert "'=HYPERLINK(\"http://evil\",\"x\")" in cells
        assert "'@SUM(A1:A9)" in cells
        assert "'+cmd|' /C calc'!A0" in cells
        assert any(cell.startswith("'- 23 096") for cell in cells)


# libyaml's C composer recursed once per `[` and killed the process (exit 139) when the old
# depth estimate was fooled by closing brackets in a comment or a quoted string.
BRACKETS = 50_000
# (where the closing brackets stand, file, line of the opening ones)
ATTACKS: list[tuple[str, str, int]] = [
    ("in a comment", f"# {']' * BRACKETS}\na: {'[' * BRACKETS}\n", 2),
    ("in a double-quoted string", f"q: \"{']' * BRACKETS}\"\na: {'[' * BRACKETS}\n", 2),
    ("in a single-quoted string", f"q: '{']' * BRACKETS}'\na: {'[' * BRACKETS}\n", 2),
    ("in a block scalar", f"q: |\n  {']' * BRACKETS}\na: {'[' * BRACKETS}\n", 3),
]


@pytest.mark.parametrize(("attack", "line"), [case[1:] for case in ATTACKS],
                         ids=[case[0] for case in ATTACKS])
def test_closing_brackets_cannot_hide_deep_nesting(tmp_path: Path, attack: str,
                                                   line: int) -> None:
    (tmp_path / "data.yaml").write_text(attack, encoding="utf-8")
    # A subprocess: a crash of the C composer must fail this test, not end the test run.
    result = subprocess.run([sys.executable, "-m", "indicators", "validate", "data.yaml"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=HANG_SECONDS,
                            check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1, result.stderr[-500:]
    # The mapping is level 1 and the 32nd `[` (column 3 + 32) level 33.
    assert result.stderr.splitlines()[0] == f"data.yaml:{line}:35: nested deeper than 32 levels"


FIGURE = """\
  - id: {index}
    indicator: {indicator}
    value: {value}
    qualifier: exact
    source: src
    quote: "{value} demandes"
"""


def _figures(indicator: str, values: range, prefix: str) -> str:
    return "".join(FIGURE.format(index=f"{prefix}{i}", indicator=indicator, value=value)
                   for i, value in enumerate(values))


def test_thousands_of_conflicting_figures_give_one_warning(load: Loader) -> None:
    # Pairwise warnings made 4.5 million of these: 95 s and 1.5 GB.
    head = MINIMAL.split("figures:\n")[0]
    validated = load(text=f"{head}figures:\n{_figures('ind', range(1, 3001), 'i')}{THEMES}")
    assert [warning.format("data.yaml") for warning in validated.warnings] == [
        "data.yaml:15:12: figures.0.value: figures of 'ind' disagree (no period): "
        + ", ".join(f"{n + 1} in 'i{n}' (figures.{n})" for n in range(10)) + ", and 2990 more"]


def test_thousands_of_parts_are_compared_once_each(load: Loader) -> None:
    approved, filed = ("regularisation_applications_approved",
                       "regularisation_applications_filed")
    indicators = "".join(
        f"  - id: {name}\n    theme: regularisation\n    unit: count\n"
        "    label: {fr: a, ar: b, en: c}\n    definition: {fr: a, ar: b, en: c}\n"
        for name in (approved, filed))
    head = MINIMAL.split("indicators:\n")[0]
    text = (f"{head}indicators:\n{indicators}figures:\n"
            f"{_figures(approved, range(1, 3001), 'a')}{_figures(filed, range(1000, 4000), 'f')}"
            f"{THEMES}")
    validated = load(text=text)
    larger = [w for w in validated.warnings if "is larger than" in w.message]
    assert len(larger) == 2000  # every part over the smallest whole, once
    assert larger[0].message == (f"'{approved}' (1001) is larger than '{filed}' (1000) for "
                                 "no period")
