"""One answer, three representations: JSON (default), CSV (``.csv`` or ``Accept: text/csv``), one line of text.

The edge (:mod:`api.edge`) reads the ``.csv`` suffix and the ``Accept`` header into the request
state; ``?format=`` overrides both. Routes return ``represent(...)`` so every resource speaks all three.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, NamedTuple

from fastapi import Depends, Query, Request, Response

from api.deps import request_lang
from kb.formats import csv_text, json_bytes, rows_of
from kb.i18n import Lang
from kb.render import text_lines

Format = Literal["json", "csv", "text"]
MEDIA = {"json": "application/json", "csv": "text/csv; charset=utf-8", "text": "text/plain; charset=utf-8"}


class Representation(NamedTuple):
    """How an answer is written out: json, csv or text, and the language of its texts."""

    format: Format
    lang: Lang


async def representation(
    request: Request,
    format: Annotated[
        Format | None,
        Query(description="Representation: json (default), csv, or text (one line per answer, for scripts)."),
    ] = None,
    lang: Annotated[
        Literal["en", "zh"] | None,
        Query(description="Language of texts, notes and messages (else Accept-Language); JSON keys stay English."),
    ] = None,
) -> Representation:
    """The representation asked for: ``?format=`` first, then the ``.csv`` suffix or ``Accept`` header."""
    chosen = format if format is not None else getattr(request.state, "representation", "json")
    return Representation(chosen, request_lang(request))


FormatDep = Annotated[Representation, Depends(representation)]


def represent(value: Any, rep: Representation) -> Response:
    """``value`` as ``rep`` says: JSON bytes, CSV rows, or text lines in its language (kb.formats, kb.render)."""
    if rep.format == "csv":
        body = csv_text(rows_of(value)).encode()
    elif rep.format == "text":
        body = "".join(f"{line}\n" for line in text_lines(value, rep.lang)).encode()
    else:
        body = json_bytes(value)
    return Response(body, media_type=MEDIA[rep.format])


CSV_AND_TEXT = {
    200: {
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
        }
    }
}
