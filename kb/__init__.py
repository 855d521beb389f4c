"""k8s-windows-kb: the engine behind the Windows-on-Kubernetes knowledge base.

Data flows one way: ``data/*.yaml`` -> :mod:`kb.load` (validated models) ->
:mod:`kb.build` (SQLite) -> :mod:`kb.catalog` (read-only, in memory) ->
:mod:`kb.query` (answers) -> the API, the CLI and the docs site.
"""

__version__ = "0.1.0"
