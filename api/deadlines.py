"""uvicorn's httptools protocol with read deadlines, so no client can hold a connection by sending slowly.

uvicorn closes a keep-alive connection that stays idle between requests, but it waits forever for the
rest of a request: a client that opens a connection and sends part of its headers, or part of its body,
holds the connection (and, for a body, the request's task) for as long as it likes. Here a request's
headers must arrive within ``header_timeout`` of the connection (or of the request's first byte, on a
kept-alive connection), and its body within ``body_timeout`` of the headers; past either deadline the
connection is closed (a route reading the body sees the client gone).
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class DeadlineHttpToolsProtocol(HttpToolsProtocol):
    """HttpToolsProtocol with a deadline for the headers and one for the body of every request."""

    header_timeout = 10.0
    body_timeout = 30.0
    deadline: asyncio.TimerHandle | None = None

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self.deadline = self.loop.call_later(seconds, self._expired)

    def _disarm(self) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
            self.deadline = None

    def _expired(self) -> None:
        self.deadline = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(self.header_timeout)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self.deadline is None:  # a kept-alive connection's next request
            self._arm(self.header_timeout)

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        self._arm(self.body_timeout)

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._disarm()


def deadline_protocol(header_timeout: float, body_timeout: float) -> type[DeadlineHttpToolsProtocol]:
    """The protocol class with these deadlines (seconds), for ``uvicorn.Config(http=...)``."""
    return type(
        "DeadlineHttpToolsProtocol",
        (DeadlineHttpToolsProtocol,),
        {"header_timeout": header_timeout, "body_timeout": body_timeout},
    )
