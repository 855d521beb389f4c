"""``kb export``: the GET resources of the API as static JSON files, for any static host or CDN.

Each file holds exactly the bytes the API answers for the same path (both encode with
:func:`kb.formats.json_bytes`): ``site/api/v1/features.json`` is ``GET /v1/features``. The support
question has no list of its own, so every feature x Kubernetes minor answer is written as
``support/<feature>/<minor>.json`` (without Windows or runtime, which multiply without bound).
Answers with computed dates (``is_maintained``) are as of the export day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from kb import query, releases
from kb.catalog import Catalog
from kb.dataset import dataset_meta
from kb.formats import json_bytes

Resource = tuple[str, Callable[[], Any]]


def resources(catalog: Catalog, today: date, support: bool = True) -> Iterator[Resource]:
    """(path under ``v1/`` without ``.json``, how to answer it) for every exported resource."""
    yield "meta", lambda: dataset_meta(catalog)
    yield "features", lambda: query.list_features(catalog)
    for feature_id in catalog.features:
        yield f"features/{feature_id}", lambda f=feature_id: query.feature_detail(catalog, f)
    yield "kubernetes", lambda: releases.list_kubernetes(catalog, today)
    for minor in catalog.minors:
        yield f"kubernetes/{minor}", lambda m=str(minor): releases.kubernetes_detail(catalog, m, today)
    yield "windows", lambda: releases.list_windows(catalog, today)
    for windows_id in catalog.windows:
        yield f"windows/{windows_id}", lambda w=windows_id: releases.windows_detail(catalog, w, today)
    yield "matrix", lambda: releases.os_matrix(catalog)
    for minor in catalog.minors:
        yield f"matrix/features/{minor}", lambda m=str(minor): query.list_features(catalog, kubernetes=m)
    if support:
        for feature_id in catalog.features:
            for minor in catalog.minors:
                yield (
                    f"support/{feature_id}/{minor}",
                    lambda f=feature_id, m=str(minor): query.support(catalog, f, m),
                )


def export_files(catalog: Catalog, today: date, support: bool = True) -> Iterator[tuple[str, bytes]]:
    """(file path under ``api/v1/``, its bytes) for every exported resource."""
    for path, answer in resources(catalog, today, support):
        yield f"{path}.json", json_bytes(answer())


def export(catalog: Catalog, out: Path, today: date, support: bool = True) -> tuple[int, int]:
    """Write every resource under ``out`` (``site/api/v1``); return (files, bytes) written.

    A support answer left from an earlier export that the data no longer holds (a feature renamed or
    removed) is deleted, so no file answers what the data does not say.
    """
    files = size = 0
    written: set[Path] = set()
    made: set[Path] = set()
    for path, body in export_files(catalog, today, support):
        target = out / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(body)
        written.add(target)
        files, size = files + 1, size + len(body)
    if support:
        for stale in [p for p in (out / "support").rglob("*.json") if p not in written]:
            stale.unlink()
    return files, size
