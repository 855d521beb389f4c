"""``data/<lang>/``: reading translations, checking them against the English, and writing templates to fill in.

A translation is complete when every entry of the English has one, with the same shape, and current when
its ``english`` digest is the digest of today's English. ``kb i18n check`` reports both; the build refuses
the data when either fails (see :func:`translation_problems`).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml
from pydantic import ValidationError

from kb.data_yaml import read_yaml
from kb.errors import DataInvalid, DataProblem
from kb.models import Dataset
from kb.translations import FeatureTexts, Texts, english_texts, translation_file


def read_translations(data_dir: Path, lang: str, dataset: Dataset) -> dict[tuple[str, str], Texts]:
    """Every translation under ``data_dir/lang``, validated by the model of its English; (file, key) -> texts."""
    english = {(translation_file(t), t.key): t for t in english_texts(dataset)}
    models = {file: type(t) for (file, _), t in english.items()}
    out: dict[tuple[str, str], Texts] = {}
    problems: list[DataProblem] = []
    features = {f"features/{p.name}" for p in (data_dir / lang / "features").glob("*.yaml")}
    models |= dict.fromkeys(features - models.keys(), FeatureTexts)
    for file in sorted(models):
        path = data_dir / lang / file
        if not path.exists():
            continue
        label = f"{lang}/{file}"
        raw = read_yaml(path, label)[0] or []
        for item in raw if isinstance(raw, list) else [raw]:
            try:
                texts = models[file].model_validate(item)
            except ValidationError as exc:
                key = item.get("key", "-") if isinstance(item, dict) else "-"
                problems += [DataProblem(label, str(key), ".".join(map(str, e["loc"])), e["msg"]) for e in exc.errors()]
                continue
            out[(file, texts.key)] = texts
    if problems:
        raise DataInvalid(problems)
    return out


def translation_problems(data_dir: Path, lang: str, dataset: Dataset) -> list[DataProblem]:
    """Entries without a translation, translations of a changed English (stale), of another shape, or of nothing."""
    english = {(translation_file(t), t.key): t for t in english_texts(dataset)}
    found = read_translations(data_dir, lang, dataset)
    problems = []
    for (file, key), texts in english.items():
        label = f"{lang}/{file}"
        translated = found.get((file, key))
        if translated is None:
            problems.append(DataProblem(label, key, "-", "no translation"))
        elif translated.english != texts.digest():
            problems.append(
                DataProblem(label, key, "english", f"stale: the English changed after it (now {texts.digest()})")
            )
        elif translated.shape() != texts.shape():
            problems.append(DataProblem(label, key, "-", "does not cover exactly the English texts"))
        else:
            problems += [
                DataProblem(label, key, path, "still the English: translate it")
                for path, english_text, text in _pairs(texts, translated)
                if text == english_text and len(english_text.split()) >= _SENTENCE
            ]
    problems += [
        DataProblem(f"{lang}/{file}", key, "key", "translates nothing in the English data")
        for file, key in found.keys() - english.keys()
    ]
    return problems


_SENTENCE = 4
"""A text of this many words or more is a sentence, which a translation cannot leave as it was."""


def _pairs(english: Texts, translated: Texts) -> list[tuple[str, str, str]]:
    """(path, English text, translated text) for every text the two hold at the same place."""
    out: list[tuple[str, str, str]] = []

    def walk(a: object, b: object, path: str) -> None:
        if isinstance(a, dict) and isinstance(b, dict):
            for key in a.keys() & b.keys():
                walk(a[key], b[key], f"{path}.{key}" if path else str(key))
        elif isinstance(a, list) and isinstance(b, list):
            for i, (x, y) in enumerate(zip(a, b, strict=False)):
                walk(x, y, f"{path}.{i}")
        elif isinstance(a, str) and isinstance(b, str):
            out.append((path, a, b))

    skip = {"key", "english", "aliases"}
    walk(english.model_dump(mode="json", exclude=skip), translated.model_dump(mode="json", exclude=skip), "")
    return out


def write_templates(data_dir: Path, lang: str, dataset: Dataset) -> list[Path]:
    """Add the English texts, with their digest, for every entry that has no translation yet: translate in place."""
    found = read_translations(data_dir, lang, dataset)
    missing: dict[str, list[Texts]] = defaultdict(list)
    for texts in english_texts(dataset):
        file = translation_file(texts)
        if (file, texts.key) not in found:
            missing[file].append(texts.model_copy(update={"english": texts.digest()}))
    written = []
    for file, entries in missing.items():
        path = data_dir / lang / file
        path.parent.mkdir(parents=True, exist_ok=True)
        docs = [e.model_dump(mode="json", exclude_defaults=False) for e in entries]
        if file.startswith("features/"):
            body = yaml.safe_dump(docs[0], allow_unicode=True, sort_keys=False, width=110)
        else:
            existing = path.read_text(encoding="utf-8") if path.exists() else ""
            body = existing + yaml.safe_dump(docs, allow_unicode=True, sort_keys=False, width=110)
        path.write_text(body, encoding="utf-8")
        written.append(path)
    return written
