"""``/v1/windows``: Windows Server releases with builds, dates, image tags and Kubernetes support."""

from typing import Annotated

from fastapi import APIRouter, Path, Response

from api import examples
from api.deps import CatalogDep, TodayDep
from api.errors import ERROR_RESPONSES
from api.examples import WINDOWS, example
from api.represent import FormatDep, represent
from kb import releases, structured
from kb.release_facts import WindowsFact, WindowsFactName
from kb.releases import WindowsReleaseView

router = APIRouter(prefix="/v1", tags=["windows"], responses=ERROR_RESPONSES)


@router.get("/windows", response_model=list[WindowsReleaseView], responses=example([WINDOWS]))
async def get_windows_releases(catalog: CatalogDep, today: TodayDep, fmt: FormatDep) -> Response:
    """Every Windows Server release in the data, newest build first."""
    return represent(releases.list_windows(catalog, today), fmt)


@router.get("/windows/{release}", response_model=WindowsReleaseView, responses=example(WINDOWS))
async def get_windows_release(
    catalog: CatalogDep,
    today: TodayDep,
    fmt: FormatDep,
    release: Annotated[
        str, Path(max_length=100, description="Id, alias, name, version or build", examples=["ltsc2022"])
    ],
) -> Response:
    """One Windows Server release by id (`ltsc2022`), alias (`ws2022`), version (`1809`) or build (`10.0.20348`)."""
    return represent(releases.windows_detail(catalog, release, today), fmt)


@router.get("/windows/{release}/facts/{fact}", response_model=WindowsFact, responses=example(examples.WINDOWS_FACT))
async def get_windows_fact(
    catalog: CatalogDep,
    today: TodayDep,
    fmt: FormatDep,
    release: Annotated[str, Path(max_length=100, description="Id, alias, name, version or build", examples=["ws2022"])],
    fact: WindowsFactName,
) -> Response:
    """One fact of a Windows Server release: its build, the `node.kubernetes.io/windows-build` label value, image
    tags, GA date, end of (mainstream) support, or whether Microsoft supports it today."""
    return represent(structured.windows_fact_of(catalog, release, fact, today), fmt)
