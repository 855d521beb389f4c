"""The home page: what the site answers, the quick lookup box, and what the data covers."""

from __future__ import annotations

import json

from kb import site_paths as paths
from kb.catalog import Catalog
from kb.pages.markdown import Page, join, link
from kb.requirements import requirement_text
from kb.versions import build_number

LOOKUP_FORM = """\
<form id="kb-lookup" class="kb-lookup" data-api="{api}/" autocomplete="off">
<p><label for="kb-lookup-feature">Feature</label>
<input id="kb-lookup-feature" name="feature" list="kb-lookup-features" placeholder="hostprocess, gmsa, hostNetwork…" required>
<datalist id="kb-lookup-features"></datalist></p>
<p><label for="kb-lookup-kubernetes">Kubernetes</label>
<select id="kb-lookup-kubernetes" name="kubernetes"></select></p>
<p><label for="kb-lookup-windows">Windows Server <small>(optional)</small></label>
<select id="kb-lookup-windows" name="windows"><option value="">any</option></select></p>
<p><button type="submit" class="md-button md-button--primary">Is it supported?</button></p>
</form>
<div id="kb-lookup-answer" class="kb-lookup-answer" aria-live="polite"></div>
<script type="application/json" id="kb-feature-keys">{keys}</script>
<script type="application/json" id="kb-windows-minimums">{minimums}</script>
"""


def windows_minimums(catalog: Catalog) -> dict[str, dict[str, dict[str, str]]]:
    """Feature id -> step ``since`` -> the minimum Windows build that step requires and its wording.

    The lookup box reads this to rule out a Windows release the way :func:`kb.requirement_met`
    does (the release's build must be at least the required one); only steps with such a requirement
    are listed. The box asks no runtime, so a requirement that holds only with one runtime (gMSA's
    Windows update on containerd nodes) never rules a release out there, as in the engine.
    """
    minimums: dict[str, dict[str, dict[str, str]]] = {}
    for feature in catalog.features.values():
        for step in feature.history:
            needs = [r for r in step.requirements if r.windows and not r.only_with_runtime]
            if not needs:
                continue
            strictest = max(needs, key=lambda r: build_number(catalog.windows[r.windows].build))
            minimums.setdefault(feature.id, {})[step.since] = {
                "build": catalog.windows[strictest.windows].build,
                "text": requirement_text(catalog, strictest),
            }
    return minimums


def _json_script(value: object) -> str:
    """JSON safe to put inside a <script> element."""
    return json.dumps(value, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")


def home_page(catalog: Catalog) -> Page:
    """The home page, with the lookup box that reads the static API export (no server needed)."""
    source = paths.HOME
    newest = catalog.kubernetes[catalog.newest]
    windows = list(catalog.windows.values())[-1]
    lines = [
        "---",
        "title: Windows on Kubernetes",
        "hide:",
        "  - navigation",
        "  - toc",
        "---",
        "",
        "# Windows on Kubernetes: what works, since when",
        "",
        "**k8s-windows-kb** answers one question for people who run Windows nodes: *is this supported on my "
        "Kubernetes version, with my Windows Server release?* Every answer comes from a curated dataset in which "
        "each fact cites an official source.",
        "",
        "## Is it supported?",
        "",
        LOOKUP_FORM.format(
            api=paths.API_EXPORT,
            keys=_json_script(catalog.feature_keys),
            minimums=_json_script(windows_minimums(catalog)),
        ),
        "",
        "## What the data covers",
        "",
        f"- **{len(catalog.features)} features and limitations** in "
        f"[{len(catalog.categories)} categories]({link(source, paths.FEATURES)}), each with its history.",
        f"- **Kubernetes {catalog.minors[0]} to {catalog.newest}**: the newest is "
        f"[Kubernetes {newest.version}]({link(source, paths.kubernetes(newest.version))})"
        + (f", released {newest.released}." if newest.released else "."),
        f"- **{len(catalog.windows)} Windows Server releases**: the newest is "
        f"[{windows.name}]({link(source, paths.windows(windows.id))}) (`{windows.build}`).",
        f"- [What Windows cannot do]({link(source, paths.LIMITATIONS)}), grouped by why.",
        "",
        "## Matrices",
        "",
        f"- [Feature grid]({link(source, paths.MATRIX_FEATURES)}): every feature at every Kubernetes minor.",
        f"- [Kubernetes and Windows Server]({link(source, paths.MATRIX_OS)}): which node OS each release supports.",
        f"- [Host and image isolation]({link(source, paths.MATRIX_IMAGES)}): which images run on which hosts.",
        "",
        "## For scripts and chat",
        "",
        f"The same answers come from the [JSON API]({link(source, paths.GUIDE_API)}), the "
        f"[`kb` command]({link(source, paths.GUIDE_CLI)}) and the [chat bots]({link(source, paths.GUIDE_CHATOPS)}):",
        "",
        "```sh",
        f"curl -s 'http://127.0.0.1:8000/v1/support?feature=hostprocess-containers&kubernetes={catalog.newest}' | jq -e .supported",
        "```",
        "",
        "The data is never guessed: an unknown feature or a version the data does not cover is an error with "
        "suggestions, never a *supported*.",
    ]
    return Page(source, join(lines))
