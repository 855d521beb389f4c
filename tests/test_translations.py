"""Translations of the data (data/<lang>/): complete, current, of the English's shape, and actually translated."""

import re
from pathlib import Path

import pytest
import yaml

from kb.load import load_english as load_dataset
from kb.translation_files import translation_problems, write_templates
from kb.translations import FeatureTexts, english_texts


def _translate_everything(data: Path) -> None:
    """Stand in for a translator: prefix every text of every template with Chinese."""
    for path in (data / "zh").rglob("*.yaml"):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))

        def mark(value, key=""):
            if isinstance(value, dict):
                return {k: v if k in ("key", "english") else mark(v, k) for k, v in value.items()}
            if isinstance(value, list):
                return [mark(v, key) for v in value]
            return f"中文 {value}" if isinstance(value, str) and key != "aliases" else value

        path.write_text(yaml.safe_dump(mark(raw), allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def translated(fixture_data: Path) -> Path:
    write_templates(fixture_data, "zh", load_dataset(fixture_data))
    _translate_everything(fixture_data)
    return fixture_data


def test_a_complete_current_translation_has_no_problems(translated):
    assert translation_problems(translated, "zh", load_dataset(translated)) == []


def test_every_entry_without_a_translation_is_named(fixture_data):
    dataset = load_dataset(fixture_data)
    problems = translation_problems(fixture_data, "zh", dataset)
    assert {p.entry for p in problems} == {t.key for t in english_texts(dataset)}
    assert {p.message for p in problems} == {"no translation"}


def test_a_template_left_in_english_is_refused(fixture_data):
    dataset = load_dataset(fixture_data)
    write_templates(fixture_data, "zh", dataset)
    problems = translation_problems(fixture_data, "zh", dataset)
    assert problems and all(p.message == "still the English: translate it" for p in problems)


def test_changing_the_english_makes_its_translation_stale(translated, edit_yaml):
    feature = next((translated / "features").glob("*.yaml"))
    edit_yaml(feature, lambda doc: doc.update(summary=doc["summary"] + " Changed."))
    problems = translation_problems(translated, "zh", load_dataset(translated))
    assert [(p.entry, p.field) for p in problems] == [(feature.stem, "english")]
    assert "stale" in problems[0].message


def test_a_translation_missing_a_step_note_does_not_cover_the_english(translated):
    dataset = load_dataset(translated)
    texts = next(t for t in english_texts(dataset) if isinstance(t, FeatureTexts) and t.steps)
    path = translated / "zh" / "features" / f"{texts.key}.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["steps"].popitem()
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    problems = translation_problems(translated, "zh", dataset)
    assert [(p.entry, p.message) for p in problems] == [(texts.key, "does not cover exactly the English texts")]


def test_a_translation_of_nothing_is_refused(translated):
    path = translated / "zh" / "features" / "no-such-feature.yaml"
    path.write_text(yaml.safe_dump({"key": "no-such-feature", "english": "0", "name": "无", "summary": "无"}))
    problems = translation_problems(translated, "zh", load_dataset(translated))
    assert [(p.entry, p.field) for p in problems] == [("no-such-feature", "key")]


def test_the_build_refuses_a_stale_translation_and_writes_nothing(translated, edit_yaml, tmp_path):
    from kb.build import build
    from kb.errors import DataInvalid

    feature = next((translated / "features").glob("*.yaml"))
    edit_yaml(feature, lambda doc: doc.update(summary=doc["summary"] + " Changed."))
    database = tmp_path / "kb.db"
    with pytest.raises(DataInvalid) as error:
        build(translated, database)
    assert any("stale" in p.message and p.entry == feature.stem for p in error.value.problems)
    assert not database.exists()


def test_the_real_data_has_complete_current_chinese():
    from tests.conftest import REAL_DATA

    assert (REAL_DATA / "zh").is_dir()
    assert translation_problems(REAL_DATA, "zh", load_dataset(REAL_DATA)) == []


_VERSION = re.compile(r"(?<![\d.])v?(\d+\.\d+(?:\.\d+)*)(?!\.?\d)")
_GATE = re.compile(r"\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+){2,}\b")
_STATUS = {"alpha": "alpha", "beta": "beta", "ga": "GA"}


def _facts(text: str) -> set[str]:
    """Versions, gate-like CamelCase names and stage words a text states."""
    words = set(_VERSION.findall(text)) | set(_GATE.findall(text))
    return words | {w for w in _STATUS.values() if re.search(rf"\b{w}\b", text, re.IGNORECASE)}


def test_no_chinese_text_states_a_version_gate_or_stage_its_english_does_not():
    from kb.translation_files import _pairs, read_translations
    from kb.translations import english_texts, translation_file
    from tests.conftest import REAL_DATA

    dataset = load_dataset(REAL_DATA)
    found = read_translations(REAL_DATA, "zh", dataset)
    added = []
    for english in english_texts(dataset):
        translated = found[(translation_file(english), english.key)]
        for path, text, chinese in _pairs(english, translated):
            extra = _facts(chinese) - _facts(text)
            if extra:
                added.append(f"{english.key} {path}: {sorted(extra)}")
    assert added == []


@pytest.mark.parametrize(
    "english,chinese,added",
    [
        ("Beta since then.", "自 1.22 起为 Beta。", {"1.22"}),
        ("Works since 1.22.", "自 1.22 起可用。", set()),
        ("Turn the gate on.", "打开 WindowsHostProcessContainers 特性门控。", {"WindowsHostProcessContainers"}),
        ("Usable from 1.26.", "自 1.26 起 GA。", {"GA"}),
    ],
)
def test_the_fact_check_sees_what_a_translation_adds(english, chinese, added):
    assert _facts(chinese) - _facts(english) == added


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda text: text.replace("name:", "name: 重复\nname:", 1).encode(), "is given twice"),
        (lambda text: text.encode() + b"# caf\xe9\n", "not UTF-8"),
    ],
)
def test_a_translation_file_is_read_as_strictly_as_the_facts(translated, change, expected):
    """A key given twice or a byte that is not UTF-8 is refused there too, naming the file and line."""
    from kb.errors import DataInvalid

    path = translated / "zh" / "features" / "host-network.yaml"
    path.write_bytes(change(path.read_text(encoding="utf-8")))
    with pytest.raises(DataInvalid) as error:
        translation_problems(translated, "zh", load_dataset(translated))
    [problem] = error.value.problems
    assert problem.file == "zh/features/host-network.yaml" and problem.entry.startswith("line ")
    assert expected in problem.message
