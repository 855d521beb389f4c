"""The built database, read once into memory: the immutable object every question is asked of.

The database never changes while a process runs, so reading it whole at start-up turns every
answer into dictionary look-ups. The rows are turned back into the same models the data files
were validated with, so the engine speaks one vocabulary from file to answer.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb.errors import DatabaseUnreadable
from kb.models import (
    Category,
    Feature,
    ImageCompatibility,
    IsolationSupport,
    KubernetesRelease,
    OsSupport,
    Runtime,
    Step,
    WindowsRelease,
)
from kb.versions import KubernetesMinor, WindowsIndex, normalise, parse_kubernetes

DEFAULT_DB = Path("build/kb.db")
"""Where ``kb build`` writes the database, and where the CLI and the API read it unless told otherwise."""

_JSON_COLUMNS = {
    "notes",
    "sources",
    "aliases",
    "disagreements",
    "image_tags",
    "feature_gates",
    "fields",
    "related",
    "instead",
    "requirements",
    "versions",
    "variants",
    "texts",
}


@dataclass(frozen=True)
class Meta:
    dataset_version: str
    content_hash: str
    built: str
    schema_version: int


@dataclass(frozen=True)
class Catalog:
    """Everything the database holds, indexed for the questions the engine answers."""

    meta: Meta
    categories: dict[str, Category]
    kubernetes: dict[KubernetesMinor, KubernetesRelease]
    windows: dict[str, WindowsRelease]
    os_support: dict[KubernetesMinor, OsSupport]
    runtimes: dict[str, Runtime]
    isolation: dict[str, IsolationSupport]
    image_compatibility: dict[tuple[str, str], ImageCompatibility]
    features: dict[str, Feature]
    feature_keys: dict[str, str]
    windows_index: WindowsIndex = field(repr=False)
    runtime_keys: dict[str, str] = field(repr=False)
    path: Path | None = None
    translations: dict[str, dict[tuple[str, str], dict[str, Any]]] = field(default_factory=dict, repr=False)
    """Language -> (file, key) -> the translated texts of that entry (kb.translations)."""
    lang: str = "en"
    """The language of the texts (kb.localize.in_language gives the catalog in another)."""

    @property
    def minors(self) -> list[KubernetesMinor]:
        return sorted(self.kubernetes)

    @property
    def newest(self) -> KubernetesMinor:
        """The newest minor in the data, released or not."""
        return max(self.kubernetes)

    @property
    def newest_released(self) -> KubernetesMinor:
        """The newest minor with a release date: what ``latest`` and every default mean."""
        released = [minor for minor, release in self.kubernetes.items() if release.released is not None]
        return max(released) if released else self.newest

    def provisional(self, minor: KubernetesMinor) -> bool:
        """A minor the data holds without a release date: queryable, and every answer about it says so."""
        return self.kubernetes[minor].released is None


SQLITE_HEADER = b"SQLite format 3\x00"


def open_readonly(path: Path) -> sqlite3.Connection:
    """Open the database read-only and immutable; DatabaseUnreadable (never a new, empty file) when it
    is missing, a directory, unreadable, empty or not SQLite."""
    path = Path(path).resolve()
    problem = _file_problem(path)
    if problem:
        raise DatabaseUnreadable(problem)
    connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    connection.row_factory = sqlite3.Row
    return connection


def _rebuild(path: Path) -> str:
    return f"rebuild it with 'kb build --db {path}'"


def _file_problem(path: Path) -> str | None:
    """What is wrong with the file at ``path`` and what to do, or None when it looks like an SQLite file."""
    if path.is_dir():
        return f"{path} is a directory, not a database: point --db (or KB_DB) at the file 'kb build' wrote"
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return f"no database at {path}: run 'kb build' first, or point --db (or KB_DB) at the database"
    except OSError as exc:
        return f"cannot read the database {path} ({exc.strerror or exc}): make it readable by this user"
    if not header:
        return f"the database {path} is empty: {_rebuild(path)}"
    if header != SQLITE_HEADER:
        return f"{path} is not an SQLite database: {_rebuild(path)}"
    return None


def _rows(connection: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    out = []
    for row in connection.execute(sql):
        item = {}
        for key in row.keys():  # noqa: SIM118 - sqlite3.Row iterates values, not keys
            value = row[key]
            item[key] = json.loads(value) if key in _JSON_COLUMNS and isinstance(value, str) else value
        out.append(item)
    return out


def _without_nulls(item: dict[str, Any], *drop: str) -> dict[str, Any]:
    return {k: v for k, v in item.items() if v is not None and k not in drop}


def _steps(rows: list[dict[str, Any]]) -> list[Step]:
    return [
        Step.model_validate(
            _without_nulls(row, "position", "feature_id", "runtime_id") | {"partial": bool(row["partial"])}
        )
        for row in rows
    ]


def _group(rows: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


def load_catalog(path: Path) -> Catalog:
    """Read the whole database at ``path`` into a Catalog; DatabaseUnreadable, in one line, when it cannot."""
    connection = open_readonly(path)
    try:
        return _read(connection, Path(path))
    except (sqlite3.Error, KeyError, ValueError) as exc:  # truncated, damaged, or not what kb build writes
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        path = Path(path).resolve()
        raise DatabaseUnreadable(f"cannot read the database {path} ({reason}): {_rebuild(path)}") from exc
    finally:
        connection.close()


def _read(db: sqlite3.Connection, path: Path) -> Catalog:
    meta = {row["key"]: row["value"] for row in _rows(db, "select key, value from meta")}
    kubernetes = {
        parse_kubernetes(row["version"]): KubernetesRelease.model_validate(
            _without_nulls(row, "sort_key") | {"released": row["released"]}
        )
        for row in _rows(db, "select * from kubernetes_releases")
    }
    windows = {
        row["id"]: WindowsRelease.model_validate(_without_nulls(row, "build_number"))
        for row in _rows(db, "select * from windows_releases order by build_number, channel desc")
    }
    os_rows = _group(_rows(db, "select * from os_support order by kubernetes, windows_id"), "kubernetes")
    as_released = _group(_rows(db, "select * from os_support_as_released"), "kubernetes")
    os_support = {}
    for version, rows in os_rows.items():
        first = rows[0]
        order = list(windows)
        os_support[parse_kubernetes(version)] = OsSupport(
            kubernetes=version,
            windows=sorted((r["windows_id"] for r in rows), key=order.index),
            as_released=sorted((r["windows_id"] for r in as_released[version]), key=order.index)
            if first["at_release"] is not None
            else None,
            notes=first["notes"],
            sources=first["sources"],
            confidence=first["confidence"],
        )
    runtime_steps = _group(_rows(db, "select * from runtime_history order by runtime_id, position"), "runtime_id")
    runtimes = {
        row["id"]: Runtime.model_validate(_without_nulls(row) | {"history": _steps(runtime_steps[row["id"]])})
        for row in _rows(db, "select * from runtimes")
    }
    feature_steps = _group(_rows(db, "select * from feature_history order by feature_id, position"), "feature_id")
    features = {}
    for row in _rows(db, "select * from features order by id"):
        kep = {"number": row["kep_number"], "url": row["kep_url"]} if row["kep_number"] is not None else None
        item = _without_nulls(row, "kep_number", "kep_url", "search_terms")
        features[row["id"]] = Feature.model_validate(item | {"kep": kep, "history": _steps(feature_steps[row["id"]])})
    runtime_keys = {normalise(name): r.id for r in runtimes.values() for name in (r.id, *r.aliases)}
    return Catalog(
        meta=Meta(meta["dataset_version"], meta["content_hash"], meta["built"], int(meta["schema_version"])),
        categories={row["id"]: Category.model_validate(row) for row in _rows(db, "select * from categories")},
        kubernetes=kubernetes,
        windows=windows,
        os_support=os_support,
        runtimes=runtimes,
        isolation={
            row["mode"]: IsolationSupport.model_validate(row) for row in _rows(db, "select * from isolation_modes")
        },
        image_compatibility={
            (row["host"], row["image"]): ImageCompatibility.model_validate(_without_nulls(row))
            for row in _rows(db, "select * from image_compatibility")
        },
        features=features,
        feature_keys={row["key"]: row["feature_id"] for row in _rows(db, "select key, feature_id from feature_names")},
        windows_index=WindowsIndex.of(windows.values()),
        runtime_keys=runtime_keys,
        path=path,
        translations=_translations(db),
    )


def _translations(db: sqlite3.Connection) -> dict[str, dict[tuple[str, str], dict[str, Any]]]:
    out: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
    for row in _rows(db, "select lang, file, key, texts from translations"):
        out.setdefault(row["lang"], {})[(row["file"], row["key"])] = row["texts"]
    return out
