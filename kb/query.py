"""Questions -> answers: pure functions over a :class:`~kb.catalog.Catalog`.

The API, the CLI and the docs generator all call these, so they cannot disagree.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from kb.answers import (
    DatasetRef,
    FeatureDetail,
    FeatureRef,
    FeatureSummary,
    RequirementResult,
    StepView,
    SupportAnswer,
    TimelineEntry,
    WindowsRef,
)
from kb.catalog import Catalog
from kb.errors import InvalidInput, UnknownFeature
from kb.history import is_usable, status_label, step_at
from kb.models import Feature, Requirement, Step, WindowsRelease
from kb.versions import (
    KubernetesMinor,
    RuntimeSpec,
    build_number,
    build_revision,
    normalise,
    parse_runtime,
    parse_version_tuple,
    resolve_kubernetes,
)


def resolve_feature(catalog: Catalog, text: str) -> Feature:
    """The feature ``text`` names (id, name, alias or feature gate, any case or spacing)."""
    key = normalise(text)
    if not key:
        raise InvalidInput("A feature name is needed.", sorted(catalog.features)[:5])
    if key in catalog.feature_keys:
        return catalog.features[catalog.feature_keys[key]]
    gated = [f for f in catalog.features.values() if any(normalise(gate) == key for gate in f.feature_gates)]
    if len(gated) == 1:
        return gated[0]
    suggestions = [f.id for f in gated] or suggest_features(catalog, text)
    raise UnknownFeature(text, suggestions)


def suggest_features(catalog: Catalog, text: str, count: int = 5) -> list[str]:
    """Feature ids whose names look like ``text``: close spellings first, then shared words."""
    key = normalise(text)
    close = difflib.get_close_matches(key, list(catalog.feature_keys), n=count, cutoff=0.6)
    ids = [catalog.feature_keys[k] for k in close]
    ids += [hit.id for hit in search_features(catalog, text, limit=count)]
    return list(dict.fromkeys(ids))[:count]


def resolve_minor(catalog: Catalog, text: str) -> KubernetesMinor:
    """The Kubernetes minor ``text`` names, which must be in the data."""
    return resolve_kubernetes(text, catalog.minors)


def resolve_windows(catalog: Catalog, text: str) -> WindowsRelease:
    """The Windows release ``text`` names (see :mod:`kb.versions` for the rule)."""
    return catalog.windows[catalog.windows_index.resolve(text)]


def resolve_runtime(catalog: Catalog, text: str) -> RuntimeSpec:
    return parse_runtime(text, catalog.runtime_keys)


def requirement_text(catalog: Catalog, requirement: Requirement) -> str:
    """How a requirement reads: its own text, or one made from its parts."""
    if requirement.text:
        return requirement.text
    if requirement.windows_build:
        update = f" ({requirement.windows_update})" if requirement.windows_update else ""
        name = catalog.windows[requirement.windows].name
        return f"{name} at OS build {requirement.windows_build}{update} or later, or a newer release"
    if requirement.windows:
        return f"{catalog.windows[requirement.windows].name} or newer"
    name = (
        catalog.runtimes[requirement.runtime].name if requirement.runtime in catalog.runtimes else requirement.runtime
    )
    return f"{name} {requirement.runtime_version} or newer" if requirement.runtime_version else f"{name}"


def requirement_met(
    catalog: Catalog,
    requirement: Requirement,
    windows: WindowsRelease | None,
    runtime: RuntimeSpec | None,
    windows_revision: int | None = None,
) -> bool | None:
    """True or False when the question says enough to tell, None otherwise.

    ``windows_revision`` is the node's update level within ``windows`` (1817 of 10.0.17763.1817),
    when the question gives one: without it, a requirement for an update of the node's own release
    is unknown, never assumed met.
    """
    results: list[bool | None] = []
    if requirement.windows:
        needed = build_number(catalog.windows[requirement.windows].build)
        if windows is None:
            results.append(None)
        elif build_number(windows.build) != needed or not requirement.windows_build:
            results.append(build_number(windows.build) >= needed)
        else:
            needed_revision = build_revision(requirement.windows_build)
            results.append(None if windows_revision is None else windows_revision >= (needed_revision or 0))
    if requirement.runtime:
        if runtime is None:
            results.append(None)
        elif runtime.name != requirement.runtime:
            results.append(False)
        elif requirement.runtime_version:
            needed_version = parse_version_tuple(requirement.runtime_version)
            results.append(None if runtime.version is None else _at_least(runtime.version, needed_version))
        else:
            results.append(True)
    if not results:
        return None
    if False in results:
        return False
    return None if None in results else True


def _at_least(have: tuple[int, ...], need: tuple[int, ...]) -> bool:
    width = max(len(have), len(need))
    return have + (0,) * (width - len(have)) >= need + (0,) * (width - len(need))


def _node_requirements(
    catalog: Catalog,
    minor: KubernetesMinor,
    windows: WindowsRelease | None,
    runtime: RuntimeSpec | None,
    windows_revision: int | None,
) -> tuple[list[RequirementResult], list[str], list[str]]:
    """What the node itself must satisfy: a supported Windows release and a supported runtime."""
    results: list[RequirementResult] = []
    notes: list[str] = []
    sources: list[str] = []
    if windows is not None:
        support = catalog.os_support.get(minor)
        listed = support is not None and windows.id in support.windows
        text = f"{windows.name} is a supported Windows node OS on Kubernetes {minor}"
        results.append(RequirementResult(text=text, met=listed if support else None))
        if support and not listed:
            names = ", ".join(catalog.windows[w].name for w in support.windows)
            notes.append(f"{windows.name} is not a supported node OS on Kubernetes {minor} (supported: {names}).")
            sources += [s.url for s in support.sources[:1]]
    if runtime is not None:
        definition = catalog.runtimes[runtime.name]
        step = step_at(definition.history, minor)
        usable = step is not None and is_usable(step.status)
        results.append(
            RequirementResult(text=f"{definition.name} is a supported runtime on Kubernetes {minor}", met=usable)
        )
        if not usable:
            state = status_label(step.status) if step else "not available yet"
            notes.append(
                f"{definition.name} is {state} on Kubernetes {minor}." + (f" {step.note}" if step and step.note else "")
            )
            sources += [s.url for s in (step.sources if step else definition.sources)[:1]]
        for requirement in step.requirements if step else []:
            met = requirement_met(catalog, requirement, windows, runtime, windows_revision)
            results.append(RequirementResult(text=requirement_text(catalog, requirement), met=met))
            if met is False:
                notes.append(
                    f"Kubernetes {minor} asks for {requirement_text(catalog, requirement)}; {runtime} is older."
                )
    return results, notes, sources


def dataset_ref(catalog: Catalog) -> DatasetRef:
    return DatasetRef(version=catalog.meta.dataset_version, built=catalog.meta.built)


def support(
    catalog: Catalog,
    feature: str,
    kubernetes: str,
    windows: str | None = None,
    runtime: str | None = None,
) -> SupportAnswer:
    """Is ``feature`` supported on ``kubernetes`` (with ``windows`` and ``runtime`` when given)?"""
    found = resolve_feature(catalog, feature)
    minor = resolve_minor(catalog, kubernetes)
    release = resolve_windows(catalog, windows) if windows is not None else None
    spec = resolve_runtime(catalog, runtime) if runtime is not None else None
    revision = build_revision(windows) if windows is not None else None
    return answer_support(catalog, found, minor, release, spec, revision)


def answer_support(
    catalog: Catalog,
    feature: Feature,
    minor: KubernetesMinor,
    windows: WindowsRelease | None = None,
    runtime: RuntimeSpec | None = None,
    windows_revision: int | None = None,
) -> SupportAnswer:
    """The support answer for resolved inputs (``windows_revision``: the node's update level, when known)."""
    step = step_at(feature.history, minor)
    requirements, notes, sources = _node_requirements(catalog, minor, windows, runtime, windows_revision)
    if step is None:
        first = feature.history[0]
        status, usable = "not-supported", False
        notes.insert(
            0, f"Nothing is recorded for {feature.name} before Kubernetes {first.since}; treated as not supported."
        )
        sources = [s.url for s in first.sources] + sources
    else:
        status, usable = step.status, is_usable(step.status)
        for requirement in step.requirements:
            met = requirement_met(catalog, requirement, windows, runtime, windows_revision)
            requirements.append(RequirementResult(text=requirement_text(catalog, requirement), met=met))
            if met is False:
                given = _given(windows, runtime, windows_revision)
                notes.append(f"Requires {requirement_text(catalog, requirement)}: {given} does not meet it.")
            elif met is None and windows is not None and requirement.windows_build:
                notes.append(
                    f"Whether a {windows.name} node has {requirement.windows_update or 'the update'} depends on "
                    f"its full OS build: ask with the node's kernelVersion (KERNEL-VERSION in "
                    f"'kubectl get nodes -o wide'), such as {requirement.windows_build}."
                )
        notes[:0] = _step_notes(feature, step)
        sources = [s.url for s in step.sources] + sources
    ruled_out = any(r.met is False for r in requirements)
    return SupportAnswer(
        feature=FeatureRef(id=feature.id, name=feature.name),
        kubernetes=str(minor),
        windows=WindowsRef(id=windows.id, name=windows.name, build=windows.build) if windows else None,
        runtime=str(runtime) if runtime else None,
        status=status,
        supported=usable and not ruled_out,
        enabled_by_default=step.enabled_by_default if step else None,
        feature_gate=feature.feature_gates[0] if feature.feature_gates else None,
        since=step.since if step else None,
        reason=step.reason if step else None,
        requirements=requirements,
        notes=notes,
        sources=list(dict.fromkeys(sources + [s.url for s in feature.sources])),
        confidence="inferred"
        if (step and step.confidence == "inferred") or feature.confidence == "inferred"
        else "read",
        dataset=dataset_ref(catalog),
    )


def _given(windows: WindowsRelease | None, runtime: RuntimeSpec | None, windows_revision: int | None = None) -> str:
    node = windows.name if windows else None
    if windows and windows_revision is not None:
        node = f"{windows.name} at {windows.build}.{windows_revision}"
    return " with ".join(x for x in (node, str(runtime) if runtime else None) if x)


def _step_notes(feature: Feature, step: Step) -> list[str]:
    notes = []
    if step.note:
        notes.append(step.note)
    if step.partial:
        notes.append("Usable with limits (see the note and requirements).")
    if step.enabled_by_default is False and feature.feature_gates:
        notes.append(f"Off by default: turn on the {feature.feature_gates[0]} feature gate.")
    if step.confidence == "inferred":
        notes.append(
            "Inferred rather than read in a source" + (f": {step.confidence_note}" if step.confidence_note else ".")
        )
    for disagreement in feature.disagreements:
        notes.append(
            f"Sources disagree on {disagreement.about}: another source says {disagreement.other_value}; {disagreement.chosen}"
        )
    return notes


def timeline(catalog: Catalog, feature: Feature) -> list[TimelineEntry]:
    """The feature's state at every Kubernetes minor in the data, oldest first."""
    entries = []
    for minor in catalog.minors:
        step = step_at(feature.history, minor)
        entries.append(
            TimelineEntry(
                kubernetes=str(minor),
                status=step.status if step else "not-supported",
                supported=bool(step and is_usable(step.status)),
                enabled_by_default=step.enabled_by_default if step else None,
                partial=step.partial if step else False,
                since=step.since if step else None,
                recorded=step is not None,
            )
        )
    return entries


def feature_detail(catalog: Catalog, name: str) -> FeatureDetail:
    """Everything about one feature: history with sources and the timeline over every minor."""
    feature = resolve_feature(catalog, name)
    return FeatureDetail(
        id=feature.id,
        name=feature.name,
        category=feature.category,
        kind=feature.kind,
        summary=feature.summary,
        aliases=feature.aliases,
        feature_gates=feature.feature_gates,
        kep=feature.kep.model_dump() if feature.kep else None,
        fields=[f.model_dump(exclude_none=True) for f in feature.fields],
        related=[FeatureRef(id=r, name=catalog.features[r].name) for r in feature.related],
        history=[
            StepView(
                since=s.since,
                status=s.status,
                enabled_by_default=s.enabled_by_default,
                partial=s.partial,
                reason=s.reason,
                requirements=[requirement_text(catalog, r) for r in s.requirements],
                note=s.note,
                sources=[src.url for src in s.sources],
                confidence=s.confidence,
                confidence_note=s.confidence_note,
            )
            for s in feature.history
        ],
        timeline=timeline(catalog, feature),
        notes=feature.notes,
        disagreements=[d.model_dump() for d in feature.disagreements],
        sources=[s.url for s in feature.sources],
        confidence=feature.confidence,
        dataset=dataset_ref(catalog),
    )


def list_features(
    catalog: Catalog,
    category: str | None = None,
    status: str | None = None,
    kubernetes: str | None = None,
    q: str | None = None,
) -> list[FeatureSummary]:
    """Features, optionally by category, by status at a Kubernetes minor, or matching a search."""
    minor = resolve_minor(catalog, kubernetes) if kubernetes else catalog.newest
    if category is not None and category not in catalog.categories:
        raise InvalidInput(f"No category {category!r}.", sorted(catalog.categories))
    features: Iterable[Feature] = (
        [catalog.features[hit.id] for hit in search_features(catalog, q)] if q else catalog.features.values()
    )
    out = []
    for feature in features:
        step = step_at(feature.history, minor)
        current = step.status if step else "not-supported"
        if category and feature.category != category:
            continue
        if status and current != status:
            continue
        out.append(
            FeatureSummary(
                id=feature.id,
                name=feature.name,
                category=feature.category,
                kind=feature.kind,
                summary=feature.summary,
                status=current,
                kubernetes=str(minor),
                feature_gates=feature.feature_gates,
            )
        )
    return out


def search_features(catalog: Catalog, text: str, limit: int = 20) -> list[FeatureRef]:
    """Features ranked by how well ``text`` matches their names, aliases, gates and summary."""
    words = [normalise(w) for w in text.split() if normalise(w)]
    key = normalise(text)
    if not key:
        return []
    scored = []
    for feature in catalog.features.values():
        names = [normalise(n) for n in (feature.id, feature.name, *feature.aliases, *feature.feature_gates)]
        summary = normalise(feature.summary)
        score = 0.0
        if key in names:
            score += 100
        score += 20 * sum(1 for n in names if key in n)
        score += sum(8 for w in words if any(w in n for n in names))
        score += sum(2 for w in words if w in summary)
        if score:
            scored.append((-score, feature.id))
    return [FeatureRef(id=i, name=catalog.features[i].name) for _, i in sorted(scored)[:limit]]
