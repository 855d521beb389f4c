"""Check reports and upgrade plans -> text for terminals and CI (tables, lines, GitHub annotations)."""

from __future__ import annotations

from kb.checks.findings import Finding
from kb.checks.manifest import ManifestReport
from kb.checks.nodes import NodeCheckReport, NodeReport
from kb.upgrade import UpgradePlan

MARK = {"error": "ERROR", "warning": "WARN ", "info": "info "}


def _yes(value: bool | None) -> str:
    return {True: "yes", False: "NO", None: "?"}[value]


def table(rows: list[list[str]]) -> list[str]:
    """Left-aligned columns, two spaces apart."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]


def _finding_lines(finding: Finding, indent: str = "  ") -> list[str]:
    where = f" {finding.path}:" if finding.path else ""
    lines = [f"{indent}{MARK[finding.severity]} {finding.code}:{where} {finding.message}"]
    if finding.action:
        lines.append(f"{indent}      do: {finding.action}")
    if finding.sources:
        lines.append(f"{indent}      source: {finding.sources[0]}")
    return lines


def _totals(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {k}{'s' if n != 1 and k != 'info' else ''}" for k, n in counts.items())


def nodes_text(report: NodeCheckReport) -> str:
    """A table of every node, then each Windows node's findings and facts."""
    rows = [["NODE", "OS", "KUBERNETES", "WINDOWS", "RUNTIME", "OS SUPPORTED", "RUNTIME OK", "FINDINGS"]]
    for node in report.nodes:
        if not node.applicable:
            rows.append(
                [node.name, node.os or "?", node.kubelet_version or "?", "-", "-", "n/a", "n/a", "not applicable"]
            )
            continue
        found = {k: sum(1 for f in node.findings if f.severity == k) for k in ("error", "warning")}
        rows.append(
            [
                node.name,
                "windows",
                node.kubernetes or f"? ({node.kubelet_version})",
                node.windows.id if node.windows else "?",
                node.runtime or node.container_runtime or "?",
                _yes(node.os_supported),
                _yes(node.runtime_supported),
                _totals(found),
            ]
        )
    lines = table(rows)
    for node in report.nodes:
        if node.applicable:
            lines += ["", *_node_details(node)]
    lines += ["", f"{_totals(report.counts)} (checked {report.today}, dataset {report.dataset['version']})"]
    return "\n".join(lines)


def _node_details(node: NodeReport) -> list[str]:
    windows = f"{node.windows.name} ({node.windows.build})" if node.windows else "unknown Windows"
    lines = [f"{node.name}: Kubernetes {node.kubernetes or '?'} on {windows}, {node.runtime or '?'}"]
    if node.kubernetes_end_of_life:
        lines.append(
            f"  Kubernetes end of life: {node.kubernetes_end_of_life} (maintained: {_yes(node.kubernetes_maintained)})"
        )
    if node.windows_end_of_support:
        lines.append(
            f"  Windows end of support: {node.windows_end_of_support} (supported: {_yes(node.windows_supported)})"
        )
    tags = list(dict.fromkeys(image.rsplit(":", 1)[-1] for image in node.process_isolation_images))
    if tags:
        lines.append(f"  image tags that run here (process isolation): {', '.join(tags)}")
    if node.gated:
        lines.append("  gated: " + "; ".join(f"{g.feature.id} ({g.why})" for g in node.gated))
    if node.unavailable:
        lines.append(f"  unavailable here: {len(node.unavailable)} features and limitations (see --json)")
    for finding in node.findings:
        lines += _finding_lines(finding)
    return lines


def manifest_text(report: ManifestReport) -> str:
    """Findings grouped by document, then a summary line."""
    lines = []
    for checked in report.workloads:
        ref = checked.document
        title = f"{ref.source}#{ref.index} {ref.kind}/{ref.name or '?'}"
        if not checked.windows:
            lines.append(f"{title}: not a Windows pod (no spec.os.name, selector or --os windows); skipped")
            continue
        own = [f for f in report.findings if f.document == ref]
        lines.append(f"{title}: Windows pod ({checked.targeted_by}): {len(own)} finding{'s' if len(own) != 1 else ''}")
        for finding in own:
            lines += _finding_lines(finding)
    lines += [f"skipped {s}" for s in report.skipped]
    windows = sum(1 for w in report.workloads if w.windows)
    lines.append(
        f"Kubernetes {report.kubernetes}: checked {windows} of {len(report.workloads)} pod templates as Windows pods, "
        f"{_totals(report.counts)}"
        + (f"; images checked against {len(report.nodes)} Windows nodes" if report.nodes else "")
    )
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def manifest_github(report: ManifestReport) -> str:
    """GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding."""
    command = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for finding in report.findings:
        properties = []
        if finding.document and finding.document.source not in ("-", "<request>"):
            properties.append(f"file={_escape_property(finding.document.source)}")
        if finding.line:
            properties.append(f"line={finding.line}")
        properties.append(f"title={_escape_property(f'{finding.code} ({finding.path})')}")
        message = finding.message + (f" Do: {finding.action}" if finding.action else "")
        message += f" Source: {finding.sources[0]}" if finding.sources else ""
        lines.append(f"::{command[finding.severity]} {','.join(properties)}::{_escape_data(message)}")
    lines.append(f"Kubernetes {report.kubernetes}: {_totals(report.counts)}")
    return "\n".join(lines)


def upgrade_text(plan: UpgradePlan) -> str:
    """The plan step by step: per minor, whether the nodes stay supported, then each action."""
    given = ", ".join(x for x in (plan.windows.name if plan.windows else None, plan.runtime) if x)
    lines = [f"Upgrade Kubernetes {plan.from_} -> {plan.to}" + (f" for {given}" if given else "")]
    for step in plan.steps:
        status = []
        if step.windows_supported is not None:
            status.append(f"Windows supported: {_yes(step.windows_supported)}")
        if step.runtime_supported is not None:
            status.append(f"runtime supported: {_yes(step.runtime_supported)}")
        lines += ["", f"{step.kubernetes}" + (f"  ({', '.join(status)})" if status else "")]
        if not step.actions:
            lines.append("  nothing recorded for Windows nodes")
        for action in step.actions:
            lines.append(f"  {MARK[action.severity]} {action.kind}: {action.text}")
            if action.action:
                lines.append(f"        do: {action.action}")
            if action.sources:
                lines.append(f"        source: {action.sources[0]}")
    lines += ["", f"{_totals(plan.counts)}; {'no blockers' if plan.ok else 'blockers above must be fixed first'}"]
    return "\n".join(lines)
