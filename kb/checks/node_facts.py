"""What a resolved (Kubernetes minor, Windows release, runtime) means for a node: facts and findings.

Judged once per distinct triple by :func:`kb.checks.nodes.check_nodes`; node names are added there.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from kb import query
from kb.answers import FeatureRef
from kb.catalog import Catalog
from kb.checks.findings import Finding, Severity
from kb.history import is_usable, status_label, step_at
from kb.models import WindowsRelease
from kb.node_os import node_os
from kb.releases import end_of_support, kubernetes_view, windows_view
from kb.requirements import requirement_met, requirement_text
from kb.runtime_support import runtime_support
from kb.versions import KubernetesMinor, RuntimeSpec


class FeatureOnNode(BaseModel):
    """A feature that cannot be used on a node as it is, and why."""

    model_config = ConfigDict(frozen=True)

    feature: FeatureRef
    status: str
    why: str


class Findings(list):
    """Findings being collected; the node's name is filled in when the report is made."""

    def add(self, severity: Severity, code: str, message: str, action: str | None, sources: list[str]) -> None:
        self.append(Finding(severity=severity, code=code, message=message, action=action, sources=sources[:2]))


def judge_node(
    catalog: Catalog,
    minor: KubernetesMinor | None,
    windows: WindowsRelease | None,
    runtime: RuntimeSpec | None,
    today: date,
    windows_revision: int | None = None,
) -> tuple[dict[str, Any], list[Finding]]:
    """Facts and findings for a resolved (minor, Windows release and update level, runtime)."""
    findings = Findings()
    facts: dict[str, Any] = {}
    if windows is not None:
        facts |= _windows_facts(catalog, windows, today, findings)
    if minor is not None:
        facts |= _kubernetes_facts(catalog, minor, windows, today, findings)
        if runtime is not None:
            facts |= _runtime_facts(catalog, minor, windows, runtime, windows_revision, findings)
        facts |= _features(catalog, minor, windows, runtime, windows_revision, findings)
    return facts, list(findings)


def _windows_facts(catalog: Catalog, windows: WindowsRelease, today: date, findings: Findings) -> dict[str, Any]:
    view = windows_view(catalog, windows, today)
    end = end_of_support(windows)
    if view.is_supported is False:
        findings.add(
            "warning",
            "windows-end-of-support",
            f"{windows.name} left Microsoft support on {end}.",
            "Move the node to a supported Windows Server release.",
            view.sources,
        )
    images = [
        tag.image
        for ref in view.process_isolation_images
        for tag in windows_view(catalog, catalog.windows[ref.id], today).image_tags
    ]
    return dict(windows_supported=view.is_supported, windows_end_of_support=end, process_isolation_images=images)


def _kubernetes_facts(
    catalog: Catalog, minor: KubernetesMinor, windows: WindowsRelease | None, today: date, findings: Findings
) -> dict[str, Any]:
    view = kubernetes_view(catalog, minor, today)
    if view.is_maintained is False:
        findings.add(
            "warning",
            "kubernetes-end-of-life",
            f"Kubernetes {minor} reached end of life on {view.end_of_life}.",
            "Upgrade the cluster to a maintained minor (see kb upgrade).",
            view.sources,
        )
    os_answer = node_os(catalog, minor, windows) if windows is not None else None
    if windows is not None and os_answer is not None and os_answer.supported is False:
        names = ", ".join(ref.name for ref in os_answer.supported_windows)
        findings.add(
            "error",
            "os-not-supported",
            f"{windows.name} is not a supported Windows node OS on Kubernetes {minor} (supported: {names}).",
            f"Move the node to one of: {names}.",
            view.sources,
        )
    return dict(
        os_supported=os_answer.supported if os_answer else None,
        kubernetes_maintained=view.is_maintained,
        kubernetes_end_of_life=view.end_of_life,
    )


def _runtime_facts(
    catalog: Catalog,
    minor: KubernetesMinor,
    windows: WindowsRelease | None,
    runtime: RuntimeSpec,
    windows_revision: int | None,
    findings: Findings,
) -> dict[str, Any]:
    answer = runtime_support(catalog, runtime, minor, windows, windows_revision)
    usable = is_usable(answer.status)
    if not usable:
        state = status_label(answer.status) if answer.since else "not available yet"
        code = "runtime-removed" if answer.status == "removed" else "runtime-not-supported"
        findings.add(
            "error",
            code,
            f"{answer.name} is {state} on Kubernetes {minor}." + "".join(f" {n}" for n in answer.notes[:1]),
            "Move the node to containerd before running this Kubernetes version.",
            answer.sources,
        )
    elif answer.status == "deprecated":
        findings.add(
            "warning",
            "runtime-deprecated",
            f"{answer.name} is deprecated on Kubernetes {minor}.",
            "Plan the move to containerd.",
            answer.sources,
        )
    for requirement in answer.requirements:
        if requirement.met is False:
            findings.add(
                "error",
                "runtime-too-old",
                f"Kubernetes {minor} needs {requirement.text}; the node runs {runtime}.",
                f"Upgrade the runtime to {requirement.text}.",
                answer.sources,
            )
    return dict(runtime_status=answer.status if answer.since else None, runtime_supported=usable)


def _features(
    catalog: Catalog,
    minor: KubernetesMinor,
    windows: WindowsRelease | None,
    runtime: RuntimeSpec | None,
    windows_revision: int | None,
    findings: Findings,
) -> dict[str, Any]:
    unavailable, gated = [], []
    for feature in catalog.features.values():
        answer = query.answer_support(catalog, feature, minor, None, None)
        ref = FeatureRef(id=feature.id, name=feature.name)
        if not answer.supported:
            why = status_label(answer.status) + (f" ({answer.reason})" if answer.reason else "")
            unavailable.append(FeatureOnNode(feature=ref, status=answer.status, why=why))
            continue
        step = step_at(feature.history, minor)
        failing = [
            requirement_text(catalog, r)
            for r in (step.requirements if step else [])
            if requirement_met(catalog, r, windows, runtime, windows_revision) is False
        ]
        if failing:
            text = "; ".join(failing)
            unavailable.append(FeatureOnNode(feature=ref, status=answer.status, why=f"requires {text}"))
            findings.add(
                "info",
                "feature-requirement-unmet",
                f"{feature.name} ({status_label(answer.status)} on {minor}) requires {text}; this node does not meet it.",
                f"Upgrade the node to {text} to use {feature.name}.",
                answer.sources,
            )
        elif answer.enabled_by_default is False:
            gate = answer.feature_gate or "its feature gate"
            gated.append(FeatureOnNode(feature=ref, status=answer.status, why=f"off by default: {gate}"))
    return dict(unavailable=unavailable, gated=gated)
