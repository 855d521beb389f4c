"""The shapes the engine answers in: pydantic models at the edge, identical in the API, the CLI and the site."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from kb.models import Reason, Status


class Answer(BaseModel):
    model_config = ConfigDict(frozen=True)


class FeatureRef(Answer):
    id: str
    name: str


class WindowsRef(Answer):
    id: str
    name: str
    build: str


class RequirementResult(Answer):
    text: str
    met: bool | None = Field(description="true or false when the question gave enough to tell, null when unknown")


class DatasetRef(Answer):
    version: str
    built: str


class SupportAnswer(Answer):
    """Is this feature supported on this Kubernetes minor (with this Windows release and runtime)?"""

    feature: FeatureRef
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
        description="The Kubernetes minor where the current status began; null before any record."
    )
    reason: Reason | None = Field(description="Why not, where the data says.")
    requirements: list[RequirementResult]
    notes: list[str]
    sources: list[str]
    confidence: str
    dataset: DatasetRef

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "feature": {"id": "hostprocess-containers", "name": "HostProcess containers"},
                "kubernetes": "1.22",
                "windows": None,
                "runtime": None,
                "status": "alpha",
                "supported": True,
                "enabled_by_default": False,
                "feature_gate": "WindowsHostProcessContainers",
                "since": "1.22",
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
    timeline: list[TimelineEntry]
    notes: list[str]
    disagreements: list[dict]
    sources: list[str]
    confidence: str
    dataset: DatasetRef
