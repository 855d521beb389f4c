"""Drive an ASGI app in the calling thread, message by message: for what a test client hides
(a client that disconnects, a request whose handler must be interruptible by a signal)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

Message = dict[str, Any]


def call(
    app: Any,
    method: str,
    path: str,
    body: bytes = b"",
    headers: list[tuple[str, str]] | None = None,
    receive: Callable[[], Awaitable[Message]] | None = None,
) -> tuple[int | None, dict[str, str], bytes]:
    """Send one request to ``app`` in this thread; (status or None when nothing was sent, headers, body)."""
    return asyncio.run(call_async(app, method, path, body, headers, receive))


async def call_async(
    app: Any,
    method: str,
    path: str,
    body: bytes = b"",
    headers: list[tuple[str, str]] | None = None,
    receive: Callable[[], Awaitable[Message]] | None = None,
) -> tuple[int | None, dict[str, str], bytes]:
    """:func:`call` in the running event loop, to send several requests at once."""
    path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers or []],
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 50000),
        "state": {},
    }
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def whole_body() -> Message:
        if pending:
            return pending.pop(0)
        await asyncio.Event().wait()  # a client that stays until the answer is sent
        return {"type": "http.disconnect"}

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive or whole_body, send)
    start = next((m for m in sent if m["type"] == "http.response.start"), None)
    if start is None:
        return None, {}, b""
    found = {k.decode().lower(): v.decode() for k, v in start.get("headers", [])}
    return start["status"], found, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
