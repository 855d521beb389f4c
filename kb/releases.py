"""Kubernetes and Windows Server releases as answers: dates, maintenance, support for Windows nodes."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from kb.answers import WindowsRef, windows_ref
from kb.catalog import Catalog
from kb.compat import images_for_host
from kb.diff import Change, changes_at
from kb.models import KubernetesRelease, WindowsRelease
from kb.node_os import listed, minors_listing, supported_releases
from kb.query import resolve_minor, resolve_windows
from kb.runtime_support import RuntimeStatus, runtimes_on
from kb.versions import KubernetesMinor, build_number


class View(BaseModel):
    model_config = ConfigDict(frozen=True)


class KubernetesReleaseView(View):
    version: str
    released: date | None
    maintenance_start: date | None
    end_of_life: date | None
    is_maintained: bool | None
    latest_patch: str | None
    latest_patch_date: date | None
    windows_stage: str
    windows: list[WindowsRef]
    windows_as_released: list[WindowsRef] | None
    runtimes: list[RuntimeStatus]
    changes: list[Change]
    notes: list[str]
    sources: list[str]
    confidence: str


class ImageTag(View):
    repository: str
    tag: str
    image: str


class WindowsReleaseView(View):
    id: str
    name: str
    channel: str
    version: str
    build: str
    ga: date
    mainstream_end: date | None
    extended_end: date | None
    is_supported: bool | None
    image_tags: list[ImageTag]
    aliases: list[str]
    kubernetes: list[str]
    process_isolation_images: list[WindowsRef]
    notes: list[str]
    sources: list[str]
    confidence: str


class OsMatrix(View):
    kubernetes: list[str]
    windows: list[WindowsRef]
    cells: dict[str, dict[str, bool]]


def is_maintained(end: date | None, today: date) -> bool | None:
    """True while ``today`` is not after ``end``; None when the end is not known."""
    return None if end is None else today <= end


def kubernetes_view(catalog: Catalog, minor: KubernetesMinor, today: date) -> KubernetesReleaseView:
    """A Kubernetes minor with its Windows facts."""
    release: KubernetesRelease = catalog.kubernetes[minor]
    support = catalog.os_support.get(minor)
    return KubernetesReleaseView(
        version=release.version,
        released=release.released,
        maintenance_start=release.maintenance_start,
        end_of_life=release.end_of_life,
        is_maintained=is_maintained(release.end_of_life, today) if release.released else None,
        latest_patch=release.latest_patch,
        latest_patch_date=release.latest_patch_date,
        windows_stage=release.windows_stage,
        windows=[windows_ref(r) for r in supported_releases(catalog, minor)],
        windows_as_released=[windows_ref(catalog.windows[w]) for w in support.as_released]
        if support and support.as_released is not None
        else None,
        runtimes=runtimes_on(catalog, minor).runtimes,
        changes=changes_at(catalog, minor),
        notes=release.notes + (support.notes if support else []),
        sources=list(
            dict.fromkeys([s.url for s in release.sources] + ([s.url for s in support.sources] if support else []))
        ),
        confidence="inferred"
        if release.confidence == "inferred" or (support and support.confidence == "inferred")
        else "read",
    )


def kubernetes_detail(catalog: Catalog, version: str, today: date) -> KubernetesReleaseView:
    """One Kubernetes minor, by any accepted version form (``latest`` too)."""
    return kubernetes_view(catalog, resolve_minor(catalog, version), today)


def list_kubernetes(catalog: Catalog, today: date) -> list[KubernetesReleaseView]:
    """Every Kubernetes minor in the data, newest first."""
    return [kubernetes_view(catalog, minor, today) for minor in sorted(catalog.kubernetes, reverse=True)]


def end_of_support(release: WindowsRelease) -> date | None:
    """The last day Microsoft supports ``release``: the end of extended support where there is one."""
    return release.extended_end or release.mainstream_end


def windows_view(catalog: Catalog, release: WindowsRelease, today: date) -> WindowsReleaseView:
    """A Windows Server release with its Kubernetes and image facts."""
    end = end_of_support(release)
    return WindowsReleaseView(
        id=release.id,
        name=release.name,
        channel=release.channel,
        version=release.version,
        build=release.build,
        ga=release.ga,
        mainstream_end=release.mainstream_end,
        extended_end=release.extended_end,
        is_supported=is_maintained(end, today),
        image_tags=[
            ImageTag(repository=repo, tag=tag, image=image) for repo, tag, image in release.image_tags.references()
        ],
        aliases=release.aliases,
        kubernetes=[str(minor) for minor in minors_listing(catalog, release.id)],
        process_isolation_images=images_for_host(catalog, release.id),
        notes=release.notes,
        sources=[s.url for s in release.sources],
        confidence=release.confidence,
    )


def windows_detail(catalog: Catalog, text: str, today: date) -> WindowsReleaseView:
    """One Windows release by id, alias, name or build."""
    return windows_view(catalog, resolve_windows(catalog, text), today)


def list_windows(catalog: Catalog, today: date) -> list[WindowsReleaseView]:
    """Every Windows release in the data, newest build first."""
    ordered = sorted(catalog.windows.values(), key=lambda r: (build_number(r.build), r.channel == "LTSC"), reverse=True)
    return [windows_view(catalog, release, today) for release in ordered]


def os_matrix(catalog: Catalog) -> OsMatrix:
    """Kubernetes minor x Windows release -> listed as a supported node OS."""
    minors = sorted(catalog.kubernetes, reverse=True)
    releases = sorted(catalog.windows.values(), key=lambda r: (build_number(r.build), r.channel == "LTSC"))
    cells = {str(minor): {r.id: listed(catalog, minor, r.id) is True for r in releases} for minor in minors}
    return OsMatrix(kubernetes=[str(m) for m in minors], windows=[windows_ref(r) for r in releases], cells=cells)
