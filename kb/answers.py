"""The shapes the engine answers in: pydantic models at the edge, identical in the API, the CLI and the site."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kb.models import Reason, Status, WindowsRelease


class Answer(BaseModel):
    model_config = ConfigDict(frozen=True)


class FeatureRef(Answer):
    id: str
    name: str


class WindowsRef(Answer):
    id: str
    name: str
    build: str


def windows_ref(release: WindowsRelease) -> WindowsRef:
    """A Windows release as answers name it: id, name and build."""
    return WindowsRef(id=release.id, name=release.name, build=release.build)


class RequirementResult(Answer):
    text: str = Field(description="What is required.")
    met: bool | None = Field(description="true or false when the question gave enough to tell, null when unknown")
    have: str | None = Field(default=None, description="What the node asked about has, where the question says.")


class DatasetRef(Answer):
    version: str
    built: str


class VariantState(Answer):
    """One case of a feature on the minor asked: its status and whether it is usable."""

    id: str
    name: str
    status: Status
    supported: bool


class SupportAnswer(Answer):
    """Is this feature supported on this Kubernetes minor (with this Windows release and runtime)?"""

    kind: Literal["feature-support"] = "feature-support"
    feature: FeatureRef
    variant: FeatureRef | None = Field(
        default=None, description="The case of the feature asked about (a variant id and name), or null."
    )
    kubernetes: str
    windows: WindowsRef | None
    runtime: str | None = Field(description="The runtime the question named, as understood, or null.")
    status: Status
    supported: bool = Field(
        description="Usable on that version (alpha, beta, stable, deprecated) and no requirement ruled out."
    )
    enabled_by_default: bool | None
    feature_gate: str | None
    since: str | None = Field(
        description="The Kubernetes minor where the current status began (a run of steps with the same status is "
        "one run); null before any record."
    )
    first_usable: str | None = Field(
        description="The first Kubernetes minor where the feature could be used at all (alpha, beta, stable or "
        "deprecated); null when never."
    )
    ga: str | None = Field(description="The Kubernetes minor where the feature first became stable; null when never.")
    reason: Reason | None = Field(description="Why not, where the data says.")
    requirements: list[RequirementResult]
    variants: list[VariantState] = Field(
        default=[], description="Every case of the feature on that minor, when its cases differ in support."
    )
    notes: list[str]
    sources: list[str]
    confidence: str
    dataset: DatasetRef

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "kind": "feature-support",
                "feature": {"id": "hostprocess-containers", "name": "HostProcess containers"},
                "kubernetes": "1.22",
                "windows": None,
                "runtime": None,
                "status": "alpha",
                "supported": True,
                "enabled_by_default": False,
                "feature_gate": "WindowsHostProcessContainers",
                "since": "1.22",
                "first_usable": "1.22",
                "ga": "1.26",
                "reason": None,
                "requirements": [{"text": "containerd 1.5.4 or newer", "met": None}],
                "notes": ["Alpha: the WindowsHostProcessContainers gate must be turned on."],
                "sources": ["https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/"],
                "confidence": "read",
                "dataset": {"version": "c14a3fff50e5", "built": "2026-11-25T12:00:00+00:00"},
            }
        }
    )


class TimelineEntry(Answer):
    """A feature's state at one Kubernetes minor."""

    kubernetes: str
    status: Status
    supported: bool
    enabled_by_default: bool | None
    partial: bool
    since: str | None
    recorded: bool = Field(description="false before the first recorded step")


class StepView(Answer):
    since: str
    status: Status
    enabled_by_default: bool | None
    partial: bool
    reason: Reason | None
    requirements: list[str]
    note: str | None
    sources: list[str]
    confidence: str
    confidence_note: str | None


class FeatureSummary(Answer):
    id: str
    name: str
    category: str
    kind: str
    summary: str
    status: Status = Field(description="Status at the newest Kubernetes minor in the data (or the one asked for).")
    kubernetes: str
    feature_gates: list[str]


class VariantDetail(Answer):
    """One case of a feature whose support differs from the others, with its own history."""

    id: str
    name: str
    aliases: list[str]
    history: list[StepView]


class FeatureDetail(Answer):
    id: str
    name: str
    category: str
    kind: str
    summary: str
    aliases: list[str]
    feature_gates: list[str]
    kep: dict | None
    fields: list[dict]
    related: list[FeatureRef]
    history: list[StepView]
    variants: list[VariantDetail] = Field(default=[], description="Cases whose support differs, each with its history.")
    timeline: list[TimelineEntry]
    notes: list[str]
    disagreements: list[dict]
    sources: list[str]
    confidence: str
    dataset: DatasetRef
