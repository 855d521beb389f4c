"""``/healthz`` (the process answers) and ``/readyz`` (the dataset is loaded): for probes, never cached."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

router = APIRouter(tags=["health"])
NO_STORE = {"Cache-Control": "no-store"}


@router.get("/healthz")
async def healthz() -> JSONResponse:
    """Liveness: the process answers."""
    return JSONResponse({"status": "ok"}, headers=NO_STORE)


@router.get("/readyz", responses={503: {"description": "The dataset is not loaded yet."}})
async def readyz(request: Request) -> JSONResponse:
    """Readiness: the dataset is loaded and answers can be given."""
    catalog = getattr(request.app.state, "catalog", None)
    if catalog is None:
        body = {"error": {"code": "not_ready", "message": "The dataset is not loaded.", "suggestions": []}}
        return JSONResponse(body, status_code=503, headers=NO_STORE)
    return JSONResponse(
        {"status": "ready", "dataset": catalog.meta.dataset_version, "features": len(catalog.features)},
        headers=NO_STORE,
    )
