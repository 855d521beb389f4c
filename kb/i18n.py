"""The sentences the engine writes itself, in every language it answers in, and how a language is chosen.

Texts of the data come translated with the catalog (:mod:`kb.localize`); what the engine adds around them
(a note that nothing is recorded yet, that a gate is off by default, that sources disagree) is one entry
here per sentence, English and Chinese side by side, so the two cannot drift apart unseen. Status words and
reason classes are translated here too; the JSON keeps the English enum values.
"""

from __future__ import annotations

import os
import re
from typing import Literal

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")

MESSAGES: dict[str, dict[Lang, str]] = {
    "nothing-recorded": {
        "en": "Nothing is recorded for {name} before Kubernetes {since}; treated as not supported.",
        "zh": "Kubernetes {since} 之前没有{name}的记录，按不支持处理。",
    },
    "runtime-nothing-recorded": {
        "en": "Nothing is recorded for {name} before Kubernetes {since}.",
        "zh": "Kubernetes {since} 之前没有{name}的记录。",
    },
    "requires": {"en": "Requires {requirement}: {have} does not meet it.", "zh": "需要{requirement}：{have}不满足。"},
    "update-unknown": {
        "en": "Whether a {windows} node has {update} depends on its full OS build: ask with the node's kernelVersion "
        "(KERNEL-VERSION in 'kubectl get nodes -o wide'), such as {build}.",
        "zh": "{windows}节点是否已安装{update}取决于完整的操作系统内部版本号：请带上节点的 kernelVersion 再问"
        "（'kubectl get nodes -o wide' 中的 KERNEL-VERSION），例如 {build}。",
    },
    "the-update": {"en": "the update", "zh": "该更新"},
    "provisional": {
        "en": "Kubernetes {minor} is provisional: the data has no release date for it yet.",
        "zh": "Kubernetes {minor} 是暂定版本：数据中还没有它的发布日期。",
    },
    "node-os-required": {
        "en": "a Windows node OS supported on Kubernetes {minor}",
        "zh": "Kubernetes {minor} 支持的 Windows 节点操作系统",
    },
    "node-os-not-listed": {
        "en": "{windows} is not a supported node OS on Kubernetes {minor} (supported: {names}).",
        "zh": "{windows}不是 Kubernetes {minor} 支持的节点操作系统（支持的有：{names}）。",
    },
    "runtime-required": {
        "en": "a supported container runtime on Kubernetes {minor}",
        "zh": "Kubernetes {minor} 支持的容器运行时",
    },
    "runtime-state": {
        "en": "{name} is {state} on Kubernetes {minor}.",
        "zh": "{name}在 Kubernetes {minor} 上{state}。",
    },
    "not-available-yet": {"en": "not available yet", "zh": "尚不可用"},
    "runtime-older": {
        "en": "Kubernetes {minor} asks for {requirement}; {runtime} is older.",
        "zh": "Kubernetes {minor} 需要{requirement}；{runtime}版本过旧。",
    },
    "off-by-default": {
        "en": "Off by default: turn on the {gate} feature gate.",
        "zh": "默认关闭：需要开启 {gate} 特性门控。",
    },
    "partial": {"en": "Usable with limits (see the note and requirements).", "zh": "可用但有限制（见说明和要求）。"},
    "inferred": {"en": "Inferred rather than read in a source", "zh": "推断所得，并非直接读自来源"},
    "disagree": {
        "en": "Sources disagree on {about}: another source says {other}; {chosen}",
        "zh": "来源对{about}说法不一：另一来源称{other}；{chosen}",
    },
    "or": {"en": " or ", "zh": "或"},
    "list": {"en": ", ", "zh": "、"},
    "no-gate": {
        "en": "{name} has no feature gate: it is not switched on or off by a gate.",
        "zh": "{name}没有特性门控：它不由门控开启或关闭。",
    },
    "gate-locked": {
        "en": "Stable: the gate, if still listed, is locked on; Kubernetes deletes GA gates a few releases later.",
        "zh": "稳定：若特性门控仍在，则已锁定为开启；Kubernetes 会在几个版本后删除 GA 的特性门控。",
    },
    "no-runtime-requirement": {
        "en": "The data records no {runtime}runtime version requirement for {name} on Kubernetes {minor}.",
        "zh": "数据中没有{name}在 Kubernetes {minor} 上对{runtime}运行时版本的要求。",
    },
    "no-list": {
        "en": "The data has no list of supported Windows releases for this minor.",
        "zh": "数据中没有此版本支持的 Windows 版本列表。",
    },
    "image-runs": {
        "en": "A {image} image runs on a {host} host with process isolation.",
        "zh": "{image}镜像可以以进程隔离方式在{host}主机上运行。",
    },
    "isolation-unsupported": {
        "en": "Kubernetes does not support {isolation} isolation for Windows pods.",
        "zh": "Kubernetes 不支持 Windows Pod 使用 {isolation} 隔离。",
    },
    "use-process": {"en": "Use process isolation.", "zh": "请使用进程隔离。"},
    "needs-hyperv": {
        "en": "A {image} image needs Hyper-V isolation on a {host} host, which Kubernetes does not support.",
        "zh": "{image}镜像在{host}主机上需要 Hyper-V 隔离，而 Kubernetes 不支持 Hyper-V 隔离。",
    },
    "fix-hyperv": {
        "en": "Use an image built for {host} (build {build}), or schedule the pod on {image} nodes.",
        "zh": "请使用为{host}构建的镜像（内部版本 {build}），或把 Pod 调度到{image}节点上。",
    },
    "image-never-runs": {
        "en": "A {image} image (build {image_build}) cannot run on a {host} host (build {host_build}).",
        "zh": "{image}镜像（内部版本 {image_build}）无法在{host}主机（内部版本 {host_build}）上运行。",
    },
    "fix-build": {
        "en": "Use an image built for {host}, or schedule the pod on nodes running {image} or newer.",
        "zh": "请使用为{host}构建的镜像，或把 Pod 调度到运行{image}或更新版本的节点上。",
    },
    "image-newer": {"en": "An image newer than its host never runs.", "zh": "比主机更新的镜像永远无法运行。"},
    "same-build": {"en": "Host and image share a build.", "zh": "主机与镜像的内部版本相同。"},
    "older-image-inferred": {
        "en": "Microsoft's tables do not list this pair; by its general rule an image of an older build runs on a "
        "newer host only with Hyper-V isolation.",
        "zh": "微软的兼容性表未列出这一组合；按其通用规则，较旧内部版本的镜像只能以 Hyper-V 隔离在较新的主机上运行。",
    },
    "or-newer": {"en": "{name} {version} or newer", "zh": "{name} {version} 或更高版本"},
    "windows-or-newer": {"en": "{name} or newer", "zh": "{name}或更新版本"},
    "windows-update-or-newer": {
        "en": "{name} at OS build {build}{update} or later, or a newer release",
        "zh": "内部版本 {build}{update}或更高的{name}，或更新的版本",
    },
    "no-release-date": {"en": "no release date recorded", "zh": "未记录发布日期"},
    "no-record": {"en": "no record", "zh": "无记录"},
    "several-kinds": {
        "en": "The question could be asked in several ways ({names}); say which.",
        "zh": "这个问题可以有几种理解（{names}）；请说明是哪一种。",
    },
    "kind-without-feature": {
        "en": "The question reads as a {kind} question, but names no feature.",
        "zh": "这个问题看起来是 {kind} 类问题，但没有指明是哪个特性。",
    },
    "unknown-named": {
        "en": "No {what} the data covers is known as {name!r}.",
        "zh": "数据中没有名为 {name!r} 的{what}。",
    },
    "feature-in-passing": {
        "en": "The question names {feature} but reads as a {kind} question; ask one of them.",
        "zh": "这个问题提到了 {feature}，但读起来像 {kind} 类问题；请只问其中一个。",
    },
    "several-features": {
        "en": "The question names several features ({ids}); ask about one.",
        "zh": "这个问题提到了多个特性（{ids}）；请一次只问一个。",
    },
    "ambiguous-feature": {
        "en": "The question could mean {first} or {second}; name one.",
        "zh": "这个问题可能指 {first} 也可能指 {second}；请指明一个。",
    },
    "several-versions": {
        "en": "The question names several Kubernetes versions ({versions}); ask about one.",
        "zh": "这个问题提到了多个 Kubernetes 版本（{versions}）；请一次只问一个。",
    },
    "several-releases": {
        "en": "The question names more than two Windows releases; ask about one node (and one image).",
        "zh": "这个问题提到了两个以上的 Windows 版本；请只问一个节点（和一个镜像）。",
    },
    "several-runtimes": {
        "en": "The question names several runtimes; ask about one.",
        "zh": "这个问题提到了多个运行时；请一次只问一个。",
    },
    "no-subject": {
        "en": "The question names a Kubernetes version but not what it asks about; each question is read on its own, "
        "so name the feature or fact, e.g. 'is hostprocess supported on 1.28'.",
        "zh": "这个问题给出了 Kubernetes 版本，但没有说明要问什么；每个问题都是单独理解的，请写明特性或事实，"
        "例如“1.28 支持 hostprocess 吗”。",
    },
    "not-understood": {
        "en": "Not a question the knowledge base can answer; try one of these.",
        "zh": "这不是知识库能回答的问题；试试下面这些问法。",
    },
    "unknown-feature": {
        "en": "No feature or release is known as {words!r}.{hint}",
        "zh": "数据中没有名为 {words!r} 的特性或版本。{hint}",
    },
    "did-you-mean": {"en": " Did you mean: {names}?", "zh": "你是否想找：{names}？"},
    "feature gate": {"en": "feature gate", "zh": "特性门控"},
    "pod-spec field": {"en": "pod-spec field", "zh": "Pod 规约字段"},
    "KEP": {"en": "KEP", "zh": "KEP"},
    "runtime": {"en": "runtime", "zh": "运行时"},
    "feature": {"en": "feature", "zh": "特性"},
    "defaulted": {
        "en": "No Kubernetes version given: answered for {minor}, the newest released minor.",
        "zh": "未给出 Kubernetes 版本：按最新发布的 {minor} 回答。",
    },
    "too-long": {"en": "A question is at most {limit} characters.", "zh": "问题最多 {limit} 个字符。"},
    "ask-something": {
        "en": "Ask a question, e.g. 'is hostprocess supported on 1.22?'.",
        "zh": "请提一个问题，例如“1.22 支持 HostProcess 吗？”。",
    },
    "change": {"en": "{name}: {old} -> {new}", "zh": "{name}：{old} -> {new}"},
    "default-changed": {"en": "{name}: {status}, now {state} by default", "zh": "{name}：{status}，现在默认{state}"},
    "on": {"en": "on", "zh": "开启"},
    "off": {"en": "off", "zh": "关闭"},
    "stop-relying": {
        "en": "Stop relying on {name} before upgrading to {minor}.",
        "zh": "升级到 {minor} 之前，停止依赖{name}。",
    },
    "plan-move-off": {
        "en": "Plan to move off {name}; it is deprecated from {minor}.",
        "zh": "请计划迁离{name}；它自 {minor} 起已弃用。",
    },
    "check-workloads": {
        "en": "Check the Windows workloads that rely on {name}.",
        "zh": "请检查依赖{name}的 Windows 工作负载。",
    },
    "turn-on-gate": {"en": "Turn on the {gate} feature gate to use it.", "zh": "开启 {gate} 特性门控即可使用。"},
    "windows-added": {"en": "{name} is now a supported node OS", "zh": "{name}现在是受支持的节点操作系统"},
    "windows-dropped": {
        "en": "{name} is no longer listed as a supported node OS",
        "zh": "{name}不再被列为受支持的节点操作系统",
    },
    "move-nodes-off": {
        "en": "Move nodes off {name} before upgrading to {minor}.",
        "zh": "升级到 {minor} 之前，请把节点迁离{name}。",
    },
    "move-runtime-off": {
        "en": "Move Windows nodes off {name} before upgrading to {minor}.",
        "zh": "升级到 {minor} 之前，请让 Windows 节点停用{name}。",
    },
    "plan-runtime-off": {"en": "Plan to move Windows nodes off {name}.", "zh": "请计划让 Windows 节点停用{name}。"},
    "nodes-in": {"en": "Windows nodes in Kubernetes {minor}", "zh": "Kubernetes {minor} 中的 Windows 节点"},
    "node-stage-change": {"en": "Windows node support: {old} -> {new}", "zh": "Windows 节点支持：{old} -> {new}"},
    "use-on-nodes": {"en": "To use it on these nodes: {needs}.", "zh": "要在这些节点上使用：{needs}。"},
    "needs": {"en": "needs {requirement}", "zh": "需要{requirement}"},
    "not-a-node-os": {
        "en": "{windows} is not a supported Windows node OS on Kubernetes {minor}.",
        "zh": "{windows}不是 Kubernetes {minor} 支持的 Windows 节点操作系统。",
    },
    "move-nodes-to": {
        "en": "Move Windows nodes to one of {names} before upgrading to {minor}.",
        "zh": "升级到 {minor} 之前，请把 Windows 节点迁到以下之一：{names}。",
    },
    "not-available": {"en": "not available", "zh": "不可用"},
    "move-to-supported-runtime": {
        "en": "Move Windows nodes to a supported runtime (containerd) before upgrading to {minor}.",
        "zh": "升级到 {minor} 之前，请让 Windows 节点改用受支持的运行时（containerd）。",
    },
    "runtime-too-old": {
        "en": "Kubernetes {minor} needs {requirement}; the nodes run {runtime}.",
        "zh": "Kubernetes {minor} 需要{requirement}；节点运行的是 {runtime}。",
    },
    "upgrade-runtime": {
        "en": "Upgrade the runtime to {requirement} before upgrading to {minor}.",
        "zh": "升级到 {minor} 之前，请把运行时升级到{requirement}。",
    },
    "linux-nodes": {
        "en": "The question is about {name} nodes; this knowledge base answers for Windows nodes and Windows "
        "containers. Name the Windows side, e.g. 'is selinux supported on windows nodes in 1.30'.",
        "zh": "这个问题问的是 {name} 节点；本知识库只回答 Windows 节点和 Windows 容器的问题。"
        "请说明 Windows 方面，例如“1.30 的 windows 节点支持 selinux 吗”。",
    },
    "alias-moved": {
        "en": "'{name}' is an alias of {id}: the answer is at {location} (curl -L follows it).",
        "zh": "“{name}”是 {id} 的别名：答案在 {location}（curl -L 会自动跳转）。",
    },
    "chat-status": {"en": "Status: {status}", "zh": "状态：{status}"},
    "chat-supported": {"en": "supported", "zh": "支持"},
    "chat-not-supported": {"en": "not supported", "zh": "不支持"},
    "chat-yes": {"en": "yes", "zh": "是"},
    "chat-inferred": {"en": "inferred", "zh": "推断"},
    "chat-no": {"en": "no", "zh": "否"},
    "chat-understood": {"en": "Understood: {items}", "zh": "已理解：{items}"},
    "chat-try": {"en": "Try: {examples}", "zh": "可以试试：{examples}"},
    "chat-source": {"en": "source {n}", "zh": "来源 {n}"},
    "chat-permalink": {"en": "permalink", "zh": "固定链接"},
}

STATUS_WORDS: dict[Lang, dict[str, str]] = {
    "en": {"not-supported": "not supported", "partial": "partial"},
    "zh": {
        "not-supported": "不支持",
        "alpha": "Alpha",
        "beta": "Beta",
        "stable": "稳定",
        "deprecated": "已弃用",
        "removed": "已移除",
        "partial": "部分",
    },
}
REASON_WORDS: dict[Lang, dict[str, str]] = {
    "en": {},
    "zh": {
        "os-limitation": "操作系统限制",
        "not-implemented": "未实现",
        "runtime-or-cni": "取决于运行时或 CNI",
        "needs-windows-update": "需要 Windows 更新",
    },
}


def say(lang: Lang, key: str, **values: object) -> str:
    """The sentence ``key`` in ``lang`` (English when it has no such sentence), filled with ``values``."""
    templates = MESSAGES[key]
    text = templates.get(lang, templates["en"]).format(**values)
    return spaced(text) if lang == "zh" else text


def status_word(status: str, lang: Lang = "en", partial: bool = False) -> str:
    """A status as people read it: 'stable', 'stable (partial)', 'not supported'; a partial stable step reads 稳定 and 部分 in Chinese."""
    words = STATUS_WORDS[lang]
    label = words.get(status, status.replace("-", " "))
    if not partial:
        return label
    return f"{label}（{words['partial']}）" if lang == "zh" else f"{label} ({words['partial']})"


def reason_word(reason: str, lang: Lang = "en") -> str:
    return REASON_WORDS[lang].get(reason, reason)


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


_CJK_THEN_LATIN = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])([A-Za-z0-9])")
_LATIN_THEN_CJK = re.compile(r"([A-Za-z0-9])([\u3400-\u9fff\uf900-\ufaff])")


def spaced(text: str) -> str:
    """Chinese text with a space between Chinese characters and Latin letters or digits, as kubernetes.io's zh-cn
    style writes them: 'docker在 1.24 上' -> 'docker 在 1.24 上'."""
    return _LATIN_THEN_CJK.sub(r"\1 \2", _CJK_THEN_LATIN.sub(r"\1 \2", text))


def has_chinese(text: str) -> bool:
    """Does ``text`` contain Chinese characters? Then it is answered in Chinese."""
    return bool(_CJK.search(text))


def from_accept_language(header: str | None) -> Lang | None:
    """The first language of an Accept-Language header that the product speaks: 'zh-CN,zh;q=0.9' -> zh."""
    for part in (header or "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en") or tag == "*":
            return "en"
    return None


def from_environment(environ: dict[str, str] | None = None) -> Lang:
    """The language of the usual locale variables (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): zh_CN.UTF-8 -> zh."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
