"""MkDocs hooks: the footer line and the navigation (from kb), the big HTML tables kept away from Markdown,
and the exported support answers kept across the site directory's clean-up."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from kb import pages
from kb import site_paths as paths
from kb.catalog import load_catalog
from kb.pages.html import restore_blocks, stash_blocks

catalog = load_catalog(Path(os.environ.get("KB_DB", "build/kb.db")))


def on_config(config):
    config["copyright"] = pages.footer_text(catalog.meta, date.today())
    return config


def on_files(files, config):
    # Runs after mkdocs-gen-files added the generated pages, so the nav lists exactly the pages present.
    config["nav"] = pages.navigation(catalog, {f.src_uri for f in files.documentation_pages()})
    return files


def on_page_markdown(markdown, page, config, files):
    markdown, page.kb_blocks = stash_blocks(markdown)
    return markdown


def on_page_content(html, page, config, files):
    # Before the search plugin reads the page (on_page_context): the blocks it should index.
    return restore_blocks(html, page.kb_blocks.indexed)


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
