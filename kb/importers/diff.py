"""Feeds vs ``data/``: the differences as :class:`Change` values, and their readable rendering.

Only some changes are *writable* (``new`` and ``changed``): new Kubernetes releases, dates and
latest patches, and gate stages reached after a feature's newest history step. Everything that
needs a person (a gate stage that contradicts a curated step, a new Windows Server release that
needs image tags and a support decision) is ``review``; a feed value that a data entry already
records as a disagreement is ``known`` and is never written over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from kb.errors import KbError
from kb.history import step_at
from kb.importers.endoflife import Cycle
from kb.importers.feature_gates import Gate
from kb.models import Dataset, Disagreement, Feature, Step
from kb.versions import KubernetesMinor, WindowsIndex, build_number, parse_kubernetes, parse_version_tuple

ChangeKind = Literal["new", "changed", "known", "review"]
SYMBOLS: dict[str, str] = {"new": "+", "changed": "~", "known": "=", "review": "?"}
FIRST_WINDOWS_MINOR = KubernetesMinor(1, 5)
GATE_STATUSES = frozenset({"alpha", "beta", "stable", "deprecated"})

KUBERNETES_FIELDS = (
    ("released", "released"),
    ("maintenance_start", "support_end"),
    ("end_of_life", "eol"),
    ("latest_patch", "latest"),
    ("latest_patch_date", "latest_date"),
)
"""KubernetesRelease field <- Cycle attribute."""

WINDOWS_FIELDS = (("ga", "released"), ("mainstream_end", "support_end"), ("extended_end", "eol"))
"""WindowsRelease field <- Cycle attribute."""


@dataclass(frozen=True)
class Change:
    """One difference between a feed and the data; ``value`` is what ``--write`` puts in place."""

    file: str
    entry: str
    field: str
    kind: ChangeKind
    old: str | None
    new: str
    source: str
    value: Any = None

    @property
    def writable(self) -> bool:
        return self.kind in ("new", "changed")

    def line(self) -> str:
        """The change as one diff line."""
        if self.kind == "new" or self.old is None:
            return f"  {SYMBOLS[self.kind]} {self.entry}  {self.field}: {self.new}"
        return f"  {SYMBOLS[self.kind]} {self.entry}  {self.field}: {self.old} -> {self.new}"


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def recorded_disagreement(disagreements: Iterable[Disagreement], value: object) -> bool:
    """True when a recorded disagreement already names ``value`` (as a whole word) as the other source's value."""
    word = re.compile(rf"(?<![\w.-]){re.escape(str(value))}(?![\w.-])")
    return any(word.search(d.other_value) for d in disagreements)


def _field_changes(
    file: str, entry: str, release: Any, cycle: Any, fields: Sequence[tuple[str, str]], source: str
) -> list[Change]:
    """The changes between a curated release and its feed cycle, over ``fields`` (our field, feed attribute)."""
    found = (
        _field_change(
            file, entry, field, getattr(release, field), getattr(cycle, attribute), release.disagreements, source
        )
        for field, attribute in fields
    )
    return [change for change in found if change]


def _field_change(
    file: str, entry: str, field: str, mine: object, theirs: object, disagreements: list[Disagreement], source: str
) -> Change | None:
    if theirs is None or _text(mine) == _text(theirs):
        return None
    if recorded_disagreement(disagreements, theirs):
        return Change(file, entry, field, "known", _text(mine), f"{theirs} (recorded disagreement; data kept)", source)
    if field == "latest_patch" and mine is not None and _older_patch(str(theirs), str(mine)):
        return Change(file, entry, field, "review", _text(mine), f"{theirs} (feed is behind the data)", source)
    return Change(file, entry, field, "changed", _text(mine), str(theirs), source, theirs)


def _older_patch(theirs: str, mine: str) -> bool:
    try:
        return parse_version_tuple(theirs) < parse_version_tuple(mine)
    except ValueError:
        return False


def compare_kubernetes(dataset: Dataset, cycles: list[Cycle], source: str) -> list[Change]:
    """New Kubernetes minors and changed dates or patches."""
    ours = {r.version: r for r in dataset.kubernetes}
    newest = max(dataset.kubernetes, key=lambda r: parse_kubernetes(r.version))
    covered = {r.kubernetes for r in dataset.os_support}
    changes: list[Change] = []
    for cycle in sorted(cycles, key=lambda c: _minor_or_none(c.name) or FIRST_WINDOWS_MINOR):
        minor = _minor_or_none(cycle.name)
        if minor is None or minor < FIRST_WINDOWS_MINOR:
            continue
        version = str(minor)
        release = ours.get(version)
        if version not in covered and (release or cycle.released):
            changes.append(
                Change("os-support.yaml", version, "windows", "review", None, "no entry: add the OS list", source)
            )
        if release is None:
            if cycle.released is not None:
                changes.append(_new_release(version, cycle, newest.version, newest.windows_stage, source))
            continue
        changes += _field_changes("kubernetes.yaml", version, release, cycle, KUBERNETES_FIELDS, source)
    return changes


def _minor_or_none(name: str) -> KubernetesMinor | None:
    return parse_kubernetes(name) if re.fullmatch(r"\d+\.\d+", name) else None


def _new_release(version: str, cycle: Cycle, previous: str, stage: str, source: str) -> Change:
    entry: dict[str, Any] = {
        "version": version,
        "released": cycle.released,
        "maintenance_start": cycle.support_end,
        "end_of_life": cycle.eol,
        "latest_patch": cycle.latest,
        "latest_patch_date": cycle.latest_date,
        "windows_stage": stage,
        "notes": [f"Added by kb import; windows_stage carried over from {previous}, to be checked."],
        "sources": [source],
        "confidence": "inferred",
    }
    entry = {k: v for k, v in entry.items() if v is not None}
    summary = ", ".join(
        f"{k} {v}" for k, v in entry.items() if isinstance(v, date | str) and k not in ("version", "confidence")
    )
    return Change("kubernetes.yaml", version, "release", "new", None, summary, source, entry)


def windows_key(cycle_name: str) -> str:
    """endoflife.date writes '23h2-ac' and '1809-sac'; our keys put the channel first ('ac23h2')."""
    version, _, channel = cycle_name.partition("-")
    return f"{channel}{version}" if channel in ("ac", "sac") else cycle_name


def compare_windows(dataset: Dataset, cycles: list[Cycle], source: str) -> list[Change]:
    """Changed Windows Server dates; a new release newer than any we hold is reported for curation."""
    index = WindowsIndex.of(dataset.windows)
    releases = {w.id: w for w in dataset.windows}
    newest_build = max(build_number(w.build) for w in dataset.windows)
    changes: list[Change] = []
    for cycle in cycles:
        build = cycle.latest if cycle.latest and re.fullmatch(r"10\.0\.\d{5}", cycle.latest) else None
        try:
            release = releases[index.resolve(windows_key(cycle.name))]
        except KbError:
            if build and build_number(build) > newest_build:
                text = f"new release (build {build}, GA {cycle.released}): curate channel, image tags and support"
                changes.append(Change("windows.yaml", cycle.name, "release", "review", None, text, source))
            continue
        if build and build != release.build:
            changes.append(Change("windows.yaml", release.id, "build", "review", release.build, build, source))
        changes += _field_changes("windows.yaml", release.id, release, cycle, WINDOWS_FIELDS, source)
    return changes


def compare_gates(dataset: Dataset, gates: dict[str, Gate], new_minors: Iterable[str] = ()) -> list[Change]:
    """Gate stages vs each feature's history; stages after the newest step are writable."""
    known = {r.version for r in dataset.kubernetes} | set(new_minors)
    changes: list[Change] = []
    for feature in dataset.features:
        for position, name in enumerate(feature.feature_gates):
            if name in gates:
                changes += _compare_gate(feature, gates[name], primary=position == 0, known=known)
    return changes


def _compare_gate(feature: Feature, gate: Gate, primary: bool, known: set[str]) -> list[Change]:
    file = f"features/{feature.id}.yaml"
    history = list(feature.history)
    changes: list[Change] = []
    for stage in gate.stages:
        minor = parse_kubernetes(stage.from_version)
        in_force = step_at(history, minor)
        if in_force and in_force.status == stage.stage and in_force.enabled_by_default in (None, stage.default):
            continue
        field = f"history {stage.from_version}"
        theirs = f"{stage.stage}, default {_on_off(stage.default)} (gate {gate.name})"
        ours = _step_text(in_force)
        last = history[-1]
        after_last = minor > parse_kubernetes(last.since)
        if not (after_last and primary and last.status in GATE_STATUSES and stage.from_version in known):
            why = "" if stage.from_version in known else f"; Kubernetes {stage.from_version} is not in the data"
            changes.append(Change(file, feature.id, field, "review", ours, theirs + why, gate.source))
            continue
        step = _gate_step(gate, stage.stage, stage.from_version, stage.default)
        history.append(Step.model_validate(step))
        changes.append(Change(file, feature.id, field, "new", None, theirs, gate.source, step))
    return changes


def _step_text(step: Step | None) -> str:
    if step is None:
        return "nothing recorded"
    return f"{step.status}, default {_on_off(step.enabled_by_default)} since {step.since}"


def _on_off(default: bool | None) -> str:
    return {True: "on", False: "off", None: "unknown"}[default]


def _gate_step(gate: Gate, status: str, since: str, default: bool) -> dict[str, Any]:
    return {
        "since": since,
        "status": status,
        "enabled_by_default": default,
        "note": f"The {gate.name} feature gate is {status} from {since} (default {_on_off(default)}).",
        "sources": [gate.source],
        "confidence": "inferred",
        "confidence_note": "Imported from the feature-gate reference; not yet reviewed for Windows nodes.",
    }


def summary(changes: list[Change]) -> str:
    """'2 to write, 1 to review, 1 known disagreement kept' or 'data/ is up to date with the feeds'."""
    counts = {kind: sum(1 for c in changes if c.kind == kind) for kind in SYMBOLS}
    writable = counts["new"] + counts["changed"]
    if not writable and not counts["review"]:
        kept = f" ({counts['known']} known disagreements kept)" if counts["known"] else ""
        return f"data/ is up to date with the feeds{kept}"
    return f"{writable} to write, {counts['review']} to review, {counts['known']} known disagreements kept"


def render(changes: list[Change]) -> str:
    """The changes grouped by file, one line each, with a legend and a summary."""
    lines: list[str] = []
    for file in dict.fromkeys(c.file for c in changes):
        lines.append(file)
        lines += [c.line() for c in changes if c.file == file]
    if changes:
        lines.append("(+ new, ~ changed: written by --write; ? needs a person; = recorded disagreement, kept)")
    lines.append(summary(changes))
    return "\n".join(lines)
