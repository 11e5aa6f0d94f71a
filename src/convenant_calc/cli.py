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
    context_settings={"help_option_names": ["-h", "--help"]},
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
    exc.report(sys.stderr)
    return typer.Exit(2)


def _load(case_dir: Path | None):
    from .fastpath import load_reporting

    loaded = load_reporting(case_dir)
    if loaded is None:
        raise typer.Exit(2)
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
    from .fastpath import run_settle  # also run without typer for the plain forms (issue 6)

    raise typer.Exit(run_settle(case_dir, format.value))


def main() -> None:
    app()
