"""The dashboard's views in the sidebar's order; app.py, the tests and the benchmarks read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from indicators.labels import THEMES, ui
from indicators.models import Theme
from views import draft, explorer, overview, theme, timeline
from views.components import Page

# The policy figures are drawn under the timeline's milestones, not as a view of their own.
TIMELINE_THEME = Theme.policy


@dataclass(frozen=True)
class View:
    """A page of the dashboard: its name in the address, its label in a language, how it is
    drawn, and whether it shows the published data (the draft view checks a paste instead)."""

    id: str
    label: Callable[[str], str]
    render: Callable[[Page], None]
    published: bool = True


def _timeline(page: Page) -> None:
    """The dated milestones, then the policy figures as a theme's view draws them."""
    timeline.render(page)
    theme.draw(TIMELINE_THEME, page.data, page.language, selected=None)


# One view per theme, in the themes' order, between the overview and the timeline.
VIEWS: dict[str, View] = {view.id: view for view in (
    View("overview", partial(ui, "overview"), overview.render),
    *(View(shown.value, THEMES[shown].__getitem__, partial(theme.render, shown))
      for shown in Theme if shown != TIMELINE_THEME),
    View("timeline", partial(ui, "timeline"), _timeline),
    View("explorer", partial(ui, "explorer"), explorer.render),
    View("draft", partial(ui, "draft"), draft.render, published=False),
)}
