"""Generated pages: golden files for rendered Markdown, and a strict build of the real site."""

import os
import subprocess
import sys

import pytest

from kb import site
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("KB_UPDATE_GOLDEN"):
        path.write_text(text)
    assert path.exists(), f"missing golden file {name}: run with KB_UPDATE_GOLDEN=1"
    assert text == path.read_text(), f"{name} differs from its golden file (KB_UPDATE_GOLDEN=1 regenerates it)"


def test_feature_page_matches_golden(fixture_catalog):
    check_golden("feature-hostprocess-containers.md", site.feature_page(fixture_catalog, "hostprocess-containers"))


def test_features_index_matches_golden(fixture_catalog):
    check_golden("features-index.md", site.features_index(fixture_catalog))


def test_status_is_never_colour_alone():
    for status in ("not-supported", "alpha", "beta", "stable", "deprecated", "removed"):
        badge = site.status_badge(status)
        assert ":material-" in badge and status.replace("-", " ") in badge


@pytest.mark.slow
def test_real_site_builds_strict_with_a_page_per_feature(real_db, real_catalog, tmp_path):
    out = tmp_path / "site"
    env = {**os.environ, "KB_DB": str(real_db)}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    pages = {p.parent.name for p in (out / "features").glob("*/index.html")}
    assert pages == set(real_catalog.features)
