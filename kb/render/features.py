"""The one line of each feature answer: support, gate, stage reached, runtime needed, summaries."""

from __future__ import annotations

from kb.answers import FeatureDetail, FeatureRef, FeatureSummary, SupportAnswer
from kb.feature_facts import FeatureStageAnswer, GateAnswer, RuntimeNeedAnswer
from kb.history import is_usable, status_label


def source_note(sources: list[str]) -> str:
    """' Source: URL' for the first source, or nothing."""
    return f" Source: {sources[0]}" if sources else ""


def support_line(answer: SupportAnswer) -> str:
    """'HostProcess containers on Kubernetes 1.22: alpha, supported (off by default: gate X). Source: URL'."""
    name = f"{answer.feature.name} ({answer.variant.name})" if answer.variant else answer.feature.name
    subject = f"{name} on Kubernetes {answer.kubernetes}"
    if answer.windows:
        subject += f" with {answer.windows.name}"
    if answer.runtime:
        subject += f" and {answer.runtime}"
    verdict = status_label(answer.status)
    if is_usable(answer.status):
        verdict += ", supported" if answer.supported else ", but not supported with this node"
    details = []
    if answer.enabled_by_default is False and answer.feature_gate:
        details.append(f"off by default: gate {answer.feature_gate}")
    if answer.since:
        details.append(f"since {answer.since}")
    if answer.reason:
        details.append(f"reason: {answer.reason}")
    blocking = [r.text + (f" (has {r.have})" if r.have else "") for r in answer.requirements if r.met is False]
    if blocking:
        details.append("needs " + "; ".join(blocking))
    elif answer.supported:
        needs = [r.text for r in answer.requirements if r.met is None]
        if needs:
            details.append("needs " + "; ".join(needs))
    if answer.confidence == "inferred":
        details.append("inferred")
    cases = {v.supported for v in answer.variants}
    if answer.variant is None and len(cases) > 1:
        details.append("by case: " + "; ".join(f"{v.name} {status_label(v.status)}" for v in answer.variants))
    detail = f" ({', '.join(details)})" if details else ""
    return f"{subject}: {verdict}{detail}.{source_note(answer.sources)}"


def gate_line(answer: GateAnswer) -> str:
    """'WindowsHostNetwork on Kubernetes 1.34: removed (since 1.33); the gate is gone. Source: URL'."""
    gate = answer.gate or answer.feature.name
    presence = {True: "the gate is there", False: "the gate is gone", None: "the gate is locked on or deleted"}
    if answer.gate is None:
        presence[False] = "there is no gate"
    details = [f"since {answer.since}"] if answer.since else []
    if answer.enabled_by_default is not None and answer.gate_present:
        details.append("on by default" if answer.enabled_by_default else "off by default")
    detail = f" ({', '.join(details)})" if details else ""
    subject = gate if answer.gate is None or gate == answer.feature.name else f"{gate} ({answer.feature.name})"
    return (
        f"{subject} on Kubernetes {answer.kubernetes}: {status_label(answer.status)}{detail}; "
        f"{presence[answer.gate_present]}.{source_note(answer.sources)}"
    )


def feature_stage_line(answer: FeatureStageAnswer) -> str:
    """'HostProcess containers became stable in Kubernetes 1.26 (1.22 alpha, 1.23 beta, 1.26 stable). Source: URL'."""
    steps = ", ".join(f"{minor} {status_label(status)}" for minor, status in answer.milestones)
    name = answer.feature.name
    if answer.kubernetes is None:
        wanted = "usable" if answer.stage == "usable" else status_label(answer.stage)
        return f"{name} has never been {wanted} in the data ({steps}).{source_note(answer.sources)}"
    if answer.stage == "usable":
        said = f"{name} has been usable since Kubernetes {answer.kubernetes}"
    elif answer.stage in ("deprecated", "removed"):
        said = f"{name} was {answer.stage} in Kubernetes {answer.kubernetes}"
    else:
        said = f"{name} became {status_label(answer.stage)} in Kubernetes {answer.kubernetes}"
    return f"{said} ({steps}).{source_note(answer.sources)}"


def runtime_need_line(answer: RuntimeNeedAnswer) -> str:
    """'HostProcess containers on Kubernetes 1.26 needs containerd 1.6 or newer. Source: URL'."""
    subject = f"{answer.feature.name} on Kubernetes {answer.kubernetes} ({status_label(answer.status)})"
    if answer.requirement is None:
        return f"{subject}: no runtime version requirement recorded.{source_note(answer.sources)}"
    return f"{subject} needs {answer.requirement}.{source_note(answer.sources)}"


def feature_summary_line(feature: FeatureSummary) -> str:
    """'hostprocess-containers: HostProcess containers, stable on Kubernetes 1.34 (security).'"""
    return (
        f"{feature.id}: {feature.name}, {status_label(feature.status)} on Kubernetes {feature.kubernetes}"
        f" ({feature.category})."
    )


def feature_detail_line(detail: FeatureDetail) -> str:
    """'HostProcess containers (hostprocess-containers): 1.22 alpha, 1.23 beta, 1.26 stable. Source: URL'."""
    steps = ", ".join(f"{s.since} {status_label(s.status, s.partial)}" for s in detail.history)
    return f"{detail.name} ({detail.id}): {steps}.{source_note(detail.sources)}"


def feature_ref_line(feature: FeatureRef) -> str:
    return f"{feature.id}: {feature.name}"
