"""The texts of the data a reader sees, and their translations (``data/zh/``), kept in step with the English.

Each kind of entry has one model of its translatable texts (``FeatureTexts``, ``RuntimeTexts``...). The
same model reads the English out of an entry (``FeatureTexts.of(feature)``) and validates a translation
file, so a translation has exactly the English's shape: the same notes, the same history steps, the same
requirement texts. A translation records ``english``, a digest of the English it translates: when the
English changes, the digest no longer matches and the build refuses the translation as stale. Facts
(versions, gates, field paths, statuses) are not texts: they are never translated.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from kb.models import Category, Dataset, Disagreement, Feature, KubernetesRelease, OsSupport, Runtime, WindowsRelease

LANGUAGES = ("zh",)
"""Languages the data is translated into, besides English."""


class Texts(BaseModel):
    """Translatable texts of one entry: ``key`` names the entry; ``english`` is the digest of the English."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    key: str
    english: str = Field(default="", description="Digest of the English these texts translate.")
    file: ClassVar[str]

    def digest(self) -> str:
        """The digest of these texts (without ``english``): what a translation records."""
        body = self.model_dump(mode="json", exclude={"english", *self._empty_optional()})
        return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]

    def shape(self) -> Any:
        """The structure of the texts with every text replaced by whether it is given: two shapes are equal when
        a translation covers exactly the English."""
        return _shape(self.model_dump(mode="json", exclude={"english", "key", *self._empty_optional()}))

    def _empty_optional(self) -> set[str]:
        """Sections added after translations existed, left out while empty so older digests still hold."""
        return {name for name in ("variants", "instead") if name in type(self).model_fields and not getattr(self, name)}


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return bool(value)


class DisagreementTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    about: str
    other_value: str
    chosen: str

    @classmethod
    def of(cls, disagreement: Disagreement) -> DisagreementTexts:
        return cls(about=disagreement.about, other_value=disagreement.other_value, chosen=disagreement.chosen)


class StepTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    note: str | None = None
    requirements: list[str | None] = Field(default=[], description="The text of each requirement, in order.")
    confidence_note: str | None = None


def _steps(history: list) -> dict[str, StepTexts]:
    return {
        step.since: StepTexts(
            note=step.note, requirements=[r.text for r in step.requirements], confidence_note=step.confidence_note
        )
        for step in history
        if step.note or step.confidence_note or any(r.text for r in step.requirements)
    }


class VariantTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    aliases: list[str] = Field(default=[], description="Names people type in this language; not translations.")
    steps: dict[str, StepTexts] = {}


class FeatureTexts(Texts):
    file: ClassVar[str] = "features/{key}.yaml"
    name: str
    summary: str
    aliases: list[str] = Field(default=[], description="Names people type in this language; not translations.")
    notes: list[str] = []
    steps: dict[str, StepTexts] = {}
    fields: dict[str, str] = Field(default={}, description="Pod-spec field path -> its note.")
    disagreements: list[DisagreementTexts] = []
    confidence_note: str | None = None
    variants: dict[str, VariantTexts] = Field(default={}, description="Variant id -> the texts of that case.")
    instead: str | None = Field(default=None, description="What to do instead (the English entry's instead.text).")

    @classmethod
    def of(cls, feature: Feature) -> FeatureTexts:
        return cls(
            key=feature.id,
            name=feature.name,
            summary=feature.summary,
            notes=feature.notes,
            steps=_steps(feature.history),
            fields={f.path: f.note for f in feature.fields if f.note},
            disagreements=[DisagreementTexts.of(d) for d in feature.disagreements],
            confidence_note=feature.confidence_note,
            variants={v.id: VariantTexts(name=v.name, steps=_steps(v.history)) for v in feature.variants},
            instead=feature.instead.text if feature.instead else None,
        )

    def shape(self) -> Any:
        shape = _shape(self.model_dump(mode="json", exclude={"english", "key", "aliases", *self._empty_optional()}))
        for variant in shape.get("variants", {}).values():
            variant.pop("aliases", None)
        return shape


class RuntimeTexts(Texts):
    file: ClassVar[str] = "runtimes.yaml"
    name: str
    summary: str
    steps: dict[str, StepTexts] = {}

    @classmethod
    def of(cls, runtime: Runtime) -> RuntimeTexts:
        return cls(key=runtime.id, name=runtime.name, summary=runtime.summary, steps=_steps(runtime.history))


class CategoryTexts(Texts):
    file: ClassVar[str] = "categories.yaml"
    name: str
    description: str

    @classmethod
    def of(cls, category: Category) -> CategoryTexts:
        return cls(key=category.id, name=category.name, description=category.description)


class KubernetesTexts(Texts):
    file: ClassVar[str] = "kubernetes.yaml"
    notes: list[str] = []
    disagreements: list[DisagreementTexts] = []

    @classmethod
    def of(cls, release: KubernetesRelease) -> KubernetesTexts:
        return cls(
            key=release.version,
            notes=release.notes,
            disagreements=[DisagreementTexts.of(d) for d in release.disagreements],
        )


class WindowsTexts(Texts):
    file: ClassVar[str] = "windows.yaml"
    name: str
    notes: list[str] = []
    disagreements: list[DisagreementTexts] = []

    @classmethod
    def of(cls, release: WindowsRelease) -> WindowsTexts:
        return cls(
            key=release.id,
            name=release.name,
            notes=release.notes,
            disagreements=[DisagreementTexts.of(d) for d in release.disagreements],
        )


class OsSupportTexts(Texts):
    file: ClassVar[str] = "os-support.yaml"
    notes: list[str] = []

    @classmethod
    def of(cls, support: OsSupport) -> OsSupportTexts:
        return cls(key=support.kubernetes, notes=support.notes)


class ImageTexts(Texts):
    """Notes of the image-compatibility file: an isolation mode (key ``isolation:process``) or a host/image pair
    (key ``ltsc2022/ltsc2019``)."""

    file: ClassVar[str] = "image-compatibility.yaml"
    note: str

    @classmethod
    def entries(cls, dataset: Dataset) -> list[ImageTexts]:
        modes = [cls(key=f"isolation:{m.mode}", note=m.note) for m in dataset.image_compatibility.isolation]
        rules = [cls(key=f"{r.host}/{r.image}", note=r.note) for r in dataset.image_compatibility.rules if r.note]
        return modes + rules


def english_texts(dataset: Dataset) -> Iterator[Texts]:
    """The English texts of every entry of the dataset, in file order."""
    yield from (CategoryTexts.of(c) for c in dataset.categories)
    yield from (KubernetesTexts.of(r) for r in dataset.kubernetes if r.notes or r.disagreements)
    yield from (WindowsTexts.of(r) for r in dataset.windows)
    yield from (OsSupportTexts.of(s) for s in dataset.os_support if s.notes)
    yield from (RuntimeTexts.of(r) for r in dataset.runtimes)
    yield from ImageTexts.entries(dataset)
    yield from (FeatureTexts.of(f) for f in dataset.features)


def translation_file(texts: Texts) -> str:
    """The file under ``data/<lang>/`` that holds the translation of ``texts``."""
    return texts.file.format(key=texts.key)
