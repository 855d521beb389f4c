"""Long requests take turns, and leave most of a worker's time to the short ones.

A worker answers on one event loop, so a request that computes for a second (a free-text question, a
thousand nodes, a large manifest) holds every other request of that worker for that second. Cached
answers take microseconds, so a few clients sending long requests back to back would take nearly all
of the worker's time. Here the long routes run one at a time per worker, in arrival order, and while
the worker is busy with short requests (:data:`BUSY_RATE` a second or more) they get at most
:data:`LONG_SHARE` of its time: after a long request that took ``t``, the next one starts
``t * (1 - share) / share`` later. A worker with few short requests (one person, a script alternating
lookups and checks) runs long requests back to back. A long request waiting more than :data:`MAX_WAIT`
seconds for its turn is answered 503 with ``Retry-After``.

Busy is judged from the rate of short requests, not from the last one seen: while a long request
computes it holds the loop, so the short requests that arrive meanwhile queue unseen, and that
silence says nothing about the worker being idle.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

LONG_ROUTES = ("/v1/ask", "/v1/check/", "/v1/chatops/")
"""Routes that read a body or a free-text question, whose cost grows with what is sent."""
LONG_SHARE = 0.1
MAX_WAIT = 10.0
BUSY_RATE = 100
"""Short requests a second from which a worker counts as busy with them (a person sends a few)."""


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
        self.busy_at_last_turn = False
        self.window_start = float("-inf")
        self.shorts_in_window: Counter[object] = Counter()
        self.shorts_in_last_window: Counter[object] = Counter()

    def short(self, client: object = None) -> None:
        """A short request of ``client`` (its connection) is being answered now (counted in one-second windows)."""
        now = self.clock()
        if now - self.window_start >= 1.0:
            self.shorts_in_last_window, self.shorts_in_window, self.window_start = self.shorts_in_window, Counter(), now
        self.shorts_in_window[client] += 1

    def busy(self, client: object = None) -> bool:
        """Whether other clients' short requests come at :data:`BUSY_RATE` a second or more (this window or the
        last): one script alternating lookups and questions on its connection competes with no one."""
        return max(_others(self.shorts_in_window, client), _others(self.shorts_in_last_window, client)) >= BUSY_RATE

    @asynccontextmanager
    async def turn(self, client: object = None) -> AsyncIterator[None]:
        """Wait for this request's turn (LaneBusy past ``max_wait``), then hold it while the body runs."""
        deadline = self.clock() + self.max_wait
        try:
            await asyncio.wait_for(self.turn_lock.acquire(), self.max_wait)
        except TimeoutError as exc:
            raise LaneBusy from exc
        try:
            while (self.busy_at_last_turn or self.busy(client)) and (now := self.clock()) < self.next_turn:
                if now >= deadline:
                    raise LaneBusy  # only now: refused at once, a client would ask again at once
                await asyncio.sleep(min(self.next_turn - now, deadline - now, 0.05))  # look again: busy may end
            self.busy_at_last_turn = self.busy(client)
            started = self.clock()
            try:
                yield
            finally:
                ended = self.clock()
                self.next_turn = ended + (ended - started) * (1 - self.share) / self.share
        finally:
            self.turn_lock.release()


def _others(counts: Counter[object], client: object) -> int:
    """Short requests of other clients; with no client known, all of them."""
    return sum(counts.values()) - (counts.get(client, 0) if client is not None else 0)
