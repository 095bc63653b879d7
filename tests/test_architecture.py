"""Dependencies point one way: app.py -> views/ -> loaders/ -> indicators/."""

import ast
import graphlib
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

# `__main__` is an entry point like app.py: it may reach up to loaders.
LIBRARY = sorted(p for p in (ROOT / "indicators").rglob("*.py") if p.name != "__main__.py")
LOADERS = sorted((ROOT / "loaders").rglob("*.py"))
VIEWS = sorted((ROOT / "views").glob("*.py"))
# What every view may import of views/: what pages share, not another page.
SHARED = {"views", "views.address", "views.built", "views.components", "views.page_script",
          "views.styles"}
PAGES = sorted(path for path in VIEWS
               if f"views.{path.stem}" not in SHARED and path.name != "__init__.py")
# No module of the product grows past about this many lines.
MAX_LINES = 400


def _name(path: Path) -> str:
    """A module's path relative to the project, which tells apart `indicators/text.py` and
    `indicators/charts/text.py`."""
    return str(path.relative_to(ROOT))


def _modules(path: Path) -> set[str]:
    """Every module the file imports, by its full dotted name; `from a import b` counts as
    `a.b` too, as b may be a module."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return names


def _imports(path: Path) -> set[str]:
    return {name.split(".")[0] for name in _modules(path)}


@pytest.mark.parametrize("path", LIBRARY, ids=_name)
def test_indicators_imports_neither_streamlit_nor_yaml(path: Path) -> None:
    assert not _imports(path) & {"streamlit", "yaml", "loaders", "views"}


@pytest.mark.parametrize("path", LOADERS, ids=_name)
def test_loaders_do_not_draw(path: Path) -> None:
    assert not _imports(path) & {"streamlit", "views"}


def _pages_reached(path: Path) -> set[str]:
    """The page modules of views/ that the file imports."""
    pages = {f"views.{page.stem}" for page in PAGES}
    return {".".join(name.split(".")[:2]) for name in _modules(path)} & pages


@pytest.mark.parametrize("path", PAGES, ids=_name)
def test_a_view_imports_no_other_view(path: Path) -> None:
    """A page is added or removed alone: what pages share is in components, built, styles."""
    assert _pages_reached(path) - {f"views.{path.stem}"} == set()


@pytest.mark.parametrize("path", [p for p in VIEWS if p not in PAGES and p.stem != "__init__"],
                         ids=_name)
def test_what_pages_share_imports_no_page(path: Path) -> None:
    assert _pages_reached(path) == set()


def test_every_page_is_in_the_registry() -> None:
    assert _pages_reached(ROOT / "views" / "__init__.py") == {f"views.{p.stem}" for p in PAGES}


@pytest.mark.parametrize("path", [*LIBRARY, *LOADERS, *VIEWS], ids=_name)
def test_every_module_has_a_docstring(path: Path) -> None:
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", [ROOT / "app.py", *VIEWS, *LIBRARY, *LOADERS], ids=_name)
def test_no_module_of_the_product_grows_past_its_limit(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_the_checking_child_reads_no_catalog() -> None:
    # Every check of a draft or of a new version starts a child: parsing the three .po
    # catalogs there would cost each check for words it never writes, and what only the
    # server uses (Arrow's compute functions, pandas, plotly) its memory and start.
    done = subprocess.run(
        [sys.executable, "-c", "import sys, loaders.sandbox, loaders.history; "
                               "print(sorted(m for m in sys.modules if m in "
                               "('indicators.labels', 'indicators.formatting', 'streamlit', "
                               "'pyarrow.compute', 'pandas', 'plotly')))"],
        capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"


def test_planning_a_chart_draws_nothing() -> None:
    """Which comparisons a theme makes is plain data, tested without plotly."""
    assert "plotly" not in _imports(ROOT / "indicators" / "charts" / "plan.py")


def _module(path: Path) -> str:
    """`indicators/charts/plan.py` as `indicators.charts.plan`, a package as its folder."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_the_library_imports_without_a_cycle() -> None:
    """A module of a package never imports the package itself (its `__init__` imports it)."""
    modules = {_module(path) for path in LIBRARY}
    graph: dict[str, set[str]] = {}
    for path in LIBRARY:
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                # `from indicators import formatting` imports a module, not the package's names.
                found |= {f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in modules
                          else node.module for alias in node.names}
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
        graph[_module(path)] = found & modules - {_module(path)}
    graphlib.TopologicalSorter(graph).prepare()  # raises CycleError, naming the cycle
