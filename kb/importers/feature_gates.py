"""The Kubernetes feature-gate reference -> gate stages.

kubernetes/website keeps one markdown file per gate under
``content/en/docs/reference/command-line-tools-reference/feature-gates/``, whose YAML front matter
lists the stages::

    ---
    title: WindowsHostProcessContainers
    content_type: feature_gate
    _build: {list: never, render: false}
    stages:
      - {stage: alpha, defaultValue: false, fromVersion: "1.22", toVersion: "1.22"}
      - {stage: beta, defaultValue: true, fromVersion: "1.23", toVersion: "1.25"}
      - {stage: stable, defaultValue: true, fromVersion: "1.26", toVersion: "1.27"}
    removed: true
    ---

A stage may also say ``locked: true`` (the gate is locked to its default), and a few upstream
files spell ``_build`` as ``build``; both are accepted. Any other unknown key is an error, so a
change of format upstream is noticed rather than misread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kb.importers import FeedInvalid
from kb.importers.feeds import citable, read_text
from kb.versions import parse_kubernetes

GATES_PAGE = "https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/"
REMOVED_GATES_PAGE = "https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates-removed/"
"""The dated kubernetes.io pages that list every gate's stages (removed gates on their own page): what
imported stages cite when the gate file read cannot be cited (a local checkout, a moving branch)."""
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)


def _minor_text(value: Any) -> str:
    """'1.22' -> '1.22'; an unquoted YAML number (1.30 read as 1.3) or anything else is an error."""
    if not isinstance(value, str) or not re.fullmatch(r"v?\d+\.\d+", value):
        raise ValueError(f'{value!r} is not a quoted Kubernetes minor such as "1.22"')
    return str(parse_kubernetes(value))


class GateStage(BaseModel):
    """One stage of a gate: its status and default from ``from_version`` (to ``to_version``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    stage: Literal["alpha", "beta", "stable", "deprecated"]
    default: bool = Field(alias="defaultValue")
    from_version: str = Field(alias="fromVersion")
    to_version: str | None = Field(default=None, alias="toVersion")
    locked: bool | None = Field(default=None, description="The gate can no longer be changed from its default.")

    @field_validator("from_version", "to_version", mode="before")
    @classmethod
    def _minor(cls, value: Any) -> Any:
        return None if value is None else _minor_text(value)


class GateDoc(BaseModel):
    """A feature-gate page's front matter."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    title: str
    content_type: Literal["feature_gate"]
    build: dict[str, Any] | None = Field(default=None, alias="_build")
    build_misspelt: dict[str, Any] | None = Field(default=None, alias="build", description="Seen upstream for _build.")
    stages: list[GateStage] = Field(min_length=1)
    removed: bool = False


@dataclass(frozen=True)
class Gate:
    """A gate's stages and the URL they were read from."""

    name: str
    stages: list[GateStage]
    source: str


def parse_gate(text: str, where: str) -> Gate:
    """Parse one gate file's front matter (read from ``where``, a path or URL); FeedInvalid when malformed."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise FeedInvalid(where, "no YAML front matter (a '---' block at the top)")
    try:
        raw = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise FeedInvalid(where, f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise FeedInvalid(where, "front matter is not a mapping")
    try:
        doc = GateDoc.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise FeedInvalid(where, f"front matter {field}: {first['msg']}") from exc
    official_page = REMOVED_GATES_PAGE if doc.removed else GATES_PAGE
    return Gate(doc.title, list(doc.stages), citable(where, official_page))


def read_gates(locations: list[str]) -> dict[str, Gate]:
    """Read gate files (paths or URLs) into {gate name: Gate}."""
    gates: dict[str, Gate] = {}
    for location in locations:
        gate = parse_gate(read_text(location), location)
        gates[gate.name] = gate
    return gates
