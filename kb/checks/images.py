"""Container images against the Windows builds of the nodes they may land on (``--nodes``)."""

from __future__ import annotations

from dataclasses import dataclass

from kb import compat
from kb.catalog import Catalog
from kb.checks.pod_rules import Issue
from kb.checks.workloads import Workload, containers
from kb.errors import KbError
from kb.models import WindowsRelease

WINDOWS_BUILD_LABEL = "node.kubernetes.io/windows-build"


@dataclass(frozen=True)
class NodeHost:
    """A Windows node as the image check needs it: name and Windows release."""

    name: str
    windows: WindowsRelease


def reachable(workload: Workload, hosts: list[NodeHost]) -> list[NodeHost]:
    """The hosts the pod's ``node.kubernetes.io/windows-build`` selector allows (all when it has none)."""
    selector = workload.spec.get("nodeSelector") or {}
    wanted = selector.get(WINDOWS_BUILD_LABEL) if isinstance(selector, dict) else None
    if not wanted:
        return hosts
    return [h for h in hosts if h.windows.build == str(wanted) or str(wanted).startswith(h.windows.build + ".")]


def image_issues(catalog: Catalog, workload: Workload, hosts: list[NodeHost]) -> list[Issue]:
    """For each container image: can it run, with process isolation, on the nodes the pod may use?"""
    targets = reachable(workload, hosts)
    issues = []
    for location, container in containers(workload):
        image = container.get("image")
        if not isinstance(image, str) or not image:
            continue
        issues += _image_issue(catalog, image, (*location, "image"), targets, hosts)
    return issues


def _image_issue(
    catalog: Catalog, image: str, location: tuple, targets: list[NodeHost], hosts: list[NodeHost]
) -> list[Issue]:
    if not targets:
        builds = ", ".join(sorted({h.windows.build for h in hosts}))
        return [
            Issue(
                "error",
                "no-matching-nodes",
                f"No node in --nodes matches the pod's {WINDOWS_BUILD_LABEL} selector (nodes run {builds}).",
                "Fix the selector or add nodes of that build.",
                location,
                None,
                [],
            )
        ]
    try:
        compat.image_release(catalog, image)
    except KbError:
        return [
            Issue(
                "info",
                "image-os-unknown",
                f"Cannot tell which Windows release {image} is built on from its name.",
                "Tag images with the Windows release (e.g. ltsc2022) or check the image's os.version "
                "against the nodes' builds.",
                location,
                None,
                [],
            )
        ]
    answers = {}
    for host in {h.windows.id: h for h in targets}.values():
        try:
            answers[host.windows.id] = compat.image_compat(catalog, host.windows.id, image)
        except KbError as exc:
            return [
                Issue(
                    "info",
                    "image-compat-unknown",
                    f"{image} on {host.windows.name}: {exc.message}",
                    "Check the image against the Windows container version compatibility table.",
                    location,
                    None,
                    [],
                )
            ]
    failing = [h for h in targets if not answers[h.windows.id].supported]
    if not failing:
        return []
    answer = answers[failing[0].windows.id]
    names = ", ".join(f"{h.name} ({h.windows.name})" for h in failing)
    some = len(failing) < len(targets)
    return [
        Issue(
            "warning" if some else "error",
            "image-incompatible-some-nodes" if some else "image-incompatible",
            f"{image} cannot run with process isolation on {names}: {answer.reason}",
            (
                f"Pin the pod to matching nodes with a {WINDOWS_BUILD_LABEL} node selector, or publish a multi-arch "
                "image for every build. "
                if some
                else ""
            )
            + (answer.fix or ""),
            location,
            None,
            list(answer.sources)[:2],
        )
    ]
