"""HTTP behaviour shared by every resource: caching, ETags, CORS, representations, bounds, the fast path."""

import csv
import io

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kb.i18n import has_chinese

SUPPORT = "/v1/support?feature=hostprocess&kubernetes=1.22"
GET_RESOURCES = [SUPPORT, "/v1/features", "/v1/features/host-network", "/v1/meta", "/v1/search?q=host"]


@pytest.fixture(scope="module")
def app(fixture_db, tmp_path_factory):
    return create_app(fixture_db, site_dir=tmp_path_factory.mktemp("no-site") / "missing")


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def uncached(fixture_db, tmp_path_factory):
    """The same app with the edge's response cache turned off: every answer comes from FastAPI."""
    app = create_app(fixture_db, site_dir=tmp_path_factory.mktemp("no-site") / "missing", cache=False)
    with TestClient(app) as test_client:
        yield test_client


@pytest.mark.parametrize("url", GET_RESOURCES)
def test_every_get_has_a_strong_etag_cache_control_and_cors(client, url):
    response = client.get(url)
    assert response.status_code == 200
    etag = response.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert "max-age" in response.headers["cache-control"]
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["vary"] == "Accept, Accept-Language"


@pytest.mark.parametrize("url", GET_RESOURCES)
def test_if_none_match_gives_304_without_body(client, url):
    etag = client.get(url).headers["etag"]
    for condition in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        response = client.get(url, headers={"If-None-Match": condition})
        assert response.status_code == 304 and response.content == b""
        assert response.headers["etag"] == etag
    assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_etag_differs_by_representation(client):
    accepts = ("*/*", "text/csv", "text/plain")
    assert len({client.get(SUPPORT, headers={"Accept": accept}).headers["etag"] for accept in accepts}) == 3


def test_etag_changes_with_the_dataset(fixture_data, tmp_path, edit_yaml):
    from kb.build import build

    tags = []
    for summary in ("first", "second"):
        edit_yaml(fixture_data / "features" / "host-network.yaml", lambda d, s=summary: d.update(summary=s))
        db = tmp_path / f"{summary}.db"
        build(fixture_data, db)
        with TestClient(create_app(db, site_dir=tmp_path / "missing")) as c:
            tags.append(c.get("/v1/features/host-network").headers["etag"])
    assert tags[0] != tags[1]


@pytest.mark.parametrize(
    "url,headers,media",
    [
        (SUPPORT, {}, "application/json"),
        (SUPPORT, {"Accept": "text/plain"}, "text/plain"),
        (SUPPORT, {"Accept": "text/csv"}, "text/csv"),
        (SUPPORT + "&format=text", {}, "text/plain"),
        (SUPPORT + "&format=csv", {"Accept": "text/plain"}, "text/csv"),
        ("/v1/support.csv?feature=hostprocess&kubernetes=1.22", {}, "text/csv"),
        (SUPPORT, {"Accept": "application/json, text/plain, */*"}, "application/json"),
        (SUPPORT, {"Accept": "text/plain;q=0.5, text/csv"}, "text/csv"),
        (SUPPORT, {"Accept": "image/png"}, "application/json"),
    ],
)
def test_representation_negotiation(client, url, headers, media):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media


def test_text_is_one_line_per_answer(client):
    one = client.get(SUPPORT, headers={"Accept": "text/plain"}).text
    assert one.count("\n") == 1 and "alpha" in one and "Kubernetes 1.22" in one
    listed = client.get("/v1/features?format=text").text.splitlines()
    assert len(listed) == len(client.get("/v1/features").json())


@pytest.mark.parametrize("path", ["/v1/features", "/v1/search?q=host", "/v1/features/hostprocess-containers"])
def test_csv_has_a_header_and_one_row_per_item(client, path):
    base, _, query = path.partition("?")
    rows = list(csv.DictReader(io.StringIO(client.get(f"{base}.csv" + (f"?{query}" if query else "")).text)))
    body = client.get(path).json()
    assert len(rows) == (len(body) if isinstance(body, list) else 1)
    first = body[0] if isinstance(body, list) else body
    assert rows[0]["id"] == first["id"]


def test_alias_in_path_redirects_to_the_id_keeping_suffix_and_query(client):
    response = client.get("/v1/features/hostprocess", follow_redirects=False)
    assert response.status_code == 301 and response.headers["location"] == "/v1/features/hostprocess-containers"
    response = client.get("/v1/features/host%20process%20containers.csv?format=csv", follow_redirects=False)
    assert response.headers["location"] == "/v1/features/hostprocess-containers.csv?format=csv"
    assert client.get("/v1/features/hostprocess").json()["id"] == "hostprocess-containers"


def test_an_alias_redirect_says_where_to_go_to_a_client_that_does_not_follow_it(client):
    response = client.get("/v1/features/hostprocess", follow_redirects=False)
    moved = response.json()["moved"]
    assert moved["location"] == response.headers["location"] == "/v1/features/hostprocess-containers"
    assert (
        moved["feature"]["id"] == "hostprocess-containers" and "/v1/features/hostprocess-containers" in moved["message"]
    )


@pytest.mark.parametrize(
    "url,headers",
    [
        (SUPPORT, {}),
        (SUPPORT, {"Accept": "text/plain"}),
        ("/v1/support.csv?feature=hostprocess&kubernetes=1.22", {}),
        ("/v1/support?feature=nope&kubernetes=1.22", {}),
        ("/v1/support?feature=hostprocess&kubernetes=1.99", {}),
        ("/v1/support?feature=hostprocess&kubernetes=banana", {}),
        ("/v1/support", {}),
        ("/v1/features/hostprocess", {}),
        ("/v1/meta", {}),
    ],
)
def test_cached_fast_path_gives_the_same_bytes_and_headers_as_fastapi(client, uncached, url, headers):
    first = client.get(url, headers=headers, follow_redirects=False)
    replayed = client.get(url, headers=headers, follow_redirects=False)
    direct = uncached.get(url, headers=headers, follow_redirects=False)
    for response in (replayed, direct):
        assert response.status_code == first.status_code
        assert response.content == first.content
        assert dict(response.headers) == dict(first.headers)


def test_head_answers_headers_only(client):
    get, head = client.get(SUPPORT), client.head(SUPPORT)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == get.headers["etag"]
    assert head.headers["content-length"] == get.headers["content-length"]


def test_cors_preflight(client):
    response = client.options(
        SUPPORT, headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    )
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "*"
    assert "If-None-Match" in response.headers["access-control-allow-headers"]


def test_cache_is_bounded(fixture_db, tmp_path):
    app = create_app(fixture_db, site_dir=tmp_path / "missing")
    with TestClient(app) as c:
        for n in range(40):
            c.get(f"/v1/search?q=host{n}")
        edge = app.edge
        edge.cache.entries = 10
        c.get("/v1/search?q=last")
        assert len(edge.cache) <= 10


@pytest.mark.parametrize("status,kept", [(200, True), (404, True), (206, False), (413, False), (500, False)])
def test_answer_cache_bounds_entries_and_bytes_and_never_keeps_server_errors(status, kept):
    from api.cache import AnswerCache, Cached

    cache = AnswerCache(entries=3, size=1600)
    for n in range(5):
        cache.put(("/v1/x", str(n).encode(), "json"), Cached(status, [], b"x" * 100, None))
    assert len(cache) == (3 if kept else 0)
    cache.put(("/v1/big", b"", "json"), Cached(200, [], b"x" * 200, None))
    assert cache.get(("/v1/big", b"", "json")) is None  # over 1/16 of the byte budget
    for n in range(3):
        cache.put(("/v1/y", str(n).encode(), "json"), Cached(200, [], b"x" * 90, None))
    assert cache.bytes <= 1600 and len(cache) <= 3


def test_health_and_readiness_are_never_cached(client):
    for path, body in (("/healthz", {"status": "ok"}), ("/readyz", None)):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
        if body:
            assert response.json() == body
    assert client.get("/readyz").json()["status"] == "ready"


def test_docs_are_served_without_a_cdn(client):
    page = client.get("/docs").text
    assert "cdn.jsdelivr" not in page and "unpkg" not in page
    asset = page.split('src="')[1].split('"')[0]
    assert client.get(asset).status_code == 200
    assert client.get("/redoc").status_code == 200


def test_openapi_documents_every_route_with_examples(client):
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/v1/support", "/v1/features", "/v1/features/{feature_id}", "/v1/search", "/v1/meta"} <= paths
    components = schema["components"]["schemas"]
    for name in ("SupportAnswer", "ErrorBody", "DatasetMeta"):
        assert "example" in components[name]


def test_a_new_day_gives_new_etags_and_fresh_answers(fixture_db, tmp_path):
    """is_maintained is computed for today: at midnight UTC the cache empties and the ETags change."""
    import time

    app = create_app(fixture_db, site_dir=tmp_path / "missing")
    with TestClient(app) as c:
        before = c.get("/v1/meta").headers["etag"]
        edge = app.edge
        assert edge.cache
        edge.clock = lambda: time.time() + 86400
        response = c.get("/v1/meta", headers={"If-None-Match": before})
        assert response.status_code == 200 and response.headers["etag"] != before
        assert len(edge.cache) == 1


@pytest.fixture
def site_app(fixture_db, tmp_path):
    """The app over a small built site, its catalog loaded, for requests sent exactly as written (tests.asgi)."""
    from kb.catalog import load_catalog

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html>home</html>")
    (site / "404.html").write_text("<html>lost</html>")
    app = create_app(fixture_db, site_dir=site)
    app.state.catalog = load_catalog(fixture_db)
    return app


async def gone():
    return {"type": "http.disconnect"}


@pytest.mark.parametrize("path", ["/v1/../index.html", "/v1/./meta", "/v1//meta", "/v1/../nothing"])
def test_paths_under_v1_that_are_not_canonical_are_json_404_and_never_cached(site_app, path):
    from tests import asgi

    first = asgi.call(site_app, "GET", path, headers=[("range", "bytes=0-3")])
    early = asgi.call(site_app, "GET", path, receive=gone)
    plain = asgi.call(site_app, "GET", path)
    for status, headers, body in (first, early, plain):
        assert status == 404 and headers["content-type"] == "application/json" and b'"not_found"' in body
    assert len(site_app.edge.cache) == 0
    assert asgi.call(site_app, "GET", "/")[2] == b"<html>home</html>"


def edge_over(respond):
    """An Edge in front of a fake app that answers with ``respond(receive, send)``."""
    from api.edge import Edge

    async def app(scope, receive, send):
        await respond(receive, send)

    return Edge(app, dataset_key=lambda: "test")


async def ranged(receive, send):
    await send({"type": "http.response.start", "status": 206, "headers": [(b"content-range", b"bytes 0-1/9")]})
    await send({"type": "http.response.body", "body": b"ab"})


async def cut_short(receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": b"[1,", "more_body": True})


async def client_left(receive, send):
    await receive()
    await send({"type": "http.response.start", "status": 404, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": b""})


async def whole(receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": b"[1]"})


@pytest.mark.parametrize("respond,kept", [(ranged, False), (cut_short, False), (client_left, False), (whole, True)])
def test_the_cache_keeps_only_whole_answers(respond, kept):
    from tests import asgi

    edge = edge_over(respond)
    asgi.call(edge, "GET", "/v1/meta", receive=gone)
    assert len(edge.cache) == (1 if kept else 0)


SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


@pytest.mark.parametrize(
    "method,path,body",
    [
        ("GET", "/v1/meta", b""),
        ("GET", "/v1/meta", b""),  # the cached replay
        ("HEAD", "/v1/features", b""),
        ("GET", "/v1/features/no-such-feature", b""),
        ("GET", "/v1/support?feature=gmsa&pad=" + "p" * 3000, b""),
        ("GET", "/openapi.json", b""),
        ("GET", "/docs", b""),
        ("GET", "/redoc", b""),
        ("GET", "/healthz", b""),
        ("GET", "/", b""),
        ("GET", "/nothing-here", b""),
        ("GET", "/404.html", b""),
        ("POST", "/v1/check/manifest", b'{"manifests": "kind: Pod\\nspec: {containers: []}\\n"}'),
        ("POST", "/v1/check/nodes", b"not json"),
        ("POST", "/v1/meta", b""),
        ("OPTIONS", "/v1/meta", b""),
    ],
)
def test_every_response_carries_the_security_headers(site_app, method, path, body):
    from tests import asgi

    status, headers, _ = asgi.call(site_app, method, path, body, [("content-type", "application/json")])
    assert status is not None
    assert {name: headers.get(name) for name in SECURITY} == SECURITY
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_the_not_found_page_is_served_as_not_found(site_app):
    from tests import asgi

    status, headers, body = asgi.call(site_app, "GET", "/404.html")
    assert (status, body) == (404, b"<html>lost</html>") and headers["content-type"].startswith("text/html")
    assert asgi.call(site_app, "GET", "/nothing-here")[:3:2] == (404, b"<html>lost</html>")
    assert asgi.call(site_app, "GET", "/index.html")[0] == 200


def test_the_answer_cache_keeps_each_language_apart(client):
    """One URL answered in English, then asked for in Chinese: the cached English answer is not replayed."""
    url = "/v1/support?feature=hostprocess&kubernetes=1.23&format=text"
    english = client.get(url)
    chinese = client.get(url, headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    assert not has_chinese(english.text) and has_chinese(chinese.text)
    assert english.headers["etag"] != chinese.headers["etag"]
    assert "accept-language" in chinese.headers["vary"].lower()
    again = client.get(url, headers={"Accept-Language": "en-US", "If-None-Match": chinese.headers["etag"]})
    assert again.status_code == 200 and not has_chinese(again.text)
