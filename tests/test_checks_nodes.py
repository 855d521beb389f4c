"""Node check over realistic `kubectl get nodes -o json` fixtures, judged with the fixture dataset."""

from datetime import date

import pytest

from kb.checks.documents import read_documents, read_json_value
from kb.checks.nodes import check_nodes, windows_hosts
from kb.errors import InvalidInput
from tests.conftest import NODES

TODAY = date(2026, 11, 25)


def check(catalog, name, today=TODAY):
    return check_nodes(catalog, read_documents((NODES / name).read_bytes(), name), today)


def node_codes(report, at_least=("error", "warning")):
    """Finding codes per Windows node (errors and warnings unless asked otherwise)."""
    return {n.name: sorted(f.code for f in n.findings if f.severity in at_least) for n in report.nodes if n.applicable}


def test_linux_nodes_are_not_applicable(checks_catalog):
    report = check(checks_catalog, "aks-1.29-mixed.json")
    linux = report.nodes[0]
    assert (linux.os, linux.applicable, linux.findings) == ("linux", False, [])
    assert [n.applicable for n in report.nodes] == [False, True, True]


def test_windows_nodes_map_to_minor_release_and_runtime(checks_catalog):
    report = check(checks_catalog, "aks-1.29-mixed.json")
    ws2019, ws2022 = report.nodes[1:]
    assert (ws2019.kubernetes, ws2019.windows.id, ws2019.runtime) == ("1.29", "ltsc2019", "containerd 1.7.14")
    assert ws2022.windows.id == "ltsc2022"
    assert ws2019.os_supported and ws2019.runtime_supported and ws2019.runtime_status == "stable"
    assert ws2019.process_isolation_images == [
        "mcr.microsoft.com/windows/servercore:ltsc2019",
        "mcr.microsoft.com/windows/servercore:1809",
        "mcr.microsoft.com/windows/nanoserver:ltsc2019",
        "mcr.microsoft.com/windows/nanoserver:1809",
    ]
    assert "mcr.microsoft.com/windows/servercore:ltsc2025" not in ws2022.process_isolation_images


@pytest.mark.parametrize(
    "today,maintained,codes",
    [
        (date(2024, 6, 1), True, []),
        (date(2026, 11, 25), False, ["kubernetes-end-of-life"]),
    ],
)
def test_maintenance_is_judged_as_of_today(checks_catalog, today, maintained, codes):
    node = check(checks_catalog, "aks-1.29-mixed.json", today).nodes[1]
    assert node.kubernetes_maintained is maintained
    assert [f.code for f in node.findings if f.severity != "info"] == codes


def test_docker_before_removal_is_deprecated_and_after_is_an_error(checks_catalog):
    eks = check(checks_catalog, "eks-1.23-docker.json", date(2023, 1, 1))
    assert node_codes(eks) == {"ip-192-168-45-67.eu-west-1.compute.internal": ["runtime-deprecated"]}
    assert eks.ok
    left = check(checks_catalog, "kubeadm-1.24-docker-left-behind.json", date(2023, 1, 1))
    codes = node_codes(left)
    assert codes["win-worker-01"] == ["runtime-removed"]
    assert codes["win-worker-02"] == []
    assert not left.ok


def test_new_builds_support_and_end_of_support(checks_catalog):
    report = check(checks_catalog, "gke-1.32-new-builds.json", date(2026, 1, 10))
    assert node_codes(report) == {
        "gke-prod-win2025-pool-9d3e1f0a-qz8m": [],
        "gke-prod-win23h2-pool-2b7c8d4e-m3nv": ["windows-end-of-support"],
        "gke-prod-win2019-pool-5a6b7c8d-p9qr": ["os-not-supported"],
    }
    ws2019 = report.nodes[3]
    assert ws2019.os_supported is False and ws2019.findings[0].severity == "error"
    assert report.nodes[2].windows.id == "ac23h2"


def test_runtime_older_than_the_minor_needs(checks_catalog):
    node = check(checks_catalog, "kubeadm-1.26-containerd-1.5.json", date(2024, 1, 1)).nodes[0]
    too_old = [f for f in node.findings if f.code == "runtime-too-old"]
    assert [(f.severity, f.message) for f in too_old] == [
        ("error", "Kubernetes 1.26 needs containerd 1.6.0 or newer; the node runs containerd 1.5.18.")
    ]
    assert too_old[0].action == "Upgrade the runtime to containerd 1.6.0 or newer."


def test_a_single_node_object(checks_catalog):
    node = check(checks_catalog, "single-node-ws2022.json", date(2024, 1, 1)).nodes[0]
    assert node.runtime == "containerd 1.6.28"
    assert [(f.severity, f.code, f.feature) for f in node.findings] == [("info", "feature-requirement-unmet", None)]
    assert node.findings[0].message.startswith("hostNetwork for Windows pods (alpha on 1.27) requires containerd 1.7")


def test_features_unavailable_and_gated(checks_catalog):
    node = check(checks_catalog, "kubeadm-1.24-docker-left-behind.json", date(2023, 1, 1)).nodes[0]
    unavailable = {u.feature.id: u.why for u in node.unavailable}
    assert unavailable["hostprocess-containers"] == "requires containerd 1.6 or newer"
    assert unavailable["run-as-user-run-as-group"].startswith("not supported")
    assert {f.message.split(" (")[0] for f in node.findings if f.code == "feature-requirement-unmet"} == {
        "HostProcess containers",
        "IPv4/IPv6 dual-stack",
    }
    ws2022 = check(checks_catalog, "aks-1.29-mixed.json").nodes[2]
    assert [(g.feature.id, g.why) for g in ws2022.gated] == [("host-network", "off by default: WindowsHostNetwork")]


def test_unknown_kubelet_version_is_an_error_not_a_guess(checks_catalog):
    node = check(checks_catalog, "future-kubelet.json").nodes[0]
    assert [f.code for f in node.findings] == ["kubelet-version-unknown"]
    assert node.kubernetes is None and node.windows.id == "ltsc2025"


def test_yaml_reads_like_json(checks_catalog):
    assert check(checks_catalog, "aks-1.29-mixed.yaml") == check(checks_catalog, "aks-1.29-mixed.json")


@pytest.mark.parametrize(
    "name,message",
    [
        ("bad-no-nodeinfo.json", "has no status.nodeInfo.kubeletVersion"),
        ("bad-not-json.txt", "not a Kubernetes object"),
        ("bad-wrong-kind.json", "is PodList"),
        ("bad-broken.json", "not valid JSON or YAML"),
    ],
)
def test_bad_input_is_refused(checks_catalog, name, message):
    with pytest.raises(InvalidInput, match=message):
        check(checks_catalog, name)


def test_windows_hosts_for_the_image_check(checks_catalog):
    documents = read_documents((NODES / "gke-1.32-new-builds.json").read_bytes())
    assert [h.windows.id for h in windows_hosts(checks_catalog, documents)] == ["ltsc2025", "ac23h2", "ltsc2019"]


def test_real_data_answers_every_fixture(real_catalog):
    for path in sorted(NODES.glob("[!b]*.json")):
        report = check_nodes(real_catalog, read_documents(path.read_bytes(), path.name), TODAY)
        assert any(n.applicable for n in report.nodes), path.name


def test_an_image_check_needs_windows_nodes(checks_catalog):
    linux_only = {
        "kind": "List",
        "items": [
            {
                "kind": "Node",
                "metadata": {"name": "l"},
                "status": {"nodeInfo": {"kubeletVersion": "v1.29.4", "operatingSystem": "linux"}},
            }
        ],
    }
    with pytest.raises(InvalidInput, match="no Windows node"):
        windows_hosts(checks_catalog, read_json_value(linux_only))


@pytest.mark.parametrize(("kernel", "unmet"), [("10.0.17763.5820", False), ("10.0.17763.1000", True)])
def test_a_node_kernel_version_settles_a_windows_update_requirement(real_catalog, kernel, unmet):
    """The WS2019 node's kernelVersion carries its update level: before KB5000822 (17763.1817), SMB
    shares as the gMSA identity with containerd are flagged; after it, they are not."""
    text = (NODES / "aks-1.29-mixed.json").read_text().replace('"10.0.17763.5820"', f'"{kernel}"')
    report = check_nodes(real_catalog, read_documents(text.encode(), "aks.json"), TODAY)
    ws2019 = report.nodes[1]
    assert ws2019.windows.id == "ltsc2019" and ws2019.kernel_version == kernel
    flagged = {u.feature.id: u.why for u in ws2019.unavailable}
    assert ("gmsa-containerd-network-shares" in flagged) is unmet
    if unmet:
        assert "KB5000822" in flagged["gmsa-containerd-network-shares"]
