"""Long requests take turns, and leave most of a worker's time to the short ones.

A worker answers on one event loop, so a request that computes for a second (a free-text question, a
thousand nodes, a large manifest) holds every other request of that worker for that second. Cached
answers take microseconds, so a few clients sending long requests back to back would take nearly all
of the worker's time. Here the long routes run one at a time per worker, in arrival order, and they
give way to short requests: after a long request that took ``t``, the next one waits while short
requests keep arriving (until none came for :data:`QUIET` seconds since it ended: the worker has
nothing else to do), but never longer than ``t * (1 - share) / share``, so long requests get
:data:`LONG_SHARE` of a busy worker's time and all of an idle one's. A long request waiting more than :data:`MAX_WAIT` seconds for
its turn is answered 503 with ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

LONG_ROUTES = ("/v1/ask", "/v1/check/", "/v1/chatops/")
"""Routes that read a body or a free-text question, whose cost grows with what is sent."""
LONG_SHARE = 0.1
MAX_WAIT = 10.0
QUIET = 0.01
"""Seconds without a short request after which a waiting long request may go: nothing else is waiting."""


class LaneBusy(Exception):
    """A long request waited :data:`MAX_WAIT` seconds and did not get its turn."""


class LongLane:
    """The turns of one worker's long requests (see the module's docstring)."""

    def __init__(
        self, share: float = LONG_SHARE, max_wait: float = MAX_WAIT, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.share, self.max_wait, self.clock = share, max_wait, clock
        self.turn_lock = asyncio.Lock()
        self.next_turn = 0.0
        self.last_turn_end = float("-inf")
        self.short_at = float("-inf")

    def short(self) -> None:
        """A short request is being answered now."""
        self.short_at = self.clock()

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Wait for this request's turn (LaneBusy past ``max_wait``), then hold it while the body runs."""
        deadline = self.clock() + self.max_wait
        try:
            await asyncio.wait_for(self.turn_lock.acquire(), self.max_wait)
        except TimeoutError as exc:
            raise LaneBusy from exc
        try:
            # Quiet means no short request since the last turn ended, too: short requests that arrived while
            # it computed are still queued, unseen, when it ends.
            while (now := self.clock()) < (
                resume := min(self.next_turn, max(self.short_at, self.last_turn_end) + QUIET)
            ):
                if resume > deadline:
                    raise LaneBusy
                await asyncio.sleep(resume - now)
            started = self.clock()
            try:
                yield
            finally:
                self.last_turn_end = self.clock()
                self.next_turn = self.last_turn_end + (self.last_turn_end - started) * (1 - self.share) / self.share
        finally:
            self.turn_lock.release()
