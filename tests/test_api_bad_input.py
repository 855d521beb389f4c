"""The bad-input suite: whatever a script or a stranger sends, the answer is a JSON 4xx, never a 5xx or HTML."""

import pytest
from fastapi.testclient import TestClient

from api.edge import MAX_BODY
from api.main import create_app

LONG = "x" * 5000
HOSTILE = [
    "' OR 1=1 --",
    "1.22'; DROP TABLE features; --",
    '"><script>alert(1)</script>',
    "%00",
    "\x00",
    "../../etc/passwd",
    "ünïcødé-✓-容器",
    "🙂",
    " ",
    "1" * 199,
    "1." + "9" * 190,
    "v",
    "-1.22",
    "1.22.3.4.5",
    "１.２２",
    "1,22",
    "NaN",
]


@pytest.fixture(scope="module")
def client(real_db, tmp_path_factory):
    with TestClient(create_app(real_db, site_dir=tmp_path_factory.mktemp("s") / "missing")) as test_client:
        yield test_client


def assert_json_error(response, statuses=(404, 422)):
    assert response.status_code in statuses, (response.status_code, response.text[:200])
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"code", "message", "suggestions"} and error["message"]
    return error


@pytest.mark.parametrize("version", ["1.99", "2.0", "1.4", "0.1", "99.99.99"])
@pytest.mark.parametrize(
    "path",
    [
        "/v1/support?feature=gmsa&kubernetes={v}",
        "/v1/kubernetes/{v}",
        "/v1/matrix/features?kubernetes={v}",
        "/v1/diff?from=1.22&to={v}",
        "/v1/features?kubernetes={v}",
    ],
)
def test_unknown_and_future_versions_are_404_with_suggestions(client, path, version):
    error = assert_json_error(client.get(path.format(v=version)), (404,))
    assert error["code"] == "unknown_version" and error["suggestions"]


@pytest.mark.parametrize("version", ["banana", "1", "1.x", "v", "1..2", "1.22.3.4.5", "latest-ish"])
def test_malformed_versions_are_422_with_accepted_forms(client, version):
    error = assert_json_error(client.get("/v1/support", params={"feature": "gmsa", "kubernetes": version}), (422,))
    assert error["code"] == "invalid_version" and error["suggestions"]


def test_unknown_feature_is_404_with_close_matches(client):
    error = assert_json_error(client.get("/v1/support", params={"feature": "gmsaa", "kubernetes": "1.22"}), (404,))
    assert error["code"] == "unknown_feature" and "gmsa" in error["suggestions"]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize(
    "make_url",
    [
        lambda t: ("/v1/support", {"feature": t, "kubernetes": "1.22"}),
        lambda t: ("/v1/support", {"feature": "gmsa", "kubernetes": t}),
        lambda t: ("/v1/support", {"feature": "gmsa", "kubernetes": "1.22", "windows": t}),
        lambda t: ("/v1/support", {"feature": "gmsa", "kubernetes": "1.22", "runtime": t}),
        lambda t: ("/v1/features", {"q": t, "category": t}),
        lambda t: ("/v1/search", {"q": t}),
        lambda t: ("/v1/image-compat", {"host": t, "image": "ltsc2022"}),
        lambda t: ("/v1/image-compat", {"host": "ltsc2022", "image": t}),
        lambda t: ("/v1/diff", {"from": t, "to": "1.30"}),
    ],
)
def test_hostile_query_values_never_fail_the_server(client, make_url, text):
    path, params = make_url(text)
    response = client.get(path, params=params)
    assert response.status_code < 500
    assert response.headers["content-type"].split(";")[0] in ("application/json", "text/plain", "text/csv")
    if response.status_code >= 400:
        assert_json_error(response)


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("prefix", ["/v1/features/", "/v1/kubernetes/", "/v1/windows/"])
def test_hostile_path_segments_never_fail_the_server(client, prefix, text):
    from urllib.parse import quote

    response = client.get(prefix + quote(text, safe=""))
    assert response.status_code < 500
    if response.status_code >= 400:
        assert_json_error(response)


@pytest.mark.parametrize(
    "params",
    [
        {"feature": "", "kubernetes": "1.22"},
        {"feature": "gmsa", "kubernetes": ""},
        {"feature": "gmsa", "kubernetes": "1.22", "windows": ""},
        {"feature": "gmsa", "kubernetes": "1.22", "runtime": ""},
        {"feature": "gmsa", "format": ""},
        {"feature": "gmsa", "format": "xml"},
    ],
)
def test_empty_and_invalid_parameters_are_422(client, params):
    assert_json_error(client.get("/v1/support", params=params), (422,))


@pytest.mark.parametrize(
    "path",
    [
        "/v1/search?q=",
        "/v1/image-compat?host=&image=",
        "/v1/diff?from=&to=",
        "/v1/windows/%20",
        "/v1/search?q=x&limit=0",
        "/v1/search?q=x&limit=abc",
    ],
)
def test_other_empty_or_invalid_parameters(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404, 422)
    if response.status_code != 200:
        assert_json_error(response)


def test_very_long_values_are_rejected_before_any_work(client):
    assert_json_error(client.get("/v1/support", params={"feature": LONG}), (422,))
    error = assert_json_error(client.get("/v1/support", params={"feature": "gmsa", "windows": "w" * 300}), (422,))
    assert "windows" in error["message"]
    assert_json_error(client.get("/v1/features/" + "a" * 300), (422,))


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "TRACE"])
@pytest.mark.parametrize("path", ["/v1/support", "/v1/features", "/v1/meta", "/v1/nowhere"])
def test_wrong_methods_are_405_with_allow(client, method, path):
    response = client.request(method, path)
    assert response.status_code in (404, 405)
    error = assert_json_error(response, (404, 405))
    if response.status_code == 405:
        assert "GET" in response.headers["allow"] and error["code"] == "method_not_allowed"


@pytest.mark.parametrize("path", ["/v1/support", "/v1/check/nodes", "/v1/nowhere"])
def test_oversized_bodies_are_413(client, path):
    error = assert_json_error(client.post(path, content=b"x" * (MAX_BODY + 1)), (413,))
    assert error["code"] == "too_large"


@pytest.mark.parametrize("path,statuses", [("/v1/check/nodes", (413,)), ("/v1/support", (405,))])
def test_oversized_streamed_body_without_length(client, path, statuses):
    """A route that reads the body gets 413 past the bound; one that takes no body never reads it."""

    def chunks():
        for _ in range(MAX_BODY // 65536 + 2):
            yield b"x" * 65536

    assert_json_error(client.post(path, content=chunks()), statuses)


def test_bad_content_length_is_413(client):
    assert_json_error(client.post("/v1/support", headers={"content-length": "nonsense"}), (413,))


def test_query_string_over_the_bound_is_422(client):
    error = assert_json_error(client.get("/v1/support?feature=gmsa&pad=" + "p" * 3000), (422,))
    assert error["code"] == "query_too_long"


def test_unknown_paths_are_json_404(client):
    for path in ("/v1/", "/v1/nothing", "/v1/support/extra", "/v1/features/gmsa/history", "/nothing"):
        assert_json_error(client.get(path), (404,))


def test_unknown_api_paths_are_json_even_with_a_site(real_db, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html>home</html>")
    (site / "404.html").write_text("<html>lost</html>")
    with TestClient(create_app(real_db, site_dir=site)) as c:
        assert c.get("/").text == "<html>home</html>"
        assert_json_error(c.get("/v1/nothing"), (404,))
        assert c.get("/v1/meta").status_code == 200
        for path in ("/v1/support", "/v1/nothing", "/"):
            response = c.post(path)
            assert_json_error(response, (405,))
            assert "GET" in response.headers["allow"]


def test_an_unexpected_exception_is_logged_with_its_traceback_and_answered_as_json_500(client, monkeypatch, caplog):
    from api.routes import checks

    def broken(*_):
        raise RuntimeError("a bug in the check")

    monkeypatch.setattr(checks, "check_nodes", broken)
    body = b'{"kind": "Node", "status": {"nodeInfo": {"kubeletVersion": "1.29"}}}'
    with caplog.at_level("ERROR"):
        response = client.post("/v1/check/nodes", content=body, headers={"content-type": "application/json"})
    error = assert_json_error(response, (500,))
    assert error["code"] == "internal_error"
    logged = [r for r in caplog.records if r.exc_info and "a bug in the check" in str(r.exc_info[1])]
    assert logged and "/v1/check/nodes" in logged[0].getMessage()
    assert "Traceback" in caplog.text and "broken" in caplog.text
