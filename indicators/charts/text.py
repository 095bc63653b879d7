"""Text on a chart: names in the page's language, lines, right-to-left runs, hovers, notes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from indicators import formatting
from indicators.citations import Cited, short_source
from indicators.countries import country_name
from indicators.labels import QUALIFIERS, ui, ui_count
from indicators.models import COUNTRY, Dimension, Qualifier
from indicators.text import plotly_escape

# A source's name in a row or a hover is cut at this many characters: the rows stay readable
# beside the chart at 1280 px, and the table and the citation give the name in full.
SOURCE_WIDTH = 32
# A title longer than this many characters is broken over lines: plotly never wraps titles,
# and a line of 80 characters ran off a phone's screen (390 px holds about 45 at 16 px).
TITLE_WIDTH = 44
# A row's label beside a chart of rows is broken into lines of this many characters, each of
# its parts (who, when) on at most ROW_LINES of them: the labels keep to about a third of a
# phone's figure, the plot at least half (long labels left it 60 of 358 px). The hover and
# the table under the chart give every name in full.
ROW_WIDTH = 20
ROW_LINES = 2
# A note on a chart (an axis's title) is broken over lines of this many characters: centred
# under a phone's plot, a line of 100 characters ran past both edges of the figure.
NOTE_WIDTH = 40
# Right-to-left isolate: plotly draws text in SVG with a left-to-right base direction, so an
# Arabic label ("الرباط · Le360") would read from its end; isolated, it reads from the right.
RLI = "\u2067"


class Names:
    """Breakdown members in the page's language: countries by Babel, others as the file says."""

    def __init__(self, dimensions: Iterable[Dimension] = ()) -> None:
        self._dimensions = {dimension.id: dimension for dimension in dimensions}
        self._members = {(dimension.id, member.id): member.label
                         for dimension in self._dimensions.values()
                         for member in dimension.members}

    def dimension(self, dimension: str, language: str) -> str:
        if dimension in self._dimensions:
            return self._dimensions[dimension].label[language]
        return ui("country", language) if dimension == COUNTRY else dimension

    def member(self, dimension: str, member: str, language: str) -> str:
        label = self._members.get((dimension, member))
        if label is not None:
            return label[language]
        return country_name(member, language) if dimension == COUNTRY else member

    def members(self, parts: Iterable[tuple[str, str]], language: str) -> str:
        """A breakdown as its members' names: `Sénégal, Première campagne (2014)`."""
        return formatting.comma(language).join(self.member(dimension, member, language)
                                      for dimension, member in parts)


def _wrapped(text: str, width: int = TITLE_WIDTH) -> list[str]:
    """Words in lines of at most `width` characters (a longer word stands alone)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _broken(text: str, width: int = ROW_WIDTH, most: int = ROW_LINES) -> list[str]:
    """Text in at most `most` lines of about `width` characters, broken at spaces and after
    hyphens ("Rabat-Salé-" / "Zemmour-Zaër"); what does not fit ends in an ellipsis."""
    pieces: list[str] = []
    for word in text.split():
        parts = word.split("-")
        pieces += [part + "-" for part in parts[:-1]] + [parts[-1] + " "]
    lines: list[str] = []
    for piece in filter(str.strip, pieces):
        if lines and len((lines[-1] + piece).rstrip()) <= width:
            lines[-1] += piece
        else:
            lines.append(piece)
    lines = [line.rstrip() for line in lines]
    if len(lines) > most:
        last = lines[most - 1]
        lines = [*lines[:most - 1], (last if len(last) < width else last[:width - 1].rstrip())
                 + "…"]
    return lines


def _row_text(parts: Sequence[str], language: str) -> str:
    """A row's label for plotly: each part (a member, a source, a date) on lines of its own,
    each line a run of the page's direction."""
    return "<br>".join(_plot_text([line], language) for part in parts if part
                       for line in _broken(part))


def _row_pitch(labels: Sequence[str], least: int) -> int:
    """Pixels from one row to the next: `least`, or more for labels of several lines (12 px
    text on 15 px lines), so that a row's label never meets its neighbour's."""
    lines = max((label.count("<br>") + 1 for label in labels), default=1)
    return max(least, 15 * lines + 8)


def _plot_text(parts: Sequence[str], language: str, separator: str = " · ") -> str:
    """Data text for plotly, escaped; in Arabic a right-to-left run whose parts (a French
    source's name, an Arabic date) each keep their own direction."""
    if language != "ar":
        return plotly_escape(separator.join(parts))
    embedded = separator.join(formatting.embed(part, language) for part in parts)
    return _rtl(plotly_escape(embedded), language)


def _rtl(text: str, language: str) -> str:
    """Text of the page's language for plotly: a right-to-left run in Arabic."""
    return f"{RLI}{text}{formatting.PDI}" if language == "ar" else text


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _lower(label: str) -> str:
    """A label inside a sentence: "demandes déposées"; "OIM" or "États-Unis" kept."""
    if len(label) > 1 and label[0].isupper() and label[1].islower() and label[0].isascii():
        return label[0].lower() + label[1:]
    return label


def _legend_name(qualifier: Qualifier, language: str) -> str:
    if qualifier in (Qualifier.exact, Qualifier.approximately):
        return _rtl(QUALIFIERS[qualifier][language], language)
    return _rtl(f"{QUALIFIERS[qualifier][language]} ({ui('bound', language)})", language)


def _value_text(item: Cited, language: str) -> str:
    return plotly_escape(formatting.value(item.figure, item.indicator.unit, language))


def _custom(item: Cited, language: str, names: Names | None = None) -> list[str]:
    """What a hover shows: value, qualifier in words, date (and with `names`, the campaign or
    other member), source; then the figure's id."""
    source = _shortened(short_source(item.source), 2 * SOURCE_WIDTH)
    when = [item.when(language)]
    if names is not None and item.figure.breakdown:
        when.insert(0, names.members(item.figure.breakdown_key(), language))
    return [_value_text(item, language), _rtl(QUALIFIERS[item.figure.qualifier][language],
                                              language),
            _plot_text(when, language), _plot_text([source], language), item.figure.id]


def _hover(language: str) -> str:
    source = _rtl(f"{ui('source', language)}{formatting.colon(language)} %{{customdata[3]}}",
                  language)
    return ("<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<br>"
            f"{source}<extra></extra>")


def _context(items: Sequence[Cited], language: str, names: Names, *,
             leave_out: str | None = None, period: bool = False) -> str:
    """What a chart's figures share, after a dash: their members (but `leave_out`), their
    as-of date, and (with `period`) their period."""
    first = items[0].figure
    parts = [names.member(dimension, member, language)
             for dimension, member in first.breakdown_key() if dimension != leave_out]
    if first.as_of and all(item.figure.as_of == first.as_of for item in items):
        parts.append(formatting.as_of(first.as_of, language))
    # A period the as-of date already names is not said twice ("au 31 mars 2014, 2014").
    said = formatting.period(first.period, language) if period and first.period else ""
    if said and not any(said in part for part in parts):
        parts.append(said)
    # What the label already says is not said again ("(HCP 2021) — 2021").
    parts = [part for part in parts if part not in items[0].indicator.label[language]]
    return f" — {formatting.comma(language).join(parts)}" if parts else ""


def _capped(shown: int, total: int, language: str) -> tuple[str, ...]:
    if shown == total:
        return ()
    return (ui_count("rows_more", shown, language, total=total),)
