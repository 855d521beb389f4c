"""Answers -> one line of text for people: the CLI, ``text/plain`` and chat all use these."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from kb.answers import FeatureDetail, FeatureRef, FeatureSummary, SupportAnswer
from kb.history import status_label


def support_line(answer: SupportAnswer) -> str:
    """'HostProcess containers on Kubernetes 1.22: alpha, supported (off by default: gate X). Source: URL'."""
    subject = f"{answer.feature.name} on Kubernetes {answer.kubernetes}"
    if answer.windows:
        subject += f" with {answer.windows.name}"
    if answer.runtime:
        subject += f" and {answer.runtime}"
    verdict = "supported" if answer.supported else "not supported"
    details = []
    if answer.enabled_by_default is False and answer.feature_gate:
        details.append(f"off by default: gate {answer.feature_gate}")
    if answer.since:
        details.append(f"since {answer.since}")
    if answer.reason:
        details.append(f"reason: {answer.reason}")
    blocking = [r.text for r in answer.requirements if r.met is False]
    if blocking:
        details.append("fails: " + "; ".join(blocking))
    elif answer.supported:
        needs = [r.text for r in answer.requirements if r.met is None]
        if needs:
            details.append("needs " + "; ".join(needs))
    if answer.confidence == "inferred":
        details.append("inferred")
    detail = f" ({', '.join(details)})" if details else ""
    source = f" Source: {answer.sources[0]}" if answer.sources else ""
    return f"{subject}: {status_label(answer.status)}, {verdict}{detail}.{source}"


def feature_summary_line(feature: FeatureSummary) -> str:
    """'hostprocess-containers: HostProcess containers, stable on Kubernetes 1.34 (security).'"""
    return (
        f"{feature.id}: {feature.name}, {status_label(feature.status)} on Kubernetes {feature.kubernetes}"
        f" ({feature.category})."
    )


def feature_detail_line(detail: FeatureDetail) -> str:
    """'HostProcess containers (hostprocess-containers): 1.22 alpha, 1.23 beta, 1.26 stable. Source: URL'."""
    steps = ", ".join(f"{s.since} {status_label(s.status, s.partial)}" for s in detail.history)
    source = f" Source: {detail.sources[0]}" if detail.sources else ""
    return f"{detail.name} ({detail.id}): {steps}.{source}"


def feature_ref_line(feature: FeatureRef) -> str:
    return f"{feature.id}: {feature.name}"


def generic_line(value: object) -> str:
    """A line for any answer without its own: its scalar fields as 'key=value', space separated."""
    if isinstance(value, BaseModel):
        fields = value.model_dump(mode="json")
        return " ".join(f"{k}={v}" for k, v in fields.items() if isinstance(v, str | int | float | bool))
    return str(value)


LINES: dict[type, Callable[[Any], str]] = {
    SupportAnswer: support_line,
    FeatureSummary: feature_summary_line,
    FeatureDetail: feature_detail_line,
    FeatureRef: feature_ref_line,
}


def any_line(value: object) -> str:
    """The one line for an answer of any kind the engine gives."""
    return LINES.get(type(value), generic_line)(value)
