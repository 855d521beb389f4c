"""When a question is not answered, and what to ask instead: the one place that decides to refuse.

In order: a name that resolves to nothing (a version, a Windows release or build, a gate, a field path,
a KEP) is a 404; several features, two close candidates for one subject, or several versions where one
is expected is a 422 naming them; a question no kind fits is a 404 when it asks whether something
works (its unknown words are then the name of something the data does not hold), else a 422; and two
kinds that fit alike are a 422. Every refusal carries suggestions, each checked to be answered when
asked as the next question.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from rapidfuzz import fuzz, process

from kb.catalog import Catalog
from kb.errors import InvalidVersion, KbError, NotFound, QuestionNotAnswered
from kb.i18n import Lang, say
from kb.kinds import CUE_ATOMS, CUE_WORDS, KINDS_BY_NAME, SUPPORT, Counts, Kind, kinds_without_features, scored_kinds
from kb.reading import Reading, read
from kb.reading.chinese import CUES_ZH, ORDINARY_ZH, has_cjk, unknown_chinese
from kb.reading.entities import HOST_WORDS_ZH, IMAGE_WORDS_ZH
from kb.reading.features import feature_index, near_a_name, suggest
from kb.reading.words import GENERIC, ORDINARY, STOP, Token, atoms_of, stem
from kb.versions import looks_like_kubernetes

EXAMPLES = [
    "is hostprocess supported on 1.22 with ws2019?",
    "gmsa 1.18 containerd",
    "which windows server versions are supported on 1.33?",
    "docker on 1.25?",
    "will an ltsc2022 image run on a 23H2 host?",
    "when does kubernetes 1.30 go out of support?",
    "what build is ws2022?",
]
EXAMPLES_ZH = [
    "1.22 上 ws2019 节点支持 HostProcess 吗？",
    "1.33 支持哪些 Windows Server 版本？",
    "1.25 还能用 docker 吗？",
    "ltsc2022 镜像能在 23H2 主机上运行吗？",
    "Kubernetes 1.30 什么时候停止支持？",
]
_KIND_MARGIN = 0.5
_MAX_SUGGESTIONS = 3
_EXPLAINED = STOP | GENERIC | ORDINARY | CUE_WORDS
"""Words that need no entity to be understood: grammar, domain words, chat words and cue words."""
_EXPLAINED_WORDS = sorted(_EXPLAINED)
_KNOWN_ZH = [*ORDINARY_ZH, *(w for words in CUES_ZH.values() for w in words), *HOST_WORDS_ZH, *IMAGE_WORDS_ZH]
"""Chinese words a question may say without naming a feature: ordinary words, cue words, node and image."""
_STRONG_CUE = 3.0
"""A kind whose cues score this much is clearly what is asked; below it, unknown words may be the real subject."""
_WEAK_CUE = 1.0
_OTHER_QUESTION = 3.5


def choose_kind(
    catalog: Catalog, reading: Reading, partial: dict, suggest_next: bool = True, lang: Lang = "en"
) -> Kind:
    """The kind that answers the reading; raises QuestionNotAnswered, with checked suggestions, when none may."""
    try:
        return _choose(catalog, reading)
    except _Refusal as refusal:
        suggestions = _working(catalog, refusal.candidates) if suggest_next else []
        if suggest_next and not suggestions and refusal.examples:
            suggestions = (EXAMPLES_ZH if lang == "zh" else EXAMPLES)[:_MAX_SUGGESTIONS]
        raise QuestionNotAnswered(
            refusal.message, suggestions, partial, refusal.not_found, refusal.code, refusal.zh
        ) from None


def _said(key: str, **values: str) -> tuple[str, str]:
    """A refusal's message in English and in Chinese."""
    return say("en", key, **values), say("zh", key, **values)


class _Refusal(Exception):
    def __init__(
        self,
        message: tuple[str, str | None],
        candidates: Iterable[str],
        not_found: bool,
        code: str,
        examples: bool = True,
    ) -> None:
        super().__init__(message[0])
        self.message, self.zh = message
        self.candidates = list(candidates)
        self.not_found = not_found
        self.code = code
        self.examples = examples


def _choose(catalog: Catalog, reading: Reading) -> Kind:
    _refuse_linux_nodes(reading)
    _refuse_unresolved_names(catalog, reading)
    _refuse_several_subjects(catalog, reading)
    scored = scored_kinds(reading)
    if not scored:
        _refuse_no_subject(catalog, reading)
    best_score, best = scored[0]
    close = [kind for score, kind in scored[1:] if best_score - score < _KIND_MARGIN]
    if close:
        names = ", ".join(k.name for k in [best, *close])
        raise _Refusal(_said("several-kinds", names=names), [], False, "ambiguous")
    _refuse_another_question(reading, best)
    _refuse_unknown_named(catalog, reading)
    if reading.features.matches:
        _refuse_unknown_compound(catalog, reading)
        return _feature_in_passing(reading, best) or best
    # with a release or runtime named, that is the subject: other words are context, unless they are close to a
    # feature's name ('kubeadm join a ws2019 node') or stand where the subject does ('is flurbo supported')
    named = reading.entities.windows or reading.entities.runtimes
    words = unexplained(reading) if (best.cue_score(reading) or 0.0) < _STRONG_CUE else []
    if words and (
        not named or near_a_name(feature_index(catalog, CUE_ATOMS | ORDINARY), words) or _as_subject(reading, words)
    ):
        # a release question that also says words naming nothing: they may name a feature the data does not
        # hold ('startup probes on 1.26?'), so it is not answered as a release question
        _unknown_feature(catalog, reading, words)
    _refuse_release_without_question(reading, best)
    return best


_LINUX = frozenset(
    [
        "linux",
        "rhel",
        "centos",
        "ubuntu",
        "debian",
        "fedora",
        "rocky",
        "almalinux",
        "suse",
        "sles",
        "opensuse",
        "bottlerocket",
        "flatcar",
        "coreos",
        "al2",
        "al2023",
    ]
)
_NODE_WORDS = frozenset(("node", "nodes", "worker", "workers", "host", "hosts", "machine", "machines", "vm", "vms"))


def _refuse_linux_nodes(reading: Reading) -> None:
    """The question is about Linux nodes ('selinux on rhel 9 nodes') and says nothing of Windows: answering with
    a Windows fact would answer something not asked."""
    if reading.entities.windows or reading.has("windows", "win", "windows server"):
        return
    words = [token.lower for token in reading.tokens]
    for i, word in enumerate(words):
        if word in _LINUX and any(w in _NODE_WORDS or w == "节点" for w in words[i + 1 : i + 3]):
            raise _Refusal(_said("linux-nodes", name=reading.tokens[i].text), [], False, "not_understood")


_SUBJECT_AFTER = frozenset(stem(w) for w in ("supported", "support", "work", "works", "usable", "available", "enabled"))
_SUBJECT_BEFORE = frozenset(stem(w) for w in ("use", "using", "enable", "enabling", "run", "running", "support"))


def _as_subject(reading: Reading, words: list[str]) -> bool:
    """Does a word that names nothing stand where a question's subject does: right before 'supported' or
    'work' ('is flurbo supported'), or right after 'use' or 'enable' ('can we use flurbo')?"""
    tokens = reading.tokens
    for i, token in enumerate(tokens):
        if token.text not in words:
            continue
        after = stem(tokens[i + 1].lower) if i + 1 < len(tokens) else ""
        before = stem(tokens[i - 1].lower) if i > 0 else ""
        if after in _SUBJECT_AFTER or before in _SUBJECT_BEFORE:
            return True
    return False


FOLLOW_UP = ("same answer", "same question", "what about", "how about", "same for", "and for", "same thing")
ENABLE = ("enable", "turn on", "switch on", "set", "能开", "开启", "打开", "启用")


def _refuse_release_without_question(reading: Reading, chosen: Kind) -> None:
    """Only a minor, no word asking a fact of it, but words asking whether something works ('1.30 能开吗') or
    pointing back at an earlier question ('what about 1.28, same answer?'): the subject is missing, and each
    question is read on its own."""
    if chosen.name != "kubernetes-release" or reading.features.matches or (chosen.cue_score(reading) or 0.0) > 0:
        return
    if reading.has(*FOLLOW_UP, *ENABLE):
        raise _Refusal(_said("no-subject"), [], False, "not_understood")


def _refuse_unknown_compound(catalog: Catalog, reading: Reading) -> None:
    """A feature named by one plain word at the end of a longer name that names nothing ('metallb speaker
    daemonset'): the question is about that other thing, which the data does not hold."""
    words = set(unexplained(reading))
    for match in reading.features.matches:
        named_by = [t for t in match.tokens if reading.tokens[t].lower not in ("windows", "win")]
        if len(named_by) != 1 or match.phrase.origin not in ("id", "name", "alias"):
            continue
        (index,) = named_by
        token = reading.tokens[index]
        if not (token.text.isalpha() and token.text.islower()):
            continue
        before = reading.tokens[index - 1] if index else None
        after = reading.tokens[index + 1] if index + 1 < len(reading.tokens) else None
        if _joined(reading, before, token) and before.text in words and before.text.isalpha() and before.text.islower():
            _unknown_feature(catalog, reading, [before.text])  # 'metallb speaker daemonset'
        if _joined(reading, token, after) and after.text in words and "-" in after.text:
            _unknown_feature(catalog, reading, [after.text])  # 'gpu time-slicing'


def _joined(reading: Reading, first: Token | None, second: Token | None) -> bool:
    """Are two tokens written as one name, with a single space between them?"""
    return first is not None and second is not None and reading.question[first.end : second.start] == " "


def _refuse_another_question(reading: Reading, chosen: Kind) -> None:
    """The words plainly ask about a feature's stage or gate, but the question names no feature ('when was
    dockershim deprecated' names a runtime): answering another kind would answer another question."""
    counts = Counts.of(reading)
    if counts.features:
        return
    own = chosen.cue_score(reading) or 0.0
    for kind in (KINDS_BY_NAME["feature-stage"], KINDS_BY_NAME["feature-gate"]):
        cued = kind.cue_score(reading)
        if cued is not None and cued >= _OTHER_QUESTION and cued > own and kind.fits(replace(counts, features=1)):
            raise _Refusal(_said("kind-without-feature", kind=kind.name), [], False, "not_understood")


_TYPE_NOUNS = {
    stem(noun): kind for noun, kind in (("runtime", "runtime"), ("gate", "feature gate"), ("plugin", "feature"))
}


def _refuse_unknown_named(catalog: Catalog, reading: Reading) -> None:
    """A word that names nothing, right before a word saying what it is ('the flurbo container runtime',
    'the FooBar gate'): the question names something the data does not hold."""
    words = set(unexplained(reading))
    for token in reading.tokens[1:]:
        kind = _TYPE_NOUNS.get(stem(token.lower))
        before = reading.tokens[token.index - 1]
        if before.lower == "container" and token.index >= 2:
            before = reading.tokens[token.index - 2]
        if kind and before.text in words:
            message = (
                say("en", "unknown-named", what=kind, name=before.text),
                say("zh", "unknown-named", what=say("zh", kind), name=before.text),
            )
            raise _Refusal(message, [], True, "unknown_feature")


def unexplained(reading: Reading) -> list[str]:
    """Words of the question that no entity, feature, cue or ordinary word accounts for (typos included); in a
    Chinese run, what is left once every known Chinese word is taken out."""
    words = []
    for word in reading.leftover:
        if has_cjk(word):
            words += unknown_chinese(word, _KNOWN_ZH)
        elif not all(_explained(a) for a in atoms_of(word)):
            words.append(word)
    return words


def _explained(atom: str) -> bool:
    if atom in _EXPLAINED or atom.isdigit():
        return True
    return len(atom) >= 6 and process.extractOne(atom, _EXPLAINED_WORDS, scorer=fuzz.ratio, score_cutoff=85) is not None


def _feature_in_passing(reading: Reading, chosen: Kind) -> Kind | None:
    """A feature named in passing while the words plainly ask something else ('control plane is 1.25: is this
    node os supported?'): the other kind answers when the feature kind has no cue of its own; with cues on both
    sides, neither is answered."""
    own = chosen.cue_score(reading) or 0.0
    for cued, kind in kinds_without_features(reading):
        if cued < _STRONG_CUE or cued <= own or kind.name.startswith("feature"):
            continue
        if own < _WEAK_CUE:
            return kind
        feature = reading.features.matches[0].feature
        raise _Refusal(
            _said("feature-in-passing", feature=feature, kind=kind.name),
            [_without(reading, reading.features.matches)],
            False,
            "ambiguous",
        )
    return None


def _replace(reading: Reading, start: int, end: int, text: str) -> str:
    """The question with tokens [start, end) replaced by ``text``."""
    tokens = reading.tokens
    head = reading.question[: tokens[start].start] if start < len(tokens) else reading.question
    tail = reading.question[tokens[end - 1].end :] if end - 1 < len(tokens) else ""
    return f"{head}{text}{tail}".strip()


def _refuse_unresolved_names(catalog: Catalog, reading: Reading) -> None:
    """A version, a Windows release or build that the data does not hold; with no feature found, also an
    unknown gate name, field path or KEP."""
    for text, error in reading.entities.problems:
        index = next(t.index for t in reading.tokens if t.text == text)
        replacements = error.suggestions
        if isinstance(error, InvalidVersion) and looks_like_kubernetes(text):
            replacements = [str(m) for m in catalog.minors[-2:]]
        candidates = [_replace(reading, index, index + 1, r) for r in replacements]
        not_found = isinstance(error, NotFound)
        raise _Refusal((error.message, error.zh), candidates, not_found, error.code if not_found else "invalid_version")
    if reading.features.matches or not reading.features.unknown:
        return
    token, what = reading.features.unknown[0]
    label = {"gate": "feature gate", "field": "pod-spec field", "kep": "KEP"}[what]
    close = suggest(feature_index(catalog, CUE_ATOMS | ORDINARY), catalog, [token.text])
    candidates = [_replace(reading, token.index, token.index + 1, _short_name(catalog, f)) for f in close]
    message = tuple(
        say(lang, "unknown-named", what=say(lang, label), name=token.text)
        + (say(lang, "did-you-mean", names=", ".join(close)) if close else "")
        for lang in ("en", "zh")
    )
    raise _Refusal(message, candidates, True, "unknown_feature")


def _refuse_several_subjects(catalog: Catalog, reading: Reading) -> None:
    matches = reading.features.matches
    if len(matches) > 1:
        ids = [m.feature for m in matches]
        candidates = [_without(reading, [other for other in matches if other is not m]) for m in matches]
        raise _Refusal(
            _said("several-features", ids=", ".join(ids)),
            candidates,
            False,
            "several_features",
        )
    if reading.features.ambiguous:
        first, second = reading.features.ambiguous[0]
        tokens = sorted(first.tokens | second.tokens)
        candidates = [
            _replace(reading, tokens[0], tokens[-1] + 1, _short_name(catalog, m.feature)) for m in (first, second)
        ]
        raise _Refusal(
            _said("ambiguous-feature", first=first.feature, second=second.feature),
            candidates,
            False,
            "ambiguous_feature",
        )
    minors = reading.entities.kubernetes
    if len(minors) > 2 or (len(minors) == 2 and not _any_kind_takes_two(reading)):
        versions = ", ".join(str(m) for _, m in minors)
        candidates = [_without_mentions(reading, [x for x in minors if x is not keep]) for keep in minors[:2]]
        raise _Refusal(
            _said("several-versions", versions=versions),
            candidates,
            False,
            "several_versions",
        )
    if len(reading.entities.windows) > 2:
        raise _Refusal(
            _said("several-releases"),
            [],
            False,
            "several_releases",
        )
    if len(reading.entities.runtimes) > 1:
        candidates = [
            _without_mentions(reading, [x for x in reading.entities.runtimes if x is not keep])
            for keep in reading.entities.runtimes
        ]
        raise _Refusal(_said("several-runtimes"), candidates, False, "several_runtimes")


def _any_kind_takes_two(reading: Reading) -> bool:
    return any(kind.name in ("changes", "upgrade") for _, kind in scored_kinds(reading))


def _refuse_no_subject(catalog: Catalog, reading: Reading) -> None:
    """No kind fits: name the unknown words when the question asks whether something works."""
    words = unexplained(reading)
    asks = reading.has(*SUPPORT) or bool(reading.entities.kubernetes or reading.entities.windows)
    if words and asks and not reading.features.matches:
        _unknown_feature(catalog, reading, words)
    raise _Refusal(_said("not-understood"), [], False, "not_understood")


def _unknown_feature(catalog: Catalog, reading: Reading, words: list[str]) -> None:
    close = suggest(feature_index(catalog, CUE_ATOMS | ORDINARY), catalog, words)
    span = [t.index for t in reading.tokens if t.text in words]
    candidates = [_replace(reading, span[0], span[-1] + 1, _short_name(catalog, f)) for f in close]
    message = tuple(
        say(
            lang,
            "unknown-feature",
            words=" ".join(words),
            hint=say(lang, "did-you-mean", names=", ".join(close)) if close else "",
        )
        for lang in ("en", "zh")
    )
    raise _Refusal(message, candidates, True, "unknown_feature")


def _short_name(catalog: Catalog, feature_id: str) -> str:
    """The shortest alias of a feature (its name when it has none): what a person would type."""
    feature = catalog.features[feature_id]
    return min([*feature.aliases, feature.name], key=len)


def _without(reading: Reading, matches: list) -> str:
    drop = {t for m in matches for t in m.tokens}
    return " ".join(t.text for t in reading.tokens if t.index not in drop)


def _without_mentions(reading: Reading, mentions: list) -> str:
    drop = {i for mention, _ in mentions for i in range(mention.start, mention.end)}
    return " ".join(t.text for t in reading.tokens if t.index not in drop)


def _working(catalog: Catalog, candidates: list[str]) -> list[str]:
    """The candidate questions that are answered when asked, at most three, without duplicates."""
    out: list[str] = []
    for question in dict.fromkeys(candidates):
        try:
            reading = read(catalog, question, CUE_ATOMS)
            choose_kind(catalog, reading, {}, suggest_next=False)
        except KbError:
            continue
        out.append(question)
        if len(out) == _MAX_SUGGESTIONS:
            break
    return out
