"""Who sent a chat request: Slack's and Teams' request signatures, checked at the HTTP edge before anything runs."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

SLACK_MAX_AGE = 5 * 60  # seconds; older requests are replays


class SignatureRejected(Exception):
    """The request is not signed by the configured secret (or is too old); nothing may be processed."""


class SecretInvalid(Exception):
    """The configured secret cannot be used (e.g. a Teams secret that is not base64)."""


def verify_slack(secret: str, timestamp: str | None, signature: str | None, body: bytes, now: float) -> None:
    """Check ``X-Slack-Signature`` = 'v0=' + hex HMAC-SHA256(secret, 'v0:{timestamp}:{body}') and the timestamp's age."""
    if not timestamp or not signature:
        raise SignatureRejected("Missing X-Slack-Request-Timestamp or X-Slack-Signature.")
    try:
        sent = int(timestamp)
    except ValueError as exc:
        raise SignatureRejected("X-Slack-Request-Timestamp is not a Unix time.") from exc
    if abs(int(now) - sent) > SLACK_MAX_AGE:  # in integers: any number of digits compares, none overflows a float
        raise SignatureRejected("The request timestamp is more than 5 minutes from now (a replay?).")
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), signature.encode()):
        raise SignatureRejected("The Slack signature does not match.")


def verify_teams(secret: str, authorization: str | None, body: bytes) -> None:
    """Check ``Authorization: HMAC <base64(HMAC-SHA256(base64-decoded secret, body))>``."""
    try:
        key = base64.b64decode(secret, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise SecretInvalid(
            "KB_TEAMS_SECRET is not base64; paste the security token exactly as Teams shows it."
        ) from exc
    scheme, _, given = (authorization or "").partition(" ")
    if scheme != "HMAC" or not given:
        raise SignatureRejected("Missing or malformed Authorization header (expected 'HMAC <signature>').")
    expected = base64.b64encode(hmac.new(key, body, hashlib.sha256).digest())
    if not hmac.compare_digest(expected, given.strip().encode()):
        raise SignatureRejected("The Teams signature does not match.")
