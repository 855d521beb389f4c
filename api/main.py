"""The FastAPI application: ``/v1`` JSON over the knowledge base, and the built site at ``/``."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.staticfiles import StaticFiles

from api import errors
from kb import __version__, query
from kb.answers import FeatureDetail, FeatureSummary, SupportAnswer
from kb.catalog import Catalog, load_catalog

DEFAULT_DB = Path("build/kb.db")
DEFAULT_SITE = Path("site")


def get_catalog(request: Request) -> Catalog:
    """The catalog read once at start-up; shared by every request."""
    return request.app.state.catalog


CatalogDep = Annotated[Catalog, Depends(get_catalog)]


def create_app(db_path: Path | None = None, site_dir: Path | None = None) -> FastAPI:
    """Build the app over the database at ``db_path`` (env KB_DB) and serve ``site_dir`` (env KB_SITE) at /."""
    db_path = Path(db_path or os.environ.get("KB_DB", DEFAULT_DB))
    site_dir = Path(site_dir or os.environ.get("KB_SITE", DEFAULT_SITE))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.catalog = load_catalog(db_path)
        yield

    app = FastAPI(
        title="k8s-windows-kb",
        version=__version__,
        summary="Features, limitations and version support for Windows nodes on Kubernetes.",
        lifespan=lifespan,
    )
    errors.install(app)

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @app.get("/v1/support", tags=["support"])
    async def get_support(
        catalog: CatalogDep,
        feature: Annotated[str, Query(description="Feature id or alias", examples=["hostprocess-containers"])],
        kubernetes: Annotated[str, Query(description="Kubernetes version", examples=["1.22"])] = "latest",
        windows: Annotated[str | None, Query(description="Windows release", examples=["ltsc2022"])] = None,
        runtime: Annotated[str | None, Query(description="Container runtime", examples=["containerd://1.7.13"])] = None,
    ) -> SupportAnswer:
        """Is a feature supported on a Kubernetes version (with a Windows release and runtime)?"""
        return query.support(catalog, feature, kubernetes, windows, runtime)

    @app.get("/v1/features", tags=["features"])
    async def get_features(
        catalog: CatalogDep,
        category: str | None = None,
        status: str | None = None,
        kubernetes: str | None = None,
        q: str | None = None,
    ) -> list[FeatureSummary]:
        """Every feature with its status at a Kubernetes version (newest by default)."""
        return query.list_features(catalog, category=category, status=status, kubernetes=kubernetes, q=q)

    @app.get("/v1/features/{feature_id}", tags=["features"])
    async def get_feature(catalog: CatalogDep, feature_id: str) -> FeatureDetail:
        """One feature: history with sources and its status at every Kubernetes minor."""
        return query.feature_detail(catalog, feature_id)

    if site_dir.is_dir():
        app.mount("/", StaticFiles(directory=site_dir, html=True), name="site")
    return app


app = create_app()
