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
from kb.answers import WindowsRef, windows_ref
from kb.catalog import Catalog
from kb.checks.documents import Document, kind_of
from kb.checks.fields import Location, render_location
from kb.checks.findings import Finding, counts, has_errors, sort_findings
from kb.checks.images import WINDOWS_BUILD_LABEL, NodeHost
from kb.checks.node_facts import FeatureOnNode, Findings, judge_node
from kb.checks.objects import Node as NodeShape
from kb.checks.objects import shape_problem
from kb.errors import InputTooLarge, InvalidInput, KbError
from kb.models import WindowsRelease
from kb.versions import KubernetesMinor, RuntimeSpec, build_revision

OS_LABELS = ("kubernetes.io/os", "beta.kubernetes.io/os")
MAX_NODES = 1000
"""The most nodes one input may hold; check a larger cluster a node pool at a time (kubectl get nodes -l ...)."""


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
            _bound(len(nodes) + len(items))
            nodes += [_node(document, item, ("items", i)) for i, item in enumerate(items)]
        elif kind == "Node":
            _bound(len(nodes) + 1)
            nodes.append(_node(document, document.content, ()))
        else:
            raise InvalidInput(
                f"{document.source}: document {document.index} is {kind or 'not a Kubernetes object'}; "
                "expected the output of 'kubectl get nodes -o json' (a NodeList or a Node)."
            )
    if not nodes:
        raise InvalidInput("No nodes in the input: the NodeList has no items.")
    return nodes


def _bound(count: int) -> None:
    if count > MAX_NODES:
        raise InputTooLarge(
            f"more than {MAX_NODES} nodes: one check reads at most {MAX_NODES}; "
            "check a node pool at a time (kubectl get nodes -l ...)."
        )


def _node(document: Document, item: Any, at: Location) -> NodeInfo:
    where = render_location(at) or "the Node"
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
    problem = shape_problem(item, NodeShape, at)
    if problem:
        raise InvalidInput(f"{document.source}: document {document.index}: {problem}")
    labels = metadata.get("labels") or {}
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


def node_windows_revision(node: NodeInfo, windows: WindowsRelease | None) -> int | None:
    """The node's Windows update level, from a kernelVersion such as 10.0.17763.6893 of its release."""
    kernel = str(node.info.get("kernelVersion") or "")
    if windows is None or not kernel.startswith(windows.build + "."):
        return None
    return build_revision(kernel)


def windows_hosts(catalog: Catalog, documents: list[Document]) -> list[NodeHost]:
    """The Windows nodes of a node list whose release resolves (for the manifest image check).

    InvalidInput when there is none: an image check against no node would silently pass.
    """
    hosts = []
    for node in read_nodes(documents):
        if node.os == "windows":
            try:
                hosts.append(NodeHost(node.name, resolve_node_windows(catalog, node)))
            except KbError:
                continue
    if not hosts:
        raise InvalidInput("The node list holds no Windows node whose Windows release the data knows.")
    return hosts


def check_nodes(catalog: Catalog, documents: list[Document], today: date) -> NodeCheckReport:
    """Check every node of ``documents`` (the output of ``kubectl get nodes -o json``)."""
    judged: dict[tuple, tuple[dict[str, Any], list[Finding]]] = {}
    reports = [check_node(catalog, node, today, judged) for node in read_nodes(documents)]
    findings = [f for r in reports for f in r.findings]
    return NodeCheckReport(
        today=today,
        nodes=reports,
        counts=counts(findings),
        ok=not has_errors(findings),
        dataset=query.dataset_ref(catalog).model_dump(),
    )


def check_node(
    catalog: Catalog,
    node: NodeInfo,
    today: date,
    judged: dict[tuple, tuple[dict[str, Any], list[Finding]]] | None = None,
) -> NodeReport:
    """One node's report; Linux nodes are listed as not applicable.

    ``judged`` caches what depends only on (minor, Windows release, runtime): the nodes of a
    pool share it, so a large cluster costs one judgement per pool.
    """
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
    findings = Findings()
    minor, windows, runtime = _resolve(catalog, node, findings)
    revision = node_windows_revision(node, windows)
    key = (minor, windows.id if windows else None, revision, str(runtime) if runtime else None)
    cache = judged if judged is not None else {}
    if key not in cache:
        cache[key] = judge_node(catalog, minor, windows, runtime, today, revision)
    facts, shared = cache[key]
    return NodeReport(
        **base,
        applicable=True,
        kubernetes=str(minor) if minor else None,
        windows=windows_ref(windows) if windows else None,
        runtime=str(runtime) if runtime else None,
        findings=sort_findings([f.model_copy(update={"node": node.name}) for f in [*findings, *shared]]),
        **facts,
    )


def _resolve(
    catalog: Catalog, node: NodeInfo, findings: Findings
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
