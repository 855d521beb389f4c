"""The limitations page: what Windows nodes cannot do, why, since when, and what to do instead."""

from __future__ import annotations

from html import escape

from kb import query
from kb import site_paths as paths
from kb.answers import SupportAnswer
from kb.catalog import Catalog
from kb.models import REASONS, Feature
from kb.pages.html import anchor, block, html_table, status_chip
from kb.pages.markdown import Page, front_matter, join, link, reason_label
from kb.pages.words import page_words


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
    words = page_words(catalog.lang)
    if feature.instead is None:
        return words("no-alternative")
    links = words("list").join(
        anchor(source, paths.feature(f), catalog.features[f].name) for f in feature.instead.features
    )
    return escape(feature.instead.text) + (words("see-also", links=links) if links else "")


def _row(source: str, catalog: Catalog, feature: Feature, answer: SupportAnswer) -> list[str]:
    inferred = answer.confidence == "inferred"
    title = page_words(catalog.lang)("inferred-long") if inferred else None
    what = f"{anchor(source, paths.feature(feature.id), feature.name)}"
    return [
        what,
        status_chip(answer.status, inferred=inferred, title=title, lang=catalog.lang),
        answer.since or "–",
        _instead(source, catalog, feature),
    ]


def limitations_page(catalog: Catalog) -> Page:
    """Limitations grouped by why (the reason class), each with its status, since when and what to do instead."""
    words = page_words(catalog.lang)
    minor = str(catalog.newest_released)
    source = paths.LIMITATIONS
    header = [words("what"), words("status-in", minor=minor), words("since"), words("instead")]
    differences = words("differences")
    groups: dict[str, list[list[str]]] = {reason_label(r, catalog.lang): [] for r in (*REASONS, None)}
    groups[differences] = []
    features: list[list[str]] = []
    for feature, answer in sorted(current_limits(catalog), key=lambda pair: pair[0].name.lower()):
        row = _row(source, catalog, feature, answer)
        if feature.kind != "limitation":
            features.append(row)
        elif answer.reason is None and answer.supported:
            groups[differences].append(row)
        else:
            groups[reason_label(answer.reason, catalog.lang)].append(row)
    lines = [
        *front_matter(title=words("limitations"), hide=["navigation"]),
        f"# {words('limitations')}",
        "",
        words("limitations-intro", minor=minor, link=link(source, paths.MATRIX_FEATURES)),
        "",
    ]
    for heading, rows in groups.items():
        if rows:
            lines += [f"## {heading}", *block(html_table(header, rows, labels=header), "kb-limits kb-stack"), ""]
    if features:
        lines += [
            f"## {words('unusable', minor=minor)}",
            "",
            words("unusable-intro"),
            *block(html_table(header, features, labels=header), "kb-limits kb-stack"),
        ]
    return Page(source, join(lines))
