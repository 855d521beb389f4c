"""Answers -> one line of text for people: the CLI, ``text/plain`` and chat all use these.

Each kind of answer has one wording function (in :mod:`kb.render.features`, :mod:`kb.render.releases`
and :mod:`kb.render.changes`); :func:`any_line` finds it by the answer's type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from kb.answers import FeatureDetail, FeatureRef, FeatureSummary, SupportAnswer
from kb.asked import AskAnswer
from kb.compat import ImageCompatAnswer
from kb.dataset import DatasetMeta
from kb.diff import Change, ReleaseDiff
from kb.feature_facts import FeatureStageAnswer, GateAnswer, RuntimeNeedAnswer
from kb.i18n import Lang, spaced
from kb.node_os import NodeOsAnswer, NodeOsList
from kb.release_facts import KubernetesFact, NodeStageAnswer, WindowsFact
from kb.releases import KubernetesReleaseView, OsMatrix, WindowsReleaseView
from kb.render import zh
from kb.render.changes import change_line, diff_line, diff_lines, image_compat_line, upgrade_line
from kb.render.features import (
    feature_detail_line,
    feature_ref_line,
    feature_stage_line,
    feature_summary_line,
    gate_line,
    runtime_need_line,
    source_note,
    support_line,
)
from kb.render.releases import (
    kubernetes_fact_line,
    kubernetes_line,
    matrix_lines,
    meta_line,
    node_os_line,
    node_os_list_line,
    node_stage_line,
    runtime_support_line,
    runtimes_line,
    windows_fact_line,
    windows_line,
)
from kb.runtime_support import RuntimeList, RuntimeSupportAnswer
from kb.upgrade import UpgradePlan

__all__ = ["any_line", "source_note", "support_line", "text_lines", "upgrade_line"]


def generic_line(value: object) -> str:
    """A line for any answer without its own: its scalar fields as 'key=value', space separated."""
    if isinstance(value, BaseModel):
        fields = value.model_dump(mode="json")
        return " ".join(f"{k}={v}" for k, v in fields.items() if isinstance(v, str | int | float | bool))
    return str(value)


LINES: dict[type, Callable[[Any], str]] = {
    SupportAnswer: support_line,
    GateAnswer: gate_line,
    FeatureStageAnswer: feature_stage_line,
    RuntimeNeedAnswer: runtime_need_line,
    FeatureSummary: feature_summary_line,
    FeatureDetail: feature_detail_line,
    FeatureRef: feature_ref_line,
    KubernetesReleaseView: kubernetes_line,
    WindowsReleaseView: windows_line,
    KubernetesFact: kubernetes_fact_line,
    WindowsFact: windows_fact_line,
    NodeOsList: node_os_list_line,
    NodeOsAnswer: node_os_line,
    RuntimeSupportAnswer: runtime_support_line,
    RuntimeList: runtimes_line,
    NodeStageAnswer: node_stage_line,
    ImageCompatAnswer: image_compat_line,
    Change: change_line,
    ReleaseDiff: diff_line,
    DatasetMeta: meta_line,
    UpgradePlan: upgrade_line,
    AskAnswer: lambda answer: answer.text,
}
MULTI_LINES: dict[type, Callable[[Any], list[str]]] = {OsMatrix: matrix_lines, ReleaseDiff: diff_lines}

LINES_ZH: dict[type, Callable[[Any], str]] = {
    SupportAnswer: zh.support_line,
    GateAnswer: zh.gate_line,
    FeatureStageAnswer: zh.feature_stage_line,
    RuntimeNeedAnswer: zh.runtime_need_line,
    FeatureSummary: zh.feature_summary_line,
    FeatureDetail: zh.feature_detail_line,
    FeatureRef: zh.feature_ref_line,
    KubernetesReleaseView: zh.kubernetes_line,
    WindowsReleaseView: zh.windows_line,
    KubernetesFact: zh.kubernetes_fact_line,
    WindowsFact: zh.windows_fact_line,
    NodeOsList: zh.node_os_list_line,
    NodeOsAnswer: zh.node_os_line,
    RuntimeSupportAnswer: zh.runtime_support_line,
    RuntimeList: zh.runtimes_line,
    NodeStageAnswer: zh.node_stage_line,
    ImageCompatAnswer: zh.image_compat_line,
    Change: zh.change_line,
    ReleaseDiff: zh.diff_line,
    DatasetMeta: zh.meta_line,
    UpgradePlan: zh.upgrade_line,
    AskAnswer: lambda answer: answer.text,
}
MULTI_LINES_ZH: dict[type, Callable[[Any], list[str]]] = {OsMatrix: zh.matrix_lines, ReleaseDiff: zh.diff_lines}


def any_line(value: object, lang: Lang = "en") -> str:
    """The one line for an answer of any kind the engine gives, in ``lang``."""
    if lang == "zh":
        return spaced(LINES_ZH.get(type(value), generic_line)(value))
    return LINES.get(type(value), generic_line)(value)


def text_lines(value: object, lang: Lang = "en") -> list[str]:
    """An answer as text: one line, or one line per item of a list or a table."""
    if isinstance(value, list):
        return [any_line(item, lang) for item in value]
    if lang == "zh" and type(value) in MULTI_LINES_ZH:
        return [spaced(line) for line in MULTI_LINES_ZH[type(value)](value)]
    if lang == "en" and type(value) in MULTI_LINES:
        return MULTI_LINES[type(value)](value)
    return [any_line(value, lang)]
