"""What the dataset is: version, build, counts and the newest releases it covers (``/v1/meta``)."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from kb import __version__
from kb.answers import Answer, WindowsRef
from kb.catalog import Catalog
from kb.versions import build_number


class DatasetCounts(Answer):
    features: int
    limitations: int
    kubernetes_releases: int
    windows_releases: int
    runtimes: int
    sources: int = Field(description="Distinct source URLs cited anywhere in the data.")


class DatasetMeta(Answer):
    """The dataset behind every answer, so a script can tell which data it was given."""

    dataset_version: str
    content_hash: str = Field(description="Hash of the data's content: two builds of the same data share it.")
    built: str
    schema_version: int
    api_version: str
    counts: DatasetCounts
    kubernetes_oldest: str
    kubernetes_newest: str
    windows_newest: WindowsRef

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "dataset_version": "c14a3fff50e5",
                "content_hash": "c14a3fff50e5d0b1f3e8a1b7c2d9e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1",
                "built": "2026-11-25T12:00:00+00:00",
                "schema_version": 1,
                "api_version": "0.1.0",
                "counts": {
                    "features": 80,
                    "limitations": 21,
                    "kubernetes_releases": 30,
                    "windows_releases": 12,
                    "runtimes": 2,
                    "sources": 240,
                },
                "kubernetes_oldest": "1.5",
                "kubernetes_newest": "1.34",
                "windows_newest": {"id": "ltsc2025", "name": "Windows Server 2025", "build": "10.0.26100"},
            }
        }
    )


def _source_count(catalog: Catalog) -> int:
    urls: set[str] = set()
    entities = [*catalog.features.values(), *catalog.kubernetes.values(), *catalog.windows.values()]
    entities += [*catalog.runtimes.values(), *catalog.os_support.values()]
    for entity in entities:
        urls.update(s.url for s in entity.sources)
        for step in getattr(entity, "history", []):
            urls.update(s.url for s in step.sources)
    return len(urls)


def dataset_meta(catalog: Catalog) -> DatasetMeta:
    """Version, build time, counts and the newest releases covered."""
    newest_windows = max(catalog.windows.values(), key=lambda w: (build_number(w.build), w.ga))
    limitations = sum(1 for f in catalog.features.values() if f.kind == "limitation")
    return DatasetMeta(
        dataset_version=catalog.meta.dataset_version,
        content_hash=catalog.meta.content_hash,
        built=catalog.meta.built,
        schema_version=catalog.meta.schema_version,
        api_version=__version__,
        counts=DatasetCounts(
            features=len(catalog.features) - limitations,
            limitations=limitations,
            kubernetes_releases=len(catalog.kubernetes),
            windows_releases=len(catalog.windows),
            runtimes=len(catalog.runtimes),
            sources=_source_count(catalog),
        ),
        kubernetes_oldest=str(min(catalog.minors)),
        kubernetes_newest=str(catalog.newest),
        windows_newest=WindowsRef(id=newest_windows.id, name=newest_windows.name, build=newest_windows.build),
    )
