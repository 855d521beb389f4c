"""The data lint: the real data/ passes every rule, and the seed features are all there."""

import pytest

from kb import query
from kb.errors import DataInvalid
from kb.load import load_dataset
from tests.conftest import REAL_DATA

SEED_FEATURES = [
    "hostprocess-containers",
    "gmsa",
    "run-as-username",
    "privileged-containers",
    "hugepages",
    "host-network",
    "ipv4-ipv6-dual-stack",
    "containerd-on-windows",
    "docker-ee-dockershim",
    "csi-proxy",
    "read-only-root-filesystem",
    "pod-os-field",
]


def test_real_data_passes_every_rule():
    dataset = load_dataset(REAL_DATA)
    assert len(dataset.features) >= 12


def _refused_sources() -> list[str]:
    """Every source of the real data the build refuses (unofficial, unpinned or malformed)."""
    try:
        load_dataset(REAL_DATA)
    except DataInvalid as error:
        return [str(p) for p in error.problems if p.field.endswith(".url")]
    return []


def test_every_source_of_the_real_data_is_official_and_pinned():
    refused = _refused_sources()
    assert refused == [], f"{len(refused)} source(s) refused:\n" + "\n".join(refused)


def test_every_kubernetes_minor_from_1_5_is_present(real_catalog):
    minors = [str(m) for m in real_catalog.minors]
    assert minors[0] == "1.5"
    assert [m.minor for m in real_catalog.minors] == list(range(5, real_catalog.newest.minor + 1))


@pytest.mark.parametrize("feature", SEED_FEATURES)
def test_seed_features_exist(real_catalog, feature):
    assert feature in real_catalog.features


def test_every_category_has_features(real_catalog):
    used = {f.category for f in real_catalog.features.values()}
    assert used == set(real_catalog.categories)


@pytest.mark.parametrize(
    "feature,kubernetes,status",
    [
        ("hostprocess-containers", "1.22", "alpha"),
        ("hostprocess-containers", "1.26", "stable"),
        ("hostprocess-containers", "1.21", "not-supported"),
    ],
)
def test_headline_answers(real_catalog, feature, kubernetes, status):
    assert query.support(real_catalog, feature, kubernetes).status == status


@pytest.mark.parametrize(
    ("feature", "runtime"), [("docker-ee-dockershim", "docker"), ("containerd-on-windows", "containerd")]
)
def test_a_runtime_held_twice_asks_the_same_version_on_every_minor(real_catalog, feature, runtime):
    """A runtime is also a feature entry (see tests/ask_corpus/README.md): both must ask for the same version."""
    from kb.history import step_at

    def versions(history, minor):
        step = step_at(history, minor)
        return sorted(r.runtime_version for r in (step.requirements if step else []) if r.runtime_version)

    entry, listed = real_catalog.features[feature].history, real_catalog.runtimes[runtime].history
    for minor in real_catalog.minors:
        if step_at(entry, minor) is not None:  # the entry may start later (Docker EE from 1.14)
            assert versions(entry, minor) == versions(listed, minor), (str(minor), feature)
