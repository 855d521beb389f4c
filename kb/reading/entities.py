"""Versions and releases named anywhere in a question: runtimes, Windows releases, Kubernetes minors, KEPs.

Every entity comes from the engine's own resolvers (``kb.query``, ``kb.versions``, ``kb.compat``),
tried over the tokens and short token groups of the question in this order: KEP numbers (so that
'kep 1981' is never Windows 1981), runtimes and the version written right after them ('containerd
1.6' is a runtime version, never Kubernetes 1.6), Windows releases ('ws2019', 'windows server 2022',
'10.0.17763.5696', an image reference), then Kubernetes versions. A token written like a version or a
Windows build that resolves to nothing is a problem: the question names something the data does not hold.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process

from kb.catalog import Catalog
from kb.compat import image_release
from kb.errors import KbError, NotFound, UnknownVersion
from kb.models import WindowsRelease
from kb.query import resolve_minor, resolve_runtime, resolve_windows
from kb.reading.chinese import has_cjk
from kb.reading.words import GENERIC, ORDINARY, STOP, Token, stem
from kb.versions import (
    KubernetesMinor,
    RuntimeSpec,
    build_revision,
    is_version_number,
    looks_like_kubernetes,
    looks_like_windows,
    normalise,
    parse_version_tuple,
)

Role = Literal["host", "image"]
HOST_WORDS = frozenset({"host", "hosts", "node", "nodes", "server", "servers", "machine", "machines", "vm", "vms"})
IMAGE_WORDS = frozenset({"image", "images", "container", "containers", "tag", "base", "servercore", "nanoserver"})
HOST_WORDS_ZH = ("节点", "主机", "宿主机", "服务器", "机器")
IMAGE_WORDS_ZH = ("镜像",)
_ROLE_SKIP = frozenset(
    {
        "a",
        "an",
        "the",
        "my",
        "our",
        "windows",
        "win",
        "os",
        "based",
        "built",
        "is",
        "are",
        "run",
        "runs",
        "running",
        "on",
        "with",
        "at",
        "has",
        "have",
        "reports",
        "shows",
        "says",
        "report",
        "show",
    }
)
_WINDOWS_LEADS = frozenset({"windows", "win", "server", "ws", "ltsc", "version"})
_MAX_WINDOWS_WORDS = 4
_MAX_RUNTIME_WORDS = 3
_KEP_TOKEN = re.compile(r"^kep[-#]?([0-9]{2,5})$", re.IGNORECASE)


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
    role: Role | None
    revision: int | None = None  # the update level, when the question gives a full build (10.0.17763.1817)


@dataclass
class Entities:
    """The versions and releases a question names, and the tokens they use."""

    tokens: list[Token]
    text: str = ""
    runtimes: list[tuple[Mention, RuntimeSpec]] = field(default_factory=list)
    windows: list[WindowsMention] = field(default_factory=list)
    kubernetes: list[tuple[Mention, KubernetesMinor]] = field(default_factory=list)
    keps: list[tuple[Mention, int]] = field(default_factory=list)
    isolation: str | None = None
    problems: list[tuple[str, KbError]] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    understood: list[str] = field(default_factory=list)

    def take(self, start: int, end: int, note: str) -> Mention:
        self.used.update(range(start, end))
        self.understood.append(note)
        return Mention(start, end, " ".join(t.text for t in self.tokens[start:end]))

    def free(self, start: int, end: int) -> bool:
        return self.used.isdisjoint(range(start, end))

    def spans(self, longest: int) -> list[tuple[int, int]]:
        """Groups of unused tokens, longest first, then left to right."""
        n = len(self.tokens)
        return [
            (start, start + size)
            for size in range(min(longest, n), 0, -1)
            for start in range(n - size + 1)
            if self.free(start, start + size)
        ]


def read_entities(catalog: Catalog, tokens: list[Token], text: str = "") -> Entities:
    """Every version and release the question names; see the module docstring for the order."""
    found = Entities(tokens, text)
    _read_keps(found)
    _read_runtimes(catalog, found)
    _read_windows(catalog, found)
    _read_kubernetes(catalog, found)
    _merge_repeats(found)
    if len(found.windows) >= 2:
        _read_isolation(found)
    return found


def _merge_repeats(found: Entities) -> None:
    """One subject named twice is one subject: 'containerd 1.5.13 ... will that containerd work' is one runtime,
    '1.25 patch? we're on 1.25.6' one minor, 'a 2025 host (10.0.26100.4061)' one host."""
    kept_runtimes: dict[str, tuple[Mention, RuntimeSpec]] = {}
    for mention, spec in found.runtimes:
        earlier = kept_runtimes.get(spec.name)
        if earlier is None or (earlier[1].version is None and spec.version is not None):
            kept_runtimes[spec.name] = (mention, spec)
        elif spec.version is not None and spec.version != earlier[1].version:
            kept_runtimes[f"{spec.name} {spec.version}"] = (mention, spec)
    found.runtimes = sorted(kept_runtimes.values(), key=lambda r: r[0].start)
    kept_minors: dict[KubernetesMinor, Mention] = {}
    for mention, minor in found.kubernetes:
        kept_minors.setdefault(minor, mention)
    found.kubernetes = sorted(((m, k) for k, m in kept_minors.items()), key=lambda r: r[0].start)
    found.windows = _merged_windows(found.windows)


def _merged_windows(mentions: list[WindowsMention]) -> list[WindowsMention]:
    """Mentions of one release merge, except an image with anything but an image ('node is 10.0.17763.5696,
    image is servercore:ltsc2019' names a host and an image)."""
    out: list[WindowsMention] = []
    for mention in mentions:
        same = [m for m in out if m.release.id == mention.release.id]
        target = next((m for m in same if (m.role == "image") == (mention.role == "image")), None)
        if target is None:
            out.append(mention)
            continue
        merged = WindowsMention(
            target.mention,
            target.release,
            target.role or mention.role,
            target.revision if target.revision is not None else mention.revision,
        )
        out[out.index(target)] = merged
    return out


def _read_keps(found: Entities) -> None:
    for token in found.tokens:
        number = None
        match = _KEP_TOKEN.match(token.text)
        if match:
            number, end = int(match.group(1)), token.index + 1
        elif token.lower == "kep" and token.index + 1 < len(found.tokens):
            following = found.tokens[token.index + 1].text.lstrip("#")
            if following.isdigit():
                number, end = int(following), token.index + 2
        if number is not None and found.free(token.index, end):
            found.keps.append((found.take(token.index, end, f"KEP: {number}"), number))


def _read_runtimes(catalog: Catalog, found: Entities) -> None:
    """Each runtime named ('containerd', 'docker engine', 'containerd://1.7.13') and the version after it."""
    for start, end in found.spans(_MAX_RUNTIME_WORDS):
        if not found.free(start, end):
            continue
        words = [t.text for t in found.tokens[start:end]]
        if (end - start > 1 and not all(w.isalpha() for w in words)) or any(has_cjk(w) for w in words):
            continue
        spec = None
        if _may_name_runtime(catalog, words[0]):
            with contextlib.suppress(KbError):
                spec = resolve_runtime(catalog, " ".join(words))
        spec = spec or _misspelt_runtime(catalog, words)
        if spec is None:
            continue
        after = end
        if after < len(found.tokens) and has_cjk(found.tokens[after].text) and len(found.tokens[after].text) <= 2:
            after += 1  # 'containerd 是 1.5.11', 'containerd 还是 1.5.18'
        following = found.tokens[after].text if after < len(found.tokens) else ""
        if spec.version is None and is_version_number(following) and _is_runtime_version(catalog, spec, following):
            spec = RuntimeSpec(spec.name, parse_version_tuple(following.lstrip("vV")))
            end = after + 1
        mention = found.take(start, end, f"runtime: {' '.join(t.text for t in found.tokens[start:end])} -> {spec}")
        found.runtimes.append((mention, spec))
    found.runtimes.sort(key=lambda r: r[0].start)


_LEADING_LETTERS = re.compile(r"[a-z]+")
_RUNTIME_PREFIXES: dict[tuple[str, ...], frozenset[str]] = {}


def _may_name_runtime(catalog: Catalog, word: str) -> bool:
    """Can a span starting with ``word`` name a runtime? Its leading letters begin a runtime's name or alias
    ('containerd://1.7', 'cri-dockerd', 'mirantis'): a cheap test before the runtime parser."""
    letters = _LEADING_LETTERS.match(word.lower())
    if letters is None:
        return False
    keys = tuple(catalog.runtime_keys)
    prefixes = _RUNTIME_PREFIXES.get(keys)
    if prefixes is None:
        prefixes = _RUNTIME_PREFIXES[keys] = frozenset(key[:n] for key in keys for n in range(2, len(key) + 1))
    return letters.group() in prefixes


def _misspelt_runtime(catalog: Catalog, words: list[str]) -> RuntimeSpec | None:
    """A runtime name within a typo ('contianerd'): one word of six letters or more, same first letter."""
    if len(words) != 1 or len(words[0]) < 6 or not words[0].isalpha():
        return None
    if stem(words[0].lower()) in STOP | GENERIC | ORDINARY:
        return None
    hit = process.extractOne(words[0].lower(), list(catalog.runtime_keys), scorer=fuzz.ratio, score_cutoff=85)
    if hit is None or hit[0][0] != words[0][0].lower():
        return None
    return RuntimeSpec(catalog.runtime_keys[hit[0]], None)


def _is_runtime_version(catalog: Catalog, spec: RuntimeSpec, text: str) -> bool:
    """Is ``text`` after a runtime name that runtime's version? Yes when the runtime lists such a version,
    or when it cannot be a Kubernetes minor of the data; otherwise it is read as Kubernetes."""
    version = parse_version_tuple(text.lstrip("vV"))
    known = [parse_version_tuple(v.version) for v in catalog.runtimes[spec.name].versions]
    if any(version[: len(k)] == k or k[: len(version)] == version for k in known):
        return True
    try:
        resolve_minor(catalog, text)
    except KbError:
        return True
    return False


def _read_windows(catalog: Catalog, found: Entities) -> None:
    for start, end in found.spans(_MAX_WINDOWS_WORDS):
        if not found.free(start, end):
            continue
        tokens = found.tokens[start:end]
        text = " ".join(t.text for t in tokens)
        if has_cjk(text):
            continue
        single = end - start == 1
        if not single and tokens[0].lower not in _WINDOWS_LEADS:
            continue
        release = _windows_release(catalog, text, single)
        if release is None:
            if single and (looks_like_windows(text) or _looks_like_image(text)):
                found.problems.append((text, _windows_error(catalog, text)))
                found.used.add(start)
            continue
        role = _role(found, start, end)
        note = f"Windows: {text} -> {release.id}" + (f" ({role})" if role else "")
        mention = found.take(start, end, note)
        found.windows.append(WindowsMention(mention, release, role, build_revision(text) if single else None))
    found.windows.sort(key=lambda w: w.mention.start)


def _windows_release(catalog: Catalog, text: str, single: bool) -> WindowsRelease | None:
    if single and ("/" in text or ":" in text):
        try:
            return image_release(catalog, text)
        except KbError:
            return None
    if single and not looks_like_windows(text) and normalise(text) not in catalog.windows_index.by_key:
        return None
    found = catalog.windows_index.find(text)
    return catalog.windows[found] if found else None


def _looks_like_image(text: str) -> bool:
    """A Windows image reference: 'mcr.microsoft.com/windows/servercore:ltsc2030', 'nanoserver:1809'."""
    lower = text.lower()
    return any(word in lower for word in ("servercore", "nanoserver", "windows/server", "windows:")) and (
        ":" in lower or "/" in lower
    )


def _windows_error(catalog: Catalog, text: str) -> KbError:
    try:
        image_release(catalog, text) if _looks_like_image(text) else resolve_windows(catalog, text)
    except KbError as exc:
        if isinstance(exc, NotFound):
            return exc
        return UnknownVersion("Windows Server", text, ", ".join(catalog.windows), exc.suggestions)
    raise AssertionError("unreachable: the release resolved")


def _role(found: Entities, start: int, end: int) -> Role | None:
    """'an ltsc2022 image', 'a 23H2 host', 'image ltsc2019', 'mcr.../servercore:ltsc2019' -> the release's role."""
    text = found.tokens[start].text
    if end - start == 1 and ("/" in text or ":" in text):
        return "image"
    after = _neighbours(found, start, end, 1, 2)
    before = _neighbours(found, start, end, -1, 1)
    for words in (after[:1], before, after[1:]):
        if words and (words[0] in IMAGE_WORDS or any(w in words[0] for w in IMAGE_WORDS_ZH)):
            return "image"
        if words and (words[0] in HOST_WORDS or any(w in words[0] for w in HOST_WORDS_ZH)):
            return "host"
    return None


def _neighbours(found: Entities, start: int, end: int, step: int, count: int) -> list[str]:
    """Up to ``count`` words next to the mention [start, end), going left (step -1) or right (step 1), not across a
    comma, a semicolon, a dash or a bracket ('node is 10.0.17763.5696, image is ...' does not make the build an
    image), skipping filler."""
    words: list[str] = []
    index = end if step > 0 else start - 1
    previous = found.tokens[end - 1] if step > 0 else found.tokens[start]
    while 0 <= index < len(found.tokens) and len(words) < count:
        token = found.tokens[index]
        left, right = (previous, token) if step > 0 else (token, previous)
        if any(mark in found.text[left.end : right.start] for mark in (",", ";", " - ", "(", ")", "?")):
            break
        if index in found.used or looks_like_windows(token.text):  # the neighbour of another release
            break
        if token.lower not in _ROLE_SKIP:
            words.append(token.lower)
        previous, index = token, index + step
    return words


_PREFIXED = re.compile(r"^(?:k8s|kube|kubernetes|k8s-|kube-)(v?[0-9]+\.[0-9]+\S*)$", re.IGNORECASE)


def _read_kubernetes(catalog: Catalog, found: Entities) -> None:
    for token in found.tokens:
        prefixed = _PREFIXED.match(token.text)
        text = prefixed.group(1) if prefixed else token.text  # 'k8s1.26' as people type it in Chinese
        if token.index in found.used or not looks_like_kubernetes(text):
            continue
        try:
            minor = resolve_minor(catalog, text)
        except KbError as exc:
            found.problems.append((token.text, exc))
            found.used.add(token.index)
            continue
        mention = found.take(token.index, token.index + 1, f"Kubernetes: {token.text} -> {minor}")
        found.kubernetes.append((mention, minor))


_ISOLATION = {"hyper-v": "hyperv", "hyperv": "hyperv", "process": "process", "process-isolated": "process"}


def _read_isolation(found: Entities) -> None:
    """'hyper-v isolation' / 'process isolation' / 'process-isolated' / '进程隔离' names an isolation mode."""
    written = re.sub(r"\s+", "", found.text.lower())
    for words, mode in (("进程隔离", "process"), ("hyper-v隔离", "hyperv"), ("hyperv隔离", "hyperv")):
        if words in written:
            found.isolation = mode
            found.understood.append(f"isolation: {mode}")
            found.used |= {t.index for t in found.tokens if t.lower in ("hyper-v", "hyperv", "进程隔离")}
            return
    for token in found.tokens:
        mode = _ISOLATION.get(token.lower)
        if mode is None or token.index in found.used:
            continue
        following = found.tokens[token.index + 1].lower if token.index + 1 < len(found.tokens) else ""
        if token.lower == "process-isolated" or following in ("isolation", "isolated", "mode"):
            end = token.index + (1 if token.lower == "process-isolated" else 2)
            found.take(token.index, end, f"isolation: {mode}")
            found.isolation = mode
            return
