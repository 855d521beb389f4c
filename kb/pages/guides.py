"""The guides: the HTTP API (from its OpenAPI schema), the kb CLI (from its command tree) and chat bots."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import click

from kb.pages import paths
from kb.pages.markdown import Page, cell, join, link, table

API_BASE = "http://127.0.0.1:8000"


def _example(parameter: Mapping[str, Any], fallbacks: Mapping[str, str]) -> str | None:
    """A parameter's example value: from the schema first, then from the data (``fallbacks``)."""
    schema = parameter.get("schema", {})
    for holder in (parameter, schema):
        if "example" in holder:
            return str(holder["example"])
        examples = holder.get("examples")
        if isinstance(examples, list) and examples:
            return str(examples[0])
        if isinstance(examples, dict) and examples:
            first = next(iter(examples.values()))
            return str(first.get("value", first)) if isinstance(first, dict) else str(first)
    return fallbacks.get(parameter["name"])


def example_url(path: str, parameters: list[Mapping[str, Any]], fallbacks: Mapping[str, str]) -> str:
    """A URL that calls ``path`` with an example for each path parameter and each required or known query one."""
    query = {}
    for parameter in parameters:
        value = _example(parameter, fallbacks)
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", value or f"<{parameter['name']}>")
        elif parameter["in"] == "query" and value is not None and (parameter.get("required") or len(query) < 3):
            query[parameter["name"]] = value
    return API_BASE + path + (f"?{urlencode(query)}" if query else "")


def _schema_name(response: Mapping[str, Any]) -> str:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    ref = schema.get("$ref") or schema.get("items", {}).get("$ref")
    if not ref:
        return "JSON"
    name = ref.rsplit("/", 1)[-1]
    return f"list of `{name}`" if "items" in schema else f"`{name}`"


def _operation(path: str, method: str, operation: Mapping[str, Any], fallbacks: Mapping[str, str]) -> list[str]:
    parameters = operation.get("parameters", [])
    lines = [f"### `{method.upper()} {path}`", "", operation.get("description") or operation.get("summary", ""), ""]
    if parameters:
        rows = [
            [
                f"`{p['name']}`",
                p["in"],
                "yes" if p.get("required") else "no",
                cell(p.get("description")) or "–",
                f"`{_example(p, fallbacks)}`" if _example(p, fallbacks) else "–",
            ]
            for p in parameters
        ]
        lines += [*table(["Parameter", "In", "Required", "Meaning", "Example"], rows), ""]
    ok = operation.get("responses", {}).get("200")
    if ok:
        lines += [f"Answers with {_schema_name(ok)}.", ""]
    if method == "get":
        lines += ["```sh", f"curl -s '{example_url(path, parameters, fallbacks)}'", "```", ""]
    else:
        lines += [
            f"Called by a chat service, not by hand: see the [chat bots guide]({link(paths.GUIDE_API, paths.GUIDE_CHATOPS)}).",
            "",
        ]
    return lines


def api_guide(openapi: Mapping[str, Any], fallbacks: Mapping[str, str]) -> Page:
    """The HTTP API guide, every operation of the OpenAPI schema with its parameters and a curl line."""
    lines = [
        "# HTTP API",
        "",
        f"{openapi['info'].get('summary') or openapi['info']['title']} Version {openapi['info']['version']}. "
        "`make run` serves it on localhost; the interactive OpenAPI page is at `/docs` and the schema at "
        "`/openapi.json`.",
        "",
        'Errors are JSON of the shape `{"error": {"code", "message", "suggestions"}}`: 404 for an unknown '
        "feature or version, 422 for input that cannot be read. In scripts, let `jq -e` turn the answer into an "
        "exit code:",
        "",
        "```sh",
        f"curl -s '{API_BASE}/v1/support?feature={fallbacks.get('feature', 'hostprocess-containers')}"
        f"&kubernetes={fallbacks.get('kubernetes', 'latest')}' "
        "| jq -e .supported",
        "```",
        "",
    ]
    by_tag: dict[str, list[list[str]]] = {}
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            tag = (operation.get("tags") or ["other"])[0]
            by_tag.setdefault(tag, []).append(_operation(path, method, operation, fallbacks))
    for tag, operations in by_tag.items():
        lines += [f"## {tag.capitalize()}", ""]
        for operation in operations:
            lines += operation
    schemas = openapi.get("components", {}).get("schemas", {})
    examples = {name: s["example"] for name, s in schemas.items() if "example" in s}
    if examples:
        lines += ["## Example answers", ""]
        for name, example in examples.items():
            lines += [f"### `{name}`", "", "```json", json.dumps(example, indent=2), "```", ""]
    return Page(paths.GUIDE_API, join(lines))


def _usage(command: click.Command, name: str) -> str:
    context = click.Context(command, info_name=name)
    return " ".join(command.get_usage(context).split())


def _parameter_row(parameter: click.Parameter) -> list[str]:
    if isinstance(parameter, click.Option):
        names = ", ".join(f"`{o}`" for o in (*parameter.opts, *parameter.secondary_opts))
        default = parameter.default if parameter.default not in (None, False, ()) and not parameter.is_flag else None
        text = cell(parameter.help) + (f" Default: `{default}`." if default is not None else "")
        envvar = parameter.envvar
        if envvar:
            text += f" Environment: `{envvar}`."
        return [names, text.strip() or "–"]
    return [f"`{parameter.name.upper()}`", "argument"]


def cli_guide(group: click.Group, program: str = "kb", exit_codes: Mapping[int, str] | None = None) -> Page:
    """The CLI guide, from the command tree itself: usage, help and options of every command."""
    lines = ["# The kb command", "", group.help or "", ""]
    if exit_codes:
        lines += [
            "Exit codes, for scripts:",
            "",
            *table(["Code", "Meaning"], [[str(c), m] for c, m in exit_codes.items()]),
            "",
        ]
    context = click.Context(group, info_name=program)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if command is None or command.hidden:
            continue
        lines += [
            f"## `{program} {name}`",
            "",
            command.help or "",
            "",
            "```text",
            _usage(command, f"{program} {name}"),
            "```",
            "",
        ]
        rows = [_parameter_row(p) for p in command.params if p.name != "help"]
        if rows:
            lines += [*table(["Option", "Meaning"], rows), ""]
    return Page(paths.GUIDE_CLI, join(lines))
