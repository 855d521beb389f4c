"""Rules across files that a single model cannot check; each returns the problems it finds.

The build refuses the data when any rule finds a problem; the data lint in the tests runs
the same rules over the real ``data/``.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator

from pydantic import BaseModel

from kb.errors import DataProblem
from kb.models import Dataset, Source, Step
from kb.provenance import source_problem
from kb.versions import build_number, normalise, parse_kubernetes

FEATURE_FILE = "features/{}.yaml"


def _known_minors(dataset: Dataset) -> set[str]:
    return {release.version for release in dataset.kubernetes}


def check_kubernetes_releases(dataset: Dataset) -> Iterator[DataProblem]:
    """Releases are unique, and their dates run in order."""
    seen: set[str] = set()
    for release in dataset.kubernetes:
        if release.version in seen:
            yield DataProblem("kubernetes.yaml", release.version, "version", "duplicate release")
        seen.add(release.version)
        dates = [
            ("released", release.released),
            ("maintenance_start", release.maintenance_start),
            ("end_of_life", release.end_of_life),
        ]
        yield from _dates_in_order("kubernetes.yaml", release.version, dates)
    ordered = sorted((r for r in dataset.kubernetes if r.released), key=lambda r: parse_kubernetes(r.version))
    for earlier, later in itertools.pairwise(ordered):
        if later.released < earlier.released:
            yield DataProblem(
                "kubernetes.yaml", later.version, "released", f"is before the release of {earlier.version}"
            )


def _dates_in_order(file: str, entry: str, dates: list) -> Iterator[DataProblem]:
    present = [(name, value) for name, value in dates if value is not None]
    for (first, a), (second, b) in itertools.pairwise(present):
        if b < a:
            yield DataProblem(file, entry, second, f"{b} is before {first} {a}")


def check_windows_releases(dataset: Dataset) -> Iterator[DataProblem]:
    """Ids and aliases are unique, dates run in order."""
    seen: dict[str, str] = {}
    for release in dataset.windows:
        dates = [("ga", release.ga), ("mainstream_end", release.mainstream_end), ("extended_end", release.extended_end)]
        yield from _dates_in_order("windows.yaml", release.id, dates)
        for key in {normalise(release.id), *(normalise(a) for a in release.aliases)}:
            if key in seen and seen[key] != release.id:
                yield DataProblem("windows.yaml", release.id, "aliases", f"{key!r} already names {seen[key]}")
            seen[key] = release.id


def check_steps(file: str, entry: str, steps: list[Step], dataset: Dataset) -> Iterator[DataProblem]:
    """Steps name known versions and releases, in strictly increasing order."""
    minors = _known_minors(dataset)
    windows = {release.id: release for release in dataset.windows}
    runtimes = {runtime.id for runtime in dataset.runtimes}
    previous = None
    for index, step in enumerate(steps):
        where = f"history.{index}"
        if step.since not in minors:
            yield DataProblem(file, entry, f"{where}.since", f"unknown Kubernetes version {step.since}")
        current = parse_kubernetes(step.since)
        if previous is not None and current <= previous:
            yield DataProblem(file, entry, f"{where}.since", f"{step.since} is not after the step before ({previous})")
        previous = current
        for number, requirement in enumerate(step.requirements):
            if requirement.windows and requirement.windows not in windows:
                yield DataProblem(
                    file,
                    entry,
                    f"{where}.requirements.{number}.windows",
                    f"unknown Windows release {requirement.windows}",
                )
            elif requirement.windows_build and not requirement.windows_build.startswith(
                windows[requirement.windows].build + "."
            ):
                yield DataProblem(
                    file,
                    entry,
                    f"{where}.requirements.{number}.windows_build",
                    f"{requirement.windows_build} is not an update of {requirement.windows} "
                    f"({windows[requirement.windows].build})",
                )
            if requirement.only_with_runtime and requirement.only_with_runtime not in runtimes:
                yield DataProblem(
                    file,
                    entry,
                    f"{where}.requirements.{number}.only_with_runtime",
                    f"unknown runtime {requirement.only_with_runtime}",
                )
            if requirement.runtime and requirement.runtime not in runtimes:
                yield DataProblem(
                    file, entry, f"{where}.requirements.{number}.runtime", f"unknown runtime {requirement.runtime}"
                )


def check_features(dataset: Dataset) -> Iterator[DataProblem]:
    """Features: unique ids, known categories and related ids, valid histories."""
    categories = {category.id for category in dataset.categories}
    ids = [feature.id for feature in dataset.features]
    for feature in dataset.features:
        file = FEATURE_FILE.format(feature.id)
        if ids.count(feature.id) > 1:
            yield DataProblem(file, feature.id, "id", "duplicate feature id")
        if feature.category not in categories:
            yield DataProblem(file, feature.id, "category", f"unknown category {feature.category}")
        for number, pod_field in enumerate(feature.fields):
            if pod_field.since and pod_field.since not in set(_known_minors(dataset)):
                yield DataProblem(
                    file, feature.id, f"fields.{number}.since", f"unknown Kubernetes version {pod_field.since}"
                )
        for related in feature.related:
            if related not in ids:
                yield DataProblem(file, feature.id, "related", f"unknown feature {related}")
        for number, other in enumerate(feature.instead.features if feature.instead else []):
            if other not in ids:
                yield DataProblem(file, feature.id, f"instead.features.{number}", f"unknown feature {other}")
        yield from check_steps(file, feature.id, feature.history, dataset)
        variant_ids = [v.id for v in feature.variants]
        for variant in feature.variants:
            entry = f"{feature.id}/{variant.id}"
            if variant_ids.count(variant.id) > 1:
                yield DataProblem(file, entry, "variants.id", "duplicate variant id")
            yield from check_steps(file, entry, variant.history, dataset)


def check_feature_names(dataset: Dataset) -> Iterator[DataProblem]:
    """An id, name or alias may select only one feature."""
    owners: dict[str, set[str]] = defaultdict(set)
    for feature in dataset.features:
        for name in feature_names(feature.id, feature.name, feature.aliases):
            owners[normalise(name)].add(feature.id)
    for key, features in sorted(owners.items()):
        if len(features) > 1:
            first = sorted(features)[0]
            yield DataProblem(
                FEATURE_FILE.format(first), first, "aliases", f"{key!r} would resolve to {', '.join(sorted(features))}"
            )


def feature_names(feature_id: str, name: str, aliases: list[str]) -> list[str]:
    """Every name that selects a feature: its id, its name and its aliases."""
    return [feature_id, name, *aliases]


def check_runtimes(dataset: Dataset) -> Iterator[DataProblem]:
    """Ids are unique, and an id or alias names one runtime only (as the resolver reads names)."""
    ids = [runtime.id for runtime in dataset.runtimes]
    owners: dict[str, str] = {}
    for runtime in dataset.runtimes:
        if ids.count(runtime.id) > 1:
            yield DataProblem("runtimes.yaml", runtime.id, "id", "duplicate runtime id")
        for key in {normalise(name) for name in (runtime.id, *runtime.aliases)}:
            if owners.setdefault(key, runtime.id) != runtime.id:
                yield DataProblem("runtimes.yaml", runtime.id, "aliases", f"{key!r} already names {owners[key]}")
        yield from check_steps("runtimes.yaml", runtime.id, runtime.history, dataset)


def check_os_support(dataset: Dataset) -> Iterator[DataProblem]:
    minors = _known_minors(dataset)
    windows = {release.id for release in dataset.windows}
    seen: set[str] = set()
    for entry in dataset.os_support:
        if entry.kubernetes not in minors:
            yield DataProblem("os-support.yaml", entry.kubernetes, "kubernetes", "unknown Kubernetes version")
        if entry.kubernetes in seen:
            yield DataProblem("os-support.yaml", entry.kubernetes, "kubernetes", "duplicate entry")
        seen.add(entry.kubernetes)
        for field in ("windows", "as_released"):
            for release in getattr(entry, field) or []:
                if release not in windows:
                    yield DataProblem("os-support.yaml", entry.kubernetes, field, f"unknown Windows release {release}")


def check_image_compatibility(dataset: Dataset) -> Iterator[DataProblem]:
    windows = {release.id: release for release in dataset.windows}
    seen: set[tuple[str, str]] = set()
    for rule in dataset.image_compatibility.rules:
        entry = f"{rule.host} x {rule.image}"
        for field in ("host", "image"):
            if getattr(rule, field) not in windows:
                yield DataProblem(
                    "image-compatibility.yaml", entry, field, f"unknown Windows release {getattr(rule, field)}"
                )
        if (rule.host, rule.image) in seen:
            yield DataProblem("image-compatibility.yaml", entry, "-", "duplicate host x image row")
        seen.add((rule.host, rule.image))
        if rule.host in windows and rule.image in windows:
            newer_image = build_number(windows[rule.image].build) > build_number(windows[rule.host].build)
            if newer_image and rule.process:
                yield DataProblem(
                    "image-compatibility.yaml", entry, "process", "an image newer than its host never runs"
                )


def cited_sources(dataset: Dataset) -> Iterator[tuple[str, str, str, str]]:
    """(file, entry, field, url) of every source the dataset cites, fields named as the loader names them."""
    for release in dataset.kubernetes:
        yield from _sources_in("kubernetes.yaml", release.version, release)
    for windows in dataset.windows:
        yield from _sources_in("windows.yaml", windows.id, windows)
    for support in dataset.os_support:
        yield from _sources_in("os-support.yaml", support.kubernetes, support)
    for runtime in dataset.runtimes:
        yield from _sources_in("runtimes.yaml", runtime.id, runtime)
    for isolation in dataset.image_compatibility.isolation:
        yield from _sources_in("image-compatibility.yaml", f"{isolation.mode} isolation", isolation)
    for rule in dataset.image_compatibility.rules:
        yield from _sources_in("image-compatibility.yaml", f"{rule.host} x {rule.image}", rule)
    for feature in dataset.features:
        yield from _sources_in(FEATURE_FILE.format(feature.id), feature.id, feature)


def _sources_in(file: str, entry: str, value: object, field: str = "") -> Iterator[tuple[str, str, str, str]]:
    if isinstance(value, Source):
        yield file, entry, f"{field}.url", value.url
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _sources_in(file, entry, getattr(value, name), f"{field}.{name}" if field else name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _sources_in(file, entry, item, f"{field}.{index}")


def check_sources(dataset: Dataset) -> Iterator[DataProblem]:
    """Every source is an official publisher's, and a GitHub file is pinned to a commit."""
    for file, entry, field, url in cited_sources(dataset):
        problem = source_problem(url)
        if problem:
            yield DataProblem(file, entry, field, problem)


RULES: list[Callable[[Dataset], Iterator[DataProblem]]] = [
    check_kubernetes_releases,
    check_windows_releases,
    check_runtimes,
    check_os_support,
    check_image_compatibility,
    check_features,
    check_feature_names,
    check_sources,
]


def check_dataset(dataset: Dataset) -> list[DataProblem]:
    """Run every rule; an empty list means the data is consistent."""
    return [problem for rule in RULES for problem in rule(dataset)]
