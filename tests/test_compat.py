import pytest

from kb.compat import image_compat, images_for_host
from kb.errors import InvalidInput, NotFound


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


def test_a_pair_without_a_record_is_not_guessed(fixture_catalog):
    with pytest.raises(NotFound):
        image_compat(fixture_catalog, "ltsc2022", "sac1809")


def test_images_for_host(fixture_catalog):
    assert [r.id for r in images_for_host(fixture_catalog, "ltsc2022")] == ["ltsc2022"]
