"""One answer, three representations: JSON (default), CSV (``.csv`` or ``Accept: text/csv``), one line of text.

The edge (:mod:`api.edge`) reads the ``.csv`` suffix and the ``Accept`` header into the request
state; ``?format=`` overrides both. Routes return ``represent(...)`` so every resource speaks all three.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request, Response

from kb.formats import csv_text, json_bytes, rows_of
from kb.render import text_lines

Format = Literal["json", "csv", "text"]
MEDIA = {"json": "application/json", "csv": "text/csv; charset=utf-8", "text": "text/plain; charset=utf-8"}


async def representation(
    request: Request,
    format: Annotated[
        Format | None,
        Query(description="Representation: json (default), csv, or text (one line per answer, for scripts)."),
    ] = None,
) -> Format:
    """The representation asked for: ``?format=`` first, then the ``.csv`` suffix or ``Accept`` header."""
    if format is not None:
        return format
    return getattr(request.state, "representation", "json")


FormatDep = Annotated[Format, Depends(representation)]


def represent(value: Any, fmt: Format) -> Response:
    """``value`` as the representation ``fmt``: JSON bytes, CSV rows, or text lines (see kb.formats, kb.render)."""
    if fmt == "csv":
        body = csv_text(rows_of(value)).encode()
    elif fmt == "text":
        body = "".join(f"{line}\n" for line in text_lines(value)).encode()
    else:
        body = json_bytes(value)
    return Response(body, media_type=MEDIA[fmt])


CSV_AND_TEXT = {
    200: {
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
        }
    }
}
