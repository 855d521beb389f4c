"""What a check reports: findings with a severity, where they point, what to do, and the source."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kb.answers import FeatureRef

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class DocumentRef(BaseModel):
    """Which document of the input a finding is about."""

    model_config = ConfigDict(frozen=True)

    source: str = Field(description="The file name, '-' for stdin, or '<request>'.")
    index: int = Field(description="0-based position of the document in its file.")
    kind: str | None
    name: str | None
    line: int | None = Field(default=None, description="1-based line where the document starts, when known.")


class Finding(BaseModel):
    """One thing a check found: error (will fail), warning (ignored, different or risky), info."""

    model_config = ConfigDict(frozen=True)

    severity: Severity
    code: str = Field(description="Stable kebab-case kind of finding, e.g. field-rejected, runtime-removed.")
    message: str
    action: str | None = Field(description="What to do instead.")
    node: str | None = None
    document: DocumentRef | None = None
    path: str | None = Field(
        default=None, description="e.g. spec.template.spec.containers[0].securityContext.runAsUser"
    )
    line: int | None = Field(default=None, description="1-based line of the path in the input, when known.")
    feature: FeatureRef | None = None
    sources: list[str] = []


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; stable within a severity."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def has_errors(findings: list[Finding]) -> bool:
    """True when any finding is an error: the exit code and CI gates follow this."""
    return any(f.severity == "error" for f in findings)


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each severity."""
    return {severity: sum(1 for f in findings if f.severity == severity) for severity in SEVERITY_ORDER}
