"""The committed JSON Schema is current, and the real file validates against it."""

import json

import jsonschema

from indicators.schema import json_schema, schema_text
from loaders.yaml_file import read_document
from tests.conftest import DATA, ROOT

SCHEMA_FILE = ROOT / "data" / "indicators.schema.json"


def test_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "data/indicators.schema.json is stale: run python -m indicators schema")


def test_schema_is_draft_07() -> None:
    schema = json_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    assert "$defs" not in json.dumps(schema)


def test_data_file_points_editors_at_the_schema() -> None:
    first = DATA.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./indicators.schema.json"


def test_real_file_validates_against_the_schema() -> None:
    data = read_document(DATA).data
    jsonschema.Draft7Validator(json_schema()).validate(data)


def test_schema_catches_a_typo() -> None:
    data = read_document(DATA).data
    data["figures"][0]["vaule"] = data["figures"][0].pop("value")
    errors = list(jsonschema.Draft7Validator(json_schema()).iter_errors(data))
    assert errors, "a misspelled field must be flagged by the schema too"
