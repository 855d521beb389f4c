"""JSON Schema for each kind of data file, from the same models that validate them (for editors)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from kb.load import DATA_FILES, FEATURES_DIR
from kb.models import Feature


def schemas() -> dict[str, dict]:
    """File name of each schema -> the schema."""
    kinds = {filename: kind for filename, kind in DATA_FILES.values()}
    kinds[f"{FEATURES_DIR}/<id>.yaml"] = Feature
    out = {}
    for filename, kind in kinds.items():
        schema = TypeAdapter(kind).json_schema()
        schema["title"] = f"k8s-windows-kb data file {filename}"
        out[_schema_name(filename)] = schema
    return out


def _schema_name(filename: str) -> str:
    return filename.replace("/<id>", "").replace(".yaml", ".schema.json")


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema))
        written.append(path)
    return written
