"""One router per resource; :data:`ROUTERS` lists them in the order the OpenAPI page shows them."""

from api.routes import (
    ask,
    chatops,
    checks,
    compat,
    diff,
    features,
    health,
    kubernetes,
    matrix,
    meta,
    search,
    support,
    windows,
)

ROUTERS = [
    support.router,
    ask.router,
    features.router,
    kubernetes.router,
    windows.router,
    matrix.router,
    compat.router,
    diff.router,
    search.router,
    checks.router,
    chatops.router,
    meta.router,
    health.router,
]
