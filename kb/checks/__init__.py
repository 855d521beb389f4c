"""Operator checks: the user's own nodes and manifests against the knowledge base.

Pure functions: text or parsed documents in, pydantic reports out. The CLI and the API
only read input and print or serialise what these return.
"""
