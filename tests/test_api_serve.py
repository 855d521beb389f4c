"""`kb serve` runs the production configuration, and a real server answers like the in-process app."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from email.message import Message
from pathlib import Path

import pytest
from typer.testing import CliRunner
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from api.main import create_app
from kb.cli import app as cli
from tests.processes import alive, children_of, kill_tree, listed_children, replaced_by_another


def test_serve_with_no_options_is_the_production_configuration(monkeypatch, real_db):
    from api import server

    seen = {}
    monkeypatch.setattr(server, "serve", lambda host, port, workers, db, site=None: seen.update(workers=workers))
    result = CliRunner().invoke(cli, ["serve", "--db", str(real_db)])
    assert result.exit_code == 0, result.output
    assert seen["workers"] == len(os.sched_getaffinity(0))
    config = server.uvicorn_config(create_app(real_db))
    assert (config.loop, config.access_log, config.proxy_headers) == ("uvloop", False, False)
    assert issubclass(config.http, HttpToolsProtocol) and config.limit_concurrency == server.MAX_CONNECTIONS


def test_serve_passes_its_options_to_the_server(monkeypatch, real_db):
    from api import server

    seen = {}
    monkeypatch.setattr(server, "serve", lambda host, port, workers, db, site=None: seen.update(locals()))
    argv = ["--host", "0.0.0.0", "--port", "9001", "--workers", "3", "--db", str(real_db)]
    assert server.main(argv) == 0
    assert (seen["host"], seen["port"], seen["workers"], seen["db"]) == ("0.0.0.0", 9001, 3, real_db.resolve())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--db", "missing.db"], "no database at "),
        (["--workers", "0"], "--workers must be 1 or more"),
        (["--port", "eighty"], "invalid int value"),
        (["--verbose"], "unrecognized arguments"),
    ],
)
def test_bad_serve_options_are_exit_2(tmp_path, monkeypatch, capsys, argv, message):
    from api import server

    monkeypatch.chdir(tmp_path)
    try:
        code = server.main(argv)
    except SystemExit as exit:  # argparse's own errors
        code = exit.code
    assert code == 2
    assert message in capsys.readouterr().err


def test_a_taken_port_is_exit_2_with_a_message(real_db, capsys):
    from api import server

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert server.main(["--port", str(port), "--db", str(real_db)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_serve_without_a_database_is_exit_2_through_the_cli(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2


def test_the_kb_command_serves_without_loading_the_cli_framework(tmp_path):
    """``kb serve`` goes to the server before typer is imported; other commands are the typer CLI."""
    probe = (
        "import sys\n"
        "from kb.__main__ import main\n"
        "sys.argv = ['kb', *sys.argv[1:]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    print(exit.code, 'typer' in sys.modules)\n"
    )
    missing = str(tmp_path / "missing.db")
    serve = subprocess.run([sys.executable, "-c", probe, "serve", "--db", missing], capture_output=True, text=True)
    assert serve.stdout.split() == ["2", "False"] and "no database" in serve.stderr
    support = subprocess.run(
        [sys.executable, "-c", probe, "support", "gmsa", "--db", missing], capture_output=True, text=True
    )
    assert support.stdout.split() == ["2", "True"]


def test_serve_help_lists_the_server_options():
    result = subprocess.run([sys.executable, "-m", "kb", "serve", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert all(option in result.stdout for option in ("--host", "--port", "--workers", "--db", "KB_DB"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def listeners(port: int) -> int:
    """Listening TCP sockets on ``port`` (from /proc/net/tcp: state 0A is LISTEN)."""
    rows = Path("/proc/net/tcp").read_text().splitlines()[1:]
    return sum(1 for row in rows if row.split()[1].endswith(f":{port:04X}") and row.split()[3] == "0A")


@pytest.mark.slow
def test_a_real_server_answers_with_the_same_bytes_as_the_export(real_db, real_catalog, tmp_path):
    from datetime import UTC, datetime

    from kb.export import export

    export(real_catalog, tmp_path / "static", datetime.now(UTC).date(), support=False)
    port = free_port()
    kb = Path(sys.executable).with_name("kb")
    env = {**os.environ, "KB_SITE": str(tmp_path / "no-site")}
    server = subprocess.Popen(
        [str(kb), "serve", "--port", str(port), "--workers", "2", "--db", str(real_db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # never an unread pipe: a full one would block the server
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if fetch(base + "/readyz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.05)
        assert listeners(port) == 2  # one SO_REUSEPORT socket per worker: the kernel balances connections
        for path in ("features", "kubernetes", "windows", "matrix", "meta", "features/gmsa"):
            for _ in range(3):  # both workers, cached and not
                status, headers, body = fetch(f"{base}/v1/{path}")
                assert status == 200 and body == (tmp_path / "static" / f"{path}.json").read_bytes(), path
                assert fetch(f"{base}/v1/{path}", {"If-None-Match": headers["ETag"]})[0] == 304
        status, _, body = fetch(f"{base}/v1/support?feature=no-such-thing&kubernetes=1.26")
        assert status == 404 and body.startswith(b'{"error":')
        first = min(children_of(server.pid))
        os.kill(first, signal.SIGKILL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not replaced_by_another(first, children_of(server.pid)):
            time.sleep(0.1)
        assert replaced_by_another(first, children_of(server.pid))
    finally:
        survivors = children_of(server.pid)
        server.terminate()
        try:
            server.wait(timeout=15)
        finally:
            kill_tree(server)  # only if it hung: then the test fails, and leaves no server behind
    assert not [pid for pid in survivors if alive(pid)]  # SIGTERM stops every worker


@pytest.mark.slow
def test_a_stop_right_after_a_worker_restart_stops_every_process(real_db, tmp_path):
    """SIGTERM the server the moment a replacement worker exists: the new worker must stop too.

    Before stop signals were blocked around fork, the new worker could catch the SIGTERM meant for
    it with the parent's handler and then serve forever (every time, in this loop).
    """
    kb = Path(sys.executable).with_name("kb")
    env = {**os.environ, "KB_SITE": str(tmp_path / "no-site")}
    for _ in range(3):
        port = free_port()
        server = subprocess.Popen(
            [str(kb), "serve", "--port", str(port), "--workers", "2", "--db", str(real_db)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and len(children_of(server.pid)) < 2:
                time.sleep(0.02)
            first = min(children_of(server.pid))
            os.kill(first, signal.SIGKILL)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and not replaced_by_another(first, set(listed_children(server.pid))):
                pass  # no sleep, and the fast listing: signal the server as soon as the replacement is forked
            survivors = children_of(server.pid)
            server.terminate()
            server.wait(timeout=15)
        finally:
            kill_tree(server)  # only if it hung: then wait() above has failed the test
        assert not [pid for pid in survivors if alive(pid)]


@contextlib.contextmanager
def production_server(app, monkeypatch, **settings):
    """kb serve's uvicorn settings (see api.server), some made small, served from a thread on a free port."""
    import threading

    import uvicorn

    from api import server

    for name, value in settings.items():
        monkeypatch.setattr(server, name, value, raising=False)
    config = server.uvicorn_config(app)
    config.loop = "asyncio"
    port = free_port()
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [server.listening_socket("127.0.0.1", port)]})
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not running.started and time.monotonic() < deadline:
            time.sleep(0.02)
        yield port
    finally:
        running.should_exit = True
        thread.join(10)


def closed_within(connection: socket.socket, seconds: float) -> bool:
    """Whether the server closes ``connection`` within ``seconds`` (reading and discarding what it sends)."""
    connection.settimeout(seconds)
    try:
        while connection.recv(4096):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        pass
    return True


@pytest.fixture(scope="module")
def served_app(real_db, tmp_path_factory):
    from kb.catalog import load_catalog

    app = create_app(real_db, site_dir=tmp_path_factory.mktemp("no-site") / "missing")
    app.state.catalog = load_catalog(real_db)
    return app


@pytest.mark.parametrize(
    "sent",
    [
        b"",
        b"GET /v1/meta HTTP/1.1\r\nHost: kb\r\n",
        b"POST /v1/check/manifest HTTP/1.1\r\nHost: kb\r\nContent-Type: text/yaml\r\nContent-Length: 1000\r\n\r\nkind: Pod\n",
    ],
)
def test_a_client_that_stops_sending_is_disconnected(served_app, monkeypatch, caplog, sent):
    with (
        production_server(served_app, monkeypatch, HEADER_TIMEOUT=0.5, BODY_TIMEOUT=0.5) as port,
        socket.create_connection(("127.0.0.1", port)) as connection,
    ):
        connection.sendall(sent)
        assert closed_within(connection, 3.0)
    assert "Exception in ASGI application" not in caplog.text


def test_headers_sent_a_byte_at_a_time_meet_the_same_deadline(served_app, monkeypatch):
    request = b"GET /v1/meta HTTP/1.1\r\nHost: kb\r\n" + b"X-Pad: " + b"p" * 200
    with (
        production_server(served_app, monkeypatch, HEADER_TIMEOUT=0.5, BODY_TIMEOUT=0.5) as port,
        socket.create_connection(("127.0.0.1", port)) as connection,
    ):
        started = time.monotonic()
        try:
            for byte in request:
                connection.sendall(bytes([byte]))
                time.sleep(0.02)
        except (BrokenPipeError, ConnectionResetError):
            pass
        assert closed_within(connection, 3.0) and time.monotonic() - started < 3.0


def test_prompt_clients_are_answered_on_kept_alive_connections(served_app, monkeypatch):
    with (
        production_server(served_app, monkeypatch, HEADER_TIMEOUT=0.5, BODY_TIMEOUT=0.5) as port,
        socket.create_connection(("127.0.0.1", port)) as connection,
    ):
        for _ in range(2):
            connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: kb\r\n\r\n")
            time.sleep(0.7)  # longer than a deadline: they run only while a request is being sent
            assert connection.recv(4096).startswith(b"HTTP/1.1 200")


def test_a_worker_holds_a_bounded_number_of_connections(served_app, monkeypatch):
    with production_server(served_app, monkeypatch, MAX_CONNECTIONS=4) as port:
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(4)]
        try:
            time.sleep(0.2)
            with socket.create_connection(("127.0.0.1", port)) as connection:
                connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: kb\r\n\r\n")
                connection.settimeout(5)
                assert connection.recv(4096).startswith(b"HTTP/1.1 503")
        finally:
            for connection in idle:
                connection.close()
