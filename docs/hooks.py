"""MkDocs hooks: the footer line and the navigation (from kb) in the site's language, the links of the language
switch, the big HTML tables kept away from Markdown, and the exported support answers kept across the site
directory's clean-up. The language is the theme's (mkdocs.yml English, mkdocs.zh.yml Chinese)."""

from __future__ import annotations

import os
from datetime import date
from functools import cache
from pathlib import Path

from kb import pages
from kb import site_paths as paths
from kb.catalog import Catalog, load_catalog
from kb.i18n import Lang
from kb.localize import in_language
from kb.pages.html import restore_blocks, stash_blocks


@cache
def site_catalog(lang: Lang) -> Catalog:
    return in_language(load_catalog(Path(os.environ.get("KB_DB", "build/kb.db"))), lang)


def language(config) -> Lang:
    return pages.site_language(config.theme["language"])


def on_config(config):
    lang = language(config)
    config["copyright"] = pages.footer_text(site_catalog(lang).meta, date.today(), lang)
    return config


def on_files(files, config):
    # Runs after mkdocs-gen-files added the generated pages, so the nav lists exactly the pages present.
    present = {f.src_uri for f in files.documentation_pages()}
    config["nav"] = pages.navigation(site_catalog(language(config)), present)
    return files


def on_page_markdown(markdown, page, config, files):
    markdown, page.kb_blocks = stash_blocks(markdown)
    return markdown


def on_page_content(html, page, config, files):
    # Before the search plugin reads the page (on_page_context): the blocks it should index.
    return restore_blocks(html, page.kb_blocks.indexed)


def _alternates(config, url: str | None) -> list[dict[str, str]]:
    """The language switch's entries: the same page in each language (the other site's home for a page
    without a URL, the 404 page)."""
    lang = language(config)
    return [
        {
            "name": alternate["name"],
            "lang": alternate["lang"],
            "href": paths.language_url(url or "", lang, alternate["lang"]),
        }
        for alternate in config.extra["alternate"]
    ]


def on_page_context(context, page, config, nav):
    context["kb_alternate"] = _alternates(config, page.url)
    return context


def on_template_context(context, template_name, config):
    # The 404 page is written once and served at any depth: its links are absolute from the language's root.
    if template_name == "404.html":
        lang = language(config)
        context["base_url"] = "/" + paths.LANGUAGE_ROOTS[lang]
        context["kb_alternate"] = [
            {**alternate, "href": "/" + paths.LANGUAGE_ROOTS[alternate["lang"]]}
            for alternate in _alternates(config, None)
        ]
    return context


def on_post_page(output, page, config):
    return restore_blocks(output, page.kb_blocks.unindexed, indexed=False)


# `kb export` writes one support answer per feature and minor (thousands of files) after the build.
# MkDocs empties the site directory first, except for hidden entries: moving the answers to one and
# back spares deleting and creating them all again on every build (seconds of file-system work on a
# busy machine); `kb export` then rewrites them in place and removes any it no longer answers.
KEPT = ".kb-support-kept"


def _support_dirs(config) -> tuple[Path, Path]:
    site = Path(config["site_dir"])
    return site / paths.API_EXPORT / "support", site / KEPT


def on_pre_build(config):
    support, kept = _support_dirs(config)
    if support.is_dir() and not kept.exists():
        support.rename(kept)


def on_post_build(config):
    support, kept = _support_dirs(config)
    if kept.is_dir() and not support.exists():
        support.parent.mkdir(parents=True, exist_ok=True)
        kept.rename(support)
