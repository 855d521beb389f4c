"""Read a feed from a file path or an http(s) URL."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from kb.importers import FeedInvalid
from kb.provenance import source_problem

TIMEOUT_SECONDS = 30


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def citable(location: str, official_page: str) -> str:
    """What a change read from ``location`` cites: the feed's URL when the data may cite it (an official,
    pinned or dated source), else ``official_page``, the official page the feed describes."""
    return location if is_url(location) and source_problem(location) is None else official_page


def read_text(location: str) -> str:
    """The text at ``location`` (a path or an http(s) URL); FeedInvalid when it cannot be read."""
    try:
        if is_url(location):
            with urllib.request.urlopen(location, timeout=TIMEOUT_SECONDS) as response:
                return response.read().decode("utf-8")
        return Path(location).read_text(encoding="utf-8")
    except (OSError, urllib.error.URLError, UnicodeDecodeError) as exc:
        raise FeedInvalid(location, f"cannot read: {exc}") from exc


def gate_locations(location: str) -> list[str]:
    """A directory of gate files expands to its ``*.md`` files; a file or URL is itself."""
    if not is_url(location) and Path(location).is_dir():
        files = sorted(str(p) for p in Path(location).glob("*.md"))
        if not files:
            raise FeedInvalid(location, "no feature-gate .md files in this directory")
        return files
    return [location]
