"""Searching features by text: the names people type first, then the words of their summaries.

A search reads its text as the free-text reader reads a question (:mod:`kb.reading.features`): a feature
whose id, name, alias, gate, field path or KEP the text names ranks first, by how well; only when none is
named do summaries count, and then a feature must have every word of the text in its summary. What matches
nothing is not returned.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from kb.answers import FeatureRef
from kb.catalog import Catalog
from kb.reading.features import feature_index, match_features
from kb.reading.words import GENERIC, ORDINARY, STOP, atoms_of, tokenize
from kb.versions import normalise


def search_features(catalog: Catalog, text: str, limit: int = 20) -> list[FeatureRef]:
    """Features the text names, best first; else features whose summary has every word of it."""
    if not normalise(text):
        return []
    index = feature_index(catalog, ORDINARY)
    reading = match_features(index, tokenize(text), set())
    named = [m.feature for m in sorted(reading.matches, key=lambda m: -m.score)]
    named += [m.feature for pair in reading.ambiguous for m in pair]
    if not named:
        words = {a for a in atoms_of(text) if a not in STOP | GENERIC}
        named = [f.id for f in catalog.features.values() if words and words <= set(atoms_of(f"{f.name} {f.summary}"))]
    return [FeatureRef(id=i, name=catalog.features[i].name) for i in dict.fromkeys(named)][:limit]


def suggest_features(catalog: Catalog, text: str, count: int = 5) -> list[str]:
    """Feature ids whose names look like ``text``: close spellings first, then what a search finds."""
    key = normalise(text)
    close = process.extract(key, list(catalog.feature_keys), scorer=fuzz.ratio, limit=count, score_cutoff=60)
    ids = [catalog.feature_keys[k] for k, _, _ in close]
    ids += [hit.id for hit in search_features(catalog, text, limit=count)]
    return list(dict.fromkeys(ids))[:count]
