import pytest

from kb.errors import InvalidVersion, UnknownVersion
from kb.versions import (
    KubernetesMinor,
    WindowsIndex,
    build_revision,
    is_version_number,
    looks_like_kubernetes,
    looks_like_windows,
    parse_kubernetes,
    parse_runtime,
    resolve_kubernetes,
    tokenize,
)

KNOWN = [KubernetesMinor(1, m) for m in range(5, 37)]


@pytest.mark.parametrize(
    "text,minor",
    [
        ("1.22", (1, 22)),
        ("v1.22", (1, 22)),
        ("1.22.3", (1, 22)),
        ("v1.22.3", (1, 22)),
        ("1.22.0-rc.1", (1, 22)),
        ("v1.22.0-alpha.2", (1, 22)),
        ("1.22.3+k3s1", (1, 22)),
        (" 1.9 ", (1, 9)),
    ],
)
def test_kubernetes_forms_mean_the_minor(text, minor):
    assert parse_kubernetes(text) == KubernetesMinor(*minor)


@pytest.mark.parametrize("text", ["", "1", "one.two", "1.22.y", "v", "1..2", "1.22;drop table", "２.３"])
def test_malformed_kubernetes_versions_list_accepted_forms(text):
    with pytest.raises(InvalidVersion) as error:
        parse_kubernetes(text)
    assert "1.22.0-rc.1" in error.value.accepted_forms


def test_minors_compare_numerically():
    assert parse_kubernetes("1.9") < parse_kubernetes("1.10")
    assert sorted([parse_kubernetes(v) for v in ["1.10", "1.9", "1.22", "1.5"]])[0] == KubernetesMinor(1, 5)


def test_latest_is_the_newest_known_minor():
    assert resolve_kubernetes("latest", KNOWN) == KubernetesMinor(1, 36)


@pytest.mark.parametrize("text", ["1.99", "2.0", "1.4"])
def test_versions_outside_the_data_are_unknown_with_nearest_suggestions(text):
    with pytest.raises(UnknownVersion) as error:
        resolve_kubernetes(text, KNOWN)
    assert error.value.suggestions
    assert "1.5 to 1.36" in error.value.message


@pytest.mark.parametrize(
    "text",
    [
        "Windows Server 2019",
        "WS2019",
        "ws 2019",
        "2019",
        "ltsc2019",
        "LTSC 2019",
        "1809",
        "10.0.17763",
        "10.0.17763.737",
        "17763",
        "Windows Server 2019 Datacenter",
    ],
)
def test_windows_forms_resolve_to_ltsc2019(fixture_catalog, text):
    assert fixture_catalog.windows_index.resolve(text) == "ltsc2019"


@pytest.mark.parametrize("text", ["sac1809", "Windows Server, version 1809", "SAC 1809"])
def test_explicit_sac_names_pick_the_sac_release_sharing_a_build(fixture_catalog, text):
    assert fixture_catalog.windows_index.resolve(text) == "sac1809"


@pytest.mark.parametrize("text,release", [("ws22", "ltsc2022"), ("21H2", "ltsc2022"), ("10.0.20348.1", "ltsc2022")])
def test_aliases_and_builds_resolve(fixture_catalog, text, release):
    assert fixture_catalog.windows_index.resolve(text) == release


def test_unknown_build_is_unknown_version(fixture_catalog):
    with pytest.raises(UnknownVersion):
        fixture_catalog.windows_index.resolve("10.0.99999")


def test_unreadable_windows_release_suggests_close_matches(fixture_catalog):
    with pytest.raises(InvalidVersion) as error:
        fixture_catalog.windows_index.resolve("ltsc2021")
    assert "ltsc2022" in error.value.suggestions or "ltsc2019" in error.value.suggestions


def test_windows_index_prefers_ltsc_for_shared_builds():
    class Release:
        def __init__(self, id, name, channel, version, build):
            self.id, self.name, self.channel, self.version, self.build, self.aliases = (
                id,
                name,
                channel,
                version,
                build,
                [],
            )

    index = WindowsIndex.of(
        [
            Release("ltsc2019", "Windows Server 2019", "LTSC", "1809", "10.0.17763"),
            Release("sac1809", "Windows Server, version 1809", "SAC", "1809", "10.0.17763"),
        ]
    )
    assert index.resolve("10.0.17763") == "ltsc2019"
    assert index.resolve("sac1809") == "sac1809"


RUNTIMES = {
    "containerd": "containerd",
    "docker": "docker",
    "dockershim": "docker",
    "dockeree": "docker",
    "cridockerd": "cri-dockerd",
    "mirantiscontainerruntime": "cri-dockerd",
}


@pytest.mark.parametrize(
    "text,name,version",
    [
        ("containerd", "containerd", None),
        ("containerd 1.6.21", "containerd", (1, 6, 21)),
        ("containerd://1.7.13", "containerd", (1, 7, 13)),
        ("containerd://1.7.13-k3s1", "containerd", (1, 7, 13)),
        ("docker://19.3.14", "docker", (19, 3, 14)),
        ("dockershim", "docker", None),
        ("Docker 20.10", "docker", (20, 10)),
        ("cri-dockerd", "cri-dockerd", None),
        ("cri-dockerd 0.3.9", "cri-dockerd", (0, 3, 9)),
        ("Mirantis Container Runtime", "cri-dockerd", None),
        ("Docker EE", "docker", None),
        ("Docker EE 20.10", "docker", (20, 10)),
    ],
)
def test_runtime_forms(text, name, version):
    spec = parse_runtime(text, RUNTIMES)
    assert (spec.name, spec.version) == (name, version)


@pytest.mark.parametrize("text", ["podman", "", "containerd://x.y", "cri-o 1.2"])
def test_unknown_runtimes_are_invalid(text):
    with pytest.raises(InvalidVersion):
        parse_runtime(text, RUNTIMES)


@pytest.mark.parametrize(
    "text,tokens",
    [
        (
            "is hostprocess supported on 1.22 with ws2019?",
            ["is", "hostprocess", "supported", "on", "1.22", "with", "ws2019"],
        ),
        ("containerd://1.7.13 on v1.22.3.", ["containerd://1.7.13", "on", "v1.22.3"]),
        (
            "mcr.microsoft.com/windows/servercore:ltsc2022 on 10.0.17763.737",
            ["mcr.microsoft.com/windows/servercore:ltsc2022", "on", "10.0.17763.737"],
        ),
        ("IPv4/IPv6 dual-stack, 1.22.0-rc.1!", ["IPv4/IPv6", "dual-stack", "1.22.0-rc.1"]),
        ("what's new in 1.26", ["what's", "new", "in", "1.26"]),
        ("", []),
    ],
)
def test_tokenize_keeps_versions_whole(text, tokens):
    assert tokenize(text) == tokens


@pytest.mark.parametrize(
    "token,kubernetes,windows",
    [
        ("1.22", True, False),
        ("v1.22.3", True, False),
        ("1.22.0-rc.1", True, False),
        ("10.0.17763", False, True),
        ("10.0.17763.737", False, True),
        ("17763", False, True),
        ("2019", False, True),
        ("1809", False, True),
        ("23H2", False, True),
        ("ws2019", False, True),
        ("ltsc2022", False, True),
        ("hostprocess", False, False),
        ("2.0", True, False),
    ],
)
def test_version_like_tokens(token, kubernetes, windows):
    assert looks_like_kubernetes(token) is kubernetes
    assert looks_like_windows(token) is windows


@pytest.mark.parametrize(
    "token,expected", [("1.6", True), ("v1.7.13", True), ("19.03", True), ("1", False), ("ws2019", False)]
)
def test_version_numbers(token, expected):
    assert is_version_number(token) is expected


@pytest.mark.parametrize(
    "text,revision",
    [
        ("10.0.17763.1817", 1817),
        ("17763.6893", 6893),
        (" 10.0.20348.2340 ", 2340),
        ("10.0.17763", None),  # a release build names no update
        ("ltsc2019", None),
        ("10.0.17763.x", None),
    ],
)
def test_build_revision_is_the_update_level(text, revision):
    assert build_revision(text) == revision
