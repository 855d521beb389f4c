"""mkdocs-gen-files script: write the site's pages and its static API files from the built database."""

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

db = Path(os.environ.get("KB_DB", "build/kb.db"))
catalog = load_catalog(db)
today = date.today()
openapi = create_app(db_path=db, site_dir=Path("/nonexistent")).openapi()

for page in pages.site_pages(catalog, today, openapi, typer.main.get_command(cli.app)):
    with mkdocs_gen_files.open(page.path, "w") as out:
        out.write(page.text)

# The API's resources as static files (the site's lookup box reads them); `kb export` after the
# build adds support/<feature>/<minor>.json, too many files to pass through mkdocs.
for path, body in export.export_files(catalog, today, support=False):
    with mkdocs_gen_files.open(f"api/v1/{path}", "wb") as out:
        out.write(body)

with mkdocs_gen_files.open(paths.LOOKUP_DATA, "wb") as out:
    out.write(pages.lookup_data(catalog))

site_coverage.write_coverage_page(catalog, mkdocs_gen_files.open)
