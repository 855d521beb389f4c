"""What changed for Windows between two Kubernetes minors: features, Windows releases, runtimes, node stage."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kb.catalog import Catalog
from kb.errors import InvalidInput
from kb.history import is_usable, status_label, step_at
from kb.i18n import Lang, say
from kb.models import Feature, Step
from kb.node_os import listed
from kb.query import resolve_minor
from kb.versions import KubernetesMinor, minors_between

ChangeKind = Literal[
    "feature-added",
    "feature-graduated",
    "feature-deprecated",
    "feature-removed",
    "limitation-lifted",
    "limitation-added",
    "status-changed",
    "windows-added",
    "windows-dropped",
    "runtime-changed",
    "node-stage-changed",
]

_RANK = {"not-supported": 0, "removed": 0, "alpha": 1, "beta": 2, "stable": 3, "deprecated": 3}


class Subject(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    type: Literal["feature", "windows", "runtime", "kubernetes"]


class Change(BaseModel):
    """One change for Windows nodes in one Kubernetes minor."""

    model_config = ConfigDict(frozen=True)

    kubernetes: str
    kind: ChangeKind
    subject: Subject
    from_status: str | None
    to_status: str | None
    text: str
    action: str | None = Field(description="What an operator should do, where something is needed.")
    sources: list[str]


class ReleaseDiff(BaseModel):
    """What changed for Windows nodes after one minor up to and including another."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)

    kind: Literal["changes"] = "changes"
    from_: str = Field(alias="from")
    to: str
    changes: list[Change]


def classify(feature: Feature, before: Step | None, after: Step) -> ChangeKind:
    """Name the change from ``before`` (None: no record yet) to ``after`` for a feature."""
    old = before.status if before else "not-supported"
    new = after.status
    if new == "removed":
        return "feature-removed"
    if new == "deprecated":
        return "feature-deprecated"
    if not is_usable(old) and is_usable(new):
        return "limitation-lifted" if feature.kind == "limitation" else "feature-added"
    if is_usable(old) and new == "not-supported":
        return "limitation-added"
    if new == "not-supported" and before is None:
        return "limitation-added"
    if _RANK[new] > _RANK[old]:
        return "feature-graduated"
    return "status-changed"


def _action(feature: Feature, kind: ChangeKind, step: Step, lang: Lang) -> str | None:
    gate = feature.feature_gates[0] if feature.feature_gates else None
    if kind == "feature-removed":
        return say(lang, "stop-relying", name=feature.name, minor=step.since)
    if kind == "feature-deprecated":
        return say(lang, "plan-move-off", name=feature.name, minor=step.since)
    if kind == "limitation-added":
        return say(lang, "check-workloads", name=feature.name)
    if step.enabled_by_default is False and gate and is_usable(step.status):
        return say(lang, "turn-on-gate", gate=gate)
    return None


def feature_changes(feature: Feature, minor: KubernetesMinor, lang: Lang = "en") -> list[Change]:
    """The change a feature's history records exactly at ``minor`` (status or default), if any."""
    step = next((s for s in feature.history if s.since == str(minor)), None)
    if step is None:
        return []
    index = feature.history.index(step)
    before = feature.history[index - 1] if index else None
    same_status = before is not None and before.status == step.status and before.partial == step.partial
    if same_status and before.enabled_by_default == step.enabled_by_default:
        return []
    kind = classify(feature, before, step)
    if same_status:
        kind = "status-changed"
    elif before is not None and before.status == step.status and before.partial and not step.partial:
        kind = "limitation-lifted"
    old = status_label(before.status, before.partial, lang) if before else say(lang, "no-record")
    text = say(lang, "change", name=feature.name, old=old, new=status_label(step.status, step.partial, lang))
    if same_status:
        state = say(lang, "on" if step.enabled_by_default else "off")
        text = say(lang, "default-changed", name=feature.name, status=status_label(step.status, lang=lang), state=state)
    if step.note:
        text += f"。{step.note}" if lang == "zh" else f". {step.note}"
    return [
        Change(
            kubernetes=str(minor),
            kind=kind,
            subject=Subject(id=feature.id, name=feature.name, type="feature"),
            from_status=before.status if before else None,
            to_status=step.status,
            text=text,
            action=_action(feature, kind, step, lang),
            sources=[s.url for s in step.sources],
        )
    ]


def windows_changes(catalog: Catalog, previous: KubernetesMinor, minor: KubernetesMinor) -> list[Change]:
    """Windows releases that became or stopped being supported node OSes at ``minor``."""
    support = catalog.os_support.get(minor)
    if support is None or previous not in catalog.os_support:
        return []
    sources = [s.url for s in support.sources]
    changes = []
    for windows_id in catalog.windows:
        before, after = listed(catalog, previous, windows_id), listed(catalog, minor, windows_id)
        name = catalog.windows[windows_id].name
        if after and not before:
            kind, action = "windows-added", None
        elif before and not after:
            kind = "windows-dropped"
            action = say(catalog.lang, "move-nodes-off", name=name, minor=minor)
        else:
            continue
        changes.append(
            Change(
                kubernetes=str(minor),
                kind=kind,
                subject=Subject(id=windows_id, name=name, type="windows"),
                from_status=None,
                to_status=None,
                text=say(catalog.lang, kind, name=name),
                action=action,
                sources=sources,
            )
        )
    return changes


def runtime_changes(catalog: Catalog, previous: KubernetesMinor, minor: KubernetesMinor) -> list[Change]:
    """Runtime steps recorded exactly at ``minor``."""
    changes = []
    for runtime in catalog.runtimes.values():
        step = next((s for s in runtime.history if s.since == str(minor)), None)
        if step is None:
            continue
        before = step_at(runtime.history, previous)
        action = None
        lang = catalog.lang
        if not is_usable(step.status):
            action = say(lang, "move-runtime-off", name=runtime.name, minor=minor)
        elif step.status == "deprecated":
            action = say(lang, "plan-runtime-off", name=runtime.name)
        old = status_label(before.status, lang=lang) if before else say(lang, "no-record")
        text = say(lang, "change", name=runtime.name, old=old, new=status_label(step.status, lang=lang))
        if step.note:
            text += f"。{step.note}" if lang == "zh" else f". {step.note}"
        changes.append(
            Change(
                kubernetes=str(minor),
                kind="runtime-changed",
                subject=Subject(id=runtime.id, name=runtime.name, type="runtime"),
                from_status=before.status if before else None,
                to_status=step.status,
                text=text,
                action=action,
                sources=[s.url for s in step.sources],
            )
        )
    return changes


def stage_change(catalog: Catalog, previous: KubernetesMinor, minor: KubernetesMinor) -> list[Change]:
    """The Windows node support stage, when it moved at ``minor``."""
    old, new = catalog.kubernetes.get(previous), catalog.kubernetes[minor]
    if old is None or old.windows_stage == new.windows_stage:
        return []
    return [
        Change(
            kubernetes=str(minor),
            kind="node-stage-changed",
            subject=Subject(id=str(minor), name=say(catalog.lang, "nodes-in", minor=minor), type="kubernetes"),
            from_status=old.windows_stage,
            to_status=new.windows_stage,
            text=say(
                catalog.lang,
                "node-stage-change",
                old=status_label(old.windows_stage, lang=catalog.lang),
                new=status_label(new.windows_stage, lang=catalog.lang),
            ),
            action=None,
            sources=[s.url for s in new.sources],
        )
    ]


def changes_at(catalog: Catalog, minor: KubernetesMinor) -> list[Change]:
    """Everything that changed for Windows in ``minor`` compared with the known minor before it."""
    earlier = [m for m in catalog.minors if m < minor]
    if not earlier:
        return []
    previous = earlier[-1]
    changes = stage_change(catalog, previous, minor)
    changes += windows_changes(catalog, previous, minor)
    changes += runtime_changes(catalog, previous, minor)
    for feature in catalog.features.values():
        changes += feature_changes(feature, minor, catalog.lang)
    return changes


def diff(catalog: Catalog, from_version: str, to_version: str) -> ReleaseDiff:
    """What changed for Windows after ``from_version`` up to and including ``to_version``, oldest first."""
    start = resolve_minor(catalog, from_version)
    end = resolve_minor(catalog, to_version)
    if start > end:
        raise InvalidInput(f"'from' ({start}) is newer than 'to' ({end}); swap them.", [f"from={end}&to={start}"])
    changes = []
    for minor in minors_between(start, end, catalog.minors):
        if minor != start:
            changes += changes_at(catalog, minor)
    return ReleaseDiff(**{"from": str(start), "to": str(end), "changes": changes})
