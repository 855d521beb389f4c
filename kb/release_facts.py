"""One fact of a release, as asked: a Kubernetes minor's dates, a Windows Server release's build, tags and support,
and the stage of Windows node support. Each answer carries the fact, its sources and the release's page."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from kb import site_paths as paths
from kb.answers import Answer, WindowsRef, windows_ref
from kb.catalog import Catalog
from kb.history import is_usable
from kb.models import WindowsRelease
from kb.node_os import minors_listing
from kb.releases import end_of_support, is_maintained
from kb.versions import KubernetesMinor

KubernetesFactName = Literal["release-date", "end-of-life", "maintained", "latest-patch", "overview"]
WindowsFactName = Literal[
    "build", "build-label", "image-tags", "release-date", "end-of-support", "mainstream-end", "supported", "overview"
]
Stage = Literal["alpha", "beta", "stable"]
BUILD_LABEL = "node.kubernetes.io/windows-build"


def page_url(path: str) -> str:
    """A generated page's path as a site URL: 'kubernetes/1.30.md' -> '/kubernetes/1.30/'."""
    return "/" + path.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"


class KubernetesFact(Answer):
    """One fact of a Kubernetes minor."""

    kind: Literal["kubernetes-release"] = "kubernetes-release"
    kubernetes: str
    fact: KubernetesFactName
    value: str | bool | None = Field(
        description="The fact: a date, a patch version, or maintained yes/no; null when unknown."
    )
    released: date | None
    end_of_life: date | None
    is_maintained: bool | None = Field(description="Still maintained on the day asked; null when the end is unknown.")
    latest_patch: str | None
    provisional: bool = Field(description="true when the data has no release date for this minor yet.")
    sources: list[str]
    page: str


def kubernetes_fact(catalog: Catalog, minor: KubernetesMinor, fact: KubernetesFactName, today: date) -> KubernetesFact:
    """``fact`` of ``minor``, judged on ``today`` where it depends on the day."""
    release = catalog.kubernetes[minor]
    maintained = is_maintained(release.end_of_life, today) if release.released else None
    values: dict[str, str | bool | None] = {
        "release-date": release.released.isoformat() if release.released else None,
        "end-of-life": release.end_of_life.isoformat() if release.end_of_life else None,
        "maintained": maintained,
        "latest-patch": release.latest_patch,
        "overview": None,
    }
    return KubernetesFact(
        kubernetes=str(minor),
        fact=fact,
        value=values[fact],
        released=release.released,
        end_of_life=release.end_of_life,
        is_maintained=maintained,
        latest_patch=release.latest_patch,
        provisional=release.released is None,
        sources=[s.url for s in release.sources],
        page=page_url(paths.kubernetes(str(minor))),
    )


class WindowsFact(Answer):
    """One fact of a Windows Server release."""

    kind: Literal["windows-release"] = "windows-release"
    windows: WindowsRef
    fact: WindowsFactName
    value: str | bool | list[str] | None = Field(
        description="The fact: a build, the node label value, image references, a date, or supported yes/no."
    )
    channel: str
    version: str
    ga: date
    end_of_support: date | None = Field(description="The last day of support (extended support where there is one).")
    mainstream_end: date | None
    is_supported: bool | None = Field(description="Supported by Microsoft on the day asked; null when unknown.")
    kubernetes: list[str] = Field(description="The Kubernetes minors that list it as a node OS.")
    sources: list[str]
    page: str


def windows_fact(catalog: Catalog, release: WindowsRelease, fact: WindowsFactName, today: date) -> WindowsFact:
    """``fact`` of ``release``, judged on ``today`` where it depends on the day."""
    end = end_of_support(release)
    supported = is_maintained(end, today)
    images = [image for _, _, image in release.image_tags.references()]
    values: dict[str, str | bool | list[str] | None] = {
        "build": release.build,
        "build-label": release.build,
        "image-tags": images,
        "release-date": release.ga.isoformat(),
        "end-of-support": end.isoformat() if end else None,
        "mainstream-end": release.mainstream_end.isoformat() if release.mainstream_end else None,
        "supported": supported,
        "overview": None,
    }
    return WindowsFact(
        windows=windows_ref(release),
        fact=fact,
        value=values[fact],
        channel=release.channel,
        version=release.version,
        ga=release.ga,
        end_of_support=end,
        mainstream_end=release.mainstream_end,
        is_supported=supported,
        kubernetes=[str(m) for m in minors_listing(catalog, release.id)],
        sources=[s.url for s in release.sources],
        page=page_url(paths.windows(release.id)),
    )


class NodeStageAnswer(Answer):
    """The stage of Windows node support on a Kubernetes minor, or the minor where it reached a stage."""

    kind: Literal["node-stage"] = "node-stage"
    kubernetes: str | None = Field(description="The minor answered for, or where the asked stage was reached.")
    status: Stage | None
    supported: bool | None
    since: str | None = Field(description="The minor where this stage began.")
    asked_stage: Stage | None
    matches: bool | None = Field(description="Whether the stage on that minor is the one asked about.")
    sources: list[str]


def node_stage(catalog: Catalog, minor: KubernetesMinor | None, asked: Stage | None) -> NodeStageAnswer:
    """The Windows node stage on ``minor``; with no minor, the first minor at stage ``asked``."""
    ordered = sorted(catalog.kubernetes.items())
    if minor is None and asked is not None:
        minor = next((m for m, r in ordered if r.windows_stage == asked), None)
        if minor is None:
            return NodeStageAnswer(
                kubernetes=None, status=None, supported=None, since=None, asked_stage=asked, matches=False, sources=[]
            )
    if minor is None:
        minor = catalog.newest_released
    release = catalog.kubernetes[minor]
    since = minor
    for earlier, other in reversed([(m, r) for m, r in ordered if m < minor]):
        if other.windows_stage != release.windows_stage:
            break
        since = earlier
    return NodeStageAnswer(
        kubernetes=str(minor),
        status=release.windows_stage,
        supported=is_usable(release.windows_stage),
        since=str(since),
        asked_stage=asked,
        matches=asked == release.windows_stage if asked else None,
        sources=[s.url for s in release.sources],
    )
