"""A page per Kubernetes minor and per Windows Server release, and their index pages."""

from __future__ import annotations

from datetime import date

from kb import site_paths as paths
from kb.catalog import Catalog
from kb.diff import Change
from kb.pages.markdown import Page, cell, join, link, numbered_sources, source_list, status_badge, table, yes_no
from kb.releases import KubernetesReleaseView, list_kubernetes, list_windows

CHANGE_LABELS = {
    "feature-added": "added",
    "feature-graduated": "graduated",
    "feature-deprecated": "deprecated",
    "feature-removed": "removed",
    "limitation-lifted": "limitation lifted",
    "limitation-added": "limitation added",
    "status-changed": "status changed",
    "windows-added": "Windows release added",
    "windows-dropped": "Windows release dropped",
    "runtime-changed": "runtime changed",
    "node-stage-changed": "node stage changed",
}


def _day(value: date | None) -> str:
    return value.isoformat() if value else "–"


def _subject_link(source: str, change: Change) -> str:
    subject = change.subject
    target = {"feature": paths.feature, "windows": paths.windows, "kubernetes": paths.kubernetes}.get(subject.type)
    return f"[{subject.name}]({link(source, target(subject.id))})" if target else subject.name


def _changes(source: str, view: KubernetesReleaseView, previous: str | None) -> list[str]:
    heading = f"## What changed for Windows in {view.version}"
    if previous is None:
        return [heading, "", "The first release in the data: nothing to compare with.", ""]
    if not view.changes:
        return [heading, "", f"Nothing changed for Windows nodes since Kubernetes {previous}.", ""]
    rows = [
        [
            CHANGE_LABELS[c.kind],
            _subject_link(source, c),
            cell(c.text),
            cell(c.action) or "–",
            numbered_sources(c.sources),
        ]
        for c in view.changes
    ]
    return [
        heading,
        "",
        f"Compared with Kubernetes {previous}.",
        "",
        *table(["Change", "Subject", "What", "What to do", "Sources"], rows),
        "",
    ]


def kubernetes_page(catalog: Catalog, view: KubernetesReleaseView, previous: str | None) -> Page:
    """One Kubernetes minor: dates, maintenance, Windows node stage, node OS, runtimes, what changed."""
    source = paths.kubernetes(view.version)
    patch = f"{view.latest_patch} ({_day(view.latest_patch_date)})" if view.latest_patch else "–"
    facts = [
        ["Released", _day(view.released)],
        ["Maintenance mode from", _day(view.maintenance_start)],
        ["End of life", _day(view.end_of_life)],
        ["Maintained today", yes_no(view.is_maintained)],
        ["Latest patch", patch],
        ["Windows node support", status_badge(view.windows_stage)],
    ]
    windows = [f"- [{w.name}]({link(source, paths.windows(w.id))}) `{w.build}`" for w in view.windows]
    lines = [
        f"# Kubernetes {view.version}",
        "",
        *table(["Fact", "Value"], facts),
        "",
        "## Windows Server releases for nodes",
        "",
        *(windows or ["The data lists no Windows Server release for nodes on this minor."]),
        "",
    ]
    if view.windows_as_released is not None:
        names = ", ".join(w.name for w in view.windows_as_released) or "none"
        lines += [f"When {view.version} was released its documentation listed: {names}.", ""]
    if view.runtimes:
        rows = [[r.name, status_badge(r.status), cell("; ".join(r.requirements)) or "–"] for r in view.runtimes]
        lines += ["## Container runtimes", "", *table(["Runtime", "Status", "Requirements"], rows), ""]
    lines += _changes(source, view, previous)
    if view.notes:
        lines += ["## Notes", "", *[f"- {n}" for n in view.notes], ""]
    lines += ["## Sources", "", *source_list(view.sources), ""]
    return Page(source, join(lines))


def kubernetes_pages(catalog: Catalog, today: date) -> list[Page]:
    """The Kubernetes index and a page per minor."""
    views = list_kubernetes(catalog, today)
    previous = [v.version for v in views[1:]] + [None]
    pages = [kubernetes_page(catalog, view, before) for view, before in zip(views, previous, strict=True)]
    rows = [
        [
            f"[{v.version}]({link(paths.KUBERNETES, paths.kubernetes(v.version))})",
            _day(v.released),
            _day(v.end_of_life),
            yes_no(v.is_maintained),
            status_badge(v.windows_stage),
            ", ".join(w.name for w in v.windows) or "–",
        ]
        for v in views
    ]
    index = [
        "# Kubernetes releases",
        "",
        f"Every Kubernetes minor in the data, newest first, with the Windows node stage and the Windows Server "
        f"releases supported for nodes (also as a [matrix]({link(paths.KUBERNETES, paths.MATRIX_OS)})).",
        "",
        *table(["Kubernetes", "Released", "End of life", "Maintained", "Windows nodes", "Windows Server"], rows),
    ]
    return [Page(paths.KUBERNETES, join(index)), *pages]


def windows_pages(catalog: Catalog, today: date) -> list[Page]:
    """The Windows Server index and a page per release."""
    views = list_windows(catalog, today)
    pages = []
    for view in views:
        source = paths.windows(view.id)
        facts = [
            ["Channel", view.channel],
            ["Version", view.version],
            ["Build", f"`{view.build}`"],
            ["Generally available", _day(view.ga)],
            ["Mainstream support ends", _day(view.mainstream_end)],
            ["Extended support ends", _day(view.extended_end)],
            ["Supported by Microsoft today", yes_no(view.is_supported)],
        ]
        tags = [[t.repository, f"`{t.tag}`", f"`{t.image}`"] for t in view.image_tags]
        minors = [f"[{m}]({link(source, paths.kubernetes(m))})" for m in reversed(view.kubernetes)]
        images = [
            f"- [{w.name}]({link(source, paths.windows(w.id))}) `{w.build}`" for w in view.process_isolation_images
        ]
        lines = [
            f"# {view.name}",
            "",
            f"Also known as: {', '.join([view.id, *view.aliases])}.",
            "",
            *table(["Fact", "Value"], facts),
            "",
            "## Container image tags",
            "",
            *(table(["Repository", "Tag", "Image"], tags) if tags else ["No image tags recorded."]),
            "",
            "## Kubernetes releases that support it for nodes",
            "",
            ", ".join(minors) if minors else "No Kubernetes minor in the data lists it as a node OS.",
            "",
            "## Images that run on it with process isolation",
            "",
            *(images or ["No image is recorded to run on it with process isolation."]),
            "",
            f"See the [host and image matrix]({link(source, paths.MATRIX_IMAGES)}) for Hyper-V isolation.",
            "",
        ]
        if view.notes:
            lines += ["## Notes", "", *[f"- {n}" for n in view.notes], ""]
        lines += ["## Sources", "", *source_list(view.sources), ""]
        pages.append(Page(source, join(lines)))
    rows = [
        [
            f"[{v.name}]({link(paths.WINDOWS, paths.windows(v.id))})",
            v.channel,
            f"`{v.build}`",
            _day(v.ga),
            _day(v.extended_end or v.mainstream_end),
            yes_no(v.is_supported),
            f"{v.kubernetes[0]} to {v.kubernetes[-1]}" if v.kubernetes else "–",
        ]
        for v in views
    ]
    index = [
        "# Windows Server releases",
        "",
        "Every Windows Server release in the data, newest build first.",
        "",
        *table(["Release", "Channel", "Build", "GA", "Support ends", "Supported", "Kubernetes"], rows),
    ]
    return [Page(paths.WINDOWS, join(index)), *pages]
