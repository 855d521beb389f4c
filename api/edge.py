"""The HTTP edge: a pure ASGI layer in front of FastAPI for what every request shares.

- bounds: query strings over :data:`MAX_QUERY` bytes are 422, bodies over :data:`MAX_BODY` bytes 413
  (the largest input any route reads; routes bound their own inputs more tightly);
- representation: a ``.csv`` suffix or the ``Accept`` header picks JSON, CSV or one line of text;
- caching: the data cannot change while the process runs, so every ``/v1`` GET answer is produced
  once by FastAPI, kept as bytes (bounded LRU keyed by path, query string, representation and the
  language ``Accept-Language`` asks for) and
  replayed; only whole answers (never a range, a body cut short or a client gone) of canonical
  paths (no ``.``, ``..`` or empty segment) are kept; a strong ``ETag`` (dataset content hash +
  day + representation + language), ``Cache-Control``, ``Vary: Accept, Accept-Language`` and ``304 Not Modified`` on
  ``If-None-Match``;
- turns: the long routes (questions, checks, chat) take turns and leave most of the worker to the
  short requests (:mod:`api.lanes`); one that waits too long is a 503;
- CORS: ``*`` on GET, and preflight answers;
- security headers on every response (:mod:`api.headers`): nosniff, a same-origin
  Content-Security-Policy, no referrer, no framing;
- the last guard: nothing leaves as HTML or as a bare traceback.

The replayed bytes and headers are the ones FastAPI produced, so the fast path cannot disagree with it.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import orjson
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect

from api.cache import AnswerCache, Cached
from api.headers import CORS_HEADERS, PREFLIGHT_HEADERS, SECURITY_HEADERS, UNCACHED_GET_HEADERS
from api.lanes import LONG_ROUTES, LaneBusy, LongLane
from kb.checks.documents import MAX_INPUT_BYTES
from kb.i18n import from_accept_language

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("uvicorn.error")
"""Where uvicorn logs an application's exceptions; the edge catches them first, so it logs them there."""

BUSY_MESSAGE = "The server is busy with long requests (questions, checks); retry in a few seconds."
MAX_QUERY = 2048
MAX_BODY = MAX_INPUT_BYTES
CACHE_ENTRIES = 8192
CACHE_BYTES = 32 * 1024 * 1024
CACHE_CONTROL_OK = b"public, max-age=3600"
CACHE_CONTROL_ERROR = b"public, max-age=300"
CACHE_CONTROL_NONE = b"no-store"
MEDIA_TYPES = {"application/json": "json", "text/csv": "csv", "text/plain": "text"}
CSV_SUFFIX = ".csv"


def _client(scope: Scope) -> tuple | None:
    """The connection a request came on, (host, port), as a key; servers give a list or a tuple, or nothing."""
    client = scope.get("client")
    return tuple(client) if client else None


def _read_header(
    scope: Scope, name: bytes, seen: dict[bytes, str], read: Callable[[str], str | None], default: str
) -> str:
    """What header ``name`` says, read once per distinct value (``seen`` remembers up to 256 of them)."""
    value = _header(scope, name)
    if not value:
        return default
    meaning = seen.get(value)
    if meaning is None:
        meaning = read(value.decode("latin-1")) or default
        if len(seen) < 256:
            seen[value] = meaning
    return meaning


def representation_of(accept: str) -> str:
    """The representation an ``Accept`` header asks for: json, csv or text (json when nothing fits)."""
    best, best_q = "json", -1.0
    for part in accept.split(","):
        media, _, params = part.strip().partition(";")
        kind = MEDIA_TYPES.get(media.strip().lower())
        if kind is None:
            continue
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > best_q:
            best, best_q = kind, q
    return best


def error_body(code: str, message: str) -> bytes:
    """The error shape every route uses, for the errors the edge answers itself."""
    return orjson.dumps({"error": {"code": code, "message": message, "suggestions": []}})


def _etag_matches(header: bytes, etag: bytes) -> bool:
    """``If-None-Match`` uses weak comparison: ``W/`` prefixes are ignored, ``*`` matches anything."""
    for candidate in header.split(b","):
        candidate = candidate.strip()
        if candidate == b"*" or candidate.removeprefix(b"W/") == etag:
            return True
    return False


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return value
    return None


class Edge:
    """ASGI middleware: bounds, representation, response cache, ETag/304, Cache-Control, CORS, last guard."""

    default_entries = CACHE_ENTRIES

    def __init__(
        self,
        app: ASGIApp,
        dataset_key: Callable[[], str],
        cache_entries: int = CACHE_ENTRIES,
        cache_bytes: int = CACHE_BYTES,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.app = app
        self.dataset_key = dataset_key
        self.clock = clock
        self.cache = AnswerCache(cache_entries, cache_bytes)
        self.day = -1
        self.tag = b""
        self.accept_reps: dict[bytes, str] = {}
        self.accept_langs: dict[bytes, str] = {}
        self.lane = LongLane()

    def _refresh_tag(self) -> None:
        """Answers with computed booleans (is_maintained) change with the date: so do the tag and the cache."""
        day = int(self.clock() // 86400)
        if day != self.day:
            digest = hashlib.sha256(f"{self.dataset_key()}|{day}".encode()).hexdigest()[:20]
            self.day, self.tag = day, digest.encode()
            self.cache.clear()

    def _representation(self, scope: Scope) -> str:
        return _read_header(scope, b"accept", self.accept_reps, representation_of, "json")

    def _language(self, scope: Scope) -> str:
        """The language ``Accept-Language`` asks for (``?lang=`` is part of the query, so of the key already)."""
        return _read_header(scope, b"accept-language", self.accept_langs, from_accept_language, "en")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if len(scope["query_string"]) > MAX_QUERY:
            await self._send_error(send, 422, "query_too_long", f"The query string is over {MAX_QUERY} bytes.")
            return
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            await self._send_error(send, 413, "too_large", f"Request bodies are limited to {MAX_BODY} bytes.")
            return
        if method == "OPTIONS":
            await send({"type": "http.response.start", "status": 204, "headers": PREFLIGHT_HEADERS})
            await send({"type": "http.response.body", "body": b""})
            return
        if method in ("GET", "HEAD"):
            await self._get(scope, receive, send, head=method == "HEAD")
            return
        await self._guarded(scope, _bounded(receive), _with_headers(send, head=False, extra=SECURITY_HEADERS))

    async def _get(self, scope: Scope, receive: Receive, send: Send, head: bool) -> None:
        path: str = scope["path"]
        if not ((path.startswith("/v1/") and _canonical(path)) or path == "/openapi.json"):
            await self._guarded(dict(scope, method="GET"), receive, _with_headers(send, head, UNCACHED_GET_HEADERS))
            return
        self._refresh_tag()
        rep, suffix, raw_path = self._representation(scope), "", scope.get("raw_path") or path.encode()
        if path.endswith(CSV_SUFFIX):
            rep, suffix, path = "csv", CSV_SUFFIX, path[: -len(CSV_SUFFIX)]
            raw_path = raw_path.removesuffix(CSV_SUFFIX.encode())
        lang = self._language(scope)
        key = (path, scope["query_string"], rep, lang)
        cached = self.cache.get(key)
        if cached is not None:
            self.lane.short(_client(scope))
        else:
            inner = dict(scope, method="GET", path=path, raw_path=raw_path)
            inner["state"] = dict(scope.get("state") or {}, representation=rep, suffix=suffix)
            cached, whole = await self._render(inner, receive, lang)
            if whole:
                self.cache.put(key, cached)
        await self._replay(scope, send, cached, head)

    async def _render(self, scope: Scope, receive: Receive, lang: str) -> tuple[Cached, bool]:
        """Run FastAPI once for this request and keep what it sent; and whether that is the whole answer
        (its body finished, the client still there, no part of a range), the only kind the cache keeps."""
        start: Message = {}
        chunks: list[bytes] = []
        finished = gone = False

        async def capture(message: Message) -> None:
            nonlocal finished
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                finished = not message.get("more_body", False)

        async def watching() -> Message:
            nonlocal gone
            message = await receive()
            gone = gone or message["type"] == "http.disconnect"
            return message

        await self._guarded(scope, watching, capture)
        # A fresh, exactly sized copy: encoders over-allocate (orjson's buffer is ~8 KB), and this one is kept.
        body = bytes(memoryview(b"".join(chunks)))
        status = start.get("status", 500)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in _OWN_HEADERS]
        content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
        kind = MEDIA_TYPES.get(content_type.split(b";")[0].decode("latin-1").strip())
        etag = b'"' + self.tag + b"-" + f"{kind}-{lang}".encode() + b'"' if kind and 200 <= status < 300 else None
        if status < 400:
            control = CACHE_CONTROL_OK
        elif status < 500:
            control = CACHE_CONTROL_ERROR
        else:
            control = CACHE_CONTROL_NONE
        headers += [
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", control),
            (b"vary", b"Accept, Accept-Language"),
            *CORS_HEADERS,
            *SECURITY_HEADERS,
        ]
        if etag:
            headers.append((b"etag", etag))
        partial = any(k.lower() == b"content-range" for k, _ in headers)
        return Cached(status, headers, body, etag), finished and not gone and not partial

    async def _replay(self, scope: Scope, send: Send, cached: Cached, head: bool) -> None:
        if cached.etag is not None:
            condition = _header(scope, b"if-none-match")
            if condition is not None and _etag_matches(condition, cached.etag):
                headers = [(k, v) for k, v in cached.headers if k not in (b"content-length", b"content-type")]
                await send({"type": "http.response.start", "status": 304, "headers": headers})
                await send({"type": "http.response.body", "body": b""})
                return
        await send({"type": "http.response.start", "status": cached.status, "headers": cached.headers})
        await send({"type": "http.response.body", "body": b"" if head else cached.body})

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app; an exception that escapes it is logged with its traceback (as uvicorn logs one)
        and becomes a JSON 500 (tests make sure none does)."""
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            if scope["path"].startswith(LONG_ROUTES):
                # The body first, then the turn: a client sending slowly waits alone, holding no turn.
                body = await _whole_body(receive)
                async with self.lane.turn(_client(scope)):
                    await self.app(scope, _replaying(body, receive), tracking)
            else:
                self.lane.short(_client(scope))
                await self.app(scope, receive, tracking)
        except LaneBusy:
            await self._send_error(send, 503, "busy", BUSY_MESSAGE, [(b"retry-after", b"5")])
        except HTTPException as exc:  # a body over the bound, met while reading it here
            await self._send_error(send, exc.status_code, "too_large", str(exc.detail))
        except ClientDisconnect:
            return  # the client left (or missed its deadline) while its body was read: no one to answer
        except Exception:
            log.exception("Exception in ASGI application: %s %s", scope["method"], scope["path"])
            if not started:
                await self._send_error(send, 500, "internal_error", "The server failed to answer; this is a bug.")

    @staticmethod
    async def _send_error(
        send: Send, status: int, code: str, message: str, extra: list[tuple[bytes, bytes]] | None = None
    ) -> None:
        body = error_body(code, message)
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", CACHE_CONTROL_NONE),
            *CORS_HEADERS,
            *SECURITY_HEADERS,
            *(extra or []),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


_OWN_HEADERS = {
    b"content-length",
    b"cache-control",
    b"vary",
    b"etag",
    *(k for k, _ in CORS_HEADERS),
    *(k for k, _ in SECURITY_HEADERS),
}


async def _whole_body(receive: Receive) -> bytes:
    """Every byte of the request's body; ClientDisconnect when the client leaves before sending it all."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    """``receive`` for an app, its body already read: the body once, then whatever the client does next."""
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay


def _canonical(path: str) -> bool:
    """No empty, ``.`` or ``..`` segment: the path names one route, never a file reached by normalising it."""
    return all(segment not in ("", ".", "..") for segment in path[1:].split("/"))


def _bounded(receive: Receive) -> Receive:
    """Count body bytes as they arrive, for bodies sent without a Content-Length: past the bound, the
    route reading the body gets an HTTP 413, which the error handlers answer as JSON."""
    seen = 0

    async def bounded() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > MAX_BODY:
                raise HTTPException(413, f"Request bodies are limited to {MAX_BODY} bytes.")
        return message

    return bounded


def _with_headers(send: Send, head: bool, extra: list[tuple[bytes, bytes]]) -> Send:
    """For answers the edge does not cache (site, docs, health, POSTs): add each of ``extra`` the app did
    not set itself, and drop the body of a HEAD."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            present = {k.lower() for k, _ in headers}
            message = dict(message, headers=headers + [(k, v) for k, v in extra if k not in present])
        elif head and message["type"] == "http.response.body":
            message = dict(message, body=b"")
        await send(message)

    return sending
