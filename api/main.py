"""The FastAPI application: ``/v1`` JSON over the knowledge base, and the built site at ``/``."""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from api import docs, errors
from api.edge import Edge
from api.routes import ROUTERS
from api.routes.checks import BODY_SCHEMAS
from kb import __version__
from kb.ask import prepare
from kb.catalog import DEFAULT_DB, Catalog, load_catalog
from kb.site_paths import LANGUAGE_ROOTS

DEFAULT_SITE = Path("site")
NOT_FOUND_PAGE = "404.html"
DESCRIPTION = """\
Answers about Windows nodes on Kubernetes, from a curated and sourced dataset.

Every resource answers JSON by default, CSV with a `.csv` suffix or `Accept: text/csv`, and one
plain line per answer with `Accept: text/plain` or `?format=text`. In scripts:

    curl -s 'http://127.0.0.1:8000/v1/support?feature=hostprocess-containers&kubernetes=1.26' | jq -e .supported

`jq -e` exits 0 when the answer is `true` and 1 when it is `false`. Answers carry a strong `ETag`
and `Cache-Control`; send `If-None-Match` to get `304 Not Modified`. Errors are always JSON:
`{"error": {"code", "message", "suggestions"}}` (404 unknown, 422 malformed, 413 too large).
"""


class SiteFiles(StaticFiles):
    """The built site, except under /v1: an unknown API path is a JSON 404, never the site's HTML page. A page
    missing under a language's root (/zh/...) gets that language's 404 page."""

    async def get_response(self, path: str, scope: Scope):  # type: ignore[no-untyped-def]
        if scope["method"] not in ("GET", "HEAD"):
            raise HTTPException(405, "Only GET and HEAD are allowed here.", headers={"Allow": "GET, HEAD"})
        # The path as sent, not as normalised into a file name: /v1/../index.html is under /v1 too.
        requested: str = scope["path"]
        if requested == "/v1" or requested.startswith("/v1/"):
            raise HTTPException(404, f"No resource at {requested}.")
        response = await super().get_response(path, scope)
        if path.endswith(NOT_FOUND_PAGE) and path.removesuffix(NOT_FOUND_PAGE) in LANGUAGE_ROOTS.values():
            response.status_code = 404  # the page that says "not found" is never found itself
        elif response.status_code == 404 and (root := _language_root(path)):
            full_path, stat_result = await anyio.to_thread.run_sync(self.lookup_path, root + NOT_FOUND_PAGE)
            if stat_result is not None:
                return FileResponse(full_path, stat_result=stat_result, status_code=404)
        return response


def _language_root(path: str) -> str | None:
    """The root of the language the site path is under (``zh/``), or None for the English root."""
    return next((root for root in LANGUAGE_ROOTS.values() if root and f"{path}/".startswith(root)), None)


def dataset_key(catalog: Catalog) -> str:
    """What the bytes of every answer depend on: the data, the build, and this code's version."""
    return f"{catalog.meta.content_hash}|{catalog.meta.built}|{__version__}"


class KnowledgeBaseApi(FastAPI):
    """FastAPI behind the edge: every request meets :class:`~api.edge.Edge` first, so a cached answer
    is sent without passing the framework's middleware layers (about 20 us a request saved)."""

    def __init__(self, *, cache: bool, **options) -> None:  # type: ignore[no-untyped-def]
        super().__init__(docs_url=None, redoc_url=None, **options)
        self.edge = Edge(
            super().__call__,
            dataset_key=lambda: dataset_key(self.state.catalog),
            cache_entries=Edge.default_entries if cache else 0,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.edge(scope, receive, send)

    def openapi(self) -> dict[str, Any]:
        """FastAPI's description, plus the models the check routes' request bodies refer to."""
        if self.openapi_schema is None:
            schema = super().openapi()
            schema.setdefault("components", {}).setdefault("schemas", {}).update(BODY_SCHEMAS)
        return self.openapi_schema  # type: ignore[return-value]


def create_app(db_path: Path | None = None, site_dir: Path | None = None, cache: bool = True) -> FastAPI:
    """Build the app over the database at ``db_path`` (env KB_DB) and serve ``site_dir`` (env KB_SITE) at /."""
    db_path = Path(db_path or os.environ.get("KB_DB", DEFAULT_DB))
    site_dir = Path(site_dir or os.environ.get("KB_SITE", DEFAULT_SITE))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if getattr(app.state, "catalog", None) is None:  # api.server loads it before forking workers
            app.state.catalog = load_catalog(db_path)
        prepare(app.state.catalog)  # the localized catalogs and the reader's indexes, before any question
        # The catalog lives as long as the process: keep its objects out of the collector's full
        # passes, which would otherwise scan them all again and again while answering.
        gc.freeze()
        yield

    app = KnowledgeBaseApi(
        cache=cache,
        title="k8s-windows-kb",
        version=__version__,
        summary="Features, limitations and version support for Windows nodes on Kubernetes.",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    errors.install(app)
    docs.install(app)
    for router in ROUTERS:
        app.include_router(router)
    if site_dir.is_dir():
        app.mount("/", SiteFiles(directory=site_dir, html=True), name="site")
    return app


def __getattr__(name: str) -> FastAPI:
    """``api.main:app`` for uvicorn or gunicorn, built on first use (so importing this module stays cheap)."""
    if name != "app":
        raise AttributeError(name)
    global app
    app = create_app()
    return app
