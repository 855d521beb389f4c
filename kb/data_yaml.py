"""Reading one YAML data file: UTF-8, one document, no key given twice; problems name the file and line.

Every file under ``data/`` is read here, the facts and their translations alike, so none lets through
what the others refuse: PyYAML alone keeps the last of two equal keys silently, and a byte that is
not UTF-8 is a traceback without the file's name.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

from kb.errors import DataInvalid, DataProblem


class _DataLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a key given twice in one mapping (PyYAML keeps the last silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                continue  # the safe loader refuses it below, with its own message
            if key in seen:
                raise DuplicateKey(key, seen[key], key_node.start_mark.line + 1)
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: Any, first: int, line: int) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key, self.first, self.line = key, first, line


def read_yaml(path: Path, label: str) -> tuple[Any, yaml.Node | None]:
    """Parse one YAML file into its value and its node (for the lines of later problems); a file that is
    not UTF-8, not YAML or gives a key twice becomes a DataInvalid naming the file and line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataInvalid([DataProblem(label, "-", "-", f"cannot read: {exc}")]) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start : exc.start + 1].hex()
        message = f"not UTF-8: byte 0x{byte} cannot be read; save the file as UTF-8"
        raise DataInvalid([DataProblem(label, f"line {line}", "-", message)]) from exc
    loader = _DataLoader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    except DuplicateKey as exc:
        message = f"the key {exc.key!r} is given twice (first at line {exc.first}); keep one"
        raise DataInvalid([DataProblem(label, f"line {exc.line}", str(exc.key), message)]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "?"
        raise DataInvalid([DataProblem(label, where, "-", f"YAML syntax: {exc}")]) from exc
    finally:
        loader.dispose()
