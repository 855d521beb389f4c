"""The choices the site's forms offer (lookup box, compare, upgrade check), from the data."""

from __future__ import annotations

from html import escape

from kb.catalog import Catalog
from kb.pages.html import attrs
from kb.pages.words import page_words
from kb.versions import KubernetesMinor


def minor_options(catalog: Catalog, selected: KubernetesMinor) -> str:
    """Every minor, newest first, ``selected`` chosen; a provisional minor says so."""
    options = []
    for minor in sorted(catalog.minors, reverse=True):
        label = f"Kubernetes {minor}" + (
            page_words(catalog.lang)("minor-provisional") if catalog.provisional(minor) else ""
        )
        chosen = "selected" if minor == selected else None
        options.append(f"<option{attrs(value=str(minor), selected=chosen)}>{escape(label)}</option>")
    return "".join(options)


def windows_options(catalog: Catalog, empty: str) -> str:
    """Every Windows release, newest build first, after an empty choice labelled with the page word ``empty``."""
    releases = reversed(catalog.windows.values())
    return f'<option value="">{escape(page_words(catalog.lang)(empty))}</option>' + "".join(
        f'<option value="{w.id}" data-build="{w.build}">{escape(w.name)} ({w.build})</option>' for w in releases
    )
