"""Where each generated page lives under docs/: the one place that names the site's paths."""

from __future__ import annotations

import posixpath

HOME = "index.md"
FEATURES = "features/index.md"
LIMITATIONS = "limitations.md"
KUBERNETES = "kubernetes/index.md"
WINDOWS = "windows/index.md"
MATRIX_OS = "matrices/kubernetes-windows.md"
MATRIX_IMAGES = "matrices/image-isolation.md"
MATRIX_FEATURES = "matrices/features.md"
GUIDE_API = "guides/api.md"
GUIDE_CHATOPS = "guides/chatops.md"
GUIDE_CLI = "guides/cli.md"
GUIDE_CONTRIBUTING = "guides/contributing.md"
COMPARE = "compare.md"
UPGRADE = "upgrade.md"
COVERAGE = "coverage.md"
ABOUT = "about.md"
API_EXPORT = "api/v1"
LOOKUP_DATA = "assets/kb/lookup.json"
"""The names and Windows minimums the lookup box reads (kb.pages.home.lookup_data)."""
LANGUAGE_ROOTS = {"en": "", "zh": "zh/"}
"""Where each language's site lives under the server's root: English at /, Simplified Chinese at /zh/."""
API_BASE = "http://127.0.0.1:8000"
"""Where `make run` serves the API, for the examples on the pages."""


def feature(feature_id: str) -> str:
    return f"features/{feature_id}.md"


def category(category_id: str) -> str:
    return f"categories/{category_id}/index.md"


def kubernetes(minor: str) -> str:
    return f"kubernetes/{minor}.md"


def windows(windows_id: str) -> str:
    return f"windows/{windows_id}.md"


def language_url(url: str, lang: str, other: str) -> str:
    """The relative URL from the page at ``url`` of the ``lang`` site to the same page of the ``other`` one.

    >>> language_url("features/gmsa/", "en", "zh")
    '../../zh/features/gmsa/'
    """
    source = "/" + LANGUAGE_ROOTS[lang] + url
    target = "/" + LANGUAGE_ROOTS[other] + url
    relative = posixpath.relpath(target, source if source.endswith("/") else posixpath.dirname(source))
    if relative == ".":
        return "./"
    return relative + "/" if target.endswith("/") else relative
