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


class Interpretation(Answer):
    """What a free-text question was read as: its kind and every entity, with the words behind each."""

    kind: str | None = Field(description="The kind of question, e.g. feature-support, windows-support, image-compat.")
    feature: FeatureRef | None = None
    kubernetes: str | None = Field(
        default=None, description="The Kubernetes minor answered for (the 'from' of a range)."
    )
    kubernetes_to: str | None = Field(default=None, description="The 'to' minor of a range (upgrades, changes).")
    kubernetes_defaulted: bool = Field(
        default=False, description="true when the question gave no Kubernetes version and the newest was used."
    )
    windows: WindowsRef | None = None
    runtime: str | None = None
    host: WindowsRef | None = Field(default=None, description="The node's Windows release (image questions).")
    image: WindowsRef | None = Field(default=None, description="The container image's Windows release.")
    isolation: str | None = None
    subject: str | None = Field(
        default=None, description="The fact asked about: release-date, end-of-life, build, image-tags, stage..."
    )
    stage: str | None = Field(default=None, description="The stage the question asks about (alpha, beta, stable).")
    understood: list[str] = Field(default=[], description="Each word group read and what it resolved to.")
    not_understood: list[str] = Field(default=[], description="Words that resolved to nothing.")
    notes: list[str] = []


class AskAnswer(Answer):
    """A free-text question, how it was read, the engine's answer and one line for humans."""

    question: str
    interpretation: Interpretation
    answer: dict = Field(
        description="The engine's answer for that kind; carries status and supported wherever a yes/no or stage applies."
    )
    text: str

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "question": "is hostprocess supported on 1.22 with ws2019?",
                "interpretation": {
                    "kind": "feature-support",
                    "feature": {"id": "hostprocess-containers", "name": "HostProcess containers"},
                    "kubernetes": "1.22",
                    "kubernetes_to": None,
                    "kubernetes_defaulted": False,
                    "windows": {"id": "ltsc2019", "name": "Windows Server 2019", "build": "10.0.17763"},
                    "runtime": None,
                    "host": None,
                    "image": None,
                    "isolation": None,
                    "subject": None,
                    "stage": None,
                    "understood": [
                        "Windows: ws2019 -> ltsc2019",
                        "Kubernetes: 1.22 -> 1.22",
                        "feature: hostprocess -> hostprocess-containers",
                    ],
                    "not_understood": [],
                    "notes": [],
                },
                "answer": {"status": "alpha", "supported": True, "...": "the /v1/support answer"},
                "text": "HostProcess containers on Kubernetes 1.22 with Windows Server 2019: alpha, supported (...).",
            }
        }
    )
