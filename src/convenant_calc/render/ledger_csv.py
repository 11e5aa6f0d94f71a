"""The day-by-day ledger as CSV, for a spreadsheet (``convenant ledger CASE [--dialect ...]``).

One row per day of the term; FTE columns are exact decimals. The deduction of
a day is ``daily_rate × fte_short`` (S10). The daily rate is a fraction that
seldom has a finite decimal expansion (424000 / 2924 = 145.00684…), so each
money column comes twice: rounded half-up to 10 decimals, for a spreadsheet
to add, and as an exact fraction ``numerator/denominator``. The running total
is accumulated exactly; rounded to cents on the last day it is the deduction
of the settlement.

With a cost statement (S20) three columns follow: ``eligible_costs`` (the eligible costs of the
row's line and period dated that day), ``eligible_running`` (their running total: on the last day,
the eligible sum that caps the subsidy) and ``capped`` (``true`` when that sum lowered the line's
subsidy in that period, the same on each of its rows). Without a ``costs.yaml`` the ledger is
exactly as before.

Two dialects (:mod:`.csv_dialects`): ``rfc4180`` (the default: comma, decimal
point, CRLF) and ``excel-nl`` (semicolon, decimal comma, UTF-8 BOM, CRLF), which
Excel and LibreOffice in nl-BE open with a double click. The ``excel-nl`` ledger
leaves out the two exact-fraction columns: a spreadsheet cannot hold a fraction
exactly and reads some of them as dates (``1/2`` becomes 1 February).
"""

from __future__ import annotations

from fractions import Fraction

from convenant_calc.core.settlement import AgreementSettlement, Settlement
from convenant_calc.views.ledger import LedgerDay, eligible_by_day, ledger
from convenant_calc.core.models import AbsenceKind
from convenant_calc.core.money import ZERO, fmt_decimal, fmt_plain, round_half_up
from convenant_calc.render.csv_dialects import Dialect, Number, number, write

PLACES = 10

HEADER = (
    ["date", "fte_employed", "fte_guaranteed_wage"]
    + [f"fte_off_{kind.value}" for kind in AbsenceKind]
    + ["fte_replaced", "fte_on_duty", "fte_short"]
    + ["deduction", "running_total", "deduction_exact", "running_total_exact"]
)


def _dec(value: Fraction) -> str:
    return f"{round_half_up(value, PLACES):f}"


def _frac(value: Fraction) -> Number:
    return Number(str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}")


EXACT = ["deduction_exact", "running_total_exact"]
COSTS = ["eligible_costs", "eligible_running", "capped"]  # S20: only with a cost statement


def render(a: AgreementSettlement, dialect: Dialect = Dialect.rfc4180) -> str:
    """The ledger of every settlement in ``dialect``; ``excel-nl`` without the exact-fraction columns (see the
    module docstring).

    S14, S19: of an agreement of more than one settlement, the ledgers one after the other, each row led
    by its settlement's ``period``, ``line`` or both (the columns :attr:`AgreementSettlement.dimensions`
    names). Each has its own daily rate, and its running total starts again at 0: rounded to cents on
    its last day it is that settlement's deduction.
    """
    parts = [(a.key(s), ledger(s)) for s in a.settlements]
    if all(s.costs is None for s in a.settlements):
        return _render(list(a.dimensions), parts, dialect)
    costs = [_cost_cells(s, rows, dialect) for s, (_, rows) in zip(a.settlements, parts, strict=True)]
    return _render(list(a.dimensions), parts, dialect, costs)


def _cost_cells(s: Settlement, rows: list[LedgerDay], dialect: Dialect) -> list[list[str]]:
    """S20: each day's eligible costs, their running total and whether the cap applied, as cells."""
    by_day = eligible_by_day(s) or {}
    capped = "true" if s.costs is not None and s.costs.capped else "false"
    running = ZERO
    cells = []
    for r in rows:
        today = by_day.get(r.day, ZERO)
        running += today
        cells.append([number(fmt_plain(today), dialect), number(fmt_plain(running), dialect), capped])
    return cells


def _render(
    lead: list[str],
    parts: list[tuple[tuple[str, ...], list[LedgerDay]]],
    dialect: Dialect,
    costs: list[list[list[str]]] | None = None,
) -> str:
    exact = dialect is Dialect.rfc4180
    header = HEADER if exact else [name for name in HEADER if name not in EXACT]
    header = [*lead, *header, *(COSTS if costs is not None else [])]

    def n(text: str) -> str:
        return number(text, dialect)

    def line(key: tuple[str, ...], r: LedgerDay) -> list[str]:
        cells = list(key) + (
            [r.day.isoformat(), n(fmt_decimal(r.employed)), n(fmt_decimal(r.guaranteed_wage))]
            + [n(fmt_decimal(r.off_duty[kind])) for kind in AbsenceKind]
            + [
                n(fmt_decimal(r.replaced)),
                n(fmt_decimal(r.on_duty)),
                n(fmt_decimal(r.short)),
                n(_dec(r.deduction)),
                n(_dec(r.running)),
            ]
        )
        return cells + [_frac(r.deduction), _frac(r.running)] if exact else cells

    if costs is None:
        return write(header, (line(key, r) for key, rows in parts for r in rows), dialect)
    return write(
        header,
        (
            line(key, r) + extra
            for (key, rows), part in zip(parts, costs, strict=True)
            for r, extra in zip(rows, part, strict=True)
        ),
        dialect,
    )
