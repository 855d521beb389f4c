"""One router per resource; :data:`ROUTERS` lists them in the order the OpenAPI page shows them."""

from api.routes import ask, chatops, features, health, support

ROUTERS = [support.router, features.router, ask.router, chatops.router, health.router]
