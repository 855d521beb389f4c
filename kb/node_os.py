"""Which Windows Server releases a Kubernetes minor supports as node OS: the one place for that rule."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kb.answers import Answer, WindowsRef, windows_ref
from kb.catalog import Catalog
from kb.i18n import say
from kb.models import Status, WindowsRelease
from kb.versions import KubernetesMinor


def listed(catalog: Catalog, minor: KubernetesMinor, windows_id: str) -> bool | None:
    """Is ``windows_id`` a supported node OS on ``minor``? None when the data has no list for that minor."""
    support = catalog.os_support.get(minor)
    return None if support is None else windows_id in support.windows


def supported_releases(catalog: Catalog, minor: KubernetesMinor) -> list[WindowsRelease]:
    """The node OS releases of ``minor``, oldest build first; empty when the data has no list."""
    support = catalog.os_support.get(minor)
    return [catalog.windows[w] for w in support.windows] if support else []


def minors_listing(catalog: Catalog, windows_id: str) -> list[KubernetesMinor]:
    """The minors that list ``windows_id`` as a node OS, oldest first."""
    return [minor for minor in sorted(catalog.os_support) if listed(catalog, minor, windows_id)]


class NodeOsList(Answer):
    """The Windows Server releases a Kubernetes minor supports for Windows nodes."""

    kind: Literal["windows-releases"] = "windows-releases"
    kubernetes: str
    windows: list[WindowsRef] = Field(description="Supported node OS releases, oldest build first.")
    windows_stage: str = Field(description="The stage of Windows node support on that minor.")
    notes: list[str]
    sources: list[str]
    confidence: str


class NodeOsAnswer(Answer):
    """Is one Windows Server release a supported node OS on one Kubernetes minor?"""

    kind: Literal["windows-support"] = "windows-support"
    kubernetes: str
    windows: WindowsRef
    status: Status | None = Field(
        description="The Windows node stage when listed, not-supported when not, null when unknown."
    )
    supported: bool | None = Field(description="Listed as a node OS on that minor; null when the data has no list.")
    supported_windows: list[WindowsRef]
    notes: list[str]
    sources: list[str]
    confidence: str


def node_os_list(catalog: Catalog, minor: KubernetesMinor) -> NodeOsList:
    """Every supported node OS release of ``minor``, with the list's notes and sources."""
    support = catalog.os_support.get(minor)
    return NodeOsList(
        kubernetes=str(minor),
        windows=[windows_ref(r) for r in supported_releases(catalog, minor)],
        windows_stage=catalog.kubernetes[minor].windows_stage,
        notes=support.notes if support else [say(catalog.lang, "no-list")],
        sources=[s.url for s in support.sources] if support else [],
        confidence=support.confidence if support else "read",
    )


def node_os(catalog: Catalog, minor: KubernetesMinor, release: WindowsRelease) -> NodeOsAnswer:
    """Whether ``release`` is a supported node OS on ``minor``."""
    every = node_os_list(catalog, minor)
    is_listed = listed(catalog, minor, release.id)
    status: Status | None = None if is_listed is None else (every.windows_stage if is_listed else "not-supported")  # type: ignore[assignment]
    return NodeOsAnswer(
        kubernetes=every.kubernetes,
        windows=windows_ref(release),
        status=status,
        supported=is_listed,
        supported_windows=every.windows,
        notes=every.notes,
        sources=every.sources,
        confidence=every.confidence,
    )
