"""The benchmark's own arithmetic: which run is the figure, and when a target counts as met.

The load runs need wrk and nginx and are not run here; what is tested is how the script reads them.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_bench(name: str, file: str) -> ModuleType:
    """A script of bench/ as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / file)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_bench("bench", "bench.py")


def run(bench: ModuleType, name: str, rps: float, p99: float = 5.0, errors: int = 0):
    return bench.Result(name, rps, 1.0, p99, errors)


@pytest.mark.parametrize(
    ("rates", "expected"),
    [([3.0], 3.0), ([5.0, 1.0, 3.0], 3.0), ([4.0, 1.0, 2.0, 3.0], 2.0)],
)
def test_median_run_is_the_middle_by_throughput(bench: ModuleType, rates: list[float], expected: float) -> None:
    assert bench.median_run([run(bench, "API", r) for r in rates]).rps == expected


def test_base_interpreter_reads_pyvenv_cfg(bench: ModuleType, tmp_path: Path) -> None:
    assert bench.base_interpreter(tmp_path) is None
    (tmp_path / "pyvenv.cfg").write_text("home = /usr/bin\nexecutable = /usr/bin/python3.11\nversion = 3.11.2\n")
    assert bench.base_interpreter(tmp_path) == "/usr/bin/python3.11"


def report_lines(bench: ModuleType, capsys: pytest.CaptureFixture[str], api_p99: list[float], starts: list[float]):
    rounds = {
        "API /v1/support": [run(bench, "API /v1/support", 15_000 + i, p99) for i, p99 in enumerate(api_p99)],
        "nginx static JSON": [run(bench, "nginx static JSON", 40_000) for _ in api_p99],
        "Datasette (same DB)": [run(bench, "Datasette (same DB)", 150) for _ in api_p99],
    }
    args = argparse.Namespace(connections=32, threads=2, rounds=len(api_p99), duration=8)
    bench.report(rounds, [(s, s) for s in starts], [60.0, 61.0], args)
    out = capsys.readouterr().out
    return {line[6:32].strip(): line[:4] for line in out.splitlines() if line[:4] in ("PASS", "MISS")}


def test_every_target_met(bench: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    verdicts = report_lines(bench, capsys, [6.0, 7.0, 5.0], [0.8, 0.9, 0.7])
    assert set(verdicts.values()) == {"PASS"}
    assert len(verdicts) == 6


def test_one_slow_run_misses_the_latency_target(bench: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    verdicts = report_lines(bench, capsys, [6.0, 12.0, 5.0], [0.8, 0.9, 0.7])
    assert verdicts["p99 <= 10 ms in every run"] == "MISS"
    assert verdicts["cold start < 1 s"] == "PASS"


def test_cold_start_is_the_median_not_the_best(bench: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    verdicts = report_lines(bench, capsys, [6.0, 6.0, 6.0], [0.9, 1.1, 1.2])
    assert verdicts["cold start < 1 s"] == "MISS"


@pytest.fixture(scope="module")
def site_bench() -> ModuleType:
    return load_bench("site_bench", "site.py")


@pytest.fixture(scope="module")
def soak(bench: ModuleType) -> ModuleType:  # soak.py imports bench.py
    return load_bench("soak", "soak.py")


@pytest.mark.parametrize(("walls", "ok"), [([9.8, 11.2, 14.9], True), ([9.8, 15.4, 10.0], False), ([15.0], True)])
def test_the_site_build_passes_only_when_its_slowest_run_is_within_15_s(site_bench, walls, ok):
    passed, line = site_bench.verdict([site_bench.Run(wall, wall * 0.7) for wall in walls])
    assert passed is ok and line.startswith("PASS" if ok else "MISS")
    assert f"slowest {max(walls):.1f} s" in line


def test_the_site_bench_counts_pages_per_language_not_exported_answers(site_bench, tmp_path):
    pages = ["index.html", "features/gmsa/index.html", "api/v1/index.html", "apidocs/index.html"]
    for page in [*pages, *[f"zh/{page}" for page in pages[:3]]]:
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<html></html>")
    assert site_bench.count_pages(tmp_path) == {"en": 3, "zh": 2}


def test_the_soak_sends_the_slowest_inputs_allowed(soak: ModuleType, checks_catalog) -> None:
    """At the bounds and still accepted: were a bound to move, the soak's hostile inputs move with it."""
    import json
    import random

    from kb.checks.documents import MAX_YAML_VALUES, read_documents, read_json_value
    from kb.checks.manifest import check_manifests
    from kb.checks.nodes import MAX_NODES, read_nodes
    from kb.checks.workloads import MAX_WORKLOADS
    from kb.errors import InputTooLarge

    assert len(soak.question(random.Random(1))) == soak.QUESTION_CHARS == 500
    assert len(read_nodes(read_json_value(json.loads(soak.nodes_body(MAX_NODES))))) == MAX_NODES
    documents = read_documents(soak.yaml_body(MAX_YAML_VALUES, MAX_WORKLOADS))
    assert MAX_WORKLOADS - 2 <= len(documents) < MAX_WORKLOADS
    assert check_manifests(checks_catalog, documents, "1.30").workloads
    with pytest.raises(InputTooLarge, match="more than"):
        read_documents(soak.yaml_body(MAX_YAML_VALUES * 2, MAX_WORKLOADS))


@pytest.mark.parametrize(
    ("alone", "attacked", "errors", "verdict"), [(1000, 850, 0, "PASS"), (1000, 700, 0, "MISS"), (1000, 900, 3, "MISS")]
)
def test_the_soak_verdict_needs_80_percent_and_no_error(
    bench: ModuleType, soak: ModuleType, capsys: pytest.CaptureFixture[str], alone, attacked, errors, verdict
) -> None:
    args = argparse.Namespace(connections=32, threads=2, duration=10)
    hostile = {"statuses": {"ask": {"422": 3}}, "seconds": {"ask": [1.0, 2.0, 3.0]}, "held": {"slow headers": [10.1]}}
    alone = [bench.Result("mix alone", rps, 1.0, 5.0, 0) for rps in (alone, alone * 0.5, alone * 1.1)]
    attacked = [
        bench.Result("mix with hostile", attacked, 1.0, 9.0, errors),
        bench.Result("mix with hostile", 10, 1.0, 9.0, 0),
    ]
    attacked.append(bench.Result("mix with hostile", attacked[0].rps * 2, 1.0, 9.0, 0))
    soak.print_report(alone, attacked, [hostile, hostile, hostile], soak.HostileLoad(), args)
    assert capsys.readouterr().out.splitlines()[-1].startswith(verdict)
