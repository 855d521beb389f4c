"""``/v1/features``: the feature list (filtered) and one feature's full history."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import RedirectResponse

from api.deps import CatalogDep
from api.errors import ERROR_RESPONSES
from api.examples import FEATURE_DETAIL, FEATURE_SUMMARY, example
from api.represent import FormatDep, represent
from kb import query
from kb.answers import FeatureDetail, FeatureSummary
from kb.models import Status

router = APIRouter(prefix="/v1", tags=["features"], responses=ERROR_RESPONSES)


@router.get("/features", response_model=list[FeatureSummary], responses=example([FEATURE_SUMMARY]))
async def get_features(
    catalog: CatalogDep,
    fmt: FormatDep,
    category: Annotated[
        str | None, Query(max_length=100, description="Only this category", examples=["security"])
    ] = None,
    status: Annotated[Status | None, Query(description="Only features with this status at `kubernetes`")] = None,
    kubernetes: Annotated[
        str | None, Query(max_length=100, description="Version the status is read at (newest by default)")
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="Full-text search", examples=["host process"])] = None,
) -> Response:
    """Every feature with its status at a Kubernetes version (newest by default)."""
    features = query.list_features(catalog, category=category, status=status, kubernetes=kubernetes, q=q)
    return represent(features, fmt)


@router.get(
    "/features/{feature_id}",
    response_model=FeatureDetail,
    responses={**example(FEATURE_DETAIL), 301: {"description": "An alias: redirects to the feature's id."}},
)
async def get_feature(
    request: Request,
    catalog: CatalogDep,
    fmt: FormatDep,
    feature_id: Annotated[str, Path(max_length=200, description="Feature id (an alias redirects)")],
) -> Response:
    """One feature: history with sources and its status at every Kubernetes minor."""
    feature = query.resolve_feature(catalog, feature_id)
    if feature.id != feature_id:
        suffix = getattr(request.state, "suffix", "")
        query_string = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/v1/features/{feature.id}{suffix}{query_string}", status_code=301)
    return represent(query.feature_detail(catalog, feature.id), fmt)
