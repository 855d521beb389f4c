"""Every validation rule has a broken fixture that proves the build rejects it, naming file, entry and field."""

import pytest

from kb.build import build
from kb.errors import DataInvalid
from kb.load import load_dataset


def problems(data_dir):
    with pytest.raises(DataInvalid) as error:
        load_dataset(data_dir)
    return [str(p) for p in error.value.problems]


def test_the_fixture_data_is_valid(fixture_data):
    dataset = load_dataset(fixture_data)
    assert {f.id for f in dataset.features} == {"hostprocess-containers", "host-network"}


def feature(data, name="hostprocess-containers"):
    return data / "features" / f"{name}.yaml"


def test_unknown_kubernetes_version_in_a_step(fixture_data, edit_yaml):
    edit_yaml(feature(fixture_data), lambda d: d["history"][0].update(since="1.40"))
    assert any(
        "features/hostprocess-containers.yaml: hostprocess-containers: history.0.since" in p and "1.40" in p
        for p in problems(fixture_data)
    )


def test_unknown_windows_release_in_a_requirement(fixture_data, edit_yaml):
    edit_yaml(feature(fixture_data), lambda d: d["history"][1]["requirements"].append({"windows": "ltsc2030"}))
    assert any("history.1.requirements.2.windows" in p and "ltsc2030" in p for p in problems(fixture_data))


def test_unknown_windows_release_in_os_support(fixture_data, edit_yaml):
    edit_yaml(fixture_data / "os-support.yaml", lambda d: d[0]["windows"].append("ws2012"))
    assert any(p.startswith("os-support.yaml: 1.22: windows") and "ws2012" in p for p in problems(fixture_data))


def test_steps_out_of_order(fixture_data, edit_yaml):
    edit_yaml(feature(fixture_data), lambda d: d["history"].reverse())
    assert any("history.1.since" in p and "not after" in p for p in problems(fixture_data))


def test_duplicated_steps(fixture_data, edit_yaml):
    edit_yaml(feature(fixture_data), lambda d: d["history"].append(dict(d["history"][1])))
    assert any("history.2.since" in p and "not after" in p for p in problems(fixture_data))


@pytest.mark.parametrize("where", ["feature", "step"])
def test_missing_sources(fixture_data, edit_yaml, where):
    def drop(d):
        (d if where == "feature" else d["history"][0])["sources"] = []

    edit_yaml(feature(fixture_data), drop)
    field = "sources" if where == "feature" else "history.0.sources"
    assert any(f"hostprocess-containers: {field}:" in p and "at least 1" in p for p in problems(fixture_data))


def test_duplicate_feature_ids(fixture_data, edit_yaml):
    edit_yaml(feature(fixture_data, "host-network"), lambda d: d.update(id="hostprocess-containers"))
    assert any("must match the file name" in p for p in problems(fixture_data))


def test_duplicate_kubernetes_release(fixture_data, edit_yaml):
    edit_yaml(fixture_data / "kubernetes.yaml", lambda d: d.append(dict(d[0])))
    assert any("kubernetes.yaml: 1.21: version: duplicate release" in p for p in problems(fixture_data))


def test_an_alias_may_not_resolve_to_two_features(fixture_data, edit_yaml):
    edit_yaml(feature(fixture_data, "host-network"), lambda d: d["aliases"].append("Host Process"))
    assert any(
        "'hostprocess' would resolve to host-network, hostprocess-containers" in p for p in problems(fixture_data)
    )


def test_dates_out_of_order(fixture_data, edit_yaml):
    edit_yaml(fixture_data / "windows.yaml", lambda d: d[1].update(extended_end="2017-01-01"))
    assert any("windows.yaml: ltsc2019: extended_end" in p and "before" in p for p in problems(fixture_data))


def test_release_dates_follow_version_order(fixture_data, edit_yaml):
    edit_yaml(fixture_data / "kubernetes.yaml", lambda d: d[3].update(released="2020-01-01"))
    assert any("kubernetes.yaml: 1.24: released" in p for p in problems(fixture_data))


@pytest.mark.parametrize("url", ["kubernetes.io/docs", "ftp://example.org/x", "https://", "https://exa mple.org"])
def test_malformed_urls(fixture_data, edit_yaml, url):
    edit_yaml(feature(fixture_data), lambda d: d.update(sources=[url]))
    assert any("hostprocess-containers: sources.0.url" in p and "URL" in p for p in problems(fixture_data))


def test_unknown_keys_are_errors(fixture_data, edit_yaml):
    edit_yaml(feature(fixture_data), lambda d: d.update(colour="blue"))
    assert any("hostprocess-containers: colour: Extra inputs are not permitted" in p for p in problems(fixture_data))


def test_status_outside_the_closed_set(fixture_data, edit_yaml):
    edit_yaml(feature(fixture_data), lambda d: d["history"][0].update(status="supported"))
    assert any("history.0.status" in p for p in problems(fixture_data))


def test_unknown_category_and_related(fixture_data, edit_yaml):
    edit_yaml(feature(fixture_data, "host-network"), lambda d: d.update(category="gpu", related=["nope"]))
    found = problems(fixture_data)
    assert any("host-network: category: unknown category gpu" in p for p in found)
    assert any("host-network: related: unknown feature nope" in p for p in found)


def test_what_to_do_instead_names_known_features(fixture_data, edit_yaml):
    instead = {"text": "Use HostProcess containers.", "features": ["hostprocess-containers", "nope"]}
    edit_yaml(feature(fixture_data, "host-network"), lambda d: d.update(instead=instead))
    found = problems(fixture_data)
    assert any("host-network: instead.features.1: unknown feature nope" in p for p in found)
    assert not any("instead.features.0" in p for p in found)


def test_newer_image_never_runs_on_an_older_host(fixture_data, edit_yaml):
    edit_yaml(
        fixture_data / "image-compatibility.yaml",
        lambda d: d["rules"].append(
            {
                "host": "ltsc2019",
                "image": "ltsc2022",
                "process": True,
                "hyperv": False,
                "sources": ["https://learn.microsoft.com/x"],
            }
        ),
    )
    assert any("ltsc2019 x ltsc2022: process" in p for p in problems(fixture_data))


def test_yaml_syntax_error_names_the_file(fixture_data):
    feature(fixture_data).write_text("id: [unclosed\n")
    assert any(p.startswith("features/hostprocess-containers.yaml: line") for p in problems(fixture_data))


def test_missing_file(fixture_data):
    (fixture_data / "runtimes.yaml").unlink()
    assert "runtimes.yaml: -: -: file is missing" in problems(fixture_data)


def test_a_failed_build_writes_nothing(fixture_data, edit_yaml, tmp_path):
    target = tmp_path / "out" / "kb.db"
    edit_yaml(feature(fixture_data), lambda d: d.update(sources=[]))
    with pytest.raises(DataInvalid):
        build(fixture_data, target)
    assert not target.exists()
    assert not any(target.parent.glob("*.db")) if target.parent.exists() else True


def test_a_failed_build_keeps_the_previous_database(fixture_data, edit_yaml, tmp_path):
    target = tmp_path / "kb.db"
    build(fixture_data, target)
    before = target.read_bytes()
    edit_yaml(feature(fixture_data), lambda d: d.update(sources=[]))
    with pytest.raises(DataInvalid):
        build(fixture_data, target)
    assert target.read_bytes() == before


def test_unknown_version_on_a_pod_field(fixture_data, edit_yaml):
    edit_yaml(
        feature(fixture_data, "host-network"),
        lambda d: d.update(fields=[{"path": "spec.hostNetwork", "on_windows": "ignored", "since": "1.40"}]),
    )
    assert any("host-network: fields.0.since" in p and "1.40" in p for p in problems(fixture_data))


def test_an_update_build_must_belong_to_its_release(fixture_data, edit_yaml):
    update = {"windows": "ltsc2022", "windows_build": "10.0.17763.1817"}
    edit_yaml(feature(fixture_data), lambda d: d["history"][1]["requirements"].append(update))
    assert any(
        "history.1.requirements.2.windows_build" in p and "not an update of ltsc2022 (10.0.20348)" in p
        for p in problems(fixture_data)
    )


@pytest.mark.parametrize(
    "requirement,message",
    [
        ({"windows_build": "10.0.17763.1817"}, "windows_build needs windows"),
        ({"windows": "ltsc2019", "windows_update": "KB5000822"}, "windows_update needs both"),
        ({"windows": "ltsc2019", "windows_build": "10.0.17763"}, "should match pattern"),
        ({"windows": "ltsc2019", "windows_build": "10.0.17763.1817", "windows_update": "5000822"}, "should match"),
    ],
)
def test_malformed_update_requirements(fixture_data, edit_yaml, requirement, message):
    edit_yaml(feature(fixture_data), lambda d: d["history"][1]["requirements"].append(requirement))
    assert any("history.1.requirements.2" in p and message in p for p in problems(fixture_data))


@pytest.mark.parametrize("aliases", [["hostprocess", "hostprocess"], ["hostprocess", "HostProcess"]])
def test_an_alias_given_twice_in_one_entry_names_file_and_line(fixture_data, aliases):
    path = feature(fixture_data)
    text = path.read_text()
    path.write_text(text.replace("aliases: [hostprocess, host process containers]", f"aliases: [{', '.join(aliases)}]"))
    line = text.splitlines().index("aliases: [hostprocess, host process containers]") + 1
    found = [p for p in problems(fixture_data) if p.startswith("features/hostprocess-containers.yaml")]
    assert found and f"the alias {aliases[1]!r}" in found[0] and found[0].endswith(f"(line {line})")


def test_two_runtimes_answering_to_one_alias_are_refused(fixture_data, edit_yaml):
    edit_yaml(fixture_data / "runtimes.yaml", lambda runtimes: runtimes[1].update(aliases=["DockerShim"]))
    assert any(p.startswith("runtimes.yaml: containerd: aliases") and "docker" in p for p in problems(fixture_data))


def test_a_key_given_twice_names_file_and_both_lines(fixture_data):
    path = feature(fixture_data)
    lines = path.read_text().splitlines()
    category = next(i for i, text in enumerate(lines) if text.startswith("category:"))
    path.write_text("\n".join([*lines[: category + 1], "category: networking", *lines[category + 1 :]]) + "\n")
    found = problems(fixture_data)
    assert found == [
        f"features/hostprocess-containers.yaml: line {category + 2}: category: the key 'category' is given twice "
        f"(first at line {category + 1}); keep one"
    ]


def test_a_byte_that_is_not_utf8_names_file_and_line(fixture_data):
    path = feature(fixture_data)
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3] + b" caf\xe9"
    path.write_bytes(b"\n".join(lines))
    found = problems(fixture_data)
    assert len(found) == 1 and found[0].startswith("features/hostprocess-containers.yaml: line 4: -: not UTF-8")
    assert "0xe9" in found[0]


FORK = "https://github.com/marosset/website/blob/b6b9de20e4108a6cc8884126fe1d33e2c5996add/content/en/docs/concepts/windows/intro.md"
BLOG = "https://medium.com/some-blog/windows-containers-on-kubernetes"
BLOB_MASTER = "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.24.md"
TREE_MASTER = (
    "https://github.com/kubernetes/enhancements/tree/master/keps/sig-windows/1981-windows-privileged-container-support"
)
TAG = "https://github.com/kubernetes/api/blob/v0.23.0/core/v1/types.go"
BRANCH = "https://github.com/kubernetes/website/blob/release-1.26/content/en/docs/concepts/windows/intro.md"


PLACES = {
    "step": (
        feature,
        lambda d, url: d["history"][0].update(sources=[url]),
        "features/hostprocess-containers.yaml: hostprocess-containers: history.0.sources.0.url",
    ),
    "disagreement": (
        lambda data: feature(data, "host-network"),
        lambda d, url: d.update(disagreements=[{"about": "a", "other_value": "b", "chosen": "c", "sources": [url]}]),
        "features/host-network.yaml: host-network: disagreements.0.sources.0.url",
    ),
    "os-support": (
        lambda data: data / "os-support.yaml",
        lambda d, url: d[1]["sources"].append(url),
        "os-support.yaml: 1.23: sources.1.url",
    ),
    "runtime": (
        lambda data: data / "runtimes.yaml",
        lambda d, url: d[0]["history"][1].update(sources=[url]),
        "runtimes.yaml: docker: history.1.sources.0.url",
    ),
    "kubernetes": (
        lambda data: data / "kubernetes.yaml",
        lambda d, url: d[0].update(sources=[url]),
        "kubernetes.yaml: 1.21: sources.0.url",
    ),
    "windows": (
        lambda data: data / "windows.yaml",
        lambda d, url: d[1].update(sources=[url]),
        "windows.yaml: ltsc2019: sources.0.url",
    ),
    "image": (
        lambda data: data / "image-compatibility.yaml",
        lambda d, url: d["rules"][0].update(sources=[url]),
        "image-compatibility.yaml: ltsc2022 x ltsc2019: sources.0.url",
    ),
    "isolation": (
        lambda data: data / "image-compatibility.yaml",
        lambda d, url: d["isolation"][1].update(sources=[url]),
        "image-compatibility.yaml: hyperv isolation: sources.0.url",
    ),
}
"""Where a source can sit in each kind of file: the file, how to cite ``url`` there, and the
'file: entry: field' the build's problem must name."""


@pytest.mark.parametrize(
    "url,why",
    [
        (FORK, "marosset/website is not an official repository"),
        (BLOG, "medium.com is not an official publisher"),
        (BLOB_MASTER, "must name a 40-hex commit, not 'master'"),
        (TREE_MASTER, "must name a 40-hex commit, not 'master'"),
        (TAG, "must name a 40-hex commit, not 'v0.23.0'"),
        (BRANCH, "must name a 40-hex commit, not 'release-1.26'"),
    ],
)
@pytest.mark.parametrize("where", PLACES)
def test_the_build_refuses_a_source_that_is_not_official_or_not_pinned(fixture_data, edit_yaml, url, why, where):
    path_of, cite, names = PLACES[where]
    edit_yaml(path_of(fixture_data), lambda d: cite(d, url))
    found = [p for p in problems(fixture_data) if p.startswith(names)]
    assert len(found) == 1, found
    assert found[0].startswith(f"{names}: {url}: ") and why in found[0]
