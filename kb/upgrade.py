"""Upgrade plan: what to do, version by version, to move Windows nodes from one Kubernetes minor to another.

Built on :func:`kb.diff.diff` (what changed for Windows at each minor), and judged against the
operator's Windows release and runtime when given: a change that hits them becomes a blocker
(``error``) with what to do before that step; one that may hit them is a ``warning``; the rest
is ``info``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kb import query
from kb.answers import WindowsRef, windows_ref
from kb.catalog import Catalog
from kb.checks.findings import SEVERITY_ORDER, Severity, counts
from kb.diff import Change, Subject, diff
from kb.errors import InvalidInput
from kb.history import is_usable, status_label, step_at
from kb.i18n import say
from kb.models import WindowsRelease
from kb.node_os import node_os
from kb.requirements import requirement_met, requirement_text
from kb.runtime_support import runtime_support
from kb.versions import KubernetesMinor, RuntimeSpec, build_revision, parse_kubernetes

SEVERITY_OF_KIND: dict[str, Severity] = {
    "feature-removed": "warning",
    "feature-deprecated": "warning",
    "limitation-added": "warning",
    "windows-dropped": "warning",
}
"""Default severity of a change when the plan has no Windows release or runtime to judge it by."""


class UpgradeAction(BaseModel):
    """One thing to know or do at one step of the upgrade."""

    model_config = ConfigDict(frozen=True)

    kubernetes: str
    severity: Severity = Field(description="error: blocks this step for the given nodes; warning: may; info.")
    kind: str = Field(
        description="A diff change kind, or runtime-too-old / windows-not-supported / runtime-not-supported."
    )
    subject: Subject | None
    text: str
    action: str | None
    sources: list[str]


class UpgradeStep(BaseModel):
    """One Kubernetes minor on the way."""

    model_config = ConfigDict(frozen=True)

    kubernetes: str
    windows_supported: bool | None = Field(description="The given Windows release is listed for this minor.")
    runtime_supported: bool | None = Field(description="The given runtime is usable on this minor.")
    actions: list[UpgradeAction]


class UpgradePlan(BaseModel):
    """From one minor to another, step by step, with what to do."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)

    kind: Literal["upgrade"] = "upgrade"
    from_: str = Field(alias="from")
    to: str
    windows: WindowsRef | None
    runtime: str | None
    steps: list[UpgradeStep]
    counts: dict[str, int]
    ok: bool = Field(description="false when a step has an error-level action (a blocker).")
    dataset: dict


def plan(
    catalog: Catalog,
    from_version: str,
    to_version: str,
    windows: str | None = None,
    runtime: str | None = None,
) -> UpgradePlan:
    """The upgrade plan from ``from_version`` to ``to_version`` (refuses downgrades and unknown versions)."""
    release = query.resolve_windows(catalog, windows) if windows else None
    revision = build_revision(windows) if windows else None
    spec = query.resolve_runtime(catalog, runtime) if runtime else None
    changes = diff(catalog, from_version, to_version)
    start, end = parse_kubernetes(changes.from_), parse_kubernetes(changes.to)
    if start == end:
        raise InvalidInput(f"'from' and 'to' are both {start}; there is nothing to upgrade.", [])
    by_minor: dict[str, list[Change]] = {}
    for change in changes.changes:
        by_minor.setdefault(change.kubernetes, []).append(change)
    steps = []
    flagged: set[str] = set()
    for minor in (m for m in catalog.minors if start < m <= end):
        actions = [_judge(catalog, change, release, spec, revision) for change in by_minor.get(str(minor), [])]
        windows_ok, windows_actions = _windows_step(catalog, minor, release, actions, flagged)
        runtime_ok, runtime_actions = _runtime_step(catalog, minor, release, spec, actions, flagged)
        actions = sorted(actions + windows_actions + runtime_actions, key=lambda a: SEVERITY_ORDER[a.severity])
        steps.append(
            UpgradeStep(
                kubernetes=str(minor), windows_supported=windows_ok, runtime_supported=runtime_ok, actions=actions
            )
        )
    every = [a for s in steps for a in s.actions]
    return UpgradePlan(
        **{"from": str(start)},
        to=str(end),
        windows=windows_ref(release) if release else None,
        runtime=str(spec) if spec else None,
        steps=steps,
        counts=counts(every),
        ok=not any(a.severity == "error" for a in every),
        dataset=query.dataset_ref(catalog).model_dump(),
    )


def _judge(
    catalog: Catalog,
    change: Change,
    windows: WindowsRelease | None,
    runtime: RuntimeSpec | None,
    windows_revision: int | None,
) -> UpgradeAction:
    """A diff change as an action, with a severity for the given Windows release (and update level) and runtime."""
    severity = SEVERITY_OF_KIND.get(change.kind, "info")
    action = change.action
    unmet = _unmet_requirements(catalog, change, windows, runtime, windows_revision)
    if unmet:
        needs = "; ".join(unmet)
        action = say(catalog.lang, "use-on-nodes", needs=needs) + (f" {action}" if action else "")
    if change.kind == "windows-dropped" and windows is not None:
        severity = "error" if change.subject.id == windows.id else "info"
    if change.kind == "runtime-changed":
        hits = runtime is None or change.subject.id == runtime.name
        if change.to_status in ("removed", "not-supported"):
            severity = ("error" if runtime else "warning") if hits else "info"
        elif change.to_status == "deprecated":
            severity = "warning" if hits else "info"
    return UpgradeAction(
        kubernetes=change.kubernetes,
        severity=severity,
        kind=change.kind,
        subject=change.subject,
        text=change.text,
        action=action,
        sources=change.sources[:2],
    )


def _unmet_requirements(
    catalog: Catalog,
    change: Change,
    windows: WindowsRelease | None,
    runtime: RuntimeSpec | None,
    windows_revision: int | None,
) -> list[str]:
    """What a feature that changes at this step asks of nodes that the given Windows or runtime lacks."""
    feature = catalog.features.get(change.subject.id) if change.subject.type == "feature" else None
    if feature is None or (windows is None and runtime is None):
        return []
    step = step_at(feature.history, parse_kubernetes(change.kubernetes))
    if step is None or not is_usable(step.status):
        return []
    return [
        say(catalog.lang, "needs", requirement=requirement_text(catalog, r))
        for r in step.requirements
        if requirement_met(catalog, r, windows, runtime, windows_revision) is False
    ]


def _windows_step(
    catalog: Catalog,
    minor: KubernetesMinor,
    windows: WindowsRelease | None,
    actions: list[UpgradeAction],
    flagged: set[str],
) -> tuple[bool | None, list[UpgradeAction]]:
    """Is the given Windows release listed at ``minor``; a blocker the first time it is not."""
    if windows is None:
        return None, []
    answer = node_os(catalog, minor, windows)
    if answer.supported is None:
        return None, []
    said = any(a.kind == "windows-dropped" and a.subject and a.subject.id == windows.id for a in actions)
    if answer.supported or said or "windows" in flagged:
        flagged.discard("windows") if answer.supported else flagged.add("windows")
        return answer.supported, []
    flagged.add("windows")
    names = ", ".join(w.name for w in answer.supported_windows)
    return False, [
        UpgradeAction(
            kubernetes=str(minor),
            severity="error",
            kind="windows-not-supported",
            subject=Subject(id=windows.id, name=windows.name, type="windows"),
            text=say(catalog.lang, "not-a-node-os", windows=windows.name, minor=minor),
            action=say(catalog.lang, "move-nodes-to", names=names, minor=minor),
            sources=answer.sources[:2],
        )
    ]


def _runtime_step(
    catalog: Catalog,
    minor: KubernetesMinor,
    windows: WindowsRelease | None,
    runtime: RuntimeSpec | None,
    actions: list[UpgradeAction],
    flagged: set[str],
) -> tuple[bool | None, list[UpgradeAction]]:
    """Is the given runtime usable at ``minor`` and new enough; blockers the first time it is not."""
    if runtime is None:
        return None, []
    answer = runtime_support(catalog, runtime, minor, windows)
    usable = is_usable(answer.status)
    subject = Subject(id=answer.runtime_id, name=answer.name, type="runtime")
    sources = answer.sources[:2]
    out = []
    said = any(a.kind == "runtime-changed" and a.subject and a.subject.id == runtime.name for a in actions)
    if not usable and not said and "runtime" not in flagged:
        state = status_label(answer.status, lang=catalog.lang) if answer.since else say(catalog.lang, "not-available")
        out.append(
            UpgradeAction(
                kubernetes=str(minor),
                severity="error",
                kind="runtime-not-supported",
                subject=subject,
                text=say(catalog.lang, "runtime-state", name=answer.name, state=state, minor=minor),
                action=say(catalog.lang, "move-to-supported-runtime", minor=minor),
                sources=sources,
            )
        )
    if not usable:
        flagged.add("runtime")
        return False, out
    for requirement in answer.requirements:
        if requirement.met is False and requirement.text not in flagged:
            flagged.add(requirement.text)
            out.append(
                UpgradeAction(
                    kubernetes=str(minor),
                    severity="error",
                    kind="runtime-too-old",
                    subject=subject,
                    text=say(
                        catalog.lang, "runtime-too-old", minor=minor, requirement=requirement.text, runtime=runtime
                    ),
                    action=say(catalog.lang, "upgrade-runtime", requirement=requirement.text, minor=minor),
                    sources=sources,
                )
            )
    return True, out
