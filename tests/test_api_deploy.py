"""deploy/: the Kubernetes manifests validate against the Kubernetes schema and fit the app; the Dockerfile parses."""

import json
import re
import shlex
from pathlib import Path

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource

from api.main import create_app
from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
SCHEMAS = json.loads((Path(__file__).parent / "schemas" / "kubernetes-subset.json").read_text())
MANIFESTS = sorted((DEPLOY / "kubernetes").glob("*.yaml"))
DOCKERFILE_INSTRUCTIONS = {"FROM", "WORKDIR", "COPY", "RUN", "USER", "ENV", "EXPOSE", "HEALTHCHECK", "CMD", "ARG"}


def documents() -> list[dict]:
    return [doc for path in MANIFESTS for doc in yaml.safe_load_all(path.read_text()) if doc]


def by_kind(kind: str) -> dict:
    (found,) = [d for d in documents() if d["kind"] == kind]
    return found


def validator(kind: str) -> jsonschema.Draft202012Validator:
    root = {"$schema": SCHEMAS["$schema"], "$defs": SCHEMAS["$defs"], **SCHEMAS["kinds"][kind]}
    registry = Registry().with_resource("urn:kubernetes", Resource.from_contents(root))
    return jsonschema.Draft202012Validator(root, registry=registry)


@pytest.mark.parametrize("document", documents(), ids=lambda d: d["kind"])
def test_every_manifest_validates_against_the_kubernetes_schema(document):
    errors = sorted(validator(document["kind"]).iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_the_schema_catches_a_broken_manifest():
    broken = by_kind("Deployment")
    broken = json.loads(json.dumps(broken))
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["portt"] = 8000
    broken["spec"]["replicas"] = "two"
    assert len(list(validator("Deployment").iter_errors(broken))) >= 2


def test_probes_hit_the_health_routes_on_the_served_port():
    container = by_kind("Deployment")["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    routes = set(create_app().openapi()["paths"])
    assert {"/readyz", "/healthz"} <= routes
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports["http"] == int(dockerfile_instructions()["EXPOSE"][-1])


def test_service_and_autoscaler_point_at_the_deployment():
    deployment, service, hpa = by_kind("Deployment"), by_kind("Service"), by_kind("HorizontalPodAutoscaler")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert service["spec"]["selector"].items() <= labels.items()
    assert hpa["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert hpa["spec"]["minReplicas"] >= 2 and hpa["spec"]["maxReplicas"] > hpa["spec"]["minReplicas"]


def dockerfile_instructions() -> dict[str, list[str]]:
    text = (DEPLOY / "Dockerfile").read_text().replace("\\\n", " ")
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        instruction, _, argument = line.strip().partition(" ")
        found.setdefault(instruction.upper(), []).append(argument.strip())
    return found


def test_dockerfile_parses_bakes_the_database_and_serves_with_kb_serve():
    instructions = dockerfile_instructions()
    assert set(instructions) <= DOCKERFILE_INSTRUCTIONS
    assert instructions["FROM"][0].startswith("python:3.11")
    assert any("kb build" in run for run in instructions["RUN"])
    for copy in instructions["COPY"]:
        parts = shlex.split(copy)
        if parts[0].startswith("--from"):
            continue
        for source in parts[:-1]:
            assert (ROOT / source).exists(), source
    command = json.loads(instructions["CMD"][-1])
    assert "kb serve" in " ".join(command) and "0.0.0.0" in " ".join(command)
    assert re.fullmatch(r"\d+", instructions["EXPOSE"][-1])
    assert instructions["USER"] and instructions["USER"][-1] != "root"


def test_the_installed_package_holds_every_module_the_image_runs():
    """The image installs the package (not editable): every package folder under kb/ and api/ must be in it."""
    import tomllib

    from setuptools import find_packages

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]
    installed = set(find_packages(where=str(ROOT), include=config["include"]))
    folders = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("kb", "api")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert folders <= installed
