"""The settlement: every figure of SPEC §2 for one case, with its intermediate steps.

:func:`settle` is a pure function of a loaded :class:`~convenant_calc.models.Case`:
no I/O, no printing. Renderers (table, JSON, reports) only read the
:class:`Settlement` it returns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from convenant_calc.core.money import ZERO
from convenant_calc.core.models import Amendment, Case, Convenant, Payment, Term
from convenant_calc.core.readings import DEFAULT, Readings
from convenant_calc.core.rules import absences as absence_rules
from convenant_calc.core.rules import funding, shortfall, staffing, subsidy
from convenant_calc.core.rules.absences import AbsenceOutcome, Window
from convenant_calc.core.rules.periods import Period, merge_reason, merged, periods
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
    period: str | None = None  # S14: the period's id when the agreement has more than one, else None
    amendments: tuple[Amendment, ...] = ()  # S14: the extension that made this period and the changes to it
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
    """Apply S2–S12 to a case whose agreement has one period (no extension), under ``readings`` of the
    agreement (S17; by default those of S1–S16). Under the reading ``extension.merged`` an agreement
    with extensions is settled as one term, so it has one settlement too.

    An agreement with extensions has a settlement per period: use :func:`settle_agreement`.
    """
    (period,) = _single(case, readings)
    return settle_period(case, period, readings=readings, pending_allowed=pending_allowed)


def _single(case: Case, readings: Readings = DEFAULT) -> tuple[Period, ...]:
    found = periods(case.convenant)
    if readings.periods_merged and merge_reason(found) is None:
        return (merged(found),)
    if len(found) != 1:
        raise ValueError(f"{case.convenant.id} has {len(found)} periods; settle it with settle_agreement")
    return found


def settle_period(
    case: Case,
    period: Period | None = None,
    *,
    readings: Readings = DEFAULT,
    windows: Mapping[int, Window] | None = None,
    period_id: str | None = None,
    pending_allowed: bool = False,
) -> Settlement:
    """Apply S2–S12 to one period of a case, on its own (S14), under ``readings`` (S17).

    ``period`` is one of :func:`~convenant_calc.core.rules.periods.periods` (default: the
    first, the agreement as signed with its changes). ``windows`` are the guaranteed-wage windows of
    the whole staffing history (S7 does not restart at a period boundary); computed here when
    not given. The payments settled are those naming this period (all of them when the
    agreement has one period). ``period_id`` is what the settlement calls the period (None
    for an agreement of one period, so that its outputs stay as they were).
    ``pending_allowed`` (S16, the interim position only): a commitment without a reported
    result is *pending* and counts as not met; otherwise it is an error. A termination (S15)
    leaves the days of the period after the agreement's end unfunded.
    """
    if period is None:
        period = periods(case.convenant)[0]
    convenant = period.convenant
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

    if windows is None:
        windows = absence_rules.guaranteed_wage_windows(
            case.staffing, convenant.absence_rules, elapsed=readings.window_elapsed
        )
    ended = (
        ending(convenant.termination, term, from_posting=readings.notice_from_posting)
        if convenant.termination is not None
        else None
    )
    unfunded_after = ended.ends if ended is not None and ended.unfunded_from is not None else None
    # S15: parts of absences after an early end do not count, as parts outside the term (S6); a period
    # that starts after the end has no funded day, so no absence counts in it.
    funded_term = term if unfunded_after is None else Term(start=term.start, end=max(term.start, unfunded_after))
    counted = unfunded_after is None or unfunded_after >= term.start
    outcomes = tuple(
        absence_rules.absence_outcome(i, a, case.staffing.absence_fte(a), windows.get(i), funded_term)
        for i, a in enumerate(case.staffing.absences)
        if counted
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
    payments = tuple(p for p in case.payments.payments if period_id is None or p.period == period_id)
    paid = subsidy.paid(p.amount for p in payments)

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
        payments=payments,
        paid=paid,
        balance=subsidy.balance(amount, paid),
        readings=readings,
        period=period_id,
        amendments=period.amendments,
        ending=ended,
    )


@dataclass(frozen=True)
class AgreementSettlement:
    """S14: every period of an agreement settled on its own, and the totals.

    Each total is the sum of the periods' rounded figures (SPEC §8), so the
    printed lines add up.
    """

    convenant: Convenant
    periods: tuple[Settlement, ...]

    @property
    def max_subsidy(self) -> Decimal:
        return sum((p.max_subsidy for p in self.periods), ZERO)

    @property
    def subsidy(self) -> Decimal:
        return sum((p.subsidy for p in self.periods), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((p.paid for p in self.periods), ZERO)

    @property
    def balance(self) -> Decimal:
        return sum((p.balance for p in self.periods), ZERO)

    @property
    def single(self) -> bool:
        return len(self.periods) == 1

    def period(self, period_id: str) -> Settlement | None:
        for p in self.periods:
            if (p.period or self.convenant.id) == period_id:
                return p
        return None

    @property
    def period_ids(self) -> tuple[str, ...]:
        return tuple(p.period or self.convenant.id for p in self.periods)


def settle_agreement(
    case: Case, readings: Readings = DEFAULT, *, pending_allowed: bool = False, only: str | None = None
) -> AgreementSettlement:
    """S14 — settle each period of the agreement on its own, with one staffing history.

    The guaranteed-wage windows and relapse chains (S7) are computed once over
    all absences; each period then counts the days of each absence that fall
    in its own term (S6), with its own daily rate (S10). An agreement without
    extensions has one period, settled exactly as :func:`settle` does.
    ``only``: settle that period alone (``--period``), as it is settled among the others; a reading
    that applies to it need not apply to the others (S17).
    """
    found = periods(case.convenant)
    if readings.periods_merged and merge_reason(found) is None:  # S17 reading extension.merged: one term
        found = (merged(found),)
    windows = absence_rules.guaranteed_wage_windows(
        case.staffing, case.convenant.absence_rules, elapsed=readings.window_elapsed
    )
    named = len(found) > 1
    return AgreementSettlement(
        convenant=case.convenant,
        periods=tuple(
            settle_period(
                case,
                p,
                readings=readings,
                windows=windows,
                period_id=p.id if named else None,
                pending_allowed=pending_allowed,
            )
            for p in found
            if only is None or (p.id if named else case.convenant.id) == only
        ),
    )


def case_of_period(case: Case, period_id: str | None) -> Case:
    """S14: the case as an agreement of its own over one period (its terms and commitments, the payments
    naming it, the whole staffing history), so that what settles a one-period case (S17's costs of each
    reading) settles one period. ``period_id`` None: the case itself (an agreement of one period)."""
    if period_id is None:
        return case
    period = next(p for p in periods(case.convenant) if p.id == period_id)
    payments = tuple(p for p in case.payments.payments if p.period == period_id)
    return case.model_copy(
        update={
            "convenant": period.convenant,
            "payments": case.payments.model_copy(update={"payments": payments}),
        }
    )
