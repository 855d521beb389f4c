"""Reading a question: everything it names, before deciding what kind of question it is.

:func:`read` finds versions and releases (:mod:`kb.reading.entities`), then features
(:mod:`kb.reading.features`) over the words left, and keeps the words as stems for the question
kinds' cues (:mod:`kb.kinds`). Ordinary words are never a reason to refuse: only a name that
resolves to nothing, or a question with no subject, is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from kb.catalog import Catalog
from kb.errors import InvalidInput
from kb.models import Feature
from kb.reading.chinese import CUES_ZH, compact
from kb.reading.entities import Entities, Mention, WindowsMention, read_entities
from kb.reading.features import FeatureMatch, FeatureReading, feature_index, match_features
from kb.reading.words import ORDINARY, STOP, Token, atoms_of, stem, tokenize

MAX_QUESTION = 500
"""Characters: a question longer than a chat message is refused before any reading."""
MAX_WORDS = 80


@dataclass(frozen=True)
class Reading:
    """Everything read from one question."""

    question: str
    tokens: list[Token]
    entities: Entities
    features: FeatureReading
    stems: frozenset[str]
    stem_text: str  # the question's words as stems, single-spaced and padded, for cue phrases
    catalog_features: dict[str, Feature]
    written: str = ""  # the question compact (kb.reading.chinese.compact), for Chinese cue phrases

    @property
    def feature_list(self) -> list[Feature]:
        return [self.catalog_features[m.feature] for m in self.features.matches]

    def has(self, *phrases: str) -> bool:
        """Does the question say one of these words or phrases, in any inflection ('goes out of support'), or, for
        a Chinese phrase, anywhere in its text ('什么时候')?"""
        return any(
            _stemmed(p) in self.stem_text or any(zh in self.written for zh in CUES_ZH.get(p, ())) for p in phrases
        )

    def without_features(self) -> Reading:
        """The reading with the words that name its features taken out of the cues: 'lifecycle' in 'the
        lifecycle stop signal field' names the feature, it does not ask for an end of life."""
        covered = {t for m in self.features.matches for t in m.tokens}
        if not covered:
            return self
        releases = self.entities.used - {i for m, _ in self.entities.runtimes for i in range(m.start, m.end)}
        masked = releases | covered
        words = [_cue_words(t.text) for t in self.tokens]
        # the windows-build label is both a feature's name and the fact 'what value does it have' asks for
        stem_text = (
            " "
            + " ".join(
                "|" if t.index in masked and w != "label" else w for t, w in zip(self.tokens, words, strict=True)
            )
            + " "
        )
        return replace(self, stem_text=stem_text)

    @property
    def leftover(self) -> list[str]:
        """Content words that neither name an entity nor a feature: shown as 'not understood', never refused for."""
        covered = {t for m in self.features.matches for t in m.tokens} | self.entities.used
        return [t.text for t in self.tokens if t.index not in covered and not all(a in STOP for a in atoms_of(t.text))]

    def understood(self) -> list[str]:
        notes = list(self.entities.understood)
        notes += [f"feature: {m.phrase.text} -> {m.feature}" for m in self.features.matches]
        return notes


def read(catalog: Catalog, question: str, weak: frozenset[str] = frozenset()) -> Reading:
    """Read ``question``; raises InvalidInput when it is too long to be a question.

    ``weak``: words that cannot name a feature on their own (the question kinds' cue words).
    """
    if len(question) > MAX_QUESTION:
        raise InvalidInput(f"A question is at most {MAX_QUESTION} characters.", [])
    text = unicodedata.normalize("NFKC", question)
    tokens = tokenize(text)
    if len(tokens) > MAX_WORDS:
        raise InvalidInput(f"A question is at most {MAX_WORDS} words.", [])
    entities = read_entities(catalog, tokens, text)
    windows = frozenset(w.mention.start for w in entities.windows)
    features = match_features(feature_index(catalog, weak | ORDINARY), tokens, entities.used, entities.keps, windows)
    stems = frozenset(a for t in tokens if t.index not in entities.used for a in atoms_of(t.text))
    # cue phrases are read around versions and Windows releases: 'windows server 2019' is no 'windows server' cue
    releases = entities.used - {i for mention, _ in entities.runtimes for i in range(mention.start, mention.end)}
    stem_text = " " + " ".join("|" if t.index in releases else _cue_words(t.text) for t in tokens) + " "
    return Reading(text, tokens, entities, features, stems, stem_text, catalog.features, compact(text))


def _cue_words(text: str) -> str:
    """A token as cue words; a node label or a reference is one word ('node.kubernetes.io/windows-build' -> label)."""
    if "windows-build" in text.lower() and ("/" in text or "." in text):
        return "label"
    if "/" in text or ":" in text:
        return "|"
    return _stem_words(text)


def _stem_words(text: str) -> str:
    return " ".join(stem(w) for w in re.findall(r"[a-z0-9]+", text.lower()))


@lru_cache(maxsize=2048)
def _stemmed(phrase: str) -> str:
    return f" {_stem_words(phrase)} "


__all__ = ["MAX_QUESTION", "FeatureMatch", "Mention", "Reading", "WindowsMention", "read"]
