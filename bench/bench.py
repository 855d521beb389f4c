"""Benchmark /v1/support against nginx (static JSON, the machine's limit) and Datasette (same database).

Everything runs on loopback and every load run is bounded in time. Usage (from the repository root):

    .venv/bin/python bench/bench.py [--duration 10] [--connections 32] [--threads 2]

Needs `wrk` and `nginx` (Debian: `apt-get install -y wrk nginx`); Datasette is installed into
build/bench-venv on first use. Prints requests/s, p50/p99 latency and errors per server, the
ratios to the targets, the API's cold start and resident memory per worker, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
BENCH_VENV = ROOT / "build" / "bench-venv"
LUA = Path(__file__).resolve().parent / "paths.lua"
TARGETS = {"vs_nginx": 0.15, "vs_datasette": 10.0, "p99_ms": 10.0, "cold_start_s": 1.0, "rss_mb": 100.0}


@dataclass
class Result:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float = 30.0) -> float:
    """Poll ``url`` until it answers 200; return the seconds it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.005)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


@contextmanager
def running(command: list[str], url: str, env: dict[str, str] | None = None, cwd: Path | None = None):
    """Start a server, wait until ``url`` answers, yield (process, seconds to ready), stop it."""
    process = subprocess.Popen(
        command,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        yield process, wait_for(url)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wrk(name: str, base: str, paths: list[str], args: argparse.Namespace, duration: int | None = None) -> Result:
    """One bounded wrk run over ``paths`` (cycled) against ``base``."""
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as handle:
        handle.write("\n".join(paths) + "\n")
    try:
        output = subprocess.run(
            [
                *("wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{duration or args.duration}s"),
                *("-s", str(LUA), "--timeout", "5s", base),
            ],
            env={**os.environ, "PATHS_FILE": handle.name},
            capture_output=True,
            text=True,
            check=True,
            timeout=(duration or args.duration) + 30,
        ).stdout
    finally:
        os.unlink(handle.name)
    line = next(x for x in output.splitlines() if x.startswith("BENCH_JSON "))
    data = json.loads(line.removeprefix("BENCH_JSON "))
    errors = sum(data[k] for k in ("connect", "read", "write", "status", "timeout"))
    return Result(
        name, data["requests"] / (data["duration_us"] / 1e6), data["p50_us"] / 1e3, data["p99_us"] / 1e3, errors
    )


def support_pairs(db: Path) -> list[tuple[str, str]]:
    """Every feature x Kubernetes minor in the database, shuffled (fixed seed): the varied load."""
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        pairs = connection.execute("select feature_id, kubernetes from support").fetchall()
    random.Random(42).shuffle(pairs)
    return pairs


def nginx_config(root: Path, port: int, work: Path) -> Path:
    config = work / "nginx.conf"
    config.write_text(
        f"""
worker_processes 2;
daemon off;
pid {work}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  open_file_cache max=10000 inactive=60s;
  types {{ application/json json; }}
  default_type application/json;
  client_body_temp_path {work}/body;
  proxy_temp_path {work}/proxy;
  fastcgi_temp_path {work}/fastcgi;
  uwsgi_temp_path {work}/uwsgi;
  scgi_temp_path {work}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    location / {{ try_files $uri =404; }}
  }}
}}
"""
    )
    return config


def worker_rss_mb(parent: int) -> list[float]:
    """Resident memory of the server's worker processes (or of the server itself when it has none)."""
    children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
    pids = [int(p) for p in children] or [parent]
    sizes = []
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def quiet(threshold: float = 0.9, window: float = 0.25, limit: float = 10.0) -> float:
    """Wait until the machine is idle (``threshold`` of CPU time over ``window`` s), at most ``limit`` s.

    A server that was just loaded can still be working off queued requests (Datasette takes
    seconds), and that would land in the next server's tail latency. Returns the seconds waited.
    """

    def idle_and_total() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return fields[3] + fields[4], sum(fields)

    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        idle0, total0 = idle_and_total()
        time.sleep(window)
        idle1, total1 = idle_and_total()
        if total1 > total0 and (idle1 - idle0) / (total1 - total0) >= threshold:
            break
    return time.perf_counter() - start


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cold_start(db: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) from starting one production worker to its first /v1/support answer.

    The CPU time tells what the start costs when the machine is shared and wall time is stretched.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1/support?feature=hostprocess-containers&kubernetes=1.26"
    command = [str(VENV / "kb"), "serve", "--port", str(port), "--workers", "1", "--db", str(db)]
    with running(command, url, env={"KB_SITE": "/nonexistent"}) as (process, seconds):
        return seconds, cpu_seconds(process.pid)


def base_interpreter(venv: Path) -> str | None:
    """The interpreter a venv was made from (its pyvenv.cfg ``executable``), None when there is no venv."""
    config = venv / "pyvenv.cfg"
    if not config.exists():
        return None
    lines = (line.partition("=") for line in config.read_text().splitlines())
    return next((value.strip() for key, _, value in lines if key.strip() == "executable"), None)


def ensure_datasette() -> Path:
    """Datasette in its own venv, made from the same interpreter as the API's, so neither runs on a faster build."""
    binary = BENCH_VENV / "bin" / "datasette"
    if base_interpreter(BENCH_VENV) != base_interpreter(VENV.parent):
        shutil.rmtree(BENCH_VENV, ignore_errors=True)
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        subprocess.run([str(BENCH_VENV / "bin" / "pip"), "install", "--quiet", "datasette"], check=True)
    return binary


@dataclass
class Target:
    """A server under test: its name, base URL and the request paths for the same lookups."""

    name: str
    base: str
    paths: list[str]


@contextmanager
def servers(work: Path, db: Path, static: Path, pairs: list[tuple[str, str]], args: argparse.Namespace):
    """Start the API, nginx and Datasette on loopback; yield (targets, API process); stop them all."""
    from contextlib import ExitStack

    with ExitStack() as stack:
        port = free_port()
        command = [str(VENV / "kb"), "serve", "--port", str(port), "--db", str(db)]
        api, _ = stack.enter_context(running(command, f"http://127.0.0.1:{port}/readyz"))
        targets = [
            Target(
                "API /v1/support (kb serve)",
                f"http://127.0.0.1:{port}",
                [f"/v1/support?feature={f}&kubernetes={k}" for f, k in pairs],
            )
        ]
        port = free_port()
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        command = [nginx, "-c", str(nginx_config(static, port, work)), "-p", str(work), "-e", "stderr"]
        stack.enter_context(running(command, f"http://127.0.0.1:{port}/api/v1/meta.json"))
        targets.append(
            Target("nginx static JSON", f"http://127.0.0.1:{port}", [f"/api/v1/support/{f}/{k}.json" for f, k in pairs])
        )
        if not args.skip_datasette:
            port = free_port()
            command = [str(ensure_datasette()), "serve", "-i", str(db), "-p", str(port), "-h", "127.0.0.1"]
            stack.enter_context(running(command, f"http://127.0.0.1:{port}/kb.json"))
            paths = [f"/kb/support.json?feature_id={f}&kubernetes={k}&_shape=array" for f, k in pairs]
            targets.append(Target("Datasette (same DB)", f"http://127.0.0.1:{port}", paths))
        yield targets, api


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds per measured run")
    parser.add_argument("--rounds", type=int, default=3, help="measured runs per server, interleaved")
    parser.add_argument(
        "--warmup",
        type=int,
        default=15,
        help="seconds of unmeasured load on the API first: every worker fills its answer cache (about 3,800 "
        "lookups each) and reaches its steady memory, as a server does in its first minute of real traffic",
    )
    parser.add_argument("--starts", type=int, default=5, help="cold starts measured (the median is the figure)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--skip-datasette", action="store_true")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} is missing: apt-get install -y wrk nginx")

    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    work.chmod(0o755)
    db = work / "kb.db"
    subprocess.run([str(VENV / "kb"), "build", "--data", str(ROOT / "data"), "--db", str(db)], check=True)
    static = work / "static"
    subprocess.run([str(VENV / "kb"), "export", "--db", str(db), "--out", str(static / "api" / "v1")], check=True)
    pairs = support_pairs(db)
    rounds: dict[str, list[Result]] = {}
    try:
        with servers(work, db, static, pairs, args) as (targets, api):
            for target in targets:
                wrk("warm-up", target.base, target.paths, args, duration=args.warmup if target is targets[0] else 1)
            for _ in range(args.rounds):
                for target in targets:
                    quiet()
                    rounds.setdefault(target.name, []).append(wrk(target.name, target.base, target.paths, args))
            rss = worker_rss_mb(api.pid)
        starts = []
        for _ in range(args.starts):
            quiet()
            starts.append(cold_start(db))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(rounds, starts, rss, args)


def median_run(results: list[Result]) -> Result:
    """The run with the median requests per second (the lower middle one for an even count)."""
    return sorted(results, key=lambda r: r.rps)[(len(results) - 1) // 2]


def report(
    rounds: dict[str, list[Result]], starts: list[tuple[float, float]], rss: list[float], args: argparse.Namespace
) -> None:
    print(f"\n{args.connections} connections, {args.threads} wrk threads, {args.rounds} interleaved runs of")
    print(f"{args.duration} s per server, {os.cpu_count()} cores shared with whatever else runs")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    print(f"{'server':<30} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for results in rounds.values():
        for r in results:
            print(f"{r.name:<30} {r.rps:>10.0f} {r.p50_ms:>8.2f} {r.p99_ms:>8.2f} {r.errors:>7}")
    typical = {name.split()[0]: median_run(results) for name, results in rounds.items()}
    api_runs = rounds[next(iter(rounds))]
    api = typical["API"]
    worst_p99 = max(r.p99_ms for r in api_runs)
    errors = sum(r.errors for r in api_runs)
    print(f"\nmedian run per server: {', '.join(f'{k} {v.rps:.0f} req/s' for k, v in typical.items())}\n")
    checks = [
        ("p99 <= 10 ms in every run", worst_p99 <= TARGETS["p99_ms"], f"{worst_p99:.2f} ms (worst run)"),
        ("zero errors", errors == 0, f"{errors} in all API runs"),
    ]
    if "nginx" in typical:
        ratio = api.rps / typical["nginx"].rps
        checks.append(("API >= 0.15 x nginx", ratio >= TARGETS["vs_nginx"], f"{ratio:.3f} x (medians)"))
    if "Datasette" in typical:
        ratio = api.rps / typical["Datasette"].rps
        checks.append(("API >= 10 x Datasette", ratio >= TARGETS["vs_datasette"], f"{ratio:.1f} x (medians)"))
    wall = statistics.median(w for w, _ in starts)
    cpu = statistics.median(c for _, c in starts)
    tries = ", ".join(f"{w:.2f}" for w, _ in starts)
    checks.append(
        ("cold start < 1 s", wall < TARGETS["cold_start_s"], f"{wall:.2f} s wall, {cpu:.2f} s CPU (median of {tries})")
    )
    sizes = ", ".join(f"{x:.0f} MB" for x in rss)
    checks.append(("RSS < 100 MB per worker", all(x < TARGETS["rss_mb"] for x in rss), sizes))
    for name, ok, value in checks:
        print(f"{'PASS' if ok else 'MISS'}  {name:<26} {value}")


if __name__ == "__main__":
    main()
