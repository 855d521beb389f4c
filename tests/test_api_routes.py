"""Every /v1 resource answers what the engine answers, in JSON, CSV and text; the examples fit the models."""

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from api import examples
from api.main import create_app
from kb import compat, diff, query, releases, search
from kb.answers import FeatureDetail, FeatureRef, FeatureSummary
from kb.compat import ImageCompatAnswer
from kb.dataset import DatasetMeta, dataset_meta
from kb.diff import ReleaseDiff
from kb.export import export, resources
from kb.feature_facts import FeatureStageAnswer, GateAnswer, RuntimeNeedAnswer
from kb.formats import plain
from kb.i18n import has_chinese
from kb.node_os import NodeOsAnswer, NodeOsList
from kb.release_facts import KubernetesFact, NodeStageAnswer, WindowsFact
from kb.releases import KubernetesReleaseView, OsMatrix, WindowsReleaseView
from kb.runtime_support import RuntimeList, RuntimeSupportAnswer
from kb.upgrade import UpgradePlan


@pytest.fixture(scope="module")
def client(fixture_db, tmp_path_factory):
    with TestClient(create_app(fixture_db, site_dir=tmp_path_factory.mktemp("s") / "missing")) as test_client:
        yield test_client


def today():
    return datetime.now(UTC).date()


def engine_answers(catalog):
    """(path, what the engine answers) for one instance of every resource."""
    newest, oldest = str(catalog.newest), str(min(catalog.minors))
    return [
        ("/v1/kubernetes", releases.list_kubernetes(catalog, today())),
        ("/v1/kubernetes/latest", releases.kubernetes_detail(catalog, newest, today())),
        (f"/v1/kubernetes/v{oldest}.3", releases.kubernetes_detail(catalog, oldest, today())),
        ("/v1/windows", releases.list_windows(catalog, today())),
        ("/v1/windows/10.0.17763.737", releases.windows_detail(catalog, "ltsc2019", today())),
        ("/v1/windows/sac1809", releases.windows_detail(catalog, "sac1809", today())),
        ("/v1/matrix", releases.os_matrix(catalog)),
        (f"/v1/matrix/features?kubernetes={oldest}", query.list_features(catalog, kubernetes=oldest)),
        ("/v1/image-compat?host=ltsc2022&image=ltsc2019", compat.image_compat(catalog, "ltsc2022", "ltsc2019")),
        (
            "/v1/image-compat?host=10.0.17763.5696&image=mcr.microsoft.com/windows/servercore:ltsc2019&isolation=process",
            compat.image_compat(catalog, "ltsc2019", "ltsc2019", "process"),
        ),
        (f"/v1/diff?from={oldest}&to={newest}", diff.diff(catalog, oldest, newest)),
        ("/v1/search?q=host", search.search_features(catalog, "host")),
        ("/v1/features?category=networking", query.list_features(catalog, category="networking")),
        ("/v1/meta", dataset_meta(catalog)),
    ]


def test_every_resource_answers_what_the_engine_answers(client, fixture_catalog):
    for path, answer in engine_answers(fixture_catalog):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text)
        assert response.json() == plain(answer), path


@pytest.mark.parametrize("fmt", ["csv", "text"])
def test_every_resource_has_csv_and_text_forms(client, fixture_catalog, fmt):
    for path, answer in engine_answers(fixture_catalog):
        joiner = "&" if "?" in path else "?"
        response = client.get(f"{path}{joiner}format={fmt}")
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith({"csv": "text/csv", "text": "text/plain"}[fmt])
        if fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(response.text)))
            expected = len(answer) if isinstance(answer, list) else None
            assert rows and (expected is None or len(rows) == expected), path
        else:
            lines = response.text.splitlines()
            assert lines and all(line.strip() for line in lines), path


def test_matrix_csv_is_a_table_of_minors_by_windows(client, fixture_catalog):
    rows = list(csv.DictReader(io.StringIO(client.get("/v1/matrix.csv").text)))
    matrix = releases.os_matrix(fixture_catalog)
    assert [r["kubernetes"] for r in rows] == matrix.kubernetes
    assert set(rows[0]) == {"kubernetes"} | {w.id for w in matrix.windows}


def test_kubernetes_latest_is_the_newest_minor(client, fixture_catalog):
    assert client.get("/v1/kubernetes/latest").json()["version"] == str(fixture_catalog.newest)


def test_unknown_release_names_are_404_or_422(client):
    assert client.get("/v1/kubernetes/1.99").status_code == 404
    assert client.get("/v1/kubernetes/banana").status_code == 422
    assert client.get("/v1/windows/ws1999").json()["error"]["suggestions"] is not None


@pytest.mark.parametrize(
    "model,example",
    [
        (KubernetesReleaseView, examples.KUBERNETES),
        (WindowsReleaseView, examples.WINDOWS),
        (OsMatrix, examples.MATRIX),
        (FeatureSummary, examples.FEATURE_SUMMARY),
        (FeatureDetail, examples.FEATURE_DETAIL),
        (ImageCompatAnswer, examples.IMAGE_COMPAT),
        (ReleaseDiff, examples.DIFF),
        (list[FeatureRef], examples.SEARCH),
        (DatasetMeta, DatasetMeta.model_config["json_schema_extra"]["example"]),
        (UpgradePlan, examples.UPGRADE),
        (GateAnswer, examples.GATE),
        (FeatureStageAnswer, examples.FEATURE_STAGE),
        (RuntimeNeedAnswer, examples.RUNTIME_NEED),
        (NodeOsList, examples.NODE_OS_LIST),
        (NodeOsAnswer, examples.NODE_OS),
        (RuntimeList, examples.RUNTIMES),
        (RuntimeSupportAnswer, examples.RUNTIME),
        (KubernetesFact, examples.KUBERNETES_FACT),
        (WindowsFact, examples.WINDOWS_FACT),
        (NodeStageAnswer, examples.NODE_STAGE),
    ],
)
def test_openapi_examples_fit_their_models(model, example):
    TypeAdapter(model).validate_python(example)


def test_openapi_shows_an_example_for_every_resource(client):
    schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    for path, item in schema["paths"].items():
        if not path.startswith("/v1/") or "get" not in item:
            continue
        content = item["get"]["responses"]["200"]["content"]
        assert {"application/json", "text/csv", "text/plain"} <= set(content), path
        json_content = content["application/json"]
        ref = json_content.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1]
        assert "example" in json_content or "example" in components.get(ref, {}), path


def test_export_writes_the_bytes_the_api_answers(client, fixture_catalog, tmp_path):
    files, size = export(fixture_catalog, tmp_path, today())
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.json"))
    assert files == len(written) and size > 0
    for name in ("features.json", "kubernetes.json", "windows.json", "matrix.json", "meta.json"):
        assert name in written
    for path, _ in resources(fixture_catalog, today()):
        api_path = f"/v1/{path}"
        if path.startswith("support/"):
            feature, minor = path.split("/")[1:]
            api_path = f"/v1/support?feature={feature}&kubernetes={minor}"
        elif path.startswith("matrix/features/"):
            api_path = f"/v1/matrix/features?kubernetes={path.rsplit('/', 1)[1]}"
        response = client.get(api_path)
        assert response.status_code == 200, api_path
        assert response.content == (tmp_path / f"{path}.json").read_bytes(), path
    assert json.loads((tmp_path / "features" / "hostprocess-containers.json").read_text())["id"]


def test_kb_export_command_writes_the_static_api(fixture_db, tmp_path):
    from typer.testing import CliRunner

    from kb.cli import app as cli

    out = tmp_path / "site" / "api" / "v1"
    result = CliRunner().invoke(cli, ["export", "--db", str(fixture_db), "--out", str(out), "--no-support"])
    assert result.exit_code == 0, result.output
    assert (out / "features.json").exists() and (out / "kubernetes.json").exists()
    assert not (out / "support").exists()
    assert json.loads((out / "meta.json").read_text())["counts"]["features"] >= 0


def test_the_site_build_runs_the_export_after_mkdocs_in_each_language():
    import importlib.util
    from pathlib import Path

    from tests.conftest import ROOT

    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nsite:", 1)[1].split("\n\n", 1)[0]
    assert "docs/build.py --db $(DB) --site site" in recipe
    spec = importlib.util.spec_from_file_location("site_build", ROOT / "docs" / "build.py")
    site_build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(site_build)
    for lang, config in site_build.CONFIGS.items():
        mkdocs, export = site_build.commands(lang, Path("build/kb.db"), Path("out"))
        assert mkdocs[1:4] == ["-m", "mkdocs", "build"] and config in mkdocs
        assert export[1:] == ["-m", "kb", "--lang", lang, "export", "--db", "build/kb.db", "--out", "out/api/v1"]


def readme_curls() -> list[tuple[str, dict[str, str], str | None]]:
    """(path with its query, headers, body file or None) of every curl example in the README."""
    import re
    import shlex
    from urllib.parse import urlencode

    from tests.conftest import ROOT

    examples = []
    for line in (ROOT / "README.md").read_text().splitlines():
        if not line.startswith("curl "):
            continue
        words = shlex.split(line.split(" | ")[0].split(" # ")[0])
        headers = dict(w.split(": ", 1) for i, w in enumerate(words) if i and words[i - 1] == "-H")
        body = next((w[1:] for i, w in enumerate(words) if i and words[i - 1] == "--data-binary"), None)
        fields = [tuple(w.split("=", 1)) for i, w in enumerate(words) if i and words[i - 1] == "--data-urlencode"]
        url = next(w for w in words if w.startswith("http"))
        path = re.sub(r"^https?://[^/]+", "", url) + (f"?{urlencode(fields)}" if fields else "")
        examples.append((path, headers, body))
    return examples


@pytest.mark.parametrize("path,headers,body", readme_curls())
def test_readme_curl_examples_answer(real_db, tmp_path, path, headers, body):
    with TestClient(create_app(real_db, site_dir=tmp_path / "missing")) as c:
        if body is None:
            response = c.get(path, headers=headers)
        else:
            from tests.conftest import ROOT

            response = c.post(path, headers=headers, content=(ROOT / body).read_bytes())
    assert response.status_code in (200, 404), response.text
    if "zh" in headers.get("Accept-Language", "") or "%E" in path:  # asked in or for Chinese
        assert has_chinese(response.json()["text"])
    assert response.status_code == 200 or "no-such-thing" in path
