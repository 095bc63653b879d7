"""`python -m indicators`: validate, export and schema, with exit codes and no traceback."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from indicators import checks
from indicators.__main__ import main
from indicators.models import Dataset
from indicators.problems import Problem
from tests.conftest import FROZEN, MINIMAL, ROOT, imported_by


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "indicators", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60, check=False)


def test_validate_prints_counts_and_warnings() -> None:
    result = _run("validate", "tests/fixtures/frozen.yaml")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("tests/fixtures/frozen.yaml: valid: 138 figures, 27 indicators, "
                             "41 sources, 10 milestones, 15 warning(s)\n")
    assert result.stderr.count("warning: tests/fixtures/frozen.yaml:") == 15


def test_validating_imports_no_pandas() -> None:
    # An editor runs validate after each edit: pandas (only the export's table needs it) was
    # half of its time.
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "indicators", "validate",
                             "tests/fixtures/frozen.yaml"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    imported = imported_by(result.stderr)
    assert "indicators.validation" in imported
    assert not {name for name in imported if name.partition(".")[0] == "pandas"}


def test_validate_reads_the_data_file_by_default() -> None:
    result = _run("validate")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"data/indicators\.yaml: valid: \d+ figures, \d+ indicators, \d+ "
                        r"sources, \d+ milestones, \d+ warning\(s\)\n", result.stdout)


def test_validate_broken_file_exits_1_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(MINIMAL.replace("value: 23096", "vaule: 23096"),
                                       encoding="utf-8")
    result = _run("validate", "bad.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "bad.yaml:13:5: figures.0.value: missing required field 'value'\n"
        "bad.yaml:15:5: figures.0.vaule: unknown field 'vaule'; did you mean 'value'?\n"
        "2 error(s); nothing was written.\n")
    assert "Traceback" not in result.stderr


def test_export_writes_the_csv(tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    assert main(["export", str(FROZEN), "--out", str(out), "--lang", "en"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfindicator_id,indicator,theme,value,unit,qualifier,")
    assert "Regularisation applications approved,Regularisation,23096,count,exact" in (
        data.decode("utf-8-sig"))


def test_export_of_a_broken_file_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [", encoding="utf-8")
    out = tmp_path / "figures.csv"
    assert main(["export", str(bad), "--out", str(out)]) == 1
    assert not out.exists()


def test_schema_command_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert main(["schema", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (ROOT / "data/indicators.schema.json").read_text(
        encoding="utf-8")


def test_an_internal_error_is_one_line_and_exit_2(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    def broken_check(dataset: Dataset) -> list[Problem]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(checks, "CHECKS", (*checks.CHECKS, broken_check))
    (tmp_path / "data.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "data.yaml"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("data.yaml: internal error while checking the file "
                            "(ZeroDivisionError): please report it\n")
