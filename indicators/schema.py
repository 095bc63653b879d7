"""The JSON Schema of the dataset file, in a form draft-07 editors understand."""

from __future__ import annotations

import json
from typing import Any

from indicators.models import Dataset

SCHEMA_ID = "http://json-schema.org/draft-07/schema#"


def json_schema() -> dict[str, Any]:
    """Draft-07 JSON Schema: definitions under `definitions`, as yaml-language-server expects."""
    schema = Dataset.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    return {"$schema": SCHEMA_ID, "title": "Moroccan migration indicators", **schema,
            "definitions": definitions}


def schema_text() -> str:
    """The schema as committed in data/indicators.schema.json."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
