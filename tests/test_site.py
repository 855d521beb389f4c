"""Generated pages: golden files on the fixture catalog, and the strict build of the real site with a link check."""

from __future__ import annotations

import json
import os
import re
from datetime import date

import pytest
import typer

from kb import cli, export, pages, query, search
from kb import releases as kb_releases
from kb import site_paths as paths
from kb.build import build
from kb.catalog import load_catalog
from kb.diff import diff
from kb.i18n import spaced
from kb.pages import compare, features, guides, home, html, limitations, markdown, matrices, prose, releases
from kb.pages.words import WORDS
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
    "compare.md": compare.compare_page,
    "upgrade.md": compare.upgrade_page,
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
    cell = markdown.status_cell(status)
    assert f'title="{label}"' in cell and markdown.status_short(status) in cell


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
def test_lookup_box_rules_windows_releases_out_exactly_as_the_engine_does(request, catalog_name):
    """The lookup box reads the feature's answer without Windows from the export, then rules a release out when
    the minor does not list it (kubernetes.json) or its build is below the page's minimum for that minor: for
    every feature, minor and release that gives the engine's own ``supported``."""
    catalog = request.getfixturevalue(catalog_name)
    minimums = home.windows_minimums(catalog)
    listed = {view.version: {w.id for w in view.windows} for view in releases.list_kubernetes(catalog, TODAY)}
    for feature in catalog.features.values():
        for minor in catalog.minors:
            base = query.answer_support(catalog, feature, minor)
            minimum = minimums.get(feature.id, {}).get(str(minor))
            for release in catalog.windows.values():
                lookup = (
                    base.supported
                    # a minor without a list of node OS releases (none in the data) rules nothing out
                    and (release.id in listed[str(minor)] or not listed[str(minor)])
                    and (minimum is None or build_number(release.build) >= build_number(minimum["build"]))
                )
                engine = query.answer_support(catalog, feature, minor, release).supported
                assert lookup == engine, (feature.id, str(minor), release.id)


def _provisional_and_inferred(fixture_data, edit_yaml, tmp_path):
    """The fixture with a provisional minor (1.25, no release date) and inferred facts (a step, a node OS list)."""
    source = ["https://kubernetes.io/releases/"]
    edit_yaml(
        fixture_data / "kubernetes.yaml",
        lambda d: d.append({"version": "1.25", "released": None, "windows_stage": "stable", "sources": source}),
    )

    def infer_step(feature):
        feature["history"][-1].update(confidence="inferred", confidence_note="carried over from the 1.23 docs")

    edit_yaml(fixture_data / "features" / "hostprocess-containers.yaml", infer_step)
    edit_yaml(fixture_data / "os-support.yaml", lambda d: d[-1].update(confidence="inferred"))
    build(fixture_data, tmp_path / "kb.db")
    return load_catalog(tmp_path / "kb.db")


def test_pages_mark_provisional_minors_and_inferred_facts(fixture_data, edit_yaml, tmp_path):
    """Issue 13.2 and 13.8 on the site: the grid, the OS matrix and the feature page say so in each cell."""
    catalog = _provisional_and_inferred(fixture_data, edit_yaml, tmp_path)
    assert str(catalog.newest) == "1.25" and str(catalog.newest_released) == "1.24"
    grid = matrices.feature_grid_page(catalog).text
    check_golden("matrix-features-provisional-inferred.md", grid)
    assert "1.25<small>provisional</small>" in grid
    # HostProcess: its 1.23 step is inferred, so 1.23, 1.24 and the provisional 1.25 are marked
    row = next(line for line in grid.splitlines() if "features/hostprocess-containers/" in line)
    assert row.count("kb-inferred") == 3 and row.count("provisional: Kubernetes 1.25") == 1
    os_page = matrices.os_matrix_page(catalog).text
    check_golden("matrix-os-provisional-inferred.md", os_page)
    feature = features.feature_page(catalog, "hostprocess-containers").text
    check_golden("feature-hostprocess-provisional-inferred.md", feature)
    assert "On Kubernetes 1.24</strong>, the newest released minor" in feature
    assert "inferred" in feature.split("## Timeline")[0]
    home_page = home.home_page(catalog).text
    assert '<option value="1.24" selected="selected">' in home_page
    assert "Kubernetes 1.25 (provisional)" in home_page


def test_compare_concatenates_what_the_diff_endpoint_answers(real_catalog):
    """The compare page strings together each minor's changes from kubernetes.json; that is /v1/diff exactly."""
    views = {view.version: view for view in releases.list_kubernetes(real_catalog, TODAY)}
    minors = [str(m) for m in real_catalog.minors]
    for index, older in enumerate(minors):
        for newer in minors[index + 1 :]:
            between = [m for m in minors if minors.index(older) < minors.index(m) <= minors.index(newer)]
            concatenated = [change for minor in between for change in views[minor].changes]
            assert concatenated == diff(real_catalog, older, newer).changes, (older, newer)


@pytest.mark.parametrize(
    "source,target,url",
    [
        ("index.md", "features/gmsa.md", "features/gmsa/"),
        ("features/gmsa.md", "index.md", "../../"),
        ("matrices/features.md", "categories/storage/index.md", "../../categories/storage/"),
        ("features/index.md", "features/gmsa.md", "gmsa/"),
        ("compare.md", "upgrade.md", "../upgrade/"),
    ],
)
def test_raw_html_links_are_the_built_directory_urls(source, target, url):
    assert html.href(source, target) == url


def test_export_removes_support_answers_the_data_no_longer_holds(fixture_catalog, tmp_path):
    stale = tmp_path / "support" / "renamed-feature" / "1.22.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")
    export.export(fixture_catalog, tmp_path, TODAY)
    assert not stale.exists()
    assert (tmp_path / "support" / "hostprocess-containers" / "1.22.json").is_file()


def test_html_blocks_are_kept_away_from_markdown_and_put_back(fixture_catalog):
    """The hooks stash each big table before Markdown runs and restore it in the HTML, byte for byte; the
    timeline (status chips only) only in the final page, so the search does not index it."""
    text = features.feature_page(fixture_catalog, "hostprocess-containers").text
    stashed, blocks = html.stash_blocks(text)
    assert "<table" not in stashed and all(b.startswith('<div class="kb-') for b in blocks.indexed + blocks.unindexed)
    assert [b.split('"')[1] for b in blocks.unindexed] == ["kb-timeline kb-stack"]
    assert [b.split('"')[1] for b in blocks.indexed] == ["kb-history kb-stack"]
    restored = html.restore_blocks(html.restore_blocks(stashed, blocks.indexed), blocks.unindexed, indexed=False)
    for marker in (html.BLOCK_START_UNINDEXED, html.BLOCK_START):
        text = text.replace(marker + "\n", "")
    assert restored == text.replace("\n" + html.BLOCK_END, "")


# ---- Issue 15.2: the whole site in Simplified Chinese under /zh/ ----

ZH_GOLDEN_PAGES = {
    "zh-feature-hostprocess-containers.md": lambda c: features.feature_page(c, "hostprocess-containers"),
    "zh-kubernetes-1.23.md": lambda c: next(
        p for p in releases.kubernetes_pages(c, TODAY) if p.path.endswith("1.23.md")
    ),
}


@pytest.mark.parametrize("name", sorted(ZH_GOLDEN_PAGES))
def test_chinese_page_matches_golden(fixture_catalog_zh, name):
    check_golden(name, ZH_GOLDEN_PAGES[name](fixture_catalog_zh).text)


KEPT_IN_ENGLISH = {
    "JSON API",
    # The labels of Slack's and Teams' own screens, which the chat bots guide quotes as those products show them.
    "Basic Information",
    "Slash Commands",
    "Signing Secret",
    "Manage team",
    "Create an outgoing webhook",
    "security token",
    "from scratch",
}
"""English the Chinese pages keep on purpose: names of things, not words of the pages."""
REFERENCE_PAGES = {paths.GUIDE_API, paths.GUIDE_CLI}
"""Pages made of the API's OpenAPI descriptions and the kb command's help, which are English: only their titles
and table headers are page words."""


SAME_IN_BOTH = {"kubernetes-minor", "status-short-alpha", "status-short-beta", "status-short-stable", "nav-api"}
"""Page words Chinese writes as English does: names and symbols (Kubernetes 1.30, α, GA, HTTP API)."""


def test_every_page_word_has_its_chinese():
    untranslated = {key for key, entry in WORDS.items() if entry["zh"] == entry["en"]}
    assert untranslated == SAME_IN_BOTH
    assert all(entry["zh"].strip() for entry in WORDS.values())


def _english_words() -> tuple[set[str], set[str]]:
    """The English of every page word that Chinese says otherwise: phrases (two words or more between markup
    and placeholders) and one-word labels ('Status', 'Sources': what headings and table headers say)."""
    phrases, labels = set(), set()
    for key, entry in WORDS.items():
        if key in SAME_IN_BOTH:
            continue
        text = re.sub(r"`[^`]*`|\{[^}]*\}|<[^>]+>|\]\([^)]*\)|https?://\S+", "|", entry["en"])
        runs = [run.strip(" -'") for run in re.split(r"[^A-Za-z' -]+", text)]
        phrases |= {run for run in runs if len(run.split()) >= 2 and run not in KEPT_IN_ENGLISH}
        if re.fullmatch(r"[A-Z][a-z]+", entry["en"]):
            labels.add(entry["en"])
    return phrases, labels


def _prose(markdown: str) -> str:
    """What a reader reads of a page: no front matter, code, markup, link targets or URLs."""
    markdown = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    markdown = re.sub(r"```.*?```", "", markdown, flags=re.S)
    return re.sub(r"`[^`]*`|<[^>]+>|\]\([^)]*\)|https?://\S+", " ", markdown)


def _headings_and_headers(markdown: str, reference: bool = False) -> list[str]:
    """The page's headings (only the title of a reference page: its others are the API's tags and the kb
    command's names) and table headers."""
    headings = re.findall(r"^# (.+)$" if reference else r"^#+ (.+)$", markdown, flags=re.M)
    cells = re.findall(r"<th[^>]*>(.*?)</th>", markdown)
    for header in re.findall(r"^(\|.*\|)\n\|(?:---\|)+$", markdown, flags=re.M):
        cells += header.strip("|").split("|")
    return [re.sub(r"<[^>]+>|`", "", text).strip() for text in headings + cells]


@pytest.mark.parametrize("catalog_name", ["fixture_catalog_zh", "real_catalog_zh"])
def test_chinese_pages_have_no_english_page_words(request, catalog_name):
    """Every page of the Chinese site says in Chinese what the English site says with the page words: none of
    their English phrases in its prose, none of their English labels as a heading or a table header."""
    catalog = request.getfixturevalue(catalog_name)
    phrases, labels = _english_words()
    found = []
    for page in pages.site_pages(catalog, TODAY, OPENAPI, typer.main.get_command(cli.app)):
        prose = "" if page.path in REFERENCE_PAGES else _prose(page.text)
        found += [(page.path, p) for p in phrases if re.search(rf"(?<![A-Za-z]){re.escape(p)}(?![A-Za-z])", prose)]
        headers = _headings_and_headers(page.text, reference=page.path in REFERENCE_PAGES)
        found += [(page.path, h) for h in headers if h in labels]
    assert not found, found[:20]


def test_chinese_pages_give_the_chinese_texts_of_the_data(fixture_catalog_zh, fixture_catalog):
    """Names, summaries, notes and requirements on a Chinese page are the data's Chinese texts, never its English."""
    page = features.feature_page(fixture_catalog_zh, "hostprocess-containers").text
    english = fixture_catalog.features["hostprocess-containers"]
    chinese = fixture_catalog_zh.features["hostprocess-containers"]
    assert f"# {chinese.name}" in page and chinese.summary in page and chinese.history[0].note in page
    assert english.summary not in page and english.history[0].note not in page
    assert "主机进程容器" in page.split("---")[1], "Chinese aliases are search tags"
    assert "containerd 1.5.4 或更高版本" in page  # a requirement the engine words, in Chinese
    category = features.category_page(fixture_catalog_zh, "networking").text
    assert category.startswith("# 网络") and "Pod 之间如何通信。" in category


def test_every_english_page_has_a_chinese_counterpart_at_the_same_path(real_catalog, real_catalog_zh):
    command = typer.main.get_command(cli.app)
    english = {p.path for p in pages.site_pages(real_catalog, TODAY, OPENAPI, command)}
    chinese = {p.path for p in pages.site_pages(real_catalog_zh, TODAY, OPENAPI, command)}
    assert english == chinese


def test_every_hand_written_page_has_a_chinese_version():
    docs = ROOT / "docs"
    written = {p.relative_to(docs) for p in docs.glob("**/*.md") if p.relative_to(docs).parts[0] != "zh"}
    assert written and written == {p.relative_to(docs / "zh") for p in (docs / "zh").glob("**/*.md")}


@pytest.mark.parametrize(
    "url,lang,other,expected",
    [
        ("features/gmsa/", "en", "zh", "../../zh/features/gmsa/"),
        ("features/gmsa/", "zh", "en", "../../../features/gmsa/"),
        ("", "en", "zh", "zh/"),
        ("", "zh", "en", "../"),
        ("about/", "en", "en", "./"),
    ],
)
def test_language_switch_links_the_same_page(url, lang, other, expected):
    assert paths.language_url(url, lang, other) == expected


def test_lookup_data_words_are_the_engines(real_catalog_zh):
    """The sentences the lookup box adds when it rules a Windows release out are the engine's notes (spaced as
    its Chinese lines are), filled in: the box has no wording of its own."""
    words = home.lookup_words("zh")
    feature, minor = real_catalog_zh.features["hostprocess-containers"], real_catalog_zh.newest_released
    release = real_catalog_zh.windows["ltsc2016"]
    answer = query.answer_support(real_catalog_zh, feature, minor, release)
    listed = [w.name for w in kb_releases.kubernetes_detail(real_catalog_zh, str(minor), TODAY).windows]
    note = words["notListed"].format(windows=release.name, minor=minor, names=words["or"].join(listed))
    assert note in [spaced(n) for n in answer.notes]
    assert (
        words["statuses"]["stable"] == "稳定"
        and home.lookup_words("en")["statuses"]["not-supported"] == "not supported"
    )


def test_lookup_data_keys_chinese_names(real_catalog_zh, real_catalog):
    zh = json.loads(home.lookup_data(real_catalog_zh))
    en = json.loads(home.lookup_data(real_catalog))
    assert zh["keys"]["主机进程容器"] == "hostprocess-containers"
    assert zh["keys"][home.lookup_key(real_catalog_zh.features["gmsa"].name)] == "gmsa"
    assert set(en["keys"]) <= set(zh["keys"]) and all(k.isascii() for k in en["keys"])


def test_chinese_upgrade_page_asks_the_api_at_the_server_root(fixture_catalog_zh, fixture_catalog):
    assert 'data-server="../../"' in compare.upgrade_page(fixture_catalog_zh).text
    assert "data-server" not in compare.upgrade_page(fixture_catalog).text


@pytest.mark.slow
def test_real_site_has_every_page_in_chinese_under_zh(built_site):
    english = {
        p.relative_to(built_site)
        for p in built_site.rglob("*.html")
        if p.relative_to(built_site).parts[0] not in ("zh", "api")
    }
    chinese = {p.relative_to(built_site / "zh") for p in (built_site / "zh").rglob("*.html")}
    assert english and english == chinese
    for page in [built_site / "zh" / "index.html", built_site / "zh" / "features" / "gmsa" / "index.html"]:
        assert '<html lang="zh"' in page.read_text()
    assert (built_site / "zh" / "api" / "v1" / "support" / "gmsa" / "1.20.json").is_file()


@pytest.mark.slow
def test_chinese_search_index_segments_chinese(built_site):
    index = json.loads((built_site / "zh" / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["zh", "en"]
    page = next(d for d in index["docs"] if d["location"] == "features/hostprocess-containers/")
    assert "主机\u200b进程" in page["text"] and "主机进程容器" in page["tags"]
    english = json.loads((built_site / "search" / "search_index.json").read_text())
    assert english["config"]["lang"] == ["en"]


@pytest.mark.slow
def test_kb_serve_serves_both_languages_and_their_404_pages(built_site, real_db):
    from fastapi.testclient import TestClient

    from api.main import create_app

    with TestClient(create_app(db_path=real_db, site_dir=built_site)) as client:
        page = client.get("/zh/features/hostprocess-containers/")
        assert page.status_code == 200 and '<html lang="zh"' in page.text
        assert client.get("/zh", follow_redirects=False).status_code in (307, 308)
        missing = client.get("/zh/no-such-page/")
        assert missing.status_code == 404 and '<html lang="zh"' in missing.text
        english = client.get("/no-such-page/")
        assert english.status_code == 404 and '<html lang="en"' in english.text
        assert client.get("/zh/404.html").status_code == 404
        answer = client.get("/zh/api/v1/support/hostprocess-containers/1.22.json").json()
        assert answer["feature"]["name"] == "HostProcess 容器"
