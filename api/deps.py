"""Dependencies shared by the routes: the catalog read once at start-up, and today's date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import Depends, Request

from kb.catalog import Catalog


async def get_catalog(request: Request) -> Catalog:
    """The catalog read once at start-up; shared by every request.

    Dependencies are ``async def`` because they do no I/O: FastAPI runs plain ``def`` ones in its threadpool.
    """
    return request.app.state.catalog


async def get_today() -> date:
    """Today in UTC: answers with computed dates (``is_maintained``) are as of today."""
    return datetime.now(UTC).date()


CatalogDep = Annotated[Catalog, Depends(get_catalog)]
TodayDep = Annotated[date, Depends(get_today)]
