"""The kinds of question, each declared once: which subjects it takes, the cues that point to it, and the
engine function that answers it.

A kind *fits* a reading when the question names exactly the subjects it can use (one feature; a
Windows release and a Kubernetes minor; two Windows releases...), so answering never ignores part of
the question. Every fitting kind is scored by its cues (words such as 'when', 'gate', 'end of life',
'runtimes'); the best score wins (:mod:`kb.refusals` refuses close calls). A kind only picks its
arguments from the reading and calls the engine: it computes and words nothing itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from pydantic import BaseModel

from kb.catalog import Catalog
from kb.compat import image_compat
from kb.diff import diff
from kb.feature_facts import StageAsked, feature_stage, gate_on, runtime_need
from kb.models import Feature
from kb.node_os import node_os, node_os_list
from kb.query import answer_support
from kb.reading import Reading, WindowsMention
from kb.reading.words import atoms_of
from kb.release_facts import KubernetesFactName, Stage, WindowsFactName, kubernetes_fact, node_stage, windows_fact
from kb.runtime_support import runtime_support, runtimes_on
from kb.upgrade import plan
from kb.versions import KubernetesMinor

Cues = tuple[tuple[tuple[str, ...], float], ...]
"""Groups of words or phrases (any one counts) and what the group adds to a kind's score."""


@dataclass(frozen=True)
class Counts:
    """How many of each subject the question names."""

    features: int
    kubernetes: int
    windows: int
    runtimes: int
    runtime_version: bool
    image_named: bool  # a Windows release named as an image (a reference, or 'an ltsc2019 image')

    @classmethod
    def of(cls, reading: Reading) -> Counts:
        e = reading.entities
        return cls(
            len(reading.features.matches),
            len(e.kubernetes),
            len(e.windows),
            len(e.runtimes),
            any(spec.version is not None for _, spec in e.runtimes),
            any(w.role == "image" for w in e.windows),
        )


@dataclass(frozen=True)
class Context:
    """What answering is given: the catalog, the reading, the day, and the minors (default filled in)."""

    catalog: Catalog
    reading: Reading
    today: date
    minor: KubernetesMinor | None
    minors: list[KubernetesMinor]


@dataclass(frozen=True)
class Kind:
    name: str
    fits: Callable[[Counts], bool]
    cues: Cues
    answer: Callable[[Context], BaseModel]
    base: float = 0.0
    required: tuple[str, ...] = ()
    default_minor: bool = False
    bonus: Callable[[Reading], float] | None = None
    needs: Callable[[Reading], bool] | None = None  # a condition on the words beyond the counts of subjects

    def cue_score(self, reading: Reading) -> float | None:
        """What the question's words add for this kind; None when a required word is missing."""
        if self.required and not reading.has(*self.required):
            return None
        if self.needs and not self.needs(reading):
            return None
        cued = sum(weight for words, weight in self.cues if reading.has(*words))
        return cued + (self.bonus(reading) if self.bonus else 0.0)

    def score(self, reading: Reading, counts: Counts | None = None) -> float | None:
        """The kind's score for this reading, or None when it does not fit."""
        if not self.fits(counts or Counts.of(reading)):
            return None
        cued = self.cue_score(reading)
        return None if cued is None else self.base + cued


WHEN = ("when", "since when", "which version", "what version", "which release", "what release", "which k8s", "first")
STAGE_WORDS: dict[str, tuple[str, ...]] = {
    "removed": ("removed", "dropped", "deleted", "gone", "removal"),
    "deprecated": ("deprecated", "deprecate", "deprecation"),
    "stable": ("ga", "stable", "general availability", "generally available", "graduate", "graduated"),
    "beta": ("beta",),
    "alpha": ("alpha",),
}
"""Stage words; the first found is the one asked ('when was the hostNetwork alpha removed' asks 'removed')."""
NODE_STAGES = ("stable", "beta", "alpha")
LIST_RUNTIMES = (
    "which runtimes",
    "what runtimes",
    "which container runtimes",
    "what container runtimes",
    "runtimes left",
    "runtimes remain",
    "runtime options",
    "other runtimes",
    "alternative runtimes",
    "alternatives",
    "list of runtimes",
)
"""Words asking for the list of runtimes even when one is named ('after dockershim, which runtimes are left')."""
SUPPORT = (
    "support",
    "supported",
    "work",
    "use",
    "usable",
    "available",
    "enabled",
    "allowed",
    "possible",
    "can i",
    "can we",
    "can you",
    "compatible",
)

_LIFECYCLE = (
    "eol",
    "end of life",
    "end-of-life",
    "out of support",
    "end of support",
    "support end",
    "supported until",
    "until when",
    "expire",
    "expires",
    "sunset",
    "lifecycle",
    "go out of",
    "stop getting",
    "stops getting",
    "retire",
    "retired",
)
_KUBERNETES_FACTS: dict[KubernetesFactName, tuple[tuple[tuple[str, ...], float], ...]] = {
    "end-of-life": ((_LIFECYCLE, 2.0), (("when", "what date", "which date", "date", "until"), 1.5)),
    "maintained": (
        (
            (
                "maintained",
                "still supported",
                "still get",
                "still getting",
                "still receive",
                "security fixes",
                "security patches",
                "getting patches",
                "get patches",
                "receive patches",
                *_LIFECYCLE,
            ),
            1.0,
        ),
        (("still", "yet", "already", "anymore"), 1.5),
    ),
    "latest-patch": (
        (
            (
                "latest patch",
                "newest patch",
                "last patch",
                "final patch",
                "most recent patch",
                "patch version",
                "patch release",
                "point release",
                "latest version",
                "newest version",
                "which patch",
                "what patch",
            ),
            3.0,
        ),
        (("patch", "latest", "newest"), 1.0),
    ),
    "release-date": (
        (
            (
                "released",
                "release date",
                "come out",
                "came out",
                "ship",
                "shipped",
                "release day",
                "ga date",
                "go ga",
                "went ga",
            ),
            3.0,
        ),
    ),
}
_RELEASED = ("release date", "come out", "came out", "shipped", "release day", "when was", "when did")
"""Words asking for a release date that a runtime named in passing leaves standing ("released" stems as "release")."""
_NEWEST_PATCH = (
    "latest patch",
    "newest patch",
    "most recent patch",
    "latest version",
    "newest version",
    "patch version",
    "patch release",
)
_KUBERNETES_CUES = (
    *_LIFECYCLE,
    "maintained",
    "still supported",
    "still get",
    "still getting",
    "still receive",
    "security fixes",
    "security patches",
    "latest patch",
    "newest patch",
    "patch version",
    "patch release",
    "latest version",
    "newest version",
    "point release",
    "released",
    "release date",
    "come out",
    "came out",
    "ship",
    "shipped",
    "release day",
    "ga date",
)
"""The words that make a question about a Kubernetes minor itself."""
_WINDOWS_FACTS: dict[WindowsFactName, tuple[tuple[tuple[str, ...], float], ...]] = {
    "build-label": ((("label", "windows-build", "nodeselector", "node selector", "selector"), 4.0),),
    "build": ((("build", "build number", "os build", "kernel version", "version number"), 3.0),),
    "image-tags": ((("tag", "tags", "image", "images", "base image", "servercore", "nanoserver", "mcr"), 3.0),),
    "mainstream-end": ((("mainstream",), 5.0),),
    "end-of-support": (((*_LIFECYCLE, "extended support", "until"), 2.0), (("when", "what date", "date"), 1.5)),
    "supported": (
        (
            (
                "still supported",
                "supported by microsoft",
                "still get",
                "microsoft support",
                "still in support",
                "by microsoft",
                "updates",
                *_LIFECYCLE,
            ),
            1.0,
        ),
        (("still", "yet", "already", "anymore"), 1.5),
        (("in support", "under support", "under microsoft support", "still under", "right now"), 4.0),
    ),
    "release-date": ((("released", "release date", "come out", "came out", "ga date", "ga", "availability"), 3.0),),
}
_WINDOWS_CUES = (
    *_LIFECYCLE,
    "label",
    "windows-build",
    "nodeselector",
    "node selector",
    "build",
    "build number",
    "os build",
    "kernel version",
    "tag",
    "tags",
    "image",
    "images",
    "base image",
    "mainstream",
    "extended support",
    "supported by microsoft",
    "microsoft support",
    "by microsoft",
    "released",
    "release date",
    "come out",
    "came out",
    "ga",
    "updates",
)
"""The words that make a question about a Windows Server release itself."""


def best_fact(reading: Reading, facts: dict) -> str | None:
    """The fact whose cue words score highest in the question (the first declared on a tie), or None."""
    scores = {fact: sum(w for words, w in cues if reading.has(*words)) for fact, cues in facts.items()}
    top = max(scores.values())
    return next((fact for fact, score in scores.items() if score == top), None) if top > 0 else None


def asked_stage(reading: Reading) -> str | None:
    return next((stage for stage, words in STAGE_WORDS.items() if reading.has(*words)), None)


def _runtime_version_asked(reading: Reading) -> float:
    """'which containerd version', 'version of containerd': a runtime named without a version, next to 'version'."""
    runtimes = reading.entities.runtimes
    if not runtimes or runtimes[0][1].version is not None:
        return 0.0
    mention = runtimes[0][0]
    near = reading.tokens[max(0, mention.start - 2) : mention.end + 2]
    return 2.0 if any(t.lower in ("version", "versions", "release") for t in near) else 0.0


def _gate_named(reading: Reading) -> float:
    return 1.5 if any(m.gate for m in reading.features.matches) else 0.0


# --- answers: each picks its arguments and calls the engine ---


def _feature(ctx: Context) -> Feature:
    return ctx.catalog.features[ctx.reading.features.matches[0].feature]


def _node(ctx: Context) -> WindowsMention | None:
    return ctx.reading.entities.windows[0] if ctx.reading.entities.windows else None


def _minor(ctx: Context) -> KubernetesMinor:
    assert ctx.minor is not None, "a kind with default_minor always has a minor"
    return ctx.minor


def _feature_support(ctx: Context) -> BaseModel:
    node = _node(ctx)
    runtime = ctx.reading.entities.runtimes[0][1] if ctx.reading.entities.runtimes else None
    release, revision = (ctx.catalog.windows[node.release.id], node.revision) if node else (None, None)
    feature = _feature(ctx)
    asked = ctx.reading.features.matches[0].variant
    variant = next((v for v in feature.variants if v.id == asked), None)
    return answer_support(ctx.catalog, feature, _minor(ctx), release, runtime, revision, variant)


def _feature_gate(ctx: Context) -> BaseModel:
    gate = ctx.reading.features.matches[0].gate
    return gate_on(ctx.catalog, _feature(ctx), _minor(ctx), gate)


def _feature_stage(ctx: Context) -> BaseModel:
    stage: StageAsked = asked_stage(ctx.reading) or "usable"  # type: ignore[assignment]
    return feature_stage(ctx.catalog, _feature(ctx), stage)


def _feature_runtime(ctx: Context) -> BaseModel:
    runtime = ctx.reading.entities.runtimes[0][1].name if ctx.reading.entities.runtimes else None
    return runtime_need(ctx.catalog, _feature(ctx), _minor(ctx), runtime)


def _windows_releases(ctx: Context) -> BaseModel:
    return node_os_list(ctx.catalog, _minor(ctx))


def _windows_support(ctx: Context) -> BaseModel:
    return node_os(ctx.catalog, _minor(ctx), ctx.catalog.windows[ctx.reading.entities.windows[0].release.id])


def _runtimes(ctx: Context) -> BaseModel:
    return runtimes_on(ctx.catalog, _minor(ctx))


def _runtime_support(ctx: Context) -> BaseModel:
    node = _node(ctx)
    spec = ctx.reading.entities.runtimes[0][1]
    release, revision = (ctx.catalog.windows[node.release.id], node.revision) if node else (None, None)
    return runtime_support(ctx.catalog, spec, _minor(ctx), release, revision)


def image_pair(reading: Reading) -> tuple[WindowsMention, WindowsMention]:
    """(host, image) from roles ('an ltsc2022 image', 'a 23H2 host'), else 'IMAGE on HOST' word order."""
    first, second = reading.entities.windows
    if first.role == "host" or second.role == "image":
        return first, second
    return second, first


def _image_compat(ctx: Context) -> BaseModel:
    host, image = image_pair(ctx.reading)
    return image_compat(ctx.catalog, host.release.id, image.release.id, ctx.reading.entities.isolation)


def _kubernetes_release(ctx: Context) -> BaseModel:
    fact: KubernetesFactName = best_fact(ctx.reading, _KUBERNETES_FACTS) or "overview"  # type: ignore[assignment]
    return kubernetes_fact(ctx.catalog, _minor(ctx), fact, ctx.today)


def _windows_release(ctx: Context) -> BaseModel:
    fact: WindowsFactName = best_fact(ctx.reading, _WINDOWS_FACTS) or "overview"  # type: ignore[assignment]
    return windows_fact(ctx.catalog, ctx.catalog.windows[ctx.reading.entities.windows[0].release.id], fact, ctx.today)


def _changes(ctx: Context) -> BaseModel:
    minors = ctx.minors
    if len(minors) == 1:
        earlier = [m for m in ctx.catalog.minors if m < minors[0]]
        minors = [earlier[-1] if earlier else minors[0], minors[0]]
    start, end = sorted(minors[:2])
    return diff(ctx.catalog, str(start), str(end))


def _upgrade(ctx: Context) -> BaseModel:
    start, end = ctx.minors[:2]
    node = _node(ctx)
    runtime = str(ctx.reading.entities.runtimes[0][1]) if ctx.reading.entities.runtimes else None
    return plan(ctx.catalog, str(start), str(end), windows=node.mention.text if node else None, runtime=runtime)


def _node_stage(ctx: Context) -> BaseModel:
    asked = asked_stage(ctx.reading)
    stage: Stage | None = asked if asked in NODE_STAGES else None  # type: ignore[assignment]
    return node_stage(ctx.catalog, ctx.minor, stage)


# --- the kinds ---


def _feature_kind(windows: int = 1, runtimes: int = 1, kubernetes: int = 1) -> Callable[[Counts], bool]:
    return lambda c: c.features == 1 and c.kubernetes <= kubernetes and c.windows <= windows and c.runtimes <= runtimes


def _subject_kind(kubernetes: tuple[int, int], windows: int, runtimes: int) -> Callable[[Counts], bool]:
    low, high = kubernetes
    return lambda c: c.features == 0 and low <= c.kubernetes <= high and c.windows == windows and c.runtimes == runtimes


_STAGE_CUES = tuple(w for words in STAGE_WORDS.values() for w in words)
_NODE_STAGE_CUES = (*(w for s in NODE_STAGES for w in STAGE_WORDS[s]), "production ready")

KINDS: list[Kind] = [
    Kind(
        "feature-support",
        _feature_kind(),
        ((SUPPORT, 0.5), (("still", "yet", "these days", "today", "anymore"), 0.5)),
        _feature_support,
        base=3.0,
        default_minor=True,
    ),
    Kind(
        "feature-gate",
        _feature_kind(windows=0, runtimes=0),
        (
            (("gate", "feature gate", "featuregate", "feature flag", "feature-gate", "feature-gates"), 3.0),
            (("by default", "on by default", "off by default", "default on", "default off", "default"), 3.0),
            (
                (
                    "still around",
                    "still exist",
                    "still there",
                    "still present",
                    "still a thing",
                    "still need",
                    "still required",
                    "still listed",
                ),
                2.5,
            ),
            (("what stage", "which stage", "what maturity", "maturity", "stage"), 3.0),
            (("alpha", "beta", "ga"), 1.0),
            (("still alpha", "still in alpha", "still beta", "still in beta"), 2.0),
        ),
        _feature_gate,
        required=(
            "gate",
            "feature gate",
            "featuregate",
            "feature flag",
            "feature-gate",
            "feature-gates",
            "default",
            "still",
            "stage",
            "maturity",
            "alpha",
            "beta",
            "ga",
        ),
        default_minor=True,
        bonus=_gate_named,
    ),
    Kind(
        "feature-stage",
        _feature_kind(kubernetes=0),
        (
            (WHEN, 2.5),
            (_STAGE_CUES, 1.5),
            (("since when", "since which", "from which version", "from what version", "first"), 1.5),
            (("introduced", "added", "landed", "arrive", "arrived", "promoted"), 1.0),
        ),
        _feature_stage,
        required=(*WHEN, "since"),
    ),
    Kind(
        "feature-runtime",
        lambda c: (
            c.features == 1 and c.kubernetes <= 1 and c.windows <= 1 and c.runtimes <= 1 and not c.runtime_version
        ),
        (
            (("minimum", "min", "at least", "oldest", "lowest", "minimal"), 3.0),
            (("version", "release"), 1.5),
            (("need", "needs", "require", "required", "requirement", "requires"), 1.0),
            (("which containerd", "what containerd", "which runtime", "what runtime", "which docker"), 3.0),
        ),
        _feature_runtime,
        base=0.5,
        bonus=_runtime_version_asked,
        required=(
            "minimum",
            "min",
            "at least",
            "oldest",
            "lowest",
            "minimal",
            "version",
            "release",
            "which containerd",
            "what containerd",
            "which runtime",
            "what runtime",
        ),
        default_minor=True,
    ),
    Kind(
        "windows-releases",
        _subject_kind((0, 1), 0, 0),
        (
            (
                (
                    "windows server versions",
                    "windows versions",
                    "which windows",
                    "what windows",
                    "windows os",
                    "os versions",
                    "windows releases",
                    "server versions",
                    "windows builds",
                    "os matrix",
                    "supported os",
                    "which server",
                    "what server",
                    "which os",
                    "what os",
                    "windows server releases",
                    "server releases",
                    "os version",
                    "windows server version",
                    "windows server",
                    "versions of windows",
                    "node versions",
                    "supported windows",
                    "windows node versions",
                    "node os",
                    "os options",
                ),
                4.0,
            ),
        ),
        _windows_releases,
        base=1.0,
        required=(
            "windows server versions",
            "windows versions",
            "which windows",
            "what windows",
            "windows os",
            "os versions",
            "windows releases",
            "server versions",
            "windows builds",
            "os matrix",
            "supported os",
            "which server",
            "what server",
            "which os",
            "what os",
            "windows server releases",
            "server releases",
            "os version",
            "windows server version",
            "windows server",
            "versions of windows",
            "node versions",
            "supported windows",
            "windows node versions",
            "node os",
            "os options",
        ),
        default_minor=True,
    ),
    Kind(
        "windows-support",
        lambda c: _subject_kind((0, 1), 1, 0)(c) and not c.image_named,
        (
            ((*SUPPORT, "roll out", "combination", "certified", "ok", "fine"), 1.0),
            (
                (
                    "node os",
                    "os supported",
                    "supported os",
                    "as a node",
                    "as nodes",
                    "for nodes",
                    "worker os",
                    "node operating system",
                    "host os",
                ),
                3.0,
            ),
        ),
        _windows_support,
        base=2.0,
        default_minor=True,
    ),
    Kind(
        "runtimes",
        lambda c: c.features == 0 and c.kubernetes <= 1 and c.windows == 0 and c.runtimes <= 1,
        ((("runtime", "runtimes", "container runtime", "cri", "container engine"), 4.0), (LIST_RUNTIMES, 1.0)),
        _runtimes,
        required=("runtime", "runtimes", "container runtime", "cri", "container engine"),
        default_minor=True,
        # with a runtime named, only a question for the list ('which runtimes are left after dockershim')
        needs=lambda r: not r.entities.runtimes or r.has(*LIST_RUNTIMES),
    ),
    Kind(
        "runtime-support",
        lambda c: c.features == 0 and c.kubernetes <= 1 and c.windows <= 1 and c.runtimes == 1,
        (((*SUPPORT, "still"), 0.5),),
        _runtime_support,
        base=3.0,
        default_minor=True,
    ),
    Kind(
        "image-compat",
        _subject_kind((0, 1), 2, 0),
        (
            (
                (
                    "image",
                    "images",
                    "run on",
                    "start",
                    "host",
                    "isolation",
                    "compatible",
                    "compatibility",
                    "container",
                    "containers",
                ),
                1.0,
            ),
        ),
        _image_compat,
        base=3.0,
        required=(
            "image",
            "images",
            "run on",
            "runs on",
            "start",
            "host",
            "hosts",
            "isolation",
            "compatible",
            "compatibility",
            "container",
            "containers",
            "tag",
        ),
    ),
    Kind(
        "kubernetes-release",
        lambda c: c.features == 0 and c.kubernetes <= 1 and c.windows == 0 and c.runtimes <= 1,
        ((_KUBERNETES_CUES, 3.0), (("patch", "patches"), 1.5)),
        _kubernetes_release,
        base=1.0,
        default_minor=True,
        # without a minor, only 'the newest patch': 'when was it released' names no release
        # with a runtime named, only 'when was 1.20 released (the one that deprecated dockershim)'
        needs=lambda r: (
            (bool(r.entities.kubernetes) or r.has(*_NEWEST_PATCH)) and (not r.entities.runtimes or r.has(*_RELEASED))
        ),
    ),
    Kind(
        "windows-release",
        _subject_kind((0, 0), 1, 0),
        ((_WINDOWS_CUES, 3.0), (("still supported", "still in support"), 1.0)),
        _windows_release,
        base=1.0,
    ),
    Kind(
        "changes",
        _subject_kind((1, 2), 0, 0),
        (
            (
                (
                    "changed",
                    "change",
                    "changes",
                    "what's new",
                    "whats new",
                    "new in",
                    "new for",
                    "diff",
                    "difference",
                    "differences",
                    "changelog",
                    "release notes",
                    "different",
                ),
                4.0,
            ),
        ),
        _changes,
        required=(
            "changed",
            "change",
            "changes",
            "what's new",
            "whats new",
            "new in",
            "new for",
            "diff",
            "difference",
            "differences",
            "changelog",
            "release notes",
            "different",
        ),
    ),
    Kind(
        "upgrade",
        lambda c: c.features == 0 and c.kubernetes == 2 and c.windows <= 1 and c.runtimes <= 1,
        (
            (("upgrade", "upgrading", "upgrades", "upgraded", "migrate", "migrating", "bump", "bumping"), 5.0),
            (("go from", "move from", "moving from", "going from", "jump", "->", "to"), 1.5),
            (("blocker", "blockers", "watch out", "break", "breaking", "anything to watch", "safe"), 1.0),
        ),
        _upgrade,
        required=(
            "upgrade",
            "upgrading",
            "upgrades",
            "upgraded",
            "migrate",
            "migrating",
            "bump",
            "bumping",
            "go from",
            "move from",
            "moving from",
            "going from",
            "jump",
        ),
    ),
    Kind(
        "node-stage",
        _subject_kind((0, 1), 0, 0),
        (
            ((*_NODE_STAGE_CUES, "what stage", "which stage", "stage"), 2.0),
            (("windows support", "windows node support", "windows nodes", "windows"), 1.0),
            (WHEN, 1.5),
        ),
        _node_stage,
        required=(*_NODE_STAGE_CUES, "what stage", "which stage", "stage"),
    ),
]
KINDS_BY_NAME = {kind.name: kind for kind in KINDS}
CUE_WORDS = frozenset(a for kind in KINDS for words, _ in kind.cues for phrase in words for a in atoms_of(phrase))
"""Every word of every cue phrase: said in a question of that kind, it needs no entity to be understood."""
CUE_ATOMS = frozenset(
    atoms_of(phrase)[0] for kind in KINDS for words, _ in kind.cues for phrase in words if len(atoms_of(phrase)) == 1
)
"""Every one-word cue of some kind ('gate', 'build', 'eol'): none of them names a feature on its own."""


def scored_kinds(reading: Reading) -> list[tuple[float, Kind]]:
    """Every kind that fits the reading, best score first."""
    scored = [(score, kind) for kind in KINDS if (score := kind.score(reading)) is not None]
    return sorted(scored, key=lambda item: -item[0])


def kinds_without_features(reading: Reading) -> list[tuple[float, Kind]]:
    """Kinds that would fit were the features the question names left out, with their cue scores."""
    counts = replace(Counts.of(reading), features=0)
    words = reading.without_features()
    out = []
    for kind in KINDS:
        if kind.fits(counts) and (cued := kind.cue_score(words)) is not None:
            out.append((cued, kind))
    return sorted(out, key=lambda item: -item[0])
