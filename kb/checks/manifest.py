"""Manifest check: will these workloads run on Windows nodes at a Kubernetes version?

Every field rule comes from the data's ``Feature.fields`` (see :mod:`kb.checks.field_rules`);
the few rules that need more than a path are in :mod:`kb.checks.pod_rules`, and images
against node builds in :mod:`kb.checks.images`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from kb.catalog import Catalog
from kb.checks.documents import Document, kind_of
from kb.checks.field_rules import FieldRule, feature_ref, field_rules, judge, rejection_enforced
from kb.checks.fields import VisitBudget, find_field, render_location
from kb.checks.findings import SEVERITY_ORDER, DocumentRef, Finding, counts, has_errors, sort_findings
from kb.checks.images import NodeHost, image_issues
from kb.checks.pod_rules import HOST_NETWORK_PATH, Issue, hostprocess, os_declaration
from kb.checks.workloads import Workload, declared_os, targets_windows, workloads
from kb.errors import InvalidInput
from kb.query import dataset_ref, resolve_minor
from kb.versions import KubernetesMinor


class CheckedWorkload(BaseModel):
    """One pod template of the input and whether it was checked as a Windows pod."""

    model_config = ConfigDict(frozen=True)

    document: DocumentRef
    path: str = Field(description="Where the pod template sits in the document, e.g. spec.template.")
    windows: bool
    targeted_by: str | None = Field(description="Why it counts as a Windows pod, or null.")


class ManifestReport(BaseModel):
    """The manifest check's answer: what was checked and every finding."""

    model_config = ConfigDict(frozen=True)

    kubernetes: str
    os: str | None = Field(description="The --os the check was forced to, or null.")
    nodes: list[str] = Field(description="Windows nodes whose builds images were checked against.")
    workloads: list[CheckedWorkload]
    skipped: list[str] = Field(description="Documents that hold no pod template, with why.")
    findings: list[Finding]
    counts: dict[str, int]
    ok: bool = Field(description="false when an error-level finding exists.")
    dataset: dict


def check_manifests(
    catalog: Catalog,
    documents: list[Document],
    kubernetes: str = "latest",
    force_os: str | None = None,
    hosts: list[NodeHost] | None = None,
) -> ManifestReport:
    """Check every workload in ``documents`` as a Windows pod at ``kubernetes``."""
    if force_os not in (None, "windows"):
        raise InvalidInput(f"--os {force_os!r}: only 'windows' can be forced.", ["windows"])
    minor = resolve_minor(catalog, kubernetes)
    found, skipped = workloads(documents)
    if not found:
        kinds = ", ".join(sorted({k for k in (kind_of(d) for d in documents) if k}))
        raise InvalidInput(
            f"No workload in the input (found {kinds or 'nothing'}); expected Pod, Deployment, StatefulSet, "
            "DaemonSet, ReplicaSet, Job, CronJob or a List of them."
        )
    rules = field_rules(catalog)
    enforced = rejection_enforced(catalog, minor)
    checked: list[CheckedWorkload] = []
    findings: list[Finding] = []
    budget = VisitBudget()
    for workload in found:
        why = targets_windows(workload, force_os)
        ref = _document_ref(workload)
        checked.append(
            CheckedWorkload(
                document=ref, path=render_location(workload.prefix) or ".", windows=bool(why), targeted_by=why
            )
        )
        if why:
            issues = workload_issues(catalog, workload, minor, rules, enforced, hosts or [], budget)
            findings += [_finding(workload, ref, issue) for issue in issues]
    findings = sort_findings(findings)
    return ManifestReport(
        kubernetes=str(minor),
        os=force_os,
        nodes=[h.name for h in hosts or []],
        workloads=checked,
        skipped=[f"{d.source} document {d.index}: {why}" for d, why in skipped],
        findings=findings,
        counts=counts(findings),
        ok=not has_errors(findings),
        dataset=dataset_ref(catalog).model_dump(),
    )


def workload_issues(
    catalog: Catalog,
    workload: Workload,
    minor: KubernetesMinor,
    rules: list[FieldRule],
    enforced: bool,
    hosts: list[NodeHost],
    budget: VisitBudget | None = None,
) -> list[Issue]:
    """Every issue of one Windows pod: data field rules, then pod rules, then images."""
    issues = os_declaration(catalog, workload, minor)
    hostprocess_issues, is_hostprocess = hostprocess(catalog, workload)
    issues += hostprocess_issues
    declares_windows = declared_os(workload) == "windows"
    for rule in rules:
        if is_hostprocess and rule.path.text == HOST_NETWORK_PATH:
            continue  # HostProcess pods must use the host network.
        verdict = None
        for match in find_field(workload.pod, rule.path, workload.prefix, budget):
            verdict = verdict or judge(rule, minor, declares_windows, enforced)
            if verdict is None:
                break
            issues.append(
                Issue(
                    verdict.severity,
                    verdict.code,
                    verdict.message,
                    verdict.action,
                    match.location,
                    feature_ref(rule.feature),
                    verdict.sources,
                )
            )
    if hosts:
        issues += image_issues(catalog, workload, hosts)
    return _distinct(issues)


def _distinct(issues: list[Issue]) -> list[Issue]:
    """One data-field issue per place, the most severe: two features may name one field (fsGroup, dnsPolicy)."""
    chosen: dict[tuple, Issue] = {}
    for issue in issues:
        if not issue.code.startswith("field-"):
            continue
        held = chosen.get(issue.location)
        if held is None or SEVERITY_ORDER[issue.severity] < SEVERITY_ORDER[held.severity]:
            chosen[issue.location] = issue
    return [i for i in issues if not i.code.startswith("field-") or chosen[i.location] is i]


def _document_ref(workload: Workload) -> DocumentRef:
    document = workload.document
    return DocumentRef(
        source=document.source,
        index=document.index,
        kind=workload.kind,
        name=workload.name,
        line=document.line_of(workload.prefix[:2]) if workload.item else document.line,
    )


def _finding(workload: Workload, ref: DocumentRef, issue: Issue) -> Finding:
    return Finding(
        severity=issue.severity,
        code=issue.code,
        message=issue.message,
        action=issue.action,
        document=ref,
        path=render_location(issue.location),
        line=workload.document.line_of(issue.location),
        feature=issue.feature,
        sources=issue.sources,
    )
