"""Feature pages, the features index and the category index pages."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from kb import query
from kb import site_paths as paths
from kb.answers import FeatureDetail, SupportAnswer
from kb.catalog import Catalog
from kb.feature_facts import FeatureStageAnswer, feature_stage
from kb.history import status_label
from kb.i18n import Lang, say
from kb.localize import aliases_in_language
from kb.pages.html import STATUS_MARKS, anchor, block, html_table, inferred_mark, status_chip, timeline_title
from kb.pages.markdown import (
    Page,
    cell,
    front_matter,
    join,
    link,
    numbered_sources,
    on_off,
    reason_label,
    source_list,
    table,
)
from kb.pages.words import PageWords, page_words

FIELD_ICONS = {
    "rejected": ":material-cancel:",
    "ignored": ":material-eye-off:",
    "different": ":material-swap-horizontal:",
    "supported": ":material-check:",
}


def feature_page(catalog: Catalog, feature_id: str) -> Page:
    """The page of one feature: summary, badges, timeline, why not, fields, notes, sources, examples."""
    detail = query.feature_detail(catalog, feature_id)
    words = page_words(catalog.lang)
    path = paths.feature(detail.id)
    category = catalog.categories[detail.category]
    names = search_names(detail, aliases_in_language(catalog, detail.id))
    # Tags are what the built-in search weighs most: the names operators type for this feature.
    lines = front_matter(title=detail.name, description=detail.summary, tags=names)
    byline = words(
        "feature-byline",
        category=category.name,
        link=link(path, paths.category(category.id)),
        kind=words(f"kind-{detail.kind}"),
        id=detail.id,
    )
    lines += [f"# {detail.name}", "", byline, "", detail.summary, ""]
    lines += glance(catalog, path, feature_id)
    if names:
        lines += [words("also-known-as", names=words("list").join(names)), ""]
    if detail.feature_gates:
        lines += [words("feature-gate", gates=words("list").join(f"`{g}`" for g in detail.feature_gates)), ""]
    if detail.kep:
        lines += [words("kep", number=detail.kep["number"], url=detail.kep["url"]), ""]
    if detail.confidence == "inferred":
        lines += [f'!!! warning "{words("inferred-title")}"', f"    {words('inferred-entry')}", ""]
    lines += _timeline(detail, catalog.lang)
    lines += _history(detail, catalog.lang)
    lines += _cases(detail, catalog.lang)
    lines += _why_not(detail, catalog.lang)
    lines += _fields(detail, catalog.lang)
    if detail.notes:
        lines += [f"## {words('notes')}", "", *[f"- {n}" for n in detail.notes], ""]
    lines += _disagreements(detail, catalog.lang)
    if detail.related:
        related = [f"- [{r.name}]({link(path, paths.feature(r.id))})" for r in detail.related]
        lines += [f"## {words('related')}", "", *related, ""]
    lines += [f"## {words('sources')}", "", *source_list(detail.sources), ""]
    lines += _examples(detail, str(catalog.newest_released), catalog.lang)
    return Page(path, join(lines))


def search_names(detail: FeatureDetail, translated: Sequence[str] = ()) -> list[str]:
    """The names operators type for this feature: aliases (and their ``translated`` ones), feature gates, and
    the id when it is one word.

    The search matches a tag by prefix, so a hyphenated id such as ``gmsa-containerd-network-shares``
    would rank that page as high as ``gmsa`` itself for the query "gmsa"; such ids are slugs of the
    name, which the search indexes anyway.
    """
    single_word_id = [detail.id] if "-" not in detail.id else []
    return list(dict.fromkeys([*single_word_id, *detail.aliases, *translated, *detail.feature_gates]))


def _milestones(stage: FeatureStageAnswer, lang: Lang) -> str:
    """Each change of status with its minor, oldest first ('alpha 1.22 → beta 1.23 → GA 1.26').

    Leading 'not supported' steps are left out: the story starts where the feature became usable.
    """
    steps = list(stage.milestones)
    while len(steps) > 1 and steps[0][1] == "not-supported":
        steps.pop(0)
    words = {"stable": "GA"}
    return " → ".join(
        f'<span class="kb-status kb-{status}">{STATUS_MARKS[status]} '
        f"{words.get(status, status_label(status, lang=lang))} {minor}</span>"
        for minor, status in steps
    )


def _default(answer: SupportAnswer, words: PageWords) -> str | None:
    if answer.enabled_by_default is None or not answer.feature_gate:
        return None
    if answer.enabled_by_default:
        return words("default-on")
    return words("default-off", gate=escape(answer.feature_gate))


def glance(catalog: Catalog, source: str, feature_id: str) -> list[str]:
    """The whole story in one line, as caniuse puts it: first usable, each stage with its minor, what it
    needs and whether it is on by default, on the newest released minor; then where it stands there."""
    lang = catalog.lang
    words = page_words(lang)
    feature = query.resolve_feature(catalog, feature_id)
    minor = catalog.newest_released
    answer = query.answer_support(catalog, feature, minor)
    stage = feature_stage(catalog, feature, "usable")
    story = []
    if stage.first_usable:
        story.append(words("story-first-usable", minor=stage.first_usable))
    story.append(_milestones(stage, lang))
    if needs := [r.text for r in answer.requirements]:
        story.append(words("story-needs", needs=escape(words("clauses").join(needs))))
    if default := _default(answer, words):
        story.append(default)
    chip = (
        f'<span class="kb-status kb-{answer.status}">{STATUS_MARKS[answer.status]} '
        f"{status_label(answer.status, lang=lang)}</span>"
    )
    now = words(
        "now",
        minor=minor,
        status=chip,
        since=words("now-since", since=answer.since) if answer.since else "",
        verdict=words("supported" if answer.supported else "not-supported"),
    )
    if answer.ga:
        now += f" · GA {answer.ga}"
    if answer.reason:
        now += words("now-why", reason=escape(reason_label(answer.reason, lang)))
    if answer.confidence == "inferred":
        now += f' · <abbr class="kb-mark" title="{words("inferred-long")}">{words("inferred")}</abbr>'
    if len({case.supported for case in answer.variants}) > 1:
        cases = words("clauses").join(
            words("case-status", name=escape(case.name), status=status_label(case.status, lang=lang))
            for case in answer.variants
        )
        now += words("now-by-case", cases=cases)
    if catalog.newest != minor:
        newest = query.answer_support(catalog, feature, catalog.newest)
        now += f" · {anchor(source, paths.kubernetes(str(catalog.newest)), str(catalog.newest))} " + words(
            "now-provisional", status=status_label(newest.status, lang=lang)
        )
    return [
        "",
        '<div class="kb-glance">',
        f'<p class="kb-story">{" · ".join(story)}</p>',
        f'<p class="kb-now">{now}</p>',
        "</div>",
        "",
    ]


def _timeline(detail: FeatureDetail, lang: Lang) -> list[str]:
    words = page_words(lang)
    steps = {step.since: step for step in detail.history}
    rows = []
    for entry in reversed(detail.timeline):
        step = steps.get(entry.since) if entry.since else None
        requirements = words("clauses").join(step.requirements) if step and step.requirements else "–"
        provisional = f' <small class="kb-provisional">{words("provisional")}</small>'
        minor = entry.kubernetes + (provisional if entry.provisional else "")
        chip = status_chip(
            entry.status,
            entry.partial,
            inferred=entry.confidence == "inferred",
            title=timeline_title(entry, lang),
            lang=lang,
        )
        rows.append(
            [
                minor,
                chip,
                on_off(entry.enabled_by_default, lang),
                escape(requirements),
                entry.since if entry.recorded else say(lang, "no-record"),
            ]
        )
    header = ["Kubernetes", words("status"), words("on-by-default"), words("requirements"), words("status-since")]
    return [
        f"## {words('timeline')}",
        "",
        words("timeline-intro"),
        *block(html_table(header, rows, labels=header), "kb-timeline kb-stack", indexed=False),
    ]


def _history(detail: FeatureDetail, lang: Lang) -> list[str]:
    words = page_words(lang)
    rows = []
    for step in detail.history:
        note = escape(step.note or "")
        if step.confidence == "inferred":
            why = words("inferred-why", why=escape(step.confidence_note)) if step.confidence_note else ""
            note += f' <em class="kb-inferred-note">{inferred_mark(lang)} {words("inferred")}{why}</em>'
        rows.append(
            [
                step.since,
                status_chip(step.status, step.partial, inferred=step.confidence == "inferred", lang=lang),
                on_off(step.enabled_by_default, lang),
                escape(words("clauses").join(step.requirements)) or "–",
                note.strip() or "–",
                " ".join(f'<a href="{escape(url)}">{i}</a>' for i, url in enumerate(step.sources, 1)) or "–",
            ]
        )
    header = [
        words("since"),
        words("status"),
        words("on-by-default"),
        words("requirements"),
        words("note"),
        words("sources"),
    ]
    return [f"## {words('history')}", *block(html_table(header, rows, labels=header), "kb-history kb-stack")]


def _cases(detail: FeatureDetail, lang: Lang) -> list[str]:
    """The feature's cases whose support differs (the engine's variants), each with its own milestones."""
    if not detail.variants:
        return []
    words = page_words(lang)
    items = []
    for case in detail.variants:
        steps = words("steps").join(
            f"{s.since} {status_label(s.status, s.partial, lang)}"
            + (words("case-inferred") if s.confidence == "inferred" else "")
            for s in case.history
        )
        items.append(words("case-item", name=case.name, id=case.id, steps=steps))
    return [f"## {words('cases')}", "", words("cases-intro"), "", *items, ""]


def _why_not(detail: FeatureDetail, lang: Lang) -> list[str]:
    words = page_words(lang)
    items = []
    steps = detail.history
    for index, step in enumerate(steps):
        if step.status not in ("not-supported", "removed"):
            continue
        if index + 1 < len(steps):
            until = words("why-not-until", minor=_previous_minor(detail, steps[index + 1].since))
        else:
            until = words("why-not-onwards")
        text = words(
            "why-not-item",
            since=step.since,
            until=until,
            status=status_label(step.status, lang=lang),
            reason=reason_label(step.reason, lang),
        )
        items.append(text + (f" {step.note}" if step.note else ""))
    if not items:
        return []
    return [f"## {words('why-not')}", "", *items, ""]


def _previous_minor(detail: FeatureDetail, since: str) -> str:
    minors = [e.kubernetes for e in detail.timeline]
    position = minors.index(since)
    return minors[position - 1] if position else since


def _fields(detail: FeatureDetail, lang: Lang) -> list[str]:
    if not detail.fields:
        return []
    words = page_words(lang)
    rows = [
        [
            field_path(f["path"]),
            f"{FIELD_ICONS[f['on_windows']]} {words('field-' + f['on_windows'])}",
            f.get("since") or "–",
            cell(f.get("note")) or "–",
        ]
        for f in detail.fields
    ]
    header = [words("field"), words("on-windows"), words("field-added-in"), words("note")]
    return [f"## {words('fields')}", "", *table(header, rows), ""]


def field_path(path: str) -> str:
    """A pod-spec field path as code that may break after each dot, so a long path does not widen the table."""
    return "<code>" + "<wbr>.".join(escape(part) for part in path.split(".")) + "</code>"


def _disagreements(detail: FeatureDetail, lang: Lang) -> list[str]:
    if not detail.disagreements:
        return []
    words = page_words(lang)
    rows = [
        [
            cell(d["about"]),
            cell(d["chosen"]),
            cell(d["other_value"]),
            numbered_sources([s["url"] for s in d["sources"]]),
        ]
        for d in detail.disagreements
    ]
    header = [words("about-what"), words("this-data-says"), words("another-source-says"), words("sources")]
    return [f"## {words('disagreements')}", "", *table(header, rows), ""]


def _examples(detail: FeatureDetail, newest: str, lang: Lang) -> list[str]:
    words = page_words(lang)
    lookup = link(paths.feature(detail.id), paths.HOME)
    return [
        f"## {words('ask-yourself')}",
        "",
        words("ask-lookup", link=f"{lookup}?feature={detail.id}&kubernetes={newest}#is-it-supported"),
        "",
        words("ask-api"),
        "",
        "```sh",
        f"curl -s '{paths.API_BASE}/v1/support?feature={detail.id}&kubernetes={newest}' | jq -e .supported",
        "```",
        "",
        words("ask-cli"),
        "",
        "```sh",
        f"kb support {detail.id} --kubernetes {newest}",
        "```",
        "",
        words("ask-chat"),
        "",
        "```text",
        f"/k8swin {detail.id} {newest}",
        "```",
        "",
    ]


def _feature_rows(catalog: Catalog, source: str, category: str | None = None) -> list[list[str]]:
    """A row per feature: its status on the newest released minor and the dates a reader means."""
    lang = catalog.lang
    words = page_words(lang)
    minor = catalog.newest_released
    rows = []
    for summary in query.list_features(catalog, category=category, kubernetes=str(minor)):
        answer = query.answer_support(catalog, catalog.features[summary.id], minor)
        mark = " " + inferred_mark(lang, long=True) if answer.confidence == "inferred" else ""
        rows.append(
            [
                anchor(source, paths.feature(summary.id), summary.name),
                words(f"kind-{summary.kind}"),
                status_chip(answer.status, lang=lang) + mark,
                answer.since or "–",
                answer.first_usable or words("never"),
                answer.ga or "–",
            ]
        )
    return rows


def _feature_table(catalog: Catalog, source: str, category: str | None = None) -> list[str]:
    words = page_words(catalog.lang)
    header = [
        words("feature"),
        words("kind"),
        words("status-in", minor=catalog.newest_released),
        words("status-since"),
        words("first-usable"),
        "GA",
    ]
    rows = _feature_rows(catalog, source, category)
    return block(html_table(header, rows, labels=header), "kb-features kb-stack")


def _newest_said(catalog: Catalog) -> str:
    """Which minor the tables describe, and the provisional one they leave out."""
    words = page_words(catalog.lang)
    said = words("newest-said", minor=catalog.newest_released)
    if catalog.newest != catalog.newest_released:
        said += words("newest-said-provisional", newest=catalog.newest)
    return said + words("newest-said-dates")


def features_index(catalog: Catalog) -> Page:
    """Every feature by category, with its status at the newest released minor and its dates."""
    words = page_words(catalog.lang)
    lines = [
        f"# {words('features-title')}",
        "",
        words("features-intro", said=_newest_said(catalog), link=link(paths.FEATURES, paths.MATRIX_FEATURES)),
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
