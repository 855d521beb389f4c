"""The one line of answers about moving between releases and images: changes, upgrades, image compatibility."""

from __future__ import annotations

from kb.compat import ImageCompatAnswer
from kb.diff import Change, ReleaseDiff
from kb.render.features import source_note
from kb.upgrade import UpgradePlan


def upgrade_line(plan: UpgradePlan) -> str:
    """'Upgrade 1.23 -> 1.27 for Windows Server 2019, docker 20.10.9: 1 blocker (1.24 ...). Source: URL'."""
    given = ", ".join(x for x in (plan.windows.name if plan.windows else None, plan.runtime) if x)
    subject = f"Upgrade {plan.from_} -> {plan.to}" + (f" for {given}" if given else "")
    actions = [a for step in plan.steps for a in step.actions]
    blockers = [a for a in actions if a.severity == "error"]
    warnings = [a for a in actions if a.severity == "warning"]
    first = (blockers or warnings or [None])[0]
    counts = (
        f"{len(blockers)} blocker{'s' if len(blockers) != 1 else ''}, "
        f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}, {len(actions)} changes"
    )
    if first is None:
        return f"{subject}: {counts}; nothing needs action."
    todo = f" {first.action}" if first.action else ""
    return (
        f"{subject}: {counts}; first: {first.kubernetes} {first.text.split('. ')[0]}.{todo}{source_note(first.sources)}"
    )


def image_compat_line(answer: ImageCompatAnswer) -> str:
    """'A Windows Server 2022 image on a Windows Server 2019 host: does not run in Kubernetes. Reason. Fix: ...'."""
    isolation = (
        f" with {'Hyper-V' if answer.isolation == 'hyperv' else 'process'} isolation" if answer.isolation else ""
    )
    verdict = "runs in Kubernetes" if answer.supported else "does not run in Kubernetes"
    fix = f" Fix: {answer.fix}" if answer.fix else ""
    return (
        f"A {answer.image.name} image on a {answer.host.name} host{isolation}: {verdict}. {answer.reason}{fix}"
        f"{source_note(answer.sources)}"
    )


def change_line(change: Change) -> str:
    """'1.26 feature-graduated: HostProcess containers beta -> stable.'."""
    return f"{change.kubernetes} {change.kind}: {change.text}"


def diff_lines(diff: ReleaseDiff) -> list[str]:
    return [change_line(c) for c in diff.changes] or [f"No changes for Windows from {diff.from_} to {diff.to}."]


def diff_line(diff: ReleaseDiff) -> str:
    """'3 changes for Windows nodes from Kubernetes 1.23 to 1.27: A; B; C (and 2 more). Source: URL'."""
    listed = "; ".join(c.text.split(". ")[0] for c in diff.changes[:3])
    more = f" (and {len(diff.changes) - 3} more)" if len(diff.changes) > 3 else ""
    span = f"from Kubernetes {diff.from_} to {diff.to}"
    count = f"{len(diff.changes)} change{'s' if len(diff.changes) != 1 else ''}"
    text = f"{count} for Windows nodes {span}" + (f": {listed}{more}." if diff.changes else ".")
    return text + source_note([s for c in diff.changes for s in c.sources])
