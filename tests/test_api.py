import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kb.answers import SupportAnswer


@pytest.fixture(scope="module")
def client(fixture_db, tmp_path_factory):
    app = create_app(fixture_db, site_dir=tmp_path_factory.mktemp("no-site") / "missing")
    with TestClient(app) as test_client:
        yield test_client


CONTRACT_KEYS = {
    "kind",
    "variant",
    "variants",
    "first_usable",
    "ga",
    "feature",
    "kubernetes",
    "windows",
    "runtime",
    "status",
    "supported",
    "enabled_by_default",
    "feature_gate",
    "since",
    "reason",
    "requirements",
    "notes",
    "sources",
    "confidence",
    "dataset",
}


def test_support_answers_in_the_contract_shape(client):
    response = client.get("/v1/support", params={"feature": "hostprocess-containers", "kubernetes": "1.22"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == CONTRACT_KEYS
    assert body["status"] == "alpha" and body["supported"] is True
    assert body["feature"] == {"id": "hostprocess-containers", "name": "HostProcess containers"}
    assert set(body["dataset"]) == {"version", "built"}
    SupportAnswer.model_validate(body)


def test_support_with_windows_and_runtime(client):
    body = client.get(
        "/v1/support",
        params={
            "feature": "hostprocess",
            "kubernetes": "v1.23.1",
            "windows": "10.0.20348.1",
            "runtime": "containerd://1.7.0",
        },
    ).json()
    assert body["windows"] == {"id": "ltsc2022", "name": "Windows Server 2022", "build": "10.0.20348"}
    assert body["runtime"] == "containerd 1.7.0"
    assert body["supported"] is True


def test_unknown_feature_is_404_with_suggestions(client):
    response = client.get("/v1/support", params={"feature": "hostproces", "kubernetes": "1.22"})
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "unknown_feature" and "hostprocess-containers" in error["suggestions"]


@pytest.mark.parametrize("version,status,code", [("1.99", 404, "unknown_version"), ("banana", 422, "invalid_version")])
def test_bad_versions(client, version, status, code):
    response = client.get("/v1/support", params={"feature": "hostprocess", "kubernetes": version})
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["suggestions"]


def test_missing_parameter_is_422_in_the_error_shape(client):
    response = client.get("/v1/support")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"


def test_features_list_and_detail(client):
    listed = client.get("/v1/features").json()
    assert {f["id"] for f in listed} == {"hostprocess-containers", "host-network"}
    detail = client.get("/v1/features/hostprocess-containers").json()
    assert [s["since"] for s in detail["history"]] == ["1.22", "1.23"]
    assert client.get("/v1/features/nope").status_code == 404


def test_unknown_path_and_wrong_method_are_json_errors(client):
    assert client.get("/v1/nothing").json()["error"]["code"] == "not_found"
    response = client.post("/v1/support")
    assert response.status_code == 405 and response.json()["error"]["code"] == "method_not_allowed"


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}
