"""The catalog in another language: the same facts, with every text of the data in that language.

``in_language(catalog, "zh")`` swaps the name, summary, notes, step notes, requirement texts, what to do
instead and disagreements of every entry for their translations (``data/zh/``, checked complete and current at build),
and marks the catalog with its language so that the sentences the engine writes itself come out in it
(:mod:`kb.i18n`). Versions, ids, statuses and sources are facts and stay as they are; the engine functions
run unchanged on the localized catalog, so an answer in Chinese is the English answer, word for word in
meaning.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kb.catalog import Catalog
from kb.i18n import Lang
from kb.models import Disagreement, Feature, Runtime, Step, Variant


def in_language(catalog: Catalog, lang: Lang) -> Catalog:
    """``catalog`` with its texts in ``lang``; the catalog itself for English or an untranslated language."""
    if lang == catalog.lang or lang not in catalog.translations:
        return catalog
    cached = _LOCALIZED.get((id(catalog), lang))
    if cached and cached[0] is catalog:
        return cached[1]
    texts = catalog.translations[lang]
    localized = replace(
        catalog,
        lang=lang,
        categories={
            key: category.model_copy(update=_fields(texts, "categories.yaml", key, ("name", "description")))
            for key, category in catalog.categories.items()
        },
        kubernetes={
            minor: release.model_copy(update=_notes(texts, "kubernetes.yaml", release.version, release.disagreements))
            for minor, release in catalog.kubernetes.items()
        },
        windows={
            key: release.model_copy(
                update=_fields(texts, "windows.yaml", key, ("name",))
                | _notes(texts, "windows.yaml", key, release.disagreements)
            )
            for key, release in catalog.windows.items()
        },
        os_support={
            minor: support.model_copy(update=_notes(texts, "os-support.yaml", support.kubernetes, []))
            for minor, support in catalog.os_support.items()
        },
        runtimes={key: _runtime(texts, runtime) for key, runtime in catalog.runtimes.items()},
        isolation={
            mode: support.model_copy(update=_fields(texts, "image-compatibility.yaml", f"isolation:{mode}", ("note",)))
            for mode, support in catalog.isolation.items()
        },
        image_compatibility={
            pair: rule.model_copy(update=_fields(texts, "image-compatibility.yaml", "/".join(pair), ("note",)))
            for pair, rule in catalog.image_compatibility.items()
        },
        features={key: _feature(texts, feature) for key, feature in catalog.features.items()},
    )
    _LOCALIZED[(id(catalog), lang)] = (catalog, localized)
    return localized


_LOCALIZED: dict[tuple[int, str], tuple[Catalog, Catalog]] = {}
Texts = dict[tuple[str, str], dict[str, Any]]


def _fields(texts: Texts, file: str, key: str, names: tuple[str, ...]) -> dict[str, Any]:
    found = texts.get((file, key), {})
    return {name: found[name] for name in names if found.get(name)}


def _notes(texts: Texts, file: str, key: str, disagreements: list[Disagreement]) -> dict[str, Any]:
    found = texts.get((file, key))
    if not found:
        return {}
    update: dict[str, Any] = {"notes": found.get("notes", [])}
    if disagreements:
        update["disagreements"] = _disagreements(disagreements, found.get("disagreements", []))
    return update


def _disagreements(originals: list[Disagreement], translated: list[dict[str, str]]) -> list[Disagreement]:
    return [d.model_copy(update=t) for d, t in zip(originals, translated, strict=True)]


def _steps(history: list[Step], translated: dict[str, dict[str, Any]]) -> list[Step]:
    out = []
    for step in history:
        texts = translated.get(step.since)
        if texts is None:
            out.append(step)
            continue
        requirements = [
            r.model_copy(update={"text": text}) if text else r
            for r, text in zip(step.requirements, texts.get("requirements", []), strict=False)
        ]
        requirements += step.requirements[len(requirements) :]
        update = {"requirements": requirements}
        update |= {k: texts[k] for k in ("note", "confidence_note") if texts.get(k)}
        out.append(step.model_copy(update=update))
    return out


def _runtime(texts: Texts, runtime: Runtime) -> Runtime:
    found = texts.get(("runtimes.yaml", runtime.id))
    if not found:
        return runtime
    return runtime.model_copy(
        update={"name": found["name"], "summary": found["summary"], "history": _steps(runtime.history, found["steps"])}
    )


def _feature(texts: Texts, feature: Feature) -> Feature:
    found = texts.get((f"features/{feature.id}.yaml", feature.id))
    if not found:
        return feature
    variants = found.get("variants", {})
    return feature.model_copy(
        update={
            "name": found["name"],
            "summary": found["summary"],
            "notes": found.get("notes", []),
            "history": _steps(feature.history, found.get("steps", {})),
            "fields": [
                f.model_copy(update={"note": found.get("fields", {}).get(f.path, f.note)}) for f in feature.fields
            ],
            "disagreements": _disagreements(feature.disagreements, found.get("disagreements", [])),
            "confidence_note": found.get("confidence_note") or feature.confidence_note,
            "variants": [_variant(v, variants.get(v.id)) for v in feature.variants],
            "instead": feature.instead.model_copy(update={"text": found["instead"]})
            if feature.instead and found.get("instead")
            else feature.instead,
        }
    )


def _variant(variant: Variant, texts: dict[str, Any] | None) -> Variant:
    if not texts:
        return variant
    return variant.model_copy(
        update={"name": texts["name"], "history": _steps(variant.history, texts.get("steps", {}))}
    )


def aliases_in_language(catalog: Catalog, feature_id: str) -> list[str]:
    """The names a feature is also known by in ``catalog``'s language (data/zh/ lists 主机进程容器 for
    HostProcess); none for English. They are for people to search by: the engine resolves names through
    the English data and its reader."""
    texts = catalog.translations.get(catalog.lang, {}).get((f"features/{feature_id}.yaml", feature_id), {})
    return list(texts.get("aliases") or [])
