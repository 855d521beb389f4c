"""Shared fixtures: a small fixture dataset, the real dataset, and catalogs built from each."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from kb.build import build
from kb.catalog import Catalog, load_catalog
from kb.localize import in_language

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "data"
FIXTURE_ZH = Path(__file__).resolve().parent / "fixtures" / "zh"
"""The Chinese texts of the fixture dataset (its data/zh/), kept apart so the fixture itself stays untranslated."""
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
def fixture_catalog_zh(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The fixture dataset with its Chinese translation, built and in Chinese (what the zh site is made from)."""
    data = tmp_path_factory.mktemp("fixture-zh") / "data"
    shutil.copytree(FIXTURE_DATA, data)
    shutil.copytree(FIXTURE_ZH, data / "zh")
    build(data, data.parent / "kb.db")
    return in_language(load_catalog(data.parent / "kb.db"), "zh")


@pytest.fixture(scope="session")
def real_catalog_zh(real_catalog: Catalog) -> Catalog:
    return in_language(real_catalog, "zh")


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
def built_site(real_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site as ``make site`` builds it, once per session into a temporary folder: docs/build.py, which
    runs ``mkdocs build --strict`` for English (at the root) and Chinese (at zh/), each followed by ``kb export``
    (the support answers the lookup box reads)."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = subprocess.run(
        [sys.executable, "docs/build.py", "--db", str(real_db), "--site", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
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
