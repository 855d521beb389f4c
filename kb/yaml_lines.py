"""Where a value sits in a YAML file: the line a message points at, from the composed nodes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml


def line_of(node: yaml.Node, path: tuple[str | int, ...]) -> int:
    """1-based line of the value at ``path`` (keys and list indexes) under ``node``, or the nearest parent's."""
    line = node.start_mark.line + 1
    for part in path:
        child = _child(node, part)
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    # A node's ``id`` names its kind ("scalar", "sequence", "mapping"): no need to import PyYAML here.
    if node.id == "mapping" and isinstance(part, str):
        return next((value for key, value in node.value if getattr(key, "value", None) == part), None)
    if node.id == "sequence" and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None
