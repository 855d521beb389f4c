import pytest

from kb.compat import VERSION_COMPATIBILITY, image_compat, images_for_host
from kb.errors import InvalidInput
from kb.provenance import source_problem


@pytest.mark.parametrize(
    "host,image,supported,process,hyperv",
    [
        ("ltsc2022", "ltsc2022", True, True, True),
        ("ws2022", "mcr.microsoft.com/windows/servercore:ltsc2019", False, False, True),
        ("10.0.20348.1", "10.0.17763.5696", False, False, True),
        ("ltsc2019", "ltsc2022", False, False, False),
        ("ltsc2019", "mcr.microsoft.com/windows/servercore:1809", True, True, True),
        ("sac1809", "ltsc2019", True, True, True),
    ],
)
def test_image_compat(fixture_catalog, host, image, supported, process, hyperv):
    answer = image_compat(fixture_catalog, host, image)
    assert (answer.supported, answer.process, answer.hyperv) == (supported, process, hyperv)
    assert answer.kubernetes_isolation == ["process"]
    assert answer.sources
    assert (answer.fix is None) is supported


def test_hyperv_isolation_is_never_supported_by_kubernetes(fixture_catalog):
    answer = image_compat(fixture_catalog, "ltsc2022", "ltsc2019", isolation="hyperv")
    assert answer.hyperv is True and answer.supported is False
    assert "does not support hyperv" in answer.reason


def test_unknown_isolation_is_invalid(fixture_catalog):
    with pytest.raises(InvalidInput):
        image_compat(fixture_catalog, "ltsc2022", "ltsc2022", isolation="vm")


def test_a_pair_without_a_record_uses_the_record_of_the_same_builds(fixture_catalog):
    """Version 1809 shares build 10.0.17763 with Windows Server 2019: its image gets the 2019 image's record."""
    answer = image_compat(fixture_catalog, "ltsc2022", "sac1809")
    recorded = image_compat(fixture_catalog, "ltsc2022", "ltsc2019")
    assert (answer.process, answer.hyperv, answer.supported) == (False, True, False)
    assert (answer.sources, answer.confidence) == (recorded.sources, recorded.confidence)


@pytest.mark.parametrize(
    "host,image,process,hyperv,confidence",
    [
        ("ltsc2022", "sac1809", False, True, "read"),  # the ltsc2022 x ltsc2019 record
        ("ltsc2025", "sac20h2", False, True, "inferred"),  # not in Microsoft's tables: its general rule
        ("ltsc2022", "sac1803", False, True, "inferred"),
        ("ac23h2", "sac2004", False, False, "inferred"),  # a 23H2 host takes only the 2022 LTSC image
        ("ac23h2", "sac1809", False, False, "inferred"),  # as the ac23h2 x ltsc2019 record
    ],
)
def test_old_images_on_newer_hosts_are_answered(real_catalog, host, image, process, hyperv, confidence):
    answer = image_compat(real_catalog, host, image)
    assert (answer.process, answer.hyperv, answer.supported) == (process, hyperv, False)
    assert answer.confidence == confidence
    assert answer.sources


def test_the_general_rule_cites_microsofts_page(real_catalog):
    answer = image_compat(real_catalog, "ltsc2025", "sac20h2")
    assert answer.sources[0] == VERSION_COMPATIBILITY
    assert source_problem(VERSION_COMPATIBILITY) is None
    assert "general rule" in answer.reason


def test_every_pair_of_releases_has_an_answer(real_catalog):
    for host in real_catalog.windows:
        for image in real_catalog.windows:
            answer = image_compat(real_catalog, host, image)
            assert answer.sources, (host, image)


def test_images_for_host(fixture_catalog):
    assert [r.id for r in images_for_host(fixture_catalog, "ltsc2022")] == ["ltsc2022"]
