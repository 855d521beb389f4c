"""The About page and the footer line: where the data comes from, its licence, and how fresh it is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

from kb import site_paths as paths
from kb.catalog import Catalog, Meta
from kb.pages.markdown import Page, join, link, table

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


def footer_text(meta: Meta, site_built: date) -> str:
    """The line at the bottom of every page: dataset version, build dates, licences."""
    return (
        f"Dataset {meta.dataset_version}, data built {meta.built[:10]}, site built {site_built.isoformat()}. "
        "Data CC-BY-4.0, code Apache-2.0."
    )


def about_page(catalog: Catalog, site_built: date) -> Page:
    """Where the data comes from, the licences, and how fresh it is."""
    source = paths.ABOUT
    urls = list(source_urls(catalog))
    hosts = Counter(urlsplit(url).netloc for url in urls)
    newest = catalog.kubernetes[catalog.newest]
    windows = list(catalog.windows.values())[-1]
    freshness = [
        ["Dataset version", f"`{catalog.meta.dataset_version}`"],
        ["Content hash", f"`{catalog.meta.content_hash[:12]}`"],
        ["Database built", catalog.meta.built],
        ["Site built", site_built.isoformat()],
        [
            "Newest Kubernetes minor",
            f"[{newest.version}]({link(source, paths.kubernetes(newest.version))})"
            + (f", released {newest.released}" if newest.released else ""),
        ],
        ["Newest Windows Server release", f"[{windows.name}]({link(source, paths.windows(windows.id))})"],
        ["Features and limitations", str(len(catalog.features))],
        ["Citations", f"{len(urls)} to {len(set(urls))} distinct pages"],
    ]
    lines = [
        "# About",
        "",
        "k8s-windows-kb is a curated, sourced dataset of what Windows nodes can do on Kubernetes, from "
        f"Kubernetes {catalog.minors[0]} onwards and Windows Server 2016 onwards, with a JSON API, a `kb` command "
        "and this site, all generated from the same database.",
        "",
        "## Where the data comes from",
        "",
        "Every fact cites at least one public source, read by a person: the Kubernetes documentation and its "
        "history, KEPs, CHANGELOGs and release notes, and Microsoft's documentation for Windows containers. "
        "Descriptions are written in our own words. Facts that were inferred rather than read are marked as such "
        "on their page, and where sources disagree both values are shown.",
        "",
        *table(["Site", "Citations"], [[host, str(count)] for host, count in hosts.most_common()]),
        "",
        "## Licence",
        "",
        f"The data (everything under `data/` and the answers built from it) is under {DATA_LICENCE}: reuse it "
        f"with attribution to k8s-windows-kb. The code is under {CODE_LICENCE}.",
        "",
        "## How fresh it is",
        "",
        *table(["", ""], freshness),
        "",
        f"Found something wrong or missing? See [contributing data]({link(source, paths.GUIDE_CONTRIBUTING)}).",
    ]
    return Page(source, join(lines))
