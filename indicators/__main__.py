"""Command line: `python -m indicators validate|export|schema` (an entry point, like app.py)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from indicators.models import LANGUAGES
from indicators.problems import DatasetError
from indicators.schema import schema_text
from indicators.validation import Validated

if TYPE_CHECKING:
    from loaders.history import Histories

ROOT = Path(__file__).resolve().parent.parent
DATA_PATH = ROOT / "data" / "indicators.yaml"
SCHEMA_PATH = ROOT / "data" / "indicators.schema.json"


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except DatasetError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        print(f"{len(error.problems)} error(s); nothing was written.", file=sys.stderr)
        return 1
    except Exception as error:  # an editor gets one line to report, never a traceback
        print(f"{_target(args)}: internal error while checking the file "
              f"({type(error).__name__}): please report it", file=sys.stderr)
        return 2


def _target(args: argparse.Namespace) -> Path:
    """The file a command was working on, as the editor typed it."""
    return _shown(getattr(args, "path", None) or args.out)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m indicators", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check the dataset; exit 1 on any error")
    validate.add_argument("path", nargs="?", type=Path, default=DATA_PATH)
    validate.set_defaults(run=_validate)

    export = commands.add_parser("export", help="write the tidy CSV with citations")
    export.add_argument("path", nargs="?", type=Path, default=DATA_PATH)
    export.add_argument("--out", type=Path, required=True, help="CSV file to write")
    export.add_argument("--lang", choices=LANGUAGES, default="fr", help="labels' language")
    export.set_defaults(run=_export)

    history = commands.add_parser("history", help="a figure's changes, from the repository")
    history.add_argument("figure_id")
    history.add_argument("path", nargs="?", type=Path, default=DATA_PATH)
    history.set_defaults(run=_history)

    schema = commands.add_parser("schema", help="write data/indicators.schema.json")
    schema.add_argument("--out", type=Path, default=SCHEMA_PATH)
    schema.set_defaults(run=_schema)
    return parser


def _load(path: Path) -> Validated:
    # Imported here: loaders sits above indicators, and only the commands need it.
    from loaders import load_path

    return load_path(_shown(path))


def _shown(path: Path) -> Path:
    """The path as an editor would type it from here: relative when under the current folder."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def _validate(args: argparse.Namespace) -> int:
    validated = _load(args.path)
    for warning in validated.warnings:
        print(f"warning: {warning.format(str(_shown(args.path)))}", file=sys.stderr)
    dataset = validated.dataset
    print(f"{_shown(args.path)}: valid: {len(dataset.figures)} figures, {len(dataset.indicators)} "
          f"indicators, {len(dataset.sources)} sources, {len(dataset.milestones)} milestones, "
          f"{len(validated.warnings)} warning(s)")
    return 0


def _export(args: argparse.Namespace) -> int:
    # Imported here: the table needs pandas (0.3 s), which validating and history do not.
    from indicators.table import figure_rows, to_csv

    dataset = _load(args.path).dataset
    args.out.write_bytes(to_csv(figure_rows(dataset, args.lang)))
    print(f"wrote {len(dataset.figures)} figures to {args.out}")
    return 0


def _history(args: argparse.Namespace) -> int:
    # Imported here: reading git is a way in, like reading the file.
    from loaders.history import Unavailable, histories

    shown = _shown(args.path)
    try:
        found = histories(args.path)
    except Unavailable as error:
        print(f"history not available: {error}")
        return 1
    if found is None:
        print(f"history not available: {shown} is not in a git repository")
        return 0
    figure = args.figure_id
    standing = found.standing(figure)
    if standing == "uncommitted":
        print(f"'{figure}' is not committed yet: it is in {shown} but in none of its commits")
    elif standing == "unknown" and found.current is None:
        print(f"unknown figure '{figure}': it is not in the history of {shown}, and {shown} "
              "itself could not be read (`python -m indicators validate` says why)")
    elif standing == "unknown":
        print(f"unknown figure '{figure}': it is neither in {shown} nor in its history")
    elif standing == "unchanged":
        print(f"no change of '{figure}' in the commits read")
    for line in _history_lines(found, figure, shown):
        print(line)
    return 1 if standing in ("uncommitted", "unknown") else 0


def _history_lines(found: Histories, figure: str, shown: Path) -> Iterator[str]:
    """A figure's changes, oldest first, then what the history leaves out and why."""
    from loaders.history import BUDGET_SECONDS, MAX_CHANGES, MAX_COMMITS

    if older := found.older.get(figure, 0):
        yield (f"{older} older change(s) of '{figure}' not shown: only the last {MAX_CHANGES} "
               "changes of a figure are listed")
    for change in found.changes.get(figure, ()):
        what = "; ".join(f"{field}: {before or '—'} → {after or '—'}"
                         for field, before, after in change.fields)
        yield f"{change.day} {change.commit} {change.message}\n    {what}"
    for version in found.unreadable:
        yield (f"{version.day} {version.commit} {version.message}\n    this version could not "
               f"be read ({version.reason}): the next readable version is compared with the "
               "one before it")
    if found.since:
        yield (f"changes up to {found.since} are not shown: history reads at most the last "
               f"{MAX_COMMITS} commits of {shown}, for at most {BUDGET_SECONDS:g} s")


def _schema(args: argparse.Namespace) -> int:
    args.out.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
