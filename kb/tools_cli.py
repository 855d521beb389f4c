"""The operator tools in the terminal: ``kb check nodes``, ``kb check manifest``, ``kb upgrade``.

A thin shell: read files or stdin, call :mod:`kb.checks` / :mod:`kb.upgrade`, print with
:mod:`kb.reports`. Exit 0 clean, 1 when an error-level finding exists, 2 for bad input.
"""

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kb.checks.documents import MAX_INPUT_BYTES, Document, read_documents
from kb.errors import KbError

EXIT_CLEAN, EXIT_ERRORS = 0, 1


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def read_input(name: str) -> list[Document]:
    """Documents from a file or ``-`` (stdin), reading at most one byte past the size limit."""
    source = "-" if name == "-" else name
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with Path(name).open("rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise KbError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    return read_documents(data, source)


def _today(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise KbError(f"--today {text!r} is not a date written as YYYY-MM-DD.") from exc


def register_tools(app: typer.Typer) -> None:
    """Add ``check nodes``, ``check manifest`` and ``upgrade`` to ``app``.

    Typer reads the annotations at definition time, so this module does not use postponed
    annotations and takes the shared CLI pieces from :mod:`kb.cli` when it registers.
    """
    from kb.cli import DEFAULT_DB, DbOption, fail, open_catalog

    check = typer.Typer(help="Check your nodes or manifests against the knowledge base.", no_args_is_help=True)
    app.add_typer(check, name="check")

    @check.command("nodes")
    def check_nodes(
        file: Annotated[str, typer.Argument(help="Output of 'kubectl get nodes -o json' (or -o yaml); - for stdin.")],
        json_output: Annotated[bool, typer.Option("--json", help="Print the JSON report.")] = False,
        output: Annotated[Format, typer.Option("--format", help="text or json.")] = Format.text,
        today: Annotated[str | None, typer.Option(help="Judge dates as of this day (YYYY-MM-DD).")] = None,
        db: DbOption = DEFAULT_DB,
    ) -> None:
        """Check each Windows node: support, maintenance, runtime, images, features."""
        from kb.checks.nodes import check_nodes as run
        from kb.reports import nodes_text

        if output == Format.github:
            fail("--format github is for manifests; nodes print text or json.")
        catalog = open_catalog(db)
        try:
            report = run(catalog, read_input(file), _today(today))
        except KbError as exc:
            fail(exc.message)
        as_json = json_output or output == Format.json
        typer.echo(report.model_dump_json(indent=2) if as_json else nodes_text(report))
        raise typer.Exit(EXIT_CLEAN if report.ok else EXIT_ERRORS)

    @check.command("manifest")
    def check_manifest(
        files: Annotated[list[str], typer.Argument(help="YAML or JSON manifests; - for stdin.")],
        kubernetes: Annotated[str, typer.Option("--kubernetes", "-k", help="e.g. 1.29; default newest.")] = "latest",
        os_name: Annotated[
            str | None, typer.Option("--os", help="'windows' checks every pod as a Windows pod.")
        ] = None,
        nodes: Annotated[str | None, typer.Option(help="kubectl get nodes -o json output: check image tags.")] = None,
        output: Annotated[
            Format, typer.Option("--format", help="text, json or github (Actions annotations).")
        ] = Format.text,
        json_output: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
        db: DbOption = DEFAULT_DB,
    ) -> None:
        """Check workloads for fields Windows rejects, ignores or treats differently."""
        from kb.checks.manifest import check_manifests
        from kb.checks.nodes import windows_hosts
        from kb.reports import manifest_github, manifest_text

        catalog = open_catalog(db)
        try:
            documents = [d for name in files for d in read_input(name)]
            hosts = windows_hosts(catalog, read_input(nodes)) if nodes else None
            report = check_manifests(catalog, documents, kubernetes, os_name, hosts)
        except KbError as exc:
            fail(exc.message)
        if json_output or output == Format.json:
            typer.echo(report.model_dump_json(indent=2))
        else:
            typer.echo(manifest_github(report) if output == Format.github else manifest_text(report))
        raise typer.Exit(EXIT_CLEAN if report.ok else EXIT_ERRORS)

    @app.command("upgrade")
    def upgrade(
        from_version: Annotated[str, typer.Option("--from", help="The Kubernetes version you run, e.g. 1.23.")],
        to_version: Annotated[str, typer.Option("--to", help="The version to reach, e.g. 1.27 or latest.")],
        windows: Annotated[
            str | None, typer.Option("--windows", "-w", help="Your nodes' Windows, e.g. ltsc2019.")
        ] = None,
        runtime: Annotated[str | None, typer.Option("--runtime", "-r", help="e.g. containerd://1.6.8.")] = None,
        json_output: Annotated[bool, typer.Option("--json", help="Print the JSON plan.")] = False,
        db: DbOption = DEFAULT_DB,
    ) -> None:
        """What to do for Windows nodes, version by version, to upgrade Kubernetes."""
        from kb.reports import upgrade_text
        from kb.upgrade import plan

        catalog = open_catalog(db)
        try:
            result = plan(catalog, from_version, to_version, windows, runtime)
        except KbError as exc:
            fail(exc.message)
        typer.echo(result.model_dump_json(indent=2, by_alias=True) if json_output else upgrade_text(result))
        raise typer.Exit(EXIT_CLEAN if result.ok else EXIT_ERRORS)
