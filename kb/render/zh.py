"""The one line of each answer in Chinese: the same facts as the English line of the same answer, worded for
Chinese readers. Answers come from the localized catalog (kb.localize), so the names and notes in them are
already Chinese; statuses, reasons and the fixed words are worded here and in :mod:`kb.i18n`."""

from __future__ import annotations

from kb.answers import FeatureDetail, FeatureRef, FeatureSummary, SupportAnswer
from kb.compat import ImageCompatAnswer
from kb.dataset import DatasetMeta
from kb.diff import Change, ReleaseDiff
from kb.feature_facts import FeatureStageAnswer, GateAnswer, RuntimeNeedAnswer
from kb.history import is_usable
from kb.i18n import reason_word, status_word
from kb.node_os import NodeOsAnswer, NodeOsList
from kb.release_facts import BUILD_LABEL, KubernetesFact, NodeStageAnswer, WindowsFact
from kb.releases import KubernetesReleaseView, OsMatrix, WindowsReleaseView
from kb.runtime_support import RuntimeList, RuntimeSupportAnswer
from kb.upgrade import UpgradePlan


def _status(status: str, partial: bool = False) -> str:
    return status_word(status, "zh", partial)


def source_note(sources: list[str]) -> str:
    return f"来源：{sources[0]}" if sources else ""


def _yes_no(value: bool | None, yes: str, no: str) -> str:
    return "未知" if value is None else (yes if value else no)


def _details(details: list[str]) -> str:
    return f"（{'；'.join(details)}）" if details else ""


def support_line(answer: SupportAnswer) -> str:
    name = f"{answer.feature.name}（{answer.variant.name}）" if answer.variant else answer.feature.name
    subject = f"{name}在 Kubernetes {answer.kubernetes} 上"
    node = "、".join(x for x in (answer.windows.name if answer.windows else None, answer.runtime) if x)
    if node:
        subject += f"（{node}）"
    verdict = _status(answer.status)
    if is_usable(answer.status):
        verdict += "，支持" if answer.supported else "，但此节点不满足条件"
    details = []
    if answer.enabled_by_default is False and answer.feature_gate:
        details.append(f"默认关闭：特性门控 {answer.feature_gate}")
    if answer.since:
        details.append(f"自 {answer.since} 起")
    if answer.reason:
        details.append(f"原因：{reason_word(answer.reason, 'zh')}")
    blocking = [r.text + (f"（当前为 {r.have}）" if r.have else "") for r in answer.requirements if r.met is False]
    if blocking:
        details.append("需要" + "；".join(blocking))
    elif answer.supported:
        needs = [r.text for r in answer.requirements if r.met is None]
        if needs:
            details.append("需要" + "；".join(needs))
    if answer.confidence == "inferred":
        details.append("推断")
    if answer.variant is None and len({v.supported for v in answer.variants}) > 1:
        details.append("分情况：" + "；".join(f"{v.name} {_status(v.status)}" for v in answer.variants))
    return f"{subject}：{verdict}{_details(details)}。{source_note(answer.sources)}"


def gate_line(answer: GateAnswer) -> str:
    presence = {True: "特性门控仍存在", False: "特性门控已不存在", None: "特性门控已锁定开启或已删除"}
    if answer.gate is None:
        presence[False] = "没有特性门控"
    details = [f"自 {answer.since} 起"] if answer.since else []
    if answer.enabled_by_default is not None and answer.gate_present:
        details.append("默认开启" if answer.enabled_by_default else "默认关闭")
    subject = answer.gate or answer.feature.name
    if answer.gate and answer.gate != answer.feature.name:
        subject = f"{answer.gate}（{answer.feature.name}）"
    return (
        f"{subject}在 Kubernetes {answer.kubernetes} 上：{_status(answer.status)}{_details(details)}；"
        f"{presence[answer.gate_present]}。{source_note(answer.sources)}"
    )


def feature_stage_line(answer: FeatureStageAnswer) -> str:
    steps = "，".join(f"{minor} {_status(status)}" for minor, status in answer.milestones)
    name = answer.feature.name
    wanted = "可用" if answer.stage == "usable" else _status(answer.stage)
    if answer.kubernetes is None:
        return f"数据中{name}从未达到{wanted}（{steps}）。{source_note(answer.sources)}"
    verb = "起可用" if answer.stage == "usable" else f"进入{wanted}"
    return f"{name}自 Kubernetes {answer.kubernetes} {verb}（{steps}）。{source_note(answer.sources)}"


def runtime_need_line(answer: RuntimeNeedAnswer) -> str:
    subject = f"{answer.feature.name}在 Kubernetes {answer.kubernetes} 上（{_status(answer.status)}）"
    if answer.requirement is None:
        return f"{subject}：没有记录运行时版本要求。{source_note(answer.sources)}"
    return f"{subject}需要{answer.requirement}。{source_note(answer.sources)}"


def node_os_list_line(answer: NodeOsList) -> str:
    names = "、".join(w.name for w in answer.windows) or "无记录"
    return f"Kubernetes {answer.kubernetes} 支持的 Windows 节点操作系统：{names}。{source_note(answer.sources)}"


def node_os_line(answer: NodeOsAnswer) -> str:
    names = "、".join(w.name for w in answer.supported_windows)
    if answer.supported is None:
        verdict = "没有该版本支持的 Windows 版本记录"
    else:
        verdict = f"{'支持' if answer.supported else '不支持'}作为节点操作系统（支持的有：{names}）"
    return f"{answer.windows.name}在 Kubernetes {answer.kubernetes} 上：{verdict}。{source_note(answer.sources)}"


def runtime_support_line(answer: RuntimeSupportAnswer) -> str:
    details = [f"自 {answer.since} 起"] if answer.since else ["尚无记录"]
    marks = {True: "满足", False: "不满足", None: "需要"}
    details += [f"{marks[r.met]}{r.text}" for r in answer.requirements]
    verdict = "支持" if answer.supported else "不支持"
    return (
        f"{answer.runtime}在 Kubernetes {answer.kubernetes} 上：{_status(answer.status)}，{verdict}"
        f"{_details(details)}。{source_note(answer.sources)}"
    )


def runtimes_line(answer: RuntimeList) -> str:
    usable = [f"{r.name}（{_status(r.status)}）" for r in answer.runtimes if r.supported]
    other = [f"{r.name}（{_status(r.status)}）" for r in answer.runtimes if not r.supported]
    text = f"Kubernetes {answer.kubernetes} 上 Windows 节点可用的运行时：{'、'.join(usable) or '无记录'}"
    if other:
        text += f"；不可用：{'、'.join(other)}"
    return f"{text}。{source_note(answer.sources)}"


def kubernetes_fact_line(answer: KubernetesFact) -> str:
    name = f"Kubernetes {answer.kubernetes}"
    maintained = _yes_no(answer.is_maintained, "仍在维护", "已停止维护")
    eol = answer.end_of_life or "未记录"
    if answer.fact == "release-date":
        text = f"{name} 发布于 {answer.released}。" if answer.released else f"{name}：未记录发布日期。"
    elif answer.fact in ("end-of-life", "maintained"):
        text = f"{name}：生命周期结束于 {eol}，{maintained}。"
    elif answer.fact == "latest-patch":
        text = f"{name}：最新补丁版本 {answer.latest_patch or '未记录'}。"
    else:
        text = f"{name}：发布于 {answer.released or '未记录'}，生命周期结束于 {eol}（{maintained}）。"
    if answer.provisional:
        text += "暂定：数据中还没有它的发布日期。"
    return text + source_note(answer.sources)


def windows_fact_line(answer: WindowsFact) -> str:
    name = answer.windows.name
    supported = _yes_no(answer.is_supported, "仍受 Microsoft 支持", "已不受 Microsoft 支持")
    end = answer.end_of_support or "未记录"
    images = "、".join(answer.value) if isinstance(answer.value, list) and answer.value else "无记录"
    texts = {
        "build": f"{name} 的内部版本号是 {answer.windows.build}（版本 {answer.version}，{answer.channel}）。",
        "build-label": f"{name} 节点带有 {BUILD_LABEL}={answer.windows.build}。",
        "image-tags": f"{name} 的镜像：{images}。",
        "release-date": f"{name} 于 {answer.ga} 正式发布。",
        "end-of-support": f"{name}：支持截止于 {end}（{supported}）。",
        "mainstream-end": f"{name}：主流支持截止于 {answer.mainstream_end or '未记录'}，全部支持截止于 {end}。",
        "supported": f"{name}：{supported}（支持截止于 {end}）。",
    }
    nodes = (
        f"可作为 Kubernetes {answer.kubernetes[0]} 至 {answer.kubernetes[-1]} 的节点操作系统"
        if answer.kubernetes
        else "不是任何 Kubernetes 版本的节点操作系统"
    )
    overview = f"{name}（{answer.channel}）：内部版本 {answer.windows.build}，GA {answer.ga}；{nodes}；{supported}，支持截止于 {end}。"
    return texts.get(answer.fact, overview) + source_note(answer.sources)


def node_stage_line(answer: NodeStageAnswer) -> str:
    if answer.kubernetes is None:
        return f"数据中 Windows 节点支持从未达到{_status(answer.asked_stage or '')}。"
    text = (
        f"Windows 节点支持在 Kubernetes {answer.kubernetes} 上：{_status(answer.status or '')}（自 {answer.since} 起）"
    )
    if answer.asked_stage:
        text += f"；是否{_status(answer.asked_stage)}：{'是' if answer.matches else '否'}"
    return f"{text}。{source_note(answer.sources)}"


def image_compat_line(answer: ImageCompatAnswer) -> str:
    isolation = f"（{'Hyper-V' if answer.isolation == 'hyperv' else '进程'}隔离）" if answer.isolation else ""
    verdict = "在 Kubernetes 中可以运行" if answer.supported else "在 Kubernetes 中无法运行"
    fix = f"解决办法：{answer.fix}" if answer.fix else ""
    return (
        f"{answer.image.name}镜像在{answer.host.name}主机上{isolation}：{verdict}。{answer.reason}{fix}"
        f"{source_note(answer.sources)}"
    )


def upgrade_line(plan: UpgradePlan) -> str:
    given = "、".join(x for x in (plan.windows.name if plan.windows else None, plan.runtime) if x)
    subject = f"从 {plan.from_} 升级到 {plan.to}" + (f"（{given}）" if given else "")
    actions = [a for step in plan.steps for a in step.actions]
    blockers = [a for a in actions if a.severity == "error"]
    warnings = [a for a in actions if a.severity == "warning"]
    first = (blockers or warnings or [None])[0]
    counts = f"{len(blockers)} 个阻碍，{len(warnings)} 个警告，{len(actions)} 项变化"
    if first is None:
        return f"{subject}：{counts}；无需处理。"
    todo = first.action or ""
    return (
        f"{subject}：{counts}；首先：{first.kubernetes} {first.text.split('。')[0]}。{todo}{source_note(first.sources)}"
    )


def change_line(change: Change) -> str:
    return f"{change.kubernetes} {change.kind}：{change.text}"


def diff_lines(diff: ReleaseDiff) -> list[str]:
    return [change_line(c) for c in diff.changes] or [f"从 {diff.from_} 到 {diff.to}，Windows 方面没有变化。"]


def diff_line(diff: ReleaseDiff) -> str:
    listed = "；".join(c.text.split("。")[0] for c in diff.changes[:3])
    more = f"（另有 {len(diff.changes) - 3} 项）" if len(diff.changes) > 3 else ""
    span = f"从 Kubernetes {diff.from_} 到 {diff.to}"
    text = f"{span}，Windows 节点有 {len(diff.changes)} 项变化" + (f"：{listed}{more}。" if diff.changes else "。")
    return text + source_note([s for c in diff.changes for s in c.sources])


def feature_summary_line(feature: FeatureSummary) -> str:
    return f"{feature.id}：{feature.name}，在 Kubernetes {feature.kubernetes} 上{_status(feature.status)}（{feature.category}）。"


def feature_detail_line(detail: FeatureDetail) -> str:
    steps = "，".join(f"{s.since} {_status(s.status, s.partial)}" for s in detail.history)
    return f"{detail.name}（{detail.id}）：{steps}。{source_note(detail.sources)}"


def feature_ref_line(feature: FeatureRef) -> str:
    return f"{feature.id}：{feature.name}"


def kubernetes_line(release: KubernetesReleaseView) -> str:
    windows = "、".join(w.id for w in release.windows) or "无"
    maintained = _yes_no(release.is_maintained, "仍在维护", "已停止维护")
    return (
        f"Kubernetes {release.version}：发布于 {release.released or '未知'}，生命周期结束于 "
        f"{release.end_of_life or '未知'}（{maintained}），Windows 节点{_status(release.windows_stage)}，"
        f"Windows Server：{windows}，Windows 方面有 {len(release.changes)} 项变化。"
    )


def windows_line(release: WindowsReleaseView) -> str:
    kubernetes = f"{release.kubernetes[0]} 至 {release.kubernetes[-1]}" if release.kubernetes else "无"
    supported = _yes_no(release.is_supported, "受 Microsoft 支持", "已不受 Microsoft 支持")
    tags = "、".join(dict.fromkeys(t.tag for t in release.image_tags)) or "无"
    return (
        f"{release.name}（{release.id}，{release.channel}）：内部版本 {release.build}，GA {release.ga}，"
        f"{supported}，镜像标签 {tags}，Kubernetes {kubernetes}。"
    )


def matrix_lines(matrix: OsMatrix) -> list[str]:
    return [
        f"{minor}：{'、'.join(w for w, listed in matrix.cells[minor].items() if listed) or '无'}"
        for minor in matrix.kubernetes
    ]


def meta_line(meta: DatasetMeta) -> str:
    c = meta.counts
    return (
        f"数据集 {meta.dataset_version}，构建于 {meta.built}：{c.features} 项特性，{c.limitations} 项限制，"
        f"Kubernetes {meta.kubernetes_oldest} 至 {meta.kubernetes_newest}，最新的 Windows 版本 {meta.windows_newest.name}。"
    )
