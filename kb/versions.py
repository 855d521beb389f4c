"""What a version is and how to read one: Kubernetes minors, Windows releases, runtimes.

The one place that turns what people type (``v1.22.3``, ``WS2019``, ``10.0.17763.737``,
``containerd://1.7.13``) into the data's ids. Everything else calls these functions.

Windows resolution rule: an explicit name or id wins (``sac1809``, ``Windows Server,
version 1809`` name the Semi-Annual release). Inputs that only identify a build or a
version number (``1809``, ``10.0.17763``, ``10.0.17763.737``, a ``1809`` image tag) resolve
to the LTSC release with that build, because that is the release still serviced and the
one nodes of that build run today; a build with no LTSC release resolves to its only release.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz, process

from kb.errors import InvalidVersion, UnknownVersion

KUBERNETES_FORMS = ["1.22", "v1.22", "1.22.3", "v1.22.3", "1.22.x", "1.22.0-rc.1", "latest"]
WINDOWS_FORMS = [
    "ltsc2019",
    "Windows Server 2019",
    "WS2019",
    "2019",
    "1809",
    "sac1809",
    "10.0.17763",
    "10.0.17763.737",
]
RUNTIME_FORMS = ["containerd", "containerd 1.6.21", "containerd://1.7.13", "docker", "docker://20.10.9"]

_KUBE = re.compile(r"^v?([0-9]+)\.([0-9]+)(?:\.([0-9]+|x|\*))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")
_BUILD = re.compile(r"^(?:10\.0\.)?([0-9]{5})(?:\.([0-9]+))?$")
_EDITION_WORDS = re.compile(r"\b(datacenter|standard|essentials|core|edition|azure|microsoft)\b")


@dataclass(frozen=True, order=True)
class KubernetesMinor:
    """A Kubernetes minor release, compared numerically (1.9 < 1.10)."""

    major: int
    minor: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"


def parse_kubernetes(text: str) -> KubernetesMinor:
    """Read any accepted form of a Kubernetes version as its minor; raise InvalidVersion otherwise."""
    match = _KUBE.match(text.strip())
    if not match:
        raise InvalidVersion("Kubernetes", text, KUBERNETES_FORMS)
    return KubernetesMinor(int(match.group(1)), int(match.group(2)))


def resolve_kubernetes(
    text: str, known: Sequence[KubernetesMinor], latest: KubernetesMinor | None = None
) -> KubernetesMinor:
    """Resolve a version to a minor the data covers; ``latest`` is ``latest`` (default: the newest known)."""
    if text.strip().lower() in ("latest", "newest", "current"):
        return latest or max(known)
    minor = parse_kubernetes(text)
    if minor not in known:
        raise UnknownVersion(
            "Kubernetes", text, f"{min(known)} to {max(known)}", [str(m) for m in nearest_minors(minor, known)]
        )
    return minor


def nearest_minors(minor: KubernetesMinor, known: Sequence[KubernetesMinor], count: int = 2) -> list[KubernetesMinor]:
    """The known minors closest to ``minor``, nearest first."""

    def distance(m: KubernetesMinor) -> tuple[int, int]:
        return (abs(m.major - minor.major), abs(m.minor - minor.minor))

    return sorted(known, key=distance)[:count]


def minors_between(
    start: KubernetesMinor, end: KubernetesMinor, known: Iterable[KubernetesMinor]
) -> list[KubernetesMinor]:
    """Known minors in the closed range [start, end], ascending."""
    return sorted(m for m in known if start <= m <= end)


class WindowsLike(Protocol):
    """What resolution needs to know of a Windows release."""

    id: str
    name: str
    channel: str
    version: str
    build: str
    aliases: Sequence[str]


def normalise(text: str) -> str:
    """Lowercase and drop everything but letters and digits: 'Windows Server, 2019' -> 'windowsserver2019'."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def build_number(build: str) -> int:
    """'10.0.17763' -> 17763."""
    return int(build.rsplit(".", 1)[-1])


def build_revision(text: str) -> int | None:
    """The update revision a Windows build names: '10.0.17763.1817' -> 1817; None for '10.0.17763' or a name."""
    match = _BUILD.match(text.strip())
    return int(match.group(2)) if match and match.group(2) else None


def windows_keys(release: WindowsLike) -> tuple[set[str], set[str]]:
    """The normalised names that select ``release``: (explicit names, version-only names).

    Explicit names always select this release; version-only names (``1809``) go to the
    LTSC release of the same build when there is one.
    """
    version = normalise(release.version)
    explicit = {normalise(release.id), normalise(release.name), *(normalise(a) for a in release.aliases)}
    if release.channel == "LTSC":
        year = release.name.rsplit(" ", 1)[-1]
        explicit |= {f"{p}{year}" for p in ("", "ws", "win", "server", "windowsserver", "ltsc", "windowsserverltsc")}
        explicit |= {f"{p}{year[2:]}" for p in ("w2k", "2k", "ws", "win", "ltsc")}
    else:
        prefix = {"SAC": "sac", "Annual": "ac"}[release.channel]
        explicit |= {f"{p}{version}" for p in (prefix, "ws", "server", "windowsserver", "windowsserverversion")}
    return explicit, {version}


@dataclass(frozen=True)
class WindowsIndex:
    """Lookup tables from what people type to Windows release ids."""

    by_key: dict[str, str]
    by_build: dict[int, str]
    names: dict[str, str]

    @classmethod
    def of(cls, releases: Iterable[WindowsLike]) -> WindowsIndex:
        releases = list(releases)
        by_key: dict[str, str] = {}
        by_build: dict[int, str] = {}
        # LTSC releases last so that they take version-only keys and builds they share.
        for release in sorted(releases, key=lambda r: r.channel == "LTSC"):
            explicit, version_only = windows_keys(release)
            for key in version_only:
                by_key[key] = release.id
            by_build[build_number(release.build)] = release.id
        for release in releases:
            explicit, _ = windows_keys(release)
            for key in explicit:
                by_key[key] = release.id
        return cls(by_key, by_build, {r.id: r.name for r in releases})

    def find(self, text: str) -> str | None:
        """The id of the Windows release ``text`` names, or None: the lookup alone, without suggestions."""
        key = normalise(_EDITION_WORDS.sub(" ", text.strip().lower()))
        if key in self.by_key:
            return self.by_key[key]
        build = _BUILD.match(text.strip())
        return self.by_build.get(int(build.group(1))) if build else None

    def resolve(self, text: str) -> str:
        """The id of the Windows release ``text`` names; InvalidVersion or UnknownVersion otherwise."""
        found = self.find(text)
        if found is not None:
            return found
        key = normalise(_EDITION_WORDS.sub(" ", text.strip().lower()))
        if _BUILD.match(text.strip()):
            known = ", ".join(f"10.0.{b}" for b in sorted(self.by_build))
            raise UnknownVersion("Windows build", text, known, self._close(key))
        raise InvalidVersion("Windows Server", text, WINDOWS_FORMS, self._close(key))

    def _close(self, key: str) -> list[str]:
        matches = process.extract(key, list(self.by_key), scorer=fuzz.ratio, limit=6, score_cutoff=60)
        ids = list(dict.fromkeys(self.by_key[m] for m, _, _ in matches))
        return ids[:3]


@dataclass(frozen=True)
class RuntimeSpec:
    """A runtime as an operator names it: ``containerd``, ``containerd 1.6.21``, ``containerd://1.7.13``."""

    name: str
    version: tuple[int, ...] | None

    @property
    def version_text(self) -> str | None:
        return ".".join(map(str, self.version)) if self.version else None

    def __str__(self) -> str:
        return f"{self.name} {self.version_text}" if self.version else self.name


_RUNTIME_VERSION = re.compile(r"^(.*?)(?:://|[\s@:/=-]+)v?([0-9]+(?:\.[0-9]+)*)(?:[-+~][0-9A-Za-z.+~-]*)?$")


def parse_version_tuple(text: str) -> tuple[int, ...]:
    """'1.6.21' -> (1, 6, 21); raise ValueError for anything else."""
    if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)*", text):
        raise ValueError(f"{text!r} is not a dotted version")
    return tuple(int(p) for p in text.split("."))


def parse_runtime(text: str, aliases: dict[str, str]) -> RuntimeSpec:
    """Read a runtime and optional version ('Mirantis Container Runtime', 'containerd://1.7.13', 'docker 20.10');
    ``aliases`` maps normalised names to runtime ids."""
    cleaned = text.strip().lower()
    if normalise(cleaned) in aliases:
        return RuntimeSpec(aliases[normalise(cleaned)], None)
    match = _RUNTIME_VERSION.match(cleaned)
    name = aliases.get(normalise(match.group(1))) if match else None
    if match is None or name is None:
        raise InvalidVersion("container runtime", text, RUNTIME_FORMS, sorted(set(aliases.values())))
    return RuntimeSpec(name, parse_version_tuple(match.group(2)))


# Words of a question: dotted versions, builds, runtime URLs and image references stay whole.
_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._:/@+'’-]*[A-Za-z0-9])?")
_VERSION_NUMBER = re.compile(r"^v?[0-9]+(?:\.[0-9]+)+$")
_WINDOWS_LIKE = re.compile(
    r"^(?:(?:ws|ltsc|sac|ac|win|server|w2k|2k)[0-9]{2,4}(?:h[12])?|(?:1[6-9]|20)[0-9]{2}|[0-9]{2}h[12]|(?:10\.0\.)?[0-9]{5}(?:\.[0-9]+)?)$"
)


def tokenize(text: str) -> list[str]:
    """The words of a free-text question, with versions kept whole: 'hostprocess on v1.22.3?' -> [..., 'v1.22.3']."""
    return _TOKEN.findall(text)


def is_version_number(token: str) -> bool:
    """A bare dotted number such as '1.6', 'v1.7.13' or '19.03' (whose meaning depends on the word before it)."""
    return bool(_VERSION_NUMBER.match(token))


def looks_like_kubernetes(token: str) -> bool:
    """A token written like a Kubernetes version ('1.22', 'v1.22.3', '1.22.0-rc.1') and not like a Windows build."""
    return bool(_KUBE.match(token)) and not looks_like_windows(token)


def looks_like_windows(token: str) -> bool:
    """A token written like a Windows release ('ws2019', 'ltsc2022', '2019', '23H2', '10.0.17763.737')."""
    return bool(_WINDOWS_LIKE.match(token.lower()))
