"""Build the whole site: English at site/, Simplified Chinese at site/zh/, each with its static API export.

    python docs/build.py --db build/kb.db --site site      (what `make site` runs)

Each language is one `mkdocs build --strict` (mkdocs.yml, mkdocs.zh.yml) followed by `kb export` of its support
answers; the two languages build side by side in two processes, so the site's build time is that of the slower
one rather than the sum (issue 14's 15 s target). MkDocs empties its site directory before building, except for
hidden entries: the Chinese site builds in the hidden site/.kb-zh/ and moves to site/zh/ once the English build
is done with site/, so neither build removes the other's files.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {"en": "mkdocs.yml", "zh": "mkdocs.zh.yml"}
STAGING = ".kb-zh"


def commands(lang: str, db: Path, out: Path) -> list[list[str]]:
    """What builds one language: its mkdocs build into ``out``, then its kb export into ``out``/api/v1."""
    return [
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", CONFIGS[lang], "--site-dir", str(out)],
        [sys.executable, "-m", "kb", "--lang", lang, "export", "--db", str(db), "--out", str(out / "api" / "v1")],
    ]


def _run(commands: list[list[str]], env: dict[str, str]) -> str | None:
    """Run ``commands`` one after the other; the error output of the first that fails, or None."""
    for command in commands:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        if done.returncode:
            return f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}"
        if done.stdout.strip():
            print(done.stdout.strip())
    return None


def build_site(db: Path, site: Path) -> None:
    """Both languages of the site from the database ``db`` into ``site``; SystemExit naming what failed."""
    site = site.resolve()
    chinese, staging = site / "zh", site / STAGING
    if chinese.is_dir() and not staging.exists():
        chinese.rename(staging)  # kept from the last build: its export is rewritten in place
    env = {**os.environ, "KB_DB": str(db.resolve()), "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    outputs = {"en": site, "zh": staging}
    with ThreadPoolExecutor(len(outputs)) as pool:
        failures = [f for f in pool.map(lambda lang: _run(commands(lang, db, outputs[lang]), env), outputs) if f]
    if failures:
        raise SystemExit("\n".join(failures))
    staging.rename(chinese)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("build/kb.db"))
    parser.add_argument("--site", type=Path, default=Path("site"))
    args = parser.parse_args()
    build_site(args.db, args.site)


if __name__ == "__main__":
    main()
