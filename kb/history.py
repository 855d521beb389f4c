"""Status semantics: what a history says about one Kubernetes minor. The one place for that rule."""

from __future__ import annotations

from collections.abc import Sequence

from kb.models import USABLE_STATUSES, Step
from kb.versions import KubernetesMinor, parse_kubernetes


def step_at(history: Sequence[Step], minor: KubernetesMinor) -> Step | None:
    """The step in force at ``minor``: the last one whose ``since`` is not after it, or None before the first."""
    current = None
    for step in history:
        if parse_kubernetes(step.since) <= minor:
            current = step
        else:
            break
    return current


def is_usable(status: str) -> bool:
    """A feature can be used (maybe behind a gate) under alpha, beta, stable and deprecated."""
    return status in USABLE_STATUSES


def status_label(status: str, partial: bool = False) -> str:
    """The status as people read it: 'stable', 'stable (partial)', 'not supported'."""
    label = status.replace("-", " ")
    return f"{label} (partial)" if partial else label
