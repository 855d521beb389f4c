"""The structured questions by the names people type: each resolves its inputs (a version, a Windows release, a
runtime, a feature or gate) and calls the one engine function of its kind. The REST routes call these; the
free-text reader calls the engine functions directly with what it has already resolved."""

from __future__ import annotations

from datetime import date

from kb.catalog import Catalog
from kb.errors import InvalidInput
from kb.feature_facts import (
    FeatureStageAnswer,
    GateAnswer,
    RuntimeNeedAnswer,
    StageAsked,
    feature_stage,
    gate_on,
    runtime_need,
)
from kb.node_os import NodeOsAnswer, NodeOsList, node_os, node_os_list
from kb.query import resolve_feature, resolve_minor, resolve_runtime, resolve_windows
from kb.release_facts import (
    KubernetesFact,
    KubernetesFactName,
    NodeStageAnswer,
    WindowsFact,
    WindowsFactName,
    kubernetes_fact,
    node_stage,
    windows_fact,
)
from kb.runtime_support import RuntimeList, RuntimeSupportAnswer, runtime_support, runtimes_on
from kb.versions import build_revision, normalise


def gate(catalog: Catalog, name: str, kubernetes: str) -> GateAnswer:
    """A feature gate (or the gate of a feature named by id or alias) on a Kubernetes version."""
    feature = resolve_feature(catalog, name)
    named = next((g for g in feature.feature_gates if normalise(g) == normalise(name)), None)
    return gate_on(catalog, feature, resolve_minor(catalog, kubernetes), named)


def stage(catalog: Catalog, feature: str, asked: StageAsked) -> FeatureStageAnswer:
    """When a feature reached a stage."""
    return feature_stage(catalog, resolve_feature(catalog, feature), asked)


def runtime_needed(catalog: Catalog, feature: str, kubernetes: str, runtime: str | None = None) -> RuntimeNeedAnswer:
    """The runtime version a feature needs on a Kubernetes version."""
    runtime_id = resolve_runtime(catalog, runtime).name if runtime else None
    return runtime_need(catalog, resolve_feature(catalog, feature), resolve_minor(catalog, kubernetes), runtime_id)


def windows_on(catalog: Catalog, kubernetes: str) -> NodeOsList:
    """The Windows Server releases a Kubernetes version supports as node OS."""
    return node_os_list(catalog, resolve_minor(catalog, kubernetes))


def windows_release_on(catalog: Catalog, kubernetes: str, windows: str) -> NodeOsAnswer:
    """Whether a Windows Server release is a supported node OS on a Kubernetes version."""
    return node_os(catalog, resolve_minor(catalog, kubernetes), resolve_windows(catalog, windows))


def runtimes(catalog: Catalog, kubernetes: str) -> RuntimeList:
    """The runtimes a Kubernetes version records for Windows nodes."""
    return runtimes_on(catalog, resolve_minor(catalog, kubernetes))


def runtime(catalog: Catalog, kubernetes: str, name: str, windows: str | None = None) -> RuntimeSupportAnswer:
    """Whether a runtime (at a version) is usable for Windows nodes on a Kubernetes version."""
    release = resolve_windows(catalog, windows) if windows else None
    revision = build_revision(windows) if windows else None
    spec = resolve_runtime(catalog, name)
    return runtime_support(catalog, spec, resolve_minor(catalog, kubernetes), release, revision)


def kubernetes_fact_of(catalog: Catalog, kubernetes: str, fact: KubernetesFactName, today: date) -> KubernetesFact:
    """One fact of a Kubernetes minor."""
    return kubernetes_fact(catalog, resolve_minor(catalog, kubernetes), fact, today)


def windows_fact_of(catalog: Catalog, windows: str, fact: WindowsFactName, today: date) -> WindowsFact:
    """One fact of a Windows Server release."""
    return windows_fact(catalog, resolve_windows(catalog, windows), fact, today)


def node_stage_of(catalog: Catalog, kubernetes: str) -> NodeStageAnswer:
    """The stage of Windows node support on a Kubernetes minor."""
    if not kubernetes.strip():
        raise InvalidInput("A Kubernetes version is needed.", [str(catalog.newest_released)])
    return node_stage(catalog, resolve_minor(catalog, kubernetes), None)
