"""``/v1/image-compat``: can this container image run on that node, and does Kubernetes support it?"""

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api.deps import CatalogDep
from api.errors import ERROR_RESPONSES
from api.examples import IMAGE_COMPAT, example
from api.represent import FormatDep, represent
from kb import compat
from kb.compat import ImageCompatAnswer

router = APIRouter(prefix="/v1", tags=["image-compat"], responses=ERROR_RESPONSES)


@router.get("/image-compat", response_model=ImageCompatAnswer, responses=example(IMAGE_COMPAT))
async def get_image_compat(
    catalog: CatalogDep,
    fmt: FormatDep,
    host: Annotated[
        str, Query(max_length=200, description="Node: release, build or os.version", examples=["10.0.20348.2340"])
    ],
    image: Annotated[
        str,
        Query(
            max_length=200,
            description="Image: tag, full reference, release or os.version",
            examples=["mcr.microsoft.com/windows/servercore:ltsc2019"],
        ),
    ],
    isolation: Annotated[Literal["process", "hyperv"] | None, Query(description="Isolation mode asked about")] = None,
) -> Response:
    """Does the image run on the host (process or Hyper-V isolation), in a mode Kubernetes supports; why; the fix."""
    return represent(compat.image_compat(catalog, host, image, isolation), fmt)
