"""The few pod rules a field path cannot express, each in one small function.

- ``os_declaration``: a pod sent to Windows nodes without ``spec.os.name: windows`` escapes the
  API server's Windows checks (warning from the minor where the Pod OS field is on), and one
  declaring ``linux`` while selecting Windows nodes is refused by the kubelet (error).
- ``hostprocess``: HostProcess is all-or-nothing for a pod's containers, and such a pod must
  use the host network; the API server refuses anything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kb.answers import FeatureRef
from kb.catalog import Catalog
from kb.checks.field_rules import POD_OS_FEATURE, POD_OS_PATH, feature_ref, feature_with_path, rejection_enforced
from kb.checks.fields import Location
from kb.checks.findings import Severity
from kb.checks.workloads import Workload, containers, declared_os, selected_os
from kb.versions import KubernetesMinor

HOSTPROCESS_PATH = "spec.containers[*].securityContext.windowsOptions.hostProcess"
HOSTPROCESS_FEATURE = "hostprocess-containers"
HOST_NETWORK_PATH = "spec.hostNetwork"


@dataclass(frozen=True)
class Issue:
    """A finding before it knows its document: where in the object, what, and what to do."""

    severity: Severity
    code: str
    message: str
    action: str
    location: Location
    feature: FeatureRef | None
    sources: list[str]


def os_declaration(catalog: Catalog, workload: Workload, minor: KubernetesMinor) -> list[Issue]:
    """Findings (as Finding fields) about how the pod declares its OS."""
    feature = feature_with_path(catalog, POD_OS_PATH, POD_OS_FEATURE)
    sources = [s.url for s in feature.sources][:2] if feature else []
    ref = feature_ref(feature) if feature else None
    declared = declared_os(workload)
    if declared == "linux" and "windows" in selected_os(workload):
        return [
            Issue(
                severity="error",
                code="os-conflict",
                message="The pod declares spec.os.name: linux but selects Windows nodes; the kubelet refuses it.",
                action="Set spec.os.name: windows, or select Linux nodes.",
                location=(*workload.prefix, "spec", "os", "name"),
                feature=ref,
                sources=sources,
            )
        ]
    if declared is None and rejection_enforced(catalog, minor):
        return [
            Issue(
                severity="warning",
                code="os-name-missing",
                message=f"A Windows pod without spec.os.name skips the API server's Windows field checks on Kubernetes {minor}.",
                action="Add spec.os.name: windows to the pod spec.",
                location=(*workload.prefix, "spec"),
                feature=ref,
                sources=sources,
            )
        ]
    return []


def _hostprocess(container: dict[str, Any], pod_default: Any) -> bool:
    options = (container.get("securityContext") or {}).get("windowsOptions") or {}
    value = options.get("hostProcess", pod_default)
    return value is True


def hostprocess(catalog: Catalog, workload: Workload) -> tuple[list[Issue], bool]:
    """Findings about HostProcess pods, and whether the pod is one (all its containers HostProcess)."""
    pod_options = (workload.spec.get("securityContext") or {}).get("windowsOptions") or {}
    pod_default = pod_options.get("hostProcess")
    flags: list[tuple[Location, bool]] = [(loc, _hostprocess(c, pod_default)) for loc, c in containers(workload)]
    if not any(flag for _, flag in flags):
        return [], False
    feature = feature_with_path(catalog, HOSTPROCESS_PATH, HOSTPROCESS_FEATURE)
    ref = feature_ref(feature) if feature else None
    sources = [s.url for s in feature.sources][:2] if feature else []
    findings = [
        Issue(
            severity="error",
            code="hostprocess-mixed",
            message="A HostProcess pod mixes in a container that is not HostProcess; the API server refuses the pod.",
            action="Make every container HostProcess (set spec.securityContext.windowsOptions.hostProcess: true) "
            "or move this container to its own pod.",
            location=(*location, "securityContext", "windowsOptions", "hostProcess"),
            feature=ref,
            sources=sources,
        )
        for location, flag in flags
        if not flag
    ]
    if workload.spec.get("hostNetwork") is not True:
        findings.append(
            Issue(
                severity="error",
                code="hostprocess-needs-host-network",
                message="HostProcess pods must use the host network; the API server refuses one without hostNetwork: true.",
                action="Set spec.hostNetwork: true.",
                location=(*workload.prefix, "spec", "hostNetwork"),
                feature=ref,
                sources=sources,
            )
        )
    return findings, not any(f.code == "hostprocess-mixed" for f in findings)
