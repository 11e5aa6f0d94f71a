"""The settlement day by day and month by month: derived views an auditor adds up.

Nothing here decides anything. The rules compute the shortfall from spans of
constant staffing (:class:`~convenant_calc.rules.shortfall.StaffingPiece`);
this module only spreads those spans out over days and months, so that the
same total can be found by adding a column in a spreadsheet:

- :func:`ledger` — one row per day of the term: FTE employed, FTE absent on
  the guaranteed wage, FTE off duty by cause, FTE replaced, FTE on duty, FTE
  short, and the day's deduction, exact and as a running total (S9, S10).
- :func:`months` — one row per calendar month: FTE-days short and the
  deduction, rounded so that the months add up to the rounded deduction.
- :func:`eligible_by_day` — with a cost statement (S20), the eligible costs of
  the settlement's line and period by the day they are dated, which add up to
  the ``eligible`` sum that caps its subsidy.

Month rounding (S1 rounds once, at the total): the deduction of a month is
``round(cumulative exact deduction at the month's end) − round(cumulative
exact deduction at the previous month's end)``, each rounded half-up to cents.
The months' amounts then add up to ``round(total exact deduction)``, which is
the deduction of S10, to the cent; no month is off by more than one cent from
its own exact share.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from convenant_calc.core.models import AbsenceKind, day_range
from convenant_calc.core.money import D, ZERO as NO_MONEY, round_cents
from convenant_calc.core.settlement import Settlement
from convenant_calc.core.spans import Span, sweep

ZERO = D(0)  # FTE and FTE-days; NO_MONEY for amounts


@dataclass(frozen=True)
class LedgerDay:
    """One day of the term (S5–S10)."""

    day: date
    employed: Decimal  # S5 baseline
    guaranteed_wage: Decimal  # absent FTE covered by the guaranteed wage (counted on duty, S7)
    off_duty: dict[AbsenceKind, Decimal]  # uncovered, unreplaced absent FTE by kind (S6, S8)
    replaced: Decimal  # absent FTE replaced on an uncovered day (S8)
    on_duty: Decimal  # employed − Σ off_duty (S9)
    short: Decimal  # max(0, funded − on_duty) (S9)
    deduction: Fraction  # daily_rate × short, exact (S10)
    running: Fraction  # Σ deduction up to and including this day, exact


def _series(s: Settlement) -> dict[str, list[Span]]:
    """Every per-day quantity of the ledger as named spans, straight from the settlement."""
    series: dict[str, list[Span]] = {
        "employed": [Span(p.first, p.last, p.employed) for p in s.staffing.pieces],
        "short": [Span(p.first, p.last, p.short) for p in s.staffing.pieces],
        "off": [Span(p.first, p.last, p.off_duty) for p in s.staffing.pieces],
        "guaranteed_wage": [],
        "replaced": [],
    }
    for kind in AbsenceKind:
        series[kind.value] = []
    for a in s.in_term:  # an absence without a day in the term is neither covered, replaced nor off duty in it
        if a.covered is not None:
            series["guaranteed_wage"].append(Span(a.covered[0], a.covered[1], a.fte))
        series["replaced"].extend(a.replaced)
        series[a.kind.value].extend(a.off_duty)
    return series


def ledger(s: Settlement) -> list[LedgerDay]:
    """S9/S10 day by day: the rows add up to ``shortfall_fte_days`` and to the exact deduction."""
    term = s.convenant.term
    rate = s.deduction.per_day
    rows: list[LedgerDay] = []
    running = Fraction(0)
    for first, last, v in sweep(_series(s), term.start, term.end):
        off = {kind: v[kind.value] for kind in AbsenceKind}
        if sum(off.values(), ZERO) != v["off"]:  # the causes add up to the settlement's off-duty FTE
            raise ArithmeticError(f"{first}: the off-duty FTE by kind do not add up to {v['off']}")
        for day in day_range(first, last):
            deduction = rate * Fraction(v["short"])
            running += deduction
            rows.append(
                LedgerDay(
                    day=day,
                    employed=v["employed"],
                    guaranteed_wage=v["guaranteed_wage"],
                    off_duty=off,
                    replaced=v["replaced"],
                    on_duty=v["employed"] - v["off"],
                    short=v["short"],
                    deduction=deduction,
                    running=running,
                )
            )
    return rows


@dataclass(frozen=True)
class Month:
    """One calendar month of the term (or the part of it inside the term)."""

    year: int
    month: int
    days: int  # days of the month inside the term
    vacancy_fte_days: Decimal
    absence_fte_days: Decimal  # uncovered, unreplaced absent FTE-days (before absorption)
    short_fte_days: Decimal
    cumulative_fte_days: Decimal
    exact: Fraction  # daily_rate × short_fte_days
    cumulative: Decimal  # round(cumulative exact deduction), cents
    deduction: Decimal  # cumulative − previous cumulative, cents


def months(s: Settlement) -> list[Month]:
    """The shortfall and deduction per calendar month; the deductions add up to S10's amount.

    Each month's deduction is the difference of the rounded cumulative exact
    deductions (see the module docstring), so Σ months = round(Σ exact) =
    ``deduction.amount``.
    """
    rate = s.deduction.per_day
    buckets: dict[tuple[int, int], list[Decimal | int]] = {}
    for p in s.staffing.pieces:
        for day in day_range(p.first, p.last):
            b = buckets.setdefault((day.year, day.month), [0, ZERO, ZERO, ZERO])
            b[0] += 1
            b[1] += p.vacancy
            b[2] += p.off_duty if p.counted else ZERO  # a day reading days.working does not count (S17)
            b[3] += p.short
    result: list[Month] = []
    cumulative_days = ZERO
    previous = NO_MONEY
    for (year, month), (days, vacancy, absent, short) in sorted(buckets.items()):
        cumulative_days += short
        cumulative = round_cents(rate * Fraction(cumulative_days))
        result.append(
            Month(
                year=year,
                month=month,
                days=days,
                vacancy_fte_days=vacancy,
                absence_fte_days=absent,
                short_fte_days=short,
                cumulative_fte_days=cumulative_days,
                exact=rate * Fraction(short),
                cumulative=cumulative,
                deduction=cumulative - previous,
            )
        )
        previous = cumulative
    if cumulative_days != s.deduction.shortfall_fte_days or previous != s.deduction.amount:
        raise ArithmeticError(
            f"the months add up to {cumulative_days} FTE-days and {previous}, "
            f"not {s.deduction.shortfall_fte_days} and {s.deduction.amount} (S9, S10)"
        )
    return result


def kind_fte_days(s: Settlement) -> dict[AbsenceKind, Decimal]:
    """Uncovered, unreplaced FTE-days by kind of absence (S6–S8), kinds without any left out.

    Under the reading days.working (S17) only the FTE-days on working days are counted.
    """
    working = s.readings.days_counted == "working"
    by_kind: dict[AbsenceKind, Decimal] = {}
    for a in s.in_term:  # only these have FTE-days off duty in the term
        days = a.short_fte_days_on_working_days if working else a.short_fte_days
        if days:
            by_kind[a.kind] = by_kind.get(a.kind, ZERO) + days
    return {kind: by_kind[kind] for kind in AbsenceKind if kind in by_kind}


def eligible_by_day(s: Settlement) -> dict[date, Decimal] | None:
    """S20: the eligible costs of the settlement's line and period, summed by the day each is dated.

    None without a cost statement. An eligible cost is dated within its period (a cost outside
    every period is ineligible), so every day is a day of the term, and the days add up to
    ``s.costs.eligible``, the sum that caps the subsidy (``min(subsidy_L,P, eligible_L,P)``).
    """
    if s.costs is None:
        return None
    by_day: dict[date, Decimal] = {}
    for v in s.costs.items:
        if v.eligible:
            by_day[v.cost.date] = by_day.get(v.cost.date, NO_MONEY) + v.cost.amount
    if sum(by_day.values(), NO_MONEY) != s.costs.eligible:
        raise ArithmeticError(f"the eligible costs by day do not add up to {s.costs.eligible} (S20)")
    return by_day
