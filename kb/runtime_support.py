"""Which container runtimes a Kubernetes minor supports on Windows nodes: the one place for that rule."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kb.answers import Answer, RequirementResult
from kb.catalog import Catalog
from kb.history import State, state_at, status_since
from kb.i18n import say
from kb.models import Reason, Runtime, Status, WindowsRelease
from kb.requirements import requirement_met, requirement_text
from kb.versions import KubernetesMinor, RuntimeSpec


def runtime_state(runtime: Runtime, minor: KubernetesMinor) -> State:
    """The runtime's state at ``minor`` (not-supported before its first record)."""
    return state_at(runtime.history, minor)


class RuntimeSupportAnswer(Answer):
    """Is this runtime (at this version) usable for Windows nodes on this Kubernetes minor?"""

    kind: Literal["runtime-support"] = "runtime-support"
    runtime: str = Field(description="The runtime as asked, with its version when one was given.")
    runtime_id: str
    name: str
    kubernetes: str
    status: Status
    supported: bool = Field(description="Usable on that minor, and no version requirement ruled out.")
    since: str | None = Field(description="The minor where the runtime's current status began.")
    minimum_version: str | None = Field(
        description="The oldest version of this runtime Kubernetes documents for that minor; null when none."
    )
    reason: Reason | None
    requirements: list[RequirementResult]
    notes: list[str]
    sources: list[str]


class RuntimeStatus(Answer):
    id: str
    name: str
    status: Status
    supported: bool
    requirements: list[str]


class RuntimeList(Answer):
    """The runtimes a Kubernetes minor records for Windows nodes, usable or not."""

    kind: Literal["runtimes"] = "runtimes"
    kubernetes: str
    runtimes: list[RuntimeStatus] = Field(description="Every runtime with a record at that minor.")
    supported: list[str] = Field(description="Ids of the runtimes usable on that minor.")
    sources: list[str]


def runtime_support(
    catalog: Catalog,
    spec: RuntimeSpec,
    minor: KubernetesMinor,
    windows: WindowsRelease | None = None,
    windows_revision: int | None = None,
) -> RuntimeSupportAnswer:
    """The runtime ``spec`` on ``minor``: its status, and each version requirement judged against ``spec``."""
    runtime = catalog.runtimes[spec.name]
    state = runtime_state(runtime, minor)
    step = state.step
    requirements = [
        RequirementResult(
            text=requirement_text(catalog, r), met=requirement_met(catalog, r, windows, spec, windows_revision)
        )
        for r in (step.requirements if step else [])
    ]
    notes = [step.note] if step and step.note else []
    if step is None:
        notes.append(say(catalog.lang, "runtime-nothing-recorded", name=runtime.name, since=runtime.history[0].since))
    return RuntimeSupportAnswer(
        runtime=str(spec),
        runtime_id=runtime.id,
        name=runtime.name,
        kubernetes=str(minor),
        status=state.status,
        supported=state.usable and not any(r.met is False for r in requirements),
        since=status_since(runtime.history, minor),
        minimum_version=next(
            (r.runtime_version for r in (step.requirements if step else []) if r.runtime == runtime.id), None
        ),
        reason=step.reason if step else None,
        requirements=requirements,
        notes=notes,
        sources=[s.url for s in (step.sources if step else runtime.sources)],
    )


def runtimes_on(catalog: Catalog, minor: KubernetesMinor) -> RuntimeList:
    """Every runtime recorded at ``minor``, with its status; ``supported`` lists the usable ones."""
    statuses = []
    sources: list[str] = []
    for runtime in catalog.runtimes.values():
        state = runtime_state(runtime, minor)
        if state.step is None:
            continue
        statuses.append(
            RuntimeStatus(
                id=runtime.id,
                name=runtime.name,
                status=state.status,
                supported=state.usable,
                requirements=[requirement_text(catalog, r) for r in state.step.requirements],
            )
        )
        sources += [s.url for s in state.step.sources]
    return RuntimeList(
        kubernetes=str(minor),
        runtimes=statuses,
        supported=[s.id for s in statuses if s.supported],
        sources=list(dict.fromkeys(sources)),
    )
