from fastapi import APIRouter

from api.deps import CatalogDep
from kb import query
from kb.answers import FeatureDetail, FeatureSummary

router = APIRouter(prefix="/v1", tags=["features"])


@router.get("/features")
async def get_features(
    catalog: CatalogDep,
    category: str | None = None,
    status: str | None = None,
    kubernetes: str | None = None,
    q: str | None = None,
) -> list[FeatureSummary]:
    """Every feature with its status at a Kubernetes version (newest by default)."""
    return query.list_features(catalog, category=category, status=status, kubernetes=kubernetes, q=q)


@router.get("/features/{feature_id}")
async def get_feature(catalog: CatalogDep, feature_id: str) -> FeatureDetail:
    """One feature: history with sources and its status at every Kubernetes minor."""
    return query.feature_detail(catalog, feature_id)
