"""The built site as a person uses it: served on localhost and driven in headless Chromium.

Deselect with ``-m 'not browser'``. They skip, saying why, only when no Chromium can be found;
``make test`` installs Debian's chromium first where it can.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kb import query, search
from kb.history import status_label
from kb.releases import kubernetes_detail
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


@pytest.fixture
def page(browser, request):
    """A fresh page at phone-friendly desktop size that records console errors and saves a screenshot at the end."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=False)
    context.close()


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
    page.goto(f"{site_url}matrices/features/")
    cells = page.locator(".kb-grid td .kb-chip")
    assert cells.count() == len(real_catalog.features) * len(real_catalog.minors)
    category = next(iter(real_catalog.categories))
    page.select_option("#kb-category-filter", category)
    visible = page.locator(".kb-grid tbody tr:visible")
    assert visible.count() == sum(1 for f in real_catalog.features.values() if f.category == category)


def test_os_matrix_renders_its_cells(page, site_url, real_catalog):
    page.goto(f"{site_url}matrices/kubernetes-windows/")
    assert page.locator(".kb-grid tbody td .kb-chip").count() == len(real_catalog.minors) * len(real_catalog.windows)


@pytest.mark.parametrize("version", ["1.22", "1.30"])
def test_kubernetes_page_lists_its_windows_releases(page, site_url, real_catalog, version):
    view = kubernetes_detail(real_catalog, version, date.today())
    page.goto(f"{site_url}kubernetes/{version}/")
    listed = page.locator("h2:has-text('Windows Server releases') + ul li").all_inner_texts()
    assert [text.split(" 10.0.")[0].strip() for text in listed] == [w.name for w in view.windows]


@pytest.fixture(scope="module")
def app_url(built_site: Path, real_db: Path) -> Iterator[str]:
    """The API serving the built site, as `kb serve` does, on a free localhost port: its headers apply."""
    import socket
    import time

    import uvicorn

    from api.main import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(real_db, site_dir=built_site), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.mark.parametrize(
    "path,ready",
    [
        ("/", "#kb-lookup.kb-ready"),
        ("/features/hostprocess-containers/", ".kb-timeline, h1"),
        ("/docs", ".opblock"),
        ("/redoc", "[data-section-id]"),
    ],
)
def test_the_site_and_the_api_pages_work_under_the_content_security_policy(page, app_url, path, ready):
    """Served with the API's headers, each page renders and nothing it needs is refused; only requests to
    other origins are (ReDoc's logo from its CDN), which shows the policy is in force."""
    response = page.goto(app_url + path)
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(ready)
    page.wait_for_timeout(500)  # late scripts, workers and images have had their chance to be refused
    refused = [e for e in page.errors if "Content Security Policy" in e and "https://" not in e]
    assert refused == [] and [e for e in page.errors if "Content Security Policy" not in e] == []
