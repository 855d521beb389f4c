from kb.schema import render, schemas
from tests.conftest import ROOT

SCHEMA_DIR = ROOT / "docs" / "schema"


def test_committed_schemas_match_the_models():
    expected = schemas()
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(expected)
    for name, schema in expected.items():
        assert (SCHEMA_DIR / name).read_text() == render(schema), f"run 'kb schema' to refresh {name}"


def test_feature_schema_forbids_unknown_keys_and_lists_statuses():
    feature = schemas()["features.schema.json"]
    assert feature["additionalProperties"] is False
    step = feature["$defs"]["Step"]
    assert step["properties"]["status"]["enum"] == ["not-supported", "alpha", "beta", "stable", "deprecated", "removed"]
