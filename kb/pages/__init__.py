"""Database -> the pages of the docs site, from the same engine functions the API calls.

``site_pages`` yields every generated page; ``navigation`` builds the nav from the pages present.
docs/gen_pages.py and docs/hooks.py are thin callers of these.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from kb import site_paths as paths
from kb.catalog import Catalog
from kb.cli import EXIT_NOT_SUPPORTED, EXIT_SUPPORTED
from kb.errors import EXIT_BAD_INPUT
from kb.i18n import Lang
from kb.pages.about import about_page, footer_text
from kb.pages.compare import compare_page, upgrade_page
from kb.pages.features import category_page, feature_page, features_index
from kb.pages.guides import api_guide, cli_guide
from kb.pages.home import home_page, lookup_data
from kb.pages.limitations import limitations_page
from kb.pages.markdown import Page, status_badge
from kb.pages.matrices import feature_grid_page, image_matrix_page, os_matrix_page
from kb.pages.prose import chatops_guide, contributing_guide
from kb.pages.releases import kubernetes_pages, windows_pages
from kb.pages.words import page_words

__all__ = [
    "Page",
    "api_examples",
    "footer_text",
    "lookup_data",
    "navigation",
    "site_language",
    "site_pages",
    "status_badge",
]

NavItem = str | dict[str, Any]
EXIT_CODES = {
    EXIT_SUPPORTED: "exit-supported",
    EXIT_NOT_SUPPORTED: "exit-not-supported",
    EXIT_BAD_INPUT: "exit-bad-input",
}
"""Each exit code of ``kb support`` and the page word that says what it means."""


def site_language(theme_language: str) -> Lang:
    """The language a site build speaks, from its theme's (mkdocs-material's ``language``: en, zh)."""
    return "zh" if theme_language == "zh" else "en"


def api_examples(catalog: Catalog) -> dict[str, str]:
    """Example values from the data for API parameters whose schema has none."""
    feature = "hostprocess-containers" if "hostprocess-containers" in catalog.features else next(iter(catalog.features))
    windows = list(catalog.windows)[-1]
    minors = [str(m) for m in catalog.minors]
    return {
        "from": minors[-4] if len(minors) > 3 else minors[0],
        "to": str(catalog.newest_released),
        "release": windows,
        "feature": feature,
        "feature_id": feature,
        "id": feature,
        "kubernetes": str(catalog.newest_released),
        "version": str(catalog.newest_released),
        "windows": windows,
        "windows_id": windows,
        "host": windows,
        "image": windows,
        "q": "hostprocess",
    }


def site_pages(
    catalog: Catalog,
    today: date,
    openapi: Mapping[str, Any],
    cli: Any,
) -> Iterator[Page]:
    """Every generated page of the site, in the language of ``catalog`` (see :func:`kb.localize.in_language`)."""
    lang = catalog.lang
    yield home_page(catalog)
    yield features_index(catalog)
    for category_id in catalog.categories:
        yield category_page(catalog, category_id)
    for feature_id in catalog.features:
        yield feature_page(catalog, feature_id)
    yield limitations_page(catalog)
    yield from kubernetes_pages(catalog, today)
    yield from windows_pages(catalog, today)
    yield feature_grid_page(catalog)
    yield os_matrix_page(catalog)
    yield image_matrix_page(catalog)
    yield compare_page(catalog)
    yield upgrade_page(catalog)
    yield api_guide(openapi, api_examples(catalog), lang)
    yield chatops_guide(str(catalog.newest_released), lang)
    yield cli_guide(cli, exit_codes=EXIT_CODES, lang=lang)
    yield contributing_guide(lang)
    yield about_page(catalog, today)


def _placed(items: list[NavItem]) -> set[str]:
    placed: set[str] = set()
    for item in items:
        if isinstance(item, str):
            placed.add(item)
            continue
        for value in item.values():
            placed |= _placed(value) if isinstance(value, list) else {value}
    return placed


def _keep(items: list[NavItem], present: set[str]) -> list[NavItem]:
    """``items`` without the pages that are not in ``present`` (and without sections left empty)."""
    kept: list[NavItem] = []
    for item in items:
        if isinstance(item, str):
            if item in present:
                kept.append(item)
            continue
        ((title, value),) = item.items()
        if isinstance(value, list):
            if children := _keep(value, present):
                kept.append({title: children})
        elif value in present:
            kept.append(item)
    return kept


def navigation(catalog: Catalog, present: set[str]) -> list[NavItem]:
    """The site's navigation: tabs, with features grouped by category.

    Pages not in ``present`` are left out; pages present but not placed here (hand-written guides
    such as docs/tools/*.md) are listed under Guides by their own titles. Titles are in the catalog's language.
    """
    words = page_words(catalog.lang)
    categories = [
        {
            category.name: [paths.category(category.id)]
            + [
                {f.name: paths.feature(f.id)}
                for f in sorted(catalog.features.values(), key=lambda f: f.name.lower())
                if f.category == category.id
            ]
        }
        for category in catalog.categories.values()
    ]
    minors = [{f"Kubernetes {m}": paths.kubernetes(str(m))} for m in sorted(catalog.minors, reverse=True)]
    windows = [{w.name: paths.windows(w.id)} for w in reversed(catalog.windows.values())]
    guides: list[NavItem] = [
        {words("nav-api"): paths.GUIDE_API},
        {words("nav-chatops"): paths.GUIDE_CHATOPS},
        {words("nav-cli"): paths.GUIDE_CLI},
        {words("nav-contributing"): paths.GUIDE_CONTRIBUTING},
    ]
    releases = [{"Kubernetes": [paths.KUBERNETES, *minors]}, {"Windows Server": [paths.WINDOWS, *windows]}]
    nav: list[NavItem] = [
        {words("nav-home"): paths.HOME},
        {words("nav-features"): [{words("nav-all-features"): paths.FEATURES}, *categories]},
        {words("nav-limitations"): paths.LIMITATIONS},
        {words("nav-releases"): releases},
        {
            words("nav-matrices"): [
                {words("nav-feature-grid"): paths.MATRIX_FEATURES},
                {words("nav-os-matrix"): paths.MATRIX_OS},
                {words("nav-image-matrix"): paths.MATRIX_IMAGES},
            ]
        },
        {
            words("nav-compare"): [
                {words("nav-compare-releases"): paths.COMPARE},
                {words("nav-upgrade"): paths.UPGRADE},
            ]
        },
        {words("nav-guides"): guides},
        {words("nav-coverage"): paths.COVERAGE},
        {words("nav-about"): paths.ABOUT},
    ]
    guides += sorted(present - _placed(nav))
    return _keep(nav, present)
