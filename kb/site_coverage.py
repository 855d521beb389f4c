"""The coverage page of the docs site: what the knowledge base holds, from :func:`kb.stats.coverage`."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from kb.catalog import Catalog
from kb.history import status_label
from kb.pages.markdown import table
from kb.stats import CoverageStats, coverage

PAGE = "coverage.md"


def _table(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> list[str]:
    return [*table(header, [[str(cell) for cell in row] for row in rows]), ""]


def coverage_markdown(stats: CoverageStats) -> str:
    """The page's Markdown for ``stats``."""
    newest = stats.newest_kubernetes
    released = stats.newest_released_kubernetes
    newest_text = f"{newest.id}" + (f" (released {newest.date})" if newest.date else " (release date not confirmed)")
    lines = [
        "# Coverage",
        "",
        "What the knowledge base holds, counted from the data when the site was built. A fact is one "
        "dated, sourced statement: a history step, a release, an OS list for one Kubernetes minor, or an "
        "image-compatibility row. Inferred facts were reasoned from sources rather than read in one, and "
        "are marked as such wherever they appear. Where sources disagree, the entry records the other "
        "value, its source and why the data chose its own.",
        "",
        *_table(
            ("Measure", "Value"),
            [
                ("Features and limitations", stats.entries),
                ("Facts", stats.facts),
                ("Facts marked inferred", stats.inferred),
                ("Source disagreements recorded", stats.disagreements),
                ("Distinct source URLs", stats.sources),
                ("Kubernetes minors", f"{stats.kubernetes_minors} ({stats.oldest_kubernetes} to {newest.id})"),
                ("Newest Kubernetes minor", newest_text),
                ("Newest with a confirmed release date", f"{released.id} ({released.date})" if released else "none"),
                ("Windows Server releases", stats.windows_releases),
                ("Newest Windows Server release", f"{stats.newest_windows.name} (GA {stats.newest_windows.date})"),
            ],
        ),
        "## By category",
        "",
        *_table(
            ("Category", "Features", "Limitations", "Total"),
            [(c.name, c.features, c.limitations, c.features + c.limitations) for c in stats.by_category],
        ),
        f"## By status at Kubernetes {stats.status_at}",
        "",
        *_table(("Status", "Entries"), [(status_label(s), n) for s, n in stats.by_status.items()]),
        "## By kind",
        "",
        *_table(("Kind", "Entries"), list(stats.by_kind.items())),
        "## Sources by domain",
        "",
        *_table(("Domain", "Distinct URLs"), list(stats.by_source_domain.items())),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def coverage_page(catalog: Catalog) -> str:
    """The coverage page for ``catalog``."""
    return coverage_markdown(coverage(catalog))


def write_coverage_page(catalog: Catalog, open_file: Callable[..., IO[str]]) -> None:
    """Write the page through ``open_file`` (``mkdocs_gen_files.open`` at site build time)."""
    with open_file(PAGE, "w") as page:
        page.write(coverage_page(catalog))
