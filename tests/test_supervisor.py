"""The worker supervisor behind ``kb serve --workers N``: restarts, stops, and no lost stop signal.

Each test runs the supervisor in its own process (it forks), with trivial workers, and drives it
with signals the way an operator or Kubernetes would.
"""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.processes import alive, children_of, kill_tree, listed_children, replaced_by_another

ROOT = Path(__file__).resolve().parent.parent

WORKERS = {
    # waits for signals with their default action: SIGTERM ends it
    "idle": "def work():\n    while True:\n        signal.pause()\n",
    # a worker stuck in shutdown: it ignores SIGTERM, then says it is running
    "stubborn": (
        "def work():\n"
        "    signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "    log('ignoring SIGTERM')\n"
        "    while True:\n"
        "        signal.pause()\n"
    ),
    # cannot start: notes the attempt, then fails
    "broken": "def work():\n    log('attempt')\n    raise RuntimeError('no database')\n",
    # returns through sys.exit() with no code, which is success
    "quits": "def work():\n    log('attempt')\n    raise SystemExit\n",
}


def supervisor(
    worker: str, workers: int = 2, restart_pause: float = 0.2, kill_after: float = 30.0, log: Path | None = None
) -> subprocess.Popen:
    """The supervisor of ``workers`` copies of ``WORKERS[worker]``; workers append (time, event) lines to ``log``."""
    program = (
        "import os, signal, time\n"
        "from api.supervisor import supervise\n"
        "def log(event):\n"
        f"    with open({str(log)!r}, 'a') as f:\n"
        "        f.write(f'{time.monotonic()} {event}\\n')\n"
        f"{WORKERS[worker]}"
        f"supervise({workers}, work, restart_pause={restart_pause}, kill_after={kill_after})\n"
        "print('supervisor returned', flush=True)\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", program], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.fixture
def start() -> Iterator[Callable[..., subprocess.Popen]]:
    """``supervisor`` for a test, with every supervisor it started killed at the end if still running."""
    started: list[subprocess.Popen] = []

    def launch(*args: object, **kwargs: object) -> subprocess.Popen:
        started.append(supervisor(*args, **kwargs))
        return started[-1]

    yield launch
    for process in started:
        kill_tree(process)


def wait_until(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def finish(process: subprocess.Popen, seconds: float = 10.0) -> tuple[str, str]:
    """Wait for the supervisor; if it hangs, fail (the ``start`` fixture then kills it and its workers)."""
    try:
        return process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the supervisor did not stop within {seconds} s")


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_stops_every_worker_and_returns(start, stop):
    process = start("idle", workers=3)
    assert wait_until(lambda: len(children_of(process.pid)) == 3)
    started = children_of(process.pid)
    process.send_signal(stop)
    out, _ = finish(process)
    assert process.returncode == 0 and out == "supervisor returned\n"
    assert not [pid for pid in started if alive(pid)]


def test_a_worker_that_dies_is_replaced_after_the_pause(start):
    process = start("idle", workers=2, restart_pause=0.5)
    assert wait_until(lambda: len(children_of(process.pid)) == 2)
    first, second = children_of(process.pid)
    os.kill(first, signal.SIGKILL)
    killed = time.monotonic()
    replaced = wait_until(lambda: replaced_by_another(first, children_of(process.pid)))
    waited = time.monotonic() - killed
    now = children_of(process.pid)
    process.terminate()
    _, err = finish(process)
    assert replaced and second in now, (first, second, now, err)
    assert waited >= 0.45, waited  # no tight fork loop
    assert f"worker {first} was killed by SIGKILL; starting another" in err


def events(log: Path) -> list[tuple[float, str]]:
    lines = log.read_text().split("\n")[:-1] if log.exists() else []  # whole lines: a worker may be writing
    return [(float(when), event) for when, event in (line.split(" ", 1) for line in lines)]


def attempts_of(
    start: Callable[..., subprocess.Popen], log: Path, worker: str, count: int, restart_pause: float
) -> tuple[list[float], str]:
    """Run one ``worker`` until it has started ``count`` times, stop: (when each attempt began, stderr)."""
    process = start(worker, workers=1, restart_pause=restart_pause, log=log)
    assert wait_until(lambda: len(events(log)) >= count)
    process.terminate()
    _, err = finish(process)
    return [when for when, _ in events(log)], err


def test_a_worker_that_cannot_start_says_why_and_is_retried_slowly(start, tmp_path):
    attempts, err = attempts_of(start, tmp_path / "log", "broken", 3, restart_pause=0.3)
    assert all(later - earlier >= 0.28 for earlier, later in itertools.pairwise(attempts))  # no tight fork loop
    # each failure says why (the last attempt may have been stopped before it failed)
    assert err.count("RuntimeError: no database") >= len(attempts) - 1 >= 2
    assert err.count("exited with status 1; starting another") >= 2


def test_a_worker_that_ignores_sigterm_is_killed_after_the_grace_period(start, tmp_path):
    log = tmp_path / "log"
    process = start("stubborn", workers=2, kill_after=1.0, log=log)
    assert wait_until(lambda: len(events(log)) == 2)  # both workers now ignore SIGTERM
    stopped = time.monotonic()
    process.terminate()
    out, _ = finish(process)
    assert out == "supervisor returned\n"
    assert 0.9 <= time.monotonic() - stopped < 5


@pytest.mark.slow
def test_no_stop_signal_is_lost_however_it_is_timed(start):
    """SIGTERM the supervisor the instant its last worker exists, many times: it must stop every time.

    A race, so a statistical test: the old supervisor, a Python signal handler around a blocking
    ``os.wait()``, hung in about 1 stop in 300 (the handler ran only after a wait that never
    returned; a CI run hung on it), and this test failed on it in 2 runs of 6. Signals taken with
    ``sigwaitinfo`` cannot be lost, so on the supervisor as it is the test cannot fail by chance.
    """
    hangs = 0
    for _ in range(200):
        process = start("idle", workers=2)
        while len(listed_children(process.pid)) < 2 and process.poll() is None:
            pass  # no sleep, and the fast listing: the signal must land right after the fork
        process.terminate()
        try:
            process.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            hangs += 1
            kill_tree(process)
    assert hangs == 0


def test_a_worker_that_quits_is_reported_with_its_exit_status_and_replaced(start, tmp_path):
    _, err = attempts_of(start, tmp_path / "log", "quits", 2, restart_pause=0.1)
    assert "exited with status 0; starting another" in err and "Traceback" not in err
