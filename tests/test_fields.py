"""Field paths from the data, matched against pod objects."""

import pytest

from kb.checks.fields import FieldPath, find_field
from kb.errors import InvalidInput

POD = {
    "metadata": {"name": "p"},
    "spec": {
        "hostNetwork": False,
        "hostPID": True,
        "subdomain": "",
        "dnsPolicy": "ClusterFirstWithHostNet",
        "securityContext": {"runAsUser": 0},
        "containers": [
            {"name": "a", "securityContext": {"privileged": False}, "resources": {"limits": {"hugepages-2Mi": "1Gi"}}},
            {"name": "b", "securityContext": {"privileged": True, "capabilities": {}}},
        ],
        "initContainers": [{"name": "i", "securityContext": {"runAsUser": 5}}],
        "ephemeralContainers": [{"name": "e", "securityContext": {"runAsUser": 6}}],
        "volumes": [{"name": "x", "emptyDir": {}}, {"name": "y", "emptyDir": {"medium": "Memory"}}],
    },
}


@pytest.mark.parametrize(
    "path,found",
    [
        ("spec.hostPID", ["spec.hostPID"]),
        ("spec.hostNetwork", []),  # false is not set
        ("spec.subdomain", []),  # nor is the empty string
        ("spec.securityContext.runAsUser", ["spec.securityContext.runAsUser"]),  # 0 is set
        (
            "spec.containers[*].securityContext.runAsUser",
            [
                "spec.initContainers[0].securityContext.runAsUser",
                "spec.ephemeralContainers[0].securityContext.runAsUser",
            ],
        ),
        ("spec.containers[*].securityContext.privileged", ["spec.containers[1].securityContext.privileged"]),
        ("spec.containers[*].securityContext.capabilities", ["spec.containers[1].securityContext.capabilities"]),
        ("spec.containers[*].resources.limits.hugepages-*", ["spec.containers[0].resources.limits.hugepages-2Mi"]),
        ("spec.dnsPolicy=ClusterFirstWithHostNet", ["spec.dnsPolicy"]),
        ("spec.dnsPolicy=ClusterFirst", []),
        ("spec.hostNetwork=false", ["spec.hostNetwork"]),  # a value path matches false too
        ("spec.hostPID=true", ["spec.hostPID"]),
        ("spec.volumes[*].emptyDir.medium=Memory", ["spec.volumes[1].emptyDir.medium"]),
        ("spec.volumes.emptyDir.medium", ["spec.volumes[1].emptyDir.medium"]),  # a missing [*] still reads lists
        ("spec.containers[*].securityContext.seLinuxOptions", []),
    ],
)
def test_find_field(path, found):
    assert [m.render() for m in find_field(POD, FieldPath.parse(path))] == found


def test_prefix_places_the_pod_template_in_its_document():
    matches = find_field(POD, FieldPath.parse("spec.hostPID"), ("spec", "jobTemplate", "spec", "template"))
    assert [m.render() for m in matches] == ["spec.jobTemplate.spec.template.spec.hostPID"]


@pytest.mark.parametrize("path", ["spec..hostPID", "spec.containers[0].image", "spec.a b"])
def test_malformed_paths_are_refused(path):
    with pytest.raises(InvalidInput):
        FieldPath.parse(path)


def test_every_field_path_in_the_data_parses(real_catalog):
    for feature in real_catalog.features.values():
        for field in feature.fields:
            assert FieldPath.parse(field.path).segments, f"{feature.id}: {field.path}"
