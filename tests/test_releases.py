from datetime import date

import pytest

from kb.errors import UnknownVersion
from kb.releases import is_maintained, kubernetes_detail, list_kubernetes, list_windows, os_matrix, windows_detail

TODAY = date(2022, 9, 1)


@pytest.mark.parametrize(
    "end,today,expected",
    [(date(2022, 10, 28), TODAY, True), (date(2022, 6, 28), TODAY, False), (None, TODAY, None), (TODAY, TODAY, True)],
)
def test_is_maintained(end, today, expected):
    assert is_maintained(end, today) is expected


def test_kubernetes_detail(fixture_catalog):
    view = kubernetes_detail(fixture_catalog, "v1.23.2", TODAY)
    assert view.version == "1.23" and view.is_maintained is True
    assert [w.id for w in view.windows] == ["ltsc2019", "ltsc2022"]
    assert {r.id: r.status for r in view.runtimes} == {"docker": "beta", "containerd": "stable"}
    assert [c.kind for c in view.changes] == ["windows-added", "feature-graduated"]
    assert view.sources


def test_latest_and_unknown(fixture_catalog):
    assert kubernetes_detail(fixture_catalog, "latest", TODAY).version == "1.24"
    with pytest.raises(UnknownVersion):
        kubernetes_detail(fixture_catalog, "1.30", TODAY)


def test_list_kubernetes_is_newest_first(fixture_catalog):
    assert [v.version for v in list_kubernetes(fixture_catalog, TODAY)] == [
        "1.24",
        "1.23",
        "1.22",
        "1.21",
        "1.10",
        "1.9",
    ]


def test_windows_detail(fixture_catalog):
    view = windows_detail(fixture_catalog, "10.0.20348.887", TODAY)
    assert (view.id, view.build, view.is_supported) == ("ltsc2022", "10.0.20348", True)
    assert view.kubernetes == ["1.23"]
    assert [i.id for i in view.process_isolation_images] == ["ltsc2022"]
    assert view.image_tags[0].image == "mcr.microsoft.com/windows/servercore:ltsc2022"


def test_windows_support_ends(fixture_catalog):
    assert windows_detail(fixture_catalog, "sac1809", TODAY).is_supported is False


def test_list_windows_newest_build_first(fixture_catalog):
    assert [w.id for w in list_windows(fixture_catalog, TODAY)] == ["ltsc2022", "ltsc2019", "sac1809"]


def test_os_matrix(fixture_catalog):
    matrix = os_matrix(fixture_catalog)
    assert matrix.kubernetes[0] == "1.24"
    assert matrix.cells["1.23"] == {"sac1809": False, "ltsc2019": True, "ltsc2022": True}
    assert matrix.cells["1.21"]["ltsc2019"] is False
