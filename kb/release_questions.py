"""Release questions: Windows Server and Kubernetes release facts, Windows support per release, node stage.

Registered after :mod:`kb.support_questions`; see :mod:`kb.questions` for how kinds work.
"""

from __future__ import annotations

from datetime import date

from kb import support_questions  # noqa: F401 - support kinds register first and take precedence
from kb.errors import QuestionNotAnswered
from kb.history import is_usable
from kb.interpret import Reading
from kb.questions import (
    LIFECYCLE_WORDS,
    STAGES,
    Answered,
    Context,
    asked_stage,
    names_only,
    question_kind,
    source_note,
)
from kb.releases import kubernetes_view, windows_ref, windows_view


def _windows_subject(reading: Reading) -> str | None:
    if reading.has("build", "builds", "number"):
        return "build"
    if reading.has("tag", "tags", "image", "images"):
        return "image-tags"
    if reading.has(*LIFECYCLE_WORDS):
        return "end-of-support"
    if reading.has("released", "ga", "when", "release date", "available"):
        return "release-date"
    return None


def _claims_windows_release(reading: Reading) -> bool:
    if len(reading.windows) != 1 or not names_only(reading, "windows"):
        return False
    return _windows_subject(reading) is not None or not reading.has("support", "supported", "supports")


@question_kind("windows-release", _claims_windows_release, {"windows"})
def _windows_release(ctx: Context) -> Answered:
    view = windows_view(ctx.catalog, ctx.reading.windows[0].release, ctx.today)
    subject = _windows_subject(ctx.reading) or "release"
    answer = view.model_dump(mode="json")
    name = view.name
    if subject == "build":
        text = f"{name} is build {view.build} (version {view.version}, {view.channel})."
    elif subject == "image-tags":
        tags = ", ".join(t.image for t in view.image_tags) or "none recorded"
        text = f"{name} image tags: {tags}."
    elif subject == "release-date":
        text = f"{name} became generally available on {view.ga}."
    else:
        text = f"{name}: {_lifecycle(view.mainstream_end, view.extended_end, view.is_supported, ctx.today)}"
        if subject == "end-of-support":
            answer["supported"] = view.is_supported
        else:
            nodes = (
                f"a node OS on Kubernetes {view.kubernetes[0]} to {view.kubernetes[-1]}"
                if view.kubernetes
                else "not listed as a node OS by any Kubernetes release"
            )
            text = f"{name}: build {view.build}, GA {view.ga}; {nodes}; {text.split(': ', 1)[1]}"
    return Answered(answer, text + source_note(view.sources), subject=subject)


def _lifecycle(mainstream: date | None, extended: date | None, supported: bool | None, today: date) -> str:
    parts = []
    if mainstream:
        parts.append(f"mainstream support {'ended' if mainstream < today else 'until'} {mainstream}")
    if extended:
        parts.append(f"extended support {'ended' if extended < today else 'until'} {extended}")
    state = {
        True: "supported by Microsoft",
        False: "no longer supported by Microsoft",
        None: "end of support not recorded",
    }
    return ", ".join([*parts, state[supported]]) + "."


@question_kind(
    "windows-support",
    lambda r: len(r.windows) == 1 and names_only(r, "windows", "kubernetes"),
    {"windows", "kubernetes"},
    True,
)
def _windows_support(ctx: Context) -> Answered:
    assert ctx.minor is not None
    release = ctx.reading.windows[0].release
    support = ctx.catalog.os_support.get(ctx.minor)
    stage = ctx.catalog.kubernetes[ctx.minor].windows_stage
    listed = None if support is None else release.id in support.windows
    supported_names = [ctx.catalog.windows[w].name for w in support.windows] if support else []
    sources = [s.url for s in support.sources] if support else []
    answer = {
        "kubernetes": str(ctx.minor),
        "windows": windows_ref(release).model_dump(),
        "status": stage if listed else ("not-supported" if listed is False else None),
        "supported": listed,
        "windows_stage": stage,
        "supported_windows": [windows_ref(ctx.catalog.windows[w]).model_dump() for w in support.windows]
        if support
        else [],
        "notes": support.notes if support else [],
        "sources": sources,
    }
    if listed is None:
        verdict = "no record of the supported Windows releases"
    else:
        verdict = f"{'supported' if listed else 'not supported'} as a node OS (supported: {', '.join(supported_names)})"
    return Answered(
        answer, f"{release.name} on Kubernetes {ctx.minor}: {verdict}." + source_note(sources), subject="node-os"
    )


def _kubernetes_subject(reading: Reading) -> str | None:
    if reading.has(*LIFECYCLE_WORDS) or reading.has("still supported", "supported until"):
        return "end-of-life"
    if reading.has("patch", "patches"):
        return "latest-patch"
    if reading.has("released", "when", "release date", "date"):
        return "release-date"
    return None


def _claims_kubernetes_release(reading: Reading) -> bool:
    if len(reading.kubernetes) != 1 or not names_only(reading, "kubernetes"):
        return False
    stage_like = asked_stage(reading) or reading.has("windows", "stage")
    return _kubernetes_subject(reading) is not None or not stage_like


@question_kind("kubernetes-release", _claims_kubernetes_release, {"kubernetes"})
def _kubernetes_release(ctx: Context) -> Answered:
    assert ctx.minor is not None
    view = kubernetes_view(ctx.catalog, ctx.minor, ctx.today)
    subject = _kubernetes_subject(ctx.reading) or "release"
    answer = view.model_dump(mode="json")
    maintained = {True: "still maintained", False: "no longer maintained", None: "maintenance not recorded"}[
        view.is_maintained
    ]
    eol = f"end of life {view.end_of_life}" if view.end_of_life else "end of life not recorded"
    name = f"Kubernetes {view.version}"
    if subject == "release-date":
        text = f"{name} was released on {view.released}." if view.released else f"{name}: release date not recorded."
    elif subject == "latest-patch":
        text = f"{name}: latest patch {view.latest_patch} ({view.latest_patch_date})."
    else:
        text = f"{name}: {eol}, {maintained}."
        if subject == "end-of-life":
            answer["supported"] = view.is_maintained
        else:
            windows = ", ".join(w.name for w in view.windows) or "none recorded"
            text = f"{name}: released {view.released}, {eol} ({maintained}); Windows nodes {view.windows_stage}; Windows: {windows}."
    return Answered(answer, text + source_note(view.sources), subject=subject)


def _claims_node_stage(reading: Reading) -> bool:
    return (
        len(reading.kubernetes) <= 1
        and names_only(reading, "kubernetes")
        and bool(asked_stage(reading) or reading.has("windows"))
    )


@question_kind("node-stage", _claims_node_stage, {"kubernetes"})
def _node_stage(ctx: Context) -> Answered:
    asked = asked_stage(ctx.reading)
    releases = sorted(ctx.catalog.kubernetes.items())
    if ctx.minor is None and asked:
        first = next(((m, r) for m, r in releases if r.windows_stage == asked), None)
        if first is None:
            raise QuestionNotAnswered(f"Windows node support is never {asked} in the data.", list(STAGES), {})
        minor, release = first
        text = f"Windows node support became {asked} in Kubernetes {minor}."
    else:
        minor = ctx.minor or max(ctx.catalog.kubernetes)
        release = ctx.catalog.kubernetes[minor]
        since = next(m for m, r in releases if r.windows_stage == release.windows_stage)
        text = f"Windows node support on Kubernetes {minor}: {release.windows_stage} (since {since})"
        text += f"; asked {asked}: {'yes' if asked == release.windows_stage else 'no'}." if asked else "."
    answer = {
        "kubernetes": str(minor),
        "windows_stage": release.windows_stage,
        "status": release.windows_stage,
        "supported": is_usable(release.windows_stage),
        "asked_stage": asked,
        "matches": asked == release.windows_stage if asked else None,
        "sources": [s.url for s in release.sources],
    }
    return Answered(
        answer,
        text + source_note(answer["sources"]),
        subject="stage",
        stage=asked,
        kubernetes=str(minor),
        kubernetes_defaulted=ctx.minor is None and not asked,
    )
