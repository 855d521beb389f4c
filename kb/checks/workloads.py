"""Workload documents -> the pod templates inside them, and whether each one targets Windows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kb.checks.documents import Document, kind_of
from kb.checks.fields import Location, render_location
from kb.checks.objects import WORKLOAD_SHAPES, shape_problem
from kb.errors import InputTooLarge, InvalidInput

POD_TEMPLATE_AT: dict[str, Location] = {
    "Pod": (),
    "Deployment": ("spec", "template"),
    "StatefulSet": ("spec", "template"),
    "DaemonSet": ("spec", "template"),
    "ReplicaSet": ("spec", "template"),
    "ReplicationController": ("spec", "template"),
    "Job": ("spec", "template"),
    "CronJob": ("spec", "jobTemplate", "spec", "template"),
    "PodTemplate": ("template",),
}
"""Where each workload kind keeps its pod (template): metadata and spec below this location."""

MAX_WORKLOADS = 500
"""The most pod templates one check reads (each is judged against every field rule): a large Helm
release renders a few dozen, a namespace's dump a few hundred."""
LIST_KINDS = frozenset({"List", "PodList", "DeploymentList", "StatefulSetList", "DaemonSetList", "JobList"})
OS_LABELS = ("kubernetes.io/os", "beta.kubernetes.io/os")


@dataclass(frozen=True)
class Workload:
    """A pod template found in the input: the document, where it sits, and what it says."""

    document: Document
    kind: str
    name: str | None
    item: tuple[int, ...]
    """Index in a List's items (empty for a top-level object)."""
    prefix: Location
    pod: dict[str, Any]

    @property
    def spec(self) -> dict[str, Any]:
        spec = self.pod.get("spec")
        return spec if isinstance(spec, dict) else {}


def workloads(documents: list[Document]) -> tuple[list[Workload], list[tuple[Document, str]]]:
    """Pod templates in ``documents``, and the documents skipped (kind not a workload) with why.

    A document that is not a mapping with a ``kind`` is bad input: InvalidInput names it.
    """
    found: list[Workload] = []
    skipped: list[tuple[Document, str]] = []
    for document in documents:
        kind = kind_of(document)
        if kind is None:
            raise InvalidInput(
                f"{document.source}: document {document.index} is not a Kubernetes object (no 'kind'); "
                f"expected one of {', '.join(sorted({*POD_TEMPLATE_AT, 'List'}))}."
            )
        if kind in LIST_KINDS:
            items = document.content.get("items") or []
            if not isinstance(items, list):
                raise InvalidInput(f"{document.source}: document {document.index}: 'items' of a {kind} is not a list.")
            for index, item in enumerate(items):
                _add(found, skipped, document, item, (index,), ("items", index))
                _bound(found)
        else:
            _add(found, skipped, document, document.content, (), ())
            _bound(found)
    return found, skipped


def _bound(found: list[Workload]) -> None:
    if len(found) > MAX_WORKLOADS:
        raise InputTooLarge(
            f"more than {MAX_WORKLOADS} workloads: one check reads at most {MAX_WORKLOADS}; check a namespace "
            "or a release at a time."
        )


def _add(
    found: list[Workload],
    skipped: list[tuple[Document, str]],
    document: Document,
    obj: Any,
    item: tuple[int, ...],
    base: Location,
) -> None:
    kind = obj.get("kind") if isinstance(obj, dict) else None
    if not isinstance(kind, str):
        raise InvalidInput(
            f"{document.source}: document {document.index}: {render_location(base)} is not a Kubernetes object "
            "(no 'kind')."
        )
    if kind not in POD_TEMPLATE_AT:
        skipped.append((document, f"{kind} holds no pod template"))
        return
    prefix = (*base, *POD_TEMPLATE_AT[kind])
    pod: Any = obj
    for key in POD_TEMPLATE_AT[kind]:
        pod = pod.get(key) if isinstance(pod, dict) else None
    if not isinstance(pod, dict) or not isinstance(pod.get("spec"), dict):
        raise InvalidInput(
            f"{document.source}: document {document.index} ({kind}): no pod spec at "
            f"{'.'.join([*POD_TEMPLATE_AT[kind], 'spec'])}."
        )
    problem = shape_problem(obj, WORKLOAD_SHAPES[kind], base)
    if problem:
        raise InvalidInput(f"{document.source}: document {document.index} ({kind}): {problem}")
    metadata = obj.get("metadata") or {}
    found.append(Workload(document, kind, metadata.get("name"), item, prefix, pod))


def declared_os(workload: Workload) -> str | None:
    """``spec.os.name`` when set."""
    os_field = workload.spec.get("os")
    return os_field.get("name") if isinstance(os_field, dict) else None


def selected_os(workload: Workload) -> set[str]:
    """Operating systems the node selector or required node affinity allows (empty: any)."""
    spec = workload.spec
    selector = spec.get("nodeSelector") if isinstance(spec.get("nodeSelector"), dict) else {}
    chosen = {str(selector[label]) for label in OS_LABELS if label in selector}
    for expression in _required_expressions(spec):
        if expression.get("key") not in OS_LABELS:
            continue
        values = {str(v) for v in expression.get("values") or []}
        if expression.get("operator") == "In":
            chosen |= values
        elif expression.get("operator") == "NotIn" and "linux" in values and "windows" not in values:
            chosen.add("windows")  # "anything but Linux" lands on Windows nodes
    return chosen


def _required_expressions(spec: dict[str, Any]) -> list[dict[str, Any]]:
    affinity = spec.get("affinity") or {}
    node = affinity.get("nodeAffinity") or {} if isinstance(affinity, dict) else {}
    required = node.get("requiredDuringSchedulingIgnoredDuringExecution") or {} if isinstance(node, dict) else {}
    terms = required.get("nodeSelectorTerms") or [] if isinstance(required, dict) else []
    return [
        expression
        for term in terms
        if isinstance(term, dict)
        for expression in term.get("matchExpressions") or []
        if isinstance(expression, dict)
    ]


def targets_windows(workload: Workload, force_os: str | None = None) -> str | None:
    """Why this pod targets Windows (``spec.os.name``, a selector, ``--os``), or None when it does not."""
    if force_os == "windows":
        return "--os windows"
    if declared_os(workload) == "windows":
        return "spec.os.name: windows"
    if "windows" in selected_os(workload):
        return "node selector or affinity on kubernetes.io/os: windows"
    return None


def containers(workload: Workload) -> list[tuple[Location, dict[str, Any]]]:
    """Every container with its location: containers, initContainers, ephemeralContainers."""
    out = []
    for list_name in ("containers", "initContainers", "ephemeralContainers"):
        for index, container in enumerate(workload.spec.get(list_name) or []):
            if isinstance(container, dict):
                out.append(((*workload.prefix, "spec", list_name, index), container))
    return out
