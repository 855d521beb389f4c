"""Free text -> what a question names: features, Kubernetes minors, Windows releases, a runtime.

Rule-based and deterministic. Every entity comes from the engine's own resolvers (``kb.query``,
``kb.versions``, ``kb.compat``) tried over the words and word groups of the question, in this order:
a runtime and the version written right after it (``containerd 1.6`` is a runtime version, never
Kubernetes 1.6), Windows releases (``2019``, ``1809``, ``23H2``, ``Windows Server 2004``), Kubernetes
versions (``1.22``, ``v1.22.3``), then features over what is left. Words that resolve to nothing are
kept in ``leftover`` so the caller can refuse to guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from kb.catalog import Catalog
from kb.compat import image_release
from kb.errors import KbError, NotFound, UnknownVersion
from kb.models import Feature, WindowsRelease
from kb.query import resolve_feature, resolve_minor, resolve_runtime, resolve_windows
from kb.versions import (
    KubernetesMinor,
    RuntimeSpec,
    build_revision,
    is_version_number,
    looks_like_kubernetes,
    looks_like_windows,
    normalise,
    parse_version_tuple,
    tokenize,
)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that carry no entity: grammar, and the domain words every question repeats.
FILLER = _word_set(
    """a an the is are was were be been being does do did can could will would should shall may might must
    i we you my our your it its this that these those there here on in at of for with without from to into onto
    and or by as under over about me us please tell show give get got have has had any some all still yet now
    today currently also just only really ok okay yes no not what which when how whether if whats what's what’s
    use using used run runs running ran work works working support supports supported supporting available
    enabled allowed possible usable version versions release releases k8s kubernetes kube windows win node
    nodes cluster clusters pod pods container containers server servers os status state v vs versus than
    newer older new latest newest current default by go goes went gone get gets
    got reach reached turn turned make made built like want need needs"""
)

# Words that say what is asked, read by the question kinds (``kb.questions``).
INTENT = _word_set(
    """upgrade upgrading upgrades upgraded check plan changed changes change changelog diff difference
    differences between image images tag tags build builds number released date dates ga eol end life
    maintained maintenance lifecycle until expire expires expired patch patches stage stages alpha beta stable
    deprecated removed remove dropped since isolation process hyper-v hyperv host hosts mainstream extended when become became graduate
    graduated"""
)

HOST_WORDS = frozenset({"host", "hosts", "node", "nodes", "server", "machine", "vm"})
IMAGE_WORDS = frozenset({"image", "images", "container", "containers", "tag", "base", "servercore", "nanoserver"})
_SKIP = frozenset({"a", "an", "the", "my", "our", "windows"})
_MAX_FEATURE_WORDS = 6
_MAX_WINDOWS_WORDS = 4
_MAX_RUNTIME_WORDS = 3


@dataclass(frozen=True)
class Mention:
    """Where in the question something was named: token span and the words as typed."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class WindowsMention:
    mention: Mention
    release: WindowsRelease
    role: Literal["host", "image"] | None
    revision: int | None = None  # the update level, when the question gives a full build (10.0.17763.1817)


@dataclass
class Reading:
    """Everything read from one question, before deciding what kind of question it is."""

    question: str
    tokens: list[str]
    words: set[str] = field(default_factory=set)
    runtime: tuple[Mention, RuntimeSpec] | None = None
    windows: list[WindowsMention] = field(default_factory=list)
    kubernetes: list[tuple[Mention, KubernetesMinor]] = field(default_factory=list)
    features: list[tuple[Mention, Feature]] = field(default_factory=list)
    isolation: str | None = None
    problems: list[tuple[str, KbError]] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    understood: list[str] = field(default_factory=list)

    @property
    def leftover(self) -> list[str]:
        """Words that are neither entities, nor filler, nor intent: what the question says that was not understood."""
        skip = {text for text, _ in self.problems}
        return [
            t
            for i, t in enumerate(self.tokens)
            if i not in self.used and t.lower() not in FILLER | INTENT and t not in skip
        ]

    def has(self, *words: str) -> bool:
        """Does the question contain any of ``words`` (single lowercase words or space-separated phrases)?"""
        text = " " + " ".join(t.lower() for t in self.tokens) + " "
        return any(f" {w} " in text for w in words)

    def take(self, start: int, end: int, note: str) -> Mention:
        self.used.update(range(start, end))
        self.understood.append(note)
        return Mention(start, end, " ".join(self.tokens[start:end]))


def read_question(catalog: Catalog, question: str) -> Reading:
    """Find every entity the question names; see the module docstring for the order."""
    reading = Reading(question=question, tokens=tokenize(question))
    reading.words = {t.lower() for t in reading.tokens}
    _read_runtime(catalog, reading)
    _read_windows(catalog, reading)
    _read_kubernetes(catalog, reading)
    _read_isolation(reading)
    _read_features(catalog, reading)
    return reading


def _read_runtime(catalog: Catalog, reading: Reading) -> None:
    """The first runtime named ('containerd', 'docker engine', 'containerd://1.7.13') and the version after it."""
    for start, end in _spans(reading, _MAX_RUNTIME_WORDS):
        words = reading.tokens[start:end]
        if end - start > 1 and not all(w.isalpha() for w in words):
            continue
        try:
            spec = resolve_runtime(catalog, "".join(words))
        except KbError:
            continue
        following = reading.tokens[end] if end < len(reading.tokens) else ""
        if spec.version is None and is_version_number(following) and _is_runtime_version(catalog, spec, following):
            spec = RuntimeSpec(spec.name, parse_version_tuple(following.lstrip("v")))
            end += 1
        mention = reading.take(start, end, f"runtime: {' '.join(reading.tokens[start:end])} -> {spec}")
        reading.runtime = (mention, spec)
        return


def _is_runtime_version(catalog: Catalog, spec: RuntimeSpec, text: str) -> bool:
    """Is ``text`` after a runtime name that runtime's version? Yes when the runtime lists such a version,
    or when it cannot be a Kubernetes minor of the data; otherwise it is read as Kubernetes."""
    version = parse_version_tuple(text.lstrip("v"))
    known = [parse_version_tuple(v.version) for v in catalog.runtimes[spec.name].versions]
    if any(version[: len(k)] == k or k[: len(version)] == version for k in known):
        return True
    try:
        resolve_minor(catalog, text)
    except KbError:
        return True
    return False


def _spans(reading: Reading, longest: int) -> list[tuple[int, int]]:
    """Word groups of unused tokens, longest first, then left to right."""
    n = len(reading.tokens)
    out = []
    for size in range(min(longest, n), 0, -1):
        for start in range(n - size + 1):
            if not any(i in reading.used for i in range(start, start + size)):
                out.append((start, start + size))
    return out


def _free(reading: Reading, start: int, end: int) -> bool:
    return not any(i in reading.used for i in range(start, end))


def _read_windows(catalog: Catalog, reading: Reading) -> None:
    for start, end in _spans(reading, _MAX_WINDOWS_WORDS):
        if not _free(reading, start, end):
            continue
        text = " ".join(reading.tokens[start:end])
        single = end - start == 1
        if not single and reading.tokens[start].lower() not in ("windows", "win", "server", "ws", "ltsc"):
            continue
        release = _windows_release(catalog, text, single)
        if release is None:
            if single and looks_like_windows(text):
                reading.problems.append((text, _windows_error(catalog, text)))
            continue
        role = _role(reading, start, end)
        mention = reading.take(start, end, f"Windows: {text} -> {release.id}" + (f" ({role})" if role else ""))
        reading.windows.append(WindowsMention(mention, release, role, build_revision(text) if single else None))
    reading.windows.sort(key=lambda w: w.mention.start)


def _windows_release(catalog: Catalog, text: str, single: bool) -> WindowsRelease | None:
    try:
        if single and ("/" in text or ":" in text):
            return image_release(catalog, text)
        if single and not looks_like_windows(text) and normalise(text) not in catalog.windows_index.by_key:
            return None
        return resolve_windows(catalog, text)
    except KbError:
        return None


def _windows_error(catalog: Catalog, text: str) -> KbError:
    try:
        resolve_windows(catalog, text)
    except KbError as exc:
        if isinstance(exc, NotFound):
            return exc
        return UnknownVersion("Windows Server", text, ", ".join(catalog.windows), exc.suggestions)
    raise AssertionError("unreachable: the release resolved")


def _role(reading: Reading, start: int, end: int) -> Literal["host", "image"] | None:
    """'an ltsc2022 image', 'a 23H2 host', 'image ltsc2019', 'mcr.../servercore:ltsc2019' -> the Windows release's role."""
    text = reading.tokens[start]
    if end - start == 1 and ("/" in text or ":" in text):
        return "image"
    after = [t.lower() for t in reading.tokens[end : end + 3] if t.lower() not in _SKIP][:2]
    before = [t.lower() for t in reading.tokens[max(0, start - 3) : start] if t.lower() not in _SKIP][-1:]
    for words in (after[:1], before, after[1:]):
        if words and words[0] in IMAGE_WORDS:
            return "image"
        if words and words[0] in HOST_WORDS:
            return "host"
    return None


def _read_kubernetes(catalog: Catalog, reading: Reading) -> None:
    for i, token in enumerate(reading.tokens):
        if i in reading.used or not looks_like_kubernetes(token):
            continue
        try:
            minor = resolve_minor(catalog, token)
        except KbError as exc:
            reading.problems.append((token, exc))
            continue
        mention = reading.take(i, i + 1, f"Kubernetes: {token} -> {minor}")
        reading.kubernetes.append((mention, minor))


def _read_isolation(reading: Reading) -> None:
    """'hyper-v isolation' / 'process isolation' is an isolation mode when the question compares two releases."""
    if len(reading.windows) < 2:
        return
    for i, token in enumerate(reading.tokens[:-1]):
        mode = {"hyper-v": "hyperv", "hyperv": "hyperv", "process": "process"}.get(token.lower())
        if mode and reading.tokens[i + 1].lower() == "isolation" and _free(reading, i, i + 2):
            reading.take(i, i + 2, f"isolation: {mode}")
            reading.isolation = mode
            return


def _read_features(catalog: Catalog, reading: Reading) -> None:
    phrases = feature_phrases(catalog)
    for start, end in _spans(reading, _MAX_FEATURE_WORDS):
        if not _free(reading, start, end):
            continue
        words = [t.lower() for t in reading.tokens[start:end]]
        if len(words) == 1 and (words[0] in FILLER or words[0] in INTENT):
            continue
        text = " ".join(reading.tokens[start:end])
        feature = _feature_named(catalog, phrases, text, edges=words[0] not in FILLER and words[-1] not in FILLER)
        if feature is not None:
            mention = reading.take(start, end, f"feature: {text} -> {feature.id}")
            reading.features.append((mention, feature))
    reading.features.sort(key=lambda f: f[0].start)


def _feature_named(catalog: Catalog, phrases: dict[str, set[str]], text: str, edges: bool) -> Feature | None:
    """The feature ``text`` names exactly (id, name, alias, gate), or the one feature whose name has these words
    (only for word groups that neither start nor end with a filler word: 'hostprocess', not 'use hostprocess')."""
    try:
        return resolve_feature(catalog, text)
    except KbError:
        pass
    ids = phrases.get(normalise(text), set()) if edges else set()
    return catalog.features[next(iter(ids))] if len(ids) == 1 else None


_PHRASES: dict[int, tuple[Catalog, dict[str, set[str]]]] = {}


def feature_phrases(catalog: Catalog) -> dict[str, set[str]]:
    """Every run of whole words in a feature's id, name, aliases and gates -> the features it appears in.

    'subPath' matches 'Volume subPath mounts' and 'hostprocess' matches 'Windows HostProcess containers'
    (word runs, never part of a word); a run shared by several features names none of them.
    """
    cached = _PHRASES.get(id(catalog))
    if cached and cached[0] is catalog:
        return cached[1]
    phrases: dict[str, set[str]] = {}
    for feature in catalog.features.values():
        names = (feature.id, feature.name, *feature.aliases, *feature.feature_gates)
        for words in {tuple(w) for name in names for w in _name_words(name)}:
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    run = words[i:j]
                    if all(w in FILLER or w in INTENT for w in run):
                        continue
                    phrases.setdefault(normalise("".join(run)), set()).add(feature.id)
    _PHRASES.clear()
    _PHRASES[id(catalog)] = (catalog, phrases)
    return phrases


def _name_words(name: str) -> list[list[str]]:
    """A name's words as written and with camelCase split: 'HostProcess pods' -> [hostprocess pods], [host process pods]."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z][a-z])", " ", name)
    return [[w.lower() for w in re.split(r"[^A-Za-z0-9]+", text) if w] for text in (name, spaced)]
