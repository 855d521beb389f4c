"""The compare and upgrade pages: forms whose answers are the engine's, read in the browser.

The compare page reads the static export (``kubernetes.json`` holds each minor's changes, the
:func:`kb.diff.changes_at` answer that :func:`kb.diff.diff` strings together), so it works on any
static host. The upgrade check asks ``/v1/upgrade``, the answer ``kb upgrade`` gives: a plan
depends on the runtime version the operator types, which no static file can hold for every value.
Both keep their question in the address with the API's parameter names.
"""

from __future__ import annotations

from html import escape

from kb import site_paths as paths
from kb.catalog import Catalog
from kb.pages.forms import minor_options, windows_options
from kb.pages.html import attrs, href
from kb.pages.markdown import Page, front_matter, join, link
from kb.pages.releases import CHANGE_LABELS


def _select(name: str, label: str, options: str) -> str:
    return f'<p><label for="kb-{name}">{label}</label><select id="kb-{name}" name="{name}">{options}</select></p>'


def _pages_data(catalog: Catalog, source: str) -> str:
    """Where the scripts find the export, the pages they link to, and the change labels."""
    return attrs(
        data_api=href(source, paths.HOME) + paths.API_EXPORT + "/",
        data_root=href(source, paths.HOME),
        data_labels=";".join(f"{kind}={label}" for kind, label in CHANGE_LABELS.items()),
    )


def compare_page(catalog: Catalog) -> Page:
    """Two minors (and a Windows release) -> what changes for Windows nodes, as /v1/diff answers."""
    source = paths.COMPARE
    newest = catalog.newest_released
    older = next((m for m in sorted(catalog.minors, reverse=True) if m < newest), newest)
    form = (
        f'<form id="kb-compare" class="kb-form"{_pages_data(catalog, source)} autocomplete="off">'
        + _select("from", "From", minor_options(catalog, older))
        + _select("to", "To", minor_options(catalog, newest))
        + _select("windows", "Windows Server <small>(optional)</small>", windows_options(catalog, "any"))
        + '<p><button type="submit" class="md-button md-button--primary">Compare</button></p></form>'
        + '<div id="kb-compare-answer" class="kb-answer" aria-live="polite"></div>'
    )
    lines = [
        *front_matter(title="Compare two Kubernetes releases", hide=["toc"]),
        "# Compare two Kubernetes releases",
        "",
        "Pick two minors to see everything that changes for Windows nodes between them: features that "
        "graduate, appear or go, limitations lifted or added, Windows Server releases added or dropped, runtime "
        "changes. Pick your Windows Server release to see whether it is supported at both ends and which changes "
        "concern it. The answer is the API's `/v1/diff`, and the address keeps the question, so you can share it.",
        "",
        form,
        "",
        f"To check an upgrade against your nodes' runtime too, use the [upgrade check]({link(source, paths.UPGRADE)}).",
    ]
    return Page(source, join(lines))


def upgrade_page(catalog: Catalog) -> Page:
    """From, to, Windows release and runtime -> the upgrade plan with its blockers, from /v1/upgrade."""
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
        + _select("from", "From", minor_options(catalog, older))
        + _select("to", "To", minor_options(catalog, newest))
        + _select("windows", "Windows Server", windows_options(catalog, "not given"))
        + '<p><label for="kb-runtime">Runtime <small>(as kubectl shows it)</small></label>'
        '<input id="kb-runtime" name="runtime" list="kb-runtimes" placeholder="containerd://1.7.14">'
        f'<datalist id="kb-runtimes">{runtimes}</datalist></p>'
        + '<p><button type="submit" class="md-button md-button--primary">Check the upgrade</button></p></form>'
        + '<div id="kb-upgrade-answer" class="kb-answer" aria-live="polite"></div>'
    )
    lines = [
        *front_matter(title="Upgrade check", hide=["toc"]),
        "# Upgrade check",
        "",
        "Pick where your cluster is and where it is going, your Windows nodes' release and runtime, and see what "
        "blocks the upgrade for those nodes, step by step: the answer of `kb upgrade` and `/v1/upgrade`. "
        f"How actions are graded: [planning an upgrade]({link(source, 'tools/upgrade.md')}). "
        f"Without a runtime, [compare the two releases]({link(source, paths.COMPARE)}) instead.",
        "",
        form,
        "",
        "The check asks the API that `make run` serves next to this site. Elsewhere, run the same check with "
        "`kb upgrade --from 1.23 --to 1.27 --windows ltsc2019 --runtime containerd://1.7.14`.",
    ]
    return Page(source, join(lines))
