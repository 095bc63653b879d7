"""The dashboard's views in the sidebar's order; app.py, the tests and the benchmarks read it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from indicators.columnar import figure_by_id
from indicators.labels import ui
from indicators.models import Dataset, Theme
from indicators.text import markdown_escape
from loaders import load_path
from views import draft, explorer, overview, theme, timeline
from views.components import Page


@dataclass(frozen=True)
class View:
    """A page of the dashboard: its name in the address, its label in a language, how it is
    drawn, and whether it shows the published data (the draft view checks a paste instead)."""

    id: str
    label: Callable[[str], str]
    render: Callable[[Page], None]
    published: bool = True


def _timeline(page: Page) -> None:
    """The dated milestones, then the figures of the themes drawn on no page of their own
    (the policy figures), as a theme's view draws them."""
    timeline.render(page)
    for shown in page.data.dataset.themes:
        if not shown.page:
            theme.draw(shown, page.data, page.language, selected=None)


def _label(shown: Theme, language: str) -> str:
    """A theme's name in the sidebar: the data's text, never markup."""
    return markdown_escape(shown.label[language])


def registry_of(path: str | Path) -> dict[str, View]:
    """The views a data file gives (its themes'): for the tests and the benchmarks."""
    return registry(load_path(path).dataset.themes)


def registry(themes: Sequence[Theme] = ()) -> dict[str, View]:
    """Every view, in the sidebar's order: one per theme of the data file (in the file's
    order) between the overview and the timeline. Without data, the views that need none."""
    return {view.id: view for view in (
        View("overview", partial(ui, "overview"), overview.render),
        *(View(shown.id, partial(_label, shown), partial(theme.render, shown.id))
          for shown in themes if shown.page),
        View("timeline", partial(ui, "timeline"), _timeline),
        View("explorer", partial(ui, "explorer"), explorer.render),
        View("draft", partial(ui, "draft"), draft.render, published=False),
    )}


def view_of_figure(dataset: Dataset, figure_id: str) -> str | None:
    """The view that cites a figure, for a link that names only the figure: its theme's, or
    the timeline for a theme drawn on no page of its own; None for an id the data does not
    have. A restatement is cited with the figure it restates, in the same view."""
    figure = figure_by_id(dataset.figures, figure_id)
    if figure is None:
        return None
    indicator = next(record for record in dataset.indicators if record.id == figure.indicator)
    theme = next(record for record in dataset.themes if record.id == indicator.theme)
    return theme.id if theme.page else "timeline"
