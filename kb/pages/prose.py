"""The guides that are mostly prose: chat bots and contributing data. Facts in them come from the models."""

from __future__ import annotations

from pydantic import BaseModel

from kb import site_paths as paths
from kb.i18n import Lang
from kb.models import Feature, Step
from kb.pages.markdown import Page, cell, join, link, table
from kb.pages.words import WORDS, PageWords, page_words

SLACK_SECRET = "KB_SLACK_SIGNING_SECRET"
TEAMS_SECRET = "KB_TEAMS_SECRET"
SLACK_ENDPOINT = "/v1/chatops/slack"
TEAMS_ENDPOINT = "/v1/chatops/teams"
PUBLIC_URL = "KB_PUBLIC_URL"
DATA_FILES = [
    ("data/kubernetes.yaml", "kubernetes"),
    ("data/windows.yaml", "windows"),
    ("data/os-support.yaml", "os-support"),
    ("data/runtimes.yaml", "runtimes"),
    ("data/image-compatibility.yaml", "image-compatibility"),
    ("data/categories.yaml", "categories"),
    ("data/features/<id>.yaml", "features"),
]
"""Each data file and its kind (the name of its JSON Schema, and of the page word that says what it holds)."""


def chatops_guide(newest: str, lang: Lang = "en") -> Page:
    """Setting up the Slack slash command and the Teams outgoing webhook, step by step."""
    words = page_words(lang)
    lines = [
        f"# {words('chatops-title')}",
        "",
        words("chatops-intro", newest=newest),
        "",
        words("chatops-verify"),
        "",
        words("chatops-links", variable=PUBLIC_URL),
        "",
        f"## {words('slack-title')}",
        "",
        words("slack-1"),
        words("slack-2"),
        words("slack-3", endpoint=SLACK_ENDPOINT),
        words("slack-4", variable=SLACK_SECRET),
        words("slack-5"),
        "",
        words("slack-share"),
        "",
        "```sh",
        f"export {SLACK_SECRET}=<signing secret>",
        "kb serve --host 0.0.0.0 --port 8000",
        "```",
        "",
        f"## {words('teams-title')}",
        "",
        words("teams-1"),
        words("teams-2"),
        words("teams-3", endpoint=TEAMS_ENDPOINT),
        words("teams-4", variable=TEAMS_SECRET),
        words("teams-5", newest=newest),
        "",
        "```sh",
        f"export {TEAMS_SECRET}=<security token>",
        "kb serve --host 0.0.0.0 --port 8000",
        "```",
        "",
        words("chatops-api", link=link(paths.GUIDE_CHATOPS, paths.GUIDE_API)),
    ]
    return Page(paths.GUIDE_CHATOPS, join(lines))


def _json_type(schema: dict, words: PageWords) -> str:
    if "anyOf" in schema:
        return words("or").join(_json_type(s, words) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " / ".join(f"{v}" for v in schema["enum"])
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return words("list-of-type", type=_json_type(schema.get("items", {}), words))
    return schema.get("type", "any")


def _field_rows(model: type[BaseModel], words: PageWords) -> list[list[str]]:
    """A row per field of ``model``: name, required, type, and what it means (the page words say, else the
    model's own description)."""
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    return [
        [
            f"`{name}`",
            words("yes" if name in required else "no"),
            cell(_json_type(prop, words)),
            cell(words(f"meaning-{name}") if f"meaning-{name}" in WORDS else prop.get("description")) or "–",
        ]
        for name, prop in schema["properties"].items()
    ]


def contributing_guide(lang: Lang = "en") -> Page:
    """How to add or correct data: the files, the feature format, the JSON Schema, the sources rule, the checks."""
    words = page_words(lang)
    source = paths.GUIDE_CONTRIBUTING
    files = [
        [f"`{path}`", f"[{kind}.schema.json]({link(source, f'schema/{kind}.schema.json')})", words(f"data-{kind}")]
        for path, kind in DATA_FILES
    ]
    fields = [words("field"), words("required"), words("type"), words("meaning")]
    lines = [
        f"# {words('contributing-title')}",
        "",
        words("contributing-intro"),
        "",
        f"## {words('the-files')}",
        "",
        *table([words("file"), "JSON Schema", words("holds")], files),
        "",
        words("schema-editor"),
        "",
        f"## {words('feature-file')}",
        "",
        *table(fields, _field_rows(Feature, words)),
        "",
        f"### {words('history-step')}",
        "",
        words("history-step-intro"),
        "",
        *table(fields, _field_rows(Step, words)),
        "",
        f"## {words('sources-rule')}",
        "",
        words("sources-rule-cite"),
        words("sources-rule-words"),
        words("sources-rule-guess"),
        "",
        f"## {words('build-and-test')}",
        "",
        "```sh",
        words("build-commands"),
        "```",
        "",
        words("build-errors"),
    ]
    return Page(source, join(lines))
