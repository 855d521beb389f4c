"""Database -> Markdown pages for the docs site, from the same query functions the API uses."""

from __future__ import annotations

from kb import query
from kb.catalog import Catalog
from kb.history import status_label

STATUS_ICONS = {
    "not-supported": ":material-close-circle:",
    "alpha": ":material-flask-outline:",
    "beta": ":material-progress-check:",
    "stable": ":material-check-circle:",
    "deprecated": ":material-alert:",
    "removed": ":material-minus-circle:",
}


def status_badge(status: str, partial: bool = False) -> str:
    """Status as icon and text (never colour alone), wrapped for the site's colour classes."""
    return f'<span class="kb-status kb-{status}">{STATUS_ICONS[status]} {status_label(status, partial)}</span>'


def _default(value: bool | None) -> str:
    return {True: "on", False: "off", None: "–"}[value]


def feature_page(catalog: Catalog, feature_id: str) -> str:
    """The Markdown page of one feature: summary, timeline over every minor, history, sources."""
    detail = query.feature_detail(catalog, feature_id)
    category = catalog.categories[detail.category].name
    lines = [
        f"# {detail.name}",
        "",
        f"*{category}* · {detail.kind} · id `{detail.id}`",
        "",
        detail.summary,
        "",
    ]
    newest = detail.timeline[-1]
    lines += [f"**Kubernetes {newest.kubernetes}:** {status_badge(newest.status, newest.partial)}", ""]
    if detail.feature_gates:
        lines += [f"**Feature gate:** {', '.join(f'`{g}`' for g in detail.feature_gates)}", ""]
    if detail.kep:
        lines += [f"**KEP:** [KEP-{detail.kep['number']}]({detail.kep['url']})", ""]
    if detail.aliases:
        lines += [f"**Also known as:** {', '.join(detail.aliases)}", ""]
    lines += [
        "## History",
        "",
        "| Since | Status | On by default | Requirements | Note | Sources |",
        "|---|---|---|---|---|---|",
    ]
    for step in detail.history:
        sources = " ".join(f"[{i}]({url})" for i, url in enumerate(step.sources, 1))
        note = (step.note or "").replace("|", "\\|").replace("\n", " ")
        if step.confidence == "inferred":
            note += " *(inferred)*"
        if step.reason:
            note = f"**Why:** {step.reason}. {note}"
        lines.append(
            f"| {step.since} | {status_badge(step.status, step.partial)} | {_default(step.enabled_by_default)} "
            f"| {'; '.join(step.requirements) or '–'} | {note} | {sources} |"
        )
    lines += [
        "",
        "## Status by Kubernetes release",
        "",
        "| Kubernetes | Status | On by default | Since |",
        "|---|---|---|---|",
    ]
    for entry in reversed(detail.timeline):
        lines.append(
            f"| {entry.kubernetes} | {status_badge(entry.status, entry.partial)} | {_default(entry.enabled_by_default)} "
            f"| {entry.since or 'no record'} |"
        )
    if detail.fields:
        lines += ["", "## Pod-spec fields", "", "| Field | On Windows |", "|---|---|"]
        lines += [f"| `{f['path']}` | {f['on_windows']} |" for f in detail.fields]
    if detail.notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in detail.notes]
    if detail.related:
        lines += ["", "## Related", ""] + [f"- [{r.name}]({r.id}.md)" for r in detail.related]
    lines += ["", "## Sources", ""] + [f"- <{url}>" for url in detail.sources]
    return "\n".join(lines) + "\n"


def features_index(catalog: Catalog) -> str:
    """The list of every feature by category, with its status at the newest minor."""
    newest = str(catalog.newest)
    lines = ["# Features and limitations", "", f"Status at Kubernetes {newest}, the newest release in the data.", ""]
    summaries = query.list_features(catalog)
    for category in catalog.categories.values():
        members = [s for s in summaries if s.category == category.id]
        if not members:
            continue
        lines += [f"## {category.name}", "", category.description, "", "| Feature | Kind | Status |", "|---|---|---|"]
        lines += [f"| [{s.name}]({s.id}.md) | {s.kind} | {status_badge(s.status)} |" for s in members]
        lines.append("")
    return "\n".join(lines)
