"""One router per resource; :data:`ROUTERS` lists them in the order the OpenAPI page shows them."""

from api.routes import features, health, meta, search, support

ROUTERS = [support.router, features.router, search.router, meta.router, health.router]
