"""The kinds of question a free-text question can be: each is one function and one registration.

A kind says when it applies (``claims``, over what :mod:`kb.interpret` read), which entities it can
use, and answers with the engine's own functions (kb.query, kb.releases, kb.compat, kb.diff). The
first registered kind that claims a question answers it, so more specific kinds register first.
To add a kind, write ``def _answer(ctx: Context) -> Answered`` and decorate it with
:func:`question_kind`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from kb.answers import RequirementResult
from kb.catalog import Catalog
from kb.compat import image_compat
from kb.diff import diff
from kb.errors import QuestionNotAnswered
from kb.history import is_usable, status_label, step_at
from kb.interpret import Reading, WindowsMention
from kb.query import answer_support, requirement_met, requirement_text
from kb.releases import kubernetes_view, windows_ref, windows_view
from kb.render import support_line
from kb.versions import KubernetesMinor

STAGES = ("alpha", "beta", "stable")
LIFECYCLE_WORDS = ("eol", "end of life", "end-of-life", "maintained", "maintenance", "lifecycle", "until", "expire")
LIFECYCLE_WORDS += ("expires", "expired", "still", "end of support", "mainstream", "extended")


@dataclass(frozen=True)
class Context:
    """What an answer function is given: the catalog, what was read, today, and the minor to answer for."""

    catalog: Catalog
    reading: Reading
    today: date
    minor: KubernetesMinor | None


@dataclass(frozen=True)
class Answered:
    """An answer (JSON-ready), its one line, and what the kind found the question to be about."""

    answer: dict[str, Any]
    text: str
    subject: str | None = None
    stage: str | None = None
    kubernetes: str | None = None
    kubernetes_defaulted: bool = False


@dataclass(frozen=True)
class QuestionKind:
    name: str
    claims: Callable[[Reading], bool]
    answer: Callable[[Context], Answered]
    uses: frozenset[str]
    default_kubernetes: bool


KINDS: list[QuestionKind] = []


def question_kind(
    name: str, claims: Callable[[Reading], bool], uses: set[str], default_kubernetes: bool = False
) -> Callable[[Callable[[Context], Answered]], Callable[[Context], Answered]]:
    """Register an answer function as a kind of question. ``uses`` names the entities it can take:
    feature, kubernetes, kubernetes-range, windows, windows-pair, runtime; ``default_kubernetes``
    answers for the newest minor when the question gives none."""

    def register(answer: Callable[[Context], Answered]) -> Callable[[Context], Answered]:
        KINDS.append(QuestionKind(name, claims, answer, frozenset(uses), default_kubernetes))
        return answer

    return register


def choose_kind(reading: Reading) -> QuestionKind | None:
    """The first registered kind that claims the question."""
    return next((kind for kind in KINDS if kind.claims(reading)), None)


def _only(reading: Reading, *allowed: str) -> bool:
    """Does the question name no entity outside ``allowed``?"""
    present = {
        "feature": bool(reading.features),
        "kubernetes": bool(reading.kubernetes),
        "windows": bool(reading.windows),
        "runtime": reading.runtime is not None,
    }
    return not any(there and name not in allowed for name, there in present.items())


def _source(sources: list[str]) -> str:
    return f" Source: {sources[0]}" if sources else ""


def _asked_stage(reading: Reading) -> str | None:
    if reading.has("ga", "general availability"):
        return "stable"
    return next((stage for stage in STAGES if stage in reading.words), None)


@question_kind(
    "upgrade",
    lambda r: r.has("upgrade", "upgrading", "upgrades", "upgraded"),
    {"kubernetes-range", "windows", "runtime"},
)
def _upgrade(ctx: Context) -> Answered:
    """Routed to ``kb.upgrade.upgrade_plan(catalog, from_version, to_version, windows=, runtime=)`` when it exists."""
    try:
        upgrade = importlib.import_module("kb.upgrade")
    except ModuleNotFoundError:
        upgrade = None
    plan_of = getattr(upgrade, "upgrade_plan", None)
    if plan_of is None:
        raise QuestionNotAnswered(
            "Upgrade plans are not available in this version of the knowledge base.", [], {}, code="not_available"
        )
    versions = [str(minor) for _, minor in ctx.reading.kubernetes]
    if len(versions) != 2:
        raise QuestionNotAnswered(
            "An upgrade question needs two Kubernetes versions, e.g. 'upgrade 1.23 to 1.27'.",
            ["check upgrade 1.23 to 1.27 ws2019"],
            {},
        )
    windows = ctx.reading.windows[0].release.id if ctx.reading.windows else None
    runtime = str(ctx.reading.runtime[1]) if ctx.reading.runtime else None
    plan = plan_of(ctx.catalog, versions[0], versions[1], windows=windows, runtime=runtime)
    line = getattr(upgrade, "upgrade_line", None)
    text = line(plan) if line else f"Upgrade plan from Kubernetes {versions[0]} to {versions[1]}."
    return Answered(plan.model_dump(mode="json", by_alias=True), text)


def _claims_changes(reading: Reading) -> bool:
    words = ("changed", "changes", "change", "changelog", "diff", "difference", "differences", "what's new", "new in")
    return reading.has(*words) and bool(reading.kubernetes) and _only(reading, "kubernetes")


@question_kind("changes", _claims_changes, {"kubernetes-range"})
def _changes(ctx: Context) -> Answered:
    versions = [minor for _, minor in ctx.reading.kubernetes]
    if len(versions) == 2:
        result = diff(ctx.catalog, str(versions[0]), str(versions[1]))
        changes, span = result.changes, f"from Kubernetes {versions[0]} to {versions[1]}"
        answer = result.model_dump(mode="json", by_alias=True)
    else:
        changes, span = kubernetes_view(ctx.catalog, versions[0], ctx.today).changes, f"in Kubernetes {versions[0]}"
        answer = {"kubernetes": str(versions[0]), "changes": [c.model_dump(mode="json") for c in changes]}
    listed = "; ".join(c.text.split(". ")[0] for c in changes[:3])
    more = f" (and {len(changes) - 3} more)" if len(changes) > 3 else ""
    text = f"{len(changes)} change(s) for Windows nodes {span}" + (f": {listed}{more}." if changes else ".")
    return Answered(answer, text + _source([s for c in changes for s in c.sources]), subject="changes")


def image_pair(reading: Reading) -> tuple[WindowsMention, WindowsMention]:
    """(host, image) from roles ('an ltsc2022 image', 'a 23H2 host'), else 'IMAGE on HOST' word order."""
    first, second = reading.windows
    if first.role == "host" or second.role == "image":
        return first, second
    return second, first


@question_kind("image-compat", lambda r: len(r.windows) == 2 and _only(r, "windows"), {"windows-pair"})
def _image_compat(ctx: Context) -> Answered:
    host, image = image_pair(ctx.reading)
    if host.role == image.role and host.role is not None:
        raise QuestionNotAnswered(
            f"Both Windows releases were read as the {host.role}; name one image and one host.",
            ["will an ltsc2019 image run on a ws2022 host?"],
            {},
        )
    result = image_compat(ctx.catalog, host.release.id, image.release.id, ctx.reading.isolation)
    verdict = "runs" if result.supported else "does not run"
    fix = f" Fix: {result.fix}" if result.fix else ""
    text = f"A {result.image.name} image on a {result.host.name} host: {verdict} in Kubernetes. {result.reason}{fix}"
    return Answered(result.model_dump(mode="json"), text + _source(result.sources), subject="image-compat")


@question_kind("feature-support", lambda r: len(r.features) == 1, {"feature", "kubernetes", "windows", "runtime"}, True)
def _feature_support(ctx: Context) -> Answered:
    assert ctx.minor is not None
    reading = ctx.reading
    windows = reading.windows[0].release if reading.windows else None
    runtime = reading.runtime[1] if reading.runtime else None
    answer = answer_support(ctx.catalog, reading.features[0][1], ctx.minor, windows, runtime)
    return Answered(answer.model_dump(mode="json"), support_line(answer))


@question_kind(
    "runtime-support",
    lambda r: r.runtime is not None and _only(r, "runtime", "kubernetes"),
    {"runtime", "kubernetes"},
    True,
)
def _runtime_support(ctx: Context) -> Answered:
    assert ctx.minor is not None and ctx.reading.runtime is not None
    spec = ctx.reading.runtime[1]
    runtime = ctx.catalog.runtimes[spec.name]
    step = step_at(runtime.history, ctx.minor)
    requirements = [
        RequirementResult(text=requirement_text(ctx.catalog, r), met=requirement_met(ctx.catalog, r, None, spec))
        for r in (step.requirements if step else [])
    ]
    status = step.status if step else "not-supported"
    supported = bool(step and is_usable(step.status)) and not any(r.met is False for r in requirements)
    sources = [s.url for s in (step.sources if step else runtime.sources)]
    answer = {
        "runtime": str(spec),
        "runtime_id": runtime.id,
        "name": runtime.name,
        "kubernetes": str(ctx.minor),
        "status": status,
        "supported": supported,
        "since": step.since if step else None,
        "reason": step.reason if step else None,
        "requirements": [r.model_dump() for r in requirements],
        "notes": [step.note] if step and step.note else [],
        "sources": sources,
    }
    details = [f"since {step.since}"] if step else [f"first recorded in {runtime.history[0].since}"]
    details += [f"{'meets' if r.met else 'fails' if r.met is False else 'needs'} {r.text}" for r in requirements]
    verdict = "supported" if supported else "not supported"
    text = f"{spec} on Kubernetes {ctx.minor}: {status_label(status)}, {verdict} ({', '.join(details)})."
    return Answered(answer, text + _source(sources), subject="runtime")


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
    if len(reading.windows) != 1 or not _only(reading, "windows"):
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
    return Answered(answer, text + _source(view.sources), subject=subject)


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
    lambda r: len(r.windows) == 1 and _only(r, "windows", "kubernetes"),
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
        answer, f"{release.name} on Kubernetes {ctx.minor}: {verdict}." + _source(sources), subject="node-os"
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
    if len(reading.kubernetes) != 1 or not _only(reading, "kubernetes"):
        return False
    stage_like = _asked_stage(reading) or reading.has("windows", "stage")
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
    return Answered(answer, text + _source(view.sources), subject=subject)


def _claims_node_stage(reading: Reading) -> bool:
    return (
        len(reading.kubernetes) <= 1
        and _only(reading, "kubernetes")
        and bool(_asked_stage(reading) or reading.has("windows"))
    )


@question_kind("node-stage", _claims_node_stage, {"kubernetes"})
def _node_stage(ctx: Context) -> Answered:
    asked = _asked_stage(ctx.reading)
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
        text + _source(answer["sources"]),
        subject="stage",
        stage=asked,
        kubernetes=str(minor),
        kubernetes_defaulted=ctx.minor is None and not asked,
    )
