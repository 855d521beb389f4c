"""Node check: what the knowledge base says about each Windows node of ``kubectl get nodes -o json``.

Each node's kubelet version, Windows build and runtime are resolved with :mod:`kb.query`
(never guessed: what cannot be resolved is an error finding), then judged against the
OS support list, release dates (``today`` is a parameter), runtime history and every feature.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from kb import query
from kb.answers import FeatureRef, WindowsRef
from kb.catalog import Catalog
from kb.checks.documents import Document, kind_of
from kb.checks.findings import Finding, Severity, counts, has_errors, sort_findings
from kb.checks.images import WINDOWS_BUILD_LABEL, NodeHost
from kb.errors import InvalidInput, KbError
from kb.history import is_usable, status_label, step_at
from kb.models import WindowsRelease
from kb.releases import kubernetes_view, windows_ref, windows_view
from kb.versions import KubernetesMinor, RuntimeSpec

OS_LABELS = ("kubernetes.io/os", "beta.kubernetes.io/os")


class FeatureOnNode(BaseModel):
    """A feature that cannot be used on a node as it is, and why."""

    model_config = ConfigDict(frozen=True)

    feature: FeatureRef
    status: str
    why: str


class NodeReport(BaseModel):
    """One node: what it runs, what that means, and the findings."""

    model_config = ConfigDict(frozen=True)

    name: str
    os: str | None
    applicable: bool = Field(description="false for Linux nodes: the check is about Windows nodes.")
    kubelet_version: str | None = None
    kubernetes: str | None = Field(default=None, description="The Kubernetes minor the kubelet maps to.")
    windows: WindowsRef | None = None
    os_image: str | None = None
    kernel_version: str | None = None
    container_runtime: str | None = None
    runtime: str | None = Field(default=None, description="The runtime as understood, e.g. 'containerd 1.7.13'.")
    os_supported: bool | None = Field(default=None, description="The Windows release is listed for that minor.")
    kubernetes_maintained: bool | None = None
    kubernetes_end_of_life: date | None = None
    windows_supported: bool | None = Field(default=None, description="Microsoft still services the release today.")
    windows_end_of_support: date | None = None
    runtime_status: str | None = None
    runtime_supported: bool | None = None
    process_isolation_images: list[str] = Field(default=[], description="Image tags that run here (process).")
    unavailable: list[FeatureOnNode] = []
    gated: list[FeatureOnNode] = Field(default=[], description="Usable only with a feature gate turned on.")
    findings: list[Finding] = []


class NodeCheckReport(BaseModel):
    """The node check's answer."""

    model_config = ConfigDict(frozen=True)

    today: date
    nodes: list[NodeReport]
    counts: dict[str, int]
    ok: bool = Field(description="false when an error-level finding exists.")
    dataset: dict


@dataclass(frozen=True)
class NodeInfo:
    """What the check reads from one Node object."""

    name: str
    os: str | None
    labels: dict[str, str]
    info: dict[str, Any]


def read_nodes(documents: list[Document]) -> list[NodeInfo]:
    """Nodes from a NodeList, a List of Nodes or single Nodes; InvalidInput for anything else."""
    nodes = []
    for document in documents:
        kind = kind_of(document)
        if kind in ("NodeList", "List"):
            items = document.content.get("items")
            if not isinstance(items, list):
                raise InvalidInput(f"{document.source}: document {document.index}: a {kind} needs a list of items.")
            nodes += [_node(document, item, f"items[{i}]") for i, item in enumerate(items)]
        elif kind == "Node":
            nodes.append(_node(document, document.content, "the Node"))
        else:
            raise InvalidInput(
                f"{document.source}: document {document.index} is {kind or 'not a Kubernetes object'}; "
                "expected the output of 'kubectl get nodes -o json' (a NodeList or a Node)."
            )
    if not nodes:
        raise InvalidInput("No nodes in the input: the NodeList has no items.")
    return nodes


def _node(document: Document, item: Any, where: str) -> NodeInfo:
    if not isinstance(item, dict) or item.get("kind", "Node") != "Node":
        raise InvalidInput(f"{document.source}: {where} is not a Node.")
    metadata = item.get("metadata") if isinstance(item.get("metadata"), dict) else {}
    name = str(metadata.get("name") or where)
    info = (item.get("status") or {}).get("nodeInfo") if isinstance(item.get("status"), dict) else None
    if not isinstance(info, dict) or not info.get("kubeletVersion"):
        raise InvalidInput(
            f"{document.source}: node {name} has no status.nodeInfo.kubeletVersion; "
            "pass the full 'kubectl get nodes -o json' output, not a trimmed or template object."
        )
    labels = {str(k): str(v) for k, v in (metadata.get("labels") or {}).items()}
    os_name = next((labels[label] for label in OS_LABELS if label in labels), None) or info.get("operatingSystem")
    return NodeInfo(name, os_name, labels, info)


def resolve_node_windows(catalog: Catalog, node: NodeInfo) -> WindowsRelease:
    """The node's Windows release from kernelVersion, the windows-build label, then osImage."""
    candidates = [node.info.get("kernelVersion"), node.labels.get(WINDOWS_BUILD_LABEL), node.info.get("osImage")]
    error: KbError | None = None
    for text in candidates:
        if text:
            try:
                return query.resolve_windows(catalog, str(text))
            except KbError as exc:
                error = error or exc
    raise error or InvalidInput(f"Node {node.name} reports no kernelVersion, windows-build label or osImage.")


def windows_hosts(catalog: Catalog, documents: list[Document]) -> list[NodeHost]:
    """The Windows nodes of a node list whose release resolves (for the manifest image check)."""
    hosts = []
    for node in read_nodes(documents):
        if node.os == "windows":
            try:
                hosts.append(NodeHost(node.name, resolve_node_windows(catalog, node)))
            except KbError:
                continue
    return hosts


def check_nodes(catalog: Catalog, documents: list[Document], today: date) -> NodeCheckReport:
    """Check every node of ``documents`` (the output of ``kubectl get nodes -o json``)."""
    reports = [check_node(catalog, node, today) for node in read_nodes(documents)]
    findings = [f for r in reports for f in r.findings]
    return NodeCheckReport(
        today=today,
        nodes=reports,
        counts=counts(findings),
        ok=not has_errors(findings),
        dataset=query.dataset_ref(catalog).model_dump(),
    )


class _Findings(list):
    """Findings of one node, built with the node's name filled in."""

    def __init__(self, node: str) -> None:
        super().__init__()
        self.node = node

    def add(self, severity: Severity, code: str, message: str, action: str | None, sources: list[str]) -> None:
        self.append(
            Finding(severity=severity, code=code, message=message, action=action, node=self.node, sources=sources[:2])
        )


def check_node(catalog: Catalog, node: NodeInfo, today: date) -> NodeReport:
    """One node's report; Linux nodes are listed as not applicable."""
    base = dict(
        name=node.name,
        os=node.os,
        kubelet_version=node.info.get("kubeletVersion"),
        os_image=node.info.get("osImage"),
        kernel_version=node.info.get("kernelVersion"),
        container_runtime=node.info.get("containerRuntimeVersion"),
    )
    if node.os != "windows":
        return NodeReport(**base, applicable=False)
    findings = _Findings(node.name)
    minor, windows, runtime = _resolve(catalog, node, findings)
    facts: dict[str, Any] = {}
    if windows is not None:
        facts |= _windows_facts(catalog, windows, today, findings)
    if minor is not None:
        facts |= _kubernetes_facts(catalog, minor, windows, today, findings)
        if runtime is not None:
            facts |= _runtime_facts(catalog, minor, windows, runtime, findings)
        facts |= _features(catalog, minor, windows, runtime, findings)
    return NodeReport(
        **base,
        applicable=True,
        kubernetes=str(minor) if minor else None,
        windows=windows_ref(windows) if windows else None,
        runtime=str(runtime) if runtime else None,
        findings=sort_findings(list(findings)),
        **facts,
    )


def _resolve(
    catalog: Catalog, node: NodeInfo, findings: _Findings
) -> tuple[KubernetesMinor | None, WindowsRelease | None, RuntimeSpec | None]:
    minor = windows = runtime = None
    try:
        minor = query.resolve_minor(catalog, str(node.info["kubeletVersion"]))
    except KbError as exc:
        findings.add(
            "error",
            "kubelet-version-unknown",
            exc.message,
            "Check the kubelet version; the data does not cover it.",
            [],
        )
    try:
        windows = resolve_node_windows(catalog, node)
    except KbError as exc:
        findings.add("error", "windows-unknown", exc.message, "Check the node's Windows build.", [])
    text = node.info.get("containerRuntimeVersion")
    if text:
        try:
            runtime = query.resolve_runtime(catalog, str(text))
        except KbError as exc:
            findings.add("error", "runtime-unknown", exc.message, "Use a runtime the data knows (containerd).", [])
    return minor, windows, runtime


def _windows_facts(catalog: Catalog, windows: WindowsRelease, today: date, findings: _Findings) -> dict[str, Any]:
    view = windows_view(catalog, windows, today)
    end = windows.extended_end or windows.mainstream_end
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
    catalog: Catalog, minor: KubernetesMinor, windows: WindowsRelease | None, today: date, findings: _Findings
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
    supported = None
    if windows is not None and view.windows:
        supported = any(ref.id == windows.id for ref in view.windows)
        if not supported:
            listed = ", ".join(ref.name for ref in view.windows)
            findings.add(
                "error",
                "os-not-supported",
                f"{windows.name} is not a supported Windows node OS on Kubernetes {minor} (supported: {listed}).",
                f"Move the node to one of: {listed}.",
                view.sources,
            )
    return dict(
        os_supported=supported, kubernetes_maintained=view.is_maintained, kubernetes_end_of_life=view.end_of_life
    )


def _runtime_facts(
    catalog: Catalog, minor: KubernetesMinor, windows: WindowsRelease | None, runtime: RuntimeSpec, findings: _Findings
) -> dict[str, Any]:
    definition = catalog.runtimes[runtime.name]
    step = step_at(definition.history, minor)
    sources = [s.url for s in (step.sources if step else definition.sources)]
    if step is None or not is_usable(step.status):
        state = status_label(step.status) if step else "not available yet"
        code = "runtime-removed" if step is not None and step.status == "removed" else "runtime-not-supported"
        findings.add(
            "error",
            code,
            f"{definition.name} is {state} on Kubernetes {minor}." + (f" {step.note}" if step and step.note else ""),
            "Move the node to containerd before running this Kubernetes version.",
            sources,
        )
    elif step.status == "deprecated":
        findings.add(
            "warning",
            "runtime-deprecated",
            f"{definition.name} is deprecated on Kubernetes {minor}.",
            "Plan the move to containerd.",
            sources,
        )
    for requirement in step.requirements if step else []:
        if query.requirement_met(catalog, requirement, windows, runtime) is False:
            needed = query.requirement_text(catalog, requirement)
            findings.add(
                "error",
                "runtime-too-old",
                f"Kubernetes {minor} needs {needed}; the node runs {runtime}.",
                f"Upgrade the runtime to {needed}.",
                sources,
            )
    return dict(runtime_status=step.status if step else None, runtime_supported=bool(step and is_usable(step.status)))


def _features(
    catalog: Catalog,
    minor: KubernetesMinor,
    windows: WindowsRelease | None,
    runtime: RuntimeSpec | None,
    findings: _Findings,
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
            query.requirement_text(catalog, r)
            for r in (step.requirements if step else [])
            if query.requirement_met(catalog, r, windows, runtime) is False
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
