"""Every error leaves the API in one JSON shape: ``{"error": {"code", "message", "suggestions"}}``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kb.errors import InputTooLarge, KbError, NotFound, QuestionNotAnswered

STATUS_CODES = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 422: "invalid_input"}


def error_response(status: int, code: str, message: str, suggestions: list[str] | None = None) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "suggestions": suggestions or []}}
    return JSONResponse(body, status_code=status)


def status_of(error: KbError) -> int:
    """404 for what the data does not hold, 413 for input over the limit, 422 for what cannot be read."""
    if isinstance(error, InputTooLarge):
        return 413
    if isinstance(error, QuestionNotAnswered):
        return 404 if error.not_found else 422
    return 404 if isinstance(error, NotFound) else 422


def install(app: FastAPI) -> None:
    """Register the handlers that map engine errors and HTTP errors to the JSON shape."""

    @app.exception_handler(KbError)
    async def kb_error(_: Request, exc: KbError) -> JSONResponse:
        return error_response(status_of(exc), exc.code, exc.message, exc.suggestions)

    @app.exception_handler(QuestionNotAnswered)
    async def question_not_answered(_: Request, exc: QuestionNotAnswered) -> JSONResponse:
        """The error shape, plus what the question was understood as."""
        body = {"error": {"code": exc.code, "message": exc.message, "suggestions": exc.suggestions}}
        body["error"]["interpretation"] = exc.interpretation
        return JSONResponse(body, status_code=status_of(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return error_response(422, "invalid_input", problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, STATUS_CODES.get(exc.status_code, "http_error"), str(exc.detail))
