"""One router per resource; :data:`ROUTERS` lists them in the order the OpenAPI page shows them."""

from api.routes import checks, compat, diff, features, health, kubernetes, matrix, meta, search, support, windows

ROUTERS = [
    support.router,
    features.router,
    kubernetes.router,
    windows.router,
    matrix.router,
    compat.router,
    diff.router,
    search.router,
    checks.router,
    meta.router,
    health.router,
]
