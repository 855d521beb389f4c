"""The matrices: feature x Kubernetes minor (the big grid), host x image isolation, Kubernetes x Windows."""

from __future__ import annotations

from kb import site_paths as paths
from kb.catalog import Catalog
from kb.history import status_label, step_at
from kb.models import STATUSES
from kb.pages.markdown import Page, front_matter, join, link, source_list, status_cell, table
from kb.releases import os_matrix

WIDE = front_matter(hide=["navigation", "toc"])
"""Matrices use the whole width: no side navigation, no table of contents."""


def _grid(header: list[str], rows: list[list[str]]) -> list[str]:
    """A table in the site's scrolling grid frame (sticky header and first column)."""
    return ['<div class="kb-grid" markdown>', "", *table(header, rows), "", "</div>"]


def _legend() -> str:
    return "Legend: " + ", ".join(f"{status_cell(s)} {status_label(s)}" for s in STATUSES) + "; `*` usable with limits."


def _category_filter(catalog: Catalog) -> list[str]:
    options = "".join(f'<option value="{c.id}">{c.name}</option>' for c in catalog.categories.values())
    return [
        '<p class="kb-filter"><label for="kb-category-filter">Category</label> '
        f'<select id="kb-category-filter" data-kb-filter="grid"><option value="">All categories</option>{options}'
        "</select></p>",
        "",
    ]


def feature_grid_page(catalog: Catalog) -> Page:
    """Every feature's status at every Kubernetes minor, newest minor first, filterable by category."""
    source = paths.MATRIX_FEATURES
    minors = sorted(catalog.minors, reverse=True)
    rows = []
    for category in catalog.categories.values():
        members = [f for f in catalog.features.values() if f.category == category.id]
        for feature in sorted(members, key=lambda f: f.name.lower()):
            name = (
                f'<span class="kb-row" data-category="{category.id}">'
                f"[{feature.name}]({link(source, paths.feature(feature.id))})</span>"
            )
            cells = []
            for minor in minors:
                step = step_at(feature.history, minor)
                cells.append(status_cell(step.status, step.partial) if step else status_cell("not-supported"))
            rows.append([name, *cells])
    lines = [
        *WIDE,
        "# Feature grid",
        "",
        "Every feature and limitation against every Kubernetes minor, newest first. Hover a cell for the full "
        "status; follow a name for the history and sources.",
        "",
        _legend(),
        "",
        *_category_filter(catalog),
        *_grid(["Feature", *[str(m) for m in minors]], rows),
    ]
    return Page(source, join(lines))


ISOLATION_CELLS = {
    (True, True): ("kb-stable", "process and Hyper-V isolation", "both"),
    (True, False): ("kb-stable", "process isolation only", "process"),
    (False, True): ("kb-deprecated", "Hyper-V isolation only", "Hyper-V only"),
    (False, False): ("kb-not-supported", "does not run", "no"),
}


def _isolation_cell(process: bool, hyperv: bool) -> str:
    css, title, text = ISOLATION_CELLS[(process, hyperv)]
    return f'<span class="kb-chip {css}" title="{title}">{text}</span>'


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
            cells.append(_isolation_cell(rule.process, rule.hyperv) if rule else "–")
        rows.append([f"[{host.name}]({link(source, paths.windows(host.id))}) `{host.build}`", *cells])
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
        "*Hyper-V only* that it needs Hyper-V isolation, *no* that it does not run; – means the data has no rule.",
        "",
        *modes,
        "",
        *_grid(["Host \\ image", *[f"{i.name}" for i in images]], rows),
        "",
        "## Sources",
        "",
        *source_list(sources),
    ]
    return Page(source, join(lines))


def os_matrix_page(catalog: Catalog) -> Page:
    """Kubernetes minor x Windows Server release: listed as a supported node OS or not."""
    source = paths.MATRIX_OS
    matrix = os_matrix(catalog)
    yes = '<span class="kb-chip kb-stable" title="supported">yes</span>'
    no = '<span class="kb-chip kb-none" title="not supported">–</span>'
    rows = [
        [
            f"[{minor}]({link(source, paths.kubernetes(minor))})",
            *[yes if matrix.cells[minor][w.id] else no for w in matrix.windows],
        ]
        for minor in matrix.kubernetes
    ]
    header = ["Kubernetes", *[f"[{w.name}]({link(source, paths.windows(w.id))})" for w in matrix.windows]]
    lines = [
        *WIDE,
        "# Kubernetes and Windows Server",
        "",
        "Which Windows Server releases each Kubernetes minor supports for Windows nodes, newest minor first. "
        "*yes* means the Kubernetes documentation of that release lists it; – means it does not.",
        "",
        *_grid(header, rows),
    ]
    return Page(source, join(lines))
