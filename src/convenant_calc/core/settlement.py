"""The settlement: every figure of SPEC §2 for one case, with its intermediate steps.

:func:`settle` is a pure function of a loaded :class:`~convenant_calc.models.Case`:
no I/O, no printing. Renderers (table, JSON, reports) only read the
:class:`Settlement` it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from convenant_calc.core.models import Case, Convenant, Payment, Term
from convenant_calc.core.readings import DEFAULT, Readings
from convenant_calc.core.rules import absences as absence_rules
from convenant_calc.core.rules import funding, shortfall, staffing, subsidy
from convenant_calc.core.rules.absences import AbsenceOutcome
from convenant_calc.core.rules.funding import CommitmentOutcome
from convenant_calc.core.rules.shortfall import Shortfall
from convenant_calc.core.rules.termination import Ending, ending


@dataclass(frozen=True)
class ResultFunding:
    """S3/S4: the commitments judged, and the payout."""

    commitments: tuple[CommitmentOutcome, ...]
    met: int  # k: the commitments met
    cutoff: Decimal
    payout: Decimal
    cutoff_paid: bool = True  # False under the reading results.half-not-paid (S17)

    @property
    def total(self) -> int:
        return len(self.commitments)

    @property
    def pending(self) -> tuple[str, ...]:
        """S16: the commitments without a reported result yet (only in an interim position)."""
        return tuple(c.id for c in self.commitments if c.pending)

    @property
    def below_cutoff(self) -> bool:
        """No result funding: fewer than the cutoff met (or exactly the cutoff, when it is not paid)."""
        return funding.below_cutoff(self.met, self.total, self.cutoff, cutoff_paid=self.cutoff_paid)


@dataclass(frozen=True)
class Deduction:
    """S10: the daily rate (exact), the FTE-days short, and the rounded amount.

    ``daily_rate = rate_base / (funded FTE × rate_days)``: by default the maximum
    subsidy and the days of the term; the readings of S17 may change either.
    """

    daily_rate: Fraction
    shortfall_fte_days: Decimal
    amount: Decimal
    rate_base: Decimal
    rate_days: int

    @property
    def exact(self) -> Fraction:
        return self.daily_rate * Fraction(self.shortfall_fte_days)


@dataclass(frozen=True)
class Settlement:
    convenant: Convenant
    term_days: int
    effort_pool: Decimal
    result_pool: Decimal
    results: ResultFunding
    absences: tuple[AbsenceOutcome, ...]
    staffing: Shortfall
    deduction: Deduction
    subsidy: Decimal
    payments: tuple[Payment, ...]
    paid: Decimal
    balance: Decimal
    readings: Readings = DEFAULT  # the readings of the agreement it was settled under (S17)
    ending: Ending | None = None  # S15: the agreement was terminated

    @property
    def max_subsidy(self) -> Decimal:
        return self.convenant.max_subsidy

    @property
    def direction(self) -> str:
        """S12: ``"pay"``, ``"recover"`` or ``"settled"``, the one reading of the balance's sign."""
        return subsidy.balance_direction(self.balance)

    @property
    def gross(self) -> Decimal:
        """effort_pool + payout − deduction before the floor at 0 of S11."""
        return self.effort_pool + self.results.payout - self.deduction.amount


def settle(case: Case, readings: Readings = DEFAULT, *, pending_allowed: bool = False) -> Settlement:
    """Apply S2–S12 (and S15 when the agreement was terminated) to a case, under ``readings`` of the agreement.

    ``readings`` (S17): by default those of S1–S16. ``pending_allowed`` (S16, the interim
    position only): a commitment without a reported result is *pending* and counts as not
    met; otherwise it is an error.
    """
    convenant = case.convenant
    term = convenant.term
    working = readings.days_counted == "working"

    effort_pool, result_pool = funding.pools(convenant.max_subsidy, convenant.funding)
    reported = {r.commitment: r for r in case.results.results}
    if not pending_allowed and any(c.id not in reported for c in convenant.result_commitments):
        raise ValueError("every commitment needs a reported result (S4); pending ones only with pending_allowed")
    commitments = tuple(
        funding.judge(c, reported[c.id]) if c.id in reported else funding.pending(c)
        for c in convenant.result_commitments
    )
    met = funding.count_met(commitments)
    cutoff = convenant.funding.result_cutoff
    payout = funding.result_payout(result_pool, met, len(commitments), cutoff, cutoff_paid=readings.cutoff_paid)
    results = ResultFunding(
        commitments=commitments, met=met, cutoff=cutoff, payout=payout, cutoff_paid=readings.cutoff_paid
    )

    ended = (
        ending(convenant.termination, term, from_posting=readings.notice_from_posting)
        if convenant.termination is not None
        else None
    )
    unfunded_after = ended.ends if ended is not None and ended.unfunded_from is not None else None
    # S15: parts of absences after an early end do not count, as parts outside the term (S6).
    funded_term = term if unfunded_after is None else Term(start=term.start, end=max(term.start, unfunded_after))
    outcomes = absence_rules.absence_outcomes(
        case.staffing, convenant.absence_rules, funded_term, elapsed=readings.window_elapsed
    )
    short = shortfall.shortfall(
        convenant.consultants_fte,
        term,
        staffing.baseline(convenant, case.staffing),
        [span for outcome in outcomes for span in outcome.off_duty],
        working_days_only=working,
        unfunded_after=unfunded_after,
    )

    base = effort_pool if readings.rate_base == "effort_pool" else convenant.max_subsidy
    days = subsidy.rate_days(term, yearly_basis=readings.rate_days == "365-a-year", working_days_only=working)
    rate = subsidy.daily_rate(base, convenant.consultants_fte, days)
    deduction = Deduction(rate, short.fte_days, subsidy.deduction(rate, short.fte_days), base, days)
    amount = subsidy.subsidy(effort_pool, payout, deduction.amount)
    paid = subsidy.paid(p.amount for p in case.payments.payments)

    return Settlement(
        convenant=convenant,
        term_days=term.days,
        effort_pool=effort_pool,
        result_pool=result_pool,
        results=results,
        absences=outcomes,
        staffing=short,
        deduction=deduction,
        subsidy=amount,
        payments=case.payments.payments,
        paid=paid,
        balance=subsidy.balance(amount, paid),
        readings=readings,
        ending=ended,
    )
