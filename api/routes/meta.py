"""``/v1/meta``: which data the answers come from."""

from fastapi import APIRouter, Response

from api.deps import CatalogDep
from api.represent import CSV_AND_TEXT, FormatDep, represent
from kb.dataset import DatasetMeta, dataset_meta

router = APIRouter(prefix="/v1", tags=["meta"])


@router.get("/meta", response_model=DatasetMeta, responses=CSV_AND_TEXT)
async def get_meta(catalog: CatalogDep, fmt: FormatDep) -> Response:
    """Dataset version, build time, counts and the newest releases covered."""
    return represent(dataset_meta(catalog), fmt)
