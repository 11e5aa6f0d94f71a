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
    markdown = "markdown"
    html = "html"


class Language(str, Enum):
    en = "en"
    nl = "nl"


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
    lang: Annotated[
        Language,
        typer.Option("--lang", help="Language of the table, Markdown and HTML output (JSON keys never change)."),
    ] = Language.en,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of the terminal.")
    ] = None,
    stamp: Annotated[
        bool, typer.Option("--stamp", help="Add the time of writing to the table, Markdown and HTML output.")
    ] = False,
) -> None:
    """Settle a case and print the settlement (or write it with --output)."""
    from .settlement import settle as settle_case

    _check_output(output)
    loaded = _load(case_dir)
    settlement = settle_case(loaded.case)
    if format is Format.json:
        from .render import json as json_render

        text = json_render.render(settlement)
    elif format is Format.table:
        from .render import table
        from .render.labels import Lang

        if output is None:
            from rich.console import Console

            Console().print(table.renderable(settlement, Lang(lang.value), _stamp(stamp)))
            return
        text = table.render(settlement, t=Lang(lang.value), stamp=_stamp(stamp))
    else:
        from .bundled import data_dir
        from .render import report as report_render
        from .render.labels import Lang
        from .report import build, input_files

        model = build(
            settlement,
            loaded.case.staffing,
            input_files(loaded.sources, data_dir()),
            Lang(lang.value),
            case=_case_name(case_dir),
            stamp=_stamp(stamp),
        )
        text = report_render.html(model) if format is Format.html else report_render.markdown(model)
    _emit(text, output)


@app.command()
def ledger(
    case_dir: Annotated[
        Optional[Path], typer.Argument(help="Case directory. Default: the bundled example.")
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the CSV to this file (atomically).")
    ] = None,
) -> None:
    """Print the day-by-day ledger as CSV: FTE employed, off duty by cause, replaced, on duty, short, deduction."""
    from .ledger import ledger as day_ledger
    from .render import ledger_csv
    from .settlement import settle as settle_case

    _check_output(output)
    settlement = settle_case(_load(case_dir).case)
    _emit(ledger_csv.render(day_ledger(settlement)), output)


def _case_name(case_dir: Path | None) -> str:
    from .bundled import default_example

    return (case_dir if case_dir is not None else default_example()).resolve().name


def _stamp(wanted: bool) -> str | None:
    """The time of writing, only when asked for (--stamp); SOURCE_DATE_EPOCH fixes it for reproducible builds."""
    if not wanted:
        return None
    import os
    from datetime import datetime, timezone

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch and not epoch.isdigit():
        print(f"SOURCE_DATE_EPOCH={epoch!r}: expected whole seconds since 1970-01-01 UTC", file=sys.stderr)
        raise typer.Exit(2)
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _check_output(output: Path | None) -> None:
    """Refuse an --output whose directory does not exist before doing any work (exit 2)."""
    if output is None:
        return
    parent = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        print(f"{output}: is a directory; give a file name for --output", file=sys.stderr)
        raise typer.Exit(2)
    if not parent.is_dir():
        print(f"{output}: the directory {parent} does not exist; create it or choose another --output",
              file=sys.stderr)
        raise typer.Exit(2)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from .render.output import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        print(f"{output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        raise typer.Exit(2) from None


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


@app.command()
def validate(
    case_dir: Annotated[Path, typer.Argument(help="Case directory to check.")],
) -> None:
    """Check a case without settling it: 'ok' and what was read (exit 0), or every error (exit 2)."""
    from .loading import summary

    loaded = _load(case_dir)
    print("ok")
    for line in summary(loaded):
        print(f"  {line}")


def main() -> None:
    app()
