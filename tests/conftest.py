"""Shared fixtures: a minimal valid dataset written inline, and a way to load variants of it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from indicators.validation import Validated
from loaders import load_path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "indicators.yaml"
# A copy of the curated file as it stood, for the tests of code: an editorial change of DATA
# never breaks them. DATA's own promises to readers are in test_dataset.py and test_schema.py.
FROZEN = ROOT / "tests" / "fixtures" / "frozen.yaml"

# Line numbers matter: tests assert `file:LINE:COL` against this text. Its themes come last,
# so that every line above keeps its number; `minimal_with` adds records before them.
BODY = """\
schema_version: 1
sources:
  - id: src
    title: Titre
    language: fr
indicators:
  - id: ind
    theme: regularisation
    unit: count
    label: {fr: Libellé, ar: تسمية, en: Label}
    definition: {fr: Définition, ar: تعريف, en: Definition}
figures:
  - id: fig
    indicator: ind
    value: 23096
    qualifier: exact
    source: src
    quote: "23 096 demandes ont reçu un avis favorable"
"""
THEMES = """\
themes:
  - id: regularisation
    label: {fr: Régularisation, ar: التسوية, en: Regularisation}
    description: {fr: Description, ar: وصف, en: Description}
"""
MINIMAL = BODY + THEMES


def themes_of(*ids: str) -> str:
    """A `themes:` block declaring these themes, for a dataset written in a test."""
    return "themes:\n" + "".join(
        f"  - id: {theme}\n    label: {{fr: {theme}, ar: {theme}, en: {theme}}}\n"
        f"    description: {{fr: D, ar: D, en: D}}\n" for theme in dict.fromkeys(ids))


def minimal_with(extra: str) -> str:
    """MINIMAL with `extra` written after its figure (more figures, or anything to append)
    and before its themes, so that lines keep the numbers they have in MINIMAL."""
    return BODY + extra + THEMES
# The start of /etc/passwd: another file in the data file's place, which YAML reads as one text.
PASSWD = ("root:x:0:0:root:/root:/bin/bash\n"
          "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
          "bin:x:2:2:bin:/bin:/usr/sbin/nologin\n")

Loader = Callable[..., Validated]


def imported_by(stderr: str) -> set[str]:
    """The modules a process run with `-X importtime` imported, or tried to (a refused
    import is listed too), read from what it wrote to its standard error."""
    return {line.rpartition("|")[2].strip() for line in stderr.splitlines()
            if line.startswith("import time:")}


@pytest.fixture(scope="session", autouse=True)
def page_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The page as the tests run it (AppTest, a test's own server): it reads FROZEN, so an
    editorial change of the real file moves none of them, and keeps its cache and published
    files in a folder of this run, never the work tree's nor another run's. A test about
    another file sets INDICATORS_DATA itself; this is what it comes back to."""
    folder = tmp_path_factory.mktemp("page")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INDICATORS_DATA", str(FROZEN))
        patch.setenv("INDICATORS_CACHE_DIR", str(folder / "cache"))
        patch.setenv("INDICATORS_STATIC_DIR", str(folder / "static"))
        yield folder


@pytest.fixture(scope="session", autouse=True)
def components_scanned_once() -> Iterator[None]:
    """Every new AppTest scans the installed packages for Streamlit components (85 ms, the
    metadata of every distribution read again); the packages do not change during a run, so
    the first scan's answer serves the others."""
    from streamlit.components.v2 import manifest_scanner

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(manifest_scanner, "scan_component_manifests",
                      functools.cache(manifest_scanner.scan_component_manifests))
        yield


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str], Path]:
    """Write YAML text to `data.yaml` in a temporary folder; return its path."""

    def _write(text: str) -> Path:
        path = tmp_path / "data.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def load(write: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> Loader:
    """Load MINIMAL with replacements applied, reporting the file as `data.yaml`."""

    def _load(*replacements: tuple[str, str], text: str | None = None) -> Validated:
        body = MINIMAL if text is None else text
        for old, new in replacements:
            assert old in body, f"test setup: {old!r} not in the YAML"
            body = body.replace(old, new, 1)
        path = write(body)
        monkeypatch.chdir(path.parent)
        return load_path("data.yaml")

    return _load
