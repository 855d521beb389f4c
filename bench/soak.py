"""Soak: does the /v1/support mix keep its throughput while hostile clients send the slowest inputs allowed?

Everything runs on loopback against one `kb serve` (production settings, one worker per core), and every
loop is bounded in time and in count. Usage (from the repository root; needs `wrk`):

    .venv/bin/python bench/soak.py [--duration 30] [--rounds 3] [--connections 32] [--without ask]

It measures the mix (wrk cycling /v1/support over every feature x minor, as bench/bench.py does) alone,
then again while these clients run, each in a closed loop for the same time:

- ask: GET /v1/ask with a different 500-character question each time (the cache never answers it);
- nodes: POST /v1/check/nodes with the most nodes one check reads, all Windows nodes (JSON);
- yaml: POST /v1/check/manifest with a YAML manifest just under the value bound;
- slow headers: connections sending their headers a byte every half second (slowloris);
- slow bodies: POSTs that announce a large body and send it a byte every half second.

It prints the mix's requests/s, p50/p99 and errors in each run, the ratio, what the hostile clients got
(status counts, seconds per request, how long slow connections were held) and the verdict: the mix keeps
at least 80 % of its throughput with no error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import VENV, Result, free_port, median_run, quiet, running, support_pairs, wrk

ROOT = Path(__file__).resolve().parent.parent
TARGET_SHARE = 0.8
QUESTION_CHARS = 500
REQUEST_BOUND = 200_000
"""The most requests all hostile clients together send in one run, whatever the duration."""

WORDS = [
    "is",
    "hostprocess",
    "gmsa",
    "supported",
    "on",
    "with",
    "windows",
    "server",
    "containerd",
    "docker",
    "ltsc2019",
    "ltsc2022",
    "the",
    "a",
    "node",
]


@dataclass
class HostileLoad:
    """How many clients of each kind run during the hostile run."""

    ask: int = 4
    nodes: int = 2
    yaml: int = 2
    slow_headers: int = 200
    slow_bodies: int = 50


@dataclass
class HostileReport:
    """What the hostile clients got: statuses and seconds per request by kind, slow connections' hold times."""

    statuses: dict[str, Counter] = field(default_factory=dict)
    seconds: dict[str, list[float]] = field(default_factory=dict)
    held: dict[str, list[float]] = field(default_factory=dict)

    def count(self, kind: str, status: str, seconds: float) -> None:
        self.statuses.setdefault(kind, Counter())[status] += 1
        self.seconds.setdefault(kind, []).append(seconds)


def question(rng: random.Random) -> str:
    """A different question of exactly QUESTION_CHARS characters, made of words the reader knows."""
    text = f"{rng.randrange(10**9)}"
    while len(text) < QUESTION_CHARS:
        text += " " + rng.choice(WORDS)
    return text[:QUESTION_CHARS]


def nodes_body(count: int) -> bytes:
    node = json.loads((ROOT / "tests" / "fixtures" / "nodes" / "aks-1.29-mixed.json").read_text())["items"][1]
    items = []
    for n in range(count):
        item = json.loads(json.dumps(node))
        item["metadata"]["name"] = f"akswin{n:06d}"
        items.append(item)
    return json.dumps({"apiVersion": "v1", "kind": "List", "items": items}).encode()


def yaml_body(values: int, documents: int) -> bytes:
    """A multi-document manifest of Windows pods: fewer than ``documents`` documents holding just under
    ``values`` YAML values in all (each pod's container carries environment variables to make up the count)."""
    import yaml

    pods = documents - 1
    kinds = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)

    def pod(n: int, variables: int) -> str:
        env = ", ".join(f"{{name: VAR_{i}, value: x}}" for i in range(variables))
        return (
            f"apiVersion: v1\nkind: Pod\nmetadata: {{name: p{n}, labels: {{app: web}}}}\n"
            "spec:\n  os: {name: windows}\n  containers:\n  - name: web\n"
            "    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n"
            f"    securityContext: {{runAsUser: 1000}}\n    env: [{env}]\n"
        )

    base = sum(isinstance(event, kinds) for event in yaml.parse(pod(0, 0)))
    variables = max(0, (values // pods - base) // 5)  # each variable is a mapping of two keys and values
    return "---\n".join(pod(n, variables) for n in range(pods)).encode()


def request(method: str, target: str, body: bytes = b"", content_type: str = "application/json") -> bytes:
    head = f"{method} {target} HTTP/1.1\r\nHost: soak\r\n"
    if method == "POST":
        head += f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


async def exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, data: bytes) -> str:
    """Send one request on a kept-alive connection and read the whole answer; its status code."""
    writer.write(data)
    await writer.drain()
    status_line = await reader.readline()
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status_line.split()[1].decode() if status_line else "closed"


async def closed_loop(port: int, kind: str, make, until: float, report: HostileReport, budget: list[int]) -> None:
    """Send ``make()`` again and again on one connection (reconnecting when closed) until ``until``."""
    connection = None
    while time.monotonic() < until and budget[0] > 0:
        budget[0] -= 1
        started = time.monotonic()
        try:
            if connection is None:
                connection = await asyncio.open_connection("127.0.0.1", port)
            status = await asyncio.wait_for(exchange(*connection, make()), until + 30 - time.monotonic())
        except (OSError, asyncio.IncompleteReadError, TimeoutError) as exc:
            status, connection = type(exc).__name__, None
        report.count(kind, status, time.monotonic() - started)


async def trickle(port: int, kind: str, sent: bytes, trickled: bytes, until: float, report: HostileReport) -> None:
    """Send ``sent`` at once, then ``trickled`` a byte every half second, on a new connection whenever
    the server closes one; how long each connection was held is reported."""
    while time.monotonic() < until:
        opened = time.monotonic()
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(sent)
            for byte in trickled:
                if time.monotonic() >= until:
                    break
                writer.write(bytes([byte]))
                await writer.drain()
                await asyncio.sleep(0.5)
            writer.close()
        except OSError:
            pass
        report.held.setdefault(kind, []).append(time.monotonic() - opened)


async def hostile(port: int, load: HostileLoad, seconds: float, report: HostileReport, seed: int) -> None:
    """Every hostile client, for ``seconds``; ``seed`` differs per run, so no question is asked twice."""
    until = time.monotonic() + seconds
    rng = random.Random(seed)
    budget = [REQUEST_BOUND]
    from kb.checks.documents import MAX_YAML_VALUES
    from kb.checks.nodes import MAX_NODES
    from kb.checks.workloads import MAX_WORKLOADS

    nodes = request("POST", "/v1/check/nodes", nodes_body(MAX_NODES))
    manifest = request(
        "POST", "/v1/check/manifest?kubernetes=1.30", yaml_body(MAX_YAML_VALUES, MAX_WORKLOADS), "text/yaml"
    )

    def ask() -> bytes:
        from urllib.parse import quote

        return request("GET", "/v1/ask?q=" + quote(question(rng)))

    slow_header = (b"GET /v1/meta HTTP/1.1\r\nHost: soak\r\n", b"X-Pad: " + b"p" * 1000)
    slow_body = (
        b"POST /v1/check/manifest HTTP/1.1\r\nHost: soak\r\nContent-Type: text/yaml\r\nContent-Length: 1000000\r\n\r\n",
        b"# " * 1000,
    )
    await asyncio.gather(
        *(closed_loop(port, "ask", ask, until, report, budget) for _ in range(load.ask)),
        *(closed_loop(port, "nodes", lambda: nodes, until, report, budget) for _ in range(load.nodes)),
        *(closed_loop(port, "yaml", lambda: manifest, until, report, budget) for _ in range(load.yaml)),
        *(trickle(port, "slow headers", *slow_header, until, report) for _ in range(load.slow_headers)),
        *(trickle(port, "slow bodies", *slow_body, until, report) for _ in range(load.slow_bodies)),
    )


def hostile_process(port: int, load: HostileLoad, seconds: float, out: Path, seed: int) -> subprocess.Popen:
    """The hostile clients in their own process (their CPU is not wrk's), writing their report to ``out``."""
    code = (
        "import asyncio, json, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})\n"
        "import soak\n"
        "report = soak.HostileReport()\n"
        f"asyncio.run(soak.hostile({port}, soak.HostileLoad(**{load.__dict__!r}), {seconds}, report, {seed}))\n"
        "import time\n"
        f"open({str(out)!r}, 'w').write(json.dumps(report.__dict__ | {{'cpu_seconds': time.process_time()}}))\n"
    )
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--duration", type=int, default=30, help="seconds of each measured run (long enough for a body deadline)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="runs of each kind, interleaved; medians are judged")
    parser.add_argument("--warmup", type=int, default=10, help="seconds of unmeasured mix first (fills the caches)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        choices=list(HostileLoad.__dataclass_fields__),
        help="leave out a kind",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    load = HostileLoad(**dict.fromkeys(args.without, 0))
    alone: list[Result] = []
    attacked: list[Result] = []
    reports: list[dict] = []
    work = Path(tempfile.mkdtemp(prefix="kb-soak-"))
    try:
        db = work / "kb.db"
        subprocess.run([str(VENV / "kb"), "build", "--data", str(ROOT / "data"), "--db", str(db)], check=True)
        paths = [f"/v1/support?feature={f}&kubernetes={k}" for f, k in support_pairs(db)]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        command = [str(VENV / "kb"), "serve", "--port", str(port), "--db", str(db)]
        with running(command, base + "/readyz", env={"KB_SITE": str(work / "no-site")}):
            wrk("warm-up", base, paths, args, duration=args.warmup)
            for n in range(args.rounds):
                quiet()
                alone.append(wrk("mix alone", base, paths, args))
                quiet()
                out = work / f"hostile-{n}.json"
                clients = hostile_process(port, load, args.duration + 2, out, seed=n)
                time.sleep(2)  # the hostile clients are all connected and sending
                try:
                    attacked.append(wrk("mix with hostile clients", base, paths, args))
                finally:
                    clients.wait(timeout=args.duration + 60)
                reports.append(json.loads(out.read_text()))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_report(alone, attacked, reports, load, args)


def print_report(
    alone: list[Result], attacked: list[Result], hostile: list[dict], load: HostileLoad, args: argparse.Namespace
) -> None:
    """Every run, what the hostile clients got over all runs, and the verdict on the median runs."""
    print(
        f"\n{args.connections} connections, {args.threads} wrk threads, {len(alone)} interleaved rounds of "
        f"{args.duration} s runs, {os.cpu_count()} cores shared with the hostile clients and whatever else runs"
    )
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"hostile clients: {load.__dict__}\n")
    print(f"{'run':<28} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for pair in zip(alone, attacked, strict=True):
        for r in pair:
            print(f"{r.name:<28} {r.rps:>10.0f} {r.p50_ms:>8.2f} {r.p99_ms:>8.2f} {r.errors:>7}")
    print()
    statuses: dict[str, Counter] = {}
    seconds: dict[str, list[float]] = {}
    held: dict[str, list[float]] = {}
    for report in hostile:
        for kind, counted in report["statuses"].items():
            statuses.setdefault(kind, Counter()).update(counted)
            seconds.setdefault(kind, []).extend(report["seconds"][kind])
        for kind, times in report["held"].items():
            held.setdefault(kind, []).extend(times)
    for kind, counted in statuses.items():
        ordered = sorted(seconds[kind])
        print(
            f"hostile {kind:<14} {dict(counted)}  median {ordered[len(ordered) // 2]:.3f} s, longest {ordered[-1]:.3f} s"
        )
    for kind, times in held.items():
        print(f"hostile {kind:<14} {len(times)} connections, held {max(times):.1f} s at most")
    cpu = sum(report.get("cpu_seconds", 0.0) for report in hostile)
    print(f"the hostile clients' own process used {cpu:.1f} s of CPU in all (of the same cores)")
    typical_alone, typical_attacked = median_run(alone), median_run(attacked)
    share = typical_attacked.rps / typical_alone.rps
    errors = sum(r.errors for r in attacked)
    ok = share >= TARGET_SHARE and errors == 0
    print(
        f"\n{'PASS' if ok else 'MISS'}  the mix keeps {share:.0%} of its throughput (median runs: "
        f"{typical_attacked.rps:.0f} of {typical_alone.rps:.0f} req/s; target {TARGET_SHARE:.0%}) "
        f"with {errors} errors in all hostile runs"
    )


if __name__ == "__main__":
    main()
