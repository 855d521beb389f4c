"""The matrices: feature x Kubernetes minor (the big grid), host x image isolation, Kubernetes x Windows."""

from __future__ import annotations

from html import escape

from kb import query
from kb import site_paths as paths
from kb.answers import TimelineEntry
from kb.catalog import Catalog
from kb.feature_facts import feature_stage
from kb.history import status_label
from kb.models import STATUSES, Feature
from kb.node_os import node_os_list
from kb.pages.html import anchor, attrs, block, html_table, status_chip, timeline_title
from kb.pages.markdown import STATUS_SHORT, Page, front_matter, join, link, source_list, status_cell
from kb.releases import os_matrix
from kb.versions import KubernetesMinor

WIDE = front_matter(hide=["navigation", "toc"], search={"exclude": True})
"""Matrices use the whole width: no side navigation, no table of contents. The search leaves them out: a
grid of status chips matches every feature name and would rank above the feature's own page."""


def _legend() -> str:
    chips = ", ".join(f"{status_cell(s)} {status_label(s)}" for s in STATUSES)
    return (
        f"Legend: {chips}; `*` usable with limits; `?` inferred rather than read in a source; "
        "*provisional* marks a minor without a release date in the data, whose facts may still change."
    )


def _category_filter(catalog: Catalog, target: str) -> list[str]:
    options = "".join(f'<option value="{c.id}">{c.name}</option>' for c in catalog.categories.values())
    return [
        '<p class="kb-filter"><label for="kb-category-filter">Category</label> '
        f'<select id="kb-category-filter" data-kb-filter="{target}"><option value="">All categories</option>{options}'
        "</select></p>",
        "",
    ]


def minor_header(catalog: Catalog, minor: KubernetesMinor) -> str:
    """A minor as a column heading; a provisional one says so."""
    if catalog.provisional(minor):
        return f'<abbr class="kb-provisional" title="no release date in the data yet">{minor}<small>provisional</small></abbr>'
    return str(minor)


def _grid_cell(entry: TimelineEntry) -> str:
    status = entry.status
    short = STATUS_SHORT[status] if entry.recorded else "–"
    return status_chip(
        status if entry.recorded else "none",
        entry.partial,
        short=short,
        inferred=entry.confidence == "inferred",
        title=timeline_title(entry),
    )


def _feature_row(source: str, catalog: Catalog, feature: Feature) -> str:
    entries = {entry.kubernetes: entry for entry in query.timeline(catalog, feature)}
    stage = feature_stage(catalog, feature, "usable")
    cells = "".join(f"<td>{_grid_cell(entries[str(m)])}</td>" for m in sorted(catalog.minors, reverse=True))
    row = attrs(data_category=feature.category, data_first=stage.first_usable or "", data_ga=stage.ga or "")
    return f'<tr{row}><th scope="row">{anchor(source, paths.feature(feature.id), feature.name)}</th>{cells}</tr>'


def feature_grid_page(catalog: Catalog) -> Page:
    """Every feature's status at every Kubernetes minor, newest minor first, by category with a heading row each.

    Limitations are not in the grid (a row of "no" says nothing): they have their own page.
    """
    source = paths.MATRIX_FEATURES
    minors = sorted(catalog.minors, reverse=True)
    headings = "".join(f"<th>{minor_header(catalog, m)}</th>" for m in minors)
    rows = []
    for category in catalog.categories.values():
        members = [f for f in catalog.features.values() if f.category == category.id and f.kind == "feature"]
        if not members:
            continue
        rows.append(
            f'<tr class="kb-group"{attrs(data_category=category.id)}><th scope="colgroup">'
            f"{anchor(source, paths.category(category.id), category.name)}</th>{headings}</tr>"
        )
        rows += [_feature_row(source, catalog, f) for f in sorted(members, key=lambda f: f.name.lower())]
    lines = [
        *WIDE,
        "# Feature grid",
        "",
        "Every feature against every Kubernetes minor, newest first, by category. Hover or tap a cell for the "
        "status and since when; follow a name for the history and sources. What Windows nodes cannot do is on "
        f"the [limitations]({link(source, paths.LIMITATIONS)}) page.",
        "",
        _legend(),
        "",
        *_category_filter(catalog, "grid"),
        *block(html_table(["Feature", *[minor_header(catalog, m) for m in minors]], rows), "kb-grid kb-feature-grid"),
    ]
    return Page(source, join(lines))


ISOLATION_CELLS = {
    (True, True): ("kb-stable", "process and Hyper-V isolation", "both"),
    (True, False): ("kb-stable", "process isolation only", "process"),
    (False, True): ("kb-deprecated", "Hyper-V isolation only", "Hyper-V only"),
    (False, False): ("kb-not-supported", "does not run", "no"),
}


def _isolation_cell(process: bool, hyperv: bool, inferred: bool) -> str:
    css, title, text = ISOLATION_CELLS[(process, hyperv)]
    if inferred:
        title += "; inferred, not read in a source"
    mark = '<abbr class="kb-mark" title="inferred">?</abbr>' if inferred else ""
    return f'<span class="kb-chip {css}{" kb-inferred" if inferred else ""}" title="{title}">{text}{mark}</span>'


def image_matrix_page(catalog: Catalog) -> Page:
    """Which image builds run on which host builds, and with which isolation."""
    source = paths.MATRIX_IMAGES
    rules = catalog.image_compatibility
    hosts = [w for w in reversed(catalog.windows.values()) if any(h == w.id for h, _ in rules)]
    images = [w for w in reversed(catalog.windows.values()) if any(i == w.id for _, i in rules)]
    rows = []
    for host in hosts:
        cells = []
        for image in images:
            rule = rules.get((host.id, image.id))
            cells.append(_isolation_cell(rule.process, rule.hyperv, rule.confidence == "inferred") if rule else "–")
        rows.append([f"{anchor(source, paths.windows(host.id), host.name)} <code>{host.build}</code>", *cells])
    modes = [
        f"- **{mode}**: {'supported' if item.supported else 'not supported'} by Kubernetes. {item.note}"
        for mode, item in catalog.isolation.items()
    ]
    sources = sorted({s.url for rule in rules.values() for s in rule.sources})
    lines = [
        *WIDE,
        "# Host and image isolation",
        "",
        "Rows are the node's Windows release (host), columns the release the container image was built for. "
        "*both* means the image runs with process or Hyper-V isolation, *process* with process isolation only, "
        "*Hyper-V only* that it needs Hyper-V isolation, *no* that it does not run; – means the data has no rule; "
        "`?` that the rule is inferred rather than read in a source.",
        "",
        *modes,
        "",
        *block(html_table(["Host \\ image", *[escape(i.name) for i in images]], rows), "kb-grid"),
        "",
        "## Sources",
        "",
        *source_list(sources),
    ]
    return Page(source, join(lines))


def _listed_cell(listed: bool, inferred: bool, title: str) -> str:
    if listed:
        return status_chip("stable", short="yes", inferred=inferred, title=title)
    return status_chip("none", short="–", inferred=inferred, title=title)


def os_matrix_page(catalog: Catalog) -> Page:
    """Kubernetes minor x Windows Server release: listed as a supported node OS or not.

    Newest minor first and newest Windows release first, so a phone shows the releases people run
    without scrolling; below the grid, the same answer as a list per minor (what phones show).
    """
    source = paths.MATRIX_OS
    matrix = os_matrix(catalog)
    windows = list(reversed(matrix.windows))
    rows, items = [], []
    for version in matrix.kubernetes:
        minor = next(m for m in catalog.minors if str(m) == version)
        answer = node_os_list(catalog, minor)
        inferred = answer.confidence == "inferred"
        provisional = catalog.provisional(minor)
        extra = ("; inferred, not read in a source" if inferred else "") + (
            "; provisional: no release date yet" if provisional else ""
        )
        cells = [
            _listed_cell(
                matrix.cells[version][w.id],
                inferred,
                ("supported" if matrix.cells[version][w.id] else "not listed") + f" on Kubernetes {version}{extra}",
            )
            for w in windows
        ]
        heading = anchor(source, paths.kubernetes(version), version)
        if provisional:
            heading += ' <small class="kb-provisional">provisional</small>'
        if inferred:
            heading += ' <abbr class="kb-mark" title="inferred, not read in a source">?</abbr>'
        rows.append([heading, *cells])
        names = (
            ", ".join(anchor(source, paths.windows(w.id), w.name) for w in reversed(answer.windows)) or "none listed"
        )
        items.append(f"<li><strong>{heading}</strong>: {names}</li>")
    header = ["Kubernetes", *[anchor(source, paths.windows(w.id), w.name) for w in windows]]
    lines = [
        *WIDE,
        "# Kubernetes and Windows Server",
        "",
        "Which Windows Server releases each Kubernetes minor supports for Windows nodes, newest minor and newest "
        "Windows release first. *yes* means the Kubernetes documentation of that release lists it; – means it "
        "does not; `?` that the list is inferred (see the minor's page for why); *provisional* marks a minor "
        "without a release date in the data.",
        "",
        *block(html_table(header, rows), "kb-grid kb-os-grid kb-wide-only"),
        *block(f'<ul class="kb-os-list">{"".join(items)}</ul>', "kb-phone-only"),
    ]
    return Page(source, join(lines))
