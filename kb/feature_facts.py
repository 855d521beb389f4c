"""A feature's facts other than "is it supported": its gate on a minor, when it reached a stage, the runtime it needs."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kb.answers import Answer, FeatureRef
from kb.catalog import Catalog
from kb.history import first_with, state_at, status_since
from kb.i18n import say
from kb.models import Feature, Status
from kb.requirements import requirement_text
from kb.versions import KubernetesMinor, parse_kubernetes

StageAsked = Literal["alpha", "beta", "stable", "deprecated", "removed", "usable"]
GATED_STATUSES = frozenset({"alpha", "beta", "deprecated"})
"""Statuses under which a feature gate is certainly present: GA gates are locked on and later deleted."""


def _ref(feature: Feature) -> FeatureRef:
    return FeatureRef(id=feature.id, name=feature.name)


def _sources(feature: Feature, minor: KubernetesMinor | None) -> list[str]:
    step = state_at(feature.history, minor).step if minor else None
    urls = [s.url for s in step.sources] if step else []
    return list(dict.fromkeys(urls + [s.url for s in feature.sources]))


class GateAnswer(Answer):
    """A feature gate on one Kubernetes minor: the stage of what it gates, its default, and whether it is there."""

    kind: Literal["feature-gate"] = "feature-gate"
    gate: str | None = Field(description="The gate asked about, or the feature's first gate; null when it has none.")
    feature: FeatureRef
    kubernetes: str
    status: Status
    enabled_by_default: bool | None
    gate_present: bool | None = Field(
        description="true while the feature is alpha, beta or deprecated (the gate exists); false before the first "
        "record, when not supported or removed; null when stable (a GA gate is locked on and deleted later)."
    )
    since: str | None = Field(description="The minor where the current status began.")
    notes: list[str]
    sources: list[str]


def gate_on(catalog: Catalog, feature: Feature, minor: KubernetesMinor, gate: str | None = None) -> GateAnswer:
    """The gate ``gate`` (default: the feature's first) on ``minor``."""
    state = state_at(feature.history, minor)
    present: bool | None = True if state.status in GATED_STATUSES else (None if state.status == "stable" else False)
    notes = [state.step.note] if state.step and state.step.note else []
    if not feature.feature_gates:
        notes.insert(0, say(catalog.lang, "no-gate", name=feature.name))
        present = False
    elif present is None:
        notes.append(say(catalog.lang, "gate-locked"))
    return GateAnswer(
        gate=gate or (feature.feature_gates[0] if feature.feature_gates else None),
        feature=_ref(feature),
        kubernetes=str(minor),
        status=state.status,
        enabled_by_default=state.step.enabled_by_default if state.step else None,
        gate_present=present,
        since=status_since(feature.history, minor),
        notes=notes,
        sources=_sources(feature, minor),
    )


class FeatureStageAnswer(Answer):
    """When a feature reached a stage: the first minor with that status (or first usable), and its milestones."""

    kind: Literal["feature-stage"] = "feature-stage"
    feature: FeatureRef
    stage: StageAsked
    kubernetes: str | None = Field(description="The first minor where the feature was at that stage; null if never.")
    reached: bool
    first_usable: str | None
    ga: str | None
    milestones: list[tuple[str, Status]] = Field(description="(minor, status) of each change of status, oldest first.")
    sources: list[str]


def feature_stage(catalog: Catalog, feature: Feature, stage: StageAsked) -> FeatureStageAnswer:
    """The first minor where ``feature`` was at ``stage`` ('usable': alpha, beta, stable or deprecated)."""
    reached = first_with(feature.history, stage)
    milestones: list[tuple[str, Status]] = []
    for step in feature.history:
        if not milestones or milestones[-1][1] != step.status:
            milestones.append((step.since, step.status))
    return FeatureStageAnswer(
        feature=_ref(feature),
        stage=stage,
        kubernetes=reached,
        reached=reached is not None,
        first_usable=first_with(feature.history, "usable"),
        ga=first_with(feature.history, "stable"),
        milestones=milestones,
        sources=_sources(feature, parse_kubernetes(reached) if reached else None),
    )


class RuntimeNeedAnswer(Answer):
    """Which runtime version a feature needs on one Kubernetes minor."""

    kind: Literal["feature-runtime"] = "feature-runtime"
    feature: FeatureRef
    kubernetes: str
    status: Status
    runtime: str | None = Field(description="The runtime id the requirement names; null when none is required.")
    minimum: str | None = Field(description="The oldest runtime version that meets it; null when none is recorded.")
    requirement: str | None = Field(description="The requirement as the data words it.")
    notes: list[str]
    sources: list[str]


def runtime_need(
    catalog: Catalog, feature: Feature, minor: KubernetesMinor, runtime: str | None = None
) -> RuntimeNeedAnswer:
    """The runtime requirement of ``feature`` on ``minor`` (for ``runtime`` when given)."""
    state = state_at(feature.history, minor)
    needs = [r for r in (state.step.requirements if state.step else []) if r.runtime]
    chosen = next((r for r in needs if runtime is None or r.runtime == runtime), None)
    notes = []
    if chosen is None:
        asked = f"{catalog.runtimes[runtime].name} " if runtime in catalog.runtimes else ""
        notes.append(say(catalog.lang, "no-runtime-requirement", runtime=asked, name=feature.name, minor=minor))
    return RuntimeNeedAnswer(
        feature=_ref(feature),
        kubernetes=str(minor),
        status=state.status,
        runtime=chosen.runtime if chosen else runtime,
        minimum=chosen.runtime_version if chosen else None,
        requirement=requirement_text(catalog, chosen) if chosen else None,
        notes=notes,
        sources=_sources(feature, minor),
    )
