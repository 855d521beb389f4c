"""Markdown building blocks shared by every generated page: status badges, tables, links, escaping."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kb.history import status_label
from kb.i18n import Lang, spaced
from kb.pages.words import word

STATUS_ICONS = {
    "not-supported": ":material-close-circle:",
    "alpha": ":material-flask-outline:",
    "beta": ":material-progress-check:",
    "stable": ":material-check-circle:",
    "deprecated": ":material-alert:",
    "removed": ":material-minus-circle:",
}
YES_NO_ICONS = {True: ":material-check:", False: ":material-close:"}


@dataclass(frozen=True)
class Page:
    """One generated file of the site: its path under docs/ and its text."""

    path: str
    text: str


def status_short(status: str, lang: Lang = "en") -> str:
    """The short label of a status on a grid's chip: 'GA', 'dep', 'no'."""
    return word(lang, f"status-short-{status}")


def reason_label(reason: str | None, lang: Lang = "en") -> str:
    """Why a feature is not supported, as the pages say it: 'Windows itself lacks it'."""
    return word(lang, f"reason-{reason or 'none'}")


def status_badge(status: str, partial: bool = False, lang: Lang = "en") -> str:
    """Status as icon and text (never colour alone), wrapped for the site's colour classes."""
    return f'<span class="kb-status kb-{status}">{STATUS_ICONS[status]} {status_label(status, partial, lang)}</span>'


def status_cell(status: str, partial: bool = False, lang: Lang = "en") -> str:
    """A compact status for big grids: a short label on a coloured chip, the full label in the tooltip.

    Text rather than icons keeps a grid of thousands of cells light (each icon is an inline SVG).
    """
    short = status_short(status, lang) + ("*" if partial else "")
    return f'<span class="kb-chip kb-{status}" title="{status_label(status, partial, lang)}">{short}</span>'


def yes_no(value: bool | None, lang: Lang = "en") -> str:
    """A boolean as icon and word."""
    return "–" if value is None else f"{YES_NO_ICONS[value]} {word(lang, 'yes' if value else 'no')}"


def on_off(value: bool | None, lang: Lang = "en") -> str:
    return "–" if value is None else word(lang, "on" if value else "off")


def cell(text: str | None) -> str:
    """Text made safe for one Markdown table cell."""
    return (text or "").replace("|", "\\|").replace("\n", " ").strip()


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A Markdown table as lines."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def link(source: str, target: str) -> str:
    """The relative link from page ``source`` to page ``target`` (both paths under docs/)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def numbered_sources(urls: Sequence[str]) -> str:
    """Sources as short numbered links for a table cell."""
    return " ".join(f"[{i}]({url})" for i, url in enumerate(urls, 1)) or "–"


def source_list(urls: Iterable[str]) -> list[str]:
    """Sources as a bulleted list of autolinks."""
    return [f"- <{url}>" for url in dict.fromkeys(urls)]


def front_matter(**fields: str | list[str] | dict[str, bool]) -> list[str]:
    """YAML front matter for mkdocs (title, description, tags, hidden parts, search settings)."""
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list) and not value:
            continue
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {name}: {'true' if flag else 'false'}" for name, flag in value.items()]
        elif isinstance(value, list):
            lines.append(f"{key}:")
            lines += [f"  - {_quote(v)}" for v in value]
        else:
            lines.append(f"{key}: {_quote(value)}")
    return [*lines, "---", ""]


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def join(lines: Iterable[str]) -> str:
    """Lines -> page text ending in one newline, Chinese spaced from Latin letters and digits as the engine's
    Chinese lines are (kb.i18n.spaced: texts the engine composes, such as 'Windows Server 2019或更新版本')."""
    return spaced("\n".join(lines).rstrip("\n") + "\n")
