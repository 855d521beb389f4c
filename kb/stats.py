"""What the knowledge base holds, counted: the numbers behind ``kb stats`` and the coverage page.

A *fact* is one dated, sourced statement: a feature or runtime history step, a Kubernetes release,
a Windows Server release, an OS list for one Kubernetes minor, an image-compatibility row or an
isolation-mode statement. A fact is *inferred* when it is marked ``confidence: inferred`` (a step
also counts when its feature is inferred as a whole).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

from kb import query
from kb.catalog import Catalog
from kb.models import STATUSES, Source, Step


class ReleaseRef(BaseModel):
    """A release named in the stats, with the date that makes it newest."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    date: date | None


class CategoryCount(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    features: int
    limitations: int


class CoverageStats(BaseModel):
    """Counts over the whole dataset; the JSON of ``kb stats --json``."""

    model_config = ConfigDict(frozen=True)

    entries: int
    by_category: list[CategoryCount]
    by_kind: dict[str, int]
    status_at: str
    by_status: dict[str, int]
    facts: int
    inferred: int
    disagreements: int
    sources: int
    by_source_domain: dict[str, int]
    kubernetes_minors: int
    oldest_kubernetes: str
    newest_kubernetes: ReleaseRef
    newest_released_kubernetes: ReleaseRef | None
    windows_releases: int
    newest_windows: ReleaseRef


def _steps(catalog: Catalog) -> Iterator[tuple[Step, bool]]:
    """Every history step, with whether its owner is inferred as a whole."""
    for feature in catalog.features.values():
        for step in feature.history:
            yield step, feature.confidence == "inferred"
    for runtime in catalog.runtimes.values():
        for step in runtime.history:
            yield step, False


def _confidences(catalog: Catalog) -> list[str]:
    """One confidence per fact (see the module docstring)."""
    values = ["inferred" if owner or step.confidence == "inferred" else "read" for step, owner in _steps(catalog)]
    for group in (
        catalog.kubernetes.values(),
        catalog.windows.values(),
        catalog.os_support.values(),
        catalog.image_compatibility.values(),
    ):
        values += [item.confidence for item in group]
    values += ["read"] * len(catalog.isolation)
    return values


def source_urls(catalog: Catalog) -> set[str]:
    """Every distinct URL the dataset cites, on entities, steps, versions and disagreements."""
    lists: list[Iterable[Source]] = []
    for feature in catalog.features.values():
        lists += [feature.sources, *(s.sources for s in feature.history), *(d.sources for d in feature.disagreements)]
    for runtime in catalog.runtimes.values():
        lists += [runtime.sources, *(s.sources for s in runtime.history), *(v.sources for v in runtime.versions)]
    for release in [*catalog.kubernetes.values(), *catalog.windows.values()]:
        lists += [release.sources, *(d.sources for d in release.disagreements)]
    for item in [*catalog.os_support.values(), *catalog.image_compatibility.values(), *catalog.isolation.values()]:
        lists.append(item.sources)
    return {source.url for sources in lists for source in sources}


def domain(url: str) -> str:
    """'https://www.github.com/x' -> 'github.com'."""
    host = urlsplit(url).netloc.lower()
    return host.removeprefix("www.")


def _ordered(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def coverage(catalog: Catalog) -> CoverageStats:
    """Count everything the catalog holds."""
    summaries = query.list_features(catalog)
    kinds = Counter(s.kind for s in summaries)
    statuses = Counter(s.status for s in summaries)
    confidences = _confidences(catalog)
    urls = source_urls(catalog)
    minors = catalog.minors
    newest = catalog.kubernetes[minors[-1]]
    released = [catalog.kubernetes[m] for m in minors if catalog.kubernetes[m].released]
    newest_windows = max(catalog.windows.values(), key=lambda w: w.ga)
    return CoverageStats(
        entries=len(summaries),
        by_category=[
            CategoryCount(
                id=c.id,
                name=c.name,
                features=sum(1 for s in summaries if s.category == c.id and s.kind == "feature"),
                limitations=sum(1 for s in summaries if s.category == c.id and s.kind == "limitation"),
            )
            for c in catalog.categories.values()
        ],
        by_kind={kind: kinds[kind] for kind in ("feature", "limitation")},
        status_at=str(catalog.newest_released),
        by_status={status: statuses[status] for status in STATUSES},
        facts=len(confidences),
        inferred=confidences.count("inferred"),
        disagreements=sum(
            len(item.disagreements)
            for item in [*catalog.features.values(), *catalog.kubernetes.values(), *catalog.windows.values()]
        ),
        sources=len(urls),
        by_source_domain=_ordered(Counter(domain(url) for url in urls)),
        kubernetes_minors=len(minors),
        oldest_kubernetes=str(minors[0]),
        newest_kubernetes=ReleaseRef(id=newest.version, name=f"Kubernetes {newest.version}", date=newest.released),
        newest_released_kubernetes=ReleaseRef(
            id=released[-1].version, name=f"Kubernetes {released[-1].version}", date=released[-1].released
        )
        if released
        else None,
        windows_releases=len(catalog.windows),
        newest_windows=ReleaseRef(id=newest_windows.id, name=newest_windows.name, date=newest_windows.ga),
    )


def stats_table(stats: CoverageStats) -> str:
    """The stats as aligned plain-text lines for the terminal."""
    newest = stats.newest_kubernetes
    released = stats.newest_released_kubernetes
    rows = [
        (
            "entries",
            f"{stats.entries} ({stats.by_kind['feature']} features, {stats.by_kind['limitation']} limitations)",
        ),
        ("facts", f"{stats.facts} ({stats.inferred} inferred, {stats.disagreements} disagreements recorded)"),
        ("sources", f"{stats.sources} distinct URLs"),
        ("kubernetes", f"{stats.oldest_kubernetes} to {newest.id} ({stats.kubernetes_minors} minors)"),
        ("newest released", f"{released.id} on {released.date}" if released else "none"),
        (
            "windows",
            f"{stats.windows_releases} releases, newest {stats.newest_windows.name} ({stats.newest_windows.date})",
        ),
    ]
    lines = [f"{label:<16} {value}" for label, value in rows]
    lines += ["", f"by category{'':<14} feat  lim"]
    lines += [f"  {c.id:<22} {c.features:>5} {c.limitations:>4}" for c in stats.by_category]
    lines += ["", f"by status at {stats.status_at}"]
    lines += [f"  {status:<22} {count:>5}" for status, count in stats.by_status.items()]
    lines += ["", "sources by domain"]
    lines += [f"  {name:<30} {count:>5}" for name, count in stats.by_source_domain.items()]
    return "\n".join(lines)
