"""The command line: a thin shell around loading, settling and rendering.

Heavy modules (pydantic, rich, the rules) are imported inside the commands
that need them, so that start-up stays cheap.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__

app = typer.Typer(
    name="convenant",
    help="Settle a Flemish sectorconvenant subsidy exactly (see SPEC rules S1–S12).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    table = "table"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"convenant {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """Settle a Flemish sectorconvenant subsidy exactly."""


def _fail(exc) -> typer.Exit:
    """Print input problems as file:line:col: message, then the summary; exit code 2 (SPEC §6)."""
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    print(exc.summary(), file=sys.stderr)
    return typer.Exit(2)


def _load(case_dir: Path | None):
    from .bundled import default_example
    from .loading import load_case
    from .problems import InputError

    try:
        loaded = load_case(case_dir if case_dir is not None else default_example())
    except InputError as exc:
        raise _fail(exc) from None
    for warning in loaded.warnings:
        print(warning, file=sys.stderr)
    return loaded


@app.command()
def settle(
    case_dir: Annotated[
        Optional[Path],
        typer.Argument(help="Case directory (results.yaml, optional convenant.yaml, absences.yaml, payments.yaml). "
                       "Default: the bundled example."),
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Settle a case and print the settlement."""
    from .settlement import settle as settle_case

    settlement = settle_case(_load(case_dir).case)
    if format is Format.json:
        from .render import json as json_render

        sys.stdout.write(json_render.render(settlement))
    else:
        from rich.console import Console

        from .render import table

        Console().print(table.renderable(settlement))


@app.command()
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH",
            help="Case directories, or directories searched recursively for cases holding an expected.yaml.",
        ),
    ],
    keyword: Annotated[
        Optional[str],
        typer.Option("-k", help="Only the cases whose name contains TEXT (ignoring case).", metavar="TEXT"),
    ] = None,
    update: Annotated[
        bool,
        typer.Option("--update", help="Write the current figures into each expected.yaml, for review with git diff."),
    ] = False,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="table: one plain line per case; json: one object.")
    ] = Format.table,
) -> None:
    """Settle cases and compare them with their expected.yaml (exit 0 all hold, 1 a figure differs, 2 unreadable)."""
    from .checking import run

    code = run(paths, keyword=keyword, update=update, as_json=format is Format.json, out=sys.stdout, err=sys.stderr)
    raise typer.Exit(code)


def main() -> None:
    app()
