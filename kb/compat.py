"""Can this Windows container image run on that node, with which isolation, and does Kubernetes allow it?"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from kb.answers import WindowsRef, windows_ref
from kb.catalog import Catalog
from kb.errors import InvalidInput
from kb.i18n import Lang, say
from kb.models import ImageCompatibility, WindowsRelease
from kb.versions import build_number

ISOLATION_MODES = ("process", "hyperv")


class ImageCompatAnswer(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: Literal["image-compat"] = "image-compat"
    host: WindowsRef
    image: WindowsRef
    isolation: str | None
    process: bool
    hyperv: bool
    kubernetes_isolation: list[str]
    supported: bool
    reason: str
    fix: str | None
    sources: list[str]
    confidence: str


def image_release(catalog: Catalog, text: str) -> WindowsRelease:
    """The Windows release an image reference, tag, release name or os.version names."""
    reference = text.strip()
    tag = reference.rsplit(":", 1)[-1] if ":" in reference and "/" in reference.split(":", 1)[0] + "/" else reference
    tag = tag.split("@", 1)[0]
    # Tags often carry the release as one dash-separated part: 4.8-windowsservercore-ltsc2019, ltsc2022-amd64.
    for candidate in dict.fromkeys([tag, *reversed(tag.split("-"))]):
        found = catalog.windows_index.find(candidate)
        if found is not None:
            return catalog.windows[found]
    return catalog.windows[catalog.windows_index.resolve(tag)]  # raises, with suggestions


def host_release(catalog: Catalog, text: str) -> WindowsRelease:
    return catalog.windows[catalog.windows_index.resolve(text)]


VERSION_COMPATIBILITY = (
    "https://github.com/MicrosoftDocs/Virtualization-Documentation/blob/77e0742a8029cf3b5a96c84dfab2ce7ba623286c/"
    "virtualization/windowscontainers/deploy-containers/version-compatibility.md"
)
"""Microsoft's page for the general rule: process isolation refuses an image whose build differs from the host's
(except the pairs its tables allow), and Hyper-V isolation brings the image's own kernel, so an older image runs."""


def _rule(catalog: Catalog, host: WindowsRelease, image: WindowsRelease) -> tuple[bool, bool, list[str], str, str]:
    """(process, hyperv, sources, note, confidence) for a host x image pair: the pair's record, else the record of
    releases with the same builds (compatibility goes by build), else Microsoft's general rule."""
    rule = catalog.image_compatibility.get((host.id, image.id)) or _same_builds(catalog, host, image)
    if rule is not None:
        return rule.process, rule.hyperv, [s.url for s in rule.sources], rule.note or "", rule.confidence
    isolation_sources = [s.url for mode in catalog.isolation.values() for s in mode.sources][:2]
    if build_number(image.build) > build_number(host.build):
        return False, False, isolation_sources, say(catalog.lang, "image-newer"), "read"
    if host.build == image.build:
        return True, True, isolation_sources, say(catalog.lang, "same-build"), "read"
    return (
        False,
        True,
        [VERSION_COMPATIBILITY, *isolation_sources],
        say(catalog.lang, "older-image-inferred"),
        "inferred",
    )


def _same_builds(catalog: Catalog, host: WindowsRelease, image: WindowsRelease) -> ImageCompatibility | None:
    """The record of another host x image pair with the same builds (Windows Server 2019 and version 1809 share
    10.0.17763), the first by release ids when several agree."""
    for (host_id, image_id), rule in sorted(catalog.image_compatibility.items()):
        if catalog.windows[host_id].build == host.build and catalog.windows[image_id].build == image.build:
            return rule
    return None


def image_compat(catalog: Catalog, host: str, image: str, isolation: str | None = None) -> ImageCompatAnswer:
    """Does ``image`` run on ``host`` (with ``isolation`` if given), in a way Kubernetes supports?"""
    if isolation is not None and isolation not in ISOLATION_MODES:
        raise InvalidInput(
            f"Isolation {isolation!r} is not one of {', '.join(ISOLATION_MODES)}.", list(ISOLATION_MODES)
        )
    host_os, image_os = host_release(catalog, host), image_release(catalog, image)
    process, hyperv, sources, note, confidence = _rule(catalog, host_os, image_os)
    allowed = [mode for mode, support in catalog.isolation.items() if support.supported]
    runs = {"process": process, "hyperv": hyperv}
    modes = [isolation] if isolation else list(ISOLATION_MODES)
    supported = any(runs[m] and m in allowed for m in modes)
    reason, fix = _explain(host_os, image_os, runs, allowed, isolation, supported, catalog.lang)
    if note:
        reason = f"{reason} {note}"
    return ImageCompatAnswer(
        host=windows_ref(host_os),
        image=windows_ref(image_os),
        isolation=isolation,
        process=process,
        hyperv=hyperv,
        kubernetes_isolation=allowed,
        supported=supported,
        reason=reason,
        fix=fix,
        sources=list(dict.fromkeys(sources + [s.url for m in catalog.isolation.values() for s in m.sources])),
        confidence=confidence,
    )


def _explain(
    host: WindowsRelease,
    image: WindowsRelease,
    runs: dict[str, bool],
    allowed: list[str],
    isolation: str | None,
    supported: bool,
    lang: Lang,
) -> tuple[str, str | None]:
    if supported:
        return say(lang, "image-runs", image=image.name, host=host.name), None
    if isolation and isolation not in allowed:
        return say(lang, "isolation-unsupported", isolation=isolation), say(lang, "use-process")
    if runs["hyperv"]:
        return (
            say(lang, "needs-hyperv", image=image.name, host=host.name),
            say(lang, "fix-hyperv", host=host.name, build=host.build, image=image.name),
        )
    return (
        say(lang, "image-never-runs", image=image.name, image_build=image.build, host=host.name, host_build=host.build),
        say(lang, "fix-build", host=host.name, image=image.name),
    )


def images_for_host(catalog: Catalog, host_id: str) -> list[WindowsRef]:
    """Image releases that run on ``host_id`` with process isolation, newest build first."""
    runs = [image for (host, image), rule in catalog.image_compatibility.items() if host == host_id and rule.process]
    releases = sorted((catalog.windows[i] for i in runs), key=lambda r: build_number(r.build), reverse=True)
    return [windows_ref(r) for r in releases]
