"""endoflife.date product JSON -> release cycles.

Two shapes are read:

- the list shape of the original API (``/api/<product>.json``)::

    [{"cycle": "1.31", "releaseDate": "2024-08-13", "support": "2025-08-28", "eol": "2025-10-28",
      "latest": "1.31.14", "latestReleaseDate": "2025-11-11", "lts": false}, ...]

- the v1 shape (``/api/v1/products/<product>``)::

    {"schema_version": "1.2.0", "result": {"name": "kubernetes", "releases": [
      {"name": "1.31", "releaseDate": "2024-08-13", "eoasFrom": "2025-08-28", "eolFrom": "2025-10-28",
       "latest": {"name": "1.31.14", "date": "2025-11-11"}, "isLts": false, ...}]}}

``support``/``eoasFrom`` is the end of active support (Kubernetes: maintenance mode starts; Windows
Server: mainstream support ends) and ``eol``/``eolFrom`` the end of life (Windows Server: extended
support ends). A boolean in place of a date means "no date given". Unknown keys in a release are errors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from kb.importers import FeedInvalid
from kb.importers.feeds import read_text


@dataclass(frozen=True)
class Cycle:
    """One release cycle as the feed gives it."""

    name: str
    released: date | None
    support_end: date | None
    eol: date | None
    latest: str | None
    latest_date: date | None
    lts: bool


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LegacyCycle(_Strict):
    cycle: str | int
    releaseDate: date | None = None
    support: date | bool | None = None
    eol: date | bool | None = None
    extendedSupport: date | bool | None = None
    latest: str | None = None
    latestReleaseDate: date | None = None
    lts: date | bool = False
    link: str | None = None
    discontinued: date | bool | None = None
    codename: str | None = None
    releaseLabel: str | None = None


class V1Latest(_Strict):
    name: str
    day: date | None = Field(default=None, alias="date")
    link: str | None = None


class V1Release(_Strict):
    name: str
    codename: str | None = None
    label: str | None = None
    releaseDate: date | None = None
    isLts: bool = False
    ltsFrom: date | None = None
    isEoas: bool | None = None
    eoasFrom: date | None = None
    isEol: bool | None = None
    eolFrom: date | None = None
    isDiscontinued: bool | None = None
    discontinuedFrom: date | None = None
    isEoes: bool | None = None
    eoesFrom: date | None = None
    isMaintained: bool | None = None
    latest: V1Latest | None = None
    custom: dict[str, Any] | None = None


def _date(value: date | bool | None) -> date | None:
    return value if isinstance(value, date) else None


def _from_legacy(item: LegacyCycle) -> Cycle:
    return Cycle(
        name=str(item.cycle),
        released=item.releaseDate,
        support_end=_date(item.support),
        eol=_date(item.eol),
        latest=item.latest,
        latest_date=item.latestReleaseDate,
        lts=bool(item.lts),
    )


def _from_v1(item: V1Release) -> Cycle:
    return Cycle(
        name=item.name,
        released=item.releaseDate,
        support_end=item.eoasFrom,
        eol=item.eolFrom,
        latest=item.latest.name if item.latest else None,
        latest_date=item.latest.day if item.latest else None,
        lts=item.isLts,
    )


def _problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" + (f" ({error.error_count()} problems)" if error.error_count() > 1 else "")


def parse_cycles(raw: Any, where: str) -> list[Cycle]:
    """Cycles from parsed JSON in either shape; FeedInvalid for anything else."""
    try:
        if isinstance(raw, list):
            return [_from_legacy(item) for item in TypeAdapter(list[LegacyCycle]).validate_python(raw)]
        if isinstance(raw, dict) and isinstance(raw.get("result"), dict) and "releases" in raw["result"]:
            releases = raw["result"]["releases"]
            if not isinstance(releases, list):
                raise FeedInvalid(where, "result.releases is not a list")
            return [_from_v1(item) for item in TypeAdapter(list[V1Release]).validate_python(releases)]
    except ValidationError as exc:
        raise FeedInvalid(where, f"not an endoflife.date release list: {_problem(exc)}") from exc
    raise FeedInvalid(where, "expected a list of cycles or an API v1 object with result.releases")


def read_cycles(location: str) -> list[Cycle]:
    """Read and parse an endoflife.date product feed from a path or URL."""
    text = read_text(location)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedInvalid(location, f"malformed JSON: {exc}") from exc
    return parse_cycles(raw, location)
