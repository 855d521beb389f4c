"""Answers -> one line of text for people: the CLI, ``text/plain`` and chat all use these."""

from __future__ import annotations

from kb.answers import SupportAnswer
from kb.history import is_usable, status_label


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
