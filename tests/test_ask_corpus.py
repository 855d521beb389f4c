"""The phrasing corpus (tests/ask_corpus/): every question asked through kb.ask, judged right, wrong or refused.

Targets: no wrong answer in either split; at least 95 % right on the held-out split. The figures per
split: ``python tests/test_ask_corpus.py [--split heldout|tuning|spent|heldout-zh|tuning-zh|spent-zh] [--show wrong,refused]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from kb.ask import ask, yes_no
from kb.asked import AskAnswer
from kb.catalog import Catalog
from kb.errors import QuestionNotAnswered
from kb.i18n import has_chinese

CORPUS = Path(__file__).parent / "ask_corpus"
TODAY = date(2026, 12, 3)
SPLITS = {
    "heldout": ["heldout.yaml"],
    "tuning": ["tuning-features.yaml", "tuning-releases.yaml"],
    "spent": ["spent-heldout-1.yaml"],
    "heldout-zh": ["heldout-zh.yaml"],
    "tuning-zh": ["tuning-zh.yaml"],
    "spent-zh": ["spent-heldout-1-zh.yaml"],
}
"""The held-out splits are run only once the reader is done. A held-out split that has been run and looked
into is spent: it is kept, judged like the tuning split, and replaced by a new held-out split written
without sight of the reader (README.md)."""
ENGLISH = ("heldout", "tuning", "spent")
CHINESE = ("heldout-zh", "tuning-zh", "spent-zh")
HELDOUT_TARGET = 0.95
HELDOUT_RUN = {"heldout": (120, 14), "heldout-zh": (69, 3)}
"""(right, wrong) of the one run of each held-out split, on 2026-12-03 at commit d0ab420 (README.md)."""
HELDOUT_MET: frozenset[str] = frozenset()
"""The held-out splits whose recorded run meets the targets: none yet."""


# Facts the data holds twice: as a feature entry and as a runtime or the Windows node stage. A question about
# them is right answered either way; only the keys both answers carry are compared (see README.md).
SAME_FACT = {
    "containerd-on-windows": {"runtime-support"},
    "docker-ee-dockershim": {"runtime-support"},
    "windows-node-support": {"node-stage", "windows-support"},
}
SAME_FACT_KEYS = {
    "runtime-support": {"kubernetes", "supported", "status", "value"},
    "node-stage": {"kubernetes", "stage", "value"},
    "windows-support": {"kubernetes", "windows", "supported"},
}


def load(split: str) -> list[dict[str, Any]]:
    return [entry for name in SPLITS[split] for entry in yaml.safe_load((CORPUS / name).read_text())]


@dataclass(frozen=True)
class Verdict:
    outcome: str  # right, wrong or refused
    detail: str


def _runtime_id(text: str | None) -> str | None:
    return text.split()[0] if text else None


def observed(catalog: Catalog, answer: AskAnswer) -> dict[str, Any]:
    """What the answer says, in the corpus's keys."""
    read, given = answer.interpretation, answer.answer
    value: Any = None
    kind = read.kind
    if kind in ("feature-stage", "node-stage"):
        value = given.kubernetes
    elif kind == "feature-runtime":
        value = given.minimum
    elif kind == "windows-releases":
        value = sorted(w.id for w in given.windows)
    elif kind == "runtimes":
        value = sorted(given.supported)
    elif kind in ("kubernetes-release", "windows-release"):
        value = given.value
    elif kind == "runtime-support":
        value = given.minimum_version
    runtime = getattr(given, "runtime_id", None) or (
        getattr(given, "runtime", None) if kind == "feature-runtime" else _runtime_id(read.runtime)
    )
    return {
        "kind": kind,
        "feature": read.feature.id if read.feature else None,
        "kubernetes": read.kubernetes,
        "kubernetes_to": read.kubernetes_to,
        "defaulted": read.kubernetes_defaulted,
        "windows": read.windows.id if read.windows else None,
        "runtime": runtime,
        "host": read.host.id if read.host else None,
        "image": read.image.id if read.image else None,
        "isolation": read.isolation,
        "fact": read.subject,
        "stage": read.stage,
        "supported": yes_no(given),
        "status": getattr(given, "status", None),
        "value": value,
    }


def _matches(key: str, expected: Any, seen: dict[str, Any], catalog: Catalog) -> bool:
    if key == "kubernetes" and expected == "default":
        return bool(seen["defaulted"]) and seen["kubernetes"] == str(catalog.newest_released)
    if key == "value" and isinstance(expected, list):
        return isinstance(seen["value"], list) and sorted(expected) == sorted(seen["value"])
    if key == "contains":
        values = seen["value"] or []
        return any(v == expected or str(v).endswith(f":{expected}") for v in values)
    return seen.get(key) == expected


def _comparable(expected: dict[str, Any], kind: str | None) -> dict[str, Any]:
    """The expected keys to compare: all of them, or, for a fact the data holds twice, those both answers carry."""
    if kind == expected["kind"] or kind not in SAME_FACT.get(expected.get("feature", ""), ()):
        return expected
    return {k: v for k, v in expected.items() if k in SAME_FACT_KEYS[kind]}


def judge(catalog: Catalog, entry: dict[str, Any], chinese: bool = False) -> Verdict:
    """Right: answered as expected, or refused with the expected code. Wrong: answered otherwise, or answered
    when it should be refused. Refused: a refusal where an answer (or the other refusal code) was expected."""
    try:
        answer = ask(catalog, entry["q"], TODAY)
    except QuestionNotAnswered as refusal:
        code = 404 if refusal.not_found else 422
        if entry.get("refuse") == code:
            return Verdict("right", f"refused {code}")
        return Verdict("refused", f"{code} {refusal.code}: {refusal.message}")
    if "refuse" in entry:
        return Verdict("wrong", f"answered {answer.interpretation.kind}: {answer.text}")
    seen = observed(catalog, answer)
    expected = _comparable(entry["expect"], seen["kind"])
    differ = [
        f"{key}: expected {value!r}, got {seen.get(key if key != 'contains' else 'value')!r}"
        for key, value in expected.items()
        if not _matches(key, value, seen, catalog)
    ]
    if chinese and not has_chinese(answer.text):
        differ.append("answered in English")
    if differ:
        return Verdict("wrong", "; ".join(differ) + f" | {answer.text}")
    return Verdict("right", answer.text)


def figures(catalog: Catalog, split: str) -> tuple[Counter, list[tuple[dict, Verdict]]]:
    judged = [(entry, judge(catalog, entry, split.endswith("-zh"))) for entry in load(split)]
    return Counter(v.outcome for _, v in judged), judged


class Judged(dict):
    """Each split judged the first time a test asks for it, never before: selecting only the tuning tests
    (-k "not heldout") runs no held-out question."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def __missing__(self, split: str) -> tuple[Counter, list]:
        self[split] = figures(self.catalog, split)
        return self[split]


@pytest.fixture(scope="module")
def judged(real_catalog: Catalog) -> Judged:
    return Judged(real_catalog)


@pytest.mark.parametrize("split", ["tuning", "spent", "tuning-zh", "spent-zh"])
def test_no_question_is_answered_wrongly(judged, split):
    _, verdicts = judged[split]
    wrong = [f"{e['q']!r}: {v.detail}" for e, v in verdicts if v.outcome == "wrong"]
    assert wrong == []


@pytest.mark.parametrize("split", ["heldout", "heldout-zh"])
def test_the_heldout_split_keeps_at_least_its_recorded_score(judged, split):
    """The held-out splits fall short of the targets (HELDOUT_TARGET right, no wrong answer): their one run is
    recorded in HELDOUT_RUN and README.md, and no change may make them worse. Only the counts are shown, so
    the questions stay unseen while the reader is improved on the other splits."""
    counts, _ = judged[split]
    right, wrong = HELDOUT_RUN[split]
    assert counts["right"] >= right and counts["wrong"] <= wrong, dict(counts)


def test_the_recorded_heldout_runs_say_where_the_targets_stand():
    """The targets stay what they are; the record says how far the held-out splits are from them."""
    for split, (right, wrong) in HELDOUT_RUN.items():
        met = right / len(load(split)) >= HELDOUT_TARGET and wrong == 0
        assert met is (split in HELDOUT_MET), split


@pytest.mark.parametrize("splits,size", [(ENGLISH, 400), (CHINESE, 150)])
def test_the_corpus_is_large_and_holds_out_a_quarter(splits, size):
    heldout, tuning = load(splits[0]), load(splits[1])
    assert len(heldout) + len(tuning) >= size
    assert len(heldout) >= (len(heldout) + len(tuning)) / 4
    questions = [e["q"] for split in splits for e in load(split)]
    assert len(questions) == len(set(questions))


def test_chinese_questions_are_in_chinese():
    assert all(has_chinese(e["q"]) for split in CHINESE for e in load(split))


def main() -> None:
    from kb.catalog import load_catalog

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="build/kb.db")
    parser.add_argument("--split", choices=list(SPLITS), action="append")
    parser.add_argument("--show", default="", help="outcomes to list, e.g. wrong,refused")
    args = parser.parse_args()
    catalog = load_catalog(Path(args.db))
    for split in args.split or list(SPLITS):
        counts, verdicts = figures(catalog, split)
        total = len(verdicts)
        print(
            f"{split}: {total} questions: "
            + ", ".join(f"{k} {counts[k]} ({counts[k] / total:.1%})" for k in ("right", "wrong", "refused"))
        )
        for entry, verdict in verdicts:
            if verdict.outcome in args.show.split(","):
                print(f"  [{verdict.outcome}] {entry['q']}\n      {verdict.detail}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
