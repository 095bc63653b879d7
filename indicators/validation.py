"""From plain parsed data to a checked Dataset, or every problem with its line and column."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from indicators.checks import run_checks, values_as_typed
from indicators.fields import Written
from indicators.models import NOTE_TAGS, Dataset
from indicators.problems import DatasetError, Path, Problem, SourceMap, errors, warnings
from indicators.text import excerpt


@dataclass(frozen=True)
class Validated:
    """A dataset that passed every check, with the warnings it still deserves."""

    dataset: Dataset
    warnings: list[Problem] = field(default_factory=list)


def validate(data: Any, source_map: SourceMap, file: str) -> Validated:
    """Build the Dataset and run every named check; raise DatasetError on any error."""
    try:
        dataset = Dataset.model_validate(data)
    except ValidationError as error:
        problems = [_from_pydantic(detail, data, source_map) for detail in error.errors()]
        raise DatasetError(file, problems) from None
    return checked(dataset, _typed(data), source_map, file)


def checked(dataset: Dataset, typed: dict[int, str], source_map: SourceMap,
            file: str) -> Validated:
    """Run every named check on a built Dataset (`typed`: the digits typed for each figure's
    value, by index); raise DatasetError on any error."""
    found = [source_map.place(problem) for problem in
             (*run_checks(dataset), *values_as_typed(dataset, typed))]
    if errors(found):
        raise DatasetError(file, errors(found))
    _share_fields_sets(dataset)
    return Validated(dataset, warnings(found))


def _typed(data: Any) -> dict[int, str]:
    """The digits typed for each figure's value where a loader kept them (models.Written)."""
    figures = data.get("figures") if isinstance(data, dict) else None
    if not isinstance(figures, list):
        return {}
    return {index: figure["value"].text for index, figure in enumerate(figures)
            if isinstance(figure, dict) and isinstance(figure.get("value"), Written)}


def _share_fields_sets(dataset: Dataset) -> None:
    """Let records that set the same fields share one set of their names.

    Pydantic gives every instance its own `__pydantic_fields_set__`: about 730 bytes per
    figure, half of a figure's memory at 100 000 figures. The models are frozen, so
    nothing ever adds to these sets and one shared set per distinct shape is safe.
    """
    shared: dict[frozenset[str], set[str]] = {}
    for records in (dataset.sources, dataset.indicators, dataset.figures, dataset.milestones):
        for record in records:
            names = record.__pydantic_fields_set__
            canonical = shared.setdefault(frozenset(names), names)
            object.__setattr__(record, "__pydantic_fields_set__", canonical)


def _from_pydantic(detail: ErrorDetails, data: Any, source_map: SourceMap) -> Problem:
    path: Path = _without_tags(tuple(detail["loc"]))
    kind = detail["type"]
    if kind == "extra_forbidden":
        return source_map.place(Problem(_unknown_field(path, data), path), key=True)
    if kind == "missing":
        return source_map.place(Problem(f"missing required field '{path[-1]}'", path))
    if kind == "value_error":
        return source_map.place(Problem(str(detail.get("ctx", {}).get("error", detail["msg"])),
                                        path))
    return source_map.place(Problem(_plain_message(detail), path))


def _without_tags(path: Path) -> Path:
    # pydantic names the shape a note was read as ('note.text', 'note.languages'); the file
    # has no such key, and the editor's path is the field's.
    return tuple(part for index, part in enumerate(path)
                 if not (part in NOTE_TAGS and index and path[index - 1] == "note"))


def _plain_message(detail: ErrorDetails) -> str:
    message = detail["msg"]
    shown = detail.get("input")
    if isinstance(shown, str | int | float | bool) or shown is None:
        return f"{message} (got {excerpt(shown)})"
    return message


def _unknown_field(path: Path, data: Any) -> str:
    name = str(path[-1])
    known = _known_fields(path[:-1], data)
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f"; known fields: {', '.join(known)}"
    return f"unknown field {excerpt(name)}{hint}"


def _known_fields(parent: Path, data: Any) -> list[str]:
    model: type[BaseModel] | None = Dataset
    for part in parent:
        if model is None or isinstance(part, int):
            continue
        model = _nested_model(model, str(part))
    return sorted(model.model_fields) if model else []


def _nested_model(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    field_info = model.model_fields.get(name)
    if field_info is None:
        return None
    return _model_in(field_info.annotation)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model an annotation holds, through Optional, unions and Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None
