"""One real answer per resource, shortened, for the OpenAPI page (tests check each against its model)."""

from __future__ import annotations

from typing import Any

SRC = "https://kubernetes.io/docs/concepts/windows/intro/"
WS2019 = {"id": "ltsc2019", "name": "Windows Server 2019", "build": "10.0.17763"}
WS2022 = {"id": "ltsc2022", "name": "Windows Server 2022", "build": "10.0.20348"}
HOSTPROCESS = {"id": "hostprocess-containers", "name": "Windows HostProcess containers"}
CHANGE = {
    "kubernetes": "1.26",
    "kind": "feature-graduated",
    "subject": HOSTPROCESS | {"type": "feature"},
    "from_status": "beta",
    "to_status": "stable",
    "text": "Windows HostProcess containers: beta -> stable. GA; containerd 1.6+ required, 1.7 recommended.",
    "action": None,
    "sources": ["https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.26.md"],
}
KUBERNETES = {
    "version": "1.26",
    "released": "2022-12-08",
    "maintenance_start": "2023-12-28",
    "end_of_life": "2024-02-28",
    "is_maintained": False,
    "latest_patch": "1.26.15",
    "latest_patch_date": "2024-03-14",
    "windows_stage": "stable",
    "windows": [WS2019, WS2022],
    "windows_as_released": None,
    "runtimes": [
        {"id": "containerd", "name": "containerd", "status": "stable", "supported": True, "requirements": []},
        {"id": "docker", "name": "Docker (dockershim)", "status": "removed", "supported": False, "requirements": []},
    ],
    "changes": [CHANGE],
    "notes": [],
    "sources": ["https://kubernetes.io/releases/", SRC],
    "confidence": "read",
}
WINDOWS = {
    "id": "ltsc2022",
    "name": "Windows Server 2022",
    "channel": "LTSC",
    "version": "2022",
    "build": "10.0.20348",
    "ga": "2021-08-18",
    "mainstream_end": "2026-10-13",
    "extended_end": "2031-10-14",
    "is_supported": True,
    "image_tags": [
        {"repository": "servercore", "tag": "ltsc2022", "image": "mcr.microsoft.com/windows/servercore:ltsc2022"},
        {"repository": "nanoserver", "tag": "ltsc2022", "image": "mcr.microsoft.com/windows/nanoserver:ltsc2022"},
    ],
    "aliases": ["ws2022"],
    "kubernetes": ["1.23", "1.24", "1.25", "1.26"],
    "process_isolation_images": [WS2022],
    "notes": [],
    "sources": ["https://learn.microsoft.com/en-us/windows-server/get-started/windows-server-release-info"],
    "confidence": "read",
}
MATRIX = {
    "kubernetes": ["1.26", "1.25"],
    "windows": [WS2019, WS2022],
    "cells": {"1.26": {"ltsc2019": True, "ltsc2022": True}, "1.25": {"ltsc2019": True, "ltsc2022": True}},
}
FEATURE_SUMMARY = {
    "id": "hostprocess-containers",
    "name": "Windows HostProcess containers",
    "category": "identity-security",
    "kind": "feature",
    "summary": "Windows containers that run as processes on the host, for node agents (CNI, CSI, kube-proxy).",
    "status": "stable",
    "kubernetes": "1.26",
    "feature_gates": ["WindowsHostProcessContainers"],
}
FEATURE_DETAIL = {
    **{k: FEATURE_SUMMARY[k] for k in ("id", "name", "category", "kind", "summary", "feature_gates")},
    "aliases": ["hostprocess"],
    "kep": {"number": 1981, "url": "https://github.com/kubernetes/enhancements/tree/master/keps/sig-windows/1981"},
    "fields": [],
    "related": [],
    "history": [
        {
            "since": "1.22",
            "status": "alpha",
            "enabled_by_default": False,
            "partial": False,
            "reason": None,
            "requirements": ["containerd 1.5.4 or newer"],
            "note": "Gate off by default.",
            "sources": ["https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.22.md"],
            "confidence": "read",
            "confidence_note": None,
        }
    ],
    "timeline": [
        {
            "kubernetes": "1.22",
            "status": "alpha",
            "supported": True,
            "enabled_by_default": False,
            "partial": False,
            "since": "1.22",
            "recorded": True,
        }
    ],
    "notes": [],
    "disagreements": [],
    "sources": [SRC],
    "confidence": "read",
    "dataset": {"version": "c14a3fff50e5", "built": "2026-11-25T12:00:00+00:00"},
}
IMAGE_COMPAT = {
    "host": WS2022,
    "image": WS2019,
    "isolation": None,
    "process": False,
    "hyperv": True,
    "kubernetes_isolation": ["process"],
    "supported": False,
    "reason": "A Windows Server 2019 image needs Hyper-V isolation on a Windows Server 2022 host, "
    "which Kubernetes does not support.",
    "fix": "Use an image built for Windows Server 2022 (build 10.0.20348), or schedule the pod on Windows Server 2019 "
    "nodes.",
    "sources": [
        "https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility"
    ],
    "confidence": "read",
}
DIFF = {"from": "1.25", "to": "1.26", "changes": [CHANGE]}
SEARCH = [HOSTPROCESS, {"id": "privileged-containers", "name": "Privileged containers"}]


def example(value: Any) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` entry that shows ``value`` as the 200 JSON example, next to CSV and text."""
    return {
        200: {
            "content": {
                "application/json": {"example": value},
                "text/csv": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}},
            }
        }
    }


UPGRADE = {
    "from": "1.23",
    "to": "1.24",
    "windows": WS2019,
    "runtime": "docker 20.10.9",
    "steps": [
        {
            "kubernetes": "1.24",
            "windows_supported": True,
            "runtime_supported": False,
            "actions": [
                {
                    "kubernetes": "1.24",
                    "severity": "error",
                    "kind": "runtime-changed",
                    "subject": {"id": "docker", "name": "Docker (dockershim)", "type": "runtime"},
                    "text": "Docker (dockershim): deprecated -> removed. dockershim is gone from the kubelet.",
                    "action": "Move Windows nodes off Docker (dockershim) before upgrading to 1.24.",
                    "sources": ["https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.24.md"],
                }
            ],
        }
    ],
    "counts": {"error": 1, "warning": 0, "info": 0},
    "ok": False,
    "dataset": {"version": "c14a3fff50e5", "built": "2026-11-25T12:00:00+00:00"},
}
GATE = {
    "kind": "feature-gate",
    "gate": "WindowsHostNetwork",
    "feature": {"id": "host-network", "name": "hostNetwork for Windows Pods"},
    "kubernetes": "1.34",
    "status": "removed",
    "enabled_by_default": None,
    "gate_present": False,
    "since": "1.33",
    "notes": ["The KEP was withdrawn and the gate removed in 1.33."],
    "sources": ["https://github.com/kubernetes/enhancements/tree/master/keps/sig-windows/3503"],
}
FEATURE_STAGE = {
    "kind": "feature-stage",
    "feature": HOSTPROCESS,
    "stage": "stable",
    "kubernetes": "1.26",
    "reached": True,
    "first_usable": "1.22",
    "ga": "1.26",
    "milestones": [["1.22", "alpha"], ["1.23", "beta"], ["1.26", "stable"]],
    "sources": ["https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.26.md"],
}
RUNTIME_NEED = {
    "kind": "feature-runtime",
    "feature": HOSTPROCESS,
    "kubernetes": "1.26",
    "status": "stable",
    "runtime": "containerd",
    "minimum": "1.6",
    "requirement": "containerd 1.6 or newer",
    "notes": [],
    "sources": [SRC],
}
NODE_OS_LIST = {
    "kind": "windows-releases",
    "kubernetes": "1.26",
    "windows": [WS2019, WS2022],
    "windows_stage": "stable",
    "notes": [],
    "sources": [SRC],
    "confidence": "read",
}
NODE_OS = {
    "kind": "windows-support",
    "kubernetes": "1.26",
    "windows": WS2022,
    "status": "stable",
    "supported": True,
    "supported_windows": [WS2019, WS2022],
    "notes": [],
    "sources": [SRC],
    "confidence": "read",
}
RUNTIME_STATUS = {"id": "containerd", "name": "containerd", "status": "stable", "supported": True, "requirements": []}
RUNTIMES = {
    "kind": "runtimes",
    "kubernetes": "1.26",
    "runtimes": [RUNTIME_STATUS],
    "supported": ["containerd"],
    "sources": ["https://kubernetes.io/docs/setup/production-environment/container-runtimes/"],
}
RUNTIME = {
    "kind": "runtime-support",
    "runtime": "containerd 1.7.13",
    "runtime_id": "containerd",
    "name": "containerd",
    "kubernetes": "1.26",
    "status": "stable",
    "supported": True,
    "since": "1.20",
    "minimum_version": "1.6.0",
    "reason": None,
    "requirements": [{"text": "containerd 1.6.0 or newer", "met": True}],
    "notes": [],
    "sources": ["https://kubernetes.io/docs/setup/production-environment/container-runtimes/"],
}
KUBERNETES_FACT = {
    "kind": "kubernetes-release",
    "kubernetes": "1.30",
    "fact": "end-of-life",
    "value": "2025-06-28",
    "released": "2024-04-17",
    "end_of_life": "2025-06-28",
    "is_maintained": False,
    "latest_patch": "1.30.14",
    "provisional": False,
    "sources": ["https://kubernetes.io/releases/"],
    "page": "/kubernetes/1.30/",
}
WINDOWS_FACT = {
    "kind": "windows-release",
    "windows": WS2022,
    "fact": "build",
    "value": "10.0.20348",
    "channel": "LTSC",
    "version": "21H2",
    "ga": "2021-08-18",
    "end_of_support": "2031-10-14",
    "mainstream_end": "2026-10-13",
    "is_supported": True,
    "kubernetes": ["1.23", "1.24"],
    "sources": ["https://learn.microsoft.com/en-us/windows-server/get-started/windows-server-release-info"],
    "page": "/windows/ltsc2022/",
}
NODE_STAGE = {
    "kind": "node-stage",
    "kubernetes": "1.10",
    "status": "beta",
    "supported": True,
    "since": "1.9",
    "asked_stage": None,
    "matches": None,
    "sources": ["https://kubernetes.io/releases/"],
}


ALIAS_MOVED = {
    "moved": {
        "location": "/v1/features/hostprocess-containers",
        "feature": {"id": "hostprocess-containers", "name": "HostProcess containers"},
        "message": "'hostprocess' is an alias of hostprocess-containers: the answer is at "
        "/v1/features/hostprocess-containers (curl -L follows it).",
    }
}
