"""Release feed importers: read upstream feeds, diff them against ``data/``, and apply the mechanical parts.

- :mod:`kb.importers.feeds` reads a file path or URL.
- :mod:`kb.importers.endoflife` reads endoflife.date product JSON (Kubernetes, Windows Server).
- :mod:`kb.importers.feature_gates` reads the Kubernetes feature-gate reference (one markdown file per gate).
- :mod:`kb.importers.diff` compares them with the dataset and renders a readable diff.
- :mod:`kb.importers.write` applies the writable changes to the YAML files, leaving curated prose alone.
"""

from kb.errors import InvalidInput


class FeedInvalid(InvalidInput):
    """A feed could not be read or does not have the expected shape; nothing was changed."""

    code = "feed_invalid"

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
