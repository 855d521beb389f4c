"""The kinds of question a free-text question can be: each is one function and one registration.

A kind says when it applies (``claims``, over what :mod:`kb.interpret` read), which entities it can
use, and answers with the engine's own functions (kb.query, kb.releases, kb.compat, kb.diff). The
first registered kind that claims a question answers it, so more specific kinds register first:
:mod:`kb.support_questions`, then :mod:`kb.release_questions` (``kb.ask`` imports them in that
order). To add a kind, write ``def _answer(ctx: Context) -> Answered`` in one of them and decorate
it with :func:`question_kind`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from kb.catalog import Catalog
from kb.interpret import Reading
from kb.versions import KubernetesMinor

STAGES = ("alpha", "beta", "stable")
LIFECYCLE_WORDS = ("eol", "end of life", "end-of-life", "maintained", "maintenance", "lifecycle", "until", "expire")
LIFECYCLE_WORDS += ("expires", "expired", "still", "end of support", "mainstream", "extended")


@dataclass(frozen=True)
class Context:
    """What an answer function is given: the catalog, what was read, today, and the minor to answer for."""

    catalog: Catalog
    reading: Reading
    today: date
    minor: KubernetesMinor | None


@dataclass(frozen=True)
class Answered:
    """An answer (JSON-ready), its one line, and what the kind found the question to be about."""

    answer: dict[str, Any]
    text: str
    subject: str | None = None
    stage: str | None = None
    kubernetes: str | None = None
    kubernetes_defaulted: bool = False


@dataclass(frozen=True)
class QuestionKind:
    name: str
    claims: Callable[[Reading], bool]
    answer: Callable[[Context], Answered]
    uses: frozenset[str]
    default_kubernetes: bool


KINDS: list[QuestionKind] = []


def question_kind(
    name: str, claims: Callable[[Reading], bool], uses: set[str], default_kubernetes: bool = False
) -> Callable[[Callable[[Context], Answered]], Callable[[Context], Answered]]:
    """Register an answer function as a kind of question. ``uses`` names the entities it can take:
    feature, kubernetes, kubernetes-range, windows, windows-pair, runtime; ``default_kubernetes``
    answers for the newest minor when the question gives none."""

    def register(answer: Callable[[Context], Answered]) -> Callable[[Context], Answered]:
        KINDS.append(QuestionKind(name, claims, answer, frozenset(uses), default_kubernetes))
        return answer

    return register


def choose_kind(reading: Reading) -> QuestionKind | None:
    """The first registered kind that claims the question."""
    return next((kind for kind in KINDS if kind.claims(reading)), None)


def names_only(reading: Reading, *allowed: str) -> bool:
    """Does the question name no entity outside ``allowed``?"""
    present = {
        "feature": bool(reading.features),
        "kubernetes": bool(reading.kubernetes),
        "windows": bool(reading.windows),
        "runtime": reading.runtime is not None,
    }
    return not any(there and name not in allowed for name, there in present.items())


def source_note(sources: list[str]) -> str:
    return f" Source: {sources[0]}" if sources else ""


def asked_stage(reading: Reading) -> str | None:
    if reading.has("ga", "general availability"):
        return "stable"
    return next((stage for stage in STAGES if stage in reading.words), None)
