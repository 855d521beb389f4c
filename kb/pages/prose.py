"""The guides that are mostly prose: chat bots and contributing data. Facts in them come from the models."""

from __future__ import annotations

from pydantic import BaseModel

from kb import site_paths as paths
from kb.models import Feature, Step
from kb.pages.markdown import Page, cell, join, link, table

SLACK_SECRET = "KB_SLACK_SIGNING_SECRET"
TEAMS_SECRET = "KB_TEAMS_SECRET"
SLACK_ENDPOINT = "/v1/chatops/slack"
TEAMS_ENDPOINT = "/v1/chatops/teams"
PUBLIC_URL = "KB_PUBLIC_URL"
DATA_FILES = [
    ("data/kubernetes.yaml", "kubernetes", "Kubernetes minors: dates, end of life, Windows node stage."),
    ("data/windows.yaml", "windows", "Windows Server releases: build, channel, support dates, image tags, aliases."),
    ("data/os-support.yaml", "os-support", "Which Windows releases each Kubernetes minor supports for nodes."),
    ("data/runtimes.yaml", "runtimes", "Container runtimes and their history per Kubernetes minor."),
    ("data/image-compatibility.yaml", "image-compatibility", "Host build x image build x isolation mode."),
    ("data/categories.yaml", "categories", "The feature categories."),
    ("data/features/<id>.yaml", "features", "One feature or limitation per file, with its history."),
]


def chatops_guide(newest: str) -> Page:
    """Setting up the Slack slash command and the Teams outgoing webhook, step by step."""
    lines = [
        "# Chat bots",
        "",
        "The API answers questions typed in Slack and Microsoft Teams, using the same engine as "
        f"`/v1/ask`. Ask `/k8swin hostprocess {newest}`, `/k8swin gmsa 1.18 containerd` or "
        "`/k8swin help`.",
        "",
        "Both endpoints verify every request before reading it: an endpoint whose secret is not set answers "
        "503 naming the variable to set, and a missing or wrong signature answers 401.",
        "",
        f"Answers link to this site's feature pages: set `{PUBLIC_URL}` to the address the site is served at "
        "(for example `https://kb.example.com`).",
        "",
        "## Slack slash command",
        "",
        "1. Serve the API where Slack can reach it over HTTPS (a reverse proxy in front of `kb serve`).",
        "2. At <https://api.slack.com/apps>, create an app *from scratch* in your workspace.",
        f"3. Under **Slash Commands**, create `/k8swin` with the request URL `https://<your-host>{SLACK_ENDPOINT}`.",
        f"4. Under **Basic Information**, copy the **Signing Secret** and set it as `{SLACK_SECRET}` in the "
        "API's environment; restart the API.",
        "5. Install the app to the workspace, then type `/k8swin help` in any channel.",
        "",
        "Answers are visible only to you; add `share` to the text to post the answer to the channel. Slack "
        "requests older than five minutes are refused, so keep the server clock in sync.",
        "",
        "```sh",
        f"export {SLACK_SECRET}=<signing secret>",
        "kb serve --host 0.0.0.0 --port 8000",
        "```",
        "",
        "## Microsoft Teams outgoing webhook",
        "",
        "1. Serve the API where Teams can reach it over HTTPS.",
        "2. In Teams, open the team, choose **Manage team → Apps → Create an outgoing webhook**.",
        f"3. Name it `k8swin` and set the callback URL to `https://<your-host>{TEAMS_ENDPOINT}`.",
        f"4. Copy the **security token** Teams shows once and set it as `{TEAMS_SECRET}`; restart the API.",
        f"5. In a channel of that team, write `@k8swin hostprocess {newest}`.",
        "",
        "```sh",
        f"export {TEAMS_SECRET}=<security token>",
        "kb serve --host 0.0.0.0 --port 8000",
        "```",
        "",
        f"The [HTTP API guide]({link(paths.GUIDE_CHATOPS, paths.GUIDE_API)}) lists both endpoints with the rest.",
    ]
    return Page(paths.GUIDE_CHATOPS, join(lines))


FIELD_MEANINGS = {
    "id": "Stable kebab-case id, also the file name; never changes once published.",
    "name": "The name people know it by.",
    "category": "A category id from data/categories.yaml.",
    "kind": "`feature` (something you can use) or `limitation` (a lasting difference on Windows).",
    "summary": "One or two sentences in our own words.",
    "aliases": "Words operators type for it; each may name only one feature.",
    "feature_gates": "Kubernetes feature gates that control it.",
    "kep": "The Kubernetes Enhancement Proposal: number and URL.",
    "fields": "Pod-spec field paths concerned, with what Windows does with each.",
    "related": "Ids of related features.",
    "history": "Ordered steps, oldest first (see below).",
    "notes": "Facts that hold across the whole history.",
    "disagreements": "Values other sources give, with the one chosen and why.",
    "sources": "URLs the entry was read in (at least one).",
    "confidence": "`read` (the default) or `inferred`.",
    "confidence_note": "Why an inferred fact was inferred.",
    "since": "The Kubernetes minor the step starts at, written `1.N`.",
    "status": "One of the closed set of statuses.",
    "enabled_by_default": "Whether the feature gate is on by default in this step.",
    "requirements": "Minimum Windows release, runtime and version, or free text.",
    "note": "What changed at this step, in our own words.",
}


def _json_type(schema: dict) -> str:
    if "anyOf" in schema:
        return " or ".join(_json_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " / ".join(f"{v}" for v in schema["enum"])
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"list of {_json_type(schema.get('items', {}))}"
    return schema.get("type", "any")


def _field_rows(model: type[BaseModel]) -> list[list[str]]:
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    return [
        [
            f"`{name}`",
            "yes" if name in required else "no",
            cell(_json_type(prop)),
            cell(prop.get("description") or FIELD_MEANINGS.get(name)) or "–",
        ]
        for name, prop in schema["properties"].items()
    ]


def contributing_guide() -> Page:
    """How to add or correct data: the files, the feature format, the JSON Schema, the sources rule, the checks."""
    source = paths.GUIDE_CONTRIBUTING
    files = [
        [f"`{path}`", f"[{kind}.schema.json]({link(source, f'schema/{kind}.schema.json')})", text]
        for path, kind, text in DATA_FILES
    ]
    lines = [
        "# Contributing data",
        "",
        "Every page of this site, every API answer and every `kb` answer is generated from the YAML files under "
        "`data/`. To correct a fact, change one file and open a pull request: the diff is the review.",
        "",
        "## The files",
        "",
        *table(["File", "JSON Schema", "Holds"], files),
        "",
        "Point your editor at the JSON Schema for completion and checks (for VS Code with the YAML extension, "
        "`# yaml-language-server: $schema=../../docs/schema/features.schema.json` at the top of a feature file). "
        "`kb schema` regenerates the schemas from the models; a test keeps them in sync.",
        "",
        "## A feature file",
        "",
        *table(["Field", "Required", "Type", "Meaning"], _field_rows(Feature)),
        "",
        "### A history step",
        "",
        "A step holds from its `since` minor until the next step. Status is one of `not-supported`, `alpha`, "
        "`beta`, `stable`, `deprecated`, `removed`.",
        "",
        *table(["Field", "Required", "Type", "Meaning"], _field_rows(Step)),
        "",
        "## The sources rule",
        "",
        "- Every entity and every history step cites at least one source URL: kubernetes.io, a KEP, a CHANGELOG, "
        "Microsoft's container documentation. Pin docs pages to a commit where the page changes over time.",
        "- Write descriptions and notes in your own words; never copy sentences from a source.",
        "- Never guess. When a fact is inferred rather than read, mark the step `confidence: inferred` and say why "
        "in `confidence_note`. Where sources disagree, record the other value under `disagreements` with the "
        "reason for the choice.",
        "",
        "## Build and test",
        "",
        "```sh",
        "make install                 # virtual environment in .venv",
        ".venv/bin/kb build           # validate data/ and write build/kb.db",
        "make site                    # build this site (mkdocs build --strict)",
        "make test                    # every test, browser tests included",
        ".venv/bin/pytest -m 'not browser'   # without the browser",
        "KB_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_site.py   # regenerate golden pages, then review the diff",
        "```",
        "",
        "`kb build` names the file, the entry and the field of every error, and writes nothing when the data is "
        "invalid.",
    ]
    return Page(source, join(lines))
