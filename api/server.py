"""Production serving: worker processes forked from one loaded app, each with its own listening socket.

uvicorn's own ``--workers`` share one listening socket, and under keep-alive load the kernel hands
most connections to whichever worker wakes first: measured here, all 32 connections of a benchmark
landed on one of two workers. Here every worker binds the port with ``SO_REUSEPORT``, so the kernel
spreads connections evenly. The app and the catalog are loaded once before forking (the catalog is
frozen out of the garbage collector, so its pages stay shared), which makes a worker's start cheap.

:func:`main` is ``kb serve``: the ``kb`` command hands it the arguments before loading the CLI
(see :mod:`kb.__main__`), so a server's cold start does not pay for the CLI framework.
"""

from __future__ import annotations

import argparse
import gc
import os
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from api.deadlines import deadline_protocol
from api.supervisor import supervise
from kb.catalog import DEFAULT_DB
from kb.errors import EXIT_BAD_INPUT, DatabaseUnreadable

RESTART_PAUSE = 1.0
HEADER_TIMEOUT = 10.0
"""Seconds a client has to send a request's headers, from connecting (or from the request's first byte)."""
BODY_TIMEOUT = 30.0
"""Seconds a client has to send a request's body once its headers are in (8 MiB at 280 KB/s)."""
KEEP_ALIVE_TIMEOUT = 5
"""Seconds an idle kept-alive connection stays open between requests."""
MAX_CONNECTIONS = 1000
"""Connections one worker holds at most; past it uvicorn answers 503 and closes, so slow or idle clients
cannot exhaust a worker's file descriptors and memory."""


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to (host, port) that other workers can bind too; the kernel balances between them."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def uvicorn_config(app: FastAPI) -> uvicorn.Config:
    """The production settings: uvloop, httptools with read deadlines, a bound on connections, no access
    log, no per-response server or date header."""
    return uvicorn.Config(
        app,
        loop="uvloop",
        http=deadline_protocol(HEADER_TIMEOUT, BODY_TIMEOUT),
        limit_concurrency=MAX_CONNECTIONS,
        timeout_keep_alive=KEEP_ALIVE_TIMEOUT,
        log_level="warning",
        access_log=False,
        server_header=False,
        date_header=False,
        proxy_headers=False,
        timeout_graceful_shutdown=5,
    )


def run_worker(app: FastAPI, host: str, port: int) -> None:
    """Serve ``app`` on this process's own socket until SIGTERM or SIGINT."""
    uvicorn.Server(uvicorn_config(app)).run(sockets=[listening_socket(host, port)])


def preload(db: Path, site: Path | None) -> FastAPI:
    """The app with its catalog loaded, before any fork, so workers share both."""
    from api.main import create_app
    from kb.catalog import load_catalog

    app = create_app(db, site)
    app.state.catalog = load_catalog(db)
    gc.freeze()  # everything loaded so far lives as long as the process: never scan it again
    gc.enable()
    return app


def serve(host: str, port: int, workers: int, db: Path, site: Path | None = None) -> None:
    """Serve on ``host:port`` from ``workers`` processes (see :func:`api.supervisor.supervise`)."""
    listening_socket(host, port).close()  # fail here, once, if the port is taken
    app = preload(db, site)
    if workers <= 1:
        run_worker(app, host, port)
        return
    supervise(workers, lambda: run_worker(app, host, port), RESTART_PAUSE)


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kb serve",
        description="Serve the JSON API (and the built site, when present) with production settings. "
        "With no options: one worker process per core, each on its own SO_REUSEPORT socket so the kernel "
        "balances connections, uvloop and httptools, no access log. The database is immutable while it runs, "
        "so workers share nothing and scale with cores.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default: %(default)s).")
    parser.add_argument("--port", type=int, default=8000, help="Port (default: %(default)s).")
    parser.add_argument("--workers", type=int, help="Worker processes (default: one per core).")
    parser.add_argument(
        "--db",
        type=Path,
        default=Path(os.environ.get("KB_DB", DEFAULT_DB)),
        help="The built database (env KB_DB; default: %(default)s).",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """``kb serve [--host] [--port] [--workers] [--db]``; 2 for bad input, as everywhere in the CLI."""
    parser = arguments()
    options = parser.parse_args(argv)
    if options.workers is not None and options.workers < 1:
        parser.error("--workers must be 1 or more")
    site = Path(os.environ.get("KB_SITE", "site"))
    workers = options.workers or len(os.sched_getaffinity(0)) or 1
    try:
        serve(options.host, options.port, workers, options.db.resolve(), site)
    except DatabaseUnreadable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # the address is taken or cannot be bound
        print(f"error: cannot listen on {options.host}:{options.port}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0
