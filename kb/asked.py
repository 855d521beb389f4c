"""What a free-text question was read as, and the answer it got: the shape of ``/v1/ask``, ``kb ask`` and chat.

``AskAnswer.answer`` is one of the engine's answer models, told apart by its ``kind``: the same model
the REST route for that kind returns, so a question answers exactly as the structured route does.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from kb.answers import Answer, FeatureRef, SupportAnswer, WindowsRef
from kb.compat import ImageCompatAnswer
from kb.diff import ReleaseDiff
from kb.feature_facts import FeatureStageAnswer, GateAnswer, RuntimeNeedAnswer
from kb.node_os import NodeOsAnswer, NodeOsList
from kb.release_facts import KubernetesFact, NodeStageAnswer, WindowsFact
from kb.runtime_support import RuntimeList, RuntimeSupportAnswer
from kb.upgrade import UpgradePlan

AnyAnswer = Annotated[
    SupportAnswer
    | GateAnswer
    | FeatureStageAnswer
    | RuntimeNeedAnswer
    | NodeOsList
    | NodeOsAnswer
    | RuntimeList
    | RuntimeSupportAnswer
    | ImageCompatAnswer
    | KubernetesFact
    | WindowsFact
    | ReleaseDiff
    | UpgradePlan
    | NodeStageAnswer,
    Field(discriminator="kind"),
]
"""Every kind of answer a question can get, told apart by ``kind``."""


class Interpretation(Answer):
    """What a free-text question was read as: its kind and every entity, with the words behind each."""

    kind: str | None = Field(description="The kind of question, e.g. feature-support, windows-support, image-compat.")
    feature: FeatureRef | None = None
    kubernetes: str | None = Field(
        default=None, description="The Kubernetes minor answered for (the 'from' of a range)."
    )
    kubernetes_to: str | None = Field(default=None, description="The 'to' minor of a range (upgrades, changes).")
    kubernetes_defaulted: bool = Field(
        default=False,
        description="true when the question gave no Kubernetes version and the newest released minor was used.",
    )
    windows: WindowsRef | None = None
    runtime: str | None = None
    host: WindowsRef | None = Field(default=None, description="The node's Windows release (image questions).")
    image: WindowsRef | None = Field(default=None, description="The container image's Windows release.")
    isolation: str | None = None
    subject: str | None = Field(
        default=None, description="The fact asked about: release-date, end-of-life, build, image-tags, stage..."
    )
    stage: str | None = Field(default=None, description="The stage the question asks about (alpha, beta, stable...).")
    understood: list[str] = Field(default=[], description="Each word group read and what it resolved to.")
    not_understood: list[str] = Field(default=[], description="Words that took no part in the answer.")
    notes: list[str] = []


class AskAnswer(Answer):
    """A free-text question, how it was read, the engine's answer and one line for humans."""

    question: str
    interpretation: Interpretation
    answer: AnyAnswer = Field(description="The engine's answer, of the model its `kind` names.")
    supported: bool | None = Field(
        description="The answer to a yes/no question (supported, still maintained, at that stage); null for a "
        "factual one. `jq -e .supported` exits 0 on yes."
    )
    text: str = Field(description="The answer in one line, as the CLI and chat show it.")

    model_config = Answer.model_config | {
        "json_schema_extra": {
            "example": {
                "question": "is hostprocess supported on 1.22 with ws2019?",
                "interpretation": {
                    "kind": "feature-support",
                    "feature": {"id": "hostprocess-containers", "name": "HostProcess containers"},
                    "kubernetes": "1.22",
                    "kubernetes_to": None,
                    "kubernetes_defaulted": False,
                    "windows": {"id": "ltsc2019", "name": "Windows Server 2019", "build": "10.0.17763"},
                    "runtime": None,
                    "host": None,
                    "image": None,
                    "isolation": None,
                    "subject": None,
                    "stage": None,
                    "understood": [
                        "Windows: ws2019 -> ltsc2019",
                        "Kubernetes: 1.22 -> 1.22",
                        "feature: hostprocess -> hostprocess-containers",
                    ],
                    "not_understood": [],
                    "notes": [],
                },
                "answer": {
                    "kind": "feature-support",
                    "status": "alpha",
                    "supported": True,
                    "...": "the /v1/support answer",
                },
                "text": "HostProcess containers on Kubernetes 1.22 with Windows Server 2019: alpha, supported (...).",
            }
        }
    }
