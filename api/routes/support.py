"""``/v1/support``: the answer contract, the question scripts ask most."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import CatalogDep
from api.errors import ERROR_RESPONSES
from api.represent import CSV_AND_TEXT, FormatDep, represent
from kb import query
from kb.answers import SupportAnswer

router = APIRouter(prefix="/v1", tags=["support"], responses=ERROR_RESPONSES)


@router.get("/support", response_model=SupportAnswer, responses=CSV_AND_TEXT)
async def get_support(
    catalog: CatalogDep,
    fmt: FormatDep,
    feature: Annotated[
        str, Query(max_length=200, description="Feature id, name, alias or gate", examples=["hostprocess"])
    ],
    kubernetes: Annotated[
        str, Query(max_length=200, description="Kubernetes version (1.22, v1.22.3, latest)", examples=["1.22"])
    ] = "latest",
    windows: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Windows release, tag or build. A full build with its update level (the node's "
            "kernelVersion, e.g. 10.0.17763.1817) also settles requirements for a Windows update.",
            examples=["ltsc2022"],
        ),
    ] = None,
    runtime: Annotated[
        str | None, Query(max_length=200, description="Container runtime", examples=["containerd://1.7.13"])
    ] = None,
    variant: Annotated[
        str | None,
        Query(
            max_length=200,
            description="The case of the feature, where its cases differ: `single-file` of subpath-mounts, "
            "`overlay` of ipv4-ipv6-dual-stack, a volume plugin of in-tree-volume-plugins (see `variants` in "
            "/v1/features/{id}).",
            examples=["single-file"],
        ),
    ] = None,
) -> Response:
    """Is a feature supported on a Kubernetes version (with a Windows release and runtime)?

    In scripts: `curl -s '.../v1/support?feature=hostprocess-containers&kubernetes=1.26' | jq -e .supported`.
    """
    return represent(query.support(catalog, feature, kubernetes, windows, runtime, variant), fmt)
