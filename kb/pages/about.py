"""The About page and the footer line: where the data comes from, its licence, and how fresh it is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

from kb import site_paths as paths
from kb.catalog import Catalog, Meta
from kb.i18n import Lang
from kb.pages.markdown import Page, join, link, table
from kb.pages.words import page_words, word

DATA_LICENCE = "[CC-BY-4.0](https://creativecommons.org/licenses/by/4.0/)"
CODE_LICENCE = "[Apache-2.0](https://www.apache.org/licenses/LICENSE-2.0)"


def source_urls(catalog: Catalog) -> Iterator[str]:
    """Every source URL the dataset cites, once per citation."""
    for feature in catalog.features.values():
        yield from (s.url for s in feature.sources)
        for step in feature.history:
            yield from (s.url for s in step.sources)
    for group in (
        catalog.kubernetes.values(),
        catalog.windows.values(),
        catalog.os_support.values(),
        catalog.runtimes.values(),
        catalog.image_compatibility.values(),
        catalog.isolation.values(),
    ):
        for item in group:
            yield from (s.url for s in item.sources)


def footer_text(meta: Meta, site_built: date, lang: Lang = "en") -> str:
    """The line at the bottom of every page: dataset version, build dates, licences."""
    return word(lang, "footer", version=meta.dataset_version, built=meta.built[:10], site=site_built.isoformat())


def about_page(catalog: Catalog, site_built: date) -> Page:
    """Where the data comes from, the licences, and how fresh it is."""
    words = page_words(catalog.lang)
    source = paths.ABOUT
    urls = list(source_urls(catalog))
    hosts = Counter(urlsplit(url).netloc for url in urls)
    newest = catalog.kubernetes[catalog.newest_released]
    windows = list(catalog.windows.values())[-1]
    freshness = [
        [words("dataset-version"), f"`{catalog.meta.dataset_version}`"],
        [words("content-hash"), f"`{catalog.meta.content_hash[:12]}`"],
        [words("database-built"), catalog.meta.built],
        [words("site-built"), site_built.isoformat()],
        [
            words("newest-released-minor"),
            f"[{newest.version}]({link(source, paths.kubernetes(newest.version))})"
            + (words("released-on", date=newest.released) if newest.released else ""),
        ],
        *[
            [
                words("provisional-minor"),
                words("provisional-minor-says", minor=minor, link=link(source, paths.kubernetes(str(minor)))),
            ]
            for minor in catalog.minors
            if catalog.provisional(minor)
        ],
        [words("newest-windows"), f"[{windows.name}]({link(source, paths.windows(windows.id))})"],
        [words("features-and-limitations"), str(len(catalog.features))],
        [words("citations"), words("citations-count", count=len(urls), distinct=len(set(urls)))],
    ]
    lines = [
        f"# {words('about')}",
        "",
        words("about-intro", oldest=catalog.minors[0]),
        "",
        f"## {words('data-from')}",
        "",
        words("data-from-intro"),
        "",
        *table([words("site"), words("citations")], [[host, str(count)] for host, count in hosts.most_common()]),
        "",
        f"## {words('licence')}",
        "",
        words("licence-text", data=DATA_LICENCE, code=CODE_LICENCE),
        "",
        f"## {words('freshness')}",
        "",
        *table(["", ""], freshness),
        "",
        words("found-wrong", link=link(source, paths.GUIDE_CONTRIBUTING)),
    ]
    return Page(source, join(lines))
