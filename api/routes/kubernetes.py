"""``/v1/kubernetes``: Kubernetes minors with dates, maintenance, Windows node stage, OS and runtimes; and each
of those facts alone, as the free-text questions answer them."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from api import examples
from api.deps import CatalogDep, TodayDep
from api.errors import ERROR_RESPONSES
from api.examples import KUBERNETES, example
from api.represent import FormatDep, represent
from kb import releases, structured
from kb.node_os import NodeOsAnswer, NodeOsList
from kb.release_facts import KubernetesFact, KubernetesFactName, NodeStageAnswer
from kb.releases import KubernetesReleaseView
from kb.runtime_support import RuntimeList, RuntimeSupportAnswer

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


Version = Annotated[str, Path(max_length=100, description="1.26, v1.26.3 or latest", examples=["1.26"])]


@router.get("/kubernetes/{version}/windows", response_model=NodeOsList, responses=example(examples.NODE_OS_LIST))
async def get_node_os_list(catalog: CatalogDep, fmt: FormatDep, version: Version) -> Response:
    """The Windows Server releases a Kubernetes minor supports as Windows node OS."""
    return represent(structured.windows_on(catalog, version), fmt)


@router.get("/kubernetes/{version}/windows/{release}", response_model=NodeOsAnswer, responses=example(examples.NODE_OS))
async def get_node_os(
    catalog: CatalogDep,
    fmt: FormatDep,
    version: Version,
    release: Annotated[str, Path(max_length=100, description="Windows release, alias or build", examples=["ws2022"])],
) -> Response:
    """Is one Windows Server release a supported node OS on a Kubernetes minor? `jq -e .supported` in scripts."""
    return represent(structured.windows_release_on(catalog, version, release), fmt)


@router.get("/kubernetes/{version}/runtimes", response_model=RuntimeList, responses=example(examples.RUNTIMES))
async def get_runtimes(catalog: CatalogDep, fmt: FormatDep, version: Version) -> Response:
    """The container runtimes a Kubernetes minor records for Windows nodes; `supported` lists the usable ones."""
    return represent(structured.runtimes(catalog, version), fmt)


@router.get(
    "/kubernetes/{version}/runtimes/{runtime}",
    response_model=RuntimeSupportAnswer,
    responses=example(examples.RUNTIME),
)
async def get_runtime(
    catalog: CatalogDep,
    fmt: FormatDep,
    version: Version,
    runtime: Annotated[
        str, Path(max_length=100, description="Runtime, optionally @version", examples=["containerd@1.7.13"])
    ],
    windows: Annotated[str | None, Query(max_length=100, description="The node's Windows release or build")] = None,
) -> Response:
    """Is a runtime (at a version) usable for Windows nodes on a Kubernetes minor?"""
    return represent(structured.runtime(catalog, version, runtime, windows), fmt)


@router.get(
    "/kubernetes/{version}/facts/{fact}", response_model=KubernetesFact, responses=example(examples.KUBERNETES_FACT)
)
async def get_kubernetes_fact(
    catalog: CatalogDep, today: TodayDep, fmt: FormatDep, version: Version, fact: KubernetesFactName
) -> Response:
    """One fact of a Kubernetes minor (`maintained` as of today), with its sources and the release's page."""
    return represent(structured.kubernetes_fact_of(catalog, version, fact, today), fmt)


@router.get("/kubernetes/{version}/stage", response_model=NodeStageAnswer, responses=example(examples.NODE_STAGE))
async def get_node_stage(catalog: CatalogDep, fmt: FormatDep, version: Version) -> Response:
    """The stage of Windows node support on a Kubernetes minor, and the minor where that stage began."""
    return represent(structured.node_stage_of(catalog, version), fmt)
