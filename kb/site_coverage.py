"""The coverage page of the docs site: what the knowledge base holds, from :func:`kb.stats.coverage`."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from kb.catalog import Catalog
from kb.history import status_label
from kb.i18n import Lang
from kb.pages.markdown import join, table
from kb.pages.words import page_words
from kb.stats import CoverageStats, coverage

PAGE = "coverage.md"


def _table(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> list[str]:
    return [*table(header, [[str(cell) for cell in row] for row in rows]), ""]


def coverage_markdown(stats: CoverageStats, lang: Lang = "en") -> str:
    """The page's Markdown for ``stats``, in ``lang``."""
    words = page_words(lang)
    newest = stats.newest_kubernetes
    released = stats.newest_released_kubernetes
    newest_text = f"{newest.id}" + (
        words("released-paren", date=newest.date) if newest.date else words("date-not-confirmed")
    )
    newest_windows = stats.newest_windows
    lines = [
        f"# {words('coverage')}",
        "",
        words("coverage-intro"),
        "",
        *_table(
            (words("measure"), words("value")),
            [
                (words("features-and-limitations"), stats.entries),
                (words("facts"), stats.facts),
                (words("facts-inferred"), stats.inferred),
                (words("disagreements-recorded"), stats.disagreements),
                (words("distinct-sources"), stats.sources),
                (
                    words("kubernetes-minors"),
                    words("count-range", count=stats.kubernetes_minors, first=stats.oldest_kubernetes, last=newest.id),
                ),
                (words("newest-minor"), newest_text),
                (
                    words("newest-confirmed"),
                    words("id-date", id=released.id, date=released.date) if released else words("none"),
                ),
                (words("windows-releases"), stats.windows_releases),
                (words("newest-windows"), words("name-ga", name=newest_windows.name, date=newest_windows.date)),
            ],
        ),
        f"## {words('by-category')}",
        "",
        *_table(
            (words("category"), words("features"), words("limitations"), words("total")),
            [(c.name, c.features, c.limitations, c.features + c.limitations) for c in stats.by_category],
        ),
        f"## {words('by-status', minor=stats.status_at)}",
        "",
        *_table(
            (words("status"), words("entries")),
            [(status_label(s, lang=lang), n) for s, n in stats.by_status.items()],
        ),
        f"## {words('by-kind')}",
        "",
        *_table((words("kind"), words("entries")), [(words(f"kind-{k}"), n) for k, n in stats.by_kind.items()]),
        f"## {words('by-domain')}",
        "",
        *_table((words("domain"), words("distinct-urls")), list(stats.by_source_domain.items())),
    ]
    return join(lines)


def coverage_page(catalog: Catalog) -> str:
    """The coverage page for ``catalog``, in its language."""
    return coverage_markdown(coverage(catalog), catalog.lang)


def write_coverage_page(catalog: Catalog, open_file: Callable[..., IO[str]]) -> None:
    """Write the page through ``open_file`` (``mkdocs_gen_files.open`` at site build time)."""
    with open_file(PAGE, "w") as page:
        page.write(coverage_page(catalog))
