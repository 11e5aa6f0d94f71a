"""What each command does, without typer: load, settle, render, write; return the exit code.

Both the typer app (:mod:`.cli`) and the typer-free fast path
(:mod:`.fastpath`) call these functions, so a command behaves the same
whichever way it was reached. Exit codes as SPEC §6: 0 done, 1 a check found
a difference, 2 bad input or usage (problems on stderr as
``file:line:col: message``, nothing written).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

FORMATS = ("table", "json", "markdown", "html")
LANGUAGES = ("en", "nl")


class Usage(Exception):
    """A usage problem found before any work: printed on stderr, exit 2."""


def load_reporting(case_dir: Path | None, *, pending_allowed: bool = False):
    """Load a case (default: the bundled example); print its warnings, or its problems and return None.

    ``pending_allowed``: a commitment without a result is pending, not an error (S16, ``--as-of``).
    """
    from convenant_calc.io.bundled import default_example
    from convenant_calc.io.loading import load_case
    from convenant_calc.io.problems import InputError

    try:
        loaded = load_case(case_dir if case_dir is not None else default_example(), pending_allowed=pending_allowed)
    except InputError as exc:
        exc.report(sys.stderr)
        return None
    for warning in loaded.warnings:
        print(warning, file=sys.stderr)
    return loaded


def run_settle(
    case_dir: Path | None,
    fmt: str = "table",
    lang: str = "en",
    output: Path | None = None,
    stamp: bool = False,
    show_readings: bool = False,
    reading_ids: Sequence[str] = (),
    as_of: str | None = None,
) -> int:
    """`convenant settle`: print the settlement, or write it atomically to ``output``.

    S17: ``reading_ids`` (``--reading``) settles under those alternative readings;
    ``show_readings`` (``--readings``) adds what each alternative reading costs.
    S16: ``as_of`` adds the interim position on that date; results not yet reported are pending.
    """
    try:
        day = _as_of(as_of)
    except Usage as exc:
        print(exc, file=sys.stderr)
        return 2
    readings = None
    if reading_ids:
        from convenant_calc.core.readings import ReadingError, choose

        try:
            readings, _ = choose(reading_ids)
        except ReadingError as exc:
            print(f"--reading: {exc}", file=sys.stderr)
            return 2
    ready = _prepare(case_dir, output, stamp, pending_allowed=day is not None)
    if isinstance(ready, int):
        return ready
    loaded, when = ready
    from convenant_calc.core.settlement import settle

    pending = day is not None
    if readings is not None:
        from convenant_calc.core.readings import not_applicable_to

        refused = not_applicable_to(loaded.case, readings)
        for line in refused:
            print(f"--reading {line}", file=sys.stderr)
        if refused:
            return 2
        settlement = settle(loaded.case, readings, pending_allowed=pending)
    else:
        settlement = settle(loaded.case, pending_allowed=pending)
    position = None
    if day is not None:
        term = settlement.convenant.term
        if day < term.start:
            print(
                f"--as-of {day}: before the term starts ({term.start}); give a date from {term.start} on",
                file=sys.stderr,
            )
            return 2
        from convenant_calc.core.interim import interim

        position = interim(settlement, day)
    costs = None
    if show_readings:
        from convenant_calc.core.reading_costs import reading_costs

        costs = reading_costs(loaded.case, settlement)
    if fmt == "json":
        from convenant_calc.render import json as json_render

        text = json_render.render(settlement, costs, position)
    elif fmt == "table":
        from convenant_calc.render import table
        from convenant_calc.views.labels import Lang

        if output is None:
            from rich.console import Console

            Console().print(table.renderable(settlement, Lang(lang), when, costs, position))
            return 0
        text = table.render(settlement, t=Lang(lang), stamp=when, costs=costs, interim=position)
    else:
        from convenant_calc.io.bundled import data_dir
        from convenant_calc.render import report as report_render
        from convenant_calc.views.labels import Lang
        from convenant_calc.views.report import build, input_files

        model = build(
            settlement,
            loaded.case.staffing,
            input_files(loaded.sources, data_dir()),
            Lang(lang),
            case=_case_name(case_dir),
            stamp=when,
            costs=costs,
            interim=position,
        )
        text = report_render.html(model) if fmt == "html" else report_render.markdown(model)
    return _emit(text, output)


def run_ledger(case_dir: Path | None, output: Path | None = None) -> int:
    """`convenant ledger`: the day-by-day ledger as CSV."""
    ready = _prepare(case_dir, output, stamp=False)
    if isinstance(ready, int):
        return ready
    loaded, _ = ready
    from convenant_calc.views.ledger import ledger as day_ledger
    from convenant_calc.render import ledger_csv
    from convenant_calc.core.settlement import settle

    return _emit(ledger_csv.render(day_ledger(settle(loaded.case))), output)


CALENDAR_FORMATS = ("table", "json", "ics")


def run_calendar(case_dir: Path | None, fmt: str = "table", lang: str = "en", output: Path | None = None) -> int:
    """`convenant calendar`: the agreement's dates in order (S16), as a table, JSON or iCalendar."""
    try:
        _check_output(output)
        epoch = _source_date_epoch()
    except Usage as exc:
        print(exc, file=sys.stderr)
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
        text = render.table(convenant, events, t("calendar_title"), (t("col_date"), t("col_event"), t("col_article")))
    if output is None and fmt == "ics" and hasattr(sys.stdout, "buffer"):
        sys.stdout.flush()  # iCalendar's CRLF line ends as bytes: no newline translation on any platform
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    return _emit(text, output)  # write_atomic writes with newline="": the CRLF stay as they are


def _source_date_epoch() -> int | None:
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not epoch.isdigit():
        raise Usage(f"SOURCE_DATE_EPOCH={epoch!r}: expected whole seconds since 1970-01-01 UTC")
    return int(epoch)


def run_validate(case_dir: Path) -> int:
    """`convenant validate`: 'ok' and what was read, or every problem."""
    from convenant_calc.io.loading import summary

    loaded = load_reporting(case_dir)
    if loaded is None:
        return 2
    print("ok")
    for line in summary(loaded):
        print(f"  {line}")
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


def _prepare(case_dir: Path | None, output: Path | None, stamp: bool, *, pending_allowed: bool = False):
    """Usage checks before any work, then the case: ``(loaded, stamp text)``, or the exit code 2."""
    try:
        _check_output(output)
        when = _stamp(stamp)
    except Usage as exc:
        print(exc, file=sys.stderr)
        return 2
    loaded = load_reporting(case_dir, pending_allowed=pending_allowed)
    return 2 if loaded is None else (loaded, when)


def _case_name(case_dir: Path | None) -> str:
    from convenant_calc.io.bundled import default_example

    return (case_dir if case_dir is not None else default_example()).resolve().name


def _stamp(wanted: bool) -> str | None:
    """The time of writing, only when asked for (--stamp); SOURCE_DATE_EPOCH fixes it for reproducible builds."""
    if not wanted:
        return None
    import os
    from datetime import datetime, timezone

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch and not epoch.isdigit():
        raise Usage(f"SOURCE_DATE_EPOCH={epoch!r}: expected whole seconds since 1970-01-01 UTC")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _check_output(output: Path | None) -> None:
    """Refuse an --output whose directory does not exist before doing any work (exit 2)."""
    if output is None:
        return
    parent = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        raise Usage(f"{output}: is a directory; give a file name for --output")
    if not parent.is_dir():
        raise Usage(f"{output}: the directory {parent} does not exist; create it or choose another --output")


def _emit(text: str, output: Path | None) -> int:
    if output is None:
        sys.stdout.write(text)
        return 0
    from convenant_calc.io.output import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        print(f"{output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
