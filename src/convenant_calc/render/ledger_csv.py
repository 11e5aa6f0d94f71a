"""The day-by-day ledger as CSV, for a spreadsheet (``convenant ledger CASE``).

One row per day of the term; FTE columns are exact decimals. The deduction of
a day is ``daily_rate × fte_short`` (S10). The daily rate is a fraction that
seldom has a finite decimal expansion (424000 / 2924 = 145.00684…), so each
money column comes twice: rounded half-up to 10 decimals, for a spreadsheet
to add, and as an exact fraction ``numerator/denominator``. The running total
is accumulated exactly; rounded to cents on the last day it is the deduction
of the settlement.
"""

from __future__ import annotations

import csv
import io
from fractions import Fraction

from convenant_calc.views.ledger import LedgerDay
from convenant_calc.core.models import AbsenceKind
from convenant_calc.core.money import fmt_decimal, round_half_up

PLACES = 10

HEADER = (
    ["date", "fte_employed", "fte_guaranteed_wage"]
    + [f"fte_off_{kind.value}" for kind in AbsenceKind]
    + ["fte_replaced", "fte_on_duty", "fte_short"]
    + ["deduction", "running_total", "deduction_exact", "running_total_exact"]
)


def _dec(value: Fraction) -> str:
    return f"{round_half_up(value, PLACES):f}"


def _frac(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def render(rows: list[LedgerDay]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    _rows(writer, rows, [])
    return buffer.getvalue()


def render_periods(periods: list[tuple[str, list[LedgerDay]]]) -> str:
    """S14: the ledgers of the periods one after the other, each row led by its period's id.

    Each period has its own daily rate, and its running total starts again at 0:
    rounded to cents on a period's last day it is that period's deduction.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["period"] + HEADER)
    for period, rows in periods:
        _rows(writer, rows, [period])
    return buffer.getvalue()


def _rows(writer, rows: list[LedgerDay], lead: list[str]) -> None:
    for r in rows:
        writer.writerow(
            lead
            + [r.day.isoformat(), fmt_decimal(r.employed), fmt_decimal(r.guaranteed_wage)]
            + [fmt_decimal(r.off_duty[kind]) for kind in AbsenceKind]
            + [
                fmt_decimal(r.replaced),
                fmt_decimal(r.on_duty),
                fmt_decimal(r.short),
                _dec(r.deduction),
                _dec(r.running),
                _frac(r.deduction),
                _frac(r.running),
            ]
        )
