"""Dependencies point one way: app.py -> loaders/ -> indicators/."""

import ast
import graphlib
from pathlib import Path

import pytest

from tests.conftest import ROOT

# `__main__` is an entry point like app.py: it may reach up to loaders.
LIBRARY = sorted(p for p in (ROOT / "indicators").rglob("*.py") if p.name != "__main__.py")


def _name(path: Path) -> str:
    """A module's path relative to the project, which tells apart `indicators/text.py` and
    `indicators/charts/text.py`."""
    return str(path.relative_to(ROOT))


def _imports(path: object) -> set[str]:
    tree = ast.parse((ROOT / str(path)).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", LIBRARY, ids=_name)
def test_indicators_imports_neither_streamlit_nor_yaml(path: object) -> None:
    assert not _imports(path) & {"streamlit", "yaml", "loaders"}


@pytest.mark.parametrize("path", sorted((ROOT / "loaders").glob("*.py")), ids=lambda p: p.name)
def test_loaders_do_not_draw(path: object) -> None:
    assert "streamlit" not in _imports(path)


@pytest.mark.parametrize("path", [*LIBRARY, *sorted((ROOT / "loaders").glob("*.py"))],
                         ids=_name)
def test_every_module_has_a_docstring(path: object) -> None:
    assert ast.get_docstring(ast.parse((ROOT / str(path)).read_text(encoding="utf-8")))


def test_planning_a_chart_draws_nothing() -> None:
    """Which comparisons a theme makes is plain data, tested without plotly."""
    assert "plotly" not in _imports("indicators/charts/plan.py")


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
