"""Answers -> bytes: the one JSON encoding and the CSV tables, shared by the API and ``kb export``.

Both the server and the static export call :func:`json_bytes`, so a file under ``site/api/v1`` is
byte for byte what the API answers for the same resource.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import orjson
from pydantic import BaseModel

from kb.diff import ReleaseDiff
from kb.releases import OsMatrix


def plain(value: Any) -> Any:
    """Models (and lists and dicts of them) as JSON-ready Python values."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def json_bytes(value: Any) -> bytes:
    """The JSON encoding of an answer: compact, UTF-8, keys in model order, newline-terminated."""
    return orjson.dumps(plain(value), option=orjson.OPT_APPEND_NEWLINE)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return "; ".join(_cell(v) for v in value)
    for key in ("id", "image"):
        if isinstance(value, list) and all(isinstance(v, dict) and key in v for v in value):
            return "; ".join(str(v[key]) for v in value)
    if isinstance(value, dict | list):
        return orjson.dumps(value).decode()
    return str(value)


def flatten(record: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """One CSV row from a record: nested objects become dotted columns, lists of words join with '; '."""
    row: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            row.update(flatten(value, f"{name}."))
        else:
            row[name] = _cell(value)
    return row


def matrix_rows(matrix: OsMatrix) -> list[dict[str, str]]:
    """The OS matrix as a table: one row per Kubernetes minor, one column per Windows release."""
    return [
        {"kubernetes": minor, **{w: _cell(v) for w, v in matrix.cells[minor].items()}} for minor in matrix.kubernetes
    ]


def diff_rows(diff: ReleaseDiff) -> list[dict[str, str]]:
    """A diff as a table: one row per change."""
    return rows_of(diff.changes)


TABLES: dict[type, Callable[[Any], list[dict[str, str]]]] = {OsMatrix: matrix_rows, ReleaseDiff: diff_rows}


def rows_of(value: Any) -> list[dict[str, str]]:
    """The rows a value reads as in a table: one per list item, or one for a single answer."""
    if type(value) in TABLES:
        return TABLES[type(value)](value)
    data = plain(value)
    records: Sequence[Any] = data if isinstance(data, list) else [data]
    return [flatten(r) if isinstance(r, Mapping) else {"value": _cell(r)} for r in records]


def csv_text(rows: Sequence[Mapping[str, str]]) -> str:
    """Rows as CSV with a header line; columns in first-seen order."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
