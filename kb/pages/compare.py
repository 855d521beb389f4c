"""The compare and upgrade pages: forms whose answers are the engine's, read in the browser.

The compare page reads the static export (``kubernetes.json`` holds each minor's changes, the
:func:`kb.diff.changes_at` answer that :func:`kb.diff.diff` strings together), so it works on any
static host. The upgrade check asks ``/v1/upgrade``, the answer ``kb upgrade`` gives: a plan
depends on the runtime version the operator types, which no static file can hold for every value.
Both keep their question in the address with the API's parameter names.
"""

from __future__ import annotations

from html import escape
from typing import get_args

from kb import site_paths as paths
from kb.catalog import Catalog
from kb.diff import ChangeKind
from kb.pages.forms import minor_options, windows_options
from kb.pages.html import attrs, href
from kb.pages.markdown import Page, front_matter, join, link
from kb.pages.releases import change_label
from kb.pages.words import page_words


def _select(name: str, label: str, options: str) -> str:
    return f'<p><label for="kb-{name}">{label}</label><select id="kb-{name}" name="{name}">{options}</select></p>'


def _pages_data(catalog: Catalog, source: str) -> str:
    """Where the scripts find the export, the pages they link to, the API's server (when it is not the site's
    root: the Chinese site lives below it) and the change labels."""
    root = href(source, paths.HOME)
    server = root + "../" * paths.LANGUAGE_ROOTS[catalog.lang].count("/")
    return attrs(
        data_api=root + paths.API_EXPORT + "/",
        data_root=root,
        data_server=server if server != root else None,
        data_labels=";".join(f"{kind}={change_label(kind, catalog.lang)}" for kind in get_args(ChangeKind)),
    )


def compare_page(catalog: Catalog) -> Page:
    """Two minors (and a Windows release) -> what changes for Windows nodes, as /v1/diff answers."""
    words = page_words(catalog.lang)
    source = paths.COMPARE
    newest = catalog.newest_released
    older = next((m for m in sorted(catalog.minors, reverse=True) if m < newest), newest)
    form = (
        f'<form id="kb-compare" class="kb-form"{_pages_data(catalog, source)} autocomplete="off">'
        + _select("from", words("from"), minor_options(catalog, older))
        + _select("to", words("to"), minor_options(catalog, newest))
        + _select("windows", f"Windows Server {words('optional')}", windows_options(catalog, "any"))
        + f'<p><button type="submit" class="md-button md-button--primary">{words("compare")}</button></p></form>'
        + '<div id="kb-compare-answer" class="kb-answer" aria-live="polite"></div>'
    )
    lines = [
        *front_matter(title=words("compare-title"), hide=["toc"]),
        f"# {words('compare-title')}",
        "",
        words("compare-intro"),
        "",
        form,
        "",
        words("compare-to-upgrade", link=link(source, paths.UPGRADE)),
    ]
    return Page(source, join(lines))


def upgrade_page(catalog: Catalog) -> Page:
    """From, to, Windows release and runtime -> the upgrade plan with its blockers, from /v1/upgrade."""
    words = page_words(catalog.lang)
    source = paths.UPGRADE
    newest = catalog.newest_released
    older = next((m for m in sorted(catalog.minors, reverse=True) if m < newest), newest)
    runtimes = "".join(
        f'<option value="{escape(name)}"></option>'
        for runtime in catalog.runtimes.values()
        for name in (runtime.id, *[f"{runtime.id} {v.version}" for v in runtime.versions])
    )
    form = (
        f'<form id="kb-upgrade" class="kb-form"{_pages_data(catalog, source)} autocomplete="off">'
        + _select("from", words("from"), minor_options(catalog, older))
        + _select("to", words("to"), minor_options(catalog, newest))
        + _select("windows", "Windows Server", windows_options(catalog, "not-given"))
        + f'<p><label for="kb-runtime">{words("runtime-as-kubectl")}</label>'
        '<input id="kb-runtime" name="runtime" list="kb-runtimes" placeholder="containerd://1.7.14">'
        f'<datalist id="kb-runtimes">{runtimes}</datalist></p>'
        + f'<p><button type="submit" class="md-button md-button--primary">{words("check-upgrade")}</button></p></form>'
        + '<div id="kb-upgrade-answer" class="kb-answer" aria-live="polite"></div>'
    )
    lines = [
        *front_matter(title=words("upgrade-title"), hide=["toc"]),
        f"# {words('upgrade-title')}",
        "",
        words("upgrade-intro", guide=link(source, "tools/upgrade.md"), compare=link(source, paths.COMPARE)),
        "",
        form,
        "",
        words("upgrade-needs-api"),
    ]
    return Page(source, join(lines))
