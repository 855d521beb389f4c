"""Every fixed word of the site's pages, in each language the site is built in: one table, side by side.

The pages take their language from the catalog they are generated from (``in_language(catalog, "zh")`` gives
a catalog whose ``lang`` is ``zh``); the texts of the data come translated with it, and the words around them
come from here. A page asks ``words = page_words(catalog.lang)`` and then ``words("timeline")``. Each entry is a
``str.format`` template (braces doubled where they are meant literally). Chinese follows kubernetes.io's
zh-cn usage (特性门控, 节点, 容器运行时, 次要版本) and keeps the names operators type in English.
"""

from __future__ import annotations

from collections.abc import Callable

from kb.catalog import Catalog
from kb.i18n import Lang

PageWords = Callable[..., str]

WORDS: dict[str, dict[Lang, str]] = {
    # ---- Shared by many pages ----
    "yes": {"en": "yes", "zh": "是"},
    "no": {"en": "no", "zh": "否"},
    "on": {"en": "on", "zh": "开启"},
    "off": {"en": "off", "zh": "关闭"},
    "none": {"en": "none", "zh": "无"},
    "list": {"en": ", ", "zh": "、"},
    "clauses": {"en": "; ", "zh": "；"},
    "steps": {"en": ", ", "zh": "，"},
    "range": {"en": "{first} to {last}", "zh": "{first} 至 {last}"},
    "labelled": {"en": "{label}: {value}", "zh": "{label}：{value}"},
    "kubernetes-minor": {"en": "Kubernetes {minor}", "zh": "Kubernetes {minor}"},
    "supported": {"en": "supported", "zh": "支持"},
    "not-supported": {"en": "not supported", "zh": "不支持"},
    "inferred": {"en": "inferred", "zh": "推断"},
    "inferred-long": {"en": "inferred, not read in a source", "zh": "推断所得，并非直接读自来源"},
    "provisional": {"en": "provisional", "zh": "暂定"},
    "notes": {"en": "Notes", "zh": "说明"},
    "sources": {"en": "Sources", "zh": "来源"},
    "status": {"en": "Status", "zh": "状态"},
    "status-in": {"en": "Status in {minor}", "zh": "{minor} 中的状态"},
    "status-since": {"en": "Status since", "zh": "状态始于"},
    "since": {"en": "Since", "zh": "起始版本"},
    "requirements": {"en": "Requirements", "zh": "要求"},
    "on-by-default": {"en": "On by default", "zh": "默认开启"},
    "first-usable": {"en": "First usable", "zh": "首次可用"},
    "feature": {"en": "Feature", "zh": "特性"},
    "kind": {"en": "Kind", "zh": "类型"},
    "kind-feature": {"en": "feature", "zh": "特性"},
    "kind-limitation": {"en": "limitation", "zh": "限制"},
    "fact": {"en": "Fact", "zh": "项目"},
    "value": {"en": "Value", "zh": "值"},
    "note": {"en": "Note", "zh": "说明"},
    "meaning": {"en": "Meaning", "zh": "含义"},
    "required": {"en": "Required", "zh": "必需"},
    # ---- Status chips and the reasons why not ----
    "status-short-not-supported": {"en": "no", "zh": "否"},
    "status-short-alpha": {"en": "α", "zh": "α"},
    "status-short-beta": {"en": "β", "zh": "β"},
    "status-short-stable": {"en": "GA", "zh": "GA"},
    "status-short-deprecated": {"en": "dep", "zh": "弃用"},
    "status-short-removed": {"en": "rm", "zh": "移除"},
    "reason-os-limitation": {"en": "Windows itself lacks it", "zh": "Windows 本身不具备这一能力"},
    "reason-not-implemented": {
        "en": "Not implemented for Windows in Kubernetes",
        "zh": "Kubernetes 尚未为 Windows 实现",
    },
    "reason-runtime-or-cni": {
        "en": "Depends on the container runtime or CNI plugin",
        "zh": "取决于容器运行时或 CNI 插件",
    },
    "reason-needs-windows-update": {
        "en": "Needs a newer Windows release or update",
        "zh": "需要更新的 Windows 版本或更新补丁",
    },
    "reason-none": {"en": "Reason not recorded yet", "zh": "尚未记录原因"},
    "cell-no-record": {"en": "no record: treated as not supported", "zh": "无记录：按不支持处理"},
    "cell-since": {"en": "{status} since {since}", "zh": "{status}，自 {since} 起"},
    "cell-off-by-default": {"en": ", off by default", "zh": "，默认关闭"},
    "cell-inferred": {"en": "; inferred, not read in a source", "zh": "；推断所得，并非直接读自来源"},
    "cell-provisional": {
        "en": "; provisional: Kubernetes {minor} has no release date yet",
        "zh": "；暂定：Kubernetes {minor} 尚无发布日期",
    },
    # ---- A feature page ----
    "field-rejected": {"en": "rejected by the API server", "zh": "被 API 服务器拒绝"},
    "field-ignored": {"en": "ignored by the kubelet", "zh": "被 kubelet 忽略"},
    "field-different": {"en": "behaves differently", "zh": "行为不同"},
    "field-supported": {"en": "works", "zh": "可用"},
    "feature-byline": {
        "en": "[{category}]({link}) · {kind} · id `{id}`",
        "zh": "[{category}]({link}) · {kind} · ID `{id}`",
    },
    "also-known-as": {"en": "**Also known as:** {names}", "zh": "**又称：**{names}"},
    "feature-gate": {"en": "**Feature gate:** {gates}", "zh": "**特性门控：**{gates}"},
    "kep": {"en": "**KEP:** [KEP-{number}]({url})", "zh": "**KEP：**[KEP-{number}]({url})"},
    "inferred-title": {"en": "Inferred", "zh": "推断"},
    "inferred-entry": {
        "en": "Part of this entry is inferred rather than read in a source.",
        "zh": "本条目有部分内容是推断所得，并非直接读自来源。",
    },
    "related": {"en": "Related", "zh": "相关特性"},
    "default-on": {"en": "on by default", "zh": "默认开启"},
    "default-off": {
        "en": "off by default: turn on the <code>{gate}</code> gate",
        "zh": "默认关闭：需开启 <code>{gate}</code> 特性门控",
    },
    "story-first-usable": {"en": "<strong>First usable</strong> {minor}", "zh": "<strong>首次可用</strong> {minor}"},
    "story-needs": {"en": "<strong>Needs</strong> {needs}", "zh": "<strong>需要</strong> {needs}"},
    "now": {
        "en": "<strong>On Kubernetes {minor}</strong>, the newest released minor: {status}{since}, {verdict}",
        "zh": "<strong>在 Kubernetes {minor} 上</strong>（最新发布的次要版本）：{status}{since}，{verdict}",
    },
    "now-since": {"en": " since {since}", "zh": "，自 {since} 起"},
    "now-why": {"en": " · why: {reason}", "zh": " · 原因：{reason}"},
    "now-by-case": {"en": " · <strong>by case</strong>: {cases}", "zh": " · <strong>分情况</strong>：{cases}"},
    "case-status": {"en": "{name}: {status}", "zh": "{name}：{status}"},
    "now-provisional": {
        "en": '<small class="kb-provisional">(provisional)</small>: {status}',
        "zh": '<small class="kb-provisional">（暂定）</small>：{status}',
    },
    "timeline": {"en": "Timeline", "zh": "时间线"},
    "timeline-intro": {
        "en": "Status at every Kubernetes minor in the data, newest first. Before the first record the feature "
        "is treated as not supported; `?` marks an inferred status, *provisional* a minor without a release date.",
        "zh": "数据中每个 Kubernetes 次要版本上的状态，最新的在前。在第一条记录之前，该特性按不支持处理；"
        "`?` 表示推断所得的状态，*暂定* 表示尚无发布日期的次要版本。",
    },
    "history": {"en": "History", "zh": "历史"},
    "inferred-why": {"en": ": {why}", "zh": "：{why}"},
    "cases": {"en": "Cases", "zh": "分情况"},
    "cases-intro": {
        "en": "Cases whose support differs; ask for one with `variant=` (API) or `--variant` (`kb support`).",
        "zh": "支持情况各不相同的几种情形；可以用 `variant=`（API）或 `--variant`（`kb support`）询问其中一种。",
    },
    "case-inferred": {"en": " (inferred)", "zh": "（推断）"},
    "case-item": {"en": "- **{name}** (`{id}`): {steps}.", "zh": "- **{name}**（`{id}`）：{steps}。"},
    "why-not": {"en": "Why it is not supported", "zh": "为何不支持"},
    "why-not-until": {"en": " to {minor}", "zh": " 至 {minor}"},
    "why-not-onwards": {"en": " onwards", "zh": " 起"},
    "why-not-item": {
        "en": "- **Kubernetes {since}{until}: {status}.** {reason}.",
        "zh": "- **Kubernetes {since}{until}：{status}。**{reason}。",
    },
    "fields": {"en": "Pod-spec fields", "zh": "Pod 规约字段"},
    "field": {"en": "Field", "zh": "字段"},
    "on-windows": {"en": "On Windows", "zh": "在 Windows 上"},
    "field-added-in": {"en": "Field added in", "zh": "字段引入版本"},
    "disagreements": {"en": "Where sources disagree", "zh": "来源说法不一之处"},
    "about-what": {"en": "About", "zh": "关于"},
    "this-data-says": {"en": "This data says", "zh": "本数据采用"},
    "another-source-says": {"en": "Another source says", "zh": "另一来源称"},
    "ask-yourself": {"en": "Ask it yourself", "zh": "自己查询"},
    "ask-lookup": {
        "en": "[Ask the lookup box]({link}) with your Kubernetes version and Windows Server release.",
        "zh": "用你的 Kubernetes 版本和 Windows Server 版本[在查询框中查询]({link})。",
    },
    "ask-api": {
        "en": "With the API (`make run` serves it on localhost):",
        "zh": "使用 API（`make run` 会在本机提供服务）：",
    },
    "ask-cli": {
        "en": "With the `kb` command (exit code 0 when supported, 1 when not):",
        "zh": "使用 `kb` 命令（支持时退出码为 0，不支持时为 1）：",
    },
    "ask-chat": {"en": "In Slack or Teams:", "zh": "在 Slack 或 Teams 中："},
    # ---- The features index and the category pages ----
    "never": {"en": "never", "zh": "从未可用"},
    "newest-said": {
        "en": "Status at Kubernetes {minor}, the newest released minor",
        "zh": "Kubernetes {minor}（最新发布的次要版本）上的状态",
    },
    "newest-said-provisional": {
        "en": " ({newest} has no release date yet: its column in the grid is provisional)",
        "zh": "（{newest} 尚无发布日期：它在特性网格中的一列是暂定的）",
    },
    "newest-said-dates": {
        "en": ". *Status since* is when the current status began; *first usable* the first minor with alpha or later.",
        "zh": "。*状态始于* 是当前状态开始的次要版本；*首次可用* 是第一个达到 Alpha 或更高阶段的次要版本。",
    },
    "features-title": {"en": "Features and limitations", "zh": "特性与限制"},
    "features-intro": {
        "en": "{said} Each name leads to the full history; the [feature grid]({link}) shows every release at once.",
        "zh": "{said}点击名称可查看完整历史；[特性网格]({link})一次列出所有版本。",
    },
    # ---- The limitations page ----
    "limitations": {"en": "Limitations", "zh": "限制"},
    "differences": {"en": "Documented differences", "zh": "文档记载的差异"},
    "no-alternative": {"en": "No alternative recorded.", "zh": "尚未记录替代方案。"},
    "see-also": {"en": " See {links}.", "zh": "参见 {links}。"},
    "what": {"en": "What", "zh": "内容"},
    "instead": {"en": "What to do instead", "zh": "替代做法"},
    "limitations-intro": {
        "en": "What Windows nodes cannot do, or do differently, on Kubernetes {minor} (the newest released minor), "
        "grouped by why, with the minor since which it has been so and what to do instead. "
        "The [feature grid]({link}) shows the features that work.",
        "zh": "在 Kubernetes {minor}（最新发布的次要版本）上，Windows 节点做不到或做法不同的事情，按原因分组，"
        "并给出从哪个次要版本起如此，以及替代做法。[特性网格]({link})列出了可用的特性。",
    },
    "unusable": {"en": "Features you cannot use on {minor}", "zh": "在 {minor} 上不能使用的特性"},
    "unusable-intro": {
        "en": "Features whose history says they are not supported, no longer supported or removed on this minor.",
        "zh": "按其历史记录，在此次要版本上不受支持、不再受支持或已被移除的特性。",
    },
    # ---- Release pages ----
    "change-feature-added": {"en": "added", "zh": "新增"},
    "change-feature-graduated": {"en": "graduated", "zh": "晋级"},
    "change-feature-deprecated": {"en": "deprecated", "zh": "弃用"},
    "change-feature-removed": {"en": "removed", "zh": "移除"},
    "change-limitation-lifted": {"en": "limitation lifted", "zh": "限制解除"},
    "change-limitation-added": {"en": "limitation added", "zh": "新增限制"},
    "change-status-changed": {"en": "status changed", "zh": "状态变化"},
    "change-windows-added": {"en": "Windows release added", "zh": "新增 Windows 版本"},
    "change-windows-dropped": {"en": "Windows release dropped", "zh": "移除 Windows 版本"},
    "change-runtime-changed": {"en": "runtime changed", "zh": "运行时变化"},
    "change-node-stage-changed": {"en": "node stage changed", "zh": "节点支持阶段变化"},
    "changes-in": {"en": "What changed for Windows in {version}", "zh": "{version} 中 Windows 方面的变化"},
    "changes-first": {
        "en": "The first release in the data: nothing to compare with.",
        "zh": "数据中的第一个版本：没有可比较的版本。",
    },
    "changes-none": {
        "en": "Nothing changed for Windows nodes since Kubernetes {previous}.",
        "zh": "自 Kubernetes {previous} 以来，Windows 节点方面没有变化。",
    },
    "changes-compared": {"en": "Compared with Kubernetes {previous}.", "zh": "与 Kubernetes {previous} 相比。"},
    "change": {"en": "Change", "zh": "变化"},
    "subject": {"en": "Subject", "zh": "对象"},
    "what-to-do": {"en": "What to do", "zh": "应对措施"},
    "released": {"en": "Released", "zh": "发布日期"},
    "maintenance-from": {"en": "Maintenance mode from", "zh": "进入维护模式"},
    "end-of-life": {"en": "End of life", "zh": "生命周期结束"},
    "maintained-today": {"en": "Maintained today", "zh": "目前仍在维护"},
    "latest-patch": {"en": "Latest patch", "zh": "最新补丁版本"},
    "windows-node-support": {"en": "Windows node support", "zh": "Windows 节点支持"},
    "node-releases": {"en": "Windows Server releases for nodes", "zh": "可用作节点的 Windows Server 版本"},
    "no-node-releases": {
        "en": "The data lists no Windows Server release for nodes on this minor.",
        "zh": "数据中没有列出此次要版本可用作节点的 Windows Server 版本。",
    },
    "listed-when-released": {
        "en": "When {version} was released its documentation listed: {names}.",
        "zh": "{version} 发布时，其文档列出的是：{names}。",
    },
    "runtimes": {"en": "Container runtimes", "zh": "容器运行时"},
    "runtime": {"en": "Runtime", "zh": "运行时"},
    "kubernetes-releases": {"en": "Kubernetes releases", "zh": "Kubernetes 版本"},
    "kubernetes-intro": {
        "en": "Every Kubernetes minor in the data, newest first, with the Windows node stage and the Windows Server "
        "releases supported for nodes (also as a [matrix]({link})).",
        "zh": "数据中的每个 Kubernetes 次要版本，最新的在前，附 Windows 节点的支持阶段和可用作节点的 "
        "Windows Server 版本（也可以[矩阵]({link})形式查看）。",
    },
    "maintained": {"en": "Maintained", "zh": "仍在维护"},
    "windows-nodes": {"en": "Windows nodes", "zh": "Windows 节点"},
    "channel": {"en": "Channel", "zh": "服务频道"},
    "version": {"en": "Version", "zh": "版本"},
    "build": {"en": "Build", "zh": "内部版本"},
    "generally-available": {"en": "Generally available", "zh": "正式发布"},
    "mainstream-ends": {"en": "Mainstream support ends", "zh": "主流支持结束"},
    "extended-ends": {"en": "Extended support ends", "zh": "扩展支持结束"},
    "supported-today": {"en": "Supported by Microsoft today", "zh": "目前受 Microsoft 支持"},
    "also-known-as-plain": {"en": "Also known as: {names}.", "zh": "又称：{names}。"},
    "image-tags": {"en": "Container image tags", "zh": "容器镜像标签"},
    "repository": {"en": "Repository", "zh": "仓库"},
    "tag": {"en": "Tag", "zh": "标签"},
    "image": {"en": "Image", "zh": "镜像"},
    "no-image-tags": {"en": "No image tags recorded.", "zh": "没有记录镜像标签。"},
    "node-os-of": {"en": "Kubernetes releases that support it for nodes", "zh": "支持以它作为节点的 Kubernetes 版本"},
    "node-os-of-none": {
        "en": "No Kubernetes minor in the data lists it as a node OS.",
        "zh": "数据中没有哪个 Kubernetes 次要版本把它列为节点操作系统。",
    },
    "process-images": {
        "en": "Images that run on it with process isolation",
        "zh": "能以进程隔离方式在其上运行的镜像",
    },
    "process-images-none": {
        "en": "No image is recorded to run on it with process isolation.",
        "zh": "没有记录能以进程隔离方式在其上运行的镜像。",
    },
    "see-image-matrix": {
        "en": "See the [host and image matrix]({link}) for Hyper-V isolation.",
        "zh": "Hyper-V 隔离请参见[主机与镜像矩阵]({link})。",
    },
    "windows-releases": {"en": "Windows Server releases", "zh": "Windows Server 版本"},
    "windows-intro": {
        "en": "Every Windows Server release in the data, newest build first.",
        "zh": "数据中的每个 Windows Server 版本，内部版本最新的在前。",
    },
    "release": {"en": "Release", "zh": "版本"},
    "support-ends": {"en": "Support ends", "zh": "支持结束"},
    "supported-column": {"en": "Supported", "zh": "受支持"},
    # ---- The matrices ----
    "legend": {
        "en": "Legend: {chips}; `*` usable with limits; `?` inferred rather than read in a source; "
        "*provisional* marks a minor without a release date in the data, whose facts may still change.",
        "zh": "图例：{chips}；`*` 可用但有限制；`?` 推断所得，并非直接读自来源；"
        "*暂定* 表示数据中尚无发布日期的次要版本，其内容仍可能变化。",
    },
    "category": {"en": "Category", "zh": "类别"},
    "all-categories": {"en": "All categories", "zh": "所有类别"},
    "no-release-date": {"en": "no release date in the data yet", "zh": "数据中尚无发布日期"},
    "feature-grid": {"en": "Feature grid", "zh": "特性网格"},
    "feature-grid-intro": {
        "en": "Every feature against every Kubernetes minor, newest first, by category. Hover or tap a cell for the "
        "status and since when; follow a name for the history and sources. What Windows nodes cannot do is on "
        "the [limitations]({link}) page.",
        "zh": "每个特性在每个 Kubernetes 次要版本上的状态，最新的在前，按类别分组。把鼠标悬停在单元格上或轻触单元格，"
        "可查看状态及起始版本；点击名称可查看历史和来源。Windows 节点做不到的事情见[限制]({link})页面。",
    },
    "isolation-both": {"en": "process and Hyper-V isolation", "zh": "进程隔离和 Hyper-V 隔离"},
    "isolation-process": {"en": "process isolation only", "zh": "仅进程隔离"},
    "isolation-hyperv": {"en": "Hyper-V isolation only", "zh": "仅 Hyper-V 隔离"},
    "isolation-none": {"en": "does not run", "zh": "无法运行"},
    "isolation-short-both": {"en": "both", "zh": "两者"},
    "isolation-short-process": {"en": "process", "zh": "进程"},
    "isolation-short-hyperv": {"en": "Hyper-V only", "zh": "仅 Hyper-V"},
    "isolation-short-none": {"en": "no", "zh": "否"},
    "isolation-mode": {
        "en": "- **{mode}**: {supported} by Kubernetes. {note}",
        "zh": "- **{mode}**：Kubernetes {supported}。{note}",
    },
    "image-matrix": {"en": "Host and image isolation", "zh": "主机与镜像隔离"},
    "image-matrix-intro": {
        "en": "Rows are the node's Windows release (host), columns the release the container image was built for. "
        "*both* means the image runs with process or Hyper-V isolation, *process* with process isolation only, "
        "*Hyper-V only* that it needs Hyper-V isolation, *no* that it does not run; – means the data has no rule; "
        "`?` that the rule is inferred rather than read in a source.",
        "zh": "行是节点的 Windows 版本（主机），列是构建容器镜像时所针对的版本。*两者* 表示镜像可以以进程隔离或 "
        "Hyper-V 隔离运行，*进程* 表示只能以进程隔离运行，*仅 Hyper-V* 表示需要 Hyper-V 隔离，*否* 表示无法运行；"
        "– 表示数据中没有规则；`?` 表示该规则是推断所得，并非直接读自来源。",
    },
    "host-image": {"en": "Host \\ image", "zh": "主机 \\ 镜像"},
    "os-cell": {"en": "{listed} on Kubernetes {version}{extra}", "zh": "Kubernetes {version}：{listed}{extra}"},
    "os-cell-provisional": {"en": "; provisional: no release date yet", "zh": "；暂定：尚无发布日期"},
    "not-listed": {"en": "not listed", "zh": "未列出"},
    "none-listed": {"en": "none listed", "zh": "未列出任何版本"},
    "os-matrix": {"en": "Kubernetes and Windows Server", "zh": "Kubernetes 与 Windows Server"},
    "os-matrix-intro": {
        "en": "Which Windows Server releases each Kubernetes minor supports for Windows nodes, newest minor and newest "
        "Windows release first. *yes* means the Kubernetes documentation of that release lists it; – means it "
        "does not; `?` that the list is inferred (see the minor's page for why); *provisional* marks a minor "
        "without a release date in the data.",
        "zh": "每个 Kubernetes 次要版本支持哪些 Windows Server 版本作为 Windows 节点，最新的次要版本和最新的 "
        "Windows 版本在前。*是* 表示该版本的 Kubernetes 文档列出了它；– 表示未列出；`?` 表示该列表是推断所得"
        "（原因见该次要版本的页面）；*暂定* 表示数据中尚无发布日期的次要版本。",
    },
    # ---- The home page and its lookup box ----
    "home-title": {"en": "Windows on Kubernetes", "zh": "Kubernetes 上的 Windows"},
    "home-heading": {
        "en": "Windows on Kubernetes: what works, since when",
        "zh": "Kubernetes 上的 Windows：什么能用，从哪个版本起",
    },
    "home-intro": {
        "en": "**k8s-windows-kb** answers one question for people who run Windows nodes: *is this supported on my "
        "Kubernetes version, with my Windows Server release?* Every answer comes from a curated dataset in which "
        "each fact cites an official source.",
        "zh": "**k8s-windows-kb** 为运行 Windows 节点的人回答一个问题：*在我的 Kubernetes 版本和 Windows Server "
        "版本上，这个支持吗？* 每个答案都来自一个精心整理的数据集，其中每条事实都引用了官方来源。",
    },
    "is-it-supported": {"en": "Is it supported?", "zh": "是否支持？"},
    "is-it-supported-heading": {"en": "Is it supported?", "zh": "是否支持？ {{#is-it-supported}}"},
    "optional": {"en": "<small>(optional)</small>", "zh": "<small>（可选）</small>"},
    "covers": {"en": "What the data covers", "zh": "数据涵盖的范围"},
    "covers-features": {
        "en": "- **{count} features and limitations** in [{categories} categories]({link}), each with its history.",
        "zh": "- **{count} 个特性与限制**，分属 [{categories} 个类别]({link})，每个都附有历史。",
    },
    "covers-kubernetes": {
        "en": "- **Kubernetes {oldest} to {newest}**: the newest released is [Kubernetes {version}]({link})",
        "zh": "- **Kubernetes {oldest} 至 {newest}**：最新发布的是 [Kubernetes {version}]({link})",
    },
    "released-on": {"en": ", released {date}", "zh": "，发布于 {date}"},
    "covers-provisional-one": {
        "en": "; {minors} is provisional (no release date yet).",
        "zh": "；{minors} 是暂定版本（尚无发布日期）。",
    },
    "covers-provisional-many": {
        "en": "; {minors} are provisional (no release date yet).",
        "zh": "；{minors} 是暂定版本（尚无发布日期）。",
    },
    "full-stop": {"en": ".", "zh": "。"},
    "covers-windows": {
        "en": "- **{count} Windows Server releases**: the newest is [{name}]({link}) (`{build}`).",
        "zh": "- **{count} 个 Windows Server 版本**：最新的是 [{name}]({link})（`{build}`）。",
    },
    "covers-limitations": {
        "en": "- [What Windows cannot do]({link}), grouped by why, with what to do instead.",
        "zh": "- [Windows 做不到的事情]({link})，按原因分组，并给出替代做法。",
    },
    "covers-compare": {
        "en": "- [Compare two releases]({compare}) and [check an upgrade]({upgrade}) for your Windows nodes.",
        "zh": "- 为你的 Windows 节点[比较两个版本]({compare})和[检查升级]({upgrade})。",
    },
    "matrices": {"en": "Matrices", "zh": "矩阵"},
    "home-grid": {
        "en": "- [Feature grid]({link}): every feature at every Kubernetes minor.",
        "zh": "- [特性网格]({link})：每个特性在每个 Kubernetes 次要版本上的状态。",
    },
    "home-os": {
        "en": "- [Kubernetes and Windows Server]({link}): which node OS each release supports.",
        "zh": "- [Kubernetes 与 Windows Server]({link})：每个版本支持哪些节点操作系统。",
    },
    "home-images": {
        "en": "- [Host and image isolation]({link}): which images run on which hosts.",
        "zh": "- [主机与镜像隔离]({link})：哪些镜像能在哪些主机上运行。",
    },
    "for-scripts": {"en": "For scripts and chat", "zh": "用于脚本和聊天"},
    "for-scripts-intro": {
        "en": "The same answers come from the [JSON API]({api}), the [`kb` command]({cli}) and the [chat bots]({chat}):",
        "zh": "同样的答案也可以从 [JSON API]({api})、[`kb` 命令]({cli})和[聊天机器人]({chat})获得：",
    },
    "never-guessed": {
        "en": "The data is never guessed: an unknown feature or a version the data does not cover is an error with "
        "suggestions, never a *supported*.",
        "zh": "数据从不猜测：未知的特性或数据未涵盖的版本会得到带建议的错误，绝不会得到 *支持*。",
    },
    # ---- The forms: lookup box, compare, upgrade check ----
    "minor-provisional": {"en": " (provisional)", "zh": "（暂定）"},
    "any": {"en": "any", "zh": "任意"},
    "not-given": {"en": "not given", "zh": "未指定"},
    "from": {"en": "From", "zh": "从"},
    "to": {"en": "To", "zh": "到"},
    "compare": {"en": "Compare", "zh": "比较"},
    "compare-title": {"en": "Compare two Kubernetes releases", "zh": "比较两个 Kubernetes 版本"},
    "compare-intro": {
        "en": "Pick two minors to see everything that changes for Windows nodes between them: features that "
        "graduate, appear or go, limitations lifted or added, Windows Server releases added or dropped, runtime "
        "changes. Pick your Windows Server release to see whether it is supported at both ends and which changes "
        "concern it. The answer is the API's `/v1/diff`, and the address keeps the question, so you can share it.",
        "zh": "选两个次要版本，查看它们之间 Windows 节点方面的所有变化：特性的晋级、出现或移除，限制的解除或新增，"
        "Windows Server 版本的加入或移除，以及运行时的变化。再选上你的 Windows Server 版本，可以看到它在两端是否"
        "都受支持，以及哪些变化与它有关。答案就是 API 的 `/v1/diff`；地址中保留了问题，便于分享。",
    },
    "compare-to-upgrade": {
        "en": "To check an upgrade against your nodes' runtime too, use the [upgrade check]({link}).",
        "zh": "若还要针对节点的运行时检查升级，请使用[升级检查]({link})。",
    },
    "runtime-as-kubectl": {
        "en": "Runtime <small>(as kubectl shows it)</small>",
        "zh": "运行时 <small>（按 kubectl 显示的写法）</small>",
    },
    "check-upgrade": {"en": "Check the upgrade", "zh": "检查升级"},
    "upgrade-title": {"en": "Upgrade check", "zh": "升级检查"},
    "upgrade-intro": {
        "en": "Pick where your cluster is and where it is going, your Windows nodes' release and runtime, and see what "
        "blocks the upgrade for those nodes, step by step: the answer of `kb upgrade` and `/v1/upgrade`. "
        "How actions are graded: [planning an upgrade]({guide}). "
        "Without a runtime, [compare the two releases]({compare}) instead.",
        "zh": "选择集群当前的版本和要升级到的版本，以及 Windows 节点的版本和运行时，逐步查看哪些问题会阻碍这些节点的"
        "升级：即 `kb upgrade` 和 `/v1/upgrade` 的答案。各项措施如何分级：见[规划升级]({guide})。"
        "不指定运行时的话，可以改为[比较两个版本]({compare})。",
    },
    "upgrade-needs-api": {
        "en": "The check asks the API that `make run` serves next to this site. Elsewhere, run the same check with "
        "`kb upgrade --from 1.23 --to 1.27 --windows ltsc2019 --runtime containerd://1.7.14`.",
        "zh": "该检查会询问 `make run` 在本站旁边提供的 API。在别处，可以用 "
        "`kb upgrade --from 1.23 --to 1.27 --windows ltsc2019 --runtime containerd://1.7.14` 运行同样的检查。",
    },
    # ---- About, the footer and the coverage page ----
    "footer": {
        "en": "Dataset {version}, data built {built}, site built {site}. Data CC-BY-4.0, code Apache-2.0.",
        "zh": "数据集 {version}，数据构建于 {built}，站点构建于 {site}。数据采用 CC-BY-4.0，代码采用 Apache-2.0。",
    },
    "about": {"en": "About", "zh": "关于"},
    "dataset-version": {"en": "Dataset version", "zh": "数据集版本"},
    "content-hash": {"en": "Content hash", "zh": "内容哈希"},
    "database-built": {"en": "Database built", "zh": "数据库构建时间"},
    "site-built": {"en": "Site built", "zh": "站点构建日期"},
    "newest-released-minor": {"en": "Newest released Kubernetes minor", "zh": "最新发布的 Kubernetes 次要版本"},
    "provisional-minor": {"en": "Provisional Kubernetes minor", "zh": "暂定的 Kubernetes 次要版本"},
    "provisional-minor-says": {
        "en": "[{minor}]({link}): no release date yet, its facts may change",
        "zh": "[{minor}]({link})：尚无发布日期，其内容可能变化",
    },
    "newest-windows": {"en": "Newest Windows Server release", "zh": "最新的 Windows Server 版本"},
    "features-and-limitations": {"en": "Features and limitations", "zh": "特性与限制"},
    "citations": {"en": "Citations", "zh": "引用"},
    "citations-count": {"en": "{count} to {distinct} distinct pages", "zh": "{count} 条，指向 {distinct} 个不同页面"},
    "about-intro": {
        "en": "k8s-windows-kb is a curated, sourced dataset of what Windows nodes can do on Kubernetes, from "
        "Kubernetes {oldest} onwards and Windows Server 2016 onwards, with a JSON API, a `kb` command "
        "and this site, all generated from the same database.",
        "zh": "k8s-windows-kb 是一个精心整理、注明来源的数据集，记录 Windows 节点在 Kubernetes 上能做什么，范围从 "
        "Kubernetes {oldest} 和 Windows Server 2016 起，并配有 JSON API、`kb` 命令和本站，全部由同一个数据库生成。",
    },
    "data-from": {"en": "Where the data comes from", "zh": "数据从何而来"},
    "data-from-intro": {
        "en": "Every fact cites at least one public source, read by a person: the Kubernetes documentation and its "
        "history, KEPs, CHANGELOGs and release notes, and Microsoft's documentation for Windows containers. "
        "Descriptions are written in our own words. Facts that were inferred rather than read are marked as such "
        "on their page, and where sources disagree both values are shown.",
        "zh": "每条事实都至少引用一个由人阅读过的公开来源：Kubernetes 文档及其历史、KEP、CHANGELOG 和发行说明，"
        "以及 Microsoft 关于 Windows 容器的文档。描述都是用我们自己的话写的。推断所得而非直接读到的事实会在其页面上"
        "注明；来源说法不一时，两种取值都会列出。",
    },
    "site": {"en": "Site", "zh": "网站"},
    "licence": {"en": "Licence", "zh": "许可证"},
    "licence-text": {
        "en": "The data (everything under `data/` and the answers built from it) is under {data}: reuse it "
        "with attribution to k8s-windows-kb. The code is under {code}.",
        "zh": "数据（`data/` 下的全部内容及由其生成的答案）采用 {data} 许可：复用时请注明出自 k8s-windows-kb。"
        "代码采用 {code} 许可。",
    },
    "freshness": {"en": "How fresh it is", "zh": "数据有多新"},
    "found-wrong": {
        "en": "Found something wrong or missing? See [contributing data]({link}).",
        "zh": "发现错误或遗漏？请参见[贡献数据]({link})。",
    },
    "coverage": {"en": "Coverage", "zh": "覆盖范围"},
    "coverage-intro": {
        "en": "What the knowledge base holds, counted from the data when the site was built. A fact is one "
        "dated, sourced statement: a history step, a release, an OS list for one Kubernetes minor, or an "
        "image-compatibility row. Inferred facts were reasoned from sources rather than read in one, and "
        "are marked as such wherever they appear. Where sources disagree, the entry records the other "
        "value, its source and why the data chose its own.",
        "zh": "知识库收录了什么，在构建站点时从数据中统计。一条事实是一个注明日期和来源的陈述：一个历史步骤、"
        "一个版本、某个 Kubernetes 次要版本的操作系统列表，或镜像兼容性表中的一行。推断所得的事实是根据来源推理"
        "得出而非直接读到的，出现的每一处都会注明。来源说法不一时，条目会记录另一种取值、其来源，以及本数据为何"
        "选择自己的取值。",
    },
    "measure": {"en": "Measure", "zh": "指标"},
    "facts": {"en": "Facts", "zh": "事实"},
    "facts-inferred": {"en": "Facts marked inferred", "zh": "标为推断的事实"},
    "disagreements-recorded": {"en": "Source disagreements recorded", "zh": "记录的来源分歧"},
    "distinct-sources": {"en": "Distinct source URLs", "zh": "不同的来源 URL"},
    "kubernetes-minors": {"en": "Kubernetes minors", "zh": "Kubernetes 次要版本"},
    "count-range": {"en": "{count} ({first} to {last})", "zh": "{count}（{first} 至 {last}）"},
    "newest-minor": {"en": "Newest Kubernetes minor", "zh": "最新的 Kubernetes 次要版本"},
    "released-paren": {"en": " (released {date})", "zh": "（发布于 {date}）"},
    "date-not-confirmed": {"en": " (release date not confirmed)", "zh": "（发布日期未确认）"},
    "newest-confirmed": {"en": "Newest with a confirmed release date", "zh": "发布日期已确认的最新版本"},
    "id-date": {"en": "{id} ({date})", "zh": "{id}（{date}）"},
    "name-ga": {"en": "{name} (GA {date})", "zh": "{name}（GA {date}）"},
    "by-category": {"en": "By category", "zh": "按类别"},
    "features": {"en": "Features", "zh": "特性"},
    "total": {"en": "Total", "zh": "合计"},
    "by-status": {"en": "By status at Kubernetes {minor}", "zh": "按 Kubernetes {minor} 上的状态"},
    "entries": {"en": "Entries", "zh": "条目数"},
    "by-kind": {"en": "By kind", "zh": "按类型"},
    "by-domain": {"en": "Sources by domain", "zh": "按域名统计的来源"},
    "domain": {"en": "Domain", "zh": "域名"},
    "distinct-urls": {"en": "Distinct URLs", "zh": "不同 URL 数"},
    # ---- The HTTP API and kb command guides ----
    "api-intro": {
        "en": "{summary} Version {version}. `make run` serves it on localhost; the interactive OpenAPI page is at "
        "`/docs` and the schema at `/openapi.json`.",
        "zh": "{summary} 版本 {version}。`make run` 会在本机提供服务；交互式 OpenAPI 页面在 `/docs`，"
        "模式（schema）在 `/openapi.json`。",
    },
    "api-errors": {
        "en": 'Errors are JSON of the shape `{{"error": {{"code", "message", "suggestions"}}}}`: 404 for an unknown '
        "feature or version, 422 for input that cannot be read. In scripts, let `jq -e` turn the answer into an "
        "exit code:",
        "zh": '错误是形如 `{{"error": {{"code", "message", "suggestions"}}}}` 的 JSON：未知的特性或版本返回 404，'
        "无法读取的输入返回 422。在脚本中，可以用 `jq -e` 把答案变成退出码：",
    },
    "api-chat-call": {
        "en": "Called by the chat service with a signed request: see the [chat bots guide]({link}).",
        "zh": "由聊天服务以签名请求调用：参见[聊天机器人指南]({link})。",
    },
    "example-body": {"en": "Example body.json", "zh": "示例 body.json"},
    "example-answer": {"en": "Example answer", "zh": "示例答案"},
    "example-answers": {"en": "Example answers", "zh": "示例答案"},
    "parameter": {"en": "Parameter", "zh": "参数"},
    "in": {"en": "In", "zh": "位置"},
    "example": {"en": "Example", "zh": "示例"},
    "answers-with": {"en": "Answers with {schema}.", "zh": "返回 {schema}。"},
    "list-of": {"en": "list of `{name}`", "zh": "`{name}` 列表"},
    "cli-title": {"en": "The kb command", "zh": "kb 命令"},
    "exit-codes": {"en": "Exit codes, for scripts:", "zh": "退出码（供脚本使用）："},
    "code": {"en": "Code", "zh": "代码"},
    "option": {"en": "Option", "zh": "选项"},
    "argument": {"en": "argument", "zh": "参数"},
    "option-default": {"en": " Default: `{default}`.", "zh": " 默认值：`{default}`。"},
    "option-environment": {"en": " Environment: `{name}`.", "zh": " 环境变量：`{name}`。"},
    "exit-supported": {
        "en": "supported (the answer's `supported` is true)",
        "zh": "支持（答案中的 `supported` 为 true）",
    },
    "exit-not-supported": {"en": "not supported", "zh": "不支持"},
    "exit-bad-input": {
        "en": "unknown feature, invalid version or other bad input (message on stderr)",
        "zh": "未知特性、无效版本或其他错误输入（消息输出到 stderr）",
    },
    # ---- The chat bots guide ----
    "chatops-title": {"en": "Chat bots", "zh": "聊天机器人"},
    "chatops-intro": {
        "en": "The API answers questions typed in Slack and Microsoft Teams, using the same engine as "
        "`/v1/ask`. Ask `/k8swin hostprocess {newest}`, `/k8swin gmsa 1.18 containerd` or `/k8swin help`.",
        "zh": "API 可以回答在 Slack 和 Microsoft Teams 中输入的问题，所用的引擎与 `/v1/ask` 相同。"
        "可以问 `/k8swin hostprocess {newest}`、`/k8swin gmsa 1.18 containerd` 或 `/k8swin help`。",
    },
    "chatops-verify": {
        "en": "Both endpoints verify every request before reading it: an endpoint whose secret is not set answers "
        "503 naming the variable to set, and a missing or wrong signature answers 401.",
        "zh": "两个端点在读取请求之前都会先验证它：未设置密钥的端点返回 503，并指明需要设置的变量；"
        "签名缺失或错误时返回 401。",
    },
    "chatops-links": {
        "en": "Answers link to this site's feature pages: set `{variable}` to the address the site is served at "
        "(for example `https://kb.example.com`).",
        "zh": "答案会链接到本站的特性页面：请把 `{variable}` 设置为本站的访问地址（例如 `https://kb.example.com`）。",
    },
    "slack-title": {"en": "Slack slash command", "zh": "Slack 斜杠命令"},
    "slack-1": {
        "en": "1. Serve the API where Slack can reach it over HTTPS (a reverse proxy in front of `kb serve`).",
        "zh": "1. 让 Slack 能通过 HTTPS 访问到 API（在 `kb serve` 前面放一个反向代理）。",
    },
    "slack-2": {
        "en": "2. At <https://api.slack.com/apps>, create an app *from scratch* in your workspace.",
        "zh": "2. 在 <https://api.slack.com/apps> 上，在你的工作区中 *从零开始（from scratch）* 创建一个应用。",
    },
    "slack-3": {
        "en": "3. Under **Slash Commands**, create `/k8swin` with the request URL `https://<your-host>{endpoint}`.",
        "zh": "3. 在 **Slash Commands** 下创建 `/k8swin`，请求 URL 为 `https://<your-host>{endpoint}`。",
    },
    "slack-4": {
        "en": "4. Under **Basic Information**, copy the **Signing Secret** and set it as `{variable}` in the "
        "API's environment; restart the API.",
        "zh": "4. 在 **Basic Information** 下复制 **Signing Secret**，把它设置为 API 环境中的 `{variable}`；然后重启 API。",
    },
    "slack-5": {
        "en": "5. Install the app to the workspace, then type `/k8swin help` in any channel.",
        "zh": "5. 把应用安装到工作区，然后在任意频道中输入 `/k8swin help`。",
    },
    "slack-share": {
        "en": "Answers are visible only to you; add `share` to the text to post the answer to the channel. Slack "
        "requests older than five minutes are refused, so keep the server clock in sync.",
        "zh": "答案只有你自己能看到；在文字中加上 `share` 即可把答案发到频道里。超过五分钟的 Slack 请求会被拒绝，"
        "因此请保持服务器时钟同步。",
    },
    "teams-title": {"en": "Microsoft Teams outgoing webhook", "zh": "Microsoft Teams 传出 Webhook"},
    "teams-1": {
        "en": "1. Serve the API where Teams can reach it over HTTPS.",
        "zh": "1. 让 Teams 能通过 HTTPS 访问到 API。",
    },
    "teams-2": {
        "en": "2. In Teams, open the team, choose **Manage team → Apps → Create an outgoing webhook**.",
        "zh": "2. 在 Teams 中打开团队，选择 **Manage team → Apps → Create an outgoing webhook**"
        "（管理团队 → 应用 → 创建传出 Webhook）。",
    },
    "teams-3": {
        "en": "3. Name it `k8swin` and set the callback URL to `https://<your-host>{endpoint}`.",
        "zh": "3. 将其命名为 `k8swin`，并把回调 URL 设置为 `https://<your-host>{endpoint}`。",
    },
    "teams-4": {
        "en": "4. Copy the **security token** Teams shows once and set it as `{variable}`; restart the API.",
        "zh": "4. 复制 Teams 只显示一次的 **security token**（安全令牌），把它设置为 `{variable}`；然后重启 API。",
    },
    "teams-5": {
        "en": "5. In a channel of that team, write `@k8swin hostprocess {newest}`.",
        "zh": "5. 在该团队的某个频道中输入 `@k8swin hostprocess {newest}`。",
    },
    "chatops-api": {
        "en": "The [HTTP API guide]({link}) lists both endpoints with the rest.",
        "zh": "[HTTP API 指南]({link})列出了这两个端点以及其余所有端点。",
    },
    # ---- The contributing guide ----
    "contributing-title": {"en": "Contributing data", "zh": "贡献数据"},
    "contributing-intro": {
        "en": "Every page of this site, every API answer and every `kb` answer is generated from the YAML files under "
        "`data/`. To correct a fact, change one file and open a pull request: the diff is the review.",
        "zh": "本站的每个页面、API 的每个答案和 `kb` 的每个答案都由 `data/` 下的 YAML 文件生成。要更正一条事实，"
        "修改一个文件并提交拉取请求（pull request）即可：评审看的就是这份差异。",
    },
    "data-kubernetes": {
        "en": "Kubernetes minors: dates, end of life, Windows node stage.",
        "zh": "Kubernetes 次要版本：日期、生命周期结束、Windows 节点支持阶段。",
    },
    "data-windows": {
        "en": "Windows Server releases: build, channel, support dates, image tags, aliases.",
        "zh": "Windows Server 版本：内部版本、服务频道、支持日期、镜像标签、别名。",
    },
    "data-os-support": {
        "en": "Which Windows releases each Kubernetes minor supports for nodes.",
        "zh": "每个 Kubernetes 次要版本支持哪些 Windows 版本作为节点。",
    },
    "data-runtimes": {
        "en": "Container runtimes and their history per Kubernetes minor.",
        "zh": "容器运行时及其在各个 Kubernetes 次要版本上的历史。",
    },
    "data-image-compatibility": {
        "en": "Host build x image build x isolation mode.",
        "zh": "主机内部版本 × 镜像内部版本 × 隔离模式。",
    },
    "data-categories": {"en": "The feature categories.", "zh": "特性的类别。"},
    "data-features": {
        "en": "One feature or limitation per file, with its history.",
        "zh": "每个文件一个特性或限制，附其历史。",
    },
    "the-files": {"en": "The files", "zh": "文件"},
    "file": {"en": "File", "zh": "文件"},
    "holds": {"en": "Holds", "zh": "内容"},
    "type": {"en": "Type", "zh": "类型"},
    "or": {"en": " or ", "zh": " 或 "},
    "list-of-type": {"en": "list of {type}", "zh": "{type} 列表"},
    "schema-editor": {
        "en": "Point your editor at the JSON Schema for completion and checks (for VS Code with the YAML extension, "
        "`# yaml-language-server: $schema=../../docs/schema/features.schema.json` at the top of a feature file). "
        "`kb schema` regenerates the schemas from the models; a test keeps them in sync.",
        "zh": "让编辑器使用 JSON Schema，即可获得补全和检查（对于装有 YAML 扩展的 VS Code，在特性文件顶部写上 "
        "`# yaml-language-server: $schema=../../docs/schema/features.schema.json`）。`kb schema` 会根据模型重新"
        "生成这些模式；有测试保证它们保持同步。",
    },
    "feature-file": {"en": "A feature file", "zh": "特性文件"},
    "history-step": {"en": "A history step", "zh": "历史步骤"},
    "history-step-intro": {
        "en": "A step holds from its `since` minor until the next step. Status is one of `not-supported`, `alpha`, "
        "`beta`, `stable`, `deprecated`, `removed`.",
        "zh": "一个步骤从它的 `since` 次要版本开始生效，直到下一个步骤为止。状态取值为 `not-supported`、`alpha`、"
        "`beta`、`stable`、`deprecated`、`removed` 之一。",
    },
    "sources-rule": {"en": "The sources rule", "zh": "来源规则"},
    "sources-rule-cite": {
        "en": "- Every entity and every history step cites at least one source URL: kubernetes.io, a KEP, a CHANGELOG, "
        "Microsoft's container documentation. Pin docs pages to a commit where the page changes over time.",
        "zh": "- 每个实体和每个历史步骤都至少引用一个来源 URL：kubernetes.io、KEP、CHANGELOG 或 Microsoft 的容器文档。"
        "对于会随时间变化的文档页面，请固定到某个提交。",
    },
    "sources-rule-words": {
        "en": "- Write descriptions and notes in your own words; never copy sentences from a source.",
        "zh": "- 用自己的话撰写描述和说明；绝不从来源中照搬句子。",
    },
    "sources-rule-guess": {
        "en": "- Never guess. When a fact is inferred rather than read, mark the step `confidence: inferred` and say why "
        "in `confidence_note`. Where sources disagree, record the other value under `disagreements` with the "
        "reason for the choice.",
        "zh": "- 绝不猜测。某条事实若是推断所得而非直接读到，请把该步骤标为 `confidence: inferred`，并在 "
        "`confidence_note` 中说明原因。来源说法不一时，把另一种取值记录在 `disagreements` 下，并写明取舍的理由。",
    },
    "build-and-test": {"en": "Build and test", "zh": "构建与测试"},
    "build-commands": {
        "en": "make install                 # virtual environment in .venv\n"
        ".venv/bin/kb build           # validate data/ and write build/kb.db\n"
        "make site                    # build this site (mkdocs build --strict)\n"
        "make test                    # every test, browser tests included\n"
        ".venv/bin/pytest -m 'not browser'   # without the browser\n"
        "KB_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_site.py   # regenerate golden pages, then review the diff",
        "zh": "make install                 # 在 .venv 中创建虚拟环境\n"
        ".venv/bin/kb build           # 校验 data/ 并写出 build/kb.db\n"
        "make site                    # 构建本站（mkdocs build --strict，中英文两种语言）\n"
        "make test                    # 运行全部测试，包括浏览器测试\n"
        ".venv/bin/pytest -m 'not browser'   # 不运行浏览器测试\n"
        "KB_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_site.py   # 重新生成黄金文件，然后审阅差异",
    },
    "build-errors": {
        "en": "`kb build` names the file, the entry and the field of every error, and writes nothing when the data is "
        "invalid.",
        "zh": "`kb build` 会为每个错误指明文件、条目和字段；数据无效时，它什么也不写入。",
    },
    "meaning-id": {
        "en": "Stable kebab-case id, also the file name; never changes once published.",
        "zh": "稳定的 kebab-case 标识，也是文件名；一经发布永不更改。",
    },
    "meaning-name": {"en": "The name people know it by.", "zh": "人们熟知的名称。"},
    "meaning-category": {"en": "A category id from data/categories.yaml.", "zh": "data/categories.yaml 中的类别 ID。"},
    "meaning-kind": {
        "en": "`feature` (something you can use) or `limitation` (a lasting difference on Windows).",
        "zh": "`feature`（可以使用的功能）或 `limitation`（Windows 上长期存在的差异）。",
    },
    "meaning-summary": {"en": "One or two sentences in our own words.", "zh": "用我们自己的话写的一两句话。"},
    "meaning-aliases": {
        "en": "Words operators type for it; each may name only one feature.",
        "zh": "运维人员用来指代它的词；每个别名只能指向一个特性。",
    },
    "meaning-feature_gates": {
        "en": "Kubernetes feature gates that control it.",
        "zh": "控制它的 Kubernetes 特性门控。",
    },
    "meaning-kep": {
        "en": "The Kubernetes Enhancement Proposal: number and URL.",
        "zh": "Kubernetes 增强提案（KEP）：编号和 URL。",
    },
    "meaning-fields": {
        "en": "Pod-spec field paths concerned, with what Windows does with each.",
        "zh": "涉及的 Pod 规约字段路径，以及 Windows 对每个字段的处理方式。",
    },
    "meaning-related": {"en": "Ids of related features.", "zh": "相关特性的 ID。"},
    "meaning-instead": {
        "en": "What to do instead: the alternative the sources give, and the features to use.",
        "zh": "替代做法：来源给出的替代方案，以及可以改用的特性。",
    },
    "meaning-history": {
        "en": "Ordered steps, oldest first (see below).",
        "zh": "按顺序排列的步骤，最早的在前（见下文）。",
    },
    "meaning-variants": {
        "en": "Cases of the feature whose support differs.",
        "zh": "该特性中支持情况各不相同的几种情形。",
    },
    "meaning-notes": {"en": "Facts that hold across the whole history.", "zh": "在整个历史中都成立的事实。"},
    "meaning-disagreements": {
        "en": "Values other sources give, with the one chosen and why.",
        "zh": "其他来源给出的取值，以及所选的取值和理由。",
    },
    "meaning-sources": {
        "en": "URLs the entry was read in (at least one).",
        "zh": "读取该条目所依据的 URL（至少一个）。",
    },
    "meaning-confidence": {"en": "`read` (the default) or `inferred`.", "zh": "`read`（默认）或 `inferred`。"},
    "meaning-confidence_note": {"en": "Why an inferred fact was inferred.", "zh": "推断所得的事实为何要推断。"},
    "meaning-since": {
        "en": "The Kubernetes minor the step starts at, written `1.N`.",
        "zh": "该步骤开始的 Kubernetes 次要版本，写作 `1.N`。",
    },
    "meaning-status": {"en": "One of the closed set of statuses.", "zh": "固定状态集合中的一个。"},
    "meaning-enabled_by_default": {
        "en": "Whether the feature gate is on by default in this step.",
        "zh": "在此步骤中特性门控是否默认开启。",
    },
    "meaning-partial": {"en": "Usable, with limits the note explains.", "zh": "可用，但有限制，说明中会解释。"},
    "meaning-reason": {
        "en": "Why not, for not-supported and removed.",
        "zh": "不支持的原因，用于 not-supported 和 removed。",
    },
    "meaning-requirements": {
        "en": "Minimum Windows release, runtime and version, or free text.",
        "zh": "最低的 Windows 版本、运行时及其版本，或自由文本。",
    },
    "meaning-note": {
        "en": "What changed at this step, in our own words.",
        "zh": "此步骤有什么变化，用我们自己的话写。",
    },
    # ---- The navigation ----
    "nav-home": {"en": "Home", "zh": "首页"},
    "nav-features": {"en": "Features", "zh": "特性"},
    "nav-all-features": {"en": "All features", "zh": "所有特性"},
    "nav-limitations": {"en": "Limitations", "zh": "限制"},
    "nav-releases": {"en": "Releases", "zh": "版本"},
    "nav-matrices": {"en": "Matrices", "zh": "矩阵"},
    "nav-feature-grid": {"en": "Feature grid", "zh": "特性网格"},
    "nav-os-matrix": {"en": "Kubernetes x Windows", "zh": "Kubernetes × Windows"},
    "nav-image-matrix": {"en": "Host x image", "zh": "主机 × 镜像"},
    "nav-compare": {"en": "Compare", "zh": "比较"},
    "nav-compare-releases": {"en": "Compare releases", "zh": "比较版本"},
    "nav-upgrade": {"en": "Upgrade check", "zh": "升级检查"},
    "nav-guides": {"en": "Guides", "zh": "指南"},
    "nav-api": {"en": "HTTP API", "zh": "HTTP API"},
    "nav-chatops": {"en": "Chat bots", "zh": "聊天机器人"},
    "nav-cli": {"en": "kb command", "zh": "kb 命令"},
    "nav-contributing": {"en": "Contributing data", "zh": "贡献数据"},
    "nav-coverage": {"en": "Coverage", "zh": "覆盖范围"},
    "nav-about": {"en": "About", "zh": "关于"},
}


def word(lang: Lang, key: str, **values: object) -> str:
    """The page word ``key`` in ``lang``, filled with ``values``."""
    return WORDS[key][lang].format(**values)


def page_language(catalog: Catalog) -> Lang:
    """The language of pages generated from ``catalog``: its own (English for one the site is not built in)."""
    return "zh" if catalog.lang == "zh" else "en"


def page_words(lang: str) -> PageWords:
    """``word`` bound to ``lang`` (a catalog's ``lang``; English for a language the site is not built in)."""
    chosen: Lang = "zh" if lang == "zh" else "en"
    return lambda key, **values: word(chosen, key, **values)
