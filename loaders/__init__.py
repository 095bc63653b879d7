"""Ways in: a YAML file or text becomes a validated dataset, or editor-grade errors."""

from __future__ import annotations

from pathlib import Path

from indicators.validation import Validated, validate
from loaders.yaml_file import MAX_BYTES, read_document, read_text

__all__ = ["MAX_BYTES", "load_path", "load_text"]


def load_path(path: str | Path) -> Validated:
    """Read, parse and validate a dataset file; raise DatasetError with every problem."""
    document = read_document(path)
    return validate(document.data, document.source_map, str(path))


def load_text(text: str | bytes, name: str = "<draft>") -> Validated:
    """The same for a draft held in memory (pasted or uploaded)."""
    document = read_text(text, name)
    return validate(document.data, document.source_map, name)
