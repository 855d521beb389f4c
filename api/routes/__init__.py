"""One router per resource; :data:`ROUTERS` lists them in the order the OpenAPI page shows them."""

from api.routes import features, health, support

ROUTERS = [support.router, features.router, health.router]
