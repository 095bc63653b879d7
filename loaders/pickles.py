"""Pickles of checked datasets, read back as the dataset's own classes and nothing else."""

from __future__ import annotations

import io
import pickle
from enum import Enum

from pydantic import BaseModel

from indicators import models
from indicators.problems import Position, Problem
from indicators.validation import Validated


def _dataset_classes() -> dict[tuple[str, str], type]:
    """The models and enums of indicators/models.py, the result and its problems, by name."""
    own = [kind for kind in vars(models).values() if isinstance(kind, type)
           and issubclass(kind, BaseModel | Enum) and kind.__module__ == models.__name__]
    return {(kind.__module__, kind.__qualname__): kind
            for kind in [*own, Validated, Problem, Position]}


# What a checked dataset or a check's answer is made of. Any other name in a pickle
# (os.system, builtins.eval…) is refused before it is looked up, so reading a pickle can
# build these and plain data, never run code.
_ALLOWED = _dataset_classes()


class _DatasetUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a dataset")
        return found


def dumps(answer: object) -> bytes:
    """A checked dataset (or a check's answer) as bytes."""
    return pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> object:
    """What `dumps` wrote; pickle.UnpicklingError when the bytes name any other class."""
    return _DatasetUnpickler(io.BytesIO(data)).load()
