import pytest

from kb import query, search
from kb.errors import InvalidInput, InvalidVersion, UnknownFeature, UnknownVersion
from kb.render import any_line


@pytest.mark.parametrize(
    "kubernetes,status,supported,since",
    [
        ("1.21", "not-supported", False, None),
        ("1.22", "alpha", True, "1.22"),
        ("v1.23.4", "beta", True, "1.23"),
        ("latest", "beta", True, "1.23"),
    ],
)
def test_status_follows_the_history(fixture_catalog, kubernetes, status, supported, since):
    answer = query.support(fixture_catalog, "hostprocess", kubernetes)
    assert (answer.status, answer.supported, answer.since) == (status, supported, since)


def test_the_answer_carries_gate_default_and_sources(fixture_catalog):
    answer = query.support(fixture_catalog, "Host Process Containers", "1.22")
    assert answer.feature.id == "hostprocess-containers"
    assert answer.feature_gate == "WindowsHostProcessContainers"
    assert answer.enabled_by_default is False
    assert answer.sources and all(s.startswith("https://") for s in answer.sources)
    assert answer.dataset.version == fixture_catalog.meta.dataset_version


def test_before_the_first_record_is_not_supported_and_says_so(fixture_catalog):
    answer = query.support(fixture_catalog, "hostprocess", "1.21")
    assert answer.status == "not-supported" and not answer.supported
    assert "before Kubernetes 1.22" in answer.notes[0]
    assert answer.sources


def test_requirements_are_unknown_without_windows_or_runtime(fixture_catalog):
    answer = query.support(fixture_catalog, "hostprocess", "1.23")
    assert [(r.text, r.met) for r in answer.requirements] == [
        ("containerd 1.6 or newer", None),
        ("Windows Server 2022 or newer", None),
    ]
    assert answer.supported


def test_a_windows_release_that_fails_a_requirement_makes_it_unsupported(fixture_catalog):
    answer = query.support(fixture_catalog, "hostprocess", "1.23", windows="ws2019")
    assert answer.status == "beta" and not answer.supported
    assert answer.windows.id == "ltsc2019" and answer.windows.build == "10.0.17763"
    assert any("Requires Windows Server 2022 or newer" in n for n in answer.notes)


def test_a_windows_release_not_supported_on_that_kubernetes_is_unsupported(fixture_catalog):
    answer = query.support(fixture_catalog, "hostprocess", "1.22", windows="ltsc2022")
    assert not answer.supported
    assert any("not a supported node OS on Kubernetes 1.22" in n for n in answer.notes)


@pytest.mark.parametrize(
    "runtime,met,supported",
    [
        ("containerd://1.7.13", True, True),
        ("containerd 1.5.0", False, False),
        ("containerd", None, True),
        ("docker://19.3.14", False, False),
    ],
)
def test_runtime_requirements_are_evaluated(fixture_catalog, runtime, met, supported):
    answer = query.support(fixture_catalog, "hostprocess", "1.23", windows="ltsc2022", runtime=runtime)
    containerd = next(r for r in answer.requirements if r.text == "containerd 1.6 or newer")
    assert containerd.met is met
    assert answer.supported is supported


def test_a_removed_runtime_rules_the_answer_out(fixture_catalog):
    answer = query.support(fixture_catalog, "host-network", "1.24", runtime="docker")
    assert any(r.met is False and "Docker (dockershim)" in (r.have or "") for r in answer.requirements)
    assert any("removed" in n for n in answer.notes)


def test_not_supported_carries_its_reason(fixture_catalog):
    answer = query.support(fixture_catalog, "hostNetwork", "1.23")
    assert (answer.status, answer.reason, answer.supported) == ("not-supported", "not-implemented", False)


def test_unknown_feature_suggests_close_names(fixture_catalog):
    with pytest.raises(UnknownFeature) as error:
        query.support(fixture_catalog, "hostproces", "1.23")
    assert "hostprocess-containers" in error.value.suggestions


@pytest.mark.parametrize("version,error", [("1.99", UnknownVersion), ("2.0", UnknownVersion), ("one", InvalidVersion)])
def test_versions_outside_the_data_are_errors_never_answers(fixture_catalog, version, error):
    with pytest.raises(error):
        query.support(fixture_catalog, "hostprocess", version)


def test_empty_feature_is_invalid_input(fixture_catalog):
    with pytest.raises(InvalidInput):
        query.support(fixture_catalog, "  ", "1.23")


def test_feature_detail_has_history_and_a_timeline_over_every_minor(fixture_catalog):
    detail = query.feature_detail(fixture_catalog, "hostprocess")
    assert [s.since for s in detail.history] == ["1.22", "1.23"]
    assert [t.kubernetes for t in detail.timeline] == ["1.9", "1.10", "1.21", "1.22", "1.23", "1.24"]
    assert [t.status for t in detail.timeline][-3:] == ["alpha", "beta", "beta"]


def test_list_features_filters(fixture_catalog):
    assert [f.id for f in query.list_features(fixture_catalog, category="networking")] == ["host-network"]
    assert [f.id for f in query.list_features(fixture_catalog, status="alpha", kubernetes="1.22")] == [
        "hostprocess-containers"
    ]
    with pytest.raises(InvalidInput):
        query.list_features(fixture_catalog, category="gpu")


def test_search_ranks_exact_alias_first(fixture_catalog):
    assert next(hit.id for hit in search.search_features(fixture_catalog, "hostnetwork")) == "host-network"
    assert search.search_features(fixture_catalog, "") == []


def test_a_gate_shared_by_two_features_is_not_guessed(fixture_catalog):
    from dataclasses import replace

    hostprocess = fixture_catalog.features["hostprocess-containers"]
    network = fixture_catalog.features["host-network"].model_copy(update={"feature_gates": hostprocess.feature_gates})
    catalog = replace(fixture_catalog, features={**fixture_catalog.features, "host-network": network})
    with pytest.raises(UnknownFeature) as error:
        query.resolve_feature(catalog, "WindowsHostProcessContainers")
    assert set(error.value.suggestions) == {"hostprocess-containers", "host-network"}
    assert query.resolve_feature(fixture_catalog, "windowshostprocesscontainers").id == "hostprocess-containers"


@pytest.fixture
def update_catalog(fixture_data, edit_yaml, tmp_path):
    """The fixture data with HostProcess 1.23 needing an update of Windows Server 2019, not WS2022."""
    from kb.build import build
    from kb.catalog import load_catalog

    update = {"windows": "ltsc2019", "windows_build": "10.0.17763.1817", "windows_update": "KB5000822"}
    edit_yaml(
        fixture_data / "features" / "hostprocess-containers.yaml",
        lambda d: d["history"][1].update(requirements=[update]),
    )
    build(fixture_data, tmp_path / "kb.db")
    return load_catalog(tmp_path / "kb.db")


NEEDS_UPDATE = "Windows Server 2019 at OS build 10.0.17763.1817 (KB5000822) or later, or a newer release"


@pytest.mark.parametrize(
    "windows,met,supported",
    [
        ("10.0.17763.1817", True, True),  # the update itself
        ("17763.6893", True, True),  # a later update, without the 10.0 prefix
        ("10.0.17763.1697", False, False),  # the month before
        ("ltsc2022", True, True),  # a newer release has the fix
        ("10.0.20348", True, True),
        ("ltsc2019", None, True),  # which update the node has is unknown: never assumed
        ("10.0.17763", None, True),
        ("sac1809", None, False),  # the same build as WS2019, but not a node OS the fixture supports on 1.23
    ],
)
def test_an_update_requirement_needs_the_full_build_to_decide(update_catalog, windows, met, supported):
    answer = query.support(update_catalog, "hostprocess", "1.23", windows=windows)
    requirement = next(r for r in answer.requirements if r.text == NEEDS_UPDATE)
    assert requirement.met is met
    assert answer.supported is supported


def test_an_unknown_update_level_says_how_to_find_it(update_catalog):
    answer = query.support(update_catalog, "hostprocess", "1.23", windows="ltsc2019")
    assert any("KB5000822" in n and "kernelVersion" in n and "10.0.17763.1817" in n for n in answer.notes)


def test_a_missing_update_names_the_node_build(update_catalog):
    answer = query.support(update_catalog, "hostprocess", "1.23", windows="10.0.17763.1697")
    assert f"Requires {NEEDS_UPDATE}: Windows Server 2019 at 10.0.17763.1697 does not meet it." in answer.notes


@pytest.mark.parametrize(
    "windows,runtime,required,has",
    [
        ("ws2016", "containerd://1.7.13", "a Windows node OS supported on Kubernetes 1.26", "Windows Server 2016"),
        ("ltsc2022", "containerd://1.5.13", "containerd 1.6", "containerd 1.5.13"),
    ],
)
def test_a_failed_requirement_says_what_was_required_and_what_the_node_has(
    real_catalog, windows, runtime, required, has
):
    answer = query.support(real_catalog, "hostprocess", "1.26", windows, runtime)
    failed = [r for r in answer.requirements if r.met is False]
    assert failed and all(r.have for r in failed)
    assert any(r.text.startswith(required) and r.have == has for r in failed)
    line = any_line(answer)
    assert f"(has {has})" in line and f"{has} is a supported" not in line


def test_since_is_where_the_current_status_began_and_ga_first_usable_are_named(real_catalog):
    answer = query.support(real_catalog, "gmsa", str(real_catalog.newest_released))
    stable_run = [s for s in real_catalog.features["gmsa"].history if s.status == "stable"]
    assert (answer.since, answer.ga) == (stable_run[0].since, stable_run[0].since)
    assert answer.first_usable == real_catalog.features["gmsa"].history[0].since


def test_search_ranks_what_the_text_names_and_cuts_what_it_does_not(real_catalog):
    hits = [hit.id for hit in search.search_features(real_catalog, "hostprocess")]
    assert hits[0] == "hostprocess-containers"
    assert "flexvolume-windows" not in hits
    assert len(hits) <= 3
    assert search.search_features(real_catalog, "flurbo") == []
