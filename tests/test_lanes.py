"""Long requests take turns and give way to short ones (api.lanes), measured with short real delays."""

import asyncio
import time

import pytest

from api.lanes import LaneBusy, LongLane


async def long_request(lane: LongLane, seconds: float, log: list[tuple[str, float]], name: str) -> None:
    async with lane.turn():
        log.append((name, time.monotonic()))
        await asyncio.sleep(seconds)  # stands for computing: the lane only measures how long it held the turn


def test_long_requests_run_one_at_a_time_and_back_to_back_when_nothing_else_runs():
    async def scenario():
        lane, log = LongLane(share=0.1), []
        started = time.monotonic()
        await asyncio.gather(*(long_request(lane, 0.05, log, f"r{n}") for n in range(3)))
        return started, log

    started, log = asyncio.run(scenario())
    assert [name for name, _ in log] == ["r0", "r1", "r2"]
    assert log[-1][1] - started < 0.35  # three turns of 0.05 s; a pause for short requests would be 0.45 s


def test_while_short_requests_arrive_a_long_one_waits_for_its_share():
    async def scenario():
        lane, log = LongLane(share=0.25), []
        stop = asyncio.Event()

        async def short_requests():
            while not stop.is_set():
                lane.short()
                await asyncio.sleep(0.002)

        shorts = asyncio.create_task(short_requests())
        await long_request(lane, 0.1, log, "first")
        await long_request(lane, 0.0, log, "second")
        stop.set()
        await shorts
        return log

    log = asyncio.run(scenario())
    gap = log[1][1] - log[0][1]
    assert 0.35 < gap < 1.0  # 0.1 s of turn, then 0.1 * 0.75 / 0.25 = 0.3 s given to the short requests


def test_a_long_request_that_cannot_get_a_turn_in_time_is_refused():
    async def scenario():
        lane, log = LongLane(share=0.1, max_wait=0.1), []
        first = asyncio.create_task(long_request(lane, 0.3, log, "first"))
        await asyncio.sleep(0.01)
        with pytest.raises(LaneBusy):
            await long_request(lane, 0.0, log, "second")
        await first

    asyncio.run(scenario())


def test_a_busy_lane_is_a_503_with_retry_after(real_db, tmp_path):
    from api.main import create_app
    from kb.catalog import load_catalog
    from tests import asgi

    app = create_app(real_db, site_dir=tmp_path / "no-site")
    app.state.catalog = load_catalog(real_db)

    async def scenario():
        async with app.edge.lane.turn():  # another long request holds the turn
            app.edge.lane.max_wait = 0.05
            return await asyncio.to_thread(asgi.call, app, "GET", "/v1/ask?q=gmsa+1.22")

    status, headers, body = asyncio.run(scenario())
    assert status == 503 and headers["retry-after"] == "5" and b'"busy"' in body


def test_a_client_sending_its_body_slowly_holds_no_turn(real_db, tmp_path):
    """The edge reads a long route's body before it takes a turn, so a slow sender keeps no one waiting."""
    from api.main import create_app
    from kb.catalog import load_catalog
    from tests import asgi

    app = create_app(real_db, site_dir=tmp_path / "no-site")
    app.state.catalog = load_catalog(real_db)
    body = b"kind: Pod\nspec: {os: {name: windows}, containers: []}\n"

    async def scenario():
        parts = [body[:10], body[10:]]

        async def slowly():
            await asyncio.sleep(0.5)
            return {"type": "http.request", "body": parts.pop(0), "more_body": bool(parts)}

        slow = asyncio.create_task(
            asgi.call_async(app, "POST", "/v1/check/manifest", headers=[("content-type", "text/yaml")], receive=slowly)
        )
        await asyncio.sleep(0.05)
        started = time.monotonic()
        quick = await asgi.call_async(app, "GET", "/v1/ask?q=gmsa+1.22")
        waited = time.monotonic() - started
        return quick[0], waited, (await slow)[0]

    quick, waited, slow = asyncio.run(scenario())
    assert (quick, slow) == (200, 200) and waited < 0.4


def test_the_silence_while_a_long_request_computes_is_not_quiet():
    """While a long request computes it holds the loop, so short requests queue unseen: when it ends, the
    next long one must give them time to be seen (QUIET after the turn), not take the silence for an idle
    worker. Judged with a clock the test moves."""
    from api.lanes import QUIET

    now = [0.0]

    async def scenario():
        lane = LongLane(share=0.1, clock=lambda: now[0])
        lane.short()  # a short request just before the long one
        async with lane.turn():
            now[0] = 1.0  # computed for a second
        second = asyncio.create_task(long_request(lane, 0.0, log := [], "second"))
        await asyncio.sleep(0.05)
        waited = not log  # still waiting at the same instant the first one ended
        now[0] = 1.0 + QUIET * 2  # no short request came after it: the worker is idle
        await asyncio.wait_for(second, 1.0)
        return waited, log

    waited, log = asyncio.run(scenario())
    assert waited and [name for name, _ in log] == ["second"]
