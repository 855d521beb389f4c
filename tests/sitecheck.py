"""Reading a built site: every internal link and where it leads, for the link check."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if value and ((name == "href" and tag in ("a", "link")) or (name == "src" and tag in ("img", "script"))):
                self.links.append(value)


@dataclass(frozen=True)
class BrokenLink:
    page: str
    link: str
    why: str


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target(site: Path, path: str) -> Path | None:
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path) -> list[BrokenLink]:
    """Internal links in every HTML page of ``site`` whose file, or whose #fragment, does not exist."""
    parsed = {page: _parse(page) for page in site.rglob("*.html")}
    broken = []
    for page, links in parsed.items():
        base = "/" + page.relative_to(site).as_posix()
        for link in links.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
                continue
            resolved = urlsplit(urljoin(base, link))
            target = page if not parts.path else _target(site, resolved.path)
            if target is None:
                broken.append(BrokenLink(str(page.relative_to(site)), link, "no such file"))
            elif resolved.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(resolved.fragment) not in ids:
                    broken.append(BrokenLink(str(page.relative_to(site)), link, "no such anchor"))
    return broken
