from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CatalogDep
from kb import query
from kb.answers import SupportAnswer

router = APIRouter(prefix="/v1", tags=["support"])


@router.get("/support")
async def get_support(
    catalog: CatalogDep,
    feature: Annotated[str, Query(description="Feature id or alias", examples=["hostprocess-containers"])],
    kubernetes: Annotated[str, Query(description="Kubernetes version", examples=["1.22"])] = "latest",
    windows: Annotated[str | None, Query(description="Windows release", examples=["ltsc2022"])] = None,
    runtime: Annotated[str | None, Query(description="Container runtime", examples=["containerd://1.7.13"])] = None,
) -> SupportAnswer:
    """Is a feature supported on a Kubernetes version (with a Windows release and runtime)?"""
    return query.support(catalog, feature, kubernetes, windows, runtime)
