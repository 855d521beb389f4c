"""Pod-spec field paths from the data, matched against real objects.

The data names fields the way the Kubernetes docs do (``PodField.path``):

- ``spec.hostPID``, ``spec.securityContext.runAsUser``: keys from the pod template;
- ``spec.containers[*].securityContext.privileged``: ``[*]`` is every item of a list, and
  ``spec.containers[*]`` stands for every container of the pod: ``containers``,
  ``initContainers`` and ``ephemeralContainers``;
- ``spec.containers[*].resources.limits.hugepages-*``: ``*`` inside a key is a wildcard;
- ``spec.dnsPolicy=ClusterFirstWithHostNet``, ``spec.volumes[*].emptyDir.medium=Memory``,
  ``spec.hostUsers=false``: ``=value`` matches only that value (booleans as ``true``/``false``).

Without ``=value``, a field counts as set when it is present and neither null, ``false`` nor the empty string:
the API server's Windows validation rejects ``privileged: true`` but accepts
``privileged: false``, ``medium: ""`` is the default medium, while ``runAsUser: 0`` is set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from kb.errors import InputTooLarge, InvalidInput

CONTAINER_LISTS = ("containers", "initContainers", "ephemeralContainers")
"""What ``spec.containers[*]`` covers."""

_SEGMENT = re.compile(r"^([A-Za-z0-9_*./-]+?)((?:\[\*\])*)$")

Location = tuple[str | int, ...]
"""Keys and list indexes from the document root to a value."""


@dataclass(frozen=True)
class FieldPath:
    """A parsed data path: key segments (``None`` for ``[*]``) and an optional value to match."""

    text: str
    segments: tuple[str | None, ...]
    value: str | None

    @classmethod
    def parse(cls, text: str) -> FieldPath:
        """Read a data path; InvalidInput when it does not follow the grammar above."""
        path, _, value = text.strip().partition("=")
        segments: list[str | None] = []
        for part in path.split("."):
            match = _SEGMENT.match(part)
            if not match:
                raise InvalidInput(f"field path {text!r}: cannot read segment {part!r}")
            segments.append(match.group(1))
            segments += [None] * (len(match.group(2)) // 3)
        return cls(text, tuple(segments), value.strip() or None if value else None)


@dataclass(frozen=True)
class FieldMatch:
    """A place in an object where a data path is set."""

    location: Location
    value: Any

    def render(self) -> str:
        """``('spec', 'containers', 0, 'image')`` -> ``spec.containers[0].image``."""
        return render_location(self.location)


def render_location(location: Location) -> str:
    out = ""
    for part in location:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def is_set(value: Any) -> bool:
    """Present, and not null, ``false`` or ``""``."""
    return value is not None and value is not False and value != ""


MAX_VISITS = 300_000
"""The most values one check may visit while matching field paths: each path walks every container,
volume or port on its way, so a few hundred ordinary pods take tens of thousands, while a pod with
a hundred thousand containers would take seconds."""


class VisitBudget:
    """Values left to visit in one check; InputTooLarge when they run out."""

    def __init__(self, visits: int = MAX_VISITS) -> None:
        self.left = visits

    def spend(self, visits: int) -> None:
        self.left -= visits
        if self.left < 0:
            raise InputTooLarge(
                f"the manifests hold more containers, volumes and ports than one check reads (it visits at most "
                f"{MAX_VISITS} values); check fewer workloads at a time."
            )


def find_field(
    pod: dict[str, Any], path: FieldPath, prefix: Location = (), budget: VisitBudget | None = None
) -> list[FieldMatch]:
    """Every place in ``pod`` (a pod or pod template: metadata and spec) where ``path`` is set."""
    found: list[FieldMatch] = []
    _walk(pod, path.segments, prefix, found, 0, budget or VisitBudget())
    if path.value is not None:
        return [m for m in found if value_text(m.value) == path.value]
    return [m for m in found if is_set(m.value)]


def value_text(value: Any) -> str:
    """A scalar as YAML writes it, for ``=value`` paths: ``false``, ``Memory``, ``0``."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _walk(
    value: Any,
    segments: tuple[str | None, ...],
    location: Location,
    out: list[FieldMatch],
    depth: int,
    budget: VisitBudget,
) -> None:
    budget.spend(1)
    if not segments:
        out.append(FieldMatch(location, value))
        return
    head, rest = segments[0], segments[1:]
    if head is None or (isinstance(value, list) and head is not None):
        if isinstance(value, list):
            # A key segment on a list reads every item, so a path missing its [*] still matches.
            remaining = rest if head is None else segments
            for index, item in enumerate(value):
                _walk(item, remaining, (*location, index), out, depth + 1, budget)
        return
    if not isinstance(value, dict):
        return
    for key in _keys(value, head, depth == 1 and location[-1:] == ("spec",), budget):
        _walk(value[key], rest, (*location, key), out, depth + 1, budget)


def _keys(mapping: dict[str, Any], pattern: str, at_pod_spec: bool, budget: VisitBudget) -> list[str]:
    if at_pod_spec and pattern == "containers":
        return [k for k in CONTAINER_LISTS if k in mapping]
    if "*" in pattern:
        budget.spend(len(mapping))  # every key is matched against the pattern
        return [k for k in mapping if isinstance(k, str) and fnmatchcase(k, pattern)]
    return [pattern] if pattern in mapping else []
