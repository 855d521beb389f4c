"""The tools over HTTP: JSON and YAML bodies, the error shape, 413 for oversized bodies, OpenAPI bodies."""

import json

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kb.catalog import load_catalog
from kb.checks.documents import MAX_INPUT_BYTES
from tests import asgi
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
        (b"[null]", "application/json", 422, "invalid_input"),
        (b'[{"kind": "NodeList", "items": []}, null]', "application/json", 422, "invalid_input"),
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


def windows_node(**info):
    node_info = {"kubeletVersion": "v1.29.4", "kernelVersion": "10.0.17763.5820", "operatingSystem": "windows"}
    return {"kind": "Node", "metadata": {"name": "n1"}, "status": {"nodeInfo": node_info | info}}


def windows_pod(**spec):
    return {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"os": {"name": "windows"}, "containers": []} | spec}


@pytest.mark.parametrize(
    "body,path",
    [
        ({"kind": "Node", "status": {"nodeInfo": {"kubeletVersion": 5}}}, "status.nodeInfo.kubeletVersion"),
        (windows_node() | {"metadata": {"name": "n1", "labels": ["a"]}}, "metadata.labels"),
        (windows_node(kernelVersion=10), "status.nodeInfo.kernelVersion"),
        (windows_node(containerRuntimeVersion=1.7), "status.nodeInfo.containerRuntimeVersion"),
        (windows_node(osImage={"name": "Windows"}), "status.nodeInfo.osImage"),
        (windows_node(operatingSystem=["windows"]), "status.nodeInfo.operatingSystem"),
        ({"kind": "List", "items": [windows_node(), windows_node(kernelVersion=1)]}, "items[1].status.nodeInfo"),
    ],
)
def test_wrongly_typed_nodes_are_422_naming_the_path(client, body, path):
    response = post(client, "/v1/check/nodes", json.dumps(body))
    assert response.status_code == 422, response.text
    assert path in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "manifest,path",
    [
        (windows_pod(containers=5), "spec.containers"),
        (windows_pod(securityContext="x"), "spec.securityContext"),
        (windows_pod(containers=[{"name": "c", "securityContext": "x"}]), "spec.containers[0].securityContext"),
        (
            windows_pod(containers=[{"name": "c", "securityContext": {"windowsOptions": "x"}}]),
            "spec.containers[0].securityContext.windowsOptions",
        ),
        (windows_pod(securityContext={"windowsOptions": {"hostProcess": "true"}}), "windowsOptions.hostProcess"),
        (windows_pod() | {"metadata": {"name": 5}}, "metadata.name"),
        (windows_pod(os={"name": ["windows"]}), "spec.os.name"),
        (windows_pod(nodeSelector={"kubernetes.io/os": 1}), "spec.nodeSelector"),
        (
            {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [{"image": 7}]}}}},
            "spec.template.spec.containers[0].image",
        ),
    ],
)
def test_wrongly_typed_manifests_are_422_naming_the_path(client, manifest, path):
    response = client.post("/v1/check/manifest", json={"manifests": [manifest], "kubernetes": "1.29"})
    assert response.status_code == 422, response.text
    assert path in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "body,content_type",
    [
        (b"kind: Pod\nmetadata: {name: 2024-01-01}\nspec: {os: {name: windows}, containers: []}\n", "text/yaml"),
        (json.dumps({"manifests": "kind: Pod\nmetadata: {name: 2024-01-01}\nspec: {containers: []}\n"}), None),
    ],
)
def test_a_yaml_timestamp_where_a_name_belongs_is_422(client, body, content_type):
    response = post(client, "/v1/check/manifest", body, content_type or "application/json")
    assert response.status_code == 422 and "metadata.name" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "path,body,content_type",
    [
        ("/v1/check/nodes", b'{"kind": "Node", "metadata": {"name": "\\ud800"}}', "application/json"),
        ("/v1/check/nodes", b'kind: Node\nmetadata: {name: "\\ud800"}\n', "text/yaml"),
        (
            "/v1/check/manifest",
            b'{"manifests": [{"kind": "Pod", "metadata": {"name": "\\udfff"}}]}',
            "application/json",
        ),
    ],
)
def test_a_lone_surrogate_is_422(client, path, body, content_type):
    response = post(client, path, body, content_type)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_input"


@pytest.fixture(scope="module")
def app_in_this_thread(checks_db, tmp_path_factory):
    """The app with its catalog, for requests run in the test's own thread (see tests.asgi)."""
    app = create_app(checks_db, site_dir=tmp_path_factory.mktemp("no-site") / "missing")
    app.state.catalog = load_catalog(checks_db)
    return app


@pytest.mark.parametrize("path,body", [("/v1/check/manifest", b"a: &a [*a]"), ("/v1/check/nodes", b"a: &a {x: *a}")])
def test_a_self_referring_alias_is_422_at_once(app_in_this_thread, within_two_seconds, path, body):
    status, _, answer = asgi.call(app_in_this_thread, "POST", path, body, [("content-type", "text/yaml")])
    assert status == 422 and b"refers to the value that holds it" in answer


def test_more_nodes_than_the_bound_are_413(client):
    from kb.checks.nodes import MAX_NODES

    nodes = {"kind": "List", "items": [windows_node()] * (MAX_NODES + 1)}
    response = post(client, "/v1/check/nodes", json.dumps(nodes))
    assert response.status_code == 413 and f"more than {MAX_NODES} nodes" in response.json()["error"]["message"]
    inside = client.post("/v1/check/manifest", json={"manifests": [windows_pod()], "nodes": nodes})
    assert inside.status_code == 413


def test_yaml_with_more_values_than_the_bound_is_413(client):
    from kb.checks.documents import MAX_YAML_VALUES

    body = "".join(f"k{i}: 1\n" for i in range(MAX_YAML_VALUES)).encode()
    response = post(client, "/v1/check/manifest", body, "text/yaml")
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"


def test_more_documents_than_the_bound_are_413(client):
    from kb.checks.documents import MAX_DOCUMENTS

    response = client.post("/v1/check/manifest", json={"manifests": [windows_pod()] * (MAX_DOCUMENTS + 1)})
    assert response.status_code == 413


def test_openapi_declares_the_shapes_of_nodes_and_manifests(client):
    """The bodies are declared with the models the checks read (not 'object'), so generators such as
    schemathesis send real Nodes and Pods; the examples fit them and a wrongly typed body does not."""
    import jsonschema

    from api.routes.checks import NODE_LIST_EXAMPLE, POD_EXAMPLE

    openapi = client.get("/openapi.json").json()
    schemas = openapi["components"]["schemas"]
    assert schemas["NodeInfo"]["properties"]["kubeletVersion"]["type"] == "string"
    assert "Container" in str(schemas["PodSpec"]["properties"]["containers"])
    bodies = {
        path: openapi["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        for path in ("/v1/check/nodes", "/v1/check/manifest")
    }

    def valid(path, body):
        return jsonschema.Draft202012Validator({"components": openapi["components"], **bodies[path]}).is_valid(body)

    assert valid("/v1/check/nodes", NODE_LIST_EXAMPLE)
    assert not valid("/v1/check/nodes", {"kind": "Node", "status": {"nodeInfo": {"kubeletVersion": 5}}})
    assert valid("/v1/check/manifest", {"manifests": [POD_EXAMPLE, {"kind": "ConfigMap"}], "kubernetes": "1.29"})
    assert not valid("/v1/check/manifest", {"manifests": [{"spec": {}}]})
