"""Feature pages, the features index and the category index pages."""

from __future__ import annotations

from kb import query
from kb import site_paths as paths
from kb.answers import FeatureDetail, StepView
from kb.catalog import Catalog
from kb.history import status_label
from kb.pages.markdown import (
    REASON_LABELS,
    Page,
    cell,
    front_matter,
    join,
    link,
    numbered_sources,
    on_off,
    source_list,
    status_badge,
    table,
)

NEWEST_BADGES = 4
"""How many of the newest Kubernetes minors get a status badge at the top of a feature page."""

FIELD_BEHAVIOUR = {
    "rejected": ":material-cancel: rejected by the API server",
    "ignored": ":material-eye-off: ignored by the kubelet",
    "different": ":material-swap-horizontal: behaves differently",
    "supported": ":material-check: works",
}


def feature_page(catalog: Catalog, feature_id: str) -> Page:
    """The page of one feature: summary, badges, timeline, why not, fields, notes, sources, examples."""
    detail = query.feature_detail(catalog, feature_id)
    path = paths.feature(detail.id)
    category = catalog.categories[detail.category]
    # Tags are what the built-in search weighs most: the names operators type for this feature.
    lines = front_matter(title=detail.name, description=detail.summary, tags=search_names(detail))
    lines += [
        f"# {detail.name}",
        "",
        f"[{category.name}]({link(path, paths.category(category.id))}) · {detail.kind} · id `{detail.id}`",
        "",
        detail.summary,
        "",
    ]
    if names := search_names(detail):
        lines += [f"**Also known as:** {', '.join(names)}", ""]
    lines += [_badges(detail), ""]
    if detail.feature_gates:
        lines += [f"**Feature gate:** {', '.join(f'`{g}`' for g in detail.feature_gates)}", ""]
    if detail.kep:
        lines += [f"**KEP:** [KEP-{detail.kep['number']}]({detail.kep['url']})", ""]
    if detail.confidence == "inferred":
        lines += ['!!! warning "Inferred"', "    Part of this entry is inferred rather than read in a source.", ""]
    lines += _timeline(detail)
    lines += _history(detail)
    lines += _why_not(detail)
    lines += _fields(detail)
    if detail.notes:
        lines += ["## Notes", "", *[f"- {n}" for n in detail.notes], ""]
    lines += _disagreements(detail)
    if detail.related:
        lines += ["## Related", "", *[f"- [{r.name}]({link(path, paths.feature(r.id))})" for r in detail.related], ""]
    lines += ["## Sources", "", *source_list(detail.sources), ""]
    lines += _examples(detail, str(catalog.newest))
    return Page(path, join(lines))


def search_names(detail: FeatureDetail) -> list[str]:
    """The names operators type for this feature: aliases, feature gates, and the id when it is one word.

    The search matches a tag by prefix, so a hyphenated id such as ``gmsa-containerd-network-shares``
    would rank that page as high as ``gmsa`` itself for the query "gmsa"; such ids are slugs of the
    name, which the search indexes anyway.
    """
    single_word_id = [detail.id] if "-" not in detail.id else []
    return list(dict.fromkeys([*single_word_id, *detail.aliases, *detail.feature_gates]))


def _badges(detail: FeatureDetail) -> str:
    newest = detail.timeline[-NEWEST_BADGES:][::-1]
    badges = [
        f'<span class="kb-badge">Kubernetes {e.kubernetes}: {status_badge(e.status, e.partial)}</span>' for e in newest
    ]
    return '<div class="kb-badges" markdown>' + " ".join(badges) + "</div>"


def _steps_by_since(detail: FeatureDetail) -> dict[str, StepView]:
    return {step.since: step for step in detail.history}


def _timeline(detail: FeatureDetail) -> list[str]:
    steps = _steps_by_since(detail)
    rows = []
    for entry in reversed(detail.timeline):
        step = steps.get(entry.since) if entry.since else None
        requirements = "; ".join(step.requirements) if step and step.requirements else "–"
        since = entry.since if entry.recorded else "no record"
        rows.append(
            [
                entry.kubernetes,
                status_badge(entry.status, entry.partial),
                on_off(entry.enabled_by_default),
                cell(requirements),
                since,
            ]
        )
    return [
        "## Timeline",
        "",
        "Status at every Kubernetes minor in the data, newest first. Before the first record the feature "
        "is treated as not supported.",
        "",
        '<div class="kb-timeline" markdown>',
        "",
        *table(["Kubernetes", "Status", "On by default", "Requirements", "Since"], rows),
        "",
        "</div>",
        "",
    ]


def _history(detail: FeatureDetail) -> list[str]:
    rows = []
    for step in detail.history:
        note = cell(step.note)
        if step.confidence == "inferred":
            note += " *(inferred" + (f": {cell(step.confidence_note)}" if step.confidence_note else "") + ")*"
        rows.append(
            [
                step.since,
                status_badge(step.status, step.partial),
                on_off(step.enabled_by_default),
                cell("; ".join(step.requirements)) or "–",
                note or "–",
                numbered_sources(step.sources),
            ]
        )
    return ["## History", "", *table(["Since", "Status", "On by default", "Requirements", "Note", "Sources"], rows), ""]


def _why_not(detail: FeatureDetail) -> list[str]:
    items = []
    steps = detail.history
    for index, step in enumerate(steps):
        if step.status not in ("not-supported", "removed"):
            continue
        until = f" to {_previous_minor(detail, steps[index + 1].since)}" if index + 1 < len(steps) else " onwards"
        text = f"- **Kubernetes {step.since}{until}: {status_label(step.status)}.** {REASON_LABELS[step.reason]}."
        items.append(text + (f" {step.note}" if step.note else ""))
    if not items:
        return []
    return ["## Why it is not supported", "", *items, ""]


def _previous_minor(detail: FeatureDetail, since: str) -> str:
    minors = [e.kubernetes for e in detail.timeline]
    position = minors.index(since)
    return minors[position - 1] if position else since


def _fields(detail: FeatureDetail) -> list[str]:
    if not detail.fields:
        return []
    rows = [
        [f"`{f['path']}`", FIELD_BEHAVIOUR[f["on_windows"]], f.get("since") or "–", cell(f.get("note")) or "–"]
        for f in detail.fields
    ]
    return ["## Pod-spec fields", "", *table(["Field", "On Windows", "Field added in", "Note"], rows), ""]


def _disagreements(detail: FeatureDetail) -> list[str]:
    if not detail.disagreements:
        return []
    rows = [
        [
            cell(d["about"]),
            cell(d["chosen"]),
            cell(d["other_value"]),
            numbered_sources([s["url"] for s in d["sources"]]),
        ]
        for d in detail.disagreements
    ]
    return [
        "## Where sources disagree",
        "",
        *table(["About", "This data says", "Another source says", "Sources"], rows),
        "",
    ]


def _examples(detail: FeatureDetail, newest: str) -> list[str]:
    lookup = link(paths.feature(detail.id), paths.HOME)
    return [
        "## Ask it yourself",
        "",
        f"[Ask the lookup box]({lookup}?feature={detail.id}&kubernetes={newest}#is-it-supported) with your "
        "Kubernetes version and Windows Server release.",
        "",
        "With the API (`make run` serves it on localhost):",
        "",
        "```sh",
        f"curl -s '{paths.API_BASE}/v1/support?feature={detail.id}&kubernetes={newest}' | jq -e .supported",
        "```",
        "",
        "With the `kb` command (exit code 0 when supported, 1 when not):",
        "",
        "```sh",
        f"kb support {detail.id} --kubernetes {newest}",
        "```",
        "",
        "In Slack or Teams:",
        "",
        "```text",
        f"/k8swin {detail.id} {newest}",
        "```",
        "",
    ]


def _feature_rows(catalog: Catalog, source: str, category: str | None = None) -> list[list[str]]:
    rows = []
    for summary in query.list_features(catalog, category=category):
        since = query.support(catalog, summary.id, summary.kubernetes).since or "–"
        rows.append(
            [
                f"[{summary.name}]({link(source, paths.feature(summary.id))})",
                summary.kind,
                status_badge(summary.status),
                since,
            ]
        )
    return rows


def features_index(catalog: Catalog) -> Page:
    """Every feature by category, with its status at the newest minor."""
    newest = str(catalog.newest)
    lines = [
        "# Features and limitations",
        "",
        f"Status at Kubernetes {newest}, the newest release in the data. Each name leads to the full history; "
        f"the [feature grid]({link(paths.FEATURES, paths.MATRIX_FEATURES)}) shows every release at once.",
        "",
    ]
    for category in catalog.categories.values():
        rows = _feature_rows(catalog, paths.FEATURES, category.id)
        if rows:
            lines += [f"## [{category.name}]({link(paths.FEATURES, paths.category(category.id))})", ""]
            lines += [*table(["Feature", "Kind", f"Status in {newest}", "Since"], rows), ""]
    return Page(paths.FEATURES, join(lines))


def category_page(catalog: Catalog, category_id: str) -> Page:
    """One category: what it covers and its features with their status at the newest minor."""
    category = catalog.categories[category_id]
    path = paths.category(category_id)
    newest = str(catalog.newest)
    rows = _feature_rows(catalog, path, category_id)
    lines = [
        f"# {category.name}",
        "",
        category.description,
        "",
        *table(["Feature", "Kind", f"Status in {newest}", "Since"], rows),
        "",
    ]
    return Page(path, join(lines))
