"""Synthetic datasets that follow the real schema: quotes that write their values, many series.

    python -m benchmarks.generate 10000 --out /tmp/indicators-10k.yaml
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from indicators.models import Unit

# Sizes the harness measures, in figures.
SIZES = (1_000, 10_000, 100_000)
# Enough sources and indicators that lookups and grouping do real work.
SOURCES = 40
INDICATORS = 120
REGIONS = ("Tanger-Tétouan-Al Hoceïma", "Oriental", "Fès-Meknès", "Rabat-Salé-Kénitra",
           "Béni Mellal-Khénifra", "Casablanca-Settat", "Marrakech-Safi", "Drâa-Tafilalet",
           "Souss-Massa", "Guelmim-Oued Noun", "Laâyoune-Sakia El Hamra", "Dakhla-Oued Ed-Dahab")
# The real file's themes (the last one drawn under the timeline, as the policy figures are).
THEMES = ("regularisation", "voluntary_return", "civil_society", "international_cooperation",
          "local_integration", "policy")
# The real file's headline indicators come first, placed on the overview as they are there,
# so that its cards have series to show and the rate checks have counts to compare.
HEADLINES = ("regularisation_applications_filed", "regularisation_applications_approved",
             "regularisation_approval_rate", "voluntary_return_migrants",
             "voluntary_return_countries", "civil_society_associations_meeting",
             "migrant_associations_regularised", "iom_member_states", "iom_countries_present")
# Units drawn for synthetic indicators; counts dominate, as in the real file.
UNITS = (Unit.count,) * 6 + (Unit.percent,) * 2 + (Unit.months,)


def _group(value: int, separator: str) -> str:
    return f"{value:,}".replace(",", separator)


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _themes(out: list[str]) -> None:
    out.append("themes:\n")
    for index, theme in enumerate(THEMES):
        out.append(f"  - id: {theme}\n"
                   f"    label: {{fr: Thème {index}, ar: محور {index}, en: Theme {index}}}\n"
                   f"    description: {{fr: Thème synthétique {index}., ar: محور اصطناعي "
                   f"{index}., en: Synthetic theme {index}.}}\n"
                   + ("    page: false\n" if theme == "policy" else ""))


def _sources(out: list[str]) -> None:
    out.append("sources:\n")
    for index in range(SOURCES):
        out.append(f"  - id: source-{index:03d}\n"
                   f"    title: {_yaml_text(f'Rapport synthétique n° {index} sur la migration')}\n"
                   f"    publisher: Éditeur {index % 7}\n"
                   f"    url: https://example.org/rapports/{index}\n"
                   f"    published: {2010 + index % 15}-{1 + index % 12:02d}\n"
                   f"    language: {'ar' if index % 5 == 0 else 'fr'}\n"
                   f"    type: {('press', 'government', 'research')[index % 3]}\n")


def _indicators(out: list[str]) -> list[Unit]:
    out.append("indicators:\n")
    units = []
    for index in range(INDICATORS):
        unit = Unit.count if index < len(HEADLINES) else UNITS[index % len(UNITS)]
        units.append(unit)
        out.append(f"  - id: {_indicator_id(index)}\n"
                   f"    theme: {THEMES[index % len(THEMES)]}\n"
                   f"    unit: {unit.value}\n"
                   + (f"    headline: {index + 1}\n" if index < len(HEADLINES) else "")
                   + f"    label:\n      fr: Indicateur synthétique {index}\n"
                   f"      ar: مؤشر اصطناعي {index}\n      en: Synthetic indicator {index}\n"
                   f"    definition:\n      fr: Série synthétique {index} par région et année.\n"
                   f"      ar: سلسلة اصطناعية {index} حسب الجهة والسنة.\n"
                   f"      en: Synthetic series {index} by region and year.\n")
    return units


def _indicator_id(index: int) -> str:
    # The overview's headline indicators come first, so its cards have series to show.
    return HEADLINES[index] if index < len(HEADLINES) else f"indicator_{index:03d}"


def _figure(index: int, units: list[Unit], rng: random.Random) -> str:
    indicator = index % INDICATORS
    source = rng.randrange(SOURCES)
    # One figure per indicator and month: a long monthly series per indicator, so that the
    # validator's conflict check has groups to scan but no real conflicts to report.
    step = index // INDICATORS
    year, month = 1900 + step // 12, 1 + step % 12
    region = REGIONS[step % len(REGIONS)]
    unit = units[indicator]
    bound = rng.random() < 0.15
    if unit == Unit.percent:
        value = rng.randrange(0, 101)
        written = f"{value}%"
    elif unit == Unit.months:
        value = rng.randrange(1, 60)
        written = f"{value} mois"
    else:
        value = rng.randrange(0, 250_000)
        written = _group(value, rng.choice((" ", "\u00a0", "\u202f", "")))
    lead = "plus de " if bound else ""
    arabic = source % 5 == 0
    quote = (f"بلغ العدد في جهة {region} سنة {year}، {'أكثر من ' if bound else ''}{value}"
             if arabic else f"En {year}, dans la région {region}, {lead}{written} au total.")
    return (f"  - id: f-{index:06d}\n"
            f"    indicator: {_indicator_id(indicator)}\n"
            f"    value: {value}\n"
            f"    qualifier: {'more_than' if bound else 'exact'}\n"
            f"    period: {year}-{month:02d}\n"
            f"    source: source-{source:03d}\n"
            f"    quote: {_yaml_text(quote)}\n")


def generate(figures: int, seed: int = 20261123) -> str:
    """A valid dataset of `figures` figures, the same for the same seed."""
    rng = random.Random(seed)
    out = ["# yaml-language-server: $schema=./indicators.schema.json\n", "schema_version: 1\n"]
    _themes(out)
    _sources(out)
    units = _indicators(out)
    out.append("figures:\n")
    out.extend(_figure(index, units, rng) for index in range(figures))
    out.append("milestones:\n"
               "  - id: synthetic-milestone\n    date: 2014-01\n    kind: policy\n"
               "    label: {fr: Jalon, ar: محطة, en: Milestone}\n"
               "    source: source-001\n    quote: \"En janvier 2014, un jalon.\"\n")
    return "".join(out)


def write(figures: int, path: Path) -> Path:
    """Write a generated dataset to `path`."""
    path.write_text(generate(figures), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("figures", type=int)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    write(args.figures, args.out)
    print(f"wrote {args.figures} figures to {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
