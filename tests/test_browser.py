"""The built site as a person uses it: served on localhost and driven in headless Chromium.

Deselect with ``-m 'not browser'``. They skip, saying why, only when no Chromium can be found;
``make test`` installs Debian's chromium first where it can.
"""

from __future__ import annotations

import functools
import shutil
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kb import query, search
from kb.diff import diff
from kb.feature_facts import feature_stage
from kb.history import status_label
from kb.i18n import spaced
from kb.node_os import node_os, node_os_list
from kb.pages.markdown import reason_label
from kb.releases import kubernetes_detail
from kb.upgrade import plan
from kb.versions import parse_kubernetes
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """Debian's Chromium, wherever it is on this machine."""
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on a free localhost port for the module's tests."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if executable is None:
        pytest.skip(
            "no Chromium found: install Debian's chromium (apt-get install -y chromium; `make test` does as root)"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright for Python is not installed (pip install -e '.[dev]')"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


SCREENS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
"""The two widths every numbered site behaviour is tested at: a laptop and a 390 px phone."""


def _open(browser, request, screen: str):
    context = browser.new_context(**SCREENS[screen])
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    return context, tab


def _close(context, tab, request) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=False)
    context.close()


@pytest.fixture
def page(browser, request):
    """A fresh page at desktop size that records console errors and saves a screenshot at the end."""
    context, tab = _open(browser, request, "desktop")
    yield tab
    _close(context, tab, request)


@pytest.fixture(params=sorted(SCREENS))
def screen(browser, request):
    """A fresh page at each of the two widths, desktop and phone (``screen.kind`` says which)."""
    context, tab = _open(browser, request, request.param)
    tab.kind = request.param
    yield tab
    _close(context, tab, request)


def test_home_loads_without_console_errors(page, site_url):
    page.goto(site_url)
    page.wait_for_selector("#kb-lookup.kb-ready")
    assert "Windows on Kubernetes" in page.title() + page.inner_text("h1")
    assert page.errors == []


@pytest.mark.parametrize(
    "feature,typed,kubernetes,windows",
    [
        ("hostprocess-containers", "id", "1.22", None),
        ("hostprocess-containers", "id", "1.20", None),
        ("gmsa", "name", "1.18", None),
        ("hostprocess-containers", "name", "1.30", "ltsc2016"),
        ("gmsa-containerd-network-shares", "id", "1.20", "ltsc2019"),
        ("gmsa-containerd-network-shares", "id", "1.20", "sac2004"),
        ("csi-proxy", "id", "1.22", "ltsc2022"),
    ],
)
def test_quick_lookup_answers_like_the_engine(page, site_url, real_catalog, feature, typed, kubernetes, windows):
    """Typed as an id or as the feature's name, the answer's status and verdict are the engine's."""
    expected = query.support(real_catalog, feature, kubernetes, windows)
    page.goto(site_url)
    page.wait_for_selector("#kb-lookup.kb-ready")
    page.fill("#kb-lookup-feature", feature if typed == "id" else real_catalog.features[feature].name)
    page.select_option("#kb-lookup-kubernetes", kubernetes)
    if windows:
        page.select_option("#kb-lookup-windows", windows)
    page.click("#kb-lookup button[type=submit]")
    answer = page.wait_for_selector(".kb-answer-line")
    text = answer.inner_text()
    assert status_label(expected.status) in text
    assert page.inner_text(".kb-verdict") == ("supported" if expected.supported else "not supported")
    assert page.errors == []


def test_quick_lookup_works_after_instant_navigation(page, site_url):
    """navigation.instant swaps pages without a reload: the lookup must set itself up again."""
    page.goto(f"{site_url}about/")
    page.click(".md-tabs__link:text-is('Home')")
    page.wait_for_selector("#kb-lookup.kb-ready")
    assert page.errors == []


def test_quick_lookup_reads_its_question_from_the_address(page, site_url, real_catalog):
    expected = query.support(real_catalog, "hostprocess-containers", "1.23")
    page.goto(f"{site_url}?feature=hostprocess-containers&kubernetes=1.23")
    page.wait_for_selector(".kb-answer-line")
    assert status_label(expected.status) in page.inner_text(".kb-answer-line")


@pytest.mark.parametrize("path", ["", "features/hostprocess-containers/", "limitations/", "kubernetes/1.30/"])
def test_pages_fit_a_phone_screen(browser, site_url, path):
    """At phone width wide tables scroll inside their own box; the page itself never scrolls sideways."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(site_url + path)
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"phone-{path.strip('/').replace('/', '-') or 'home'}.png"))
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0


@pytest.mark.parametrize("term", ["hostprocess", "gmsa"])
def test_search_leads_to_the_feature_page(page, site_url, real_catalog, term):
    expected = search.search_features(real_catalog, term)[0]
    page.goto(site_url)
    page.click("label.md-search__icon, .md-search__input")
    # The search runs on key-up, so a value filled in at once is only searched if it is there when
    # the index becomes ready, which a loaded machine can miss ("hostprocess" in the box, no
    # results, 30 s later). So: wait for the index, fill in the term, and end with one key-up.
    page.wait_for_function(
        "!document.querySelector('.md-search-result__meta').textContent.includes('Initializing')", timeout=60_000
    )
    page.fill("input.md-search__input", term)
    page.press("input.md-search__input", "End")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url(f"**/features/{expected.id}/**")
    assert expected.name in page.inner_text("h1")


@pytest.mark.parametrize(
    "feature,kubernetes", [("hostprocess-containers", "1.22"), ("hostprocess-containers", "1.26"), ("gmsa", "1.14")]
)
def test_feature_page_timeline_shows_the_status(page, site_url, real_catalog, feature, kubernetes):
    expected = query.support(real_catalog, feature, kubernetes)
    page.goto(f"{site_url}features/{expected.feature.id}/")
    row = page.locator(".kb-timeline tr", has=page.locator(f"td:first-child:text-is('{kubernetes}')"))
    row.scroll_into_view_if_needed()
    assert status_label(expected.status) in row.locator("td").nth(1).inner_text()


def test_feature_grid_renders_its_cells_and_filters_by_category(page, site_url, real_catalog):
    features = [f for f in real_catalog.features.values() if f.kind == "feature"]
    page.goto(f"{site_url}matrices/features/")
    cells = page.locator(".kb-grid td .kb-chip")
    assert cells.count() == len(features) * len(real_catalog.minors)
    category = next(iter(real_catalog.categories))
    page.select_option("#kb-category-filter", category)
    visible = page.locator(".kb-grid tbody tr:visible:not(.kb-group)")
    assert visible.count() == sum(1 for f in features if f.category == category)
    assert page.locator(".kb-grid tbody tr.kb-group:visible").count() == 1


def test_os_matrix_renders_its_cells(page, site_url, real_catalog):
    page.goto(f"{site_url}matrices/kubernetes-windows/")
    assert page.locator(".kb-grid tbody td .kb-chip").count() == len(real_catalog.minors) * len(real_catalog.windows)


@pytest.mark.parametrize("version", ["1.22", "1.30"])
def test_kubernetes_page_lists_its_windows_releases(page, site_url, real_catalog, version):
    view = kubernetes_detail(real_catalog, version, date.today())
    page.goto(f"{site_url}kubernetes/{version}/")
    listed = page.locator("h2:has-text('Windows Server releases') + ul li").all_inner_texts()
    assert [text.split(" 10.0.")[0].strip() for text in listed] == [w.name for w in view.windows]


# ---- Issue 14: answers at a glance, on any screen, with links to share ----


def _viewport_height(tab) -> int:
    return SCREENS[tab.kind]["viewport"]["height"]


def _story_milestones(stage) -> list[tuple[str, str]]:
    steps = list(stage.milestones)
    while len(steps) > 1 and steps[0][1] == "not-supported":
        steps.pop(0)
    return steps


@pytest.mark.parametrize(
    "feature", ["hostprocess-containers", "gmsa", "host-network", "cpu-memory-affinity", "subpath-mounts"]
)
def test_feature_page_tells_the_whole_story_above_the_fold(screen, site_url, real_catalog, feature):
    """First usable, each stage with its minor, what it needs, on by default: one line, in the first screen."""
    found = real_catalog.features[feature]
    stage = feature_stage(real_catalog, found, "usable")
    answer = query.answer_support(real_catalog, found, real_catalog.newest_released)
    screen.goto(f"{site_url}features/{feature}/")
    glance = screen.locator(".kb-glance")
    box = glance.bounding_box()
    assert box["y"] + box["height"] <= _viewport_height(screen), "the story is below the fold"
    story = " ".join(screen.locator(".kb-story").inner_text().split())
    if stage.first_usable:
        assert f"First usable {stage.first_usable}" in story
    for minor, status in _story_milestones(stage):
        assert f"{'GA' if status == 'stable' else status_label(status)} {minor}" in story
    for requirement in answer.requirements:
        assert requirement.text in story
    if answer.feature_gate and answer.enabled_by_default is not None:
        assert ("on by default" if answer.enabled_by_default else "off by default") in story
    now = " ".join(screen.locator(".kb-now").inner_text().split())
    assert f"On Kubernetes {real_catalog.newest_released}" in now and status_label(answer.status) in now
    assert (f"since {answer.since}" in now) if answer.since else True
    if len({case.supported for case in answer.variants}) > 1:  # a bundle whose cases differ says which do
        for case in answer.variants:
            assert f"{case.name}: {status_label(case.status)}" in now
    assert screen.errors == []


def test_feature_grid_has_a_heading_row_per_category_and_features_only(page, site_url, real_catalog):
    features = [f for f in real_catalog.features.values() if f.kind == "feature"]
    page.goto(f"{site_url}matrices/features/")
    headings = page.locator(".kb-grid tr.kb-group th[scope=colgroup]").all_inner_texts()
    assert headings == [c.name for c in real_catalog.categories.values() if any(f.category == c.id for f in features)]
    names = page.locator(".kb-grid tbody tr:not(.kb-group) th").all_inner_texts()
    assert sorted(names) == sorted(f.name for f in features)
    # each category's rows follow its heading, with the minors repeated there (newest first)
    minors = [str(m) for m in sorted(real_catalog.minors, reverse=True)]
    first_group = page.locator(".kb-grid tr.kb-group").first.locator("th").all_inner_texts()[1:]
    assert [text.split()[0] for text in first_group] == minors


def test_limitations_have_their_own_view_with_why_since_and_what_to_do(screen, site_url, real_catalog):
    minor = real_catalog.newest_released
    screen.goto(f"{site_url}limitations/")
    rows = screen.evaluate(
        """() => Array.from(document.querySelectorAll('.kb-limits tbody tr')).map(row => {
             let heading = row.closest('.kb-limits').previousElementSibling;
             while (heading && heading.tagName !== 'H2') { heading = heading.previousElementSibling; }
             return [heading.textContent.trim(), ...Array.from(row.cells).map(c => c.innerText.trim())];
           })"""
    )
    by_name = {row[1]: row for row in rows}
    limitations = [f for f in real_catalog.features.values() if f.kind == "limitation"]
    assert {f.name for f in limitations} <= set(by_name)
    for feature in limitations:
        answer = query.answer_support(real_catalog, feature, minor)
        heading, _, status, since, instead = (" ".join(cell.split()) for cell in by_name[feature.name])
        if answer.reason is None and answer.supported:
            assert heading == "Documented differences", feature.id
        else:
            assert heading == reason_label(answer.reason), feature.id
        assert status_label(answer.status) in status
        assert since.endswith(answer.since or "–"), feature.id
        assert instead.startswith(feature.instead.text if feature.instead else "No alternative recorded"), feature.id


def _scroller(tab, selector: str):
    """The element that scrolls sideways for the table at ``selector`` (the table itself or a wrapper)."""
    return tab.evaluate_handle(
        """selector => {
             let node = document.querySelector(selector);
             while (node && !(node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible')) {
               node = node.parentElement;
             }
             return node;
           }""",
        selector,
    )


def test_feature_grid_keeps_the_names_in_view_while_the_minors_scroll(screen, site_url):
    screen.goto(f"{site_url}matrices/features/")
    name = screen.locator(".kb-feature-grid tbody tr:not(.kb-group) th").first
    before = name.bounding_box()["x"]
    scroller = _scroller(screen, ".kb-feature-grid table")
    scrolled = scroller.evaluate("node => { node.scrollLeft = node.scrollWidth; return node.scrollLeft; }")
    assert scrolled > 0, "the grid does not scroll sideways"
    left = scroller.evaluate("node => node.getBoundingClientRect().left")
    after = name.bounding_box()
    assert before > 0 and left - 1 <= after["x"] <= before, "the names scrolled out of view"


@pytest.mark.parametrize("feature,kubernetes", [("gmsa", "1.30"), ("hostprocess-containers", "1.22")])
def test_feature_grid_cell_details_open_on_tap(screen, site_url, real_catalog, feature, kubernetes):
    expected = query.support(real_catalog, feature, kubernetes)
    screen.goto(f"{site_url}matrices/features/")
    column = [str(m) for m in sorted(real_catalog.minors, reverse=True)].index(kubernetes)
    row = screen.locator(".kb-feature-grid tbody tr", has=screen.locator(f"th a:text-is('{expected.feature.name}')"))
    chip = row.locator("td").nth(column).locator(".kb-chip")
    chip.tap() if screen.kind == "phone" else chip.click()
    details = " ".join(screen.locator(".kb-popover").inner_text().split())
    assert f"on Kubernetes {kubernetes}" in details
    assert f"{status_label(expected.status)} since {expected.since}" in details
    assert f"first usable {expected.first_usable}" in details
    assert ("inferred" in details) == (expected.confidence == "inferred")


TABLE_PAGES = [
    "",
    "features/",
    "features/hostprocess-containers/",
    "features/allow-privilege-escalation/",
    "categories/networking/",
    "limitations/",
    "kubernetes/",
    "kubernetes/1.24/",
    "windows/",
    "windows/ltsc2022/",
    "matrices/features/",
    "matrices/kubernetes-windows/",
    "matrices/image-isolation/",
    "compare/?from=1.23&to=1.27&windows=ltsc2019",
    "about/",
    "coverage/",
    "guides/api/",
    "guides/cli/",
    "guides/contributing/",
    "tools/upgrade/",
    "tools/nodes/",
    "tools/manifests/",
]
CUT_TABLES = """() => {
  const cut = [];
  document.querySelectorAll('.md-content table').forEach((table, index) => {
    if (!table.offsetParent) { return; }
    const grid = table.closest('.kb-grid');
    if (grid) {
      const first = table.querySelector('tbody tr:not([hidden]) > :first-child');
      if (first && getComputedStyle(first).position !== 'sticky') { cut.push(index + ': grid without a sticky first column'); }
      return;
    }
    for (let node = table; node && !node.classList.contains('md-content'); node = node.parentElement) {
      if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible') {
        cut.push(index + ': ' + table.querySelector('tr').innerText.slice(0, 60) + ' (' + node.scrollWidth + ' > ' + node.clientWidth + ')');
        return;
      }
    }
  });
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth) { cut.push('the page scrolls sideways'); }
  return cut;
}"""


@pytest.mark.parametrize("path", TABLE_PAGES)
def test_no_table_is_cut(screen, site_url, path):
    """Every table fits its column at 390 px and on a desktop (stacked, wrapped or newest first); only the big
    grids scroll sideways, and they keep their first column in view."""
    screen.goto(site_url + path)
    if path.startswith("compare/"):
        screen.wait_for_selector("#kb-compare-answer table")
    assert screen.evaluate(CUT_TABLES) == []


def test_os_matrix_shows_the_releases_people_run_on_a_phone(browser, request, site_url, real_catalog):
    context, tab = _open(browser, request, "phone")
    tab.kind = "phone"
    try:
        tab.goto(f"{site_url}matrices/kubernetes-windows/")
        minor = real_catalog.newest_released
        names = [w.name for w in node_os_list(real_catalog, minor).windows]
        item = tab.locator(".kb-os-list li", has=tab.locator(f"a:text-is('{minor}')"))
        for name in names:
            box = item.locator(f"a:text-is('{name}')").bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, name
    finally:
        _close(context, tab, request)


def _answer_for(tab, name: str) -> str:
    tab.wait_for_function(
        "name => { const line = document.querySelector('.kb-answer-line'); return line && line.innerText.includes(name); }",
        arg=name,
    )
    return tab.inner_text("#kb-lookup-answer")


def test_lookup_answer_has_an_address_to_share_reload_and_go_back_to(screen, site_url, real_catalog):
    first = query.support(real_catalog, "gmsa", "1.20", "ltsc2019")
    second = query.support(real_catalog, "hostprocess-containers", "1.22")
    screen.goto(site_url)
    screen.wait_for_selector("#kb-lookup.kb-ready")
    screen.fill("#kb-lookup-feature", "gmsa")
    screen.select_option("#kb-lookup-kubernetes", "1.20")
    screen.select_option("#kb-lookup-windows", "ltsc2019")
    screen.click("#kb-lookup button[type=submit]")
    _answer_for(screen, first.feature.name)
    assert screen.url.split("?")[1].split("#")[0] == "feature=gmsa&kubernetes=1.20&windows=ltsc2019"
    verdict = "supported" if first.supported else "not supported"
    assert screen.inner_text(".kb-verdict") == verdict
    screen.reload()
    _answer_for(screen, first.feature.name)
    assert screen.inner_text(".kb-verdict") == verdict
    assert screen.input_value("#kb-lookup-windows") == "ltsc2019"
    screen.fill("#kb-lookup-feature", "hostprocess-containers")
    screen.select_option("#kb-lookup-kubernetes", "1.22")
    screen.select_option("#kb-lookup-windows", "")
    screen.click("#kb-lookup button[type=submit]")
    _answer_for(screen, second.feature.name)
    assert screen.url.split("?")[1].split("#")[0] == "feature=hostprocess-containers&kubernetes=1.22"
    screen.go_back()
    _answer_for(screen, first.feature.name)
    assert screen.input_value("#kb-lookup-kubernetes") == "1.20"
    assert screen.errors == []


@pytest.mark.parametrize(
    "typed,feature", [("hostpro", "hostprocess-containers"), ("hpc", "hostprocess-containers"), ("gmsa", "gmsa")]
)
def test_lookup_suggests_feature_names_and_aliases_while_typing(screen, site_url, real_catalog, typed, feature):
    name = real_catalog.features[feature].name
    screen.goto(site_url)
    screen.wait_for_selector("#kb-lookup.kb-ready")
    screen.locator("#kb-lookup-feature").press_sequentially(typed)
    suggestion = screen.locator(".kb-suggestion", has_text=name).first
    suggestion.wait_for()
    suggestion.tap() if screen.kind == "phone" else suggestion.click()
    assert screen.input_value("#kb-lookup-feature") == name
    screen.click("#kb-lookup button[type=submit]")
    assert name in _answer_for(screen, name)


@pytest.mark.parametrize(
    "older,newer,windows", [("1.23", "1.27", None), ("1.20", "1.24", "ltsc2019"), ("1.35", "1.37", "ltsc2022")]
)
def test_compare_page_answers_like_the_diff_endpoint(screen, site_url, real_catalog, older, newer, windows):
    expected = diff(real_catalog, older, newer)
    screen.goto(f"{site_url}compare/")
    screen.wait_for_selector("#kb-compare.kb-ready")
    screen.select_option("#kb-from", older)
    screen.select_option("#kb-to", newer)
    screen.select_option("#kb-windows", windows or "")
    screen.click("#kb-compare button[type=submit]")
    screen.wait_for_selector("#kb-compare-answer .kb-answer-line")
    query_string = f"from={older}&to={newer}" + (f"&windows={windows}" if windows else "")
    assert screen.url.split("?")[1].split("#")[0] == query_string
    shown = screen.locator(".kb-changes-minor td[data-label=What]").all_inner_texts()
    assert [" ".join(s.split()) for s in shown] == [" ".join(c.text.split()) for c in expected.changes]
    if windows:
        release = real_catalog.windows[windows]
        listed = [node_os(real_catalog, parse_kubernetes(v), release).supported for v in (older, newer)]
        line = screen.inner_text(".kb-node-os")
        assert release.name in line and ("not listed" in line) == (not all(listed))
    screen.goto(f"{site_url}compare/?{query_string}")
    screen.wait_for_selector(".kb-changes-minor, #kb-compare-answer .kb-answer-line")
    assert screen.locator(".kb-changes-minor td[data-label=What]").count() == len(expected.changes)
    assert screen.errors == []


@pytest.fixture(scope="module")
def api_site_url(real_db: Path, built_site: Path) -> Iterator[str]:
    """The API serving the built site, as `make run` does, on a free localhost port."""
    import socket

    import uvicorn

    from api.main import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(db_path=real_db, site_dir=built_site), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.parametrize(
    "older,newer,windows,runtime",
    [
        ("1.23", "1.27", "ltsc2019", "docker://20.10.21"),
        ("1.23", "1.27", "ltsc2019", "containerd://1.7.14"),
        ("1.20", "1.26", "ltsc2016", ""),
    ],
)
def test_upgrade_page_answers_like_kb_upgrade(screen, api_site_url, real_catalog, older, newer, windows, runtime):
    expected = plan(real_catalog, older, newer, windows, runtime or None)
    screen.goto(f"{api_site_url}upgrade/")
    screen.wait_for_selector("#kb-upgrade.kb-ready")
    screen.select_option("#kb-from", older)
    screen.select_option("#kb-to", newer)
    screen.select_option("#kb-windows", windows)
    screen.fill("#kb-runtime", runtime)
    screen.click("#kb-upgrade button[type=submit]")
    screen.wait_for_selector("#kb-upgrade-answer .kb-verdict")
    assert screen.locator(".kb-step").count() == len(expected.steps)
    blockers = screen.locator(".kb-action.kb-error").all_inner_texts()
    expected_blockers = [a.text for s in expected.steps for a in s.actions if a.severity == "error"]
    assert len(blockers) == len(expected_blockers)
    for shown, text in zip(blockers, expected_blockers, strict=True):
        assert text in " ".join(shown.split())
    verdict = screen.inner_text(".kb-verdict")
    assert verdict.startswith("No blocker") == expected.ok
    assert f"{expected.counts.get('error', 0)} blocker" in verdict
    assert "runtime=" in screen.url if runtime else "runtime=" not in screen.url


def test_upgrade_page_without_the_api_says_how_to_run_the_check(page, site_url):
    page.goto(f"{site_url}upgrade/?from=1.23&to=1.27&windows=ltsc2019")
    error = page.wait_for_selector("#kb-upgrade-answer .kb-error")
    assert "kb upgrade --from 1.23 --to 1.27 --windows ltsc2019" in error.inner_text()


# ---- Issue 13 on the site: the dates a reader means, released defaults, inferred facts ----


def test_lookup_answer_gives_first_usable_ga_and_status_since(screen, site_url, real_catalog):
    expected = query.support(real_catalog, "hostprocess-containers", "1.30")
    screen.goto(f"{site_url}?feature=hostprocess-containers&kubernetes=1.30")
    _answer_for(screen, expected.feature.name)
    dates = screen.inner_text(".kb-dates")
    assert f"Status since {expected.since}" in dates
    assert f"first usable {expected.first_usable}" in dates
    assert f"GA {expected.ga}" in dates


def test_features_index_gives_the_dates_a_reader_means(page, site_url, real_catalog):
    expected = query.answer_support(real_catalog, real_catalog.features["gmsa"], real_catalog.newest_released)
    page.goto(f"{site_url}features/")
    row = page.locator("tr", has=page.locator(f"a:text-is('{expected.feature.name}')"))
    cells = {
        label: row.locator(f"td[data-label='{label}']").inner_text() for label in ("Status since", "First usable", "GA")
    }
    assert cells == {"Status since": expected.since, "First usable": expected.first_usable, "GA": expected.ga}


def test_defaults_use_the_newest_released_minor_and_a_provisional_one_says_so(screen, site_url, real_catalog):
    released, newest = str(real_catalog.newest_released), str(real_catalog.newest)
    assert released != newest, "the data holds a provisional minor"
    screen.goto(site_url)
    screen.wait_for_selector("#kb-lookup.kb-ready")
    assert screen.input_value("#kb-lookup-kubernetes") == released
    assert "provisional" in screen.locator(f"#kb-lookup-kubernetes option[value='{newest}']").inner_text()
    screen.goto(f"{site_url}?feature=hostprocess-containers&kubernetes=latest")
    _answer_for(screen, "HostProcess")
    assert f"on Kubernetes {released}" in screen.inner_text(".kb-answer-line")
    screen.goto(f"{site_url}?feature=hostprocess-containers&kubernetes={newest}")
    assert "provisional" in _answer_for(screen, "HostProcess")
    screen.goto(f"{site_url}matrices/features/")
    column = screen.locator(".kb-feature-grid tr.kb-group").first.locator("th").nth(1)
    assert "provisional" in column.inner_text()
    titles = screen.locator(".kb-feature-grid tbody tr:not(.kb-group) td:nth-child(2) .kb-chip").evaluate_all(
        "chips => chips.map(chip => chip.title)"
    )
    assert titles and all("provisional" in title for title in titles)
    screen.goto(f"{site_url}features/hostprocess-containers/")
    assert "provisional" in screen.locator(".kb-timeline tbody tr").first.inner_text()
    assert f"On Kubernetes {released}" in screen.inner_text(".kb-now")


def _an_inferred_cell(catalog) -> tuple[str, str]:
    for feature in catalog.features.values():
        if feature.kind != "feature" or feature.confidence == "inferred":
            continue
        for entry in query.timeline(catalog, feature):
            if entry.confidence == "inferred" and not entry.provisional:
                return feature.id, entry.kubernetes
    raise AssertionError("no inferred step in the data")


def test_inferred_facts_say_so_in_cells_and_matrices(page, site_url, real_catalog):
    feature, kubernetes = _an_inferred_cell(real_catalog)
    expected = query.support(real_catalog, feature, kubernetes)
    assert expected.confidence == "inferred"
    page.goto(f"{site_url}matrices/features/")
    column = [str(m) for m in sorted(real_catalog.minors, reverse=True)].index(kubernetes)
    row = page.locator(".kb-feature-grid tbody tr", has=page.locator(f"th a:text-is('{expected.feature.name}')"))
    chip = row.locator("td").nth(column).locator(".kb-chip")
    assert "?" in chip.inner_text() and "inferred" in chip.get_attribute("title")
    read = page.locator(".kb-feature-grid td .kb-chip:not(.kb-inferred)").first
    assert "?" not in read.inner_text() and "inferred" not in read.get_attribute("title")
    page.goto(f"{site_url}features/{feature}/")
    timeline_row = page.locator(".kb-timeline tr", has=page.locator(f"td:first-child:text-is('{kubernetes}')"))
    assert "?" in timeline_row.locator(".kb-chip").inner_text()
    page.goto(f"{site_url}?feature={feature}&kubernetes={kubernetes}")
    assert "inferred" in _answer_for(page, expected.feature.name)
    inferred_minor = next(m for m in real_catalog.minors if node_os_list(real_catalog, m).confidence == "inferred")
    page.goto(f"{site_url}matrices/kubernetes-windows/")
    os_row = page.locator(".kb-os-grid tbody tr", has=page.locator(f"a:text-is('{inferred_minor}')"))
    assert os_row.locator(".kb-chip.kb-inferred").count() == len(real_catalog.windows)
    assert "?" in os_row.locator("td").first.inner_text()


@pytest.mark.parametrize(
    "path,ready",
    [
        ("", "#kb-lookup.kb-ready"),
        ("features/hostprocess-containers/", ".kb-timeline, h1"),
        ("docs", ".opblock"),
        ("redoc", "[data-section-id]"),
    ],
)
def test_the_site_and_the_api_pages_work_under_the_content_security_policy(page, api_site_url, path, ready):
    """Served with the API's headers, each page renders and nothing it needs is refused; only requests to
    other origins are (ReDoc's logo from its CDN), which shows the policy is in force."""
    response = page.goto(api_site_url + path)
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(ready)
    page.wait_for_timeout(500)  # late scripts, workers and images have had their chance to be refused
    refused = [e for e in page.errors if "Content Security Policy" in e and "https://" not in e]
    assert refused == [] and [e for e in page.errors if "Content Security Policy" not in e] == []


# ---- Issue 15.2: the whole site in Simplified Chinese under /zh/ ----


def _open_language_menu(tab) -> None:
    button = tab.locator(".md-header .md-select > button.md-header__button")
    button.tap() if tab.kind == "phone" else button.hover()


def test_language_switch_lands_on_the_same_page_and_back(screen, site_url, real_catalog, real_catalog_zh):
    screen.goto(f"{site_url}features/hostprocess-containers/")
    _open_language_menu(screen)
    screen.locator("a.kb-language[hreflang=zh]").click()
    screen.wait_for_url(f"{site_url}zh/features/hostprocess-containers/")
    assert screen.evaluate("document.documentElement.lang") == "zh"
    assert screen.inner_text("h1") == real_catalog_zh.features["hostprocess-containers"].name
    _open_language_menu(screen)
    screen.locator("a.kb-language[hreflang=en]").click()
    screen.wait_for_url(f"{site_url}features/hostprocess-containers/")
    assert screen.evaluate("document.documentElement.lang") == "en"
    assert screen.inner_text("h1") == real_catalog.features["hostprocess-containers"].name
    assert screen.errors == []


@pytest.mark.parametrize("term", ["主机进程", "HostProcess"])
def test_chinese_search_finds_the_hostprocess_page(screen, site_url, term):
    screen.goto(f"{site_url}zh/")
    screen.click("label.md-header__button[for=__search]" if screen.kind == "phone" else ".md-search__input")
    # As in the English search test: wait for the index, then fill in the term and end with one key-up.
    screen.wait_for_function(
        "!document.querySelector('.md-search-result__meta').textContent.includes('初始化')", timeout=60_000
    )
    screen.fill("input.md-search__input", term)
    screen.press("input.md-search__input", "End")
    results = screen.locator(".md-search-result__item > a")
    results.first.wait_for()
    hrefs = [href.split("?")[0] for href in results.evaluate_all("links => links.map(a => a.href)")[:5]]
    assert f"{site_url}zh/features/hostprocess-containers/" in hrefs
    assert screen.errors == []


def _engine_words_in(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "feature,kubernetes,windows",
    [("hostprocess-containers", "1.22", None), ("hostprocess-containers", "1.30", "ltsc2016"), ("gmsa", "1.18", None)],
)
def test_chinese_lookup_answers_with_the_engines_chinese(
    screen, site_url, real_catalog_zh, feature, kubernetes, windows
):
    """Typed by its Chinese name, a feature's answer on /zh/ is the engine's Chinese: status, verdict, notes."""
    expected = query.support(real_catalog_zh, feature, kubernetes, windows)
    screen.goto(f"{site_url}zh/")
    screen.wait_for_selector("#kb-lookup.kb-ready")
    screen.fill("#kb-lookup-feature", expected.feature.name)
    screen.select_option("#kb-lookup-kubernetes", kubernetes)
    screen.select_option("#kb-lookup-windows", windows or "")
    screen.click("#kb-lookup button[type=submit]")
    answer = _engine_words_in(_answer_for(screen, expected.feature.name))
    assert status_label(expected.status, lang="zh") in screen.inner_text(".kb-answer-line")
    assert screen.inner_text(".kb-verdict") == ("支持" if expected.supported else "不支持")
    for note in expected.notes:
        assert _engine_words_in(spaced(note)) in answer or _engine_words_in(note) in answer, note
    assert not any(word in answer for word in ("supported", "Status since", "Sources", "Requirements"))
    assert screen.errors == []


def test_chinese_compare_page_shows_the_engines_chinese_changes(screen, site_url, real_catalog_zh):
    expected = diff(real_catalog_zh, "1.23", "1.27")
    screen.goto(f"{site_url}zh/compare/?from=1.23&to=1.27&windows=ltsc2019")
    screen.wait_for_selector("#kb-compare-answer .kb-changes-minor")
    shown = screen.locator(".kb-changes-minor td[data-label=内容]").all_inner_texts()
    assert [" ".join(s.split()) for s in shown] == [" ".join(c.text.split()) for c in expected.changes]
    assert f"共有 {len(expected.changes)} 项变化" in screen.inner_text("#kb-compare-answer .kb-answer-line")
    assert "Windows Server 2019" in screen.inner_text(".kb-node-os")
    assert screen.errors == []


def test_chinese_upgrade_check_answers_in_chinese(screen, api_site_url, real_catalog_zh):
    expected = plan(real_catalog_zh, "1.23", "1.27", "ltsc2019", "docker://20.10.21")
    screen.goto(f"{api_site_url}zh/upgrade/?from=1.23&to=1.27&windows=ltsc2019&runtime=docker://20.10.21")
    screen.wait_for_selector("#kb-upgrade-answer .kb-verdict")
    assert screen.inner_text(".kb-verdict").startswith("有阻碍") != expected.ok
    blockers = screen.locator(".kb-action.kb-error").all_inner_texts()
    expected_blockers = [a for s in expected.steps for a in s.actions if a.severity == "error"]
    assert len(blockers) == len(expected_blockers) > 0
    for shown, action in zip(blockers, expected_blockers, strict=True):
        assert action.text in " ".join(shown.split()) and "阻碍" in shown


def test_chinese_feature_grid_cell_details_are_chinese(screen, site_url, real_catalog_zh):
    expected = query.support(real_catalog_zh, "gmsa", "1.30")
    screen.goto(f"{site_url}zh/matrices/features/")
    column = [str(m) for m in sorted(real_catalog_zh.minors, reverse=True)].index("1.30")
    row = screen.locator(".kb-feature-grid tbody tr", has=screen.locator(f"th a:text-is('{expected.feature.name}')"))
    chip = row.locator("td").nth(column).locator(".kb-chip")
    chip.tap() if screen.kind == "phone" else chip.click()
    details = " ".join(screen.locator(".kb-popover").inner_text().split())
    assert "在 Kubernetes 1.30 上" in details
    assert f"{status_label(expected.status, lang='zh')}，自 {expected.since} 起" in details
    assert f"首次可用 {expected.first_usable}" in details
