"""One router per resource; :data:`ROUTERS` lists them in the order the OpenAPI page shows them."""

from api.routes import checks, features, health, support

ROUTERS = [support.router, features.router, checks.router, health.router]
