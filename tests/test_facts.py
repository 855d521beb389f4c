"""The public fact suite: known facts read in official sources, answered through the query engine.

Each ``tests/facts/*.yaml`` file lists facts as
``{feature, variant?, kubernetes, windows?, runtime?, status, supported?, source, note?}``; ``variant``
names one case of the feature (a variant id, name or alias), whose own history then decides; ``source`` is
the URL where a person can check the fact. Facts sit on stage boundaries: the version just before and just
after each change.
"""

from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict

from kb import query
from kb.models import Status, Url

FACTS_DIR = Path(__file__).parent / "facts"


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    feature: str
    variant: str | None = None
    kubernetes: str
    windows: str | None = None
    runtime: str | None = None
    status: Status
    supported: bool | None = None
    source: Url
    note: str | None = None


def load_facts() -> list[tuple[str, Fact]]:
    facts = []
    for path in sorted(FACTS_DIR.glob("*.yaml")):
        for number, raw in enumerate(yaml.safe_load(path.read_text()) or []):
            case = f"/{raw['variant']}" if raw.get("variant") else ""
            fact_id = f"{path.stem}-{number}-{raw['feature']}{case}@{raw['kubernetes']}"
            facts.append((fact_id, Fact.model_validate(raw)))
    return facts


FACTS = load_facts()


@pytest.mark.parametrize("fact", [f for _, f in FACTS], ids=[i for i, _ in FACTS])
def test_fact(real_catalog, fact: Fact):
    answer = query.support(real_catalog, fact.feature, fact.kubernetes, fact.windows, fact.runtime, fact.variant)
    assert answer.status == fact.status, f"{fact.feature}@{fact.kubernetes}: {answer.notes}"
    if fact.variant is not None:
        assert answer.variant is not None, "a fact about one case is answered for that case"
    if fact.supported is not None:
        assert answer.supported is fact.supported, answer.notes
    assert answer.sources, "an answer without a source is a bug"
