"""The one line of each release answer: Kubernetes and Windows facts, node OS, runtimes, node stage."""

from __future__ import annotations

from kb.dataset import DatasetMeta
from kb.history import status_label
from kb.node_os import NodeOsAnswer, NodeOsList
from kb.release_facts import BUILD_LABEL, KubernetesFact, NodeStageAnswer, WindowsFact
from kb.releases import KubernetesReleaseView, OsMatrix, WindowsReleaseView
from kb.render.features import source_note
from kb.runtime_support import RuntimeList, RuntimeSupportAnswer


def _yes_no(value: bool | None, yes: str, no: str) -> str:
    return "unknown" if value is None else (yes if value else no)


def kubernetes_line(release: KubernetesReleaseView) -> str:
    """'Kubernetes 1.30: released 2024-04-17, end of life 2025-06-28 (not maintained), Windows nodes stable, ...'."""
    windows = ", ".join(w.id for w in release.windows) or "none listed"
    maintained = _yes_no(release.is_maintained, "maintained", "not maintained")
    return (
        f"Kubernetes {release.version}: released {release.released or 'unknown'}, end of life "
        f"{release.end_of_life or 'unknown'} ({maintained}), Windows nodes {release.windows_stage}, "
        f"Windows Server: {windows}, {len(release.changes)} change(s) for Windows."
    )


def windows_line(release: WindowsReleaseView) -> str:
    """'Windows Server 2022 (ltsc2022, LTSC): build 10.0.20348, GA 2021-08-18, ... Kubernetes 1.23-1.34.'."""
    kubernetes = f"{release.kubernetes[0]} to {release.kubernetes[-1]}" if release.kubernetes else "none"
    supported = _yes_no(release.is_supported, "supported by Microsoft", "out of Microsoft support")
    tags = ", ".join(dict.fromkeys(t.tag for t in release.image_tags)) or "none"
    return (
        f"{release.name} ({release.id}, {release.channel}): build {release.build}, GA {release.ga}, "
        f"{supported}, image tags {tags}, Kubernetes {kubernetes}."
    )


def kubernetes_fact_line(answer: KubernetesFact) -> str:
    """'Kubernetes 1.30 reaches end of life on 2025-06-28 (no longer maintained). Source: URL'."""
    name = f"Kubernetes {answer.kubernetes}"
    maintained = _yes_no(answer.is_maintained, "still maintained", "no longer maintained")
    eol = answer.end_of_life or "not recorded"
    if answer.fact == "release-date":
        text = f"{name} was released on {answer.released}." if answer.released else f"{name}: no release date recorded."
    elif answer.fact in ("end-of-life", "maintained"):
        text = f"{name}: end of life {eol}, {maintained}."
    elif answer.fact == "latest-patch":
        text = f"{name}: latest patch {answer.latest_patch or 'not recorded'}."
    else:
        text = f"{name}: released {answer.released or 'not recorded'}, end of life {eol} ({maintained})."
    if answer.provisional:
        text += " Provisional: the data has no release date for it yet."
    return text + source_note(answer.sources)


def windows_fact_line(answer: WindowsFact) -> str:
    """'Windows Server 2022 is build 10.0.20348. Source: URL'."""
    name = answer.windows.name
    supported = _yes_no(answer.is_supported, "supported by Microsoft", "no longer supported by Microsoft")
    end = answer.end_of_support or "not recorded"
    texts = {
        "build": f"{name} is build {answer.windows.build} (version {answer.version}, {answer.channel}).",
        "build-label": f"{name} nodes carry {BUILD_LABEL}={answer.windows.build}.",
        "image-tags": f"{name} images: {', '.join(answer.value) if isinstance(answer.value, list) and answer.value else 'none recorded'}.",
        "release-date": f"{name} became generally available on {answer.ga}.",
        "end-of-support": f"{name}: support ends {end} ({supported}).",
        "mainstream-end": f"{name}: mainstream support ends {answer.mainstream_end or 'not recorded'}, all support {end}.",
        "supported": f"{name}: {supported} (support ends {end}).",
    }
    nodes = (
        f"a node OS on Kubernetes {answer.kubernetes[0]} to {answer.kubernetes[-1]}"
        if answer.kubernetes
        else "not a node OS of any Kubernetes release"
    )
    overview = f"{name} ({answer.channel}): build {answer.windows.build}, GA {answer.ga}; {nodes}; {supported}, support ends {end}."
    return texts.get(answer.fact, overview) + source_note(answer.sources)


def node_os_list_line(answer: NodeOsList) -> str:
    """'Windows node OS on Kubernetes 1.33: Windows Server 2019, Windows Server 2022 (Windows nodes stable).'."""
    names = ", ".join(w.name for w in answer.windows) or "none recorded"
    return f"Windows node OS on Kubernetes {answer.kubernetes}: {names}.{source_note(answer.sources)}"


def node_os_line(answer: NodeOsAnswer) -> str:
    """'Windows Server 2022 on Kubernetes 1.24: supported as a node OS (supported: ...). Source: URL'."""
    names = ", ".join(w.name for w in answer.supported_windows)
    if answer.supported is None:
        verdict = "no record of the supported Windows releases"
    else:
        verdict = f"{'supported' if answer.supported else 'not supported'} as a node OS (supported: {names})"
    return f"{answer.windows.name} on Kubernetes {answer.kubernetes}: {verdict}.{source_note(answer.sources)}"


def runtime_support_line(answer: RuntimeSupportAnswer) -> str:
    """'containerd 1.6 on Kubernetes 1.23: stable, supported (since 1.20, meets containerd 1.4.0 or newer).'."""
    details = [f"since {answer.since}"] if answer.since else ["no record yet"]
    details += [f"{'meets' if r.met else 'fails' if r.met is False else 'needs'} {r.text}" for r in answer.requirements]
    verdict = "supported" if answer.supported else "not supported"
    return (
        f"{answer.runtime} on Kubernetes {answer.kubernetes}: {status_label(answer.status)}, {verdict} "
        f"({', '.join(details)}).{source_note(answer.sources)}"
    )


def runtimes_line(answer: RuntimeList) -> str:
    """'Runtimes on Kubernetes 1.31: containerd (stable), cri-dockerd (stable); not usable: Docker (removed).'."""
    usable = [f"{r.name} ({status_label(r.status)})" for r in answer.runtimes if r.supported]
    other = [f"{r.name} ({status_label(r.status)})" for r in answer.runtimes if not r.supported]
    text = f"Runtimes for Windows nodes on Kubernetes {answer.kubernetes}: {', '.join(usable) or 'none recorded'}"
    if other:
        text += f"; not usable: {', '.join(other)}"
    return text + "." + source_note(answer.sources)


def node_stage_line(answer: NodeStageAnswer) -> str:
    """'Windows node support on Kubernetes 1.10: beta (since 1.9); asked beta: yes. Source: URL'."""
    if answer.kubernetes is None:
        return f"Windows node support is never {answer.asked_stage} in the data."
    text = f"Windows node support on Kubernetes {answer.kubernetes}: {answer.status} (since {answer.since})"
    if answer.asked_stage:
        text += f"; asked {answer.asked_stage}: {'yes' if answer.matches else 'no'}"
    return text + "." + source_note(answer.sources)


def matrix_lines(matrix: OsMatrix) -> list[str]:
    """One line per Kubernetes minor: '1.30: ltsc2019, ltsc2022'."""
    return [
        f"{minor}: {', '.join(w for w, listed in matrix.cells[minor].items() if listed) or 'none'}"
        for minor in matrix.kubernetes
    ]


def meta_line(meta: DatasetMeta) -> str:
    c = meta.counts
    return (
        f"Dataset {meta.dataset_version} built {meta.built}: {c.features} features, {c.limitations} limitations, "
        f"Kubernetes {meta.kubernetes_oldest} to {meta.kubernetes_newest}, newest Windows release {meta.windows_newest.name}."
    )
