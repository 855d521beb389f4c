"""A free-text question as an operator types it in chat -> how it was read, and the engine's answer.

:func:`ask` reads the question (:mod:`kb.reading`), picks its kind by scored cues (:mod:`kb.kinds`),
and answers with that kind's engine function; the line is the answer's one wording (:mod:`kb.render`).
It never guesses: a name that resolves to nothing is a 404, a question with no subject or with two
close readings a 422 (:mod:`kb.refusals`), each with suggestions that answer when asked next.
"""

from __future__ import annotations

import contextlib
from datetime import date

from pydantic import BaseModel

from kb.answers import FeatureRef, windows_ref
from kb.asked import AskAnswer, Interpretation
from kb.catalog import Catalog
from kb.errors import InvalidInput, KbError, NotFound, QuestionNotAnswered
from kb.feature_facts import FeatureStageAnswer, GateAnswer
from kb.i18n import Lang, has_chinese, say
from kb.kinds import CUE_ATOMS, Context, Kind, asked_stage, image_pair
from kb.localize import in_language
from kb.reading import MAX_QUESTION, Reading, read
from kb.refusals import EXAMPLES, choose_kind
from kb.release_facts import KubernetesFact, NodeStageAnswer, WindowsFact
from kb.render import any_line
from kb.upgrade import UpgradePlan

__all__ = ["EXAMPLES", "MAX_QUESTION", "ask", "interpret", "yes_no"]


def interpret(catalog: Catalog, text: str) -> Interpretation:
    """How ``text`` is read: its kind and entities; raises QuestionNotAnswered when it cannot be read."""
    lang = question_lang(text)
    reading = _read(catalog, text, lang)
    kind = choose_kind(catalog, reading, _partial(catalog, reading, lang), lang=lang)
    return _interpretation(catalog, reading, kind, None, lang)


def prepare(catalog: Catalog) -> None:
    """Build what answering reads, for every language, before the first question: the localized catalogs
    and the reader's index of each (a server does this at start, then freezes them out of the collector)."""
    for lang in ("en", "zh"):
        local = in_language(catalog, lang)  # type: ignore[arg-type]
        with contextlib.suppress(QuestionNotAnswered):
            ask(local, "hostprocess 1.22" if lang == "en" else "1.22 支持 hostprocess 吗", date(2026, 1, 1), lang)


def question_lang(text: str, asked: Lang | None = None) -> Lang:
    """The language a question is answered in: Chinese for a question with Chinese in it or when Chinese is asked for
    (``--lang zh``, ``LANG=zh_CN``, ``Accept-Language: zh``, ``?lang=zh``), else English."""
    return "zh" if asked == "zh" or has_chinese(text) else "en"


def ask(catalog: Catalog, text: str, today: date, lang: Lang | None = None) -> AskAnswer:
    """Answer a free-text question from the engine, with how it was read and one line for humans, in ``lang``
    (see question_lang). A question it cannot answer raises QuestionNotAnswered, whose message is in that language."""
    lang = question_lang(text, lang)
    try:
        return _answer(catalog, text, today, lang)
    except QuestionNotAnswered as exc:
        exc.lang = lang
        raise


def _answer(catalog: Catalog, text: str, today: date, lang: Lang) -> AskAnswer:
    reading = _read(catalog, text, lang)
    kind = choose_kind(catalog, reading, _partial(catalog, reading, lang), lang=lang)
    minors = [minor for _, minor in reading.entities.kubernetes]
    minor = minors[0] if minors else (catalog.newest_released if kind.default_minor else None)
    local = in_language(catalog, lang)
    try:
        answer = kind.answer(Context(local, reading, today, minor, minors))
    except KbError as exc:
        partial = _interpretation(catalog, reading, kind, None, lang).model_dump(mode="json")
        raise QuestionNotAnswered(
            exc.message, exc.suggestions, partial, isinstance(exc, NotFound), exc.code, exc.zh
        ) from exc
    interpretation = _interpretation(catalog, reading, kind, answer, lang)
    line = " ".join([any_line(answer, lang), *interpretation.notes])
    return AskAnswer(question=text, interpretation=interpretation, answer=answer, supported=yes_no(answer), text=line)


def yes_no(answer: BaseModel) -> bool | None:
    """The answer to a yes/no question (supported, maintained, a stage reached), None for a factual answer."""
    if isinstance(answer, UpgradePlan):
        return answer.ok
    if isinstance(answer, KubernetesFact | WindowsFact):
        return answer.value if isinstance(answer.value, bool) else None
    if isinstance(answer, NodeStageAnswer):
        return answer.matches
    if isinstance(answer, GateAnswer | FeatureStageAnswer):
        return None
    supported = getattr(answer, "supported", None)
    return supported if isinstance(supported, bool) else None


def _read(catalog: Catalog, text: str, lang: Lang) -> Reading:
    try:
        reading = read(catalog, text, CUE_ATOMS)
    except InvalidInput as exc:
        raise QuestionNotAnswered(
            exc.message, [], {}, code="too_long", zh=say("zh", "too-long", limit=MAX_QUESTION)
        ) from exc
    if not reading.tokens:
        raise QuestionNotAnswered(
            "Ask a question, e.g. 'is hostprocess supported on 1.22?'.", EXAMPLES[:3], {}, zh=say("zh", "ask-something")
        )
    return reading


def _partial(catalog: Catalog, reading: Reading, lang: Lang) -> dict:
    return _interpretation(catalog, reading, None, None, lang).model_dump(mode="json")


def _interpretation(
    catalog: Catalog, reading: Reading, kind: Kind | None, answer: BaseModel | None, lang: Lang = "en"
) -> Interpretation:
    """What was read, and what answering settled (the minor used, the fact or stage asked)."""
    entities = reading.entities
    minors = [str(minor) for _, minor in entities.kubernetes]
    name = kind.name if kind else None
    host = image = windows = None
    if name == "image-compat":
        host_mention, image_mention = image_pair(reading)
        host, image = windows_ref(host_mention.release), windows_ref(image_mention.release)
    elif entities.windows:
        windows = windows_ref(entities.windows[0].release)
    features = [catalog.features[m.feature] for m in reading.features.matches]
    defaulted = not minors and kind is not None and kind.default_minor
    kubernetes = minors[0] if minors else None
    if defaulted:
        kubernetes = str(catalog.newest_released)
    kubernetes = _answered_minor(answer) or kubernetes
    notes = []
    if defaulted and not _answered_minor(answer):
        notes.append(say(lang, "defaulted", minor=kubernetes))
    provisional = kubernetes and catalog.provisional(next(m for m in catalog.minors if str(m) == kubernetes))
    if provisional and not defaulted and not getattr(answer, "provisional", False):  # else the answer says so
        notes.append(say(lang, "provisional", minor=kubernetes))
    return Interpretation(
        kind=name,
        feature=FeatureRef(id=features[0].id, name=features[0].name) if len(features) == 1 else None,
        kubernetes=kubernetes,
        kubernetes_to=minors[1] if len(minors) > 1 else None,
        kubernetes_defaulted=defaulted,
        windows=windows,
        runtime=str(entities.runtimes[0][1]) if entities.runtimes else None,
        host=host,
        image=image,
        isolation=entities.isolation,
        subject=getattr(answer, "fact", None),
        stage=getattr(answer, "stage", None) or getattr(answer, "asked_stage", None) or asked_stage(reading),
        understood=reading.understood(),
        not_understood=reading.leftover,
        notes=notes,
    )


def _answered_minor(answer: BaseModel | None) -> str | None:
    """The minor an answer settled on by itself: where a stage was reached."""
    if isinstance(answer, FeatureStageAnswer | NodeStageAnswer):
        return answer.kubernetes
    return None
