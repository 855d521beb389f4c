"""Latency of free-text questions (/v1/ask) over the phrasing corpus, in-process and over HTTP.

Each question of the tuning splits is asked ``--repeat`` times; per question the median and the p99 of those
runs are kept, and the report gives the median of the medians, the worst per-question p99 and the slowest
questions. Target: every question's p99 at most 10 ms. Loopback only, one worker, bounded counts.

    .venv/bin/python bench/ask.py [--repeat 30] [--http-repeat 10]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import http.client
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench import free_port, running  # noqa: E402
from kb.ask import ask, prepare  # noqa: E402
from kb.catalog import load_catalog  # noqa: E402
from kb.errors import QuestionNotAnswered  # noqa: E402
from tests.test_ask_corpus import load  # noqa: E402

TARGET_P99_MS = 10.0
SPLITS = ("tuning", "spent", "tuning-zh", "spent-zh")


def p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def in_process(questions: list[str], repeat: int) -> dict[str, list[float]]:
    """Milliseconds per run of each question, asked of the engine directly (warm: the index is built first)."""
    catalog = load_catalog(ROOT / "build" / "kb.db")
    today = date.today()
    prepare(catalog)  # as a server does at start
    gc.freeze()
    timings: dict[str, list[float]] = {}
    for question in questions:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            with contextlib.suppress(QuestionNotAnswered):
                ask(catalog, question, today)
            runs.append((time.perf_counter() - start) * 1000)
        timings[question] = runs
    return timings


def over_http(questions: list[str], repeat: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Milliseconds per request to a one-worker `kb serve` over one kept-alive connection: each question's first
    request (answered by the engine) and its repeats (answered from the server's answer cache)."""
    port = free_port()
    command = [str(ROOT / ".venv/bin/kb"), "serve", "--port", str(port), "--workers", "1", "--db", "build/kb.db"]
    first: dict[str, list[float]] = {}
    cached: dict[str, list[float]] = {}
    with running(command, f"http://127.0.0.1:{port}/healthz", cwd=ROOT):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/v1/ask?q=warm+up")
        connection.getresponse().read()
        for question in questions:
            runs = []
            for _ in range(repeat + 1):
                start = time.perf_counter()
                connection.request("GET", f"/v1/ask?q={quote(question)}")
                connection.getresponse().read()
                runs.append((time.perf_counter() - start) * 1000)
            first[question], cached[question] = runs[:1], runs[1:]
        connection.close()
    return first, cached


def report(label: str, timings: dict[str, list[float]]) -> dict[str, float]:
    medians = [statistics.median(runs) for runs in timings.values()]
    every = [run for runs in timings.values() for run in runs]
    worst = sorted(timings.items(), key=lambda item: -p99(item[1]))
    summary = {
        "questions": len(timings),
        "median_ms": round(statistics.median(medians), 3),
        "p99_all_ms": round(p99(every), 3),
        "worst_p99_ms": round(p99(worst[0][1]), 3),
        "questions_over_target": sum(1 for runs in timings.values() if p99(runs) > TARGET_P99_MS),
    }
    print(f"{label}: {json.dumps(summary)}")
    for question, runs in worst[:3]:
        print(f"  slowest: p99 {p99(runs):.2f} ms, median {statistics.median(runs):.2f} ms: {question[:80]}")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30, help="runs per question, in process")
    parser.add_argument("--http-repeat", type=int, default=10, help="requests per question, over HTTP")
    args = parser.parse_args()
    questions = [entry["q"] for split in SPLITS for entry in load(split)]
    first, cached = over_http(questions, args.http_repeat)
    results = {
        "in_process": report("in-process", in_process(questions, args.repeat)),
        "http_first": report("over HTTP, first ask (engine)", first),
        "http_cached": report("over HTTP, repeated (answer cache)", cached),
    }
    ok = all(r["worst_p99_ms"] <= TARGET_P99_MS for r in results.values())
    print(f"target p99 <= {TARGET_P99_MS} ms per question: {'met' if ok else 'NOT met'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
