"""``/v1/kubernetes``: Kubernetes minors with dates, maintenance, Windows node stage, OS and runtimes."""

from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.deps import CatalogDep, TodayDep
from api.errors import ERROR_RESPONSES
from api.examples import KUBERNETES, example
from api.represent import FormatDep, represent
from kb import releases
from kb.releases import KubernetesReleaseView

router = APIRouter(prefix="/v1", tags=["kubernetes"], responses=ERROR_RESPONSES)


@router.get("/kubernetes", response_model=list[KubernetesReleaseView], responses=example([KUBERNETES]))
async def get_kubernetes_releases(catalog: CatalogDep, today: TodayDep, fmt: FormatDep) -> Response:
    """Every Kubernetes minor in the data, newest first, with `is_maintained` computed for today."""
    return represent(releases.list_kubernetes(catalog, today), fmt)


@router.get("/kubernetes/{version}", response_model=KubernetesReleaseView, responses=example(KUBERNETES))
async def get_kubernetes_release(
    catalog: CatalogDep,
    today: TodayDep,
    fmt: FormatDep,
    version: Annotated[str, Path(max_length=100, description="1.26, v1.26.3 or latest", examples=["1.26"])],
) -> Response:
    """One Kubernetes minor: dates, Windows node stage, Windows Server releases, runtimes, what changed."""
    return represent(releases.kubernetes_detail(catalog, version, today), fmt)
