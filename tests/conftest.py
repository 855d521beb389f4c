"""Shared fixtures: a small fixture dataset, the real dataset, and catalogs built from each."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml

from kb.build import build
from kb.catalog import Catalog, load_catalog
from kb.export import export

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "data"
REAL_DATA = ROOT / "data"


@pytest.fixture
def fixture_data(tmp_path: Path) -> Path:
    """A writable copy of the small fixture dataset, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture
def edit_yaml() -> Callable[[Path, Callable], None]:
    """Load a YAML file, let a function change it, and write it back."""

    def edit(path: Path, change: Callable) -> None:
        document = yaml.safe_load(path.read_text())
        result = change(document)
        path.write_text(yaml.safe_dump(result if result is not None else document, sort_keys=False))

    return edit


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fixture") / "kb.db"
    build(FIXTURE_DATA, path)
    return path


@pytest.fixture(scope="session")
def fixture_catalog(fixture_db: Path) -> Catalog:
    return load_catalog(fixture_db)


@pytest.fixture(scope="session")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("real") / "kb.db"
    build(REAL_DATA, path)
    return path


@pytest.fixture(scope="session")
def real_catalog(real_db: Path) -> Catalog:
    return load_catalog(real_db)


CHECKS_DATA = Path(__file__).resolve().parent / "fixtures" / "checks" / "data"
NODES = Path(__file__).resolve().parent / "fixtures" / "nodes"
MANIFESTS = Path(__file__).resolve().parent / "fixtures" / "manifests"


@pytest.fixture(scope="session")
def checks_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The operator-tools fixture dataset (features with field paths, 1.22 to 1.34), built."""
    path = tmp_path_factory.mktemp("checks") / "kb.db"
    build(CHECKS_DATA, path)
    return path


@pytest.fixture(scope="session")
def checks_catalog(checks_db: Path) -> Catalog:
    return load_catalog(checks_db)


@pytest.fixture(scope="session")
def built_site(real_db: Path, real_catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site as ``make site`` builds it, once per session into a temporary folder: ``mkdocs build
    --strict``, then ``kb export`` (the support answers the lookup box reads)."""
    out = tmp_path_factory.mktemp("site") / "site"
    env = {**os.environ, "KB_DB": str(real_db), "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    export(real_catalog, out / "api" / "v1", date.today())
    return out


@pytest.fixture
def within_two_seconds() -> Iterator[None]:
    """Fail a test whose code (run in this thread) is still running after two seconds, rather than hang."""

    def expired(*_: object) -> None:
        raise TimeoutError("still running after 2 s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, 2.0)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)
