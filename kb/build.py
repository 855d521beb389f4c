"""Models -> SQLite: write the validated dataset into one read-only database file with sqlite-utils."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from kb import __version__
from kb.history import step_at
from kb.load import dump_model, load_dataset
from kb.models import Dataset, Step
from kb.rules import feature_names
from kb.versions import build_number, normalise, parse_kubernetes

SCHEMA_VERSION = 1


def content_hash(dataset: Dataset) -> str:
    """SHA-256 of the dataset's canonical JSON: equal data, equal hash."""
    canonical = json.dumps(dataset.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _sources(model: Any) -> list[dict]:
    return [dump_model(source) for source in model.sources]


def _step_row(step: Step, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "since": step.since,
        "status": step.status,
        "enabled_by_default": step.enabled_by_default,
        "partial": step.partial,
        "reason": step.reason,
        "requirements": [dump_model(r) for r in step.requirements],
        "note": step.note,
        "sources": _sources(step),
        "confidence": step.confidence,
        "confidence_note": step.confidence_note,
    }


def _write_releases(db: sqlite_utils.Database, dataset: Dataset) -> None:
    db["categories"].insert_all((dump_model(c) for c in dataset.categories), pk="id")
    db["kubernetes_releases"].insert_all(
        (
            {
                "version": r.version,
                "sort_key": parse_kubernetes(r.version).minor,
                "released": r.released,
                "maintenance_start": r.maintenance_start,
                "end_of_life": r.end_of_life,
                "latest_patch": r.latest_patch,
                "latest_patch_date": r.latest_patch_date,
                "windows_stage": r.windows_stage,
                "notes": r.notes,
                "disagreements": [dump_model(d) for d in r.disagreements],
                "sources": _sources(r),
                "confidence": r.confidence,
            }
            for r in dataset.kubernetes
        ),
        pk="version",
        columns={"released": str, "maintenance_start": str, "end_of_life": str, "latest_patch_date": str},
    )
    db["windows_releases"].insert_all(
        (
            {
                "id": w.id,
                "name": w.name,
                "channel": w.channel,
                "version": w.version,
                "build": w.build,
                "build_number": build_number(w.build),
                "ga": w.ga,
                "mainstream_end": w.mainstream_end,
                "extended_end": w.extended_end,
                "image_tags": w.image_tags.model_dump(),
                "aliases": w.aliases,
                "notes": w.notes,
                "disagreements": [dump_model(d) for d in w.disagreements],
                "sources": _sources(w),
                "confidence": w.confidence,
            }
            for w in dataset.windows
        ),
        pk="id",
        columns={"mainstream_end": str, "extended_end": str},
    )
    db["windows_image_tags"].create(
        {"windows_id": str, "repository": str, "tag": str, "image": str},
        pk=("windows_id", "repository", "tag"),
        foreign_keys=[("windows_id", "windows_releases", "id")],
    )
    db["windows_image_tags"].insert_all(
        (
            {"windows_id": w.id, "repository": repo, "tag": tag, "image": image}
            for w in dataset.windows
            for repo, tag, image in w.image_tags.references()
        ),
        pk=("windows_id", "repository", "tag"),
        foreign_keys=[("windows_id", "windows_releases", "id")],
    )
    db["os_support"].insert_all(
        (
            {
                "kubernetes": o.kubernetes,
                "windows_id": windows_id,
                "at_release": None if o.as_released is None else windows_id in o.as_released,
                "notes": o.notes,
                "sources": _sources(o),
                "confidence": o.confidence,
            }
            for o in dataset.os_support
            for windows_id in o.windows
        ),
        pk=("kubernetes", "windows_id"),
        foreign_keys=[("kubernetes", "kubernetes_releases", "version"), ("windows_id", "windows_releases", "id")],
    )
    db["os_support_as_released"].create(
        {"kubernetes": str, "windows_id": str},
        pk=("kubernetes", "windows_id"),
        foreign_keys=[("kubernetes", "kubernetes_releases", "version"), ("windows_id", "windows_releases", "id")],
    )
    db["os_support_as_released"].insert_all(
        (
            {"kubernetes": o.kubernetes, "windows_id": windows_id}
            for o in dataset.os_support
            for windows_id in o.as_released or []
        ),
        pk=("kubernetes", "windows_id"),
        foreign_keys=[("kubernetes", "kubernetes_releases", "version"), ("windows_id", "windows_releases", "id")],
    )


def _write_runtimes(db: sqlite_utils.Database, dataset: Dataset) -> None:
    db["runtimes"].insert_all(
        (
            {
                "id": r.id,
                "name": r.name,
                "summary": r.summary,
                "aliases": r.aliases,
                "versions": [dump_model(v) for v in r.versions],
                "sources": _sources(r),
            }
            for r in dataset.runtimes
        ),
        pk="id",
    )
    db["runtime_history"].insert_all(
        ({"runtime_id": r.id, **_step_row(step, i)} for r in dataset.runtimes for i, step in enumerate(r.history)),
        pk=("runtime_id", "since"),
        foreign_keys=[("runtime_id", "runtimes", "id"), ("since", "kubernetes_releases", "version")],
    )


def _write_image_compatibility(db: sqlite_utils.Database, dataset: Dataset) -> None:
    compat = dataset.image_compatibility
    db["isolation_modes"].insert_all((dump_model(i) for i in compat.isolation), pk="mode")
    db["image_compatibility"].insert_all(
        (
            {
                "host": r.host,
                "image": r.image,
                "process": r.process,
                "hyperv": r.hyperv,
                "note": r.note,
                "sources": _sources(r),
                "confidence": r.confidence,
            }
            for r in compat.rules
        ),
        pk=("host", "image"),
        foreign_keys=[("host", "windows_releases", "id"), ("image", "windows_releases", "id")],
    )


def _write_features(db: sqlite_utils.Database, dataset: Dataset) -> None:
    db["features"].insert_all(
        (
            {
                "id": f.id,
                "name": f.name,
                "category": f.category,
                "kind": f.kind,
                "summary": f.summary,
                "aliases": f.aliases,
                "search_terms": " ".join([*f.aliases, *f.feature_gates]),
                "feature_gates": f.feature_gates,
                "kep_number": f.kep.number if f.kep else None,
                "kep_url": f.kep.url if f.kep else None,
                "fields": [dump_model(p) for p in f.fields],
                "variants": [dump_model(v) for v in f.variants],
                "related": f.related,
                "notes": f.notes,
                "disagreements": [dump_model(d) for d in f.disagreements],
                "sources": _sources(f),
                "confidence": f.confidence,
                "confidence_note": f.confidence_note,
            }
            for f in dataset.features
        ),
        pk="id",
        foreign_keys=[("category", "categories", "id")],
        columns={"kep_number": int, "kep_url": str, "confidence_note": str},
    )
    db["feature_names"].insert_all(
        (
            {"key": normalise(name), "name": name, "feature_id": f.id}
            for f in dataset.features
            for name in dict.fromkeys(feature_names(f.id, f.name, f.aliases))
        ),
        pk="key",
        foreign_keys=[("feature_id", "features", "id")],
        ignore=True,
    )
    db["feature_history"].insert_all(
        ({"feature_id": f.id, **_step_row(step, i)} for f in dataset.features for i, step in enumerate(f.history)),
        pk=("feature_id", "since"),
        foreign_keys=[("feature_id", "features", "id"), ("since", "kubernetes_releases", "version")],
    )
    db["features"].enable_fts(["id", "name", "summary", "search_terms"], tokenize="porter", create_triggers=False)


def _write_translations(db: sqlite_utils.Database, dataset: Dataset) -> None:
    """The texts of every entry in each language the data is translated into."""
    db["translations"].create(
        {"lang": str, "file": str, "key": str, "texts": str}, pk=("lang", "file", "key"), not_null={"texts"}
    )
    db["translations"].insert_all(
        {"lang": lang, "file": item["file"], "key": item["key"], "texts": item}
        for lang, items in dataset.translations.items()
        for item in items
    )


def _write_support(db: sqlite_utils.Database, dataset: Dataset) -> None:
    """Every feature x every Kubernetes minor -> the status in force, for browsing and the docs."""
    minors = sorted(parse_kubernetes(r.version) for r in dataset.kubernetes)
    rows = []
    for feature in dataset.features:
        for minor in minors:
            step = step_at(feature.history, minor)
            rows.append(
                {
                    "feature_id": feature.id,
                    "kubernetes": str(minor),
                    "status": step.status if step else "not-supported",
                    "enabled_by_default": step.enabled_by_default if step else None,
                    "partial": step.partial if step else False,
                    "since": step.since if step else None,
                    "recorded": step is not None,
                    "note": step.note if step else None,
                }
            )
    db["support"].insert_all(
        rows,
        pk=("feature_id", "kubernetes"),
        foreign_keys=[("feature_id", "features", "id"), ("kubernetes", "kubernetes_releases", "version")],
        columns={"enabled_by_default": int, "since": str, "note": str},
    )


def write_database(dataset: Dataset, path: Path, built_at: datetime | None = None) -> str:
    """Write ``dataset`` to a new SQLite file at ``path`` (atomically); return its content hash."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    digest = content_hash(dataset)
    built = (built_at or datetime.now(UTC)).replace(microsecond=0).isoformat()
    fd, tmp_name = tempfile.mkstemp(prefix=".kb-", suffix=".db", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite_utils.Database(tmp_name)
        _write_releases(db, dataset)
        _write_runtimes(db, dataset)
        _write_image_compatibility(db, dataset)
        _write_features(db, dataset)
        _write_support(db, dataset)
        _write_translations(db, dataset)
        db["meta"].insert_all(
            [
                {"key": "schema_version", "value": str(SCHEMA_VERSION)},
                {"key": "dataset_version", "value": digest[:12]},
                {"key": "content_hash", "value": digest},
                {"key": "built", "value": built},
                {"key": "kb_version", "value": __version__},
            ],
            pk="key",
        )
        db.index_foreign_keys()
        db.vacuum()
        db.close()
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return digest


def build(data_dir: Path, path: Path) -> str:
    """Validate ``data_dir`` and write the database; nothing is written if the data is invalid."""
    return write_database(load_dataset(data_dir), path)
