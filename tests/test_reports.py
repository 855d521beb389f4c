"""Rendered tool output against golden files (KB_UPDATE_GOLDEN=1 regenerates them)."""

from datetime import date

from kb.checks.documents import read_documents
from kb.checks.manifest import check_manifests
from kb.checks.nodes import check_nodes, windows_hosts
from kb.reports import manifest_github, manifest_text, nodes_text, upgrade_text
from kb.upgrade import plan
from tests.conftest import MANIFESTS, NODES
from tests.test_site import check_golden


def _manifest_report(catalog):
    documents = read_documents((MANIFESTS / "deployment-iis.yaml").read_text(), "deploy/iis.yaml")
    hosts = windows_hosts(catalog, read_documents((NODES / "aks-1.29-mixed.json").read_bytes()))
    return check_manifests(catalog, documents, "1.29", hosts=hosts)


def test_nodes_text(checks_catalog):
    documents = read_documents((NODES / "kubeadm-1.24-docker-left-behind.json").read_bytes())
    check_golden("check-nodes.txt", nodes_text(check_nodes(checks_catalog, documents, date(2023, 1, 1))) + "\n")


def test_manifest_text(checks_catalog):
    check_golden("check-manifest.txt", manifest_text(_manifest_report(checks_catalog)) + "\n")


def test_manifest_github_annotations(checks_catalog):
    text = manifest_github(_manifest_report(checks_catalog))
    check_golden("check-manifest-github.txt", text + "\n")
    first = text.splitlines()[0]
    assert first.startswith(
        "::error file=deploy/iis.yaml,line=21,title=field-rejected (spec.template.spec.securityContext.runAsUser)::"
    )


def test_manifest_github_annotations_without_os_name(checks_catalog):
    """The CI gate: a pod that selects Windows nodes without spec.os.name still fails on refused fields."""
    path = "deploy/metrics-agent.yaml"
    documents = read_documents((MANIFESTS / "deployment-linux-fields-no-os-name.yaml").read_text(), path)
    text = manifest_github(check_manifests(checks_catalog, documents, "1.29"))
    check_golden("check-manifest-no-os-name-github.txt", text + "\n")
    kinds = [line.split(" ", 1)[0] for line in text.splitlines() if line.startswith("::")]
    assert kinds == ["::error"] * 2 + ["::warning"] * 3


def test_upgrade_text(checks_catalog):
    check_golden("upgrade.txt", upgrade_text(plan(checks_catalog, "1.23", "1.27", "ws2019", "docker://20.10.9")) + "\n")


def test_github_annotation_properties_are_escaped(checks_catalog):
    documents = read_documents((MANIFESTS / "pod-runasuser.yaml").read_text(), "dir,with:odd/100%.yaml")
    line = manifest_github(check_manifests(checks_catalog, documents, "1.29")).splitlines()[0]
    assert line.startswith("::error file=dir%2Cwith%3Aodd/100%25.yaml,line=11,")
