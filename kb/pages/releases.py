"""A page per Kubernetes minor and per Windows Server release, and their index pages."""

from __future__ import annotations

from datetime import date

from kb import site_paths as paths
from kb.catalog import Catalog
from kb.diff import Change
from kb.i18n import Lang
from kb.pages.markdown import Page, cell, join, link, numbered_sources, source_list, status_badge, table, yes_no
from kb.pages.words import page_words, word
from kb.releases import KubernetesReleaseView, WindowsReleaseView, list_kubernetes, list_windows


def change_label(kind: str, lang: Lang = "en") -> str:
    """A kind of change as a table says it: 'graduated', 'Windows release added'."""
    return word(lang, f"change-{kind}")


def _day(value: date | None) -> str:
    return value.isoformat() if value else "–"


def _subject_link(source: str, change: Change) -> str:
    subject = change.subject
    target = {"feature": paths.feature, "windows": paths.windows, "kubernetes": paths.kubernetes}.get(subject.type)
    return f"[{subject.name}]({link(source, target(subject.id))})" if target else subject.name


def _changes(source: str, view: KubernetesReleaseView, previous: str | None, lang: Lang) -> list[str]:
    words = page_words(lang)
    heading = f"## {words('changes-in', version=view.version)}"
    if previous is None:
        return [heading, "", words("changes-first"), ""]
    if not view.changes:
        return [heading, "", words("changes-none", previous=previous), ""]
    rows = [
        [
            change_label(c.kind, lang),
            _subject_link(source, c),
            cell(c.text),
            cell(c.action) or "–",
            numbered_sources(c.sources),
        ]
        for c in view.changes
    ]
    header = [words("change"), words("subject"), words("what"), words("what-to-do"), words("sources")]
    return [heading, "", words("changes-compared", previous=previous), "", *table(header, rows), ""]


def kubernetes_page(catalog: Catalog, view: KubernetesReleaseView, previous: str | None) -> Page:
    """One Kubernetes minor: dates, maintenance, Windows node stage, node OS, runtimes, what changed."""
    lang = catalog.lang
    words = page_words(lang)
    source = paths.kubernetes(view.version)
    patch = f"{view.latest_patch} ({_day(view.latest_patch_date)})" if view.latest_patch else "–"
    facts = [
        [words("released"), _day(view.released)],
        [words("maintenance-from"), _day(view.maintenance_start)],
        [words("end-of-life"), _day(view.end_of_life)],
        [words("maintained-today"), yes_no(view.is_maintained, lang)],
        [words("latest-patch"), patch],
        [words("windows-node-support"), status_badge(view.windows_stage, lang=lang)],
    ]
    windows = [f"- [{w.name}]({link(source, paths.windows(w.id))}) `{w.build}`" for w in view.windows]
    lines = [
        f"# Kubernetes {view.version}",
        "",
        *table([words("fact"), words("value")], facts),
        "",
        f"## {words('node-releases')}",
        "",
        *(windows or [words("no-node-releases")]),
        "",
    ]
    if view.windows_as_released is not None:
        names = words("list").join(w.name for w in view.windows_as_released) or words("none")
        lines += [words("listed-when-released", version=view.version, names=names), ""]
    if view.runtimes:
        rows = [
            [r.name, status_badge(r.status, lang=lang), cell(words("clauses").join(r.requirements)) or "–"]
            for r in view.runtimes
        ]
        header = [words("runtime"), words("status"), words("requirements")]
        lines += [f"## {words('runtimes')}", "", *table(header, rows), ""]
    lines += _changes(source, view, previous, lang)
    if view.notes:
        lines += [f"## {words('notes')}", "", *[f"- {n}" for n in view.notes], ""]
    lines += [f"## {words('sources')}", "", *source_list(view.sources), ""]
    return Page(source, join(lines))


def kubernetes_pages(catalog: Catalog, today: date) -> list[Page]:
    """The Kubernetes index and a page per minor."""
    lang = catalog.lang
    words = page_words(lang)
    views = list_kubernetes(catalog, today)
    previous = [v.version for v in views[1:]] + [None]
    pages = [kubernetes_page(catalog, view, before) for view, before in zip(views, previous, strict=True)]
    rows = [
        [
            f"[{v.version}]({link(paths.KUBERNETES, paths.kubernetes(v.version))})",
            _day(v.released),
            _day(v.end_of_life),
            yes_no(v.is_maintained, lang),
            status_badge(v.windows_stage, lang=lang),
            words("list").join(w.name for w in v.windows) or "–",
        ]
        for v in views
    ]
    header = [
        "Kubernetes",
        words("released"),
        words("end-of-life"),
        words("maintained"),
        words("windows-nodes"),
        "Windows Server",
    ]
    index = [
        f"# {words('kubernetes-releases')}",
        "",
        words("kubernetes-intro", link=link(paths.KUBERNETES, paths.MATRIX_OS)),
        "",
        *table(header, rows),
    ]
    return [Page(paths.KUBERNETES, join(index)), *pages]


def windows_page(catalog: Catalog, view: WindowsReleaseView) -> Page:
    """One Windows Server release: channel, build, support dates, image tags, Kubernetes minors, images."""
    lang = catalog.lang
    words = page_words(lang)
    source = paths.windows(view.id)
    facts = [
        [words("channel"), view.channel],
        [words("version"), view.version],
        [words("build"), f"`{view.build}`"],
        [words("generally-available"), _day(view.ga)],
        [words("mainstream-ends"), _day(view.mainstream_end)],
        [words("extended-ends"), _day(view.extended_end)],
        [words("supported-today"), yes_no(view.is_supported, lang)],
    ]
    tags = [[t.repository, f"`{t.tag}`", f"`{t.image}`"] for t in view.image_tags]
    minors = [f"[{m}]({link(source, paths.kubernetes(m))})" for m in reversed(view.kubernetes)]
    images = [f"- [{w.name}]({link(source, paths.windows(w.id))}) `{w.build}`" for w in view.process_isolation_images]
    lines = [
        f"# {view.name}",
        "",
        words("also-known-as-plain", names=words("list").join([view.id, *view.aliases])),
        "",
        *table([words("fact"), words("value")], facts),
        "",
        f"## {words('image-tags')}",
        "",
        *(table([words("repository"), words("tag"), words("image")], tags) if tags else [words("no-image-tags")]),
        "",
        f"## {words('node-os-of')}",
        "",
        words("list").join(minors) if minors else words("node-os-of-none"),
        "",
        f"## {words('process-images')}",
        "",
        *(images or [words("process-images-none")]),
        "",
        words("see-image-matrix", link=link(source, paths.MATRIX_IMAGES)),
        "",
    ]
    if view.notes:
        lines += [f"## {words('notes')}", "", *[f"- {n}" for n in view.notes], ""]
    lines += [f"## {words('sources')}", "", *source_list(view.sources), ""]
    return Page(source, join(lines))


def windows_pages(catalog: Catalog, today: date) -> list[Page]:
    """The Windows Server index and a page per release."""
    lang = catalog.lang
    words = page_words(lang)
    views = list_windows(catalog, today)
    rows = [
        [
            f"[{v.name}]({link(paths.WINDOWS, paths.windows(v.id))})",
            v.channel,
            f"`{v.build}`",
            _day(v.ga),
            _day(v.extended_end or v.mainstream_end),
            yes_no(v.is_supported, lang),
            words("range", first=v.kubernetes[0], last=v.kubernetes[-1]) if v.kubernetes else "–",
        ]
        for v in views
    ]
    header = [
        words("release"),
        words("channel"),
        words("build"),
        "GA",
        words("support-ends"),
        words("supported-column"),
        "Kubernetes",
    ]
    index = [
        f"# {words('windows-releases')}",
        "",
        words("windows-intro"),
        "",
        *table(header, rows),
    ]
    return [Page(paths.WINDOWS, join(index)), *[windows_page(catalog, view) for view in views]]
