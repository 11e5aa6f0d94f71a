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


def load_reporting(case_dir: Path | None):
    """Load a case (default: the bundled example); print its warnings, or its problems and return None."""
    from convenant_calc.io.bundled import default_example
    from convenant_calc.io.loading import load_case
    from convenant_calc.io.problems import InputError

    try:
        loaded = load_case(case_dir if case_dir is not None else default_example())
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
    period: str | None = None,
) -> int:
    """`convenant settle`: print the settlement, or write it atomically to ``output``.

    S17: ``reading_ids`` (``--reading``) settles under those alternative readings;
    ``show_readings`` (``--readings``) adds what each alternative reading costs.
    S14: an agreement of one period prints as it always did; one of more periods prints every
    period and the totals (JSON ``convenant-settlement/2``), or with ``period`` that period
    alone (JSON ``convenant-settlement/1``).
    """
    readings = None
    if reading_ids:
        from convenant_calc.core.readings import ReadingError, choose

        try:
            readings, _ = choose(reading_ids)
        except ReadingError as exc:
            print(f"--reading: {exc}", file=sys.stderr)
            return 2
        if period is not None and readings.periods_merged:
            print("--period: under --reading extension.merged the periods are one term; drop --period", file=sys.stderr)
            return 2
    ready = _prepare(case_dir, output, stamp)
    if isinstance(ready, int):
        return ready
    loaded, when = ready
    if readings is not None:
        from convenant_calc.core.readings import not_applicable_to

        refused = not_applicable_to(loaded.case, readings)
        for line in refused:
            print(f"--reading {line}", file=sys.stderr)
        if refused:
            return 2
    chosen = _settle_periods(loaded, period, readings)
    if chosen is None:
        return 2
    from convenant_calc.core.settlement import AgreementSettlement

    agreement = isinstance(chosen, AgreementSettlement)
    costs = None
    if show_readings:  # S14: of one period asked for, that period's costs; else the agreement's total's
        from convenant_calc.core.reading_costs import reading_costs
        from convenant_calc.core.settlement import case_of_period

        costs = reading_costs(case_of_period(loaded.case, period), chosen)
    if fmt == "json":
        from convenant_calc.render import json as json_render

        text = json_render.render(chosen, costs)
    elif fmt == "table":
        from convenant_calc.render import table
        from convenant_calc.views.labels import Lang

        if output is None:
            from rich.console import Console

            if agreement:
                Console().print(table.agreement_renderable(chosen, Lang(lang), when, costs))  # type: ignore[arg-type]
            else:
                Console().print(table.renderable(chosen, Lang(lang), when, costs))  # type: ignore[arg-type]
            return 0
        text = table.render(chosen, t=Lang(lang), stamp=when, costs=costs)
    else:
        from convenant_calc.io.bundled import data_dir
        from convenant_calc.render import report as report_render
        from convenant_calc.views.labels import Lang
        from convenant_calc.views.report import build, build_agreement, input_files

        if agreement:
            model = build_agreement(
                chosen,  # type: ignore[arg-type]
                loaded.case.staffing,
                input_files(loaded.sources, data_dir()),
                Lang(lang),
                case=_case_name(case_dir),
                stamp=when,
                costs=costs,
            )
        else:
            model = build(
                chosen,  # type: ignore[arg-type]
                loaded.case.staffing,
                input_files(loaded.sources, data_dir()),
                Lang(lang),
                case=_case_name(case_dir),
                stamp=when,
                costs=costs,
            )
        if agreement:
            text = report_render.agreement_html(model) if fmt == "html" else report_render.agreement_markdown(model)
        else:
            text = report_render.html(model) if fmt == "html" else report_render.markdown(model)
    return _emit(text, output)


def _settle_periods(loaded, period: str | None, readings=None):
    """S14: the one settlement to print (one period, or the period asked for), the whole agreement, or None.

    None after printing why when ``period`` names no period of the agreement (exit 2, nothing written).
    """
    from convenant_calc.core.readings import DEFAULT
    from convenant_calc.core.settlement import settle_agreement

    agreement = settle_agreement(loaded.case, readings if readings is not None else DEFAULT)
    if period is not None:
        chosen = agreement.period(period)
        if chosen is None:
            from convenant_calc.io.problems import closest

            hint = closest(period, list(agreement.period_ids))
            guess = f"did you mean {hint!r}? " if hint else ""
            print(
                f"--period {period}: {loaded.case.convenant.id} has no period {period!r}; "
                f"{guess}its periods are {', '.join(agreement.period_ids)}",
                file=sys.stderr,
            )
            return None
        return chosen
    return agreement.periods[0] if agreement.single else agreement


def run_ledger(case_dir: Path | None, output: Path | None = None, period: str | None = None) -> int:
    """`convenant ledger`: the day-by-day ledger as CSV (S14: of more than one period, a ``period`` column first)."""
    ready = _prepare(case_dir, output, stamp=False)
    if isinstance(ready, int):
        return ready
    loaded, _ = ready
    chosen = _settle_periods(loaded, period)
    if chosen is None:
        return 2
    from convenant_calc.core.settlement import AgreementSettlement
    from convenant_calc.render import ledger_csv
    from convenant_calc.views.ledger import ledger as day_ledger

    if isinstance(chosen, AgreementSettlement):
        pairs = [(pid, day_ledger(s)) for pid, s in zip(chosen.period_ids, chosen.periods, strict=True)]
        return _emit(ledger_csv.render_periods(pairs), output)
    return _emit(ledger_csv.render(day_ledger(chosen)), output)


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


def _prepare(case_dir: Path | None, output: Path | None, stamp: bool):
    """Usage checks before any work, then the case: ``(loaded, stamp text)``, or the exit code 2."""
    try:
        _check_output(output)
        when = _stamp(stamp)
    except Usage as exc:
        print(exc, file=sys.stderr)
        return 2
    loaded = load_reporting(case_dir)
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
