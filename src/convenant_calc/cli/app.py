"""The command line: a thin shell around loading, settling and rendering.

Heavy modules (rich, the models, the rules) are imported inside the commands
that need them, so that start-up stays cheap.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


app = typer.Typer(
    name="convenant",
    help="Settle a Flemish sectorconvenant subsidy exactly (rules S1–S19: docs/rules.md).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"
    pdf = "pdf"
    xlsx = "xlsx"


class CsvDialect(str, Enum):
    rfc4180 = "rfc4180"
    excel_nl = "excel-nl"


class CheckFormat(str, Enum):
    table = "table"
    json = "json"


class GenerationFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    html = "html"


class Language(str, Enum):
    en = "en"
    nl = "nl"


def _version(value: bool) -> None:
    if value:
        from convenant_calc.io.versions import version_line

        typer.echo(version_line())
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            help="Show the versions in use (the tool's and its libraries') and exit.",
        ),
    ] = None,
) -> None:
    """Settle a Flemish sectorconvenant subsidy exactly."""


@app.command()
def settle(
    case_dir: Annotated[
        Optional[Path],
        typer.Argument(help="Case directory (results.yaml, optional convenant.yaml, absences.yaml, payments.yaml). "
                       "Default: the working directory, if it holds case files."),
    ] = None,
    format: Annotated[
        Optional[Format],
        typer.Option(
            "--format",
            "-f",
            help="Output format. Default: the one the --output file's extension names (.md .html .pdf .json .xlsx), "
            "else table. pdf prints the HTML report with headless Chromium.",
        ),
    ] = None,
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
    readings: Annotated[
        bool,
        typer.Option(
            "--readings",
            help="Add what each alternative reading of the agreement costs (S17): the sentence it reads, "
            "the subsidy with it and the difference.",
        ),
    ] = False,
    reading: Annotated[
        Optional[list[str]],
        typer.Option(
            "--reading",
            metavar="ID",
            help="Settle under this alternative reading instead of the default (S17; repeatable), e.g. "
            "rate.calendar-365, days.working, rate.effort-basis, results.half-not-paid, window.elapsed.",
        ),
    ] = None,
    period: Annotated[
        Optional[str],
        typer.Option("--period", help="Settle only this period of an extended agreement (S14); JSON stays /1."),
    ] = None,
    line: Annotated[
        Optional[str],
        typer.Option(
            "--line",
            metavar="ID",
            help="Settle only this funding line (S19): the agreement's id for its own budget, or an addendum's id; "
            "with --period, that line in that period.",
        ),
    ] = None,
    as_of: Annotated[
        Optional[str],
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Also the interim position on DATE (YYYY-MM-DD): shortfall and deduction to date, results not yet "
            "reported pending, the projected subsidy as a range (S16).",
        ),
    ] = None,
) -> None:
    """Settle a case and print the settlement (or write it with --output)."""
    from convenant_calc.cli.commands import run_settle

    raise typer.Exit(
        run_settle(
            case_dir,
            format.value if format else None,
            lang.value,
            output,
            stamp,
            readings,
            tuple(reading or ()),
            period,
            as_of,
            line,
        )
    )


class ClaimFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    pdf = "pdf"


@app.command()
def claim(
    case_dir: Annotated[
        Optional[Path],
        typer.Argument(help="Case directory of the final settlement (with costs.yaml and every result). "
                       "Default: the working directory, if it holds case files."),
    ] = None,
    format: Annotated[
        Optional[ClaimFormat],
        typer.Option(
            "--format",
            "-f",
            help="Output format. Default: the one the --output file's extension names (.md .html .pdf), else "
            "markdown. pdf prints the HTML with headless Chromium: one A4 page to sign by hand.",
        ),
    ] = None,
    lang: Annotated[
        Language, typer.Option("--lang", help="Language of the claim (Dutch by default: it goes to the department).")
    ] = Language.nl,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of the terminal.")
    ] = None,
    reading: Annotated[
        Optional[list[str]],
        typer.Option(
            "--reading",
            metavar="ID",
            help="Settle under this alternative reading (S17; repeatable), e.g. costs.not-capped.",
        ),
    ] = None,
) -> None:
    """The claim for payment of the final settlement (S21), or the statement of the amount to pay back."""
    from convenant_calc.cli.claim import run_claim

    raise typer.Exit(run_claim(case_dir, format.value if format else None, lang.value, output, tuple(reading or ())))


@app.command()
def ledger(
    case_dir: Annotated[
        Optional[Path], typer.Argument(help="Case directory. Default: the working directory, if it holds case files.")
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the CSV to this file (atomically).")
    ] = None,
    dialect: Annotated[
        CsvDialect,
        typer.Option(
            "--dialect",
            help="rfc4180: comma, decimal point, CRLF. excel-nl: semicolon, decimal comma, UTF-8 BOM, CRLF "
            "(opens in Excel and LibreOffice in nl-BE).",
        ),
    ] = CsvDialect.rfc4180,
    period: Annotated[
        Optional[str], typer.Option("--period", help="Only this period of an extended agreement (S14).")
    ] = None,
    line: Annotated[
        Optional[str], typer.Option("--line", metavar="ID", help="Only this funding line (S19).")
    ] = None,
) -> None:
    """Print the day-by-day ledger as CSV: FTE employed, off duty by cause, replaced, on duty, short, deduction."""
    from convenant_calc.cli.commands import run_ledger

    raise typer.Exit(run_ledger(case_dir, output, dialect.value, period, line))


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
        CheckFormat, typer.Option("--format", "-f", help="table: one plain line per case; json: one object.")
    ] = CheckFormat.table,
) -> None:
    """Settle cases and compare them with their expected.yaml (exit 0 all hold, 1 a figure differs, 2 unreadable)."""
    from convenant_calc.casebook.run import run

    code = run(paths, keyword=keyword, update=update, as_json=format is CheckFormat.json, out=sys.stdout, err=sys.stderr)
    raise typer.Exit(code)


class CalendarFormat(str, Enum):
    table = "table"
    json = "json"
    ics = "ics"


@app.command()
def calendar(
    case_dir: Annotated[
        Optional[Path], typer.Argument(help="Case directory (its agreement's dates). Default: the bundled example.")
    ] = None,
    format: Annotated[
        CalendarFormat, typer.Option("--format", "-f", help="table, json, or ics (iCalendar, for an agenda).")
    ] = CalendarFormat.table,
    lang: Annotated[Language, typer.Option("--lang", help="Language of the event titles.")] = Language.en,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of the terminal.")
    ] = None,
) -> None:
    """The agreement's dates in order: term, report deadlines, last day to give notice, a termination's dates."""
    from convenant_calc.cli.commands import run_calendar

    raise typer.Exit(run_calendar(case_dir, format.value, lang.value, output))


@app.command()
def validate(
    case_dir: Annotated[Path, typer.Argument(help="Case directory to check.")],
) -> None:
    """Check a case without settling it: 'ok' and what was read (exit 0), or every error (exit 2)."""
    from convenant_calc.cli.commands import run_validate

    raise typer.Exit(run_validate(case_dir))


@app.command()
def generation(
    directory: Annotated[Path, typer.Argument(help="Directory whose subdirectories are the cases (one agreement each).")],
    recursive: Annotated[
        bool, typer.Option("--recursive", "-r", help="Look for case directories at any depth, not only one level down.")
    ] = False,
    format: Annotated[
        Optional[GenerationFormat],
        typer.Option(
            "--format", "-f", help="Output format; default: from --output's extension, else table (xlsx needs --output)."
        ),
    ] = None,
    dialect: Annotated[
        CsvDialect, typer.Option("--dialect", help="CSV dialect: rfc4180 (comma, point) or excel-nl (semicolon, comma).")
    ] = CsvDialect.rfc4180,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of the terminal.")
    ] = None,
    reports: Annotated[
        Optional[Path],
        typer.Option("--reports", help="Write each agreement's HTML report into this directory (the HTML overview links them)."),
    ] = None,
    expect: Annotated[
        Optional[Path],
        typer.Option("--expect", help="YAML file of expected totals: exit 1 when one differs."),
    ] = None,
) -> None:
    """Settle every case under DIRECTORY in one process: one row per agreement and the totals (exit 2 if any failed)."""
    from convenant_calc.cli.generation import run_generation

    raise typer.Exit(
        run_generation(directory, recursive, format.value if format else None, dialect.value, output, reports, expect)
    )


class DiffFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The old version of the case (a case directory).")],
    new: Annotated[Path, typer.Argument(help="The new version of the case (a case directory).")],
    format: Annotated[
        Optional[DiffFormat],
        typer.Option("--format", "-f", help="Output format. Default: from --output's extension (.md .json), else table."),
    ] = None,
    lang: Annotated[
        Language, typer.Option("--lang", help="Language of the table and Markdown output (JSON keys never change).")
    ] = Language.en,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of the terminal.")
    ] = None,
) -> None:
    """What changed between two versions of a case, and what each change cost (S22): exit 0 equal, 1 different."""
    from convenant_calc.cli.diff import run_diff

    raise typer.Exit(run_diff(old, new, format.value if format else None, lang.value, output))


@app.command()
def pack(
    case_dir: Annotated[Path, typer.Argument(help="Case directory to settle and pack.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The dossier to write (a PDF, atomically), e.g. dossier.pdf.")
    ],
    lang: Annotated[Language, typer.Option("--lang", help="Language of the printed report.")] = Language.en,
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", metavar="DATE", help="The interim position on DATE (S16), as settle --as-of; "
                     "no workbook then."),
    ] = None,
    readings: Annotated[
        bool, typer.Option("--readings", help="Add what each alternative reading costs (S17), as settle --readings.")
    ] = False,
    reading: Annotated[
        Optional[list[str]],
        typer.Option("--reading", metavar="ID", help="Settle under this alternative reading (S17; repeatable); "
                     "no workbook then."),
    ] = None,
    period: Annotated[
        Optional[str], typer.Option("--period", help="Only this period of an extended agreement (S14).")
    ] = None,
) -> None:
    """One PDF for the auditor (S23): the printed report with the input files, JSON and workbook attached."""
    from convenant_calc.cli.dossier import run_pack

    raise typer.Exit(run_pack(case_dir, output, lang.value, as_of, readings, tuple(reading or ()), period))


@app.command()
def verify(
    dossier: Annotated[Path, typer.Argument(help="A dossier written by convenant pack.")],
) -> None:
    """Check a dossier: attachments as packed, inputs settled again (exit 0 hold, 1 differ, 2 altered)."""
    from convenant_calc.cli.dossier import run_verify

    raise typer.Exit(run_verify(dossier))


@app.command("list")
def list_() -> None:
    """Show the bundled agreements: id, term, maximum subsidy, funded FTE and title."""
    from convenant_calc.cli.commands import run_list

    raise typer.Exit(run_list())


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="A new (or empty) directory for the case.")],
    convenant: Annotated[
        Optional[str],
        typer.Option(
            "--convenant", help="Name a bundled agreement (see 'convenant list') instead of writing a convenant.yaml."
        ),
    ] = None,
) -> None:
    """Write a commented starter case that validates: results, absences, payments (and convenant) YAML files."""
    from convenant_calc.cli.commands import run_init

    raise typer.Exit(run_init(directory, convenant))


def main() -> None:
    app()
