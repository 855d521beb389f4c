"""Dependencies shared by the routes: the catalog read once at start-up."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kb.catalog import Catalog


def get_catalog(request: Request) -> Catalog:
    """The catalog read once at start-up; shared by every request."""
    return request.app.state.catalog


CatalogDep = Annotated[Catalog, Depends(get_catalog)]
