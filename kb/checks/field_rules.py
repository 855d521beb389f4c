"""Data-driven field rules: every ``Feature.fields`` path, judged at one Kubernetes minor.

How a field is judged (the one place for this rule):

- ``rejected``: the API server refuses it for pods with ``spec.os.name: windows`` once the
  Pod OS field is enforced at that minor (the feature that owns ``spec.os.name`` is usable
  and on by default). From that minor it is an error on every Windows pod, with or without
  ``spec.os.name``: a pod that leaves the field out only escapes the check (the missing field
  is flagged on its own), and the node cannot honour the field (``runAsUser`` leaves the pod in
  ContainerCreating). Before that minor nothing in Kubernetes refuses it: a warning.
- ``ignored``: the Windows kubelet drops it. Warning, unless the feature is usable and on
  by default at that minor (the limitation was lifted); gated: warning naming the gate.
- ``different``: works with different behaviour on Windows. Info while the feature is usable
  and on by default (the field works, with the differences the note gives); a warning otherwise.
- ``supported``: fine where the feature is usable and on by default; otherwise a warning that
  it is not available yet (or any more) or needs its feature gate.
"""

from __future__ import annotations

from dataclasses import dataclass

from kb.answers import FeatureRef
from kb.catalog import Catalog
from kb.checks.fields import FieldPath
from kb.checks.findings import Severity
from kb.history import is_usable, status_label, step_at
from kb.models import Feature, PodField, Step
from kb.versions import KubernetesMinor, parse_kubernetes

POD_OS_PATH = "spec.os.name"
POD_OS_FEATURE = "pod-os-field"
"""The feature behind ``spec.os.name``: found by its field path, else by this id."""


@dataclass(frozen=True)
class FieldRule:
    """A data field path and the feature that says what Windows does with it."""

    feature: Feature
    field: PodField
    path: FieldPath


@dataclass(frozen=True)
class Verdict:
    severity: Severity
    code: str
    message: str
    action: str
    sources: list[str]


def field_rules(catalog: Catalog) -> list[FieldRule]:
    """Every field path in the data, in feature order."""
    return [
        FieldRule(feature, field, FieldPath.parse(field.path))
        for feature in catalog.features.values()
        for field in feature.fields
    ]


def feature_with_path(catalog: Catalog, path: str, fallback_id: str) -> Feature | None:
    """The feature whose fields include ``path``, else the feature ``fallback_id``, else None."""
    for feature in catalog.features.values():
        if any(f.path == path for f in feature.fields):
            return feature
    return catalog.features.get(fallback_id)


def _enabled(step: Step | None) -> bool:
    return step is not None and is_usable(step.status) and step.enabled_by_default is not False


def rejection_enforced(catalog: Catalog, minor: KubernetesMinor) -> bool:
    """Does the API server check Windows pods' fields at ``minor`` (Pod OS field usable and on)?"""
    feature = feature_with_path(catalog, POD_OS_PATH, POD_OS_FEATURE)
    return feature is not None and _enabled(step_at(feature.history, minor))


def first_usable(feature: Feature, after: KubernetesMinor | None = None) -> str | None:
    """The first minor (after ``after``) where the feature is usable, or None."""
    for step in feature.history:
        if is_usable(step.status) and (after is None or parse_kubernetes(step.since) > after):
            return step.since
    return None


def judge(rule: FieldRule, minor: KubernetesMinor, declares_windows: bool, enforced: bool) -> Verdict | None:
    """What a set field means on a Windows node at ``minor``; None when it is fine there (or not there yet)."""
    feature, field = rule.feature, rule.field
    if field.since and minor < parse_kubernetes(field.since):
        return None  # the field does not exist yet at that minor: nothing Windows-specific to say
    step = step_at(feature.history, minor)
    status = status_label(step.status, step.partial) if step else "not recorded"
    sources = [s.url for s in (step.sources if step else feature.sources)][:2]
    gate = feature.feature_gates[0] if feature.feature_gates else None
    gated = step is not None and is_usable(step.status) and step.enabled_by_default is False
    at = f"on Kubernetes {minor} ({feature.name}: {status})"
    if field.on_windows == "rejected":
        return _rejected(field, at, declares_windows, enforced, sources)
    if field.on_windows == "different":
        return Verdict(
            "info" if _enabled(step) else "warning",
            "field-different",
            f"This field behaves differently on Windows {at}.",
            field.note or "Check the Windows behaviour before relying on it.",
            sources,
        )
    if _enabled(step):
        return None
    if gated:
        return Verdict(
            "warning",
            "field-gated",
            f"This field only works with the {gate or 'feature'} gate turned on {at}.",
            f"Turn on the {gate} feature gate, or remove the field." if gate else "Remove the field.",
            sources,
        )
    if field.on_windows == "ignored":
        return Verdict(
            "warning",
            "field-ignored",
            f"Windows nodes ignore this field {at}.",
            field.note or "Remove the field from the Windows pod spec.",
            sources,
        )
    later = first_usable(feature, minor)
    return Verdict(
        "warning",
        "field-unavailable",
        f"This field is not available for Windows pods {at}.",
        f"Needs Kubernetes {later} or newer." if later else (field.note or "Remove the field."),
        sources,
    )


def _rejected(field: PodField, at: str, declares_windows: bool, enforced: bool, sources: list[str]) -> Verdict:
    """A field the API server refuses for Windows pods: an error wherever that refusal is in force."""
    action = field.note or "Remove the field from the Windows pod spec."
    if not enforced:
        message = (
            f"Windows cannot honour this field {at}; the API server refuses it for Windows pods "
            "from the version where the Pod OS field is on."
        )
        return Verdict("warning", "field-unsupported", message, action, sources)
    if declares_windows:
        return Verdict(
            "error", "field-rejected", f"The API server rejects this field for Windows pods {at}.", action, sources
        )
    message = (
        f"Windows pods may not set this field {at}: without spec.os.name the API server does not check it, "
        "but it refuses it once the pod declares windows, and a Windows node cannot honour it."
    )
    return Verdict("error", "field-rejected", message, action, sources)


def feature_ref(feature: Feature) -> FeatureRef:
    return FeatureRef(id=feature.id, name=feature.name)
