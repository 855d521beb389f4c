"""The FastAPI application: ``/v1`` JSON over the knowledge base, and the built site at ``/``."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api import errors
from api.routes import ROUTERS
from kb import __version__
from kb.catalog import load_catalog

DEFAULT_DB = Path("build/kb.db")
DEFAULT_SITE = Path("site")


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
    for router in ROUTERS:
        app.include_router(router)
    if site_dir.is_dir():
        app.mount("/", StaticFiles(directory=site_dir, html=True), name="site")
    return app


app = create_app()
