"""Ready-to-copy citation texts for a figure or a milestone, in the reader's language."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from indicators.columnar import figure_by_id, figures_of, restating
from indicators.formatting import colon, partial_date, quoted, when
from indicators.labels import SOURCE_TYPES, ui
from indicators.models import Dataset, Figure, Indicator, Source
from indicators.periods import parse_partial


@dataclass(frozen=True, slots=True)
class Cited:
    """A figure with everything needed to show and cite it, and the figures restating it."""

    figure: Figure
    indicator: Indicator
    source: Source
    # The same statement written again (a headline, a subtitle), with its own source and
    # words: shown with the figure, never as a figure of its own.
    restatements: tuple[Cited, ...] = ()

    def when(self, language: str) -> str:
        """The figure's date as every card, hover and note writes it (formatting.when)."""
        return when(self.figure, self.source.published, language)


def cited_figures(dataset: Dataset, indicators: Collection[str] | None = None) -> list[Cited]:
    """Every figure (of these indicators) joined to its indicator and source, in file order;
    restatements folded.

    A figure that restates another is not listed on its own: it rides with its original, so
    a chart, a card or a table shows the statement once, and its citation gives both quotes.
    A restatement is of its original's indicator, so a choice of indicators keeps both.
    """
    figures = (dataset.figures if indicators is None
               else figures_of(dataset.figures, indicators))
    return joined(dataset, figures)


def cited_by_id(dataset: Dataset, figure_id: str) -> Cited | None:
    """The figure with this id, joined with what restates it; None for an unknown id or a
    restatement (which rides with its original)."""
    figure = figure_by_id(dataset.figures, figure_id)
    if figure is None or figure.restates is not None:
        return None
    return joined(dataset, [figure, *restating(dataset.figures, figure_id)])[0]


def joined(dataset: Dataset, figures: Iterable[Figure]) -> list[Cited]:
    """These figures joined to their indicator and source; the restating ones folded into
    the originals among them."""
    by_id = {indicator.id: indicator for indicator in dataset.indicators}
    sources = {source.id: source for source in dataset.sources}
    originals: list[Figure] = []
    riding: dict[str, list[Cited]] = {}
    for figure in figures:
        if figure.restates is None:
            originals.append(figure)
        else:
            riding.setdefault(figure.restates, []).append(
                Cited(figure, by_id[figure.indicator], sources[figure.source]))
    return [Cited(figure, by_id[figure.indicator], sources[figure.source],
                  tuple(riding.get(figure.id, ())))
            for figure in originals]


def evidence(figure: Figure, language: str) -> str:
    """The words that write the value: the verbatim quote, or the numeral as printed, and where."""
    if figure.quote is not None:
        return figure.quote
    return f"{figure.as_written} ({ui('locator', language)}{colon(language)} {figure.locator})"


def short_source(source: Source, limit: int = 60) -> str:
    """The publisher, or the (shortened) title when the publisher is unknown."""
    if source.publisher:
        return source.publisher
    title = source.title or source.id
    return title if len(title) <= limit else title[: limit - 1] + "…"


def source_line(source: Source, language: str, *, address: bool = True) -> str:
    """Publisher, "Title", date, republisher, type, address: unknown parts said as such.
    Without `address`, a known address is left for the caller to draw as a link."""
    unknown = ui("unknown", language)
    parts = [
        source.publisher or f"{ui('publisher', language)}{colon(language)} {unknown}",
        _title(source.title, language),
        _date(source.published, language),
    ]
    if source.republished_by:
        parts.append(f"{ui('republished_by', language)} {source.republished_by}")
    if source.type:
        parts.append(SOURCE_TYPES[source.type][language])
    if source.url is None:
        parts.append(f"{ui('address', language)}{colon(language)} {unknown}")
    elif address:
        parts.append(source.url)
    return ". ".join(parts) + "."


def _title(title: str | None, language: str) -> str:
    if not title:
        return f"{ui('source_title', language)}{colon(language)} {ui('unknown', language)}"
    return quoted(title, language)


def cite(source: Source, quote: str, language: str, *, label: str = "quote") -> str:
    """The full citation: source line, date accessed, and the verbatim quote."""
    accessed = (_date(source.accessed, language) if source.accessed
                else ui("unknown", language))
    return (f"{source_line(source, language)} {ui('accessed', language)}{colon(language)} "
            f"{accessed}.\n"
            f"{ui(label, language)} ({source.language}){colon(language)} "
            f"{quoted(quote, source.language)}")


def cite_figure(item: Cited, language: str) -> str:
    """Citation of one figure, and of every restatement of it, each with its own words."""
    return "\n\n".join(_cite_one(cited, language) for cited in (item, *item.restatements))


def _cite_one(item: Cited, language: str) -> str:
    label = "quote" if item.figure.quote is not None else "as_written"
    return cite(item.source, evidence(item.figure, language), language, label=label)


def _date(text: str | None, language: str) -> str:
    if not text:
        return f"{ui('published', language)}{colon(language)} {ui('unknown', language)}"
    return partial_date(parse_partial(text), language)
