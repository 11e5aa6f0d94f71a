"""A generation at once (SPEC §12, S18): one row per agreement and the totals.

Pure: takes settled agreements (and the cases that could not be settled, with
their problems) and returns the overview every renderer lays out (terminal
table, JSON, CSV, xlsx, HTML). No I/O, no printing.

The totals are sums of the rounded figures of the rows (S1: "totals are sums of
the rounded per-agreement figures"), so the printed column adds up to the
printed total; FTE-days and result counts are summed exactly. An agreement with
extension periods (S14) or addenda (S19) is one row: each figure the sum of its
settlements' rounded figures, as its ``convenant-settlement/2`` or ``/3`` total is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from convenant_calc.core.money import D, ZERO
from convenant_calc.core.settlement import AgreementSettlement
from convenant_calc.io.problems import Problem

#: The money columns of a row and of the totals, in the order of SPEC §12.
MONEY = ("max_subsidy", "effort_pool", "payout", "deduction", "subsidy", "paid", "balance")


@dataclass(frozen=True)
class Row:
    """One settled agreement: the figures of its settlement, already rounded (S2–S12)."""

    case: str  # the case directory, relative to the generation directory
    id: str
    title: str
    max_subsidy: Decimal
    effort_pool: Decimal
    payout: Decimal
    deduction: Decimal
    subsidy: Decimal
    paid: Decimal
    balance: Decimal
    shortfall_fte_days: Decimal
    achieved: int
    total: int
    periods: int = 1  # S14: the agreement's periods, each settled on its own and added up here
    lines: int = 1  # S19: the agreement's funding lines (the main line and its addenda), added up here
    costs: bool = False  # S20: the case has a cost statement (its subsidy is capped); without one, a ceiling

    def money(self) -> tuple[Decimal, ...]:
        return tuple(getattr(self, name) for name in MONEY)


@dataclass(frozen=True)
class Failure:
    """A case that could not be settled, with every problem as ``settle`` reports it."""

    case: str
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.warning)


@dataclass(frozen=True)
class Totals:
    """The sums of the rows' rounded figures (failed cases count nowhere but in ``failed``)."""

    agreements: int
    failed: int
    max_subsidy: Decimal
    effort_pool: Decimal
    payout: Decimal
    deduction: Decimal
    subsidy: Decimal
    paid: Decimal
    balance: Decimal
    shortfall_fte_days: Decimal
    achieved: int
    total: int
    costs: int = 0  # S20: how many agreements have a cost statement

    def money(self) -> tuple[Decimal, ...]:
        return tuple(getattr(self, name) for name in MONEY)


@dataclass(frozen=True)
class Generation:
    """The overview: every case in the order settled (a :class:`Row` or a :class:`Failure`), and the totals."""

    entries: tuple[Row | Failure, ...]
    totals: Totals

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(e for e in self.entries if isinstance(e, Row))

    @property
    def failures(self) -> tuple[Failure, ...]:
        return tuple(e for e in self.entries if isinstance(e, Failure))


def row(case: str, settled: AgreementSettlement) -> Row:
    """The overview row of one agreement: the same rounded figures as its JSON (SPEC §4).

    With several periods (S14) or lines (S19) each figure is the sum of the settlements' rounded
    figures, the FTE-days short and the commitments (met and in all) of every one added up.
    """
    parts = settled.settlements

    def add(figure) -> Decimal:
        return sum((figure(p) for p in parts), ZERO)

    return Row(
        case=case,
        id=settled.convenant.id,
        title=settled.convenant.title,
        max_subsidy=add(lambda p: p.max_subsidy),
        effort_pool=add(lambda p: p.effort_pool),
        payout=add(lambda p: p.results.payout),
        deduction=add(lambda p: p.deduction.amount),
        subsidy=add(lambda p: p.subsidy),
        paid=add(lambda p: p.paid),
        balance=add(lambda p: p.balance),
        shortfall_fte_days=sum((p.deduction.shortfall_fte_days for p in parts), D(0)),
        achieved=sum(p.results.met for p in parts),
        total=sum(p.results.total for p in parts),
        periods=len(settled.period_ids),
        lines=len(settled.line_ids),
        costs=parts[0].costs is not None,
    )


def totals(entries: Iterable[Row | Failure]) -> Totals:
    """S18 totals: each money figure the sum of the rows' rounded figures; exact sums of FTE-days and counts."""
    entries = list(entries)
    rows = [e for e in entries if isinstance(e, Row)]

    def add(name: str) -> Decimal:
        return sum((getattr(r, name) for r in rows), ZERO)

    return Totals(
        agreements=len(rows),
        failed=len(entries) - len(rows),
        **{name: add(name) for name in MONEY},
        shortfall_fte_days=sum((r.shortfall_fte_days for r in rows), D(0)),
        achieved=sum(r.achieved for r in rows),
        total=sum(r.total for r in rows),
        costs=sum(r.costs for r in rows),
    )


def generation(entries: Sequence[Row | Failure]) -> Generation:
    return Generation(tuple(entries), totals(entries))
