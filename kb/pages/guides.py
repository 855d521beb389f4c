"""The guides: the HTTP API (from its OpenAPI schema), the kb CLI (from its command tree) and chat bots."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode

from kb import site_paths as paths
from kb.i18n import Lang
from kb.pages.markdown import Page, cell, join, link, table
from kb.pages.words import page_words


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
    return paths.API_BASE + path + (f"?{urlencode(query, safe=':/', quote_via=quote)}" if query else "")


def _schema_name(response: Mapping[str, Any], lang: Lang) -> str:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    ref = schema.get("$ref") or schema.get("items", {}).get("$ref")
    if not ref:
        return "JSON"
    name = ref.rsplit("/", 1)[-1]
    return page_words(lang)("list-of", name=name) if "items" in schema else f"`{name}`"


def _json_example(content: Mapping[str, Any]) -> Any | None:
    """The example of a request or response body, from its JSON media type."""
    media = content.get("application/json", {})
    if "example" in media:
        return media["example"]
    examples = media.get("examples")
    if isinstance(examples, dict) and examples:
        return next(iter(examples.values())).get("value")
    return None


def _collapsed_json(title: str, value: Any) -> list[str]:
    body = json.dumps(value, indent=2, ensure_ascii=False).splitlines()
    return [f'??? example "{title}"', "", "    ```json", *[f"    {line}" for line in body], "    ```", ""]


def _call(path: str, method: str, operation: Mapping[str, Any], fallbacks: Mapping[str, str], lang: Lang) -> list[str]:
    """How to call the operation with curl (chat endpoints are called by the chat service)."""
    words = page_words(lang)
    url = example_url(path, operation.get("parameters", []), fallbacks)
    if method == "get":
        return ["```sh", f"curl -s '{url}'", "```", ""]
    if "chatops" in path:
        return [words("api-chat-call", link=link(paths.GUIDE_API, paths.GUIDE_CHATOPS)), ""]
    body = operation.get("requestBody", {}).get("content", {})
    lines: list[str] = [
        "```sh",
        f"curl -s -X {method.upper()} -H 'Content-Type: application/json' --data @body.json '{url}'",
        "```",
        "",
    ]
    example = _json_example(body)
    return lines + (_collapsed_json(words("example-body"), example) if example is not None else [])


def _operation(
    path: str, method: str, operation: Mapping[str, Any], fallbacks: Mapping[str, str], lang: Lang
) -> list[str]:
    words = page_words(lang)
    parameters = operation.get("parameters", [])
    lines = [f"### `{method.upper()} {path}`", "", operation.get("description") or operation.get("summary", ""), ""]
    if parameters:
        rows = []
        for p in parameters:
            value = _example(p, fallbacks)
            required = words("yes" if p.get("required") else "no")
            rows.append(
                [f"`{p['name']}`", p["in"], required, cell(p.get("description")) or "–", f"`{value}`" if value else "–"]
            )
        header = [words("parameter"), words("in"), words("required"), words("meaning"), words("example")]
        lines += [*table(header, rows), ""]
    lines += _call(path, method, operation, fallbacks, lang)
    ok = operation.get("responses", {}).get("200")
    if ok:
        lines += [words("answers-with", schema=_schema_name(ok, lang)), ""]
        example = _json_example(ok.get("content", {}))
        if example is not None:
            lines += _collapsed_json(words("example-answer"), example)
    return lines


def api_guide(openapi: Mapping[str, Any], fallbacks: Mapping[str, str], lang: Lang = "en") -> Page:
    """The HTTP API guide, every operation of the OpenAPI schema with its parameters and a curl line."""
    words = page_words(lang)
    info = openapi["info"]
    lines = [
        "# HTTP API",
        "",
        words("api-intro", summary=info.get("summary") or info["title"], version=info["version"]),
        "",
        words("api-errors"),
        "",
        "```sh",
        f"curl -s '{paths.API_BASE}/v1/support?feature={fallbacks.get('feature', 'hostprocess-containers')}"
        f"&kubernetes={fallbacks.get('kubernetes', 'latest')}' "
        "| jq -e .supported",
        "```",
        "",
    ]
    by_tag: dict[str, list[list[str]]] = {}
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            tag = (operation.get("tags") or ["other"])[0]
            by_tag.setdefault(tag, []).append(_operation(path, method, operation, fallbacks, lang))
    for tag, operations in by_tag.items():
        lines += [f"## {tag.capitalize()}", ""]
        for operation in operations:
            lines += operation
    schemas = openapi.get("components", {}).get("schemas", {})
    examples = {name: s["example"] for name, s in schemas.items() if "example" in s}
    if examples:
        lines += [f"## {words('example-answers')}", ""]
        for name, example in examples.items():
            lines += [f"### `{name}`", "", "```json", json.dumps(example, indent=2), "```", ""]
    return Page(paths.GUIDE_API, join(lines))


def _usage(command: Any, name: str) -> str:
    arguments = [p.name.upper() for p in command.params if p.param_type_name == "argument"]
    options = any(p.param_type_name == "option" for p in command.params)
    return " ".join([name, *(["[OPTIONS]"] if options else []), *arguments])


def _parameter_row(parameter: Any, lang: Lang) -> list[str]:
    words = page_words(lang)
    if parameter.param_type_name != "option":
        return [f"`{parameter.name.upper()}`", cell(getattr(parameter, "help", None)) or words("argument")]
    names = ", ".join(f"`{o}`" for o in (*parameter.opts, *parameter.secondary_opts))
    default = parameter.default
    text = cell(parameter.help)
    if default not in (None, False, ()) and not parameter.is_flag:
        text += words("option-default", default=default)
    if parameter.envvar:
        text += words("option-environment", name=parameter.envvar)
    return [names, text.strip() or "–"]


def cli_guide(group: Any, program: str = "kb", exit_codes: Mapping[int, str] | None = None, lang: Lang = "en") -> Page:
    """The CLI guide, from the (click or typer) command tree itself: usage, help and options of every command.

    ``exit_codes`` maps each exit code to the page word that says what it means.
    """
    words = page_words(lang)
    lines = [f"# {words('cli-title')}", "", group.help or "", ""]
    if exit_codes:
        rows = [[str(code), words(meaning)] for code, meaning in exit_codes.items()]
        lines += [words("exit-codes"), "", *table([words("code"), words("meaning")], rows), ""]
    for name, command in group.commands.items():
        if command.hidden:
            continue
        usage = _usage(command, f"{program} {name}")
        lines += [f"## `{program} {name}`", "", command.help or "", "", "```text", usage, "```", ""]
        rows = [_parameter_row(p, lang) for p in command.params if p.name != "help"]
        if rows:
            lines += [*table([words("option"), words("meaning")], rows), ""]
    return Page(paths.GUIDE_CLI, join(lines))
