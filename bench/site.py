"""Time the full site build, `make site`, against its target: at most 15 s on this machine.

`make site` builds the database, the pages (mkdocs, strict) and the static API export, in English at site/ and
in Chinese at site/zh/ (docs/build.py, the two side by side). Usage (from the repository root):

    .venv/bin/python bench/site.py [--runs 3] [--clean]

Each run is timed on the wall clock with the CPU time of the build's processes next to it: the
machine is shared, so a slow run on a busy machine shows as wall time well above CPU time. --clean
removes site/ and the database before each run (a build from a fresh clone); without it every run
but the first rebuilds over the previous one, as a person does while editing. Prints every run, the
number of pages in each language, the load average, and PASS or MISS for the slowest run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 15.0
"""The slowest `make site` of a measurement may take at most this long (issue 14)."""


@dataclass(frozen=True)
class Run:
    wall_s: float
    cpu_s: float


LANGUAGES = {"en": "", "zh": "zh"}
"""Each language of the site and its folder under site/ (kb.site_paths.LANGUAGE_ROOTS)."""


def count_pages(site: Path) -> dict[str, int]:
    """The site's HTML pages in each language: every index.html outside the static API export and the other
    languages' folders."""
    counts = {}
    for lang, folder in LANGUAGES.items():
        root = site / folder
        others = {"api", *(f for f in LANGUAGES.values() if f and f != folder)}
        counts[lang] = sum(1 for page in root.rglob("index.html") if page.relative_to(root).parts[0] not in others)
    return counts


def build_once(clean: bool) -> Run:
    """One `make site`, timed: wall clock and the CPU time (user + system) of every process it ran."""
    if clean:
        shutil.rmtree(ROOT / "site", ignore_errors=True)
        (ROOT / "build" / "kb.db").unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["make", "--no-print-directory", "site"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu)


def verdict(runs: list[Run]) -> tuple[bool, str]:
    """PASS when the slowest run is within the target; the line that says so."""
    slowest = max(r.wall_s for r in runs)
    median = statistics.median(r.wall_s for r in runs)
    ok = slowest <= TARGET_S
    return (
        ok,
        f"{'PASS' if ok else 'MISS'}  make site <= {TARGET_S:.0f} s   slowest {slowest:.1f} s, median {median:.1f} s",
    )


def report(runs: list[Run], pages: dict[str, int], clean: bool) -> bool:
    print(f"\n`make site`, {len(runs)} runs{' from clean' if clean else ''}, {os.cpu_count()} cores shared")
    for number, run in enumerate(runs, 1):
        print(f"run {number}: {run.wall_s:5.1f} s wall, {run.cpu_s:5.1f} s CPU")
    counted = ", ".join(f"{lang} {count}" for lang, count in pages.items())
    print(f"pages: {counted}; load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ok, line = verdict(runs)
    print(line)
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clean", action="store_true", help="remove site/ and the database before each run")
    args = parser.parse_args()
    runs = [build_once(args.clean) for _ in range(args.runs)]
    sys.exit(0 if report(runs, count_pages(ROOT / "site"), args.clean) else 1)


if __name__ == "__main__":
    main()
