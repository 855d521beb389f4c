"""MkDocs hooks: the footer line (dataset version and build dates) and the navigation, both from kb."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from kb import pages
from kb.catalog import load_catalog

catalog = load_catalog(Path(os.environ.get("KB_DB", "build/kb.db")))


def on_config(config):
    config["copyright"] = pages.footer_text(catalog.meta, date.today())
    return config


def on_files(files, config):
    # Runs after mkdocs-gen-files added the generated pages, so the nav lists exactly the pages present.
    config["nav"] = pages.navigation(catalog, {f.src_uri for f in files.documentation_pages()})
    return files
