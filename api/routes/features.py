"""``/v1/features``: the feature list (filtered) and one feature's full history."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from api import examples
from api.deps import CatalogDep, request_lang
from api.errors import ERROR_RESPONSES
from api.examples import FEATURE_DETAIL, FEATURE_SUMMARY, example
from api.represent import FormatDep, represent
from kb import query, structured
from kb.answers import FeatureDetail, FeatureSummary
from kb.feature_facts import FeatureStageAnswer, GateAnswer, RuntimeNeedAnswer, StageAsked
from kb.i18n import say
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
    responses={
        **example(FEATURE_DETAIL),
        301: {
            "description": "An alias: redirects to the feature's id; the body says where, for a client that does "
            "not follow redirects (`curl -s`).",
            "content": {"application/json": {"example": examples.ALIAS_MOVED}},
        },
    },
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
        location = f"/v1/features/{feature.id}{suffix}{query_string}"
        moved = say(request_lang(request), "alias-moved", name=feature_id, id=feature.id, location=location)
        body = {"moved": {"location": location, "feature": {"id": feature.id, "name": feature.name}, "message": moved}}
        return JSONResponse(body, status_code=301, headers={"Location": location})
    return represent(query.feature_detail(catalog, feature.id), fmt)


FeatureName = Annotated[
    str, Path(max_length=200, description="Feature id, name, alias or gate", examples=["hostprocess"])
]


@router.get(
    "/features/{feature}/stage/{stage}", response_model=FeatureStageAnswer, responses=example(examples.FEATURE_STAGE)
)
async def get_feature_stage(catalog: CatalogDep, fmt: FormatDep, feature: FeatureName, stage: StageAsked) -> Response:
    """When a feature reached a stage (`usable`: first alpha, beta, stable or deprecated), with its milestones."""
    return represent(structured.stage(catalog, feature, stage), fmt)


@router.get("/features/{feature}/runtime", response_model=RuntimeNeedAnswer, responses=example(examples.RUNTIME_NEED))
async def get_feature_runtime(
    catalog: CatalogDep,
    fmt: FormatDep,
    feature: FeatureName,
    kubernetes: Annotated[str, Query(max_length=100, description="Kubernetes version", examples=["1.26"])] = "latest",
    runtime: Annotated[
        str | None, Query(max_length=100, description="Only this runtime", examples=["containerd"])
    ] = None,
) -> Response:
    """The runtime version a feature needs on a Kubernetes version."""
    return represent(structured.runtime_needed(catalog, feature, kubernetes, runtime), fmt)


@router.get("/gates/{gate}", response_model=GateAnswer, responses=example(examples.GATE))
async def get_gate(
    catalog: CatalogDep,
    fmt: FormatDep,
    gate: Annotated[
        str, Path(max_length=200, description="Feature gate (or feature) name", examples=["WindowsHostNetwork"])
    ],
    kubernetes: Annotated[str, Query(max_length=100, description="Kubernetes version", examples=["1.34"])] = "latest",
) -> Response:
    """A feature gate on a Kubernetes version: the stage of what it gates, its default, whether it is still there."""
    return represent(structured.gate(catalog, gate, kubernetes), fmt)
