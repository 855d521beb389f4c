"""``/v1/matrix``: Kubernetes minor x Windows release, and every feature's status at one minor."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import CatalogDep
from api.errors import ERROR_RESPONSES
from api.examples import FEATURE_SUMMARY, MATRIX, example
from api.represent import FormatDep, represent
from kb import query, releases
from kb.answers import FeatureSummary
from kb.releases import OsMatrix

router = APIRouter(prefix="/v1", tags=["matrix"], responses=ERROR_RESPONSES)


@router.get("/matrix", response_model=OsMatrix, responses=example(MATRIX))
async def get_os_matrix(catalog: CatalogDep, fmt: FormatDep) -> Response:
    """Which Windows Server releases each Kubernetes minor supports for nodes (CSV: one row per minor)."""
    return represent(releases.os_matrix(catalog), fmt)


@router.get("/matrix/features", response_model=list[FeatureSummary], responses=example([FEATURE_SUMMARY]))
async def get_feature_matrix(
    catalog: CatalogDep,
    fmt: FormatDep,
    kubernetes: Annotated[
        str, Query(max_length=100, description="Kubernetes version (newest by default)", examples=["1.26"])
    ] = "latest",
) -> Response:
    """Every feature's status at one Kubernetes version."""
    return represent(query.list_features(catalog, kubernetes=kubernetes), fmt)
