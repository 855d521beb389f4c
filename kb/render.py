"""Answers -> one line of text for people: the CLI, ``text/plain`` and chat all use these."""

from __future__ import annotations

from kb.answers import SupportAnswer
from kb.history import is_usable, status_label
from kb.upgrade import UpgradePlan


def support_line(answer: SupportAnswer) -> str:
    """'HostProcess containers on Kubernetes 1.22: alpha, supported (off by default: gate X). Source: URL'."""
    subject = f"{answer.feature.name} on Kubernetes {answer.kubernetes}"
    if answer.windows:
        subject += f" with {answer.windows.name}"
    if answer.runtime:
        subject += f" and {answer.runtime}"
    verdict = status_label(answer.status)
    if is_usable(answer.status):
        verdict += ", supported" if answer.supported else ", but not supported with this node"
    details = []
    if answer.enabled_by_default is False and answer.feature_gate:
        details.append(f"off by default: gate {answer.feature_gate}")
    if answer.since:
        details.append(f"since {answer.since}")
    if answer.reason:
        details.append(f"reason: {answer.reason}")
    blocking = [r.text for r in answer.requirements if r.met is False]
    if blocking:
        details.append("fails: " + "; ".join(blocking))
    elif answer.supported:
        needs = [r.text for r in answer.requirements if r.met is None]
        if needs:
            details.append("needs " + "; ".join(needs))
    if answer.confidence == "inferred":
        details.append("inferred")
    detail = f" ({', '.join(details)})" if details else ""
    source = f" Source: {answer.sources[0]}" if answer.sources else ""
    return f"{subject}: {verdict}{detail}.{source}"


def upgrade_line(plan: UpgradePlan) -> str:
    """'Upgrade 1.23 -> 1.27 for Windows Server 2019, docker 20.10.9: 1 blocker (1.24 ...). Source: URL'."""
    given = ", ".join(x for x in (plan.windows.name if plan.windows else None, plan.runtime) if x)
    subject = f"Upgrade {plan.from_} -> {plan.to}" + (f" for {given}" if given else "")
    actions = [a for step in plan.steps for a in step.actions]
    blockers = [a for a in actions if a.severity == "error"]
    warnings = [a for a in actions if a.severity == "warning"]
    first = (blockers or warnings or [None])[0]
    counts = f"{len(blockers)} blocker{'s' if len(blockers) != 1 else ''}, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}, {len(actions)} changes"
    if first is None:
        return f"{subject}: {counts}; nothing needs action."
    todo = f" {first.action}" if first.action else ""
    source = f" Source: {first.sources[0]}" if first.sources else ""
    return f"{subject}: {counts}; first: {first.kubernetes} {first.text.split('. ')[0]}.{todo}{source}"
