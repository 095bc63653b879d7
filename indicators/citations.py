"""Ready-to-copy citation texts for a figure or a milestone, in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from indicators.formatting import partial_date
from indicators.labels import SOURCE_TYPES, ui
from indicators.models import Dataset, Figure, Indicator, Source
from indicators.periods import parse_partial


@dataclass(frozen=True, slots=True)
class Cited:
    """A figure with everything needed to show and cite it."""

    figure: Figure
    indicator: Indicator
    source: Source


def cited_figures(dataset: Dataset) -> list[Cited]:
    """Every figure joined to its indicator and source, in file order."""
    indicators = {indicator.id: indicator for indicator in dataset.indicators}
    sources = {source.id: source for source in dataset.sources}
    return [Cited(figure, indicators[figure.indicator], sources[figure.source])
            for figure in dataset.figures]


def short_source(source: Source, limit: int = 60) -> str:
    """The publisher, or the (shortened) title when the publisher is unknown."""
    if source.publisher:
        return source.publisher
    return source.title if len(source.title) <= limit else source.title[: limit - 1] + "…"


def source_line(source: Source, language: str) -> str:
    """Publisher, "Title", date, republisher, type, address: unknown parts said as such."""
    unknown = ui("unknown", language)
    parts = [
        source.publisher or f"{ui('publisher', language)}: {unknown}",
        f"« {source.title} »" if language == "fr" else f"“{source.title}”",
        _date(source.published, language),
    ]
    if source.republished_by:
        parts.append(f"{ui('republished_by', language)} {source.republished_by}")
    if source.type:
        parts.append(SOURCE_TYPES[source.type][language])
    parts.append(source.url or f"{ui('address', language)}: {unknown}")
    return ". ".join(parts) + "."


def cite(source: Source, quote: str, language: str) -> str:
    """The full citation: source line, date accessed, and the verbatim quote."""
    accessed = (_date(source.accessed, language) if source.accessed
                else ui("unknown", language))
    return (f"{source_line(source, language)} {ui('accessed', language)}: {accessed}.\n"
            f"{ui('quote', language)} ({source.language}): « {quote} »")


def cite_figure(item: Cited, language: str) -> str:
    """Citation of one figure."""
    return cite(item.source, item.figure.quote, language)


def _date(text: str | None, language: str) -> str:
    if not text:
        return f"{ui('published', language)}: {ui('unknown', language)}"
    return partial_date(parse_partial(text), language)
