"""The tools in the terminal: exit 0 clean, 1 with error findings, 2 for bad input."""

import json

import pytest
from typer.testing import CliRunner

from kb.cli import app
from tests.conftest import MANIFESTS, NODES

runner = CliRunner()


def run(db, *args, stdin=None):
    return runner.invoke(app, [*args, "--db", str(db)], input=stdin)


@pytest.mark.parametrize(
    "args,code",
    [
        (["check", "nodes", str(NODES / "aks-1.29-mixed.json"), "--today", "2024-06-01"], 0),
        (["check", "nodes", str(NODES / "kubeadm-1.24-docker-left-behind.json")], 1),
        (["check", "nodes", str(NODES / "bad-no-nodeinfo.json")], 2),
        (["check", "nodes", str(NODES / "bad-not-json.txt")], 2),
        (["check", "nodes", str(NODES / "bad-wrong-kind.json")], 2),
        (["check", "nodes", str(NODES / "missing.json")], 2),
        (["check", "nodes", str(NODES / "aks-1.29-mixed.json"), "--today", "yesterday"], 2),
        (["check", "nodes", str(NODES / "aks-1.29-mixed.json"), "--format", "github"], 2),
        (["check", "nodes", str(NODES / "aks-1.29-mixed.yaml"), "--format", "json", "--today", "2024-06-01"], 0),
        (["check", "manifest", str(MANIFESTS / "daemonset-hostprocess-ok.yaml")], 0),
        (["check", "manifest", str(MANIFESTS / "pod-runasuser.yaml"), "-k", "1.23"], 0),
        (["check", "manifest", str(MANIFESTS / "pod-runasuser.yaml"), "-k", "1.25"], 1),
        (["check", "manifest", str(MANIFESTS / "linux-only.yaml"), str(MANIFESTS / "jobs.yaml")], 0),
        (["check", "manifest", str(MANIFESTS / "statefulset-selector-only.yaml"), "-k", "1.29"], 1),
        (["check", "manifest", str(MANIFESTS / "deployment-linux-fields-no-os-name.yaml"), "--format", "github"], 1),
        (["check", "manifest", str(MANIFESTS / "deployment-linux-fields-no-os-name.yaml"), "-k", "1.23"], 0),
        (["check", "manifest", str(MANIFESTS / "bad-not-yaml.yaml")], 2),
        (["check", "manifest", str(MANIFESTS / "bad-no-workloads.yaml")], 2),
        (["check", "manifest", str(MANIFESTS / "pod-runasuser.yaml"), "-k", "1.99"], 2),
        (["check", "manifest", str(MANIFESTS / "pod-runasuser.yaml"), "--os", "linux"], 2),
        (
            ["check", "manifest", str(MANIFESTS / "pod-runasuser.yaml"), "--nodes", str(NODES / "bad-wrong-kind.json")],
            2,
        ),
        (["upgrade", "--from", "1.23", "--to", "1.27"], 0),
        (["upgrade", "--from", "1.23", "--to", "1.27", "--runtime", "docker://19.3.14"], 1),
        (["upgrade", "--from", "1.27", "--to", "1.23"], 2),
        (["upgrade", "--from", "1.23", "--to", "1.99"], 2),
        (["upgrade", "--from", "1.23", "--to", "1.27", "--windows", "ws2033"], 2),
    ],
)
def test_exit_codes(checks_db, args, code):
    result = run(checks_db, *args)
    assert result.exit_code == code, result.output


def test_stdin_and_json(checks_db):
    text = (NODES / "single-node-ws2022.json").read_text()
    result = run(checks_db, "check", "nodes", "-", "--json", "--today", "2024-01-01", stdin=text)
    report = json.loads(result.output)
    assert report["nodes"][0]["windows"]["id"] == "ltsc2022" and report["ok"] is True


def test_manifest_formats(checks_db):
    path = str(MANIFESTS / "pod-runasuser.yaml")
    github = run(checks_db, "check", "manifest", path, "--format", "github", "-k", "1.29")
    assert github.output.startswith(f"::error file={path},line=11,title=field-rejected")
    as_json = json.loads(run(checks_db, "check", "manifest", path, "--json").output)
    assert as_json["kubernetes"] == "1.34" and as_json["counts"]["error"] == 2
    nodes = run(checks_db, "check", "manifest", path, "--nodes", str(NODES / "aks-1.29-mixed.json"), "-k", "1.29")
    assert "image-incompatible-some-nodes" in nodes.output


def test_errors_go_to_stderr_with_exit_2(checks_db):
    result = run(checks_db, "check", "nodes", str(NODES / "bad-no-nodeinfo.json"))
    assert result.output.startswith("error: ") and "status.nodeInfo" in result.output


def test_upgrade_json_uses_from(checks_db):
    result = run(checks_db, "upgrade", "--from", "1.23", "--to", "1.25", "--json")
    assert json.loads(result.output)["from"] == "1.23"
