"""The shapes of the Kubernetes objects the checks read: Nodes and workloads, as typed models.

Only the fields a check reads are declared, with the types the Kubernetes API gives them; every
other field is allowed and left alone (the field rules walk the raw objects). The checks validate
each object against these models before reading it, so a wrongly typed value is bad input that
names its path (``spec.containers: Input should be a valid list``), never a crash further on.
The API's OpenAPI description declares its request bodies with the same models.

Validation is strict: ``hostNetwork: "true"`` or ``name: 5`` is refused as the API server would.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kb.checks.fields import Location, render_location


class Shape(BaseModel):
    """A Kubernetes object part: declared fields typed strictly, any other field allowed."""

    model_config = ConfigDict(extra="allow", strict=True)


class ObjectMeta(Shape):
    name: str | None = None
    labels: dict[str, str] | None = None


class NodeInfo(Shape):
    kubeletVersion: str = Field(examples=["v1.29.4"])
    kernelVersion: str | None = Field(default=None, examples=["10.0.17763.5820"])
    osImage: str | None = Field(default=None, examples=["Windows Server 2019 Datacenter"])
    containerRuntimeVersion: str | None = Field(default=None, examples=["containerd://1.7.14"])
    operatingSystem: str | None = Field(default=None, examples=["windows"])


class NodeStatus(Shape):
    nodeInfo: NodeInfo


class Node(Shape):
    """A Node as ``kubectl get node -o json`` prints it (the fields the node check reads)."""

    kind: Literal["Node"] | None = "Node"
    metadata: ObjectMeta | None = None
    status: NodeStatus


class NodeList(Shape):
    """The output of ``kubectl get nodes -o json``."""

    kind: Literal["NodeList", "List"]
    items: list[Node]


NodeInput = NodeList | Node
"""What the node check reads: a list of nodes or one node."""


class WindowsOptions(Shape):
    hostProcess: bool | None = None
    runAsUserName: str | None = None
    gmsaCredentialSpecName: str | None = None
    gmsaCredentialSpec: str | None = None


class SecurityContext(Shape):
    windowsOptions: WindowsOptions | None = None


class Container(Shape):
    name: str | None = None
    image: str | None = None
    securityContext: SecurityContext | None = None


class PodOS(Shape):
    name: str


class NodeSelectorRequirement(Shape):
    key: str
    operator: str
    values: list[str] | None = None


class NodeSelectorTerm(Shape):
    matchExpressions: list[NodeSelectorRequirement] | None = None


class NodeSelector(Shape):
    nodeSelectorTerms: list[NodeSelectorTerm] | None = None


class NodeAffinity(Shape):
    requiredDuringSchedulingIgnoredDuringExecution: NodeSelector | None = None


class Affinity(Shape):
    nodeAffinity: NodeAffinity | None = None


class PodSpec(Shape):
    os: PodOS | None = None
    containers: list[Container] | None = None
    initContainers: list[Container] | None = None
    ephemeralContainers: list[Container] | None = None
    securityContext: SecurityContext | None = None
    nodeSelector: dict[str, str] | None = None
    affinity: Affinity | None = None
    hostNetwork: bool | None = None


class PodTemplateSpec(Shape):
    """A pod or a pod template: its metadata and spec."""

    metadata: ObjectMeta | None = None
    spec: PodSpec


class Pod(PodTemplateSpec):
    kind: Literal["Pod"]


class TemplateSpec(Shape):
    template: PodTemplateSpec


class TemplatedWorkload(Shape):
    """A workload whose pod template is at ``spec.template``."""

    kind: Literal["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"]
    metadata: ObjectMeta | None = None
    spec: TemplateSpec


class JobTemplate(Shape):
    spec: TemplateSpec


class CronJobSpec(Shape):
    jobTemplate: JobTemplate


class CronJob(Shape):
    kind: Literal["CronJob"]
    metadata: ObjectMeta | None = None
    spec: CronJobSpec


class PodTemplate(Shape):
    kind: Literal["PodTemplate"]
    metadata: ObjectMeta | None = None
    template: PodTemplateSpec


class OtherObject(Shape):
    """Any other Kubernetes object (ConfigMap, Service, ...): listed as skipped, never read."""

    kind: str


Workload = Pod | TemplatedWorkload | CronJob | PodTemplate


class ObjectList(Shape):
    """A List of objects (``kubectl get ... -o json``)."""

    kind: Literal["List", "PodList", "DeploymentList", "StatefulSetList", "DaemonSetList", "JobList"]
    items: list[Workload | OtherObject] | None = None


ManifestObject = Workload | ObjectList | OtherObject
"""One document of a manifest, as the OpenAPI description declares it: the manifest check reads each
workload with its model from :data:`WORKLOAD_SHAPES` and requires a ``kind`` of every other object."""

WORKLOAD_SHAPES: dict[str, type[Shape]] = {
    "Pod": Pod,
    "Deployment": TemplatedWorkload,
    "StatefulSet": TemplatedWorkload,
    "DaemonSet": TemplatedWorkload,
    "ReplicaSet": TemplatedWorkload,
    "ReplicationController": TemplatedWorkload,
    "Job": TemplatedWorkload,
    "CronJob": CronJob,
    "PodTemplate": PodTemplate,
}
"""The model each workload kind is read with."""


def shape_problem(value: Any, shape: type[Shape], at: Location = ()) -> str | None:
    """Why ``value`` does not have ``shape`` (the first few wrong paths), or None when it has.

    ``at`` is where ``value`` sits in its document, so the paths named are the document's.
    """
    try:
        shape.model_validate(value)
    except ValidationError as exc:
        return "; ".join(
            f"{render_location((*at, *error['loc'])) or 'the object'}: {error['msg']}" for error in exc.errors()[:3]
        )
    return None
