"""kb stats and the coverage page: counts checked against the catalog, the page against a golden file."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from kb.cli import app
from kb.history import step_at
from kb.site_coverage import coverage_page, write_coverage_page
from kb.stats import coverage, domain, source_urls
from tests.test_site import check_golden

runner = CliRunner()


def test_coverage_page_matches_golden(fixture_catalog):
    check_golden("coverage.md", coverage_page(fixture_catalog))


def test_write_coverage_page_uses_the_given_opener(fixture_catalog, tmp_path):
    write_coverage_page(fixture_catalog, lambda name, mode: (tmp_path / name).open(mode))
    assert (tmp_path / "coverage.md").read_text() == coverage_page(fixture_catalog)


@pytest.mark.parametrize("catalog_name", ["fixture_catalog", "real_catalog"])
def test_counts_add_up(request, catalog_name):
    catalog = request.getfixturevalue(catalog_name)
    stats = coverage(catalog)
    assert stats.entries == len(catalog.features)
    assert sum(stats.by_kind.values()) == stats.entries
    assert sum(stats.by_status.values()) == stats.entries
    assert sum(c.features + c.limitations for c in stats.by_category) == stats.entries
    assert sum(stats.by_source_domain.values()) == stats.sources
    assert 0 <= stats.inferred <= stats.facts


@pytest.mark.parametrize("catalog_name", ["fixture_catalog", "real_catalog"])
def test_status_counts_are_the_status_at_the_newest_released_minor(request, catalog_name):
    catalog = request.getfixturevalue(catalog_name)
    expected = Counter(
        step.status if (step := step_at(f.history, catalog.newest_released)) else "not-supported"
        for f in catalog.features.values()
    )
    assert {k: v for k, v in coverage(catalog).by_status.items() if v} == dict(expected)


def test_facts_count_every_step_release_and_row(fixture_catalog):
    catalog = fixture_catalog
    expected = (
        sum(len(f.history) for f in catalog.features.values())
        + sum(len(r.history) for r in catalog.runtimes.values())
        + len(catalog.kubernetes)
        + len(catalog.windows)
        + len(catalog.os_support)
        + len(catalog.image_compatibility)
        + len(catalog.isolation)
    )
    assert coverage(catalog).facts == expected


def test_newest_releases(real_catalog):
    stats = coverage(real_catalog)
    assert stats.newest_kubernetes.id == str(real_catalog.newest)
    released = [r for r in real_catalog.kubernetes.values() if r.released]
    assert stats.newest_released_kubernetes.date == max(r.released for r in released)
    assert stats.newest_windows.date == max(w.ga for w in real_catalog.windows.values())


def test_sources_include_step_sources(fixture_catalog):
    urls = source_urls(fixture_catalog)
    for feature in fixture_catalog.features.values():
        for step in feature.history:
            assert {s.url for s in step.sources} <= urls


@pytest.mark.parametrize(
    "url,name",
    [("https://www.github.com/kubernetes/website", "github.com"), ("https://kubernetes.io/docs/", "kubernetes.io")],
)
def test_domain(url, name):
    assert domain(url) == name


def test_cli_stats(fixture_db):
    human = runner.invoke(app, ["stats", "--db", str(fixture_db)])
    assert human.exit_code == 0 and "by category" in human.output
    data = json.loads(runner.invoke(app, ["stats", "--json", "--db", str(fixture_db)]).output)
    assert data["entries"] == sum(data["by_kind"].values())


def test_disagreements_are_counted(real_catalog):
    expected = sum(
        len(item.disagreements)
        for group in (real_catalog.features, real_catalog.kubernetes, real_catalog.windows)
        for item in group.values()
    )
    assert coverage(real_catalog).disagreements == expected > 0
