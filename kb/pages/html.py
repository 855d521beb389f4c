"""HTML building blocks for the big tables: raw HTML that Markdown passes through untouched.

A Markdown table of thousands of cells costs seconds of inline processing per build (every cell is
parsed for emphasis, links and icon shortcodes). The grids, timelines and matrices are written as
HTML instead; their links are the final URLs of the built site (directory URLs), since MkDocs only
rewrites links that Markdown itself parsed.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from html import escape
from typing import NamedTuple

from kb.answers import TimelineEntry
from kb.history import status_label
from kb.i18n import Lang
from kb.pages.words import word

STATUS_MARKS = {
    "not-supported": "\u2716",
    "alpha": "\u03b1",
    "beta": "\u03b2",
    "stable": "\u2714",
    "deprecated": "\u26a0",
    "removed": "\u2298",
}
"""A text mark per status, so a status never rests on colour alone (the Markdown pages use icons)."""

INFERRED_MARK = "?"
"""Appended to a chip whose fact is inferred rather than read in a source."""


def url(path: str) -> str:
    """The site URL (relative to the site root) of the page generated at ``path`` under docs/."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def href(source: str, target: str) -> str:
    """The relative URL from page ``source`` to page ``target`` (both paths under docs/), as built."""
    base, goal = url(source).rstrip("/") or ".", url(target).rstrip("/") or "."
    relative = posixpath.relpath(goal, base)
    return "./" if relative == "." else relative + "/"


def attrs(**values: str | None) -> str:
    """' name="value"' for each value given; a trailing underscore is dropped (class_ -> class)."""
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"'
        for name, value in values.items()
        if value is not None
    )


def anchor(source: str, target: str, text: str) -> str:
    return f'<a href="{href(source, target)}">{escape(text)}</a>'


def inferred_mark(lang: Lang = "en", long: bool = False) -> str:
    """The '?' of an inferred fact, saying so in its title."""
    title = word(lang, "inferred-long" if long else "inferred")
    return f'<abbr class="kb-mark" title="{title}">{INFERRED_MARK}</abbr>'


def status_chip(
    status: str,
    partial: bool = False,
    *,
    short: str | None = None,
    inferred: bool = False,
    title: str | None = None,
    lang: Lang = "en",
) -> str:
    """A status as a chip: its mark and label (or ``short``), a title with the details; '?' when inferred."""
    label = short or f"{STATUS_MARKS[status]} {status_label(status, partial, lang)}"
    if short and partial:
        label += "*"
    classes = f"kb-chip kb-{status}" + (" kb-inferred" if inferred else "")
    mark = inferred_mark(lang) if inferred else ""
    return f"<span{attrs(class_=classes, title=title)}>{escape(label)}{mark}</span>"


def html_table(
    header: Sequence[str],
    rows: Iterable[Sequence[str] | str],
    class_: str | None = None,
    labels: Sequence[str] | None = None,
) -> str:
    """A table from cells that are already HTML; a row given as a string is written as it is.

    ``labels`` (the header as plain text) become each cell's ``data-label``, which the stacked phone
    layout shows before the value.
    """
    head = "".join(f"<th>{h}</th>" for h in header)
    body = []
    for row in rows:
        if isinstance(row, str):
            body.append(row)
            continue
        cells = (f"<td{attrs(data_label=labels[i] if labels else None)}>{value}</td>" for i, value in enumerate(row))
        body.append("<tr>" + "".join(cells) + "</tr>")
    rows_html = "\n".join(body)
    return f"<table{attrs(class_=class_)}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows_html}\n</tbody>\n</table>"


BLOCK_START = "<!-- kb:html -->"
BLOCK_START_UNINDEXED = "<!-- kb:html unindexed -->"
BLOCK_END = "<!-- /kb:html -->"
_PLACEHOLDER = "<!-- kb:html {} -->"


def block(html: str, class_: str, indexed: bool = True) -> list[str]:
    """Raw HTML as its own Markdown block, wrapped in a div of ``class_`` (one table row a line, no blank line).

    The markers let the build keep the block away from Markdown entirely (:func:`stash_blocks`); a block
    that is not ``indexed`` (a timeline of status chips) is also kept out of the search index.
    """
    start = BLOCK_START if indexed else BLOCK_START_UNINDEXED
    return ["", start, f'<div class="{class_}">', html, "</div>", BLOCK_END, ""]


class Blocks(NamedTuple):
    """The HTML blocks of one page: those the search indexes, and those put back only in the final page."""

    indexed: list[str]
    unindexed: list[str]


def stash_blocks(markdown: str) -> tuple[str, Blocks]:
    """The page's Markdown with each marked HTML block replaced by a placeholder comment, and the blocks.

    Python-Markdown parses every raw HTML block with an HTML parser to find where it ends, which for a
    page of big tables costs more than the rest of the page; a placeholder costs nothing. The docs
    hooks call this before Markdown runs, then :func:`restore_blocks` on the page's HTML for the indexed
    blocks (the search reads that) and on the final page for the others.
    """
    blocks = Blocks([], [])
    out: list[str] = []
    rest = markdown
    while (start := rest.find("<!-- kb:html")) >= 0:
        marker = BLOCK_START_UNINDEXED if rest.startswith(BLOCK_START_UNINDEXED, start) else BLOCK_START
        end = rest.index(BLOCK_END, start)
        kind = blocks.unindexed if marker == BLOCK_START_UNINDEXED else blocks.indexed
        name = f"{'u' if kind is blocks.unindexed else 'i'}{len(kind)}"
        out.append(rest[:start] + _PLACEHOLDER.format(name))
        kind.append(rest[start + len(marker) : end].strip("\n"))
        rest = rest[end + len(BLOCK_END) :]
    return "".join(out) + rest, blocks


def restore_blocks(html: str, blocks: list[str], indexed: bool = True) -> str:
    """The HTML with the placeholders of :func:`stash_blocks` (indexed ones, or the others) replaced by their blocks."""
    for number, content in enumerate(blocks):
        html = html.replace(_PLACEHOLDER.format(f"{'i' if indexed else 'u'}{number}"), content, 1)
    return html


def timeline_title(entry: TimelineEntry, lang: Lang = "en") -> str:
    """What a timeline or grid cell says in full: status and since when, inferred, provisional."""
    status = status_label(entry.status, entry.partial, lang)
    if not entry.recorded:
        text = word(lang, "cell-no-record")
    else:
        text = word(lang, "cell-since", status=status, since=entry.since) if entry.since else status
    if entry.enabled_by_default is False:
        text += word(lang, "cell-off-by-default")
    if entry.confidence == "inferred":
        text += word(lang, "cell-inferred")
    if entry.provisional:
        text += word(lang, "cell-provisional", minor=entry.kubernetes)
    return text
