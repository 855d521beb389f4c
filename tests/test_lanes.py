"""Long requests take turns and give way to short ones (api.lanes), measured with short real delays."""

import asyncio
import time

import pytest

from api.lanes import LaneBusy, LongLane


async def long_request(
    lane: LongLane, seconds: float, log: list[tuple[str, float]], name: str, client: object = None
) -> None:
    async with lane.turn(client):
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

        async def short_requests():  # 500 a second: a busy worker
            while not stop.is_set():
                lane.short()
                await asyncio.sleep(0.002)

        shorts = asyncio.create_task(short_requests())
        await asyncio.sleep(0.3)  # the worker is busy with them
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


@pytest.mark.parametrize(("shorts", "waits"), [(150, True), (20, False)])
def test_busy_is_the_rate_of_short_requests_not_the_last_one_seen(shorts, waits):
    """While a long request computes it holds the loop, so short requests queue unseen: the silence when
    it ends says nothing. A worker that was answering many short requests stays busy and the next long
    one waits for its share; one with a few (a person, a script) goes on. Judged with a clock the test moves."""
    now = [0.0]

    async def scenario():
        lane = LongLane(share=0.1, clock=lambda: now[0])
        for _ in range(shorts):
            lane.short()
        async with lane.turn():
            now[0] = 1.0  # computed for a second, no short request seen meanwhile
        log: list[tuple[str, float]] = []
        second = asyncio.create_task(long_request(lane, 0.0, log, "second"))
        await asyncio.sleep(0.05)
        waited = not log
        now[0] = 10.5  # past its pause: 1 s of turn, then 9 s for the short requests
        await asyncio.wait_for(second, 1.0)
        return waited, log

    waited, log = asyncio.run(scenario())
    assert waited is waits and [name for name, _ in log] == ["second"]


@pytest.mark.parametrize(("others", "waits"), [(False, False), (True, True)])
def test_a_clients_own_short_requests_do_not_make_it_wait(others, waits):
    """One script alternating cached lookups and questions on its connection competes with no one; the same
    rate of short requests from other connections does make its next question wait for its share."""
    now = [0.0]

    async def scenario():
        lane = LongLane(share=0.1, clock=lambda: now[0])
        for i in range(150):
            lane.short(("10.0.0.2", 1000 + i) if others else ("10.0.0.1", 5000))
        async with lane.turn(("10.0.0.1", 5000)):
            now[0] = 1.0
        log: list[tuple[str, float]] = []
        second = asyncio.create_task(long_request(lane, 0.0, log, "second", ("10.0.0.1", 5000)))
        await asyncio.sleep(0.05)
        waited = not log
        now[0] = 10.5
        await asyncio.wait_for(second, 1.0)
        return waited

    assert asyncio.run(scenario()) is waits


def test_a_long_request_whose_turn_is_too_far_off_is_refused_after_the_wait_not_at_once():
    """Refused at once, a client sending long requests back to back would ask again at once."""

    async def scenario():
        lane, log = LongLane(share=0.01, max_wait=0.2), []
        for _ in range(150):
            lane.short()
        await long_request(lane, 0.05, log, "first")  # its pause is 0.05 * 99 = ~5 s
        started = time.monotonic()
        with pytest.raises(LaneBusy):
            await long_request(lane, 0.0, log, "second")
        return time.monotonic() - started

    assert 0.15 < asyncio.run(scenario()) < 1.0
