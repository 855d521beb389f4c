"""Status semantics: what a history says about one Kubernetes minor. The one place for that rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kb.i18n import Lang, status_word
from kb.models import USABLE_STATUSES, Status, Step
from kb.versions import KubernetesMinor, parse_kubernetes

BEFORE_FIRST_RECORD: Status = "not-supported"
"""What holds before a history's first step: nothing is recorded, so nothing is claimed to work."""


def step_at(history: Sequence[Step], minor: KubernetesMinor) -> Step | None:
    """The step in force at ``minor``: the last one whose ``since`` is not after it, or None before the first."""
    current = None
    for step in history:
        if parse_kubernetes(step.since) <= minor:
            current = step
        else:
            break
    return current


@dataclass(frozen=True)
class State:
    """A history read at one minor: the step in force (None before the first record), its status, usable."""

    step: Step | None
    status: Status
    usable: bool

    @property
    def recorded(self) -> bool:
        return self.step is not None


def state_at(history: Sequence[Step], minor: KubernetesMinor) -> State:
    """The state at ``minor``; before the first step it is :data:`BEFORE_FIRST_RECORD`, never usable."""
    step = step_at(history, minor)
    status = step.status if step else BEFORE_FIRST_RECORD
    return State(step, status, is_usable(status))


def is_usable(status: str) -> bool:
    """A feature can be used (maybe behind a gate) under alpha, beta, stable and deprecated."""
    return status in USABLE_STATUSES


def status_label(status: str, partial: bool = False, lang: Lang = "en") -> str:
    """The status as people read it: 'stable', 'stable (partial)', 'not supported' (kb.i18n words it)."""
    return status_word(status, lang, partial)


def status_since(history: Sequence[Step], minor: KubernetesMinor) -> str | None:
    """The minor where the status in force at ``minor`` began: consecutive steps with that status are one run.

    gMSA stable since 1.18 stays "since 1.18" after a later stable step adds a note or a requirement.
    """
    step = step_at(history, minor)
    if step is None:
        return None
    index = list(history).index(step)
    while index > 0 and history[index - 1].status == step.status:
        index -= 1
    return history[index].since


def first_with(history: Sequence[Step], status: str) -> str | None:
    """The first minor whose step has ``status`` ('usable': any usable status), or None when none does."""
    for step in history:
        if step.status == status or (status == "usable" and is_usable(step.status)):
            return step.since
    return None
