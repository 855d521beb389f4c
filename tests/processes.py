"""Which processes a server has forked, read reliably from /proc, for tests that stop and kill them."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from pathlib import Path


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of ``pid``, or None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None
    return fields[0], int(fields[1])


def children_of(parent: int) -> set[int]:
    """The running children of ``parent`` (zombies waiting to be reaped are not running).

    Read from each process's own stat file: ``/proc/PID/task/PID/children`` is read by list
    position, so a child exiting during the read can make another one be listed twice.
    """
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None and stat[1] == parent and stat[0] != "Z":
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running: neither gone nor a zombie."""
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z"


def listed_children(parent: int) -> list[int]:
    """The children ``/proc`` lists for ``parent``: fast enough to catch a fork within microseconds,
    but not reliable while children exit (see :func:`children_of`); for timing, not for identity."""
    listing = Path(f"/proc/{parent}/task/{parent}/children")
    try:
        return [int(pid) for pid in listing.read_text().split()]
    except FileNotFoundError:
        return []


def replaced_by_another(first: int, workers: set[int]) -> bool:
    """Two workers, neither ``first``: judged on one reading, as two could straddle the moment it exits."""
    return len(workers) == 2 and first not in workers


def kill_tree(process: subprocess.Popen) -> None:
    """SIGKILL a server and its workers if still running, and reap it: a failed test leaves nothing behind."""
    if process.poll() is None:
        for pid in children_of(process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        process.kill()
    process.communicate()
