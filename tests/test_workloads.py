"""Which pod templates count as Windows pods."""

import pytest

from kb.checks.documents import read_json_value
from kb.checks.workloads import targets_windows, workloads


def pod(spec):
    return workloads(read_json_value({"kind": "Pod", "metadata": {"name": "p"}, "spec": spec}))[0][0]


def affinity(operator, values):
    term = {"matchExpressions": [{"key": "kubernetes.io/os", "operator": operator, "values": values}]}
    return {
        "affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [term]}}}
    }


@pytest.mark.parametrize(
    "spec,why",
    [
        ({"os": {"name": "windows"}}, "spec.os.name: windows"),
        ({"nodeSelector": {"kubernetes.io/os": "windows"}}, "node selector or affinity on kubernetes.io/os: windows"),
        (
            {"nodeSelector": {"beta.kubernetes.io/os": "windows"}},
            "node selector or affinity on kubernetes.io/os: windows",
        ),
        (affinity("In", ["windows"]), "node selector or affinity on kubernetes.io/os: windows"),
        (affinity("In", ["linux", "windows"]), "node selector or affinity on kubernetes.io/os: windows"),
        (affinity("NotIn", ["linux"]), "node selector or affinity on kubernetes.io/os: windows"),
        (affinity("NotIn", ["windows"]), None),
        (affinity("In", ["linux"]), None),
        ({"nodeSelector": {"kubernetes.io/os": "linux"}}, None),
        ({}, None),
    ],
)
def test_targets_windows(spec, why):
    assert targets_windows(pod({"containers": [], **spec})) == why


def test_forcing_windows():
    assert targets_windows(pod({"containers": []}), "windows") == "--os windows"
