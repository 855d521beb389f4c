"""Operator tools over HTTP: check nodes, check manifests, plan an upgrade. HTTP only: logic is in kb."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from api.deps import CatalogDep
from api.errors import ERROR_RESPONSES
from api.examples import UPGRADE, example
from api.represent import FormatDep, represent
from kb.checks.documents import MAX_INPUT_BYTES, Document, read_documents, read_json_value
from kb.checks.fields import render_location
from kb.checks.manifest import ManifestReport, check_manifests
from kb.checks.nodes import NodeCheckReport, check_nodes, windows_hosts
from kb.checks.objects import ManifestObject, NodeInput
from kb.errors import InputTooLarge, InvalidInput
from kb.upgrade import UpgradePlan, plan

router = APIRouter(prefix="/v1", tags=["checks"], responses=ERROR_RESPONSES)

NODE_LIST_EXAMPLE = {
    "apiVersion": "v1",
    "kind": "List",
    "items": [
        {
            "apiVersion": "v1",
            "kind": "Node",
            "metadata": {
                "name": "akswin19000000",
                "labels": {"kubernetes.io/os": "windows", "node.kubernetes.io/windows-build": "10.0.17763"},
            },
            "status": {
                "nodeInfo": {
                    "kubeletVersion": "v1.29.4",
                    "kernelVersion": "10.0.17763.5820",
                    "osImage": "Windows Server 2019 Datacenter",
                    "containerRuntimeVersion": "containerd://1.7.14+azure",
                    "operatingSystem": "windows",
                }
            },
        }
    ],
}

POD_EXAMPLE = {
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {"name": "iis"},
    "spec": {
        "os": {"name": "windows"},
        "securityContext": {"runAsUser": 1000},
        "containers": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"}],
    },
}

MANIFEST_YAML_EXAMPLE = """apiVersion: v1
kind: Pod
metadata: {name: iis}
spec:
  os: {name: windows}
  securityContext: {runAsUser: 1000}
  containers:
    - {name: iis, image: 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022'}
"""


BODY_SCHEMAS: dict[str, Any] = {}
"""The models the request bodies refer to, for the OpenAPI description's components (see api.main)."""


def _json_schema(kind: Any) -> dict[str, Any]:
    """The JSON Schema of ``kind`` for the OpenAPI description; its models go to :data:`BODY_SCHEMAS`."""
    schema = TypeAdapter(kind).json_schema(ref_template="#/components/schemas/{model}")
    BODY_SCHEMAS.update(schema.pop("$defs", {}))
    return schema


class ManifestCheckRequest(BaseModel):
    """The JSON body of a manifest check. The objects are read by the check, which knows their shapes
    (:mod:`kb.checks.objects`); the OpenAPI description declares them (:func:`_manifest_request_schema`)."""

    manifests: list[dict[str, Any]] | str = Field(
        description="Kubernetes objects (Pod, Deployment, ..., List), or the YAML text of a manifest file. "
        "Objects of other kinds are listed as skipped.",
        examples=[[POD_EXAMPLE]],
    )
    kubernetes: str = Field(default="latest", description="Kubernetes version to check against.", examples=["1.29"])
    os: Literal["windows"] | None = Field(default=None, description="'windows' checks every pod as a Windows pod.")
    nodes: dict[str, Any] | None = Field(
        default=None, description="Output of 'kubectl get nodes -o json': also check image tags against the builds."
    )


def _manifest_request_schema() -> dict[str, Any]:
    schema = _json_schema(ManifestCheckRequest)
    schema["properties"]["manifests"] |= _json_schema(list[ManifestObject] | str)
    schema["properties"]["nodes"] |= _json_schema(NodeInput | None)
    return schema


NodesBody = NodeInput | list[NodeInput]
"""The JSON body of a node check: a NodeList, a Node, or a list of them."""


def _body_schema(json_schema: dict[str, Any], json_example: Any, yaml_example: str, yaml_note: str) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": json_schema, "example": json_example},
                "text/yaml": {"schema": {"type": "string", "description": yaml_note}, "example": yaml_example},
            },
        }
    }


async def _read_body(request: Request) -> bytes:
    """The request body, refused with 413 past the input limit without reading all of it."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_INPUT_BYTES:
            raise InputTooLarge(f"The request body is larger than the {MAX_INPUT_BYTES // (1024 * 1024)} MiB limit.")
    return bytes(body)


def _is_yaml(request: Request) -> bool:
    """Anything not declared JSON is read as YAML (which covers JSON too), so a bare
    ``curl --data-binary @app.yaml`` works whatever content type curl picks."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return not (content_type == "application/json" or content_type.endswith("+json"))


def _json(body: bytes) -> Any:
    """The parsed body; orjson refuses what could not be answered back (a lone surrogate, NaN)."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise InvalidInput(f"The body is not valid JSON: {exc}. Send YAML with Content-Type: text/yaml.") from exc


def _documents(body: bytes, yaml_body: bool) -> list[Document]:
    return read_documents(body, "<request>") if yaml_body else read_json_value(_json(body))


@router.post(
    "/check/nodes",
    openapi_extra=_body_schema(
        _json_schema(NodesBody) | {"description": "A NodeList (kubectl get nodes -o json) or a single Node."},
        NODE_LIST_EXAMPLE,
        "kind: List\nitems: []\n",
        "The output of 'kubectl get nodes -o yaml'.",
    ),
)
async def post_check_nodes(request: Request, catalog: CatalogDep) -> NodeCheckReport:
    """Check each Windows node of `kubectl get nodes -o json`: support, maintenance, runtime, images, features."""
    body = await _read_body(request)
    return check_nodes(catalog, _documents(body, _is_yaml(request)), date.today())


@router.post(
    "/check/manifest",
    openapi_extra=_body_schema(
        _manifest_request_schema(),
        {"manifests": [POD_EXAMPLE], "kubernetes": "1.29"},
        MANIFEST_YAML_EXAMPLE,
        "Manifest YAML (multi-document); pass kubernetes and os as query parameters.",
    ),
)
async def post_check_manifest(
    request: Request,
    catalog: CatalogDep,
    kubernetes: Annotated[str, Query(description="For a YAML body: Kubernetes version.", examples=["1.29"])] = "latest",
    os: Annotated[Literal["windows"] | None, Query(description="For a YAML body: force Windows.")] = None,
) -> ManifestReport:
    """Check workloads for fields Windows rejects, ignores or treats differently (JSON or YAML body)."""
    body = await _read_body(request)
    if _is_yaml(request):
        return check_manifests(catalog, read_documents(body, "<request>"), kubernetes, os)
    try:
        ask = ManifestCheckRequest.model_validate(_json(body))
    except ValidationError as exc:
        problems = "; ".join(f"{render_location(e['loc'])}: {e['msg']}" for e in exc.errors()[:3])
        raise InvalidInput(f"The body does not match ManifestCheckRequest: {problems}") from exc
    manifests = ask.manifests
    documents = read_documents(manifests, "<request>") if isinstance(manifests, str) else read_json_value(manifests)
    hosts = windows_hosts(catalog, read_json_value(ask.nodes)) if ask.nodes is not None else None
    return check_manifests(catalog, documents, ask.kubernetes, ask.os, hosts)


@router.get("/upgrade", response_model=UpgradePlan, responses=example(UPGRADE))
async def get_upgrade(
    catalog: CatalogDep,
    fmt: FormatDep,
    from_version: Annotated[
        str, Query(alias="from", max_length=100, description="The version you run.", examples=["1.23"])
    ],
    to_version: Annotated[
        str, Query(alias="to", max_length=100, description="The version to reach.", examples=["1.27"])
    ],
    windows: Annotated[
        str | None, Query(max_length=200, description="Your nodes' Windows release.", examples=["ltsc2019"])
    ] = None,
    runtime: Annotated[
        str | None, Query(max_length=200, description="Your nodes' runtime.", examples=["containerd://1.6.8"])
    ] = None,
) -> Response:
    """What to do for Windows nodes, version by version, to upgrade Kubernetes from one minor to another."""
    return represent(plan(catalog, from_version, to_version, windows, runtime), fmt)
