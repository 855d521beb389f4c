"""Questions -> answers: pure functions over a :class:`~kb.catalog.Catalog`.

The API, the CLI and the docs generator all call these, so they cannot disagree.
"""

from __future__ import annotations

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
    VariantDetail,
    VariantState,
    windows_ref,
)
from kb.catalog import Catalog
from kb.errors import InvalidInput, UnknownFeature
from kb.history import first_with, is_usable, state_at, status_label, status_since
from kb.i18n import Lang, say
from kb.models import Feature, Step, Variant, WindowsRelease
from kb.node_os import node_os
from kb.requirements import applies, requirement_met, requirement_text
from kb.runtime_support import runtime_support
from kb.versions import (
    KubernetesMinor,
    RuntimeSpec,
    build_revision,
    normalise,
    parse_runtime,
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
    from kb.search import suggest_features  # kb.search reads text with the reader, which resolves through here

    suggestions = [f.id for f in gated] or suggest_features(catalog, text)
    raise UnknownFeature(text, suggestions)


def resolve_minor(catalog: Catalog, text: str) -> KubernetesMinor:
    """The Kubernetes minor ``text`` names, which must be in the data."""
    return resolve_kubernetes(text, catalog.minors, catalog.newest_released)


def resolve_windows(catalog: Catalog, text: str) -> WindowsRelease:
    """The Windows release ``text`` names (see :mod:`kb.versions` for the rule)."""
    return catalog.windows[catalog.windows_index.resolve(text)]


def resolve_runtime(catalog: Catalog, text: str) -> RuntimeSpec:
    return parse_runtime(text, catalog.runtime_keys)


def _node_requirements(
    catalog: Catalog,
    minor: KubernetesMinor,
    windows: WindowsRelease | None,
    runtime: RuntimeSpec | None,
    windows_revision: int | None,
) -> tuple[list[RequirementResult], list[str], list[str]]:
    """What the node itself must satisfy: a supported Windows release and a supported runtime."""
    lang = catalog.lang
    results: list[RequirementResult] = []
    notes: list[str] = []
    sources: list[str] = []
    if windows is not None:
        os_answer = node_os(catalog, minor, windows)
        names = say(lang, "or").join(w.name for w in os_answer.supported_windows)
        text = say(lang, "node-os-required", minor=minor) + (f": {names}" if names else "")
        results.append(RequirementResult(text=text, met=os_answer.supported, have=windows.name))
        if os_answer.supported is False:
            notes.append(say(lang, "node-os-not-listed", windows=windows.name, minor=minor, names=names))
            sources += os_answer.sources[:1]
    if runtime is not None:
        answer = runtime_support(catalog, runtime, minor, windows, windows_revision)
        usable = is_usable(answer.status)
        text = say(lang, "runtime-required", minor=minor)
        have = f"{answer.name} ({status_label(answer.status, lang=lang)})"
        results.append(RequirementResult(text=text, met=usable, have=have))
        if not usable:
            state = status_label(answer.status, lang=lang) if answer.since else say(lang, "not-available-yet")
            notes.append(
                say(lang, "runtime-state", name=answer.name, state=state, minor=minor)
                + "".join(f" {n}" for n in answer.notes[:1])
            )
            sources += answer.sources[:1]
        results += [r.model_copy(update={"have": str(runtime)}) for r in answer.requirements]
        notes += [
            say(lang, "runtime-older", minor=minor, requirement=r.text, runtime=runtime)
            for r in answer.requirements
            if r.met is False
        ]
    return results, notes, sources


def dataset_ref(catalog: Catalog) -> DatasetRef:
    return DatasetRef(version=catalog.meta.dataset_version, built=catalog.meta.built)


def support(
    catalog: Catalog,
    feature: str,
    kubernetes: str,
    windows: str | None = None,
    runtime: str | None = None,
    variant: str | None = None,
) -> SupportAnswer:
    """Is ``feature`` (its case ``variant``) supported on ``kubernetes`` (with ``windows`` and ``runtime``)?"""
    found = resolve_feature(catalog, feature)
    minor = resolve_minor(catalog, kubernetes)
    release = resolve_windows(catalog, windows) if windows is not None else None
    spec = resolve_runtime(catalog, runtime) if runtime is not None else None
    revision = build_revision(windows) if windows is not None else None
    case = resolve_variant(found, variant) if variant is not None else None
    return answer_support(catalog, found, minor, release, spec, revision, case)


def resolve_variant(feature: Feature, text: str) -> Variant:
    """The case of ``feature`` that ``text`` names (id, name or alias)."""
    key = normalise(text)
    for variant in feature.variants:
        if key in {normalise(n) for n in (variant.id, variant.name, *variant.aliases)}:
            return variant
    cases = [v.id for v in feature.variants]
    if not cases:
        raise InvalidInput(f"{feature.name} has no cases that differ; ask without one.", [])
    raise UnknownFeature(f"{feature.id}/{text}", cases)


def answer_support(
    catalog: Catalog,
    feature: Feature,
    minor: KubernetesMinor,
    windows: WindowsRelease | None = None,
    runtime: RuntimeSpec | None = None,
    windows_revision: int | None = None,
    variant: Variant | None = None,
) -> SupportAnswer:
    """The support answer for resolved inputs (``windows_revision``: the node's update level, when known;
    ``variant``: the case of the feature asked about, whose own history then decides)."""
    history = variant.history if variant else feature.history
    state = state_at(history, minor)
    step, status, usable = state.step, state.status, state.usable
    requirements, notes, sources = _node_requirements(catalog, minor, windows, runtime, windows_revision)
    name = f"{feature.name} ({variant.name})" if variant else feature.name
    if step is None:
        first = history[0]
        notes.insert(0, say(catalog.lang, "nothing-recorded", name=name, since=first.since))
        sources = [s.url for s in first.sources] + sources
    else:
        for requirement in (r for r in step.requirements if applies(r, runtime)):
            met = requirement_met(catalog, requirement, windows, runtime, windows_revision)
            have = _given(
                windows if requirement.windows else None, runtime if requirement.runtime else None, windows_revision
            )
            requirements.append(
                RequirementResult(text=requirement_text(catalog, requirement), met=met, have=have or None)
            )
            if met is False:
                notes.append(
                    say(catalog.lang, "requires", requirement=requirement_text(catalog, requirement), have=have)
                )
            elif met is None and windows is not None and requirement.windows_build:
                update = requirement.windows_update or say(catalog.lang, "the-update")
                notes.append(
                    say(
                        catalog.lang,
                        "update-unknown",
                        windows=windows.name,
                        update=update,
                        build=requirement.windows_build,
                    )
                )
        notes[:0] = _step_notes(feature, step, catalog.lang)
        sources = [s.url for s in step.sources] + sources
    if catalog.provisional(minor):
        notes.append(say(catalog.lang, "provisional", minor=minor))
    ruled_out = any(r.met is False for r in requirements)
    return SupportAnswer(
        feature=FeatureRef(id=feature.id, name=feature.name),
        variant=FeatureRef(id=variant.id, name=variant.name) if variant else None,
        kubernetes=str(minor),
        windows=windows_ref(windows) if windows else None,
        runtime=str(runtime) if runtime else None,
        status=status,
        supported=usable and not ruled_out,
        enabled_by_default=step.enabled_by_default if step else None,
        feature_gate=feature.feature_gates[0] if feature.feature_gates else None,
        since=status_since(history, minor),
        first_usable=first_with(history, "usable"),
        ga=first_with(history, "stable"),
        reason=step.reason if step else None,
        requirements=requirements,
        variants=variant_states(feature, minor),
        notes=notes,
        sources=list(dict.fromkeys(sources + [s.url for s in feature.sources])),
        confidence="inferred"
        if (step and step.confidence == "inferred") or feature.confidence == "inferred"
        else "read",
        dataset=dataset_ref(catalog),
    )


def variant_states(feature: Feature, minor: KubernetesMinor) -> list[VariantState]:
    """Every case of ``feature`` on ``minor``, when the feature has cases."""
    states = []
    for variant in feature.variants:
        state = state_at(variant.history, minor)
        states.append(VariantState(id=variant.id, name=variant.name, status=state.status, supported=state.usable))
    return states


def _given(windows: WindowsRelease | None, runtime: RuntimeSpec | None, windows_revision: int | None = None) -> str:
    node = windows.name if windows else None
    if windows and windows_revision is not None:
        node = f"{windows.name} at {windows.build}.{windows_revision}"
    return " with ".join(x for x in (node, str(runtime) if runtime else None) if x)


def _step_notes(feature: Feature, step: Step, lang: Lang) -> list[str]:
    notes = []
    if step.note:
        notes.append(step.note)
    if step.partial:
        notes.append(say(lang, "partial"))
    if step.enabled_by_default is False and feature.feature_gates:
        notes.append(say(lang, "off-by-default", gate=feature.feature_gates[0]))
    if step.confidence == "inferred":
        sep = "：" if lang == "zh" else ": "
        end = "。" if lang == "zh" else "."
        notes.append(say(lang, "inferred") + (f"{sep}{step.confidence_note}" if step.confidence_note else end))
    for d in feature.disagreements:
        notes.append(say(lang, "disagree", about=d.about, other=d.other_value, chosen=d.chosen))
    return notes


def timeline(catalog: Catalog, feature: Feature) -> list[TimelineEntry]:
    """The feature's state at every Kubernetes minor in the data, oldest first."""
    entries = []
    for minor in catalog.minors:
        state = state_at(feature.history, minor)
        step = state.step
        entries.append(
            TimelineEntry(
                kubernetes=str(minor),
                status=state.status,
                supported=state.usable,
                enabled_by_default=step.enabled_by_default if step else None,
                partial=step.partial if step else False,
                since=status_since(feature.history, minor),
                recorded=state.recorded,
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
        history=_step_views(catalog, feature.history),
        variants=[
            VariantDetail(id=v.id, name=v.name, aliases=v.aliases, history=_step_views(catalog, v.history))
            for v in feature.variants
        ],
        timeline=timeline(catalog, feature),
        notes=feature.notes,
        disagreements=[d.model_dump() for d in feature.disagreements],
        sources=[s.url for s in feature.sources],
        confidence=feature.confidence,
        dataset=dataset_ref(catalog),
    )


def _step_views(catalog: Catalog, history: list[Step]) -> list[StepView]:
    return [
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
        for s in history
    ]


def list_features(
    catalog: Catalog,
    category: str | None = None,
    status: str | None = None,
    kubernetes: str | None = None,
    q: str | None = None,
) -> list[FeatureSummary]:
    """Features, optionally by category, by status at a Kubernetes minor, or matching a search."""
    from kb.search import search_features  # see resolve_feature

    minor = resolve_minor(catalog, kubernetes) if kubernetes else catalog.newest_released
    if category is not None and category not in catalog.categories:
        raise InvalidInput(f"No category {category!r}.", sorted(catalog.categories))
    features: Iterable[Feature] = (
        [catalog.features[hit.id] for hit in search_features(catalog, q)] if q else catalog.features.values()
    )
    out = []
    for feature in features:
        current = state_at(feature.history, minor).status
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
