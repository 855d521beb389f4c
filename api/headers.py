"""The headers the edge adds to answers: CORS, and the security headers every response carries."""

from __future__ import annotations

CORS_HEADERS = [
    (b"access-control-allow-origin", b"*"),
    (b"access-control-expose-headers", b"ETag"),
]
CONTENT_SECURITY_POLICY = (
    b"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    b"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
"""Everything from this origin only: the site, Swagger UI and ReDoc load nothing from elsewhere. Their
inline scripts and styles (mkdocs-material's start-up script, Swagger UI's set-up, ReDoc's styles) need
'unsafe-inline'; ReDoc runs its search in a worker made from a blob."""
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
"""On every response, whoever produced it."""
UNCACHED_GET_HEADERS = [(b"cache-control", b"public, max-age=300"), *CORS_HEADERS, *SECURITY_HEADERS]
"""Added to GET answers the edge does not cache (site, docs, health) where the app did not set them."""
PREFLIGHT_HEADERS = [
    *SECURITY_HEADERS,
    *CORS_HEADERS,
    (b"access-control-allow-methods", b"GET, HEAD, OPTIONS"),
    (b"access-control-allow-headers", b"Accept, If-None-Match"),
    (b"access-control-max-age", b"86400"),
]
