"""The tools over HTTP: JSON and YAML bodies, the error shape, 413 for oversized bodies, OpenAPI bodies."""

import json

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kb.checks.documents import MAX_INPUT_BYTES
from tests.conftest import MANIFESTS, NODES


@pytest.fixture(scope="module")
def client(checks_db, tmp_path_factory):
    app = create_app(checks_db, site_dir=tmp_path_factory.mktemp("no-site") / "missing")
    with TestClient(app) as client:
        yield client


def post(client, path, body, content_type="application/json", **params):
    return client.post(path, content=body, headers={"content-type": content_type}, params=params)


@pytest.mark.parametrize(
    "name,content_type", [("aks-1.29-mixed.json", "application/json"), ("aks-1.29-mixed.yaml", "text/yaml")]
)
def test_check_nodes(client, name, content_type):
    response = post(client, "/v1/check/nodes", (NODES / name).read_bytes(), content_type)
    assert response.status_code == 200
    report = response.json()
    assert [n["applicable"] for n in report["nodes"]] == [False, True, True]
    assert report["nodes"][1]["windows"]["id"] == "ltsc2019"


@pytest.mark.parametrize(
    "body,content_type,status,code",
    [
        ((NODES / "bad-no-nodeinfo.json").read_bytes(), "application/json", 422, "invalid_input"),
        ((NODES / "bad-not-json.txt").read_bytes(), "application/json", 422, "invalid_input"),
        ((NODES / "bad-not-json.txt").read_bytes(), "text/yaml", 422, "invalid_input"),
        ((NODES / "bad-wrong-kind.json").read_bytes(), "application/json", 422, "invalid_input"),
        (b"", "application/json", 422, "invalid_input"),
        (b"[" * 100_000, "application/json", 422, "invalid_input"),
        (b" " * (MAX_INPUT_BYTES + 1), "application/json", 413, "too_large"),
    ],
)
def test_check_nodes_bad_input(client, body, content_type, status, code):
    response = post(client, "/v1/check/nodes", body, content_type)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_check_manifest_yaml_body_with_query_parameters(client):
    body = (MANIFESTS / "pod-runasuser.yaml").read_bytes()
    old = post(client, "/v1/check/manifest", body, "text/yaml", kubernetes="1.23").json()
    new = post(client, "/v1/check/manifest", body, "application/yaml", kubernetes="1.25").json()
    assert (old["counts"]["error"], new["counts"]["error"]) == (0, 2)
    assert new["findings"][0]["document"]["source"] == "<request>"


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "text/plain", ""])
def test_any_body_not_declared_json_is_read_as_yaml(client, content_type):
    body = (MANIFESTS / "pod-runasuser.yaml").read_bytes()
    response = post(client, "/v1/check/manifest", body, content_type, kubernetes="1.25")
    assert response.status_code == 200 and response.json()["counts"]["error"] == 2


def test_check_manifest_json_body(client):
    request = {
        "manifests": (MANIFESTS / "pod-runasuser.yaml").read_text(),
        "kubernetes": "1.29",
        "nodes": json.loads((NODES / "aks-1.29-mixed.json").read_text()),
    }
    report = client.post("/v1/check/manifest", json=request).json()
    assert report["nodes"] == ["akswin19000000", "akswin22000000"]
    assert "image-incompatible-some-nodes" in {f["code"] for f in report["findings"]}
    objects = json.loads((MANIFESTS / "list-mixed.json").read_text())
    listed = client.post("/v1/check/manifest", json={"manifests": [objects], "kubernetes": "1.26"}).json()
    assert [f["code"] for f in listed["findings"]] == ["field-gated"]


@pytest.mark.parametrize(
    "body,status",
    [
        ({"manifests": "kind: ConfigMap\n"}, 422),
        ({"manifests": [], "kubernetes": "1.99"}, 404),
        ({"manifests": "a: [", "kubernetes": "1.29"}, 422),
        ({"kubernetes": "1.29"}, 422),
        ({"manifests": [{"kind": "Pod", "spec": {}}], "os": "linux"}, 422),
    ],
)
def test_check_manifest_bad_input(client, body, status):
    response = client.post("/v1/check/manifest", json=body)
    assert response.status_code == status
    assert set(response.json()["error"]) == {"code", "message", "suggestions"}


def test_upgrade(client):
    response = client.get(
        "/v1/upgrade", params={"from": "1.23", "to": "1.27", "windows": "ws2019", "runtime": "docker"}
    )
    assert response.status_code == 200
    result = response.json()
    assert result["from"] == "1.23" and result["ok"] is False
    assert result["steps"][0]["actions"][0]["kind"] == "runtime-changed"


@pytest.mark.parametrize(
    "params,status",
    [({"from": "1.27", "to": "1.23"}, 422), ({"from": "1.23", "to": "1.99"}, 404), ({"from": "1.23"}, 422)],
)
def test_upgrade_refusals(client, params, status):
    response = client.get("/v1/upgrade", params=params)
    assert response.status_code == status and "error" in response.json()


def test_openapi_documents_the_request_bodies(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/check/nodes", "/v1/check/manifest"):
        content = paths[path]["post"]["requestBody"]["content"]
        assert set(content) == {"application/json", "text/yaml"}
        assert content["application/json"]["example"]
    assert "from" in {p["name"] for p in paths["/v1/upgrade"]["get"]["parameters"]}
