import json
import os
import time
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.deps import CatalogDep, TodayDep
from api.errors import error_response
from api.signatures import SecretInvalid, SignatureRejected, verify_slack, verify_teams
from kb import chat

router = APIRouter(prefix="/v1/chatops", tags=["chatops"])

MAX_BODY = 16 * 1024
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"
ERRORS = {
    401: {"description": "Bad, missing or replayed signature: nothing was processed."},
    413: {"description": "The body is larger than 16 KiB."},
    503: {"description": "The endpoint's secret is not configured; the message names the variable to set."},
}


def public_url() -> str:
    return os.environ.get("KB_PUBLIC_URL", DEFAULT_PUBLIC_URL)


async def bounded_body(request: Request) -> bytes | None:
    """The raw body, or None when it is larger than MAX_BODY (declared or actual)."""
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit() or int(declared) > MAX_BODY:
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return None
    return body


def too_large() -> JSONResponse:
    return error_response(413, "too_large", f"The body is larger than {MAX_BODY} bytes.")


def not_configured(variable: str) -> JSONResponse:
    return error_response(503, "not_configured", f"This chat endpoint is not configured: set {variable}.")


@router.post("/slack", responses=ERRORS)
async def slack_command(request: Request, catalog: CatalogDep, today: TodayDep) -> JSONResponse:
    """A Slack slash command (`/k8swin hostprocess 1.22`), verified with the signing secret
    (env KB_SLACK_SIGNING_SECRET), answered in Block Kit; ephemeral unless the text says `share`."""
    secret = os.environ.get("KB_SLACK_SIGNING_SECRET")
    if not secret:
        return not_configured("KB_SLACK_SIGNING_SECRET")
    body = await bounded_body(request)
    if body is None:
        return too_large()
    headers = request.headers
    try:
        verify_slack(
            secret, headers.get("x-slack-request-timestamp"), headers.get("x-slack-signature"), body, time.time()
        )
    except SignatureRejected as exc:
        return error_response(401, "bad_signature", str(exc))
    text = parse_qs(body.decode("utf-8", "replace")).get("text", [""])[0]
    return JSONResponse(chat.slack_reply(catalog, text, today, public_url()))


@router.post("/teams", responses=ERRORS)
async def teams_webhook(request: Request, catalog: CatalogDep, today: TodayDep) -> JSONResponse:
    """A Microsoft Teams outgoing webhook, verified with its security token (env KB_TEAMS_SECRET, base64),
    answered with a Teams message."""
    secret = os.environ.get("KB_TEAMS_SECRET")
    if not secret:
        return not_configured("KB_TEAMS_SECRET")
    body = await bounded_body(request)
    if body is None:
        return too_large()
    try:
        verify_teams(secret, request.headers.get("authorization"), body)
    except SecretInvalid as exc:
        return error_response(503, "not_configured", str(exc))
    except SignatureRejected as exc:
        return error_response(401, "bad_signature", str(exc))
    try:
        activity = json.loads(body)
    except ValueError:
        return error_response(422, "invalid_input", "The body is not JSON.")
    text = activity.get("text") if isinstance(activity, dict) else None
    if not isinstance(text, str):
        return error_response(422, "invalid_input", "The activity has no text.")
    return JSONResponse(chat.teams_reply(catalog, text, today, public_url()))
