"""Upgrade plans over the fixture dataset: blockers for the given Windows release and runtime."""

import pytest

from kb.errors import InvalidInput, UnknownVersion
from kb.render import upgrade_line
from kb.upgrade import plan


def actions(result, severity=None):
    return [(a.kubernetes, a.kind) for s in result.steps for a in s.actions if severity in (None, a.severity)]


def test_steps_cover_every_minor_after_from(checks_catalog):
    result = plan(checks_catalog, "1.23", "1.27")
    assert [s.kubernetes for s in result.steps] == ["1.24", "1.25", "1.26", "1.27"]
    assert result.model_dump(by_alias=True)["from"] == "1.23"


def test_docker_removal_blocks_docker_nodes_only(checks_catalog):
    docker = plan(checks_catalog, "1.23", "1.27", "ws2019", "docker://20.10.9")
    assert actions(docker, "error") == [("1.24", "runtime-changed")]
    assert [s.runtime_supported for s in docker.steps] == [False, False, False, False]
    blocker = docker.steps[0].actions[0]
    assert blocker.action == "Move Windows nodes off Docker (dockershim) before upgrading to 1.24."
    assert blocker.sources
    containerd = plan(checks_catalog, "1.23", "1.27", "ws2019", "containerd://1.7.13")
    assert actions(containerd, "error") == [] and containerd.ok
    unknown = plan(checks_catalog, "1.23", "1.27")
    assert ("1.24", "runtime-changed") in actions(unknown, "warning")


def test_runtime_minimum_is_a_blocker_once(checks_catalog):
    result = plan(checks_catalog, "1.24", "1.28", runtime="containerd 1.5.18")
    assert actions(result, "error") == [("1.26", "runtime-too-old")]
    assert (
        result.steps[1].actions[0].action
        == "Upgrade the runtime to containerd 1.6.0 or newer before upgrading to 1.26."
    )


@pytest.mark.parametrize(
    "windows,expected",
    [
        ("ltsc2019", [("1.31", "windows-dropped")]),
        ("ws2022", []),
    ],
)
def test_windows_dropped_blocks_that_release(checks_catalog, windows, expected):
    result = plan(checks_catalog, "1.29", "1.33", windows)
    assert actions(result, "error") == expected
    supported = [s.windows_supported for s in result.steps]
    assert supported == ([True, False, False, False] if expected else [True, True, True, True])


def test_windows_not_yet_supported_is_flagged_at_the_first_step(checks_catalog):
    result = plan(checks_catalog, "1.22", "1.26", "23H2")
    assert actions(result, "error") == [("1.23", "windows-not-supported")]
    assert ("1.25", "windows-added") in actions(result, "info")


def test_features_graduating_and_limitations(checks_catalog):
    result = plan(checks_catalog, "1.22", "1.34")
    kinds = actions(result)
    assert ("1.23", "feature-graduated") in kinds  # HostProcess alpha -> beta
    assert ("1.26", "limitation-lifted") in kinds  # hostNetwork alpha
    assert ("1.33", "feature-removed") in kinds and ("1.33", "feature-removed") in actions(result, "warning")


@pytest.mark.parametrize(
    "start,end,error",
    [
        ("1.27", "1.23", InvalidInput),
        ("1.25", "1.25", InvalidInput),
        ("1.23", "1.99", UnknownVersion),
        ("x", "1.25", InvalidInput),
    ],
)
def test_refuses_downgrades_and_unknown_versions(checks_catalog, start, end, error):
    with pytest.raises(error):
        plan(checks_catalog, start, end)


def test_one_line_summary_names_the_first_blocker(checks_catalog):
    line = upgrade_line(plan(checks_catalog, "1.23", "1.27", "ws2019", "docker"))
    assert line.startswith("Upgrade 1.23 -> 1.27 for Windows Server 2019, docker: 1 blocker, ")
    assert "first: 1.24 Docker (dockershim): deprecated -> removed." in line
    assert line.endswith("Source: https://kubernetes.io/docs/setup/production-environment/container-runtimes/")


@pytest.mark.parametrize(
    "runtime,action",
    [
        ("containerd 1.5.18", "To use it on these nodes: needs containerd 1.6 or newer."),
        ("containerd 1.7.13", None),
        (None, None),
    ],
)
def test_graduating_features_say_what_the_nodes_lack(checks_catalog, runtime, action):
    result = plan(checks_catalog, "1.22", "1.23", "ltsc2022", runtime)
    hostprocess = next(a for a in result.steps[0].actions if a.subject and a.subject.id == "hostprocess-containers")
    assert hostprocess.action == action


@pytest.mark.parametrize(
    ("windows", "flagged"), [("10.0.17763.1000", True), ("10.0.17763.1817", False), ("ltsc2019", False)]
)
def test_a_full_windows_build_settles_update_requirements_in_the_plan(real_catalog, windows, flagged):
    """Only a build known to lack the update is flagged; a bare release is not assumed to lack it."""
    result = plan(real_catalog, "1.21", "1.22", windows=windows, runtime="containerd://1.6.8")
    action = next(
        a for s in result.steps for a in s.actions if a.subject and a.subject.id == "gmsa-containerd-network-shares"
    )
    assert (action.action is not None and "KB5000822" in action.action) is flagged
