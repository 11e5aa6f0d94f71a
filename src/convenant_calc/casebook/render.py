"""The output of `convenant check`: plain lines for people and CI logs, or one JSON object.

It reads only the casebook's data (:mod:`convenant_calc.casebook.model`), never the code
that produced it. Plain text on purpose: one line per case, written as the case is settled, so that a
casebook of a thousand cases streams into a CI log at the speed of settling.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from convenant_calc.casebook.model import (
    CaseResult,
    Difference,
    Kind,
    Status,
    Tally,
    UpdateResult,
    UpdateStatus,
    dotted,
)
from convenant_calc.core.money import CENT, MINUS, fmt_decimal
from convenant_calc.io.problems import Problem

SCHEMA = "convenant-check/1"


def magnitude(d: Difference) -> str:
    """|actual − expected| written like the field: cents for money, plain decimals otherwise."""
    value = abs(d.difference)  # type: ignore[arg-type]
    if d.kind is Kind.MONEY:
        return f"{Decimal(value).quantize(CENT):f}"
    if d.kind is Kind.FTE_DAYS:
        return fmt_decimal(value)
    return f"{value:f}" if isinstance(value, Decimal) else str(value)


def signed(d: Difference, minus: str = MINUS) -> str:
    sign = minus if d.difference < 0 else "+"  # type: ignore[operator]
    return f"{sign}{magnitude(d)}"


def difference_text(d: Difference, minus: str = MINUS) -> str:
    """``file:line:col: subsidy: expected 396819.92, got 396818.92 (−1.00)``."""
    text = f"{d.position}: {dotted(d.field)}: expected {d.expected}, got {d.actual}"
    if d.difference is not None:
        text += f" ({signed(d, minus)})"
    if d.tolerated:
        text += ", within the tolerance"
    return text


def case_lines(r: CaseResult, minus: str = MINUS) -> str:
    """The case's line, then one indented line per differing field."""
    if r.status is Status.ERROR:
        errors = sum(1 for p in r.problems if not p.warning)
        noun = "error" if errors == 1 else "errors"
        return f"ERROR {r.case}: cannot be settled or compared ({errors} {noun}, each on stderr as file:line:col)\n"
    head = "ok   " if r.status is Status.OK else "FAIL "
    out = [f"{head}{r.case}\n"]
    out.extend(f"  {difference_text(d, minus)}\n" for d in r.differences)
    return "".join(out)


def summary(t: Tally) -> str:
    text = f"{t.passed} passed, {t.failed} failed"
    if t.errors:
        text += f", {t.errors} could not be read"
    return text + "\n"


def _problem(p: Problem) -> dict[str, Any]:
    pos = p.position
    return {"file": pos.file, "line": pos.line, "col": pos.col, "message": p.message, "warning": p.warning}


def _difference(d: Difference) -> dict[str, Any]:
    pos = d.position
    return {
        "field": dotted(d.field),
        "expected": d.expected,
        "actual": d.actual,
        "difference": None if d.difference is None else signed(d, "-").lstrip("+"),
        "within_tolerance": d.tolerated,
        "file": pos.file,
        "line": pos.line,
        "col": pos.col,
    }


def json_report(t: Tally, problems: list[Problem], exit_code: int) -> str:
    """One object: every case with its status, differences and problems, and the counts."""
    report = {
        "schema": SCHEMA,
        "cases": [
            {
                "case": r.case,
                "status": r.status.value,
                "expected": r.expected_file,
                "fields_checked": r.checked,
                "differences": [_difference(d) for d in r.differences],
                "problems": [_problem(p) for p in r.problems],
            }
            for r in t.results
        ],
        "problems": [_problem(p) for p in problems],
        "summary": {"passed": t.passed, "failed": t.failed, "errors": t.errors},
        "exit_code": exit_code,
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def update_line(u: UpdateResult) -> str:
    if u.status is UpdateStatus.ERROR:
        return f"ERROR {u.case}: {u.file} not written (the errors are on stderr)\n"
    if u.status is UpdateStatus.UNCHANGED:
        return f"unchanged {u.case}\n"
    shown = ", ".join(u.changed) if len(u.changed) <= 6 else f"{len(u.changed)} fields"
    text = f"{u.status.value} {u.file} ({shown})"
    if u.comments_lost:
        text += "; its layout could not be edited in place, so it was written afresh without its comments"
    return text + "\n"


def update_json(results: list[UpdateResult], problems: list[Problem], exit_code: int) -> str:
    report = {
        "schema": SCHEMA,
        "updated": [
            {
                "case": u.case,
                "status": u.status.value,
                "file": u.file,
                "changed": list(u.changed),
                "comments_kept": not u.comments_lost,
                "problems": [_problem(p) for p in u.problems],
            }
            for u in results
        ],
        "problems": [_problem(p) for p in problems],
        "exit_code": exit_code,
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
