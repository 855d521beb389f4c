"""``/v1/search``: ranked full-text results over feature names, aliases, gates and summaries."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import CatalogDep
from api.errors import ERROR_RESPONSES
from api.examples import SEARCH, example
from api.represent import FormatDep, represent
from kb import search
from kb.answers import FeatureRef

router = APIRouter(prefix="/v1", tags=["search"], responses=ERROR_RESPONSES)


@router.get("/search", response_model=list[FeatureRef], responses=example(SEARCH))
async def get_search(
    catalog: CatalogDep,
    fmt: FormatDep,
    q: Annotated[str, Query(max_length=200, description="Words to look for", examples=["privileged"])],
    limit: Annotated[int, Query(ge=1, le=100, description="At most this many results")] = 20,
) -> Response:
    """Features ranked by how well `q` matches their names, aliases, gates and summary (best first)."""
    return represent(search.search_features(catalog, q, limit=limit), fmt)
