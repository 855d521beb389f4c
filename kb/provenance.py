"""Which sources the data may cite: official publishers only, and GitHub files pinned to a commit.

The one place for the list of official publishers and why each is official. ``kb.rules`` runs
:func:`source_problem` over every source of the dataset, so the build refuses a fact cited from a
personal fork, a blog or a moving branch.

A page on an official site (kubernetes.io, learn.microsoft.com, ...) is a dated page: it cannot be
pinned by commit, so it is cited as it is (with ``docs_version`` where a kubernetes.io page describes
one release). A file in a repository can be pinned, so it must be: a GitHub view that names a ref
(``/blob/``, ``/tree/``, ``/raw/``, ``/blame/``, ``/commits/``) must name a 40-hex commit, never a
branch or a tag, which move or can be moved.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

OFFICIAL_SITES: dict[str, str] = {
    "kubernetes.io": "The Kubernetes project's documentation, blog and release pages (subdomains included).",
    "cluster-api.sigs.k8s.io": "The book of Cluster API, a Kubernetes SIG Cluster Lifecycle project.",
    "learn.microsoft.com": "Microsoft's documentation of Windows Server and Windows containers.",
    "support.microsoft.com": "Microsoft's servicing statements and update (KB) notes for Windows Server.",
    "endoflife.date": "Lifecycle dates of Kubernetes and Windows Server, each row sourced to its vendor (house rules).",
}
"""Host (and, for kubernetes.io, its subdomains) -> why its pages are official."""

SUBDOMAINS_ALLOWED = frozenset({"kubernetes.io"})
"""Sites whose subdomains are the same publisher (v1-22.docs.kubernetes.io keeps an old docs version)."""

OFFICIAL_GITHUB_OWNERS: dict[str, str] = {
    "kubernetes": "The Kubernetes project: code, CHANGELOGs, the website's sources, KEPs, release notes.",
    "kubernetes-sigs": "Projects owned by Kubernetes SIGs (sig-windows-tools, Cluster API, CSI drivers).",
    "kubernetes-csi": "The Kubernetes storage SIG's CSI projects, csi-proxy among them.",
    "kubernetes-client": "The Kubernetes project's API client libraries.",
    "microsoftdocs": "The sources of learn.microsoft.com (Virtualization-Documentation for Windows containers).",
    "microsoft": "Microsoft's own repositories: Windows-Containers, hcsshim, the Windows CNI and storage plugins.",
    "endoflife-date": "The sources and release data behind endoflife.date.",
    "containerd": "containerd, a container runtime for Windows nodes, in its own repositories.",
    "moby": "Moby, the engine of Docker and of Mirantis Container Runtime, in its own repositories.",
    "containernetworking": "The CNI project: the specification and reference plugins Windows networking uses.",
}
"""GitHub owner (lower case: GitHub names are case-insensitive) -> why all its repositories are official."""

OFFICIAL_GITHUB_REPOSITORIES: dict[str, str] = {
    "mirantis/cri-dockerd": "cri-dockerd, the runtime's own repository: Docker Engine behind the CRI after dockershim.",
}
"""One official repository of an owner that is not official as a whole -> why."""

GO_MODULE_HOSTS: dict[str, str] = {
    "k8s.io": "Go modules of the Kubernetes project, served from github.com/kubernetes.",
    "sigs.k8s.io": "Go modules of Kubernetes SIG projects, served from github.com/kubernetes-sigs.",
}
"""Vanity Go import paths that are official -> why; a github.com module path follows the GitHub lists."""

PINNED_GITHUB_VIEWS = frozenset({"blob", "tree", "raw", "blame", "commits"})
"""GitHub views whose third path segment is a ref: they must name a commit."""

_COMMIT = re.compile(r"^[0-9a-f]{40}$")


def source_problem(url: str) -> str | None:
    """Why the data may not cite ``url``, or None when it is an official, pinned source."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    segments = [segment for segment in parts.path.split("/") if segment]
    if host == "github.com":
        return _github_problem(url, segments)
    if host == "pkg.go.dev":
        return _go_module_problem(url, segments)
    if _official_site(host):
        return None
    return f"{url}: {host} is not an official publisher (see kb/provenance.py for the list and why)"


def _official_site(host: str) -> bool:
    return host in OFFICIAL_SITES or any(host.endswith(f".{site}") for site in SUBDOMAINS_ALLOWED)


def official_repository(owner: str, repository: str) -> bool:
    """Is github.com/<owner>/<repository> an official publisher's repository?"""
    owner, repository = owner.lower(), repository.lower()
    return owner in OFFICIAL_GITHUB_OWNERS or f"{owner}/{repository}" in OFFICIAL_GITHUB_REPOSITORIES


def _github_problem(url: str, segments: list[str]) -> str | None:
    if len(segments) < 2:
        official = bool(segments) and segments[0].lower() in OFFICIAL_GITHUB_OWNERS
        return None if official else f"{url}: {'/'.join(segments) or 'github.com'} is not an official publisher"
    if not official_repository(segments[0], segments[1]):
        return f"{url}: {segments[0]}/{segments[1]} is not an official repository (a personal fork or a third party)"
    if len(segments) >= 3 and segments[2] in PINNED_GITHUB_VIEWS:
        ref = segments[3] if len(segments) > 3 else ""
        if not _COMMIT.match(ref):
            return (
                f"{url}: not pinned: a GitHub /{segments[2]}/ link must name a 40-hex commit, "
                f"not {repr(ref) if ref else 'the default branch'} "
                "(a branch or a tag moves; git log gives the commit that states the fact)"
            )
    return None


def _go_module_problem(url: str, segments: list[str]) -> str | None:
    module = [segment.partition("@")[0] for segment in segments]
    if module[:1] == ["github.com"] and len(module) >= 3:
        official = official_repository(module[1], module[2])
    else:
        official = bool(module) and module[0] in GO_MODULE_HOSTS
    if not official:
        return f"{url}: pkg.go.dev is official only for a module of an official repository"
    if not any("@" in segment for segment in segments):
        return f"{url}: not pinned: a pkg.go.dev page must name a module version (module@vX.Y.Z)"
    return None
