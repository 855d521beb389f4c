from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api.deps import CatalogDep, TodayDep, request_lang
from api.represent import CSV_AND_TEXT, FormatDep, represent
from kb import ask as engine
from kb.asked import AskAnswer

router = APIRouter(prefix="/v1", tags=["ask"])

ERROR_EXAMPLE = {
    "error": {
        "code": "unknown_feature",
        "message": "No feature or release is known as 'flurbo'.",
        "suggestions": [],
        "interpretation": {"kind": None, "kubernetes": "1.22", "understood": ["Kubernetes: 1.22 -> 1.22"]},
    }
}


@router.get(
    "/ask",
    response_model=AskAnswer,
    responses={
        **CSV_AND_TEXT,
        404: {
            "description": "The question names a feature or version the data does not hold.",
            "content": {"application/json": {"example": ERROR_EXAMPLE}},
        },
        422: {"description": "The question could not be read; the error says what was and was not understood."},
    },
)
async def get_ask(
    request: Request,
    catalog: CatalogDep,
    today: TodayDep,
    fmt: FormatDep,
    q: Annotated[
        str,
        Query(
            description="A question as an operator types it in chat.",
            max_length=engine.MAX_QUESTION,
            examples=["is hostprocess supported on 1.22 with ws2019?", "will an ltsc2022 image run on a 23H2 host?"],
        ),
    ],
) -> Response:
    """Answer a free-text question: feature support, Windows Server and runtime support, node stage,
    image compatibility, release dates, end of life, builds and image tags. Without a Kubernetes
    version it answers for the newest minor and says so in `interpretation`. A question in Chinese, or a request
    for Chinese (`Accept-Language: zh-CN`, `?lang=zh`), is answered in Chinese."""
    return represent(engine.ask(catalog, q, today, request_lang(request)), fmt)
