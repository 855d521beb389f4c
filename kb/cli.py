"""The terminal front: a thin shell over the engine.

Exit codes: ``support`` 0 supported, 1 not supported; ``check`` and ``upgrade`` 0 clean,
1 when an error-level finding (a blocker) exists; 2 for bad input everywhere.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from kb import query
from kb.catalog import DEFAULT_DB, Catalog, load_catalog
from kb.errors import EXIT_BAD_INPUT, DatabaseUnreadable, DataInvalid, KbError
from kb.i18n import LANGS, Lang, from_environment
from kb.localize import in_language
from kb.render import any_line

EXIT_SUPPORTED, EXIT_NOT_SUPPORTED = 0, 1
DEFAULT_DATA = Path("data")

app = typer.Typer(
    help="Answers about Windows nodes on Kubernetes, offline, from the knowledge base.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[
    # readable=False: open_catalog says in one line what is wrong with the file, click would print a usage box
    Path,
    typer.Option("--db", envvar="KB_DB", readable=False, help="The built database."),
]


class Session:
    """What the options before the command chose: the language of answers and messages."""

    lang: Lang = "en"


@app.callback()
def options(
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of answers and messages: en or zh (default: LANGUAGE, LC_ALL, LANG)."),
    ] = None,
) -> None:
    """Answers about Windows nodes on Kubernetes, offline, from the knowledge base."""
    if lang is not None and lang not in LANGS:
        fail(f"--lang must be one of {', '.join(LANGS)}")
    Session.lang = lang or from_environment()  # type: ignore[assignment]


def fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    """Print ``message`` on stderr and exit with ``code``: the one place errors leave the CLI."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def open_catalog(db: Path) -> Catalog:
    """The catalog of ``db`` in the session's language."""
    try:
        return in_language(load_catalog(db), Session.lang)
    except DatabaseUnreadable as exc:
        fail(str(exc))


@app.command()
def build(
    data: Annotated[Path, typer.Option(help="The curated data folder.")] = DEFAULT_DATA,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Validate data/ and write the SQLite database."""
    from kb.build import build as build_database  # sqlite-utils: only the build needs it, not every worker

    try:
        digest = build_database(data, db)
    except DataInvalid as exc:
        fail(str(exc))
    typer.echo(f"built {db} (content hash {digest[:12]})")


@app.command()
def schema(
    out: Annotated[Path, typer.Option(help="Folder to write the JSON Schema files into.")] = Path("docs/schema"),
) -> None:
    """Export JSON Schema for each kind of data file (for editors)."""
    from kb.schema import write_schemas

    for path in write_schemas(out):
        typer.echo(f"wrote {path}")


@app.command()
def support(
    feature: Annotated[str, typer.Argument(help="Feature id, name or alias, e.g. hostprocess.")],
    kubernetes: Annotated[str, typer.Option("--kubernetes", "-k", help="e.g. 1.22, v1.22.3, latest.")] = "latest",
    windows: Annotated[str | None, typer.Option("--windows", "-w", help="e.g. ltsc2022, ws2019, 10.0.17763.")] = None,
    runtime: Annotated[str | None, typer.Option("--runtime", "-r", help="e.g. containerd://1.7.13.")] = None,
    variant: Annotated[
        str | None, typer.Option("--variant", "-v", help="The case of the feature, e.g. single-file.")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the JSON answer.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Is FEATURE supported on a Kubernetes version (with a Windows release and runtime)?"""
    catalog = open_catalog(db)
    try:
        answer = query.support(catalog, feature, kubernetes, windows, runtime, variant)
    except KbError as exc:
        fail(exc.message_in(Session.lang))
    typer.echo(answer.model_dump_json(indent=2) if json_output else any_line(answer, Session.lang))
    raise typer.Exit(EXIT_SUPPORTED if answer.supported else EXIT_NOT_SUPPORTED)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question as you would type it, e.g. 'hostprocess 1.22 ws2019'.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the JSON answer with its interpretation.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Answer a free-text question; exit 0 answered (yes, or a fact), 1 answered no, 2 not understood."""
    from kb.ask import ask as ask_question

    catalog = open_catalog(db)
    try:
        answer = ask_question(catalog, question, date.today(), Session.lang)
    except KbError as exc:
        fail(exc.message_in(Session.lang))
    typer.echo(answer.model_dump_json(indent=2) if json_output else answer.text)
    raise typer.Exit(EXIT_NOT_SUPPORTED if answer.supported is False else EXIT_SUPPORTED)


@app.command()
def features(
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    kubernetes: Annotated[str | None, typer.Option("--kubernetes", "-k", help="Status at this version.")] = None,
    json_output: Annotated[bool, typer.Option("--json")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List features with their status at a Kubernetes version (newest by default)."""
    catalog = open_catalog(db)
    try:
        found = query.list_features(catalog, category=category, kubernetes=kubernetes)
    except KbError as exc:
        fail(exc.message)
    if json_output:
        typer.echo("[" + ",\n".join(f.model_dump_json() for f in found) + "]")
        return
    width = max((len(f.id) for f in found), default=0)
    for f in found:
        typer.echo(f"{f.id:<{width}}  {f.status:<13}  {f.category}")


@app.command()
def export(
    out: Annotated[Path, typer.Option(help="Folder of the static API (the built site's api/v1).")] = Path(
        "site/api/v1"
    ),
    support: Annotated[bool, typer.Option(help="Also write support/<feature>/<minor>.json.")] = True,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the API's GET resources as static JSON files (the same bytes the API answers)."""
    from datetime import UTC, datetime

    from kb.export import export as export_static

    files, size = export_static(open_catalog(db), out, datetime.now(UTC).date(), support=support)
    typer.echo(f"exported {files} files ({size / 1e6:.1f} MB) to {out}")


@app.command()
def stats(
    json_output: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Counts by category, status, kind and source, and the newest releases covered."""
    from kb.stats import coverage, stats_table

    counts = coverage(open_catalog(db))
    typer.echo(counts.model_dump_json(indent=2) if json_output else stats_table(counts))


@app.command("import")
def import_feeds(
    kubernetes: Annotated[
        str | None, typer.Option("--kubernetes", "-k", help="endoflife.date Kubernetes JSON: path or URL.")
    ] = None,
    windows: Annotated[
        str | None, typer.Option("--windows", "-w", help="endoflife.date Windows Server JSON: path or URL.")
    ] = None,
    gates: Annotated[
        list[str] | None,
        typer.Option("--gates", "-g", help="Feature-gate markdown: a folder of *.md, a file or a URL (repeatable)."),
    ] = None,
    write: Annotated[bool, typer.Option("--write", help="Apply the mechanical changes to data/.")] = False,
    data: Annotated[Path, typer.Option(help="The curated data folder.")] = DEFAULT_DATA,
) -> None:
    """Diff upstream release feeds against data/; --write applies new releases, dates and gate stages.

    Exit 0 when data/ is up to date (or was updated), 1 when differences were found and not written,
    2 when a feed or data/ is invalid (nothing is changed then).
    """
    from kb.importers.diff import render
    from kb.importers.plan import collect_changes
    from kb.importers.write import apply_changes

    if not (kubernetes or windows or gates):
        fail("give at least one feed: --kubernetes, --windows or --gates")
    try:
        changes = collect_changes(data, kubernetes, windows, gates)
    except KbError as exc:
        fail(exc.message)
    except DataInvalid as exc:
        fail(str(exc))
    typer.echo(render(changes))
    pending = [c for c in changes if c.writable]
    if not write:
        raise typer.Exit(EXIT_NOT_SUPPORTED if pending or any(c.kind == "review" for c in changes) else EXIT_SUPPORTED)
    try:
        written = apply_changes(data, pending)
    except DataInvalid as exc:
        fail(f"the import would break data/, nothing was written:\n{exc}")
    for path in written:
        typer.echo(f"wrote {path}")


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
)
def serve(ctx: typer.Context) -> None:
    """Serve the JSON API (and the built site) with production settings; options: kb serve --help.

    The options are the server's own (api.server.main): the kb command passes them there before
    loading this CLI, so a server does not start by importing the CLI framework.
    """
    from api.server import main as run_server

    raise typer.Exit(run_server(ctx.args))


@app.command("i18n")
def i18n(
    action: Annotated[
        str,
        typer.Argument(
            help="check: list missing or stale translations; template: add the "
            "English of every missing one, to translate in place."
        ),
    ],
    lang: Annotated[str, typer.Option("--lang", help="Language of data/<lang>/.")] = "zh",
    data: Annotated[Path, typer.Option(help="The curated data folder.")] = DEFAULT_DATA,
) -> None:
    """Translations of the data: check them against the English (exit 1 when any is missing or stale)."""
    from kb.load import load_english
    from kb.translation_files import translation_problems, write_templates

    if action not in ("check", "template"):
        fail(f"unknown action {action!r}: use check or template")
    try:
        dataset = load_english(data)
        if action == "template":
            for path in write_templates(data, lang, dataset):
                typer.echo(f"wrote {path}")
            return
        problems = translation_problems(data, lang, dataset)
    except DataInvalid as exc:
        fail(str(exc))
    for problem in problems:
        typer.echo(str(problem))
    typer.echo(f"{len(problems)} problem(s) in {data / lang}")
    raise typer.Exit(EXIT_NOT_SUPPORTED if problems else EXIT_SUPPORTED)


from kb.tools_cli import register_tools  # noqa: E402 - the tools add commands to the app above

register_tools(app)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KbError as exc:  # pragma: no cover - every command maps its own errors
        typer.echo(f"error: {exc.message}", err=True)
        sys.exit(EXIT_BAD_INPUT)


if __name__ == "__main__":
    main()
