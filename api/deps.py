"""Dependencies shared by the routes: the catalog read once at start-up, and today's date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import Depends, Request

from kb.catalog import Catalog
from kb.i18n import Lang, from_accept_language
from kb.localize import in_language


def request_lang(request: Request) -> Lang:
    """The language a request asks for: ``?lang=`` first, then ``Accept-Language`` (zh-CN -> zh), else English.
    JSON keys and enum values stay English in every language; texts, notes and messages follow it."""
    asked = request.query_params.get("lang", "").lower()
    if asked.startswith("zh"):
        return "zh"
    if asked.startswith("en"):
        return "en"
    return from_accept_language(request.headers.get("accept-language")) or "en"


async def get_catalog(request: Request) -> Catalog:
    """The catalog read once at start-up and shared by every request, in the language the request asks for.

    Dependencies are ``async def`` because they do no I/O: FastAPI runs plain ``def`` ones in its threadpool.
    """
    return in_language(request.app.state.catalog, request_lang(request))


async def get_today() -> date:
    """Today in UTC: answers with computed dates (``is_maintained``) are as of today."""
    return datetime.now(UTC).date()


CatalogDep = Annotated[Catalog, Depends(get_catalog)]
TodayDep = Annotated[date, Depends(get_today)]
