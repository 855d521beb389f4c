"""The matrices: feature x Kubernetes minor (the big grid), host x image isolation, Kubernetes x Windows."""

from __future__ import annotations

from html import escape

from kb import query
from kb import site_paths as paths
from kb.answers import TimelineEntry
from kb.catalog import Catalog
from kb.feature_facts import feature_stage
from kb.history import status_label
from kb.i18n import Lang
from kb.models import STATUSES, Feature
from kb.node_os import node_os_list
from kb.pages.html import anchor, attrs, block, html_table, inferred_mark, status_chip, timeline_title
from kb.pages.markdown import Page, front_matter, join, link, source_list, status_cell, status_short
from kb.pages.words import page_words
from kb.releases import os_matrix
from kb.versions import KubernetesMinor

WIDE = front_matter(hide=["navigation", "toc"], search={"exclude": True})
"""Matrices use the whole width: no side navigation, no table of contents. The search leaves them out: a
grid of status chips matches every feature name and would rank above the feature's own page."""


def _legend(lang: Lang) -> str:
    words = page_words(lang)
    chips = words("steps").join(f"{status_cell(s, lang=lang)} {status_label(s, lang=lang)}" for s in STATUSES)
    return words("legend", chips=chips)


def _category_filter(catalog: Catalog, target: str) -> list[str]:
    words = page_words(catalog.lang)
    options = "".join(f'<option value="{c.id}">{c.name}</option>' for c in catalog.categories.values())
    return [
        f'<p class="kb-filter"><label for="kb-category-filter">{words("category")}</label> '
        f'<select id="kb-category-filter" data-kb-filter="{target}"><option value="">{words("all-categories")}</option>'
        f"{options}</select></p>",
        "",
    ]


def minor_header(catalog: Catalog, minor: KubernetesMinor) -> str:
    """A minor as a column heading; a provisional one says so."""
    words = page_words(catalog.lang)
    if catalog.provisional(minor):
        return (
            f'<abbr class="kb-provisional" title="{words("no-release-date")}">{minor}'
            f"<small>{words('provisional')}</small></abbr>"
        )
    return str(minor)


def _grid_cell(entry: TimelineEntry, lang: Lang) -> str:
    status = entry.status
    short = status_short(status, lang) if entry.recorded else "–"
    return status_chip(
        status if entry.recorded else "none",
        entry.partial,
        short=short,
        inferred=entry.confidence == "inferred",
        title=timeline_title(entry, lang),
        lang=lang,
    )


def _feature_row(source: str, catalog: Catalog, feature: Feature) -> str:
    entries = {entry.kubernetes: entry for entry in query.timeline(catalog, feature)}
    stage = feature_stage(catalog, feature, "usable")
    cells = "".join(
        f"<td>{_grid_cell(entries[str(m)], catalog.lang)}</td>" for m in sorted(catalog.minors, reverse=True)
    )
    row = attrs(data_category=feature.category, data_first=stage.first_usable or "", data_ga=stage.ga or "")
    return f'<tr{row}><th scope="row">{anchor(source, paths.feature(feature.id), feature.name)}</th>{cells}</tr>'


def feature_grid_page(catalog: Catalog) -> Page:
    """Every feature's status at every Kubernetes minor, newest minor first, by category with a heading row each.

    Limitations are not in the grid (a row of "no" says nothing): they have their own page.
    """
    words = page_words(catalog.lang)
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
    header = [words("feature"), *[minor_header(catalog, m) for m in minors]]
    lines = [
        *WIDE,
        f"# {words('feature-grid')}",
        "",
        words("feature-grid-intro", link=link(source, paths.LIMITATIONS)),
        "",
        _legend(catalog.lang),
        "",
        *_category_filter(catalog, "grid"),
        *block(html_table(header, rows), "kb-grid kb-feature-grid"),
    ]
    return Page(source, join(lines))


ISOLATION_CELLS = {
    (True, True): ("kb-stable", "both"),
    (True, False): ("kb-stable", "process"),
    (False, True): ("kb-deprecated", "hyperv"),
    (False, False): ("kb-not-supported", "none"),
}
"""Process and Hyper-V isolation (does each run?) -> the chip's colour class and the words that say so."""


def _isolation_cell(process: bool, hyperv: bool, inferred: bool, lang: Lang) -> str:
    words = page_words(lang)
    css, name = ISOLATION_CELLS[(process, hyperv)]
    title, text = words(f"isolation-{name}"), words(f"isolation-short-{name}")
    if inferred:
        title += words("cell-inferred")
    mark = inferred_mark(lang) if inferred else ""
    return f'<span class="kb-chip {css}{" kb-inferred" if inferred else ""}" title="{title}">{text}{mark}</span>'


def image_matrix_page(catalog: Catalog) -> Page:
    """Which image builds run on which host builds, and with which isolation."""
    lang = catalog.lang
    words = page_words(lang)
    source = paths.MATRIX_IMAGES
    rules = catalog.image_compatibility
    hosts = [w for w in reversed(catalog.windows.values()) if any(h == w.id for h, _ in rules)]
    images = [w for w in reversed(catalog.windows.values()) if any(i == w.id for _, i in rules)]
    rows = []
    for host in hosts:
        cells = []
        for image in images:
            rule = rules.get((host.id, image.id))
            inferred = rule is not None and rule.confidence == "inferred"
            cells.append(_isolation_cell(rule.process, rule.hyperv, inferred, lang) if rule else "–")
        rows.append([f"{anchor(source, paths.windows(host.id), host.name)} <code>{host.build}</code>", *cells])
    modes = [
        words(
            "isolation-mode",
            mode=mode,
            supported=words("supported" if item.supported else "not-supported"),
            note=item.note,
        )
        for mode, item in catalog.isolation.items()
    ]
    sources = sorted({s.url for rule in rules.values() for s in rule.sources})
    lines = [
        *WIDE,
        f"# {words('image-matrix')}",
        "",
        words("image-matrix-intro"),
        "",
        *modes,
        "",
        *block(html_table([words("host-image"), *[escape(i.name) for i in images]], rows), "kb-grid"),
        "",
        f"## {words('sources')}",
        "",
        *source_list(sources),
    ]
    return Page(source, join(lines))


def _listed_cell(listed: bool, inferred: bool, title: str, lang: Lang) -> str:
    if listed:
        return status_chip("stable", short=page_words(lang)("yes"), inferred=inferred, title=title, lang=lang)
    return status_chip("none", short="–", inferred=inferred, title=title, lang=lang)


def os_matrix_page(catalog: Catalog) -> Page:
    """Kubernetes minor x Windows Server release: listed as a supported node OS or not.

    Newest minor first and newest Windows release first, so a phone shows the releases people run
    without scrolling; below the grid, the same answer as a list per minor (what phones show).
    """
    lang = catalog.lang
    words = page_words(lang)
    source = paths.MATRIX_OS
    matrix = os_matrix(catalog)
    windows = list(reversed(matrix.windows))
    rows, items = [], []
    for version in matrix.kubernetes:
        minor = next(m for m in catalog.minors if str(m) == version)
        answer = node_os_list(catalog, minor)
        inferred = answer.confidence == "inferred"
        provisional = catalog.provisional(minor)
        extra = (words("cell-inferred") if inferred else "") + (words("os-cell-provisional") if provisional else "")
        cells = [
            _listed_cell(
                matrix.cells[version][w.id],
                inferred,
                words(
                    "os-cell",
                    listed=words("supported" if matrix.cells[version][w.id] else "not-listed"),
                    version=version,
                    extra=extra,
                ),
                lang,
            )
            for w in windows
        ]
        heading = anchor(source, paths.kubernetes(version), version)
        if provisional:
            heading += f' <small class="kb-provisional">{words("provisional")}</small>'
        if inferred:
            heading += " " + inferred_mark(lang, long=True)
        rows.append([heading, *cells])
        names = words("list").join(
            anchor(source, paths.windows(w.id), w.name) for w in reversed(answer.windows)
        ) or words("none-listed")
        items.append("<li>" + words("labelled", label=f"<strong>{heading}</strong>", value=names) + "</li>")
    header = ["Kubernetes", *[anchor(source, paths.windows(w.id), w.name) for w in windows]]
    lines = [
        *WIDE,
        f"# {words('os-matrix')}",
        "",
        words("os-matrix-intro"),
        "",
        *block(html_table(header, rows), "kb-grid kb-os-grid kb-wide-only"),
        *block(f'<ul class="kb-os-list">{"".join(items)}</ul>', "kb-phone-only"),
    ]
    return Page(source, join(lines))
