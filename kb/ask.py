"""A free-text question as an operator types it in chat -> how it was read, and the engine's answer.

``interpret`` reads the question (:mod:`kb.interpret`) and picks its kind (:mod:`kb.questions`);
``ask`` answers it. Neither guesses: a version or feature that does not resolve, words that mean
nothing to the engine, or a question no kind claims raise :class:`~kb.errors.QuestionNotAnswered`
carrying the partial interpretation and suggestions.
"""

from __future__ import annotations

from datetime import date

from kb import release_questions  # noqa: F401 - registers every kind of question
from kb.answers import AskAnswer, FeatureRef, Interpretation
from kb.catalog import Catalog
from kb.errors import KbError, NotFound, QuestionNotAnswered
from kb.interpret import Reading, read_question
from kb.query import suggest_features
from kb.questions import Answered, Context, QuestionKind, choose_kind
from kb.releases import windows_ref
from kb.support_questions import image_pair

MAX_QUESTION = 500
EXAMPLES = [
    "is hostprocess supported on 1.22 with ws2019?",
    "gmsa 1.18 containerd",
    "are Windows Server 2004 nodes supported on 1.21?",
    "docker on 1.25?",
    "will an ltsc2022 image run on a 23H2 host?",
    "is 1.27 still maintained?",
    "what build is ws2022?",
]


def interpret(catalog: Catalog, text: str) -> Interpretation:
    """How ``text`` is read: its kind and entities; raises QuestionNotAnswered when it cannot be read."""
    reading = _read(catalog, text)
    return _interpretation(catalog, reading, _kind(catalog, reading))


def ask(catalog: Catalog, text: str, today: date) -> AskAnswer:
    """Answer a free-text question from the engine, with how it was read and one line for humans."""
    reading = _read(catalog, text)
    kind = _kind(catalog, reading)
    interpretation = _interpretation(catalog, reading, kind)
    minor = reading.kubernetes[0][1] if reading.kubernetes else None
    if minor is None and kind.default_kubernetes:
        minor = catalog.newest
    try:
        answered = kind.answer(Context(catalog, reading, today, minor))
    except KbError as exc:
        raise _unanswered(exc, interpretation.model_dump(mode="json")) from exc
    return AskAnswer(
        question=text,
        interpretation=_completed(interpretation, answered),
        answer=answered.answer,
        text=answered.text,
    )


def _read(catalog: Catalog, text: str) -> Reading:
    if len(text) > MAX_QUESTION:
        raise QuestionNotAnswered(f"A question is at most {MAX_QUESTION} characters.", [], {}, code="too_long")
    reading = read_question(catalog, text)
    if not reading.tokens:
        raise QuestionNotAnswered("Ask a question, e.g. 'is hostprocess supported on 1.22?'.", EXAMPLES, {})
    return reading


def _unanswered(error: KbError, partial: dict) -> QuestionNotAnswered:
    """The engine's error, carrying the partial interpretation; 404 stays 404."""
    if isinstance(error, QuestionNotAnswered):
        return QuestionNotAnswered(error.message, error.suggestions, partial, error.not_found, error.code)
    return QuestionNotAnswered(error.message, error.suggestions, partial, isinstance(error, NotFound), error.code)


def _kind(catalog: Catalog, reading: Reading) -> QuestionKind:
    """The kind that answers the question, after refusing every way answering could be a guess."""
    partial = _interpretation(catalog, reading, None).model_dump(mode="json")
    if reading.problems:
        raise _unanswered(reading.problems[0][1], partial)
    if len(reading.features) > 1:
        ids = [f.id for _, f in reading.features]
        raise QuestionNotAnswered(
            f"The question names several features ({', '.join(ids)}); ask about one.", ids, partial
        )
    leftover = reading.leftover
    if leftover and not reading.features and _names_a_feature(reading):
        words = " ".join(leftover)
        close = suggest_features(catalog, words)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise QuestionNotAnswered(
            f"No feature or release is known as {words!r}.{hint}",
            close,
            partial,
            not_found=True,
            code="unknown_feature",
        )
    if leftover:
        raise QuestionNotAnswered(f"Did not understand: {', '.join(leftover)}.", EXAMPLES[:3], partial)
    kind = choose_kind(reading)
    if kind is None:
        raise QuestionNotAnswered("Not a question the knowledge base can answer; try one of these.", EXAMPLES, partial)
    unused = _unused(reading, kind)
    if unused:
        raise QuestionNotAnswered(
            f"Read as a '{kind.name}' question, which does not use the {' or '.join(unused)} it names.",
            EXAMPLES,
            partial,
        )
    if len(reading.kubernetes) > 1 and "kubernetes-range" not in kind.uses:
        versions = ", ".join(str(m) for _, m in reading.kubernetes)
        raise QuestionNotAnswered(
            f"The question names several Kubernetes versions ({versions}); ask about one.", [], partial
        )
    if len(reading.windows) > 1 and "windows-pair" not in kind.uses:
        raise QuestionNotAnswered("The question names several Windows releases; ask about one.", [], partial)
    return kind


_ACCEPTED_AS = {
    "feature": {"feature"},
    "runtime": {"runtime"},
    "windows": {"windows", "windows-pair"},
    "kubernetes": {"kubernetes", "kubernetes-range"},
}


def _unused(reading: Reading, kind: QuestionKind) -> list[str]:
    """Entities the question names that its kind would ignore: answering without them would be a guess."""
    present = {
        "feature": bool(reading.features),
        "runtime": reading.runtime is not None,
        "windows": bool(reading.windows),
        "kubernetes": bool(reading.kubernetes),
    }
    return [name for name, there in present.items() if there and not _ACCEPTED_AS[name] & kind.uses]


def _names_a_feature(reading: Reading) -> bool:
    """Unknown words read as a feature name when the question has a version or asks whether something works."""
    asks_support = reading.has("supported", "support", "supports", "work", "works", "use", "enabled", "available")
    return asks_support or bool(reading.kubernetes or reading.windows or reading.runtime)


def _interpretation(catalog: Catalog, reading: Reading, kind: QuestionKind | None) -> Interpretation:
    """What was read, before answering; the newest minor when the kind needs one and none was given."""
    versions = [str(minor) for _, minor in reading.kubernetes]
    pair = kind is not None and "windows-pair" in kind.uses and len(reading.windows) == 2
    single = reading.windows[0].release if len(reading.windows) == 1 and not pair else None
    host = image = None
    if pair:
        host_mention, image_mention = image_pair(reading)
        host, image = windows_ref(host_mention.release), windows_ref(image_mention.release)
    defaulted = not versions and kind is not None and kind.default_kubernetes
    return Interpretation(
        kind=kind.name if kind else None,
        feature=FeatureRef(id=reading.features[0][1].id, name=reading.features[0][1].name)
        if reading.features
        else None,
        kubernetes=versions[0] if versions else (str(catalog.newest) if defaulted else None),
        kubernetes_to=versions[1] if len(versions) > 1 else None,
        kubernetes_defaulted=defaulted,
        windows=windows_ref(single) if single else None,
        runtime=str(reading.runtime[1]) if reading.runtime else None,
        host=host,
        image=image,
        isolation=reading.isolation,
        understood=reading.understood,
        not_understood=reading.leftover + [word for word, _ in reading.problems],
        notes=[f"No Kubernetes version given: answered for {catalog.newest}, the newest in the data."]
        if defaulted
        else [],
    )


def _completed(interpretation: Interpretation, answered: Answered) -> Interpretation:
    """The interpretation with what answering settled: the minor used, the subject and the stage asked."""
    kubernetes = answered.kubernetes or interpretation.kubernetes
    defaulted = interpretation.kubernetes_defaulted or answered.kubernetes_defaulted
    notes = [f"No Kubernetes version given: answered for {kubernetes}, the newest in the data."] if defaulted else []
    return interpretation.model_copy(
        update={
            "kubernetes": kubernetes,
            "kubernetes_defaulted": defaulted,
            "subject": answered.subject,
            "stage": answered.stage,
            "notes": notes,
        }
    )
