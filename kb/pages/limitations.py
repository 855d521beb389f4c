"""The limitations page: what Windows nodes cannot do, why, since when, and what to do instead."""

from __future__ import annotations

from html import escape

from kb import query
from kb import site_paths as paths
from kb.answers import SupportAnswer
from kb.catalog import Catalog
from kb.models import REASONS, Feature
from kb.pages.html import anchor, block, html_table, status_chip
from kb.pages.markdown import REASON_LABELS, Page, front_matter, join, link

DIFFERENCES = "Documented differences"
"""The heading of limitations that are usable but behave differently (no reason class recorded)."""


def current_limits(catalog: Catalog) -> list[tuple[Feature, SupportAnswer]]:
    """Limitations, and features that cannot be used on the newest released minor, with the answer there."""
    minor = catalog.newest_released
    out = []
    for feature in catalog.features.values():
        answer = query.answer_support(catalog, feature, minor)
        if feature.kind == "limitation" or not answer.supported:
            out.append((feature, answer))
    return out


def _instead(source: str, catalog: Catalog, feature: Feature) -> str:
    if feature.instead is None:
        return "No alternative recorded."
    links = ", ".join(anchor(source, paths.feature(f), catalog.features[f].name) for f in feature.instead.features)
    return escape(feature.instead.text) + (f" See {links}." if links else "")


def _row(source: str, catalog: Catalog, feature: Feature, answer: SupportAnswer) -> list[str]:
    inferred = answer.confidence == "inferred"
    what = f"{anchor(source, paths.feature(feature.id), feature.name)}"
    return [
        what,
        status_chip(answer.status, inferred=inferred, title="inferred, not read in a source" if inferred else None),
        answer.since or "–",
        _instead(source, catalog, feature),
    ]


def limitations_page(catalog: Catalog) -> Page:
    """Limitations grouped by why (the reason class), each with its status, since when and what to do instead."""
    minor = str(catalog.newest_released)
    source = paths.LIMITATIONS
    header = ["What", f"Status in {minor}", "Since", "What to do instead"]
    groups: dict[str, list[list[str]]] = {REASON_LABELS[r]: [] for r in (*REASONS, None)} | {DIFFERENCES: []}
    features: list[list[str]] = []
    for feature, answer in sorted(current_limits(catalog), key=lambda pair: pair[0].name.lower()):
        row = _row(source, catalog, feature, answer)
        if feature.kind != "limitation":
            features.append(row)
        elif answer.reason is None and answer.supported:
            groups[DIFFERENCES].append(row)
        else:
            groups[REASON_LABELS[answer.reason]].append(row)
    lines = [
        *front_matter(title="Limitations", hide=["navigation"]),
        "# Limitations",
        "",
        f"What Windows nodes cannot do, or do differently, on Kubernetes {minor} (the newest released minor), "
        "grouped by why, with the minor since which it has been so and what to do instead. "
        f"The [feature grid]({link(source, paths.MATRIX_FEATURES)}) shows the features that work.",
        "",
    ]
    for heading, rows in groups.items():
        if rows:
            lines += [f"## {heading}", *block(html_table(header, rows, labels=header), "kb-limits kb-stack"), ""]
    if features:
        lines += [
            f"## Features you cannot use on {minor}",
            "",
            "Features whose history says they are not supported, no longer supported or removed on this minor.",
            *block(html_table(header, features, labels=header), "kb-limits kb-stack"),
        ]
    return Page(source, join(lines))
