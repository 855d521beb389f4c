"""Generated pages: golden files on the fixture catalog, and the strict build of the real site with a link check."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest
import typer

from kb import cli, export, pages, query, search
from kb import site_paths as paths
from kb.build import build
from kb.catalog import load_catalog
from kb.pages import features, guides, home, limitations, markdown, matrices, prose, releases
from kb.versions import build_number
from tests.conftest import ROOT
from tests.sitecheck import broken_links

GOLDEN = ROOT / "tests" / "golden"
TODAY = date(2026, 11, 25)
OPENAPI = {
    "info": {"title": "kb", "summary": "Answers.", "version": "1"},
    "paths": {
        "/v1/support": {
            "get": {
                "tags": ["support"],
                "description": "Is it supported?",
                "parameters": [
                    {
                        "name": "feature",
                        "in": "query",
                        "required": True,
                        "description": "Feature",
                        "schema": {"type": "string", "examples": ["hostprocess"]},
                    },
                    {"name": "kubernetes", "in": "query", "required": False, "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/x/SupportAnswer"},
                                "example": {"supported": True},
                            }
                        }
                    }
                },
            }
        },
        "/v1/features/{feature_id}": {
            "get": {
                "tags": ["features"],
                "summary": "One feature",
                "parameters": [{"name": "feature_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            }
        },
        "/v1/chatops/slack": {"post": {"tags": ["chatops"], "summary": "Slack"}},
        "/v1/check/nodes": {
            "post": {
                "tags": ["checks"],
                "summary": "Check nodes",
                "requestBody": {"content": {"application/json": {"example": {"kind": "List", "items": []}}}},
            }
        },
    },
}


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("KB_UPDATE_GOLDEN"):
        path.write_text(text)
    assert path.exists(), f"missing golden file {name}: run with KB_UPDATE_GOLDEN=1"
    assert text == path.read_text(), f"{name} differs from its golden file (KB_UPDATE_GOLDEN=1 regenerates it)"


GOLDEN_PAGES = {
    "feature-hostprocess-containers.md": lambda c: features.feature_page(c, "hostprocess-containers"),
    "features-index.md": features.features_index,
    "category-networking.md": lambda c: features.category_page(c, "networking"),
    "limitations.md": limitations.limitations_page,
    "home.md": home.home_page,
    "matrix-features.md": matrices.feature_grid_page,
    "matrix-os.md": matrices.os_matrix_page,
    "matrix-images.md": matrices.image_matrix_page,
    "kubernetes-1.23.md": lambda c: next(p for p in releases.kubernetes_pages(c, TODAY) if p.path.endswith("1.23.md")),
    "kubernetes-index.md": lambda c: releases.kubernetes_pages(c, TODAY)[0],
    "windows-ltsc2022.md": lambda c: next(p for p in releases.windows_pages(c, TODAY) if "ltsc2022" in p.path),
    "windows-index.md": lambda c: releases.windows_pages(c, TODAY)[0],
    "guide-api.md": lambda c: guides.api_guide(OPENAPI, pages.api_examples(c)),
    "guide-chatops.md": lambda c: prose.chatops_guide(str(c.newest)),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_PAGES))
def test_page_matches_golden(fixture_catalog, name):
    check_golden(name, GOLDEN_PAGES[name](fixture_catalog).text)


FULL_ENTRY = {
    "fields": [
        {"path": "spec.hostNetwork", "on_windows": "ignored", "note": "Left in its own namespace."},
        {"path": "spec.os.name", "on_windows": "supported", "since": "1.23"},
    ],
    "notes": ["HostProcess Pods must set it."],
    "disagreements": [
        {
            "about": "the first release",
            "other_value": "1.20",
            "chosen": "1.21, as the release notes say.",
            "sources": ["https://kubernetes.io/docs/concepts/windows/intro/"],
        }
    ],
}


def test_feature_page_with_fields_reasons_and_disagreements_matches_golden(fixture_data, edit_yaml, tmp_path):
    """The sections the small fixture leaves out: pod-spec fields, notes, why not, disagreements."""
    edit_yaml(fixture_data / "features" / "host-network.yaml", lambda d: d.update(FULL_ENTRY))
    build(fixture_data, tmp_path / "kb.db")
    check_golden(
        "feature-host-network-full.md", features.feature_page(load_catalog(tmp_path / "kb.db"), "host-network").text
    )


def test_every_page_has_a_unique_path(fixture_catalog):
    generated = list(pages.site_pages(fixture_catalog, TODAY, OPENAPI, typer.main.get_command(cli.app)))
    all_paths = [p.path for p in generated]
    assert len(all_paths) == len(set(all_paths))
    assert {paths.feature(f) for f in fixture_catalog.features} <= set(all_paths)
    assert {paths.kubernetes(str(m)) for m in fixture_catalog.minors} <= set(all_paths)


@pytest.mark.parametrize("status", ["not-supported", "alpha", "beta", "stable", "deprecated", "removed"])
def test_status_is_never_colour_alone(status):
    label = status.replace("-", " ")
    assert ":material-" in markdown.status_badge(status) and label in markdown.status_badge(status)
    assert f'title="{label}"' in markdown.status_cell(status) and markdown.STATUS_SHORT[status] in markdown.status_cell(
        status
    )


def test_feature_page_lists_aliases_for_search(fixture_catalog):
    text = features.feature_page(fixture_catalog, "hostprocess-containers").text
    for alias in fixture_catalog.features["hostprocess-containers"].aliases:
        assert alias in text


def test_navigation_lists_only_present_pages(fixture_catalog):
    present = {paths.HOME, paths.FEATURES, paths.feature("host-network"), paths.ABOUT}
    nav = pages.navigation(fixture_catalog, present)
    flat = json.dumps(nav)
    assert paths.COVERAGE not in flat and paths.LIMITATIONS not in flat
    assert all(p in flat for p in present)
    assert paths.COVERAGE in json.dumps(pages.navigation(fixture_catalog, present | {paths.COVERAGE}))


def test_navigation_lists_hand_written_pages_under_guides(fixture_catalog):
    nav = pages.navigation(fixture_catalog, {paths.HOME, paths.GUIDE_API, "tools/upgrade.md"})
    assert nav[-1] == {"Guides": [{"HTTP API": paths.GUIDE_API}, "tools/upgrade.md"]}


def test_cli_guide_documents_every_command():
    group = typer.main.get_command(cli.app)
    text = guides.cli_guide(group).text
    for name, command in group.commands.items():
        assert f"## `kb {name}`" in text
        for parameter in command.params:
            assert (parameter.opts[0] if parameter.param_type_name == "option" else parameter.name.upper()) in text


def test_api_guide_documents_every_operation_of_the_real_app(real_db, real_catalog):
    from api.main import create_app

    openapi = create_app(db_path=real_db).openapi()
    text = guides.api_guide(openapi, pages.api_examples(real_catalog)).text
    for path, methods in openapi["paths"].items():
        for method in methods:
            assert f"`{method.upper()} {path}`" in text


def test_export_matches_the_engine(fixture_catalog):
    files = dict(export.export_files(fixture_catalog, TODAY, support=False))
    detail = json.loads(files["features/hostprocess-containers.json"])
    assert detail == json.loads(query.feature_detail(fixture_catalog, "hostprocess-containers").model_dump_json())
    assert [r["version"] for r in json.loads(files["kubernetes.json"])] == [
        str(m) for m in sorted(fixture_catalog.minors, reverse=True)
    ]
    assert {f["id"] for f in json.loads(files["features.json"])} == set(fixture_catalog.features)


@pytest.mark.slow
def test_real_site_builds_strict_with_a_page_per_feature_and_release(built_site, real_catalog):
    assert {p.parent.name for p in (built_site / "features").glob("*/index.html")} == set(real_catalog.features)
    assert {p.parent.name for p in (built_site / "kubernetes").glob("*/index.html")} == {
        str(m) for m in real_catalog.minors
    }
    assert {p.parent.name for p in (built_site / "windows").glob("*/index.html")} == set(real_catalog.windows)
    assert (built_site / "api" / "v1" / "features.json").is_file()


@pytest.mark.slow
def test_real_site_has_no_broken_internal_links(built_site):
    broken = broken_links(built_site)
    assert not broken, "\n".join(f"{b.page}: {b.link} ({b.why})" for b in broken[:30])


@pytest.mark.slow
def test_every_page_footer_shows_dataset_version(built_site, real_catalog):
    for page in [built_site / "index.html", *sorted((built_site / "features").glob("*/index.html"))[:3]]:
        assert f"Dataset {real_catalog.meta.dataset_version}" in page.read_text()


@pytest.mark.slow
@pytest.mark.parametrize("term", ["hostprocess", "gmsa"])
def test_search_index_finds_feature_by_alias(built_site, real_catalog, term):
    feature = search.search_features(real_catalog, term)[0]
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    pages_with_term = {
        d["location"].split("#")[0] for d in index["docs"] if term in d["text"].lower() + d["title"].lower()
    }
    assert f"features/{feature.id}/" in pages_with_term


@pytest.mark.parametrize("catalog_name", ["fixture_catalog", "real_catalog"])
def test_lookup_windows_minimums_agree_with_the_engine(request, catalog_name):
    """The lookup box rules a Windows release out exactly when the engine's requirement check does."""
    catalog = request.getfixturevalue(catalog_name)
    minimums = home.windows_minimums(catalog)
    for feature in catalog.features.values():
        for step in feature.history:
            needs = [r for r in step.requirements if r.windows]
            for release in catalog.windows.values():
                # ruled out only on a definite no: an update of the node's own release is unknown without its build
                engine = not any(query.requirement_met(catalog, r, release, None) is False for r in needs)
                minimum = minimums.get(feature.id, {}).get(step.since)
                lookup = minimum is None or build_number(release.build) >= build_number(minimum["build"])
                assert lookup == engine, (feature.id, step.since, release.id)
