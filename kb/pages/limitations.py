"""The limitations page: everything not supported on Windows today, grouped by why."""

from __future__ import annotations

from kb import site_paths as paths
from kb.catalog import Catalog
from kb.history import is_usable, step_at
from kb.models import REASONS, Feature, Step
from kb.pages.markdown import REASON_LABELS, Page, cell, front_matter, join, link, status_badge, table


def current_limits(catalog: Catalog) -> list[tuple[Feature, Step | None]]:
    """Features that cannot be used on the newest minor, and limitations in force, with their current step."""
    out = []
    for feature in catalog.features.values():
        step = step_at(feature.history, catalog.newest)
        if feature.kind == "limitation" or step is None or not is_usable(step.status):
            out.append((feature, step))
    return out


def limitations_page(catalog: Catalog) -> Page:
    """Limitations grouped by reason class, each with its status, since when, and the note."""
    newest = str(catalog.newest)
    source = paths.LIMITATIONS
    groups: dict[str | None, list[list[str]]] = {reason: [] for reason in (*REASONS, None)}
    for feature, step in current_limits(catalog):
        reason = step.reason if step else None
        status = status_badge(step.status, step.partial) if step else status_badge("not-supported")
        category = catalog.categories[feature.category].name
        groups[reason].append(
            [
                f"[{feature.name}]({link(source, paths.feature(feature.id))})",
                category,
                status,
                step.since if step else "–",
                cell(step.note if step and step.note else feature.summary),
            ]
        )
    lines = [
        *front_matter(hide=["navigation"]),
        "# Limitations",
        "",
        f"What Windows nodes cannot do, or can do only with limits, on Kubernetes {newest}, grouped by the "
        "reason class the data records. A limitation marked *stable* is a documented, lasting difference in "
        "behaviour rather than a missing feature.",
        "",
    ]
    for reason, rows in groups.items():
        if not rows:
            continue
        lines += [f"## {REASON_LABELS[reason]}", ""]
        if reason:
            lines += [f"Reason class `{reason}`.", ""]
        lines += [*table(["Limitation", "Category", f"Status in {newest}", "Since", "Note"], rows), ""]
    return Page(source, join(lines))
