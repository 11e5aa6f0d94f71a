"""What each command does, without typer: load, settle, render, write; return the exit code.

Both the typer app (:mod:`.cli`) and the typer-free fast path
(:mod:`.fastpath`) call these functions, so a command behaves the same
whichever way it was reached. Exit codes as SPEC §6: 0 done, 1 a check found
a difference, 2 bad input or usage (problems on stderr as
``file:line:col: message``, nothing written).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

if TYPE_CHECKING:  # the heavy modules are imported by the commands that need them (start-up time)
    from convenant_calc.core.interim import Positions
    from convenant_calc.core.reading_costs import ReadingCost
    from convenant_calc.core.readings import Readings
    from convenant_calc.core.settlement import AgreementSettlement
    from convenant_calc.io.loading import LoadedCase

FORMATS = ("table", "json", "markdown", "html", "pdf", "xlsx")
LANGUAGES = ("en", "nl")
BINARY = ("pdf", "xlsx")  # written to a file only (--output)

#: The format an --output file's extension names (issue 11): ``--output x.html`` alone writes HTML.
EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
}


T = TypeVar("T")

def say(message: object) -> None:
    """A message on stderr. The ids, titles and paths in it are input: shown with any control character
    as an escape (``\\x1b``), so that a message can never drive the terminal."""
    from convenant_calc.core.text import visible

    print(visible(str(message)), file=sys.stderr)


class Usage(Exception):
    """A usage problem found before any work: printed on stderr, exit 2."""


CLAIM_EXAMPLE = "17-cost-statement"  # the bundled example a claim accepts (beneficiary, costs.yaml)


def case_or_here(case_dir: Path | None, command: str = "settle") -> Path:
    """The case to settle: the one named, else the working directory when it holds case files.

    Never the bundled example behind the user's back: inside their own case directory a bare
    ``convenant settle`` settles that case; elsewhere it is a usage error with a hint (exit 2).
    """
    if case_dir is not None:
        return case_dir
    import os

    from convenant_calc.io.bundled import default_example
    from convenant_calc.io.loading import FILES
    from convenant_calc.io.problems import display_path

    if any(os.path.lexists(name) for name in FILES.values()):
        return Path(".")
    # a claim needs a cost statement (S21), which the richest example does not carry
    example = default_example().with_name(CLAIM_EXAMPLE) if command == "claim" else default_example()
    raise Usage(
        "no case directory given, and this directory holds no case files (results.yaml, convenant.yaml, "
        f"absences.yaml, payments.yaml, costs.yaml); give one, e.g. convenant {command} {display_path(example)}"
    )


def load_reporting(case_dir: Path, *, pending_allowed: bool = False):
    """Load a case; print its warnings, or its problems and return None.

    ``pending_allowed``: a commitment without a result is pending, not an error (S16, ``--as-of``).
    """
    from convenant_calc.io.loading import load_case
    from convenant_calc.io.problems import InputError

    try:
        loaded = load_case(case_dir, pending_allowed=pending_allowed)
    except InputError as exc:
        exc.report(sys.stderr)
        return None
    for warning in loaded.warnings:
        say(warning)
    return loaded


def chosen_format(fmt: str | None, output: Path | None, default: str = "table") -> str:
    """``--format``, else the one the --output file's extension names, else ``default``; a contradiction
    (``--format json --output x.html``) is a usage error."""
    suffix = output.suffix.lower() if output is not None else ""
    named = EXTENSIONS.get(suffix)
    if fmt is None:
        return named or default
    if named is not None and named != fmt:
        raise Usage(
            f"{output}: the extension {suffix} means --format {named}, but --format is {fmt}; "
            f"drop --format, or give the file the extension of {fmt}"
        )
    return fmt


def settle_format(fmt: str | None, output: Path | None) -> str:
    """The format to write: ``--format``, else the one the --output file's extension names, else the table.

    A contradiction (``--format json --output x.html``) is refused, and so are a
    binary format without --output and ``.csv`` (the CSV is ``convenant ledger``).
    """
    if output is not None and EXTENSIONS.get(output.suffix.lower()) == "csv":
        raise Usage(
            f"{output}: settle writes no CSV; the day-by-day ledger is the CSV: "
            f"convenant ledger CASE --output {output.name} (add --dialect excel-nl for Excel in Belgium)"
        )
    fmt = chosen_format(fmt, output)
    if fmt in BINARY and output is None:
        raise Usage(f"--format {fmt} writes a file: give --output FILE.{fmt}")
    return fmt


@dataclass(frozen=True)
class SettleRequest:
    """What ``convenant settle`` was asked, parsed: the refusals and the rendering read only this."""

    case_dir: Path | None
    fmt: str
    lang: str
    output: Path | None
    stamp: bool
    show_readings: bool  # --readings (S17)
    reading_ids: tuple[str, ...]  # --reading (S17)
    readings: Readings | None  # the readings those ids choose (None: the defaults)
    period: str | None  # --period (S14)
    line: str | None  # --line (S19)
    as_of: date | None  # --as-of (S16)


@dataclass(frozen=True)
class Settled:
    """The settlement a command prints: the agreement settled and the part asked for, with what it adds."""

    loaded: LoadedCase
    case_dir: Path
    stamp: str | None
    selected: AgreementSettlement  # the whole agreement, or the period and/or line asked for
    positions: Positions | None = None  # S16 --as-of
    costs: tuple[ReadingCost, ...] | None = None  # S17 --readings


class Failed(Exception):
    """The command failed and has said why already (the problems of a case): exit 2, nothing more printed."""


class NotWritten(Exception):
    """The output cannot be made (Chromium missing): said on stderr, exit 2."""


def run_settle(
    case_dir: Path | None,
    fmt: str | None = "table",
    lang: str = "en",
    output: Path | None = None,
    stamp: bool = False,
    show_readings: bool = False,
    reading_ids: Sequence[str] = (),
    period: str | None = None,
    as_of: str | None = None,
    line: str | None = None,
) -> int:
    """`convenant settle`: print the settlement, or write it atomically to ``output``.

    Parse the options, load the case, settle it (the period and line asked for, S14, S19; the
    interim position on ``as_of``, S16; what each reading costs, S17), render it in the format
    asked for, write it. What settle refuses is listed in :data:`REFUSALS`.
    """

    def make() -> str | bytes | None:
        request = settle_request(case_dir, fmt, lang, output, stamp, show_readings, reading_ids, period, line, as_of)
        moment = source_date() if request.fmt == "pdf" else None
        settled = settle_case(request, "settle")
        if request.fmt == "table" and output is None:  # on the terminal, in colour
            from rich.console import Console

            Console().print(terminal_table(settled, lang), crop=False)
            return None
        return document(settled, request.fmt, request.lang, moment)

    return emitted(make, output)


def guarded(make: Callable[[], T]) -> T | int:
    """``make()``, or the exit code 2 when it stops on a usage error or a file not written (said on
    stderr here) or on a refusal it has reported already (:class:`Failed`)."""
    try:
        return make()
    except (Usage, NotWritten) as exc:
        say(exc)
        return 2
    except Failed:
        return 2


def emitted(make: Callable[[], str | bytes | None], output: Path | None) -> int:
    """Run ``make`` under :func:`guarded`; print or write the document it returns (:func:`_emit`), or
    exit 0 when it printed its own (None)."""
    data = guarded(make)
    if isinstance(data, int):
        return data
    return 0 if data is None else _emit(data, output)


def settle_request(
    case_dir: Path | None,
    fmt: str | None,
    lang: str,
    output: Path | None,
    stamp: bool,
    show_readings: bool,
    reading_ids: Sequence[str],
    period: str | None,
    line: str | None,
    as_of: str | None,
) -> SettleRequest:
    """The options of settle, parsed; Usage for a format, a reading or a date that cannot be read."""
    request = SettleRequest(
        case_dir, settle_format(fmt, output), lang, output, stamp, show_readings, tuple(reading_ids), None, period,
        line, None
    )
    refuse((_xlsx_readings,), request)
    request = replace(request, as_of=_as_of(as_of))
    refuse((_xlsx_as_of,), request)
    request = replace(request, readings=chosen_readings(reading_ids))
    refuse((_period_merged,), request)
    return request


def chosen_readings(reading_ids: Sequence[str]) -> Readings | None:
    """The readings ``--reading ID ...`` chooses (S17), None when none is named; Usage for an id that
    names no reading, or two that contradict each other."""
    if not reading_ids:
        return None
    from convenant_calc.core.readings import ReadingError, choose

    try:
        return choose(reading_ids)[0]
    except ReadingError as exc:
        raise Usage(f"--reading: {exc}") from None


def _xlsx_readings(r: SettleRequest) -> str | None:
    if r.fmt == "xlsx" and (r.reading_ids or r.show_readings):
        return (
            "--format xlsx: the workbook's formulas follow the default readings (S1–S16); "
            "for --reading or --readings write --format json, html or pdf"
        )
    return None


def _xlsx_as_of(r: SettleRequest) -> str | None:
    if r.fmt == "xlsx" and r.as_of is not None:
        return (
            "--format xlsx: the workbook holds no interim position (S16); for --as-of write --format json, "
            "html or pdf"
        )
    return None


def _period_merged(r: SettleRequest) -> str | None:
    if r.period is not None and r.readings is not None and r.readings.periods_merged:
        return "--period: under --reading extension.merged the periods are one term; drop --period"
    return None


def _known_period(r: SettleRequest, loaded: LoadedCase) -> str | None:
    """S14: the period ``--period`` names when the agreement has it (what is then settled), else None."""
    from convenant_calc.core.rules.periods import periods

    return r.period if r.period in {p.id for p in periods(loaded.case.convenant)} else None


def _readings_apply(r: SettleRequest, loaded: LoadedCase) -> str | None:
    """S17: each reading chosen applies to what is settled (with --period, that period alone)."""
    if r.readings is None:
        return None
    from convenant_calc.core.readings import not_applicable_to
    from convenant_calc.core.settlement import case_of_period

    refused = not_applicable_to(case_of_period(loaded.case, _known_period(r, loaded)), r.readings)
    return "\n".join(f"--reading {line}" for line in refused) or None


def _selection(r: SettleRequest, loaded: LoadedCase, a: AgreementSettlement) -> str | None:
    """S14, S19: ``--period`` and ``--line`` name a period and a line of the agreement, with a budget there."""
    from convenant_calc.core.text import quoted
    from convenant_calc.io.problems import closest

    for what, given, ids in (("period", r.period, a.period_ids), ("line", r.line, a.line_ids)):
        if given is not None and given not in ids:
            hint = closest(given, list(ids))
            guess = f"did you mean {quoted(hint)}? " if hint else ""
            return (
                f"--{what} {quoted(given)}: {a.convenant.id} has no {what} {quoted(given)}; "
                f"{guess}its {what}s are {', '.join(ids)}"
            )
    if not a.select(r.period, r.line).settlements:
        return (
            f"--line {quoted(r.line)}: the line has no budget in period {quoted(r.period)} (S19); its lines there are "
            f"{', '.join(a.select(r.period).line_ids)}"
        )
    return None


def _as_of_one_period(r: SettleRequest, loaded: LoadedCase, a: AgreementSettlement) -> str | None:
    chosen = a.select(r.period, r.line)
    if r.as_of is not None and len(chosen.period_ids) > 1:
        return (
            f"--as-of: {loaded.case.convenant.id} has {len(chosen.period_ids)} periods (S14); the interim "
            "position is that of one period: give --period ID"
        )
    return None


def _as_of_in_term(r: SettleRequest, loaded: LoadedCase, a: AgreementSettlement) -> str | None:
    if r.as_of is None:
        return None
    term = a.select(r.period, r.line).settlements[0].convenant.term
    if r.as_of < term.start:
        return f"--as-of {r.as_of}: before the term starts ({term.start}); give a date from {term.start} on"
    return None


#: What settle refuses (exit 2, nothing written), in the order it says so: what the options alone rule
#: out (checked as they are read: a format, a date and the readings each as soon as it is known), what the
#: case rules out before it is settled, and what its settlement rules out. Each returns the message, or None.
REQUEST_REFUSALS: tuple[Callable[[SettleRequest], str | None], ...] = (_xlsx_readings, _xlsx_as_of, _period_merged)
CASE_REFUSALS: tuple[Callable[[SettleRequest, LoadedCase], str | None], ...] = (_readings_apply,)
SETTLED_REFUSALS: tuple[Callable[[SettleRequest, LoadedCase, AgreementSettlement], str | None], ...] = (
    _selection,
    _as_of_one_period,
    _as_of_in_term,
)
REFUSALS = REQUEST_REFUSALS + CASE_REFUSALS + SETTLED_REFUSALS


def refuse(checks: Sequence[Callable[..., str | None]], *subject: object) -> None:
    """Raise Usage with the message of the first check that refuses ``subject``."""
    for check in checks:
        message = check(*subject)
        if message is not None:
            raise Usage(message)


def settle_case(request: SettleRequest, command: str) -> Settled:
    """Load and settle the case, and select the period and line asked for (S14, S19), with the interim
    position (S16) and what each reading costs (S17); Usage for a refusal, Failed for a case with problems."""
    from convenant_calc.core.readings import DEFAULT
    from convenant_calc.core.settlement import settle_agreement

    ready = _prepare(request.case_dir, request.output, request.stamp, command, pending_allowed=request.as_of is not None)
    if isinstance(ready, int):
        raise Failed
    loaded, when, case_dir = ready
    refuse(CASE_REFUSALS, request, loaded)
    readings = request.readings if request.readings is not None else DEFAULT
    # S17: a reading chosen need apply only to the period asked for, so that period is settled alone
    only = _known_period(request, loaded) if request.readings is not None else None
    agreement = settle_agreement(loaded.case, readings, pending_allowed=request.as_of is not None, only=only)
    refuse(SETTLED_REFUSALS, request, loaded, agreement)
    selected = agreement.select(request.period, request.line)
    positions = None
    if request.as_of is not None:
        from convenant_calc.core.interim import positions as interim_positions

        positions = interim_positions(selected, request.as_of)
    costs = None
    if request.show_readings:  # of the period asked for, that period's costs (settled as an agreement of its own)
        from convenant_calc.core.reading_costs import reading_costs
        from convenant_calc.core.settlement import case_of_period

        costs = reading_costs(case_of_period(loaded.case, request.period), selected, request.line)
    return Settled(loaded, case_dir, when, selected, positions, costs)


def terminal_table(s: Settled, lang: str):
    """The settlement as the terminal shows it (a rich renderable)."""
    from convenant_calc.render import table
    from convenant_calc.views.labels import Lang

    names = {"case": _case_shown(s.case_dir), "bundled": _bundled(s.loaded)}
    return table.renderable(s.selected, Lang(lang), s.stamp, s.costs, **names, positions=s.positions)


def document(s: Settled, fmt: str, lang: str, moment: datetime | None = None) -> str | bytes:
    """The settlement in ``fmt`` (table, json, markdown, html, pdf or xlsx) as `settle --output` writes it.

    ``moment``: the PDF's date (None: now). Raises :class:`NotWritten` when it cannot be made.
    """
    a, loaded = s.selected, s.loaded
    if fmt == "xlsx":
        from convenant_calc.render import xlsx

        return xlsx.render(a, loaded.case.staffing, case=_case_name(s.case_dir), lang=lang)
    if fmt == "json":
        from convenant_calc.render import json as json_render

        return json_render.render(a, s.costs, s.positions)
    from convenant_calc.views.labels import Lang

    if fmt == "table":
        from convenant_calc.render import table

        names = {"case": _case_shown(s.case_dir), "bundled": _bundled(loaded)}
        return table.render(a, t=Lang(lang), stamp=s.stamp, costs=s.costs, **names, positions=s.positions)
    from convenant_calc.render import report as report_render

    model = report_model(s, lang)
    if fmt == "markdown":
        return report_render.markdown(model)
    if fmt != "pdf":
        return report_render.html(model)
    return printed(report_render.html(model), moment)


def printed(html: str, moment: datetime | None) -> bytes:
    """``html`` printed to PDF by headless Chromium (``moment``: the PDF's date, None: now); NotWritten
    when it cannot be (no Chromium, or its PDF cannot be read back)."""
    from convenant_calc.render import pdf

    try:
        return pdf.render(html, moment)
    except pdf.PdfError as exc:
        raise NotWritten(str(exc)) from None


def report_model(s: Settled, lang: str):
    """The report of the settlement (of every period and line, and the totals, S14, S19), with its input files'
    hashes."""
    from convenant_calc.io.bundled import data_dir
    from convenant_calc.views.labels import Lang
    from convenant_calc.views.report import build, input_files

    return build(
        s.selected,
        s.loaded.case.staffing,
        input_files(s.loaded.sources, data_dir()),
        Lang(lang),
        case=_case_name(s.case_dir),
        stamp=s.stamp,
        positions=s.positions,
        costs=s.costs,
    )


def run_ledger(
    case_dir: Path | None,
    output: Path | None = None,
    dialect: str = "rfc4180",
    period: str | None = None,
    line: str | None = None,
) -> int:
    """`convenant ledger`: the day-by-day ledger as CSV, in the RFC 4180 or the excel-nl dialect.

    S14, S19: of an agreement of more than one period or line, a ``period`` and/or ``line`` column first
    (or the period and the line asked for alone).
    """
    named = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if named not in (None, "csv"):
        say(
            f"{output}: the ledger is CSV, the extension {output.suffix} names {named}; "
            f"name the file .csv, or write the report with convenant settle CASE --output {output.name}"
        )
        return 2
    request = SettleRequest(case_dir, "csv", "en", output, False, False, (), None, period, line, None)
    try:
        settled = settle_case(request, "ledger")
    except Usage as exc:
        say(exc)
        return 2
    except Failed:
        return 2
    from convenant_calc.render import ledger_csv
    from convenant_calc.render.csv_dialects import Dialect

    return _emit(ledger_csv.render(settled.selected, Dialect(dialect)), output)


def run_list() -> int:
    """`convenant list`: the bundled agreements, one line each (id, term, maximum, FTE, title)."""
    from convenant_calc.io.bundled import bundled_ids
    from convenant_calc.io.loading import load_bundled
    from convenant_calc.core.money import fmt_en
    from convenant_calc.core.text import visible
    from convenant_calc.io.problems import InputError

    for conv_id in bundled_ids():
        try:
            c = load_bundled(conv_id)
        except InputError as exc:  # pragma: no cover - the bundled files are tested
            exc.report(sys.stderr)
            return 2
        term = f"{c.term.start} … {c.term.end}"
        print(visible(f"{c.id}  {term}  EUR {fmt_en(c.max_subsidy)}  {c.consultants_fte} FTE  {c.title}"))
    return 0


def run_init(directory: Path, convenant_id: str | None = None) -> int:
    """`convenant init DIR [--convenant ID]`: write a commented starter case that validates; never overwrite."""
    from convenant_calc.io.bundled import bundled_ids
    from convenant_calc.io.loading import load_bundled
    from convenant_calc.io.output import write_atomic
    from convenant_calc.io.starter import OWN_CONVENANT, starter_files

    if convenant_id is not None and convenant_id not in bundled_ids():
        say(
            f"--convenant {convenant_id}: no such bundled agreement; bundled are {', '.join(bundled_ids())} "
            "(convenant list), or leave --convenant out to write your own convenant.yaml"
        )
        return 2
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        what = "is not a directory" if not directory.is_dir() else "is not empty"
        say(f"{directory}: {what}; give a new or empty directory (init never overwrites a file)")
        return 2
    if not directory.parent.is_dir():
        say(f"{directory}: the directory {directory.parent} does not exist; create it first")
        return 2
    if convenant_id is not None:
        files = starter_files(load_bundled(convenant_id), bundled=True)
    else:
        from convenant_calc.core.models import Convenant
        from convenant_calc.io import yamlpos

        own = Convenant.model_validate(yamlpos.parse(OWN_CONVENANT, "convenant.yaml").value)
        files = starter_files(own, bundled=False)
    directory.mkdir(exist_ok=True)
    for name, text in files.items():
        write_atomic(directory / name, text)
        say(f"wrote {directory / name} ({len(text.encode('utf-8'))} bytes)")
    say(f"next: fill in {directory / 'results.yaml'}, then: convenant validate {directory}")
    return 0


CALENDAR_FORMATS = ("table", "json", "ics")


def run_calendar(case_dir: Path | None, fmt: str = "table", lang: str = "en", output: Path | None = None) -> int:
    """`convenant calendar`: the agreement's dates in order (S16), as a table, JSON or iCalendar."""
    try:
        _check_output(output)
        epoch = _source_date_epoch()
        case_dir = case_or_here(case_dir, "calendar")
    except Usage as exc:
        say(exc)
        return 2
    loaded = load_reporting(case_dir, pending_allowed=True)  # the dates need no results
    if loaded is None:
        return 2
    from convenant_calc.core.agenda import agenda
    from convenant_calc.render import calendar as render
    from convenant_calc.views.agenda import rows
    from convenant_calc.views.labels import Lang

    t = Lang(lang)
    convenant = loaded.case.convenant
    events = rows(convenant, agenda(convenant), t)
    if fmt == "json":
        text = render.as_json(convenant, events)
    elif fmt == "ics":
        text = render.ics(convenant, events, epoch)
    else:
        columns = (t("col_date"), t("col_event"), t("col_article"))
        text = render.table(convenant, events, t("calendar_title"), columns, t.date)
    if fmt == "ics":
        sys.stdout.flush()
        return _emit(text.encode("utf-8"), output)  # bytes: iCalendar's CRLF line ends are never translated
    return _emit(text, output)


def _source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` (reproducible builds: the time the same inputs always show), or None when unset."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not epoch.isdigit():
        raise Usage(f"SOURCE_DATE_EPOCH={epoch!r}: expected whole seconds since 1970-01-01 UTC")
    return int(epoch)


def source_date() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` as a moment in UTC, or None when unset (then a document is dated now)."""
    from datetime import timezone

    epoch = _source_date_epoch()
    return None if epoch is None else datetime.fromtimestamp(epoch, timezone.utc)


def run_validate(case_dir: Path) -> int:
    """`convenant validate`: 'ok' and what was read, or every problem."""
    from convenant_calc.core.text import visible
    from convenant_calc.io.loading import summary

    loaded = load_reporting(case_dir)
    if loaded is None:
        return 2
    # one write: an output that cannot take it (PYTHONIOENCODING=ascii) gets nothing, not a lone "ok"
    sys.stdout.write("".join(f"{line}\n" for line in ["ok", *(f"  {visible(line)}" for line in summary(loaded))]))
    return 0


def _as_of(text: str | None):
    """``--as-of YYYY-MM-DD`` as a date (S16), or None; a usage error otherwise."""
    if text is None:
        return None
    from convenant_calc.core.models import _iso_date

    try:
        return _iso_date(text.strip())
    except ValueError as exc:
        raise Usage(f"--as-of {text}: {exc}") from None


def _prepare(
    case_dir: Path | None, output: Path | None, stamp: bool, command: str = "settle", *, pending_allowed: bool = False
):
    """Usage checks before any work, then the case: ``(loaded, stamp text, case directory)``, or the exit code 2."""
    try:
        _check_output(output)
        when = _stamp(stamp)
        case_dir = case_or_here(case_dir, command)
    except Usage as exc:
        say(exc)
        return 2
    loaded = load_reporting(case_dir, pending_allowed=pending_allowed)
    return 2 if loaded is None else (loaded, when, case_dir)


def _case_name(case_dir: Path) -> str:
    return case_dir.resolve().name


def _case_shown(case_dir: Path) -> str:
    """The case directory as the user gave it (relative to here when below it); '.' named by its own name."""
    from convenant_calc.io.problems import display_path

    shown = display_path(case_dir)
    return f"{shown} ({case_dir.resolve().name})" if shown == "." else shown


def _bundled(loaded) -> bool:
    """Whether the agreement was read from the data bundled with the tool (else from the case's convenant.yaml)."""
    from convenant_calc.io.bundled import data_dir

    return loaded.sources["convenant"].resolve().parent == data_dir().resolve()


def _stamp(wanted: bool) -> str | None:
    """The time of writing, only when asked for (--stamp); SOURCE_DATE_EPOCH fixes it for reproducible builds."""
    if not wanted:
        return None
    from datetime import timezone

    moment = source_date() or datetime.now(timezone.utc)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _check_output(output: Path | None) -> None:
    """Refuse an --output that cannot or may not be replaced before doing any work (exit 2).

    Its directory must exist; the file itself, if it exists, must be a regular, writable file and
    not a link (:func:`convenant_calc.io.output.check_target`, which the writer checks again).
    """
    if output is None:
        return
    from convenant_calc.io.output import Refused, check_target

    parent = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        raise Usage(f"{output}: is a directory; give a file name for --output")
    if not parent.is_dir():
        raise Usage(f"{output}: the directory {parent} does not exist; create it or choose another --output")
    try:
        check_target(output)
    except Refused as exc:
        raise Usage(f"{output}: {exc}") from None


def _emit(data: str | bytes, output: Path | None) -> int:
    """Print ``data``, or write it atomically to ``output`` and say so on stderr: ``wrote FILE (N bytes)``."""
    if output is None:
        from convenant_calc.render.terminal import for_stream, is_terminal

        if isinstance(data, bytes) and not is_terminal(sys.stdout):
            sys.stdout.buffer.write(data)
        else:  # on a terminal any control character of the input is shown as an escape, in every format
            text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
            sys.stdout.write(for_stream(sys.stdout, text))
        return 0
    return write_file(output, data, sys.stderr)


def write_file(output: Path, data: str | bytes, err: TextIO) -> int:
    """Write ``data`` atomically (the one writer: it refuses links and non-regular files) and say so on
    ``err``: ``wrote FILE (N bytes)``; exit code 0, or 2 with the reason when it cannot be written."""
    from convenant_calc.io.output import Refused, write_atomic

    try:
        size = write_atomic(output, data)
    except Refused as exc:
        print(f"{output}: {exc}", file=err)
        return 2
    except OSError as exc:
        print(f"{output}: cannot write: {exc.strerror or exc}", file=err)
        return 2
    print(f"wrote {output} ({size} bytes)", file=err)
    return 0
