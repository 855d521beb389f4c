import pytest

from kb.diff import diff
from kb.errors import InvalidInput, UnknownVersion


def kinds(result):
    return [(c.kubernetes, c.kind, c.subject.id) for c in result.changes]


def test_diff_lists_changes_after_from_up_to_to_in_order(fixture_catalog):
    result = diff(fixture_catalog, "1.21", "1.24")
    assert (result.from_, result.to) == ("1.21", "1.24")
    assert kinds(result) == [
        ("1.22", "feature-added", "hostprocess-containers"),
        ("1.23", "windows-added", "ltsc2022"),
        ("1.23", "feature-graduated", "hostprocess-containers"),
        ("1.24", "runtime-changed", "docker"),
    ]
    versions = [c.kubernetes for c in result.changes]
    assert versions == sorted(versions, key=lambda v: int(v.split(".")[1]))


def test_every_change_has_a_source(fixture_catalog):
    assert all(c.sources for c in diff(fixture_catalog, "1.9", "1.24").changes)


def test_removed_runtime_says_what_to_do(fixture_catalog):
    docker = next(c for c in diff(fixture_catalog, "1.23", "1.24").changes if c.subject.id == "docker")
    assert (docker.from_status, docker.to_status) == ("beta", "removed")
    assert docker.action and "Docker" in docker.action


def test_alpha_feature_added_tells_to_turn_on_its_gate(fixture_catalog):
    added = diff(fixture_catalog, "1.21", "1.22").changes[0]
    assert "WindowsHostProcessContainers" in added.action


def test_same_version_is_empty(fixture_catalog):
    assert diff(fixture_catalog, "1.22", "v1.22.5").changes == []


def test_reversed_range_is_refused(fixture_catalog):
    with pytest.raises(InvalidInput):
        diff(fixture_catalog, "1.24", "1.21")


def test_unknown_version_is_refused(fixture_catalog):
    with pytest.raises(UnknownVersion):
        diff(fixture_catalog, "1.21", "1.40")


def test_node_stage_change_is_reported(fixture_catalog):
    result = diff(fixture_catalog, "1.10", "1.21")
    assert ("1.21", "node-stage-changed", "1.21") in kinds(result)
