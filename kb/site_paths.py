"""Where each generated page lives under docs/: the one place that names the site's paths."""

from __future__ import annotations

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
COVERAGE = "coverage.md"
ABOUT = "about.md"
API_EXPORT = "api/v1"
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
