"""Files -> validated models: read ``data/`` and return a :class:`~kb.models.Dataset` or raise DataInvalid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from kb.data_yaml import read_yaml
from kb.errors import DataInvalid, DataProblem
from kb.models import (
    Category,
    Dataset,
    Feature,
    ImageCompatibilityFile,
    KubernetesRelease,
    OsSupport,
    Runtime,
    WindowsRelease,
)
from kb.rules import check_dataset
from kb.translation_files import read_translations, translation_problems
from kb.translations import LANGUAGES
from kb.yaml_lines import line_of

DATA_FILES: dict[str, tuple[str, Any]] = {
    "categories": ("categories.yaml", list[Category]),
    "kubernetes": ("kubernetes.yaml", list[KubernetesRelease]),
    "windows": ("windows.yaml", list[WindowsRelease]),
    "os_support": ("os-support.yaml", list[OsSupport]),
    "runtimes": ("runtimes.yaml", list[Runtime]),
    "image_compatibility": ("image-compatibility.yaml", ImageCompatibilityFile),
}
"""Dataset field -> (file under data/, the type that file holds). Features are one file each."""

FEATURES_DIR = "features"


def _entry_name(raw: Any, loc: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    """Name the entry an error sits in (its id or version) and the rest of the path."""
    if loc and isinstance(loc[0], int) and isinstance(raw, list) and loc[0] < len(raw):
        item = raw[loc[0]]
        if isinstance(item, dict):
            label = item.get("id") or item.get("version") or item.get("kubernetes") or f"#{loc[0]}"
            return str(label), loc[1:]
        return f"#{loc[0]}", loc[1:]
    if isinstance(raw, dict) and raw.get("id"):
        return str(raw["id"]), loc
    return "-", loc


def problems_of(error: ValidationError, file: str, raw: Any, node: yaml.Node | None = None) -> list[DataProblem]:
    """Turn pydantic's errors into DataProblems naming file, entry, field and, with the file's node, line."""
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        entry, rest = _entry_name(raw, loc)
        field = ".".join(str(part) for part in rest) or "-"
        line = line_of(node, loc) if node is not None else None
        problems.append(DataProblem(file, entry, field, item["msg"], line))
    return problems


def validate_file(path: Path, kind: Any, label: str) -> tuple[Any, list[DataProblem]]:
    """Validate one file against its type; return the value or the problems found."""
    raw, node = read_yaml(path, label)
    try:
        return TypeAdapter(kind).validate_python(raw), []
    except ValidationError as exc:
        return None, problems_of(exc, label, raw, node)


def load_dataset(data_dir: Path) -> Dataset:
    """Read and validate every file under ``data_dir``, translations too; raise DataInvalid listing all problems."""
    return with_translations(Path(data_dir), load_english(data_dir))


def load_english(data_dir: Path) -> Dataset:
    """Read and validate the English data under ``data_dir`` (no translations)."""
    data_dir = Path(data_dir)
    values: dict[str, Any] = {}
    problems: list[DataProblem] = []
    for name, (filename, kind) in DATA_FILES.items():
        path = data_dir / filename
        if not path.exists():
            problems.append(DataProblem(filename, "-", "-", "file is missing"))
            continue
        values[name], found = validate_file(path, kind, filename)
        problems += found
    values["features"] = []
    for path in sorted((data_dir / FEATURES_DIR).glob("*.yaml")):
        label = f"{FEATURES_DIR}/{path.name}"
        feature, found = validate_file(path, Feature, label)
        problems += found
        if feature is not None:
            if feature.id != path.stem:
                problems.append(DataProblem(label, feature.id, "id", f"must match the file name {path.stem!r}"))
            values["features"].append(feature)
    if problems:
        raise DataInvalid(problems)
    dataset = Dataset(**values)
    problems = check_dataset(dataset)
    if problems:
        raise DataInvalid(problems)
    return dataset


def with_translations(data_dir: Path, dataset: Dataset) -> Dataset:
    """The dataset with the translations under ``data_dir/<lang>`` for each language that has a folder; refused
    when any is missing, stale, of another shape or still English."""
    translations: dict[str, list[dict]] = {}
    for lang in LANGUAGES:
        if not (data_dir / lang).is_dir():
            continue
        problems = translation_problems(data_dir, lang, dataset)
        if problems:
            raise DataInvalid(problems)
        found = read_translations(data_dir, lang, dataset)
        translations[lang] = [{"file": file} | texts.model_dump(mode="json") for (file, _), texts in found.items()]
    return dataset.model_copy(update={"translations": translations})


def dump_model(model: BaseModel) -> dict[str, Any]:
    """A model as plain JSON-ready data, without defaults, as it would be written to a file."""
    return model.model_dump(mode="json", exclude_defaults=True)
