"""Which feature a question is about: ranked, typo-tolerant retrieval over what names a feature.

Every feature is named by phrases: its id, name, aliases, feature gates, the pod-spec field paths it
covers and its KEP number. A phrase matches when every one of its words (stemmed; grammar dropped)
is in the question near the others, exactly or within a typo (rapidfuzz), or written as one word
('host process' / 'HostProcess' / 'hostprocess'). A match scores the rarity of its words across
features, so 'subPath' outweighs 'mount'. Matches of one feature are one subject however often
the question names it; a match whose words another feature's match covers and outscores is
dropped, and two matches that share words and score alike are reported as ambiguous.
Summary words never select a feature: they only rank suggestions.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from rapidfuzz import fuzz, process

from kb.catalog import Catalog
from kb.models import Feature

if TYPE_CHECKING:
    from kb.reading.entities import Mention

from kb.reading.chinese import chinese_parts, compact, has_cjk, weak_chinese
from kb.reading.words import EQUIVALENT, GENERIC, STOP, Token, atoms_of, compound, joined, stem

Origin = Literal["id", "name", "alias", "gate", "field", "kep", "variant"]
_STRONG_ORIGINS = ("gate", "field", "kep")
_WINDOW_SLACK = 5
_TYPO_SCORE = 86.0
_TYPO_QUALITY = 0.85
_GENERIC_WEIGHT = 0.25
_CLEAR_MARGIN = 1.3
_DISTINCTIVE = 2.0
_CHINESE_BASE, _CHINESE_CHAR, _CHINESE_LATIN = 2.0, 1.5, 0.3
_CHINESE_GAP = 8  # characters between the parts of a Chinese name
_NAMED_SCORE = 8.0  # a gate name, a field path or a KEP number names its feature outright
_FIELD_PATH = re.compile(r"^[A-Za-z][A-Za-z0-9]+(?:\[[*0-9]*\])?(?:\.[A-Za-z][A-Za-z0-9]*(?:\[[*0-9]*\])?)+(?:=\S+)?$")
_CAMEL = re.compile(r"[a-z0-9][A-Z]")
_WINDOWS = stem("windows")
_LIMITING = frozenset(stem(w) for w in ("only", "not", "no", "non", "without"))
_GATE_LIKE = re.compile(r"^[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*){2,}$")


@dataclass(frozen=True)
class Phrase:
    """One way of naming a feature: its required words (stems), and where the phrase comes from."""

    feature: str
    atoms: tuple[str, ...]
    origin: Origin
    text: str
    one_word: bool = False  # matches only a word written as one ('windows-service'), not 'windows services'
    variant: str | None = None  # the case of the feature this phrase names


@dataclass(frozen=True)
class Atom:
    """A word of the question as matched: its stem, the token it comes from, and its position."""

    stem: str
    token: int
    position: int
    width: int = 1  # a joined form ('host process' -> 'hostprocess') covers several positions
    across: bool = False  # joined from two separate words of the question


@dataclass
class FeatureMatch:
    """A feature the question names: the score of its best phrase and every position its phrases cover."""

    feature: str
    score: float
    phrase: Phrase
    positions: set[int] = field(default_factory=set)  # what the best phrase covers
    tokens: set[int] = field(default_factory=set)  # every token any of its phrases covers
    distinct: dict[int, float] = field(default_factory=dict)  # position -> weight of the best phrase's words
    gate: str | None = None  # the feature gate the question names it by, if any
    variant: str | None = None  # the case of the feature the question names, if any
    stems: dict[int, str] = field(default_factory=dict)  # position -> the word matched there


@dataclass(frozen=True)
class FeatureReading:
    """What the question says about features: the subjects, close calls, and names that resolve to nothing."""

    matches: list[FeatureMatch]
    ambiguous: list[tuple[FeatureMatch, FeatureMatch]]
    unknown: list[tuple[Token, str]]  # a gate-like word, a field path or a KEP number the data does not hold


@dataclass
class FeatureIndex:
    """The phrases of every feature, indexed by word, with each word's weight."""

    phrases: dict[str, list[Phrase]]
    weights: dict[str, float]
    vocabulary: dict[str, str]  # a lowercase word as written in a name -> its stem, for typo matching
    fields: dict[str, set[str]]
    gates: dict[str, str]
    keps: dict[int, list[str]]
    summary_words: dict[str, set[str]]
    variants: dict[str, list[Phrase]]  # feature -> the phrases of its cases: they count once the feature is named
    words: dict[str, set[str]]  # feature -> every word of its names and its cases' names
    chinese: list[Phrase] = field(default_factory=list)  # Chinese names and aliases, looked for as written
    related: dict[str, set[str]] = field(default_factory=dict)  # feature -> the features its entry relates to
    own: dict[str, list[Phrase]] = field(default_factory=dict)  # feature -> its phrases

    def weight(self, atom: str) -> float:
        return _GENERIC_WEIGHT if atom in GENERIC else self.weights.get(atom, 1.0)


def _phrase_atoms(text: str) -> tuple[str, ...]:
    """The words a phrase requires: all of a one-word name ('ipv6-only', 'windows-build'), the content words of
    a longer one ('HostProcess containers on Windows' -> hostprocess, pod)."""
    atoms = atoms_of(text)
    if " " not in text.strip():
        return tuple(atoms)
    # 'only', 'not', 'without' limit a name ('ipv6 only' is not 'ipv6'), and 'windows' stays in a short name it qualifies ('windows control plane', 'windows master'): without it the
    # name would stand for something every cluster has
    keep = _WINDOWS if len([a for a in atoms if a not in STOP]) <= 2 else None
    return tuple(a for a in atoms if a not in STOP or a == keep or a in _LIMITING)


def _names(feature: Feature) -> Iterable[tuple[str, Origin]]:
    yield feature.id, "id"
    yield feature.name, "name"
    for alias in feature.aliases:
        yield alias, "alias"
    for gate in feature.feature_gates:
        yield gate, "gate"


def _weak(atom: str, weak: frozenset[str]) -> bool:
    return atom in GENERIC or atom in STOP or atom in weak or stem(atom) in GENERIC | STOP | weak


def _field_keys(path: str) -> list[str]:
    """'spec.containers[*].securityContext.runAsUser' -> every dotted suffix, lowercase, without indexes."""
    bare = re.sub(r"\[[^\]]*\]", "", path.split("=", 1)[0]).lower()
    parts = bare.split(".")
    return [".".join(parts[i:]) for i in range(len(parts)) if parts[i:]]


_IDENTIFIER = re.compile(r"^[a-z]+[A-Z][A-Za-z]*(\.[A-Za-z]+)*$|^[A-Za-z]+(\.[A-Za-z]+)+$")
"""A name written as code ('sessionAffinityConfig', 'clientIP.timeoutSeconds'): a case's such name is specific
enough to name its feature on its own."""


def build_index(catalog: Catalog, weak: frozenset[str] = frozenset()) -> FeatureIndex:
    """Index every feature's phrases; weights are inverse feature frequencies of each word.

    A phrase made only of ``weak`` words (grammar, generic domain words, ordinary chat words and the words
    that point to a question kind: 'windows build', 'add windows node') names nothing on its own.
    """
    phrases: dict[str, list[Phrase]] = defaultdict(list)
    variants: dict[str, list[Phrase]] = defaultdict(list)
    owners: dict[str, set[str]] = defaultdict(set)
    vocabulary: dict[str, str] = {}
    fields: dict[str, set[str]] = defaultdict(set)
    summary_words: dict[str, set[str]] = defaultdict(set)
    for feature in catalog.features.values():
        for text, origin in _names(feature):
            for phrase in _phrases(feature.id, text, origin, weak):
                for atom in set(phrase.atoms):
                    phrases[atom].append(phrase)
                    owners[atom].add(feature.id)
            _learn(vocabulary, text)
        for variant in feature.variants:
            for text in (variant.id, variant.name, *variant.aliases):
                variants[feature.id] += _phrases(feature.id, text, "variant", weak, variant.id)
                _learn(vocabulary, text)
                if _IDENTIFIER.match(text):  # 'sessionAffinityConfig' names the feature as well as its case
                    for phrase in _phrases(feature.id, text, "variant", weak, variant.id):
                        for atom in set(phrase.atoms):
                            phrases[atom].append(phrase)
                            owners[atom].add(feature.id)
        for pod_field in feature.fields:
            for key in _field_keys(pod_field.path):
                fields[key].add(feature.id)
        for atom in atoms_of(feature.summary):
            if atom not in STOP and atom not in GENERIC:
                summary_words[atom].add(feature.id)
    total = len(catalog.features)
    weights = {atom: 1.0 + math.log(total / len(ids)) for atom, ids in owners.items()}
    gates = {joined(g): f.id for f in catalog.features.values() for g in f.feature_gates}
    keps: dict[int, list[str]] = defaultdict(list)
    for feature in catalog.features.values():
        if feature.kep:
            keps[feature.kep.number].append(feature.id)
    chinese = _chinese_phrases(catalog)
    for phrase in chinese:
        if phrase.variant:
            variants[phrase.feature].append(phrase)
    words = {
        f: {
            a
            for p in [*(p for ps in phrases.values() for p in ps if p.feature == f), *variants.get(f, [])]
            for a in p.atoms
        }
        for f in catalog.features
    }
    return FeatureIndex(
        dict(phrases),
        weights,
        vocabulary,
        dict(fields),
        gates,
        dict(keps),
        dict(summary_words),
        dict(variants),
        words,
        [p for p in chinese if not p.variant],
        _related(catalog),
        _own(phrases),
    )


def _own(phrases: dict[str, list[Phrase]]) -> dict[str, list[Phrase]]:
    own: dict[str, list[Phrase]] = defaultdict(list)
    for phrase in dict.fromkeys(p for ps in phrases.values() for p in ps):
        own[phrase.feature].append(phrase)
    return dict(own)


def _related(catalog: Catalog) -> dict[str, set[str]]:
    """Each feature's related features, both ways (gMSA and gMSA network shares name each other)."""
    related: dict[str, set[str]] = defaultdict(set)
    for feature in catalog.features.values():
        for other in feature.related:
            if other in catalog.features:
                related[feature.id].add(other)
                related[other].add(feature.id)
    return dict(related)


def _chinese_phrases(catalog: Catalog) -> list[Phrase]:
    """The Chinese names and aliases of every feature and of its cases (data/zh/), as one compact word each."""
    out = []
    for (file, key), texts in catalog.translations.get("zh", {}).items():
        if not file.startswith("features/"):
            continue
        for text in dict.fromkeys([texts["name"], *texts.get("aliases", [])]):
            if has_cjk(text) and not weak_chinese(text):
                out.append(Phrase(key, chinese_parts(text), "alias", text))
        for variant, variant_texts in texts.get("variants", {}).items():
            for text in dict.fromkeys([variant_texts["name"], *variant_texts.get("aliases", [])]):
                if has_cjk(text):
                    out.append(Phrase(key, chinese_parts(text), "variant", text, variant=variant))
    return out


def _phrases(feature: str, text: str, origin: Origin, weak: frozenset[str], variant: str | None = None) -> list[Phrase]:
    """The forms a name matches by: its words, and the name written as one word ('host process' / 'HostProcess').
    A name made only of weak words matches only when written as one word ('windows-service')."""
    atoms = _phrase_atoms(text)
    forms = set()
    if atoms and not all(_weak(a, weak) for a in atoms):
        forms.add(atoms)
    words = [
        w for w in re.findall(r"[A-Za-z0-9]+", text) if " " not in text or set(_phrase_atoms(w) or ("-",)) <= set(atoms)
    ]
    whole = compound("".join(words))
    single_token = " " not in text.strip()
    one_word = bool(atoms) and all(_weak(a, weak) for a in atoms)
    if whole and not _weak(whole, weak) and (single_token or (len(words) > 1 and atoms in forms)):
        forms.add((whole,))
    return [Phrase(feature, form, origin, text, one_word and len(form) == 1, variant) for form in forms]


def _learn(vocabulary: dict[str, str], text: str) -> None:
    """Remember the words of a name as written, for typo matching."""
    for word in re.findall(r"[A-Za-z][A-Za-z0-9]+", re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)):
        vocabulary.setdefault(word.lower(), stem(word.lower()))
    vocabulary.setdefault(joined(text), compound(text))


_INDEXES: dict[tuple[int, frozenset[str]], tuple[Catalog, FeatureIndex]] = {}
_KEPT = 4


def feature_index(catalog: Catalog, weak: frozenset[str] = frozenset()) -> FeatureIndex:
    """The index of ``catalog`` for the ``weak`` words, built once (the reader and the search each keep one)."""
    cached = _INDEXES.get((id(catalog), weak))
    if cached and cached[0] is catalog:
        return cached[1]
    index = build_index(catalog, weak)
    if len(_INDEXES) >= _KEPT:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[(id(catalog), weak)] = (catalog, index)
    return index


def question_atoms(
    index: FeatureIndex, tokens: Sequence[Token], skip: set[int], windows: frozenset[int] = frozenset()
) -> list[Atom]:
    """The question's words as stems, with joined forms of neighbours and typo corrections; ``skip``: tokens
    already read as something else (a version, a Windows release, a runtime); ``windows``: the first token of
    each Windows release named, which says 'windows' too ('kubeadm join a ws2019 node')."""
    atoms: list[Atom] = []
    raw: list[tuple[str, int, int]] = []  # (lowercase word, token, position)
    position = 0
    for token in tokens:
        if token.index in skip:
            if token.lower in ("windows", "win") or token.index in windows:  # 'windows server 2022' says windows
                atoms.append(Atom(_WINDOWS, token.index, position))
            position += 1
            continue
        words = re.findall(r"[A-Za-z0-9]+", re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", token.text))
        if not words:  # a Chinese run: one position, matched by the Chinese phrases
            atoms.append(Atom(compact(token.text), token.index, position))
            position += 1
            continue
        if _CAMEL.search(token.text):
            # a camelCase word names one thing as a whole: 'internalTrafficPolicy' is not 'traffic policy'
            atoms.append(Atom(compound(token.text), token.index, position, 1))
            raw.append((joined(token.text), token.index, position))
            position += 1
            continue
        if len(words) > 1:
            atoms.append(Atom(compound(token.text), token.index, position, len(words)))
        for word in words:
            atom = stem(word.lower())
            atoms.append(Atom(EQUIVALENT.get(atom, atom), token.index, position))
            if compound(word) != atom:
                atoms.append(Atom(compound(word), token.index, position))
            raw.append((word.lower(), token.index, position))
            position += 1
    for (first, token, at), (second, _, next_at) in itertools.pairwise(raw):
        if next_at == at + 1:
            atoms.append(Atom(compound(first + second), token, at, 2, across=True))
    atoms += _typo_corrections(index, raw)
    return atoms


def _typo_corrections(index: FeatureIndex, raw: list[tuple[str, int, int]]) -> list[Atom]:
    """Words of six letters or more that are not a known word, read as the name word within a typo."""
    out = []
    names = list(index.vocabulary)
    for word, token, position in raw:
        if len(word) < 6 or word in index.vocabulary or stem(word) in index.weights or stem(word) in STOP | GENERIC:
            continue
        hit = process.extractOne(word, names, scorer=fuzz.ratio, score_cutoff=_TYPO_SCORE)
        if hit and hit[0][0] == word[0]:
            out.append(Atom(index.vocabulary[hit[0]], token, position, 0))
    return out


def _read_scattered(index: FeatureIndex, matches: dict[str, FeatureMatch], by_stem: dict[str, list[Atom]]) -> None:
    """A feature related to one the question names, whose name's words are all in the question though apart
    ('gmsa pod ... an smb share' names gMSA network shares): it is named too, and the narrower one wins."""
    for feature in {r for m in list(matches) for r in index.related.get(m, ())} - set(matches):
        for phrase in index.own.get(feature, []):
            if len(phrase.atoms) < 2 or any(_weak_word(index, a) for a in phrase.atoms):
                continue
            found = _match_phrase(index, phrase, by_stem, window=False)
            if found is not None:
                score, positions, covered, distinct, stems = found
                _add(matches, FeatureMatch(feature, score, phrase, positions, covered, distinct, stems=stems))


def _weak_word(index: FeatureIndex, atom: str) -> bool:
    return atom in GENERIC or index.weights.get(atom, _DISTINCTIVE) < _DISTINCTIVE


def _match_phrase(
    index: FeatureIndex, phrase: Phrase, by_stem: dict[str, list[Atom]], window: bool = True
) -> tuple[float, set[int], set[int], dict[int, float], dict[int, str]] | None:
    """The phrase's score, covered positions and tokens, and each word's weight by position, when all its words
    are near one another."""
    chosen: list[Atom] = []
    for atom in phrase.atoms:
        found = by_stem.get(atom)
        if not found:
            return None
        if phrase.one_word:
            found = [a for a in found if not a.across]
            if not found:
                return None
        anchor = chosen[0].position if chosen else found[0].position
        chosen.append(min(found, key=lambda a: abs(a.position - anchor)))
    positions = {a.position + k for a in chosen for k in range(max(a.width, 1))}
    if window and max(positions) - min(positions) >= len(phrase.atoms) + _WINDOW_SLACK:
        return None
    weights = [
        index.weight(a) * (_TYPO_QUALITY if c.width == 0 else 1.0) for a, c in zip(phrase.atoms, chosen, strict=True)
    ]
    distinct = {c.position: w for c, w in zip(chosen, weights, strict=True)}
    stems = {c.position: a for a, c in zip(phrase.atoms, chosen, strict=True)}
    return sum(weights), positions, {c.token for c in chosen}, distinct, stems


def match_features(
    index: FeatureIndex,
    tokens: Sequence[Token],
    skip: set[int],
    keps: Sequence[tuple[Mention, int]] = (),
    windows: frozenset[int] = frozenset(),
) -> FeatureReading:
    """Every feature the question names, after merging mentions of one subject and dropping covered ones."""
    atoms = question_atoms(index, tokens, skip, windows)
    by_stem: dict[str, list[Atom]] = defaultdict(list)
    for atom in atoms:
        by_stem[atom.stem].append(atom)
    matches: dict[str, FeatureMatch] = {}
    seen: set[int] = set()  # ids: a phrase's own hash is computed anew each time
    for stem_ in list(by_stem):
        for phrase in index.phrases.get(stem_, []):
            if id(phrase) in seen:
                continue
            seen.add(id(phrase))
            found = _match_phrase(index, phrase, by_stem)
            if found is None:
                continue
            score, positions, covered, distinct, stems = found
            _add(matches, FeatureMatch(phrase.feature, score, phrase, positions, covered, distinct, stems=stems))
    token_positions: dict[int, set[int]] = defaultdict(set)
    for atom in atoms:
        token_positions[atom.token].add(atom.position)
    unknown = _named_entities(index, tokens, skip, matches, token_positions)
    written = _Written.of(tokens, skip)
    chinese = any(has_cjk(t.text) for t in tokens)
    for phrase in index.chinese if chinese else ():
        found = written.find(phrase, token_positions)
        if found is not None:
            _add(matches, found)
    for mention, number in keps:
        covered = set(range(mention.start, mention.end))
        for feature_id in index.keps.get(number, []):
            phrase = Phrase(feature_id, (f"kep{number}",), "kep", mention.text)
            position = -1 - mention.start
            _add(matches, FeatureMatch(feature_id, _NAMED_SCORE, phrase, {position}, covered, {position: 0.0}))
        if number not in index.keps:
            unknown.append((tokens[mention.start], "kep"))
    _read_scattered(index, matches, by_stem)
    for match in matches.values():
        _read_variant(index, match, by_stem, written, token_positions)
    ordered = sorted(matches.values(), key=lambda m: (-m.score, m.feature))
    kept, ambiguous = _resolve(index, ordered)
    return FeatureReading(kept, ambiguous, unknown)


@dataclass(frozen=True)
class _Written:
    """The question as one compact string (kb.reading.chinese.compact), and the token each character comes from:
    where Chinese names are looked for, since Chinese has no spaces to stop at."""

    text: str
    owners: list[int]

    @classmethod
    def of(cls, tokens: Sequence[Token], skip: set[int]) -> _Written:
        text, owners = [], []
        for token in tokens:
            piece = "|" if token.index in skip else compact(token.text)  # a name never runs across a version
            text.append(piece)
            owners += [token.index] * len(piece)
        return cls("".join(text), owners)

    def find(self, phrase: Phrase, token_positions: dict[int, set[int]]) -> FeatureMatch | None:
        """The match of a Chinese phrase, scored by its length: 双栈 is a word, 组托管服务账户 a name. A name of
        Chinese and Latin parts matches its parts in any order, close together ('双栈 IPv4/IPv6' for 'IPv4/IPv6
        双栈')."""
        parts = phrase.atoms
        found = [self.text.find(part) for part in parts]
        if not parts or any(start < 0 for start in found):
            return None
        spans = [(start, start + len(part)) for start, part in zip(found, parts, strict=True)]
        width = max(end for _, end in spans) - min(start for start, _ in spans)
        if width > sum(len(p) for p in parts) + _CHINESE_GAP:
            return None
        covered = {self.owners[i] for start, end in spans for i in range(start, end)}
        positions = {p for token in covered for p in token_positions[token]}
        word = "".join(parts)
        chinese = sum(1 for c in word if has_cjk(c))
        score = _CHINESE_BASE + _CHINESE_CHAR * chinese + _CHINESE_LATIN * (len(word) - chinese)
        distinct = dict.fromkeys(positions, score / max(len(positions), 1))
        stems = dict.fromkeys(positions, word)
        return FeatureMatch(phrase.feature, score, phrase, positions, covered, distinct, stems=stems)


def _add(matches: dict[str, FeatureMatch], match: FeatureMatch) -> None:
    if match.phrase.origin == "gate":
        match.gate = match.phrase.text
    current = matches.get(match.feature)
    if current is None:
        matches[match.feature] = match
        return
    current.gate = current.gate or match.gate
    current.variant = current.variant or match.variant
    if match.score > current.score:
        current.score, current.phrase = match.score, match.phrase
    current.positions |= match.positions
    current.distinct = match.distinct | current.distinct
    current.stems = match.stems | current.stems
    current.tokens |= match.tokens


def _read_variant(
    index: FeatureIndex,
    match: FeatureMatch,
    by_stem: dict[str, list[Atom]],
    written: _Written,
    token_positions: dict[int, set[int]],
) -> None:
    """The case of a named feature the question names too ('subPath onto a single file'): one subject, wider.
    Every phrase of a case counts ('configmap ... single file with subPath'); the case with most weight wins."""
    found_by_case: dict[str, list[tuple[float, set[int], set[int], dict[int, float], dict[int, str]]]] = {}
    for phrase in index.variants.get(match.feature, []):
        if phrase.origin == "variant" and has_cjk(phrase.text):
            chinese = written.find(phrase, token_positions)
            found = (
                (chinese.score, chinese.positions, chinese.tokens, chinese.distinct, chinese.stems) if chinese else None
            )
        else:
            found = _match_phrase(index, phrase, by_stem)
        if found and phrase.variant:
            found_by_case.setdefault(phrase.variant, []).append(found)
    if not found_by_case:
        return
    cases = {case: _union(founds) for case, founds in found_by_case.items()}
    case = max(cases, key=lambda c: sum(cases[c][2].values()))
    positions, covered, distinct, stems = cases[case]
    match.variant = case
    match.score += sum(v for p, v in distinct.items() if p not in match.distinct)
    match.positions |= positions
    match.tokens |= covered
    match.distinct = distinct | match.distinct
    match.stems |= stems


def _union(
    founds: list[tuple[float, set[int], set[int], dict[int, float], dict[int, str]]],
) -> tuple[set[int], set[int], dict[int, float], dict[int, str]]:
    """Positions, tokens, weight per position and stems of several phrases found for one case."""
    positions: set[int] = set()
    covered: set[int] = set()
    distinct: dict[int, float] = {}
    stems: dict[int, str] = {}
    for _, found_positions, found_tokens, found_distinct, found_stems in founds:
        positions |= found_positions
        covered |= found_tokens
        for position, weight in found_distinct.items():
            distinct[position] = max(weight, distinct.get(position, 0.0))
        stems |= found_stems
    return positions, covered, distinct, stems


def _named_entities(
    index: FeatureIndex,
    tokens: Sequence[Token],
    skip: set[int],
    matches: dict[str, FeatureMatch],
    token_positions: dict[int, set[int]],
) -> list[tuple[Token, str]]:
    """Field paths and gate names: each resolves to its feature, or is reported as unknown."""
    unknown = []
    covered = {t for m in matches.values() for t in m.tokens}
    for token in tokens:
        if token.index in skip:
            continue
        positions = set(token_positions[token.index])
        if _FIELD_PATH.match(token.text) and not _is_reference(token.text):
            ids = _field_features(index, token.text)
            for feature_id, score in ids.items():
                phrase = Phrase(feature_id, (joined(token.text),), "field", token.text)
                distinct = dict.fromkeys(positions, score)
                variant = _field_variant(index, feature_id, token.text)
                _add(
                    matches,
                    FeatureMatch(feature_id, score, phrase, positions, {token.index}, distinct, variant=variant),
                )
            if not ids and token.index not in covered:
                unknown.append((token, "field"))
        elif _GATE_LIKE.match(token.text):
            feature_id = index.gates.get(joined(token.text))
            if feature_id:
                phrase = Phrase(feature_id, (joined(token.text),), "gate", token.text)
                distinct = dict.fromkeys(positions, _NAMED_SCORE)
                _add(matches, FeatureMatch(feature_id, _NAMED_SCORE, phrase, positions, {token.index}, distinct))
            elif token.index not in covered:
                unknown.append((token, "gate"))
    return unknown


def _field_variant(index: FeatureIndex, feature: str, path: str) -> str | None:
    """The case of ``feature`` a field path names by one of the case's names ('...clientIP.timeoutSeconds')."""
    keys = {joined(key) for key in _field_keys(path)}
    return next((p.variant for p in index.variants.get(feature, []) if joined(p.text) in keys), None)


def _field_features(index: FeatureIndex, path: str) -> dict[str, float]:
    """The features a field path names, scored: the longest recorded suffix of the path, and a bonus for a
    feature named after the field itself ('fsGroup'); else a feature named after its last segment."""
    last = compound(re.sub(r"\[[^\]]*\]", "", path.split("=", 1)[0]).rsplit(".", 1)[-1])
    named = {p.feature for p in index.phrases.get(last, []) if p.atoms == (last,)}
    ids = next((index.fields[k] for k in _field_keys(path) if k in index.fields), set())
    if not ids:
        return dict.fromkeys(named, _NAMED_SCORE)
    return {f: _NAMED_SCORE / len(ids) + (2.0 if f in named else 0.0) for f in ids}


def _is_reference(text: str) -> bool:
    """An image reference or a host name ('mcr.microsoft.com/...', 'kubernetes.io'), not a field path."""
    return "/" in text or ":" in text or text.lower().endswith((".com", ".io", ".org", ".net"))


def _resolve(
    index: FeatureIndex, ordered: list[FeatureMatch]
) -> tuple[list[FeatureMatch], list[tuple[FeatureMatch, FeatureMatch]]]:
    """Drop matches another match covers; report overlapping matches that score alike as ambiguous.

    Two matches that share words but each have a distinctive word of their own ('kube-proxy ipvs or
    kernelspace') are two subjects. A match whose other words the stronger match's own names also use is
    the same subject named less precisely ('fsGroup' as a field of two features; 'single file' and 'mount'
    inside 'mount a configmap key as a single file with subPath', which names subPath's single-file case).
    """
    kept: list[FeatureMatch] = []
    ambiguous: list[tuple[FeatureMatch, FeatureMatch]] = []
    for match in ordered:
        rival = next((k for k in kept if k.positions & match.positions), None)
        if rival is None:
            kept.append(match)
            continue
        own = [
            weight
            for position, weight in match.distinct.items()
            if position not in rival.positions
            and match.stems.get(position) not in index.words.get(rival.feature, ())
            and weight >= _DISTINCTIVE
        ]
        wider = rival.positions > match.positions or rival.score >= match.score * _CLEAR_MARGIN
        named_by_rival = all(
            p in rival.positions or match.stems.get(p) in index.words.get(rival.feature, ()) for p in match.positions
        )
        if own:
            kept.append(match)
        elif (named_by_rival and rival.score > match.score) or wider:
            continue
        elif not any(match in pair for pair in ambiguous):
            ambiguous.append((rival, match))
    return _narrowest(index, kept), ambiguous


def _named_by(index: FeatureIndex, match: FeatureMatch, other: FeatureMatch) -> bool:
    """Is every word of ``match`` one of ``other``'s own names' words ('gmsa' in 'gmsa ... restricted smb share')?"""
    own = index.words.get(other.feature, ())
    return all(
        (word := match.stems.get(p)) in own
        or (word in GENERIC or index.weights.get(word or "", _DISTINCTIVE) < _DISTINCTIVE)
        for p in match.positions
    )


def _narrowest(index: FeatureIndex, kept: list[FeatureMatch]) -> list[FeatureMatch]:
    """Separate matches where one is a case of the other ('gmsa' and 'restricted smb share' -> gMSA network
    shares): the narrower feature, whose names use the wider one's words, is the subject."""
    return [
        match
        for match in kept
        if not any(
            other is not match and _named_by(index, match, other) and not _named_by(index, other, match)
            for other in kept
        )
    ]


def near_a_name(index: FeatureIndex, words: Sequence[str]) -> bool:
    """Is one of ``words`` a feature's name word, or a close spelling of one ('kubeadm', 'runtimeclassname')?"""
    names = list(index.vocabulary)
    return any(
        len(word) >= 4 and process.extractOne(word.lower(), names, scorer=fuzz.ratio, score_cutoff=88) is not None
        for word in words
    )


def suggest(index: FeatureIndex, catalog: Catalog, words: Sequence[str], count: int = 3) -> list[str]:
    """Feature ids for words that name nothing: close spellings of names first, then shared summary words."""
    scores: dict[str, float] = defaultdict(float)
    names = list(index.vocabulary)
    for word in words:
        lower = word.lower()
        for name, score, _ in process.extract(lower, names, scorer=fuzz.ratio, limit=5, score_cutoff=70):
            for phrase in index.phrases.get(index.vocabulary[name], []):
                scores[phrase.feature] = max(scores[phrase.feature], score)
        for feature_id in index.summary_words.get(stem(lower), ()):
            scores[feature_id] += 10
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [feature_id for feature_id, _ in ranked[:count] if feature_id in catalog.features]
