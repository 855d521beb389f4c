"""One router per resource; :data:`ROUTERS` lists them in the order the OpenAPI page shows them."""

from api.routes import ask, chatops, checks, features, health, support

ROUTERS = [support.router, features.router, ask.router, checks.router, chatops.router, health.router]
