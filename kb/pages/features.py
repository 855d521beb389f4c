"""Feature pages, the features index and the category index pages."""

from __future__ import annotations

from html import escape

from kb import query
from kb import site_paths as paths
from kb.answers import FeatureDetail, SupportAnswer
from kb.catalog import Catalog
from kb.feature_facts import FeatureStageAnswer, feature_stage
from kb.history import status_label
from kb.pages.html import STATUS_MARKS, anchor, block, html_table, status_chip, timeline_title
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
    table,
)

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
    lines += glance(catalog, path, feature_id)
    if names := search_names(detail):
        lines += [f"**Also known as:** {', '.join(names)}", ""]
    if detail.feature_gates:
        lines += [f"**Feature gate:** {', '.join(f'`{g}`' for g in detail.feature_gates)}", ""]
    if detail.kep:
        lines += [f"**KEP:** [KEP-{detail.kep['number']}]({detail.kep['url']})", ""]
    if detail.confidence == "inferred":
        lines += ['!!! warning "Inferred"', "    Part of this entry is inferred rather than read in a source.", ""]
    lines += _timeline(detail)
    lines += _history(detail)
    lines += _cases(detail)
    lines += _why_not(detail)
    lines += _fields(detail)
    if detail.notes:
        lines += ["## Notes", "", *[f"- {n}" for n in detail.notes], ""]
    lines += _disagreements(detail)
    if detail.related:
        lines += ["## Related", "", *[f"- [{r.name}]({link(path, paths.feature(r.id))})" for r in detail.related], ""]
    lines += ["## Sources", "", *source_list(detail.sources), ""]
    lines += _examples(detail, str(catalog.newest_released))
    return Page(path, join(lines))


def search_names(detail: FeatureDetail) -> list[str]:
    """The names operators type for this feature: aliases, feature gates, and the id when it is one word.

    The search matches a tag by prefix, so a hyphenated id such as ``gmsa-containerd-network-shares``
    would rank that page as high as ``gmsa`` itself for the query "gmsa"; such ids are slugs of the
    name, which the search indexes anyway.
    """
    single_word_id = [detail.id] if "-" not in detail.id else []
    return list(dict.fromkeys([*single_word_id, *detail.aliases, *detail.feature_gates]))


def _milestones(stage: FeatureStageAnswer) -> str:
    """Each change of status with its minor, oldest first ('alpha 1.22 → beta 1.23 → GA 1.26').

    Leading 'not supported' steps are left out: the story starts where the feature became usable.
    """
    steps = list(stage.milestones)
    while len(steps) > 1 and steps[0][1] == "not-supported":
        steps.pop(0)
    words = {"stable": "GA"}
    return " → ".join(
        f'<span class="kb-status kb-{status}">{STATUS_MARKS[status]} {words.get(status, status_label(status))} {minor}</span>'
        for minor, status in steps
    )


def _default(answer: SupportAnswer) -> str | None:
    if answer.enabled_by_default is None or not answer.feature_gate:
        return None
    if answer.enabled_by_default:
        return "on by default"
    return f"off by default: turn on the <code>{escape(answer.feature_gate)}</code> gate"


def glance(catalog: Catalog, source: str, feature_id: str) -> list[str]:
    """The whole story in one line, as caniuse puts it: first usable, each stage with its minor, what it
    needs and whether it is on by default, on the newest released minor; then where it stands there."""
    feature = query.resolve_feature(catalog, feature_id)
    minor = catalog.newest_released
    answer = query.answer_support(catalog, feature, minor)
    stage = feature_stage(catalog, feature, "usable")
    story = []
    if stage.first_usable:
        story.append(f"<strong>First usable</strong> {stage.first_usable}")
    story.append(_milestones(stage))
    if needs := [r.text for r in answer.requirements]:
        story.append("<strong>Needs</strong> " + escape("; ".join(needs)))
    if default := _default(answer):
        story.append(default)
    since = f" since {answer.since}" if answer.since else ""
    verdict = "supported" if answer.supported else "not supported"
    now = (
        f"<strong>On Kubernetes {minor}</strong>, the newest released minor: "
        f'<span class="kb-status kb-{answer.status}">{STATUS_MARKS[answer.status]} '
        f"{status_label(answer.status)}</span>{since}, {verdict}"
    )
    if answer.ga:
        now += f" · GA {answer.ga}"
    if answer.reason:
        now += f" · why: {escape(REASON_LABELS[answer.reason])}"
    if answer.confidence == "inferred":
        now += ' · <abbr class="kb-mark" title="inferred, not read in a source">inferred</abbr>'
    if len({case.supported for case in answer.variants}) > 1:
        cases = "; ".join(f"{escape(case.name)}: {status_label(case.status)}" for case in answer.variants)
        now += f" · <strong>by case</strong>: {cases}"
    if catalog.newest != minor:
        newest = query.answer_support(catalog, feature, catalog.newest)
        now += (
            f" · {anchor(source, paths.kubernetes(str(catalog.newest)), str(catalog.newest))} "
            f'<small class="kb-provisional">(provisional)</small>: {status_label(newest.status)}'
        )
    return [
        "",
        '<div class="kb-glance">',
        f'<p class="kb-story">{" · ".join(story)}</p>',
        f'<p class="kb-now">{now}</p>',
        "</div>",
        "",
    ]


def _timeline(detail: FeatureDetail) -> list[str]:
    steps = {step.since: step for step in detail.history}
    rows = []
    for entry in reversed(detail.timeline):
        step = steps.get(entry.since) if entry.since else None
        requirements = "; ".join(step.requirements) if step and step.requirements else "–"
        minor = entry.kubernetes + (' <small class="kb-provisional">provisional</small>' if entry.provisional else "")
        chip = status_chip(
            entry.status, entry.partial, inferred=entry.confidence == "inferred", title=timeline_title(entry)
        )
        rows.append(
            [
                minor,
                chip,
                on_off(entry.enabled_by_default),
                escape(requirements),
                entry.since if entry.recorded else "no record",
            ]
        )
    header = ["Kubernetes", "Status", "On by default", "Requirements", "Status since"]
    return [
        "## Timeline",
        "",
        "Status at every Kubernetes minor in the data, newest first. Before the first record the feature "
        "is treated as not supported; `?` marks an inferred status, *provisional* a minor without a release date.",
        *block(html_table(header, rows, labels=header), "kb-timeline kb-stack", indexed=False),
    ]


def _history(detail: FeatureDetail) -> list[str]:
    rows = []
    for step in detail.history:
        note = escape(step.note or "")
        if step.confidence == "inferred":
            why = f": {escape(step.confidence_note)}" if step.confidence_note else ""
            note += f' <em class="kb-inferred-note"><abbr class="kb-mark" title="inferred">?</abbr> inferred{why}</em>'
        rows.append(
            [
                step.since,
                status_chip(step.status, step.partial, inferred=step.confidence == "inferred"),
                on_off(step.enabled_by_default),
                escape("; ".join(step.requirements)) or "–",
                note.strip() or "–",
                " ".join(f'<a href="{escape(url)}">{i}</a>' for i, url in enumerate(step.sources, 1)) or "–",
            ]
        )
    header = ["Since", "Status", "On by default", "Requirements", "Note", "Sources"]
    return ["## History", *block(html_table(header, rows, labels=header), "kb-history kb-stack")]


def _cases(detail: FeatureDetail) -> list[str]:
    """The feature's cases whose support differs (the engine's variants), each with its own milestones."""
    if not detail.variants:
        return []
    items = []
    for case in detail.variants:
        steps = ", ".join(
            f"{s.since} {status_label(s.status, s.partial)}" + (" (inferred)" if s.confidence == "inferred" else "")
            for s in case.history
        )
        items.append(f"- **{case.name}** (`{case.id}`): {steps}.")
    return [
        "## Cases",
        "",
        "Cases whose support differs; ask for one with `variant=` (API) or `--variant` (`kb support`).",
        "",
        *items,
        "",
    ]


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
        [field_path(f["path"]), FIELD_BEHAVIOUR[f["on_windows"]], f.get("since") or "–", cell(f.get("note")) or "–"]
        for f in detail.fields
    ]
    return ["## Pod-spec fields", "", *table(["Field", "On Windows", "Field added in", "Note"], rows), ""]


def field_path(path: str) -> str:
    """A pod-spec field path as code that may break after each dot, so a long path does not widen the table."""
    return "<code>" + "<wbr>.".join(escape(part) for part in path.split(".")) + "</code>"


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


FEATURE_TABLE = ["Feature", "Kind", "Status", "Status since", "First usable", "GA"]


def _feature_rows(catalog: Catalog, source: str, category: str | None = None) -> list[list[str]]:
    """A row per feature: its status on the newest released minor and the dates a reader means."""
    minor = catalog.newest_released
    rows = []
    for summary in query.list_features(catalog, category=category, kubernetes=str(minor)):
        answer = query.answer_support(catalog, catalog.features[summary.id], minor)
        mark = (
            ' <abbr class="kb-mark" title="inferred, not read in a source">?</abbr>'
            if answer.confidence == "inferred"
            else ""
        )
        rows.append(
            [
                anchor(source, paths.feature(summary.id), summary.name),
                summary.kind,
                status_chip(answer.status) + mark,
                answer.since or "–",
                answer.first_usable or "never",
                answer.ga or "–",
            ]
        )
    return rows


def _feature_table(catalog: Catalog, source: str, category: str | None = None) -> list[str]:
    header = [*FEATURE_TABLE[:2], f"Status in {catalog.newest_released}", *FEATURE_TABLE[3:]]
    rows = _feature_rows(catalog, source, category)
    return block(html_table(header, rows, labels=header), "kb-features kb-stack")


def _newest_said(catalog: Catalog) -> str:
    """Which minor the tables describe, and the provisional one they leave out."""
    said = f"Status at Kubernetes {catalog.newest_released}, the newest released minor"
    if catalog.newest != catalog.newest_released:
        said += f" ({catalog.newest} has no release date yet: its column in the grid is provisional)"
    return (
        said + ". *Status since* is when the current status began; *first usable* the first minor with alpha or later."
    )


def features_index(catalog: Catalog) -> Page:
    """Every feature by category, with its status at the newest released minor and its dates."""
    lines = [
        "# Features and limitations",
        "",
        f"{_newest_said(catalog)} Each name leads to the full history; "
        f"the [feature grid]({link(paths.FEATURES, paths.MATRIX_FEATURES)}) shows every release at once.",
        "",
    ]
    for category in catalog.categories.values():
        if any(f.category == category.id for f in catalog.features.values()):
            lines += [f"## [{category.name}]({link(paths.FEATURES, paths.category(category.id))})"]
            lines += [*_feature_table(catalog, paths.FEATURES, category.id), ""]
    return Page(paths.FEATURES, join(lines))


def category_page(catalog: Catalog, category_id: str) -> Page:
    """One category: what it covers and its features with their status at the newest released minor."""
    category = catalog.categories[category_id]
    path = paths.category(category_id)
    lines = [
        f"# {category.name}",
        "",
        category.description,
        "",
        _newest_said(catalog),
        *_feature_table(catalog, path, category_id),
    ]
    return Page(path, join(lines))
