"""What a fact is: the pydantic models for the curated files under ``data/``.

Every model is strict (unknown keys are errors) and immutable. Cross-file rules
(a version that must exist, ids that must be unique) live in :mod:`kb.rules`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

STATUSES = ("not-supported", "alpha", "beta", "stable", "deprecated", "removed")
Status = Literal["not-supported", "alpha", "beta", "stable", "deprecated", "removed"]
"""The closed set of states a feature can be in at one Kubernetes minor."""

USABLE_STATUSES = frozenset({"alpha", "beta", "stable", "deprecated"})
"""Statuses under which a feature can be used on that version (maybe behind a gate)."""

REASONS = ("os-limitation", "not-implemented", "runtime-or-cni", "needs-windows-update")
Reason = Literal["os-limitation", "not-implemented", "runtime-or-cni", "needs-windows-update"]
"""Why something is not supported on Windows."""

Confidence = Literal["read", "inferred"]
Kind = Literal["feature", "limitation"]
Channel = Literal["LTSC", "SAC", "Annual"]
FieldBehaviour = Literal["rejected", "ignored", "different", "supported"]
"""What Windows does with a pod-spec field: the API server rejects it for
``spec.os.name: windows``, the kubelet ignores it, it behaves differently, or it works."""

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MINOR = re.compile(r"^1\.(?:[5-9]|[1-9][0-9])$")
_BUILD = re.compile(r"^10\.0\.\d{5}$")


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise ValueError(f"not a valid http(s) URL: {value!r}")
    return value


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"{value!r} is not kebab-case (lowercase letters, digits, single hyphens)")
    return value


def _check_minor(value: str) -> str:
    if not _MINOR.match(value):
        raise ValueError(f"{value!r} is not a Kubernetes minor written as '1.N'")
    return value


def _check_build(value: str) -> str:
    if not _BUILD.match(value):
        raise ValueError(f"{value!r} is not a Windows build written as '10.0.NNNNN'")
    return value


def _check_distinct_names(names: list[str]) -> list[str]:
    """Each alias once: names are looked up without regard to case, so two that differ only in case are one
    alias twice. (Spellings with other punctuation stay: the question reader matches them as written.)"""
    seen: dict[str, str] = {}
    for name in names:
        first = seen.get(name.casefold())
        if first is not None:
            same = "is given twice" if first == name else f"differs from {first!r} only in case"
            raise ValueError(f"the alias {name!r} {same}; keep one")
        seen[name.casefold()] = name
    return names


def _url_to_source(value: object) -> object:
    return {"url": value} if isinstance(value, str) else value


Url = Annotated[str, AfterValidator(_check_url)]
Slug = Annotated[str, AfterValidator(_check_slug)]
MinorText = Annotated[str, AfterValidator(_check_minor)]
BuildText = Annotated[str, AfterValidator(_check_build)]
NonEmpty = Annotated[str, Field(min_length=1)]
Aliases = Annotated[list[NonEmpty], AfterValidator(_check_distinct_names)]
WindowsUpdateBuild = Annotated[str, Field(pattern=r"^10\.0\.[0-9]{5}\.[0-9]+$", examples=["10.0.17763.1817"])]
UpdateId = Annotated[str, Field(pattern=r"^KB[0-9]{6,7}$", examples=["KB5000822"])]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a fact was read. Written as a bare URL or as a mapping with a note."""

    url: Url
    note: str | None = None
    docs_version: str | None = Field(
        default=None, description="The Kubernetes docs version a historical page describes, e.g. v1.22."
    )


SourceRef = Annotated[Source, BeforeValidator(_url_to_source)]
Sources = Annotated[list[SourceRef], Field(min_length=1)]


class Disagreement(Strict):
    """A value another source gives, recorded next to the one we chose."""

    about: NonEmpty
    other_value: NonEmpty
    chosen: NonEmpty = Field(description="What the data uses and why.")
    sources: Sources


class Requirement(Strict):
    """A condition for a step: a minimum Windows release or update, a runtime, or free text."""

    only_with_runtime: Slug | None = Field(
        default=None,
        description="The requirement holds only on nodes running this runtime (gMSA needs a Windows update only "
        "with containerd); with another runtime it does not apply.",
    )
    windows: Slug | None = Field(default=None, description="Minimum Windows release id (by build).")
    windows_build: WindowsUpdateBuild | None = Field(
        default=None,
        description="Minimum update of that release, as the full OS build, e.g. 10.0.17763.1817; "
        "newer releases meet it.",
    )
    windows_update: UpdateId | None = Field(
        default=None, description="The update that brings windows_build, e.g. KB5000822."
    )
    runtime: Slug | None = Field(default=None, description="Runtime id that is required.")
    runtime_version: str | None = Field(default=None, description="Minimum runtime version, e.g. 1.6.")
    text: str | None = Field(default=None, description="Human wording; generated when omitted.")

    @model_validator(mode="after")
    def _says_something(self) -> Requirement:
        if (self.windows_build or self.windows_update) and not (self.windows and self.windows_build):
            raise ValueError("windows_build needs windows (the release it updates); windows_update needs both")
        if not (self.windows or self.runtime or self.text):
            raise ValueError("a requirement needs at least one of windows, runtime or text")
        if self.runtime_version and not self.runtime:
            raise ValueError("runtime_version needs runtime")
        return self


class Step(Strict):
    """One step of a history: the state from ``since`` until the next step."""

    since: MinorText
    status: Status
    enabled_by_default: bool | None = None
    partial: bool = Field(default=False, description="Usable, with limits the note explains.")
    reason: Reason | None = Field(default=None, description="Why not, for not-supported and removed.")
    requirements: list[Requirement] = []
    note: str | None = None
    sources: Sources
    confidence: Confidence = "read"
    confidence_note: str | None = None

    @model_validator(mode="after")
    def _reason_fits_status(self) -> Step:
        if self.reason and self.status not in ("not-supported", "removed"):
            raise ValueError(f"reason is only for not-supported or removed steps, not {self.status}")
        return self


class PodField(Strict):
    """A pod-spec field path concerned by a feature and what Windows does with it."""

    path: NonEmpty = Field(description="e.g. spec.containers[*].securityContext.runAsUser")
    on_windows: FieldBehaviour
    since: MinorText | None = Field(
        default=None, description="The Kubernetes minor that added the field, if later than the feature."
    )
    note: str | None = None


class Variant(Strict):
    """One case of a feature that differs from the others (a volume plugin, a network mode, subPath onto a file):
    its own history, asked for by id or by name; the feature's history is the case people mean by default."""

    id: Slug
    name: NonEmpty
    aliases: list[NonEmpty] = []
    history: Annotated[list[Step], Field(min_length=1)]


class Kep(Strict):
    number: int
    url: Url


class Instead(Strict):
    """What to do instead, where the entry's sources give an alternative (mostly for limitations)."""

    text: NonEmpty = Field(description="The alternative, in our own words, e.g. 'Use HostProcess containers'.")
    features: list[Slug] = Field(default=[], description="Ids of the features to use instead, for links.")


class Feature(Strict):
    """A feature or limitation of Windows nodes, with its history (``data/features/<id>.yaml``)."""

    id: Slug
    name: NonEmpty
    category: Slug
    kind: Kind
    summary: NonEmpty
    aliases: Aliases = []
    feature_gates: list[NonEmpty] = []
    kep: Kep | None = None
    fields: list[PodField] = []
    related: list[Slug] = []
    instead: Instead | None = None
    history: Annotated[list[Step], Field(min_length=1)]
    variants: list[Variant] = Field(default=[], description="Cases of the feature whose support differs.")
    notes: list[str] = []
    disagreements: list[Disagreement] = []
    sources: Sources
    confidence: Confidence = "read"
    confidence_note: str | None = None


class Category(Strict):
    id: Slug
    name: NonEmpty
    description: NonEmpty


class KubernetesRelease(Strict):
    """A Kubernetes minor release and its Windows node support stage."""

    version: MinorText
    released: date | None = Field(description="GA date; null when a source confirms the release but not its date.")
    maintenance_start: date | None = None
    end_of_life: date | None = None
    latest_patch: str | None = None
    latest_patch_date: date | None = None
    windows_stage: Literal["alpha", "beta", "stable"]
    notes: list[str] = []
    disagreements: list[Disagreement] = []
    sources: Sources
    confidence: Confidence = "read"


class ImageTags(Strict):
    servercore: list[str] = []
    nanoserver: list[str] = []
    server: list[str] = []
    windows: list[str] = []

    def references(self) -> list[tuple[str, str, str]]:
        """(repository, tag, full image reference on mcr.microsoft.com) for every tag."""
        return [
            (repository, tag, f"mcr.microsoft.com/windows/{repository}:{tag}")
            for repository, tags in self.model_dump().items()
            for tag in tags
        ]


class WindowsRelease(Strict):
    """A Windows Server release that can host containers."""

    id: Slug
    name: NonEmpty
    channel: Channel
    version: NonEmpty = Field(description="Marketing version, e.g. 1809, 21H2, 23H2.")
    build: BuildText
    ga: date
    mainstream_end: date | None = None
    extended_end: date | None = None
    image_tags: ImageTags = ImageTags()
    aliases: Aliases = []
    notes: list[str] = []
    disagreements: list[Disagreement] = []
    sources: Sources
    confidence: Confidence = "read"


class OsSupport(Strict):
    """Which Windows releases a Kubernetes minor supports for Windows nodes."""

    kubernetes: MinorText
    windows: Annotated[list[Slug], Field(min_length=1)]
    as_released: list[Slug] | None = Field(
        default=None, description="The list the docs showed at release, where a later docs change altered it."
    )
    notes: list[str] = []
    sources: Sources
    confidence: Confidence = "read"


class RuntimeVersion(Strict):
    version: NonEmpty
    released: date | None = None
    end_of_life: date | None = None
    sources: Sources


class Runtime(Strict):
    """A container runtime for Windows nodes and its history per Kubernetes minor."""

    id: Slug
    name: NonEmpty
    summary: NonEmpty
    aliases: Aliases = []
    history: Annotated[list[Step], Field(min_length=1)]
    versions: list[RuntimeVersion] = []
    sources: Sources


class ImageCompatibility(Strict):
    """Whether an image built for one Windows release runs on a host of another."""

    host: Slug
    image: Slug
    process: bool
    hyperv: bool
    note: str | None = None
    sources: Sources
    confidence: Confidence = "read"


class IsolationSupport(Strict):
    """Which isolation modes Kubernetes supports for Windows pods."""

    mode: Literal["process", "hyperv"]
    supported: bool
    note: NonEmpty
    sources: Sources


class ImageCompatibilityFile(Strict):
    isolation: list[IsolationSupport]
    rules: list[ImageCompatibility]


class Dataset(Strict):
    """Everything under ``data/``, validated file by file."""

    categories: list[Category]
    kubernetes: list[KubernetesRelease]
    windows: list[WindowsRelease]
    os_support: list[OsSupport]
    runtimes: list[Runtime]
    image_compatibility: ImageCompatibilityFile
    features: list[Feature]
    translations: dict[str, list[dict]] = Field(
        default={},
        description="Language -> the texts of every entry in it (kb.translations), each with its file and key.",
    )
