"""``/v1/diff``: what changed for Windows between two Kubernetes minors."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import CatalogDep
from api.errors import ERROR_RESPONSES
from api.examples import DIFF, example
from api.represent import FormatDep, represent
from kb import diff
from kb.diff import ReleaseDiff

router = APIRouter(prefix="/v1", tags=["diff"], responses=ERROR_RESPONSES)


@router.get("/diff", response_model=ReleaseDiff, responses=example(DIFF))
async def get_diff(
    catalog: CatalogDep,
    fmt: FormatDep,
    from_version: Annotated[str, Query(alias="from", max_length=100, description="Older minor", examples=["1.25"])],
    to_version: Annotated[str, Query(alias="to", max_length=100, description="Newer minor", examples=["1.26"])],
) -> Response:
    """Graduations, removals, limitations lifted or added, Windows releases added or dropped, by version."""
    return represent(diff.diff(catalog, from_version, to_version), fmt)
