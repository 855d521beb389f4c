"""mkdocs-gen-files script: generate the data pages from the built database at site build time."""

from __future__ import annotations

import os
from pathlib import Path

import mkdocs_gen_files

from kb import site, site_coverage
from kb.catalog import load_catalog

catalog = load_catalog(Path(os.environ.get("KB_DB", "build/kb.db")))

with mkdocs_gen_files.open("features/index.md", "w") as page:
    page.write(site.features_index(catalog))

for feature_id in catalog.features:
    with mkdocs_gen_files.open(f"features/{feature_id}.md", "w") as page:
        page.write(site.feature_page(catalog, feature_id))

site_coverage.write_coverage_page(catalog, mkdocs_gen_files.open)
