"""mkdocs-gen-files script: write the site's pages and its static API files from the built database, in the
language of the build (the theme's: mkdocs.yml English, mkdocs.zh.yml Chinese)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import mkdocs_gen_files
import typer

from api.main import create_app
from kb import cli, export, pages, site_coverage
from kb import site_paths as paths
from kb.catalog import load_catalog
from kb.localize import in_language

db = Path(os.environ.get("KB_DB", "build/kb.db"))
lang = pages.site_language(mkdocs_gen_files.config.theme["language"])
catalog = in_language(load_catalog(db), lang)
today = date.today()
openapi = create_app(db_path=db, site_dir=Path("/nonexistent")).openapi()

for page in pages.site_pages(catalog, today, openapi, typer.main.get_command(cli.app)):
    with mkdocs_gen_files.open(page.path, "w") as out:
        out.write(page.text)

# The hand-written pages (docs/tools/*.md) in another language are docs/<lang>/tools/*.md: they take the
# English page's place in that language's site.
if lang != "en":
    translations = Path(mkdocs_gen_files.config.docs_dir) / lang
    for translated in sorted(translations.glob("**/*.md")):
        with mkdocs_gen_files.open(translated.relative_to(translations).as_posix(), "w") as out:
            out.write(translated.read_text(encoding="utf-8"))

# The API's resources as static files (the site's lookup box reads them), in the site's language; `kb export`
# after the build adds support/<feature>/<minor>.json, too many files to pass through mkdocs.
for path, body in export.export_files(catalog, today, support=False):
    with mkdocs_gen_files.open(f"api/v1/{path}", "wb") as out:
        out.write(body)

with mkdocs_gen_files.open(paths.LOOKUP_DATA, "wb") as out:
    out.write(pages.lookup_data(catalog))

site_coverage.write_coverage_page(catalog, mkdocs_gen_files.open)
