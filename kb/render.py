"""Answers -> one line of text for people: the CLI, ``text/plain`` and chat all use these."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from kb.answers import AskAnswer, FeatureDetail, FeatureRef, FeatureSummary, SupportAnswer
from kb.compat import ImageCompatAnswer
from kb.dataset import DatasetMeta
from kb.diff import Change, ReleaseDiff
from kb.history import is_usable, status_label
from kb.releases import KubernetesReleaseView, OsMatrix, WindowsReleaseView
from kb.upgrade import UpgradePlan


def support_line(answer: SupportAnswer) -> str:
    """'HostProcess containers on Kubernetes 1.22: alpha, supported (off by default: gate X). Source: URL'."""
    subject = f"{answer.feature.name} on Kubernetes {answer.kubernetes}"
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
    return f"{subject}: {verdict}{detail}.{source}"


def upgrade_line(plan: UpgradePlan) -> str:
    """'Upgrade 1.23 -> 1.27 for Windows Server 2019, docker 20.10.9: 1 blocker (1.24 ...). Source: URL'."""
    given = ", ".join(x for x in (plan.windows.name if plan.windows else None, plan.runtime) if x)
    subject = f"Upgrade {plan.from_} -> {plan.to}" + (f" for {given}" if given else "")
    actions = [a for step in plan.steps for a in step.actions]
    blockers = [a for a in actions if a.severity == "error"]
    warnings = [a for a in actions if a.severity == "warning"]
    first = (blockers or warnings or [None])[0]
    counts = f"{len(blockers)} blocker{'s' if len(blockers) != 1 else ''}, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}, {len(actions)} changes"
    if first is None:
        return f"{subject}: {counts}; nothing needs action."
    todo = f" {first.action}" if first.action else ""
    source = f" Source: {first.sources[0]}" if first.sources else ""
    return f"{subject}: {counts}; first: {first.kubernetes} {first.text.split('. ')[0]}.{todo}{source}"


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


def _yes_no(value: bool | None, yes: str, no: str) -> str:
    return "unknown" if value is None else (yes if value else no)


def kubernetes_line(release: KubernetesReleaseView) -> str:
    """'Kubernetes 1.30: released 2024-04-17, end of life 2025-06-28 (not maintained), Windows nodes stable, ...'."""
    windows = ", ".join(w.id for w in release.windows) or "none listed"
    maintained = _yes_no(release.is_maintained, "maintained", "not maintained")
    return (
        f"Kubernetes {release.version}: released {release.released or 'unknown'}, end of life "
        f"{release.end_of_life or 'unknown'} ({maintained}), Windows nodes {release.windows_stage}, "
        f"Windows Server: {windows}, {len(release.changes)} change(s) for Windows."
    )


def windows_line(release: WindowsReleaseView) -> str:
    """'Windows Server 2022 (ltsc2022, LTSC): build 10.0.20348, GA 2021-08-18, ... Kubernetes 1.23-1.34.'."""
    kubernetes = f"{release.kubernetes[0]} to {release.kubernetes[-1]}" if release.kubernetes else "none"
    supported = _yes_no(release.is_supported, "supported by Microsoft", "out of Microsoft support")
    tags = ", ".join(dict.fromkeys(t.tag for t in release.image_tags)) or "none"
    return (
        f"{release.name} ({release.id}, {release.channel}): build {release.build}, GA {release.ga}, "
        f"{supported}, image tags {tags}, Kubernetes {kubernetes}."
    )


def matrix_lines(matrix: OsMatrix) -> list[str]:
    """One line per Kubernetes minor: '1.30: ltsc2019, ltsc2022'."""
    return [
        f"{minor}: {', '.join(w for w, listed in matrix.cells[minor].items() if listed) or 'none'}"
        for minor in matrix.kubernetes
    ]


def image_compat_line(answer: ImageCompatAnswer) -> str:
    """'ltsc2019 image on ltsc2022 host: supported (process). Reason. Fix: ...'."""
    modes = [m for m in ("process", "hyperv") if getattr(answer, m)]
    verdict = "supported" if answer.supported else "not supported"
    fix = f" Fix: {answer.fix}" if answer.fix else ""
    return (
        f"{answer.image.name} image on a {answer.host.name} host: {verdict} by Kubernetes "
        f"(runs with: {', '.join(modes) or 'no isolation'}). {answer.reason}{fix}"
    )


def change_line(change: Change) -> str:
    """'1.26 feature-graduated: HostProcess containers beta -> stable.'."""
    return f"{change.kubernetes} {change.kind}: {change.text}"


def diff_lines(diff: ReleaseDiff) -> list[str]:
    return [change_line(c) for c in diff.changes] or [f"No changes for Windows from {diff.from_} to {diff.to}."]


def meta_line(meta: DatasetMeta) -> str:
    c = meta.counts
    return (
        f"Dataset {meta.dataset_version} built {meta.built}: {c.features} features, {c.limitations} limitations, "
        f"Kubernetes {meta.kubernetes_oldest} to {meta.kubernetes_newest}, newest Windows release {meta.windows_newest.name}."
    )


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
    KubernetesReleaseView: kubernetes_line,
    WindowsReleaseView: windows_line,
    ImageCompatAnswer: image_compat_line,
    Change: change_line,
    DatasetMeta: meta_line,
    UpgradePlan: upgrade_line,
    AskAnswer: lambda answer: answer.text,
}
MULTI_LINES: dict[type, Callable[[Any], list[str]]] = {OsMatrix: matrix_lines, ReleaseDiff: diff_lines}


def any_line(value: object) -> str:
    """The one line for an answer of any kind the engine gives."""
    return LINES.get(type(value), generic_line)(value)


def text_lines(value: object) -> list[str]:
    """An answer as text: one line, or one line per item of a list or a table."""
    if isinstance(value, list):
        return [any_line(item) for item in value]
    if type(value) in MULTI_LINES:
        return MULTI_LINES[type(value)](value)
    return [any_line(value)]
