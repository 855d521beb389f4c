"""A minimal static API export for the site's lookup box, until the full ``kb export`` replaces it.

Writes the three resources the home page reads, in the same shapes as the API's GET answers:
``api/v1/features.json``, ``api/v1/features/<id>.json`` and ``api/v1/kubernetes.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from pydantic import BaseModel

from kb import query
from kb.catalog import Catalog
from kb.releases import list_kubernetes

ROOT = "api/v1"


def _json(value: BaseModel | list[BaseModel]) -> str:
    if isinstance(value, list):
        return json.dumps([item.model_dump(mode="json") for item in value], separators=(",", ":"))
    return value.model_dump_json()


def export_files(catalog: Catalog, today: date) -> Iterator[tuple[str, str]]:
    """(path under the site, JSON text) for each exported resource."""
    yield f"{ROOT}/features.json", _json(query.list_features(catalog))
    for feature_id in catalog.features:
        yield f"{ROOT}/features/{feature_id}.json", _json(query.feature_detail(catalog, feature_id))
    yield f"{ROOT}/kubernetes.json", _json(list_kubernetes(catalog, today))
