"""Apply the writable changes to the YAML files under ``data/`` with a round-trip parser.

Only the touched files are rewritten, through ruamel.yaml, so comments, key order, folded
prose and quoting survive. New values copy the quoting of the value they replace (or of the
entry's other dates). After writing, the whole dataset is validated; if it fails, every file is
restored and the error is raised, so a bad import never leaves data/ half-changed.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from kb.importers.diff import Change
from kb.load import load_dataset
from kb.versions import parse_kubernetes

_NESTED_DASH = re.compile(r"^( *)[A-Za-z_]+:\n( *)- ", re.MULTILINE)
_DATE_FIELDS = ("released", "ga")


def _yaml(text: str) -> YAML:
    """A round-trip YAML that writes lists with the indentation ``text`` already uses."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    match = _NESTED_DASH.search(text)
    offset = len(match.group(2)) - len(match.group(1)) if match else 0
    yaml.indent(mapping=2, sequence=2 + offset, offset=offset)
    yaml.representer.add_representer(type(None), _null)
    return yaml


def _null(representer: Any, _: None) -> Any:
    """Write null as ``null``, as the data files do, not as an empty value."""
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _like(example: Any, value: Any) -> Any:
    """``value`` written the way ``example`` is: a quoted string stays quoted, a plain date stays plain."""
    if isinstance(value, date) and isinstance(example, str):
        return SingleQuotedScalarString(value.isoformat())
    return value


def _date_example(entry: CommentedMap, field: str) -> Any:
    if entry.get(field) is not None:
        return entry[field]
    return next((entry[f] for f in _DATE_FIELDS if entry.get(f) is not None), None)


def _add_source(entry: CommentedMap, url: str) -> None:
    urls = [s if isinstance(s, str) else s.get("url") for s in entry.get("sources", [])]
    if url not in urls:
        entry.setdefault("sources", CommentedSeq()).append(url)


def _find(entries: CommentedSeq, key: str, value: str) -> CommentedMap:
    for entry in entries:
        if str(entry.get(key)) == value:
            return entry
    raise KeyError(f"no entry with {key} {value}")


def _set_field(entries: CommentedSeq, key: str, change: Change) -> None:
    entry = _find(entries, key, change.entry)
    entry[change.field] = _like(_date_example(entry, change.field), change.value)
    _add_source(entry, change.source)


def _mapping(values: dict[str, Any], date_example: Any) -> CommentedMap:
    """A new entry; versions quoted, dates written like ``date_example``."""
    out = CommentedMap()
    for key, value in values.items():
        if isinstance(value, list):
            out[key] = CommentedSeq(value)
        elif key in ("version", "since"):
            out[key] = SingleQuotedScalarString(value)
        else:
            out[key] = _like(date_example, value)
    return out


def _insert_sorted(entries: CommentedSeq, item: CommentedMap, key: str) -> None:
    """Insert ``item`` before the first entry with a later Kubernetes minor in ``key``."""
    minor = parse_kubernetes(str(item[key]))
    for position, entry in enumerate(entries):
        if parse_kubernetes(str(entry[key])) > minor:
            entries.insert(position, item)
            return
    entries.append(item)


def _apply_kubernetes(doc: CommentedSeq, change: Change) -> None:
    if change.field == "release":
        _insert_sorted(doc, _mapping(change.value, doc[-1].get("released") if doc else None), "version")
    else:
        _set_field(doc, "version", change)


def _apply_windows(doc: CommentedSeq, change: Change) -> None:
    _set_field(doc, "id", change)


def _apply_feature(doc: CommentedMap, change: Change) -> None:
    _insert_sorted(doc["history"], _mapping(change.value, None), "since")


def _apply(file: str, doc: Any, change: Change) -> None:
    if file == "kubernetes.yaml":
        _apply_kubernetes(doc, change)
    elif file == "windows.yaml":
        _apply_windows(doc, change)
    elif file.startswith("features/"):
        _apply_feature(doc, change)
    else:
        raise ValueError(f"kb import does not write {file}")


def rewrite(text: str, file: str, changes: list[Change]) -> str:
    """``text`` of ``file`` with ``changes`` applied."""
    yaml = _yaml(text)
    doc = yaml.load(text)
    for change in changes:
        _apply(file, doc, change)
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()


def apply_changes(data_dir: Path, changes: list[Change]) -> list[Path]:
    """Write every writable change under ``data_dir``; validate; restore all files if that fails."""
    by_file: dict[str, list[Change]] = defaultdict(list)
    for change in changes:
        if change.writable:
            by_file[change.file].append(change)
    originals: dict[Path, str] = {}
    updated: dict[Path, str] = {}
    for file, items in by_file.items():
        path = data_dir / file
        originals[path] = path.read_text(encoding="utf-8")
        updated[path] = rewrite(originals[path], file, items)
    try:
        for path, text in updated.items():
            path.write_text(text, encoding="utf-8")
        load_dataset(data_dir)
    except BaseException:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
        raise
    return list(updated)
