"""The home page: what the site answers, the quick lookup box, and what the data covers."""

from __future__ import annotations

import json
import re

from kb import query
from kb import site_paths as paths
from kb.catalog import Catalog
from kb.errors import UnknownFeature
from kb.history import state_at, status_label
from kb.i18n import Lang, say, spaced
from kb.localize import aliases_in_language
from kb.models import STATUSES
from kb.pages.forms import minor_options, windows_options
from kb.pages.markdown import Page, join, link
from kb.pages.words import page_language, page_words
from kb.requirements import requirement_text
from kb.versions import build_number

LOOKUP_FORM = """\
<form id="kb-lookup" class="kb-lookup kb-form" data-api="{api}/" data-root="./" data-lookup="{lookup}"
 autocomplete="off">
<p class="kb-suggest-box"><label for="kb-lookup-feature">{feature}</label>
<input id="kb-lookup-feature" name="feature" placeholder="hostprocess, gmsa, hostNetwork…" required
 role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="kb-lookup-suggestions">
<span id="kb-lookup-suggestions" class="kb-suggestions" role="listbox" hidden></span></p>
<p><label for="kb-lookup-kubernetes">Kubernetes</label>
<select id="kb-lookup-kubernetes" name="kubernetes">{minors}</select></p>
<p><label for="kb-lookup-windows">Windows Server {optional}</label>
<select id="kb-lookup-windows" name="windows">{windows}</select></p>
<p><button type="submit" class="md-button md-button--primary">{ask}</button></p>
</form>
<div id="kb-lookup-answer" class="kb-lookup-answer kb-answer" aria-live="polite"></div>
"""


def lookup_key(text: str) -> str:
    """A name as the lookup box keys it: lower case, letters, digits and Chinese characters. For a name in Latin
    letters that is :func:`kb.versions.normalise`, how the engine reads names; Chinese names (the zh site's)
    keep their characters, which normalise would drop."""
    return re.sub(r"[^a-z0-9\u3400-\u9fff\uf900-\ufaff]", "", text.lower())


def feature_names(catalog: Catalog) -> list[tuple[str, str]]:
    """(what a person may type, feature id): each feature's name, id, aliases (in the catalog's language too)
    and gates, for suggestions."""
    names = []
    for feature in sorted(catalog.features.values(), key=lambda f: f.name.lower()):
        translated = aliases_in_language(catalog, feature.id)
        for text in dict.fromkeys([feature.name, feature.id, *feature.aliases, *translated, *feature.feature_gates]):
            names.append((text, feature.id))
    return names


def windows_minimums(catalog: Catalog) -> dict[str, dict[str, dict[str, str]]]:
    """Feature id -> minor -> the minimum Windows build the step in force there requires, and its wording.

    The lookup box reads the feature's answer from the export (which has no Windows release) and rules a
    release out the way :func:`kb.requirements.requirement_met` does: its build must reach the required
    one. Only minors whose step has such a requirement are listed. The box asks no runtime, so a
    requirement that holds only with one runtime (gMSA's Windows update on containerd nodes) never rules
    a release out there, as in the engine.
    """
    minimums: dict[str, dict[str, dict[str, str]]] = {}
    for feature in catalog.features.values():
        for minor in catalog.minors:
            step = state_at(feature.history, minor).step
            needs = [r for r in step.requirements if r.windows and not r.only_with_runtime] if step else []
            if not needs:
                continue
            strictest = max(needs, key=lambda r: build_number(catalog.windows[r.windows].build))
            minimums.setdefault(feature.id, {})[str(minor)] = {
                "build": catalog.windows[strictest.windows].build,
                "text": spaced(requirement_text(catalog, strictest)),
            }
    return minimums


def lookup_keys(catalog: Catalog) -> dict[str, str]:
    """Keyed name -> feature id, as :func:`kb.query.resolve_feature` reads them: names, aliases, ids and
    the feature gates that select one feature; and in another language, the names and aliases in it."""
    keys = dict(catalog.feature_keys)
    for feature in catalog.features.values():
        for gate in feature.feature_gates:
            try:
                keys.setdefault(lookup_key(gate), query.resolve_feature(catalog, gate).id)
            except UnknownFeature:
                continue
    for feature in catalog.features.values():
        for name in (feature.name, *aliases_in_language(catalog, feature.id)):
            keys.setdefault(lookup_key(name), feature.id)
    return keys


def _sentence(lang: Lang, key: str, *slots: str) -> str:
    """The engine's sentence ``key`` with {slot} placeholders for the lookup box to fill, spaced as the engine
    spaces Chinese (the slots hold names in Latin letters: Windows releases, minors)."""
    marks = {slot: f"SLOT{slot.upper()}" for slot in slots}
    text = spaced(say(lang, key, **marks))
    for slot, mark in marks.items():
        text = text.replace(mark, "{" + slot + "}")
    return text


def lookup_words(lang: Lang) -> dict[str, object]:
    """The engine's words the lookup box shows around an answer: status names, the two sentences of a Windows
    release ruled out (kb.query words them the same), and how lists and labels are joined."""
    return {
        "statuses": {status: status_label(status, lang=lang) for status in STATUSES},
        "notListed": _sentence(lang, "node-os-not-listed", "windows", "minor", "names"),
        "requires": _sentence(lang, "requires", "requirement", "have"),
        "or": spaced("A" + say(lang, "or") + "A")[1:-1],
        "clauses": page_words(lang)("clauses"),
        "colon": page_words(lang)("labelled", label="", value=""),
    }


def lookup_data(catalog: Catalog) -> bytes:
    """What the lookup box reads besides the API export: the names it resolves (as the engine does), the
    names it suggests while typing, and the Windows minimums of each feature per minor.

    A file rather than a script element: a strict Content-Security-Policy allows it, and instant
    navigation does not try to run it.
    """
    data = {
        "keys": lookup_keys(catalog),
        "names": feature_names(catalog),
        "minimums": windows_minimums(catalog),
        "words": lookup_words(page_language(catalog)),
    }
    return json.dumps(data, sort_keys=True, separators=(",", ":")).encode()


def home_page(catalog: Catalog) -> Page:
    """The home page, with the lookup box that reads the static API export (no server needed)."""
    words = page_words(catalog.lang)
    source = paths.HOME
    newest = catalog.kubernetes[catalog.newest_released]
    windows = list(catalog.windows.values())[-1]
    provisional = [str(m) for m in catalog.minors if catalog.provisional(m)]
    kubernetes = words(
        "covers-kubernetes",
        oldest=catalog.minors[0],
        newest=catalog.newest,
        version=newest.version,
        link=link(source, paths.kubernetes(newest.version)),
    )
    if newest.released:
        kubernetes += words("released-on", date=newest.released)
    if provisional:
        many = "many" if len(provisional) > 1 else "one"
        kubernetes += words(f"covers-provisional-{many}", minors=words("list").join(provisional))
    else:
        kubernetes += words("full-stop")
    lines = [
        "---",
        f"title: {words('home-title')}",
        "hide:",
        "  - navigation",
        "  - toc",
        "---",
        "",
        f"# {words('home-heading')}",
        "",
        words("home-intro"),
        "",
        f"## {words('is-it-supported-heading')}",
        "",
        LOOKUP_FORM.format(
            api=paths.API_EXPORT,
            lookup=paths.LOOKUP_DATA,
            minors=minor_options(catalog, catalog.newest_released),
            windows=windows_options(catalog, "any"),
            feature=words("feature"),
            optional=words("optional"),
            ask=words("is-it-supported"),
        ),
        "",
        f"## {words('covers')}",
        "",
        words(
            "covers-features",
            count=len(catalog.features),
            categories=len(catalog.categories),
            link=link(source, paths.FEATURES),
        ),
        kubernetes,
        words(
            "covers-windows",
            count=len(catalog.windows),
            name=windows.name,
            link=link(source, paths.windows(windows.id)),
            build=windows.build,
        ),
        words("covers-limitations", link=link(source, paths.LIMITATIONS)),
        words("covers-compare", compare=link(source, paths.COMPARE), upgrade=link(source, paths.UPGRADE)),
        "",
        f"## {words('matrices')}",
        "",
        words("home-grid", link=link(source, paths.MATRIX_FEATURES)),
        words("home-os", link=link(source, paths.MATRIX_OS)),
        words("home-images", link=link(source, paths.MATRIX_IMAGES)),
        "",
        f"## {words('for-scripts')}",
        "",
        words(
            "for-scripts-intro",
            api=link(source, paths.GUIDE_API),
            cli=link(source, paths.GUIDE_CLI),
            chat=link(source, paths.GUIDE_CHATOPS),
        ),
        "",
        "```sh",
        f"curl -s 'http://127.0.0.1:8000/v1/support?feature=hostprocess-containers&kubernetes={catalog.newest_released}' | jq -e .supported",
        "```",
        "",
        words("never-guessed"),
    ]
    return Page(source, join(lines))
