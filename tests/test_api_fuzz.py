"""Property-based fuzzing of every endpoint from the OpenAPI schema (schemathesis), through the whole stack.

Checks: no 5xx, status codes, content types, headers and bodies that match the schema, a 405 with
``Allow`` for undeclared methods, and malformed input rejected. The POST routes are fuzzed too: their
request bodies declare the shapes of Nodes and workloads, so real node lists and manifests are sent,
and every body that breaks the declared shapes must be refused. Schema-valid input the data does
not hold (an unknown feature) is a documented 404/422, so "valid input must be accepted" is off.
"""

import base64
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance
from schemathesis.generation import GenerationMode

from api.main import create_app
from kb.build import build
from kb.catalog import load_catalog
from tests.conftest import REAL_DATA

pytestmark = pytest.mark.slow


WORKDIR = tempfile.TemporaryDirectory(prefix="kb-fuzz-")


def fuzzed_app():
    """The app over the real data, its catalog loaded (schemathesis calls it without a lifespan)."""
    folder = Path(WORKDIR.name)
    build(REAL_DATA, folder / "kb.db")
    app = create_app(folder / "kb.db", site_dir=folder / "no-site")
    app.state.catalog = load_catalog(folder / "kb.db")
    return app


schema = schemathesis.openapi.from_asgi("/openapi.json", fuzzed_app())
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])


@pytest.fixture(autouse=True)
def chat_secrets(monkeypatch):
    """Configured chat endpoints, so fuzzed requests reach signature checks (401) rather than 503."""
    monkeypatch.setenv("KB_SLACK_SIGNING_SECRET", "fuzzing-secret")
    monkeypatch.setenv("KB_TEAMS_SECRET", base64.b64encode(b"fuzzing-secret").decode())


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_endpoint_survives_fuzzing(case):
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
