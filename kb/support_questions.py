"""Support questions: features, runtimes, image compatibility, what changed, and upgrades (routed to kb.upgrade).

Registered in this order, before :mod:`kb.release_questions`; see :mod:`kb.questions` for how kinds work.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from kb.answers import RequirementResult, SupportAnswer
from kb.compat import image_compat
from kb.diff import diff
from kb.errors import QuestionNotAnswered
from kb.history import is_usable, status_label, step_at
from kb.interpret import Reading, WindowsMention
from kb.models import Feature
from kb.query import answer_support, requirement_met, requirement_text
from kb.questions import Answered, Context, asked_stage, names_only, question_kind, source_note
from kb.releases import kubernetes_view
from kb.render import support_line
from kb.versions import KubernetesMinor, parse_kubernetes


@question_kind(
    "upgrade",
    lambda r: r.has("upgrade", "upgrading", "upgrades", "upgraded"),
    {"kubernetes-range", "windows", "runtime"},
)
def _upgrade(ctx: Context) -> Answered:
    """Routed to the operator tools' ``kb.upgrade.plan(catalog, from_version, to_version, windows=, runtime=)``
    and ``kb.render.upgrade_line(plan)``; a 422 ``not_available`` while ``kb.upgrade`` does not exist."""
    plan_of = getattr(_optional_module("kb.upgrade"), "plan", None)
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
    line = getattr(_optional_module("kb.render"), "upgrade_line", None)
    text = line(plan) if line else f"Upgrade plan from Kubernetes {versions[0]} to {versions[1]}."
    return Answered(plan.model_dump(mode="json", by_alias=True), text, subject="upgrade")


def _optional_module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError:
        return None


def _claims_changes(reading: Reading) -> bool:
    words = ("changed", "changes", "change", "changelog", "diff", "difference", "differences", "what's new", "new in")
    return reading.has(*words) and bool(reading.kubernetes) and names_only(reading, "kubernetes")


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
    return Answered(answer, text + source_note([s for c in changes for s in c.sources]), subject="changes")


def image_pair(reading: Reading) -> tuple[WindowsMention, WindowsMention]:
    """(host, image) from roles ('an ltsc2022 image', 'a 23H2 host'), else 'IMAGE on HOST' word order."""
    first, second = reading.windows
    if first.role == "host" or second.role == "image":
        return first, second
    return second, first


@question_kind(
    "image-compat",
    lambda r: len(r.windows) == 2 and names_only(r, "windows", "kubernetes"),
    {"windows-pair", "kubernetes"},
)
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
    return Answered(result.model_dump(mode="json"), text + source_note(result.sources), subject="image-compat")


def _asked_status(reading: Reading) -> str | None:
    """The status a 'when did ... become/get ...' question asks about."""
    return asked_stage(reading) or next((s for s in ("deprecated", "removed") if s in reading.words), None)


def _claims_feature_stage(reading: Reading) -> bool:
    asks_when = reading.has("when", "since", "which version", "what version")
    return len(reading.features) == 1 and not reading.kubernetes and asks_when and _asked_status(reading) is not None


@question_kind("feature-stage", _claims_feature_stage, {"feature", "windows", "runtime"})
def _feature_stage(ctx: Context) -> Answered:
    """'when did hostprocess become stable' -> the first minor with that status, and the support answer there."""
    reading = ctx.reading
    feature = reading.features[0][1]
    status = _asked_status(reading)
    step = next((s for s in feature.history if s.status == status), None)
    if step is None:
        states = ", ".join(f"{s.status} from {s.since}" for s in feature.history)
        raise QuestionNotAnswered(
            f"{feature.name} is never {status} in the data ({states}).", [], {}, not_found=True, code="no_such_status"
        )
    answer = _answer_for_the_node(ctx, feature, parse_kubernetes(step.since))
    verb = "was" if status in ("deprecated", "removed") else "became"
    text = f"{feature.name} {verb} {status_label(status)} in Kubernetes {step.since}. {support_line(answer)}"
    return Answered(answer.model_dump(mode="json"), text, subject="status", stage=status, kubernetes=step.since)


def _answer_for_the_node(ctx: Context, feature: Feature, minor: KubernetesMinor) -> SupportAnswer:
    """The support answer for the node the question names: its Windows (with any update level) and runtime."""
    windows = ctx.reading.windows[0] if ctx.reading.windows else None
    runtime = ctx.reading.runtime[1] if ctx.reading.runtime else None
    release, revision = (windows.release, windows.revision) if windows else (None, None)
    return answer_support(ctx.catalog, feature, minor, release, runtime, revision)


@question_kind("feature-support", lambda r: len(r.features) == 1, {"feature", "kubernetes", "windows", "runtime"}, True)
def _feature_support(ctx: Context) -> Answered:
    assert ctx.minor is not None
    reading = ctx.reading
    answer = _answer_for_the_node(ctx, reading.features[0][1], ctx.minor)
    return Answered(answer.model_dump(mode="json"), support_line(answer))


@question_kind(
    "runtime-support",
    lambda r: r.runtime is not None and names_only(r, "runtime", "kubernetes"),
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
    return Answered(answer, text + source_note(sources), subject="runtime")
