"""Every error leaves the API in one JSON shape: ``{"error": {"code", "message", "suggestions"}}``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.deps import request_lang
from kb.errors import InputTooLarge, KbError, NotFound, QuestionNotAnswered

STATUS_CODES = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 422: "invalid_input"}


class ErrorDetail(BaseModel):
    code: str
    message: str
    suggestions: list[str]


class ErrorBody(BaseModel):
    """The one error shape: a stable ``code`` for scripts, a message for people, and close matches."""

    error: ErrorDetail

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "error": {
                    "code": "unknown_feature",
                    "message": "No feature is known as 'hostproces'. Did you mean: hostprocess-containers?",
                    "suggestions": ["hostprocess-containers"],
                }
            }
        }
    )


ERROR_RESPONSES: dict[int | str, dict] = {
    404: {"model": ErrorBody, "description": "Unknown feature, version or release (with suggestions)."},
    413: {"model": ErrorBody, "description": "The request body (or a document in it) is over the size limit."},
    422: {"model": ErrorBody, "description": "Malformed input: a version that cannot be read, a bad parameter."},
}


def error_response(
    status: int,
    code: str,
    message: str,
    suggestions: list[str] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "suggestions": suggestions or []}}
    return JSONResponse(body, status_code=status, headers=headers)


def status_of(error: KbError) -> int:
    """404 for what the data does not hold, 413 for input over the limit, 422 for what cannot be read."""
    if isinstance(error, InputTooLarge):
        return 413
    if isinstance(error, QuestionNotAnswered):
        return 404 if error.not_found else 422
    return 404 if isinstance(error, NotFound) else 422


def _location(loc: tuple) -> str:
    return ".".join(str(part) for part in loc if part not in ("query", "path"))


def install(app: FastAPI) -> None:
    """Register the handlers that map engine errors and HTTP errors to the JSON shape."""

    @app.exception_handler(KbError)
    async def kb_error(request: Request, exc: KbError) -> JSONResponse:
        return error_response(status_of(exc), exc.code, exc.message_in(request_lang(request)), exc.suggestions)

    @app.exception_handler(QuestionNotAnswered)
    async def question_not_answered(request: Request, exc: QuestionNotAnswered) -> JSONResponse:
        """The error shape, plus what the question was understood as."""
        message = exc.message_in(request_lang(request))
        body = {"error": {"code": exc.code, "message": message, "suggestions": exc.suggestions}}
        body["error"]["interpretation"] = exc.interpretation
        return JSONResponse(body, status_code=status_of(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{_location(e['loc'])}: {e['msg']}" for e in exc.errors())
        return error_response(422, "invalid_input", problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = STATUS_CODES.get(exc.status_code, "http_error")
        return error_response(exc.status_code, code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        return error_response(500, "internal_error", "The server failed to answer; this is a bug.")
