"""The settlement: every figure of SPEC §2 for one case, with its intermediate steps.

One shape whatever the case holds. :func:`settle_agreement` is a pure function of a loaded
:class:`~convenant_calc.models.Case` (no I/O, no printing) returning an
:class:`AgreementSettlement`: one :class:`Settlement` per (period, funding line) that has a
budget in that period (S14, S19), ordered by period then line, and the totals by period, by
line and overall, each the sum of the rounded figures it adds up. A selection (``--period``,
``--line``) is a smaller :class:`AgreementSettlement` (:meth:`AgreementSettlement.select`), so
every renderer takes the same type whatever the counts; the JSON schemas ``/1``, ``/2`` and
``/3`` are views chosen at the JSON edge (``render/json.py``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING

from convenant_calc.core.records import record
from convenant_calc.core.money import ZERO
from convenant_calc.core.models import Amendment, Case, Convenant, Funding, Payment, Result, Staffing, Term
from convenant_calc.core.readings import DEFAULT, Readings
from convenant_calc.core.rules import absences as absence_rules
from convenant_calc.core.rules import funding, shortfall, staffing, subsidy
from convenant_calc.core.rules import costs as cost_rules
from convenant_calc.core.rules.absences import AbsenceOutcome, Window
from convenant_calc.core.rules.costs import CostStatement, Verdict
from convenant_calc.core.rules.lines import Budget, budgets, line_factor, line_outcome
from convenant_calc.core.rules.periods import Period, merge_reason, merged, periods
from convenant_calc.core.rules.funding import CommitmentOutcome
from convenant_calc.core.rules.shortfall import Shortfall

if TYPE_CHECKING:  # a settlement without a termination never imports S15's module (start-up time, issue 23)
    from convenant_calc.core.rules.termination import Ending


@record
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
        """No result funding: fewer than the cutoff met (or exactly the cutoff, when it is not paid).

        A line without commitments (S19: no result funding) is not below the cutoff: it has none.
        """
        if not self.total:
            return False
        return funding.below_cutoff(self.met, self.total, self.cutoff, cutoff_paid=self.cutoff_paid)


@record
class Deduction:
    """S10: the daily rate (exact), the FTE-days short, and the rounded amount.

    ``daily_rate = rate_base / (funded FTE × rate_days)``: by default the line's consultant
    funding (the maximum subsidy for the main line) and the days of the term; the readings of
    S17 may change either. S19: a line that funds no consultant has no daily rate (None) and no
    deduction.
    """

    daily_rate: Fraction | None
    shortfall_fte_days: Decimal
    amount: Decimal
    rate_base: Decimal
    rate_days: int

    @property
    def per_day(self) -> Fraction:
        """The daily rate to multiply by (0 for a line without one, S19)."""
        return self.daily_rate if self.daily_rate is not None else Fraction(0)

    @property
    def exact(self) -> Fraction:
        return self.per_day * Fraction(self.shortfall_fte_days)


@record
class Settlement:
    """S2–S12 for one funding line in one period (S14, S19), with every intermediate figure.

    ``convenant`` is the period's agreement (its term, absence rules, termination and
    references); ``budget`` the line's budget in that period (its maximum, funded FTE,
    consultant funding, funding split and commitments). ``period`` and ``line`` name the period
    and the line when the agreement has more than one of them (None otherwise, so that the
    outputs of an agreement of one period and one line stay as they were); ``budget.period`` and
    ``budget.line`` are always the ids.
    """

    convenant: Convenant
    term_days: int
    effort_pool: Decimal
    result_pool: Decimal
    results: ResultFunding
    in_term: tuple[AbsenceOutcome, ...]  # the absences with a day in the (funded) term, as they count in the line
    staffing: Shortfall
    deduction: Deduction
    subsidy: Decimal
    payments: tuple[Payment, ...]
    paid: Decimal
    balance: Decimal
    budget: Budget
    period: str | None = None  # S14: the period's id when the agreement has more than one, else None
    line: str | None = None  # S19: the line's id when the agreement has more than one, else None
    amendments: tuple[Amendment, ...] = ()  # S14: the extension that made this period and the changes to this line
    readings: Readings = DEFAULT  # the readings of the agreement it was settled under (S17)
    ending: Ending | None = None  # S15: the agreement was terminated
    costs: CostStatement | None = None  # S20: the cost statement of this line and period; None without costs.yaml
    outside: OutsideTerm | None = None  # the agreement's absences as they stand outside a term (listed, not counted)

    @cached_property
    def absences(self) -> tuple[AbsenceOutcome, ...]:
        """Every absence of the staffing history as it counts in this line and period, in file order.

        Those with a day in the term are :attr:`in_term`; the others count no day here (S6: "Parts
        outside the term do not count") and are listed as such (the workbook lists them all in every
        period), taken from the agreement's :class:`OutsideTerm` when asked for. A period after an
        early end (S15) lists none.
        """
        if self.outside is None:
            return self.in_term
        inside = {o.index: o for o in self.in_term}
        return tuple(inside.get(o.index, o) for o in self.outside.in_line(self.budget))

    @property
    def ceiling(self) -> Decimal:
        """S20: the S11 subsidy before the cap of the eligible costs (the subsidy itself without costs.yaml)."""
        return self.costs.ceiling if self.costs is not None else self.subsidy

    @property
    def max_subsidy(self) -> Decimal:
        return self.budget.max_subsidy

    @property
    def funded_fte(self) -> Decimal:
        """The FTE of consultants this line funds in this period (S10, S19)."""
        return self.budget.consultants_fte

    @property
    def funding(self) -> Funding:
        return self.budget.funding

    @property
    def direction(self) -> str:
        """S12: ``"pay"``, ``"recover"`` or ``"settled"``, the one reading of the balance's sign."""
        return subsidy.balance_direction(self.balance)

    @property
    def gross(self) -> Decimal:
        """effort_pool + payout − deduction before the floor at 0 of S11."""
        return self.effort_pool + self.results.payout - self.deduction.amount


@dataclass(frozen=True)
class OutsideTerm:
    """S6, S19 — an agreement's absences as they stand in a term that holds none of their days.

    S6: "Parts outside the term do not count": such an absence takes nothing off duty, so it stands
    the same in every period that misses it, and in a line the same in every such period (S19: its
    part in a line follows the consultant's assignment, not the period). A period's settlement
    works out only the absences with a day in its term and takes the others from here, each line's
    once per agreement and only when they are listed (issue 23: otherwise every period would work
    out every absence, periods × absences).
    """

    staffing: Staffing
    windows: Mapping[int, Window] = field(compare=False, repr=False)
    _whole: list[AbsenceOutcome] = field(default_factory=list, compare=False, repr=False)
    _lines: dict[tuple[str, bool], tuple[AbsenceOutcome, ...]] = field(default_factory=dict, compare=False, repr=False)

    def in_line(self, budget: Budget) -> tuple[AbsenceOutcome, ...]:
        """Every absence of the staffing history as it stands outside a term in ``budget``'s line, in file
        order; those of consultants who do not work for the line left out (S19)."""
        key = (budget.line, budget.main)
        if key not in self._lines:
            if not self._whole:
                self._whole.extend(
                    absence_rules.outside_outcome(i, a, self.staffing.absence_fte(a), self.windows.get(i))
                    for i, a in enumerate(self.staffing.absences)
                )
            shares = {c: line_factor(self.staffing, c, budget) for c in {o.consultant for o in self._whole}}
            self._lines[key] = tuple(line_outcome(o, shares[o.consultant]) for o in self._whole if shares[o.consultant])
        return self._lines[key]


def settle(case: Case, readings: Readings = DEFAULT, *, pending_allowed: bool = False) -> Settlement:
    """The one settlement of a case whose agreement has one period and one line (S2–S12), under
    ``readings`` (S17). Under the reading ``extension.merged`` an agreement with extensions is
    settled as one term, so it has one settlement too.

    An agreement with extensions or addenda has a settlement per period and line: use
    :func:`settle_agreement`.
    """
    agreement = settle_agreement(case, readings, pending_allowed=pending_allowed)
    only = agreement.only
    if only is None:
        raise ValueError(
            f"{case.convenant.id} has {len(agreement.settlements)} settlements (periods and lines); "
            "settle it with settle_agreement"
        )
    return only


def settle_part(
    case: Case,
    period: Period,
    budget: Budget,
    outcomes: tuple[AbsenceOutcome, ...],
    ended: Ending | None,
    reported: Mapping[str, Result],
    payments: tuple[Payment, ...],
    *,
    readings: Readings = DEFAULT,
    period_named: bool = False,
    line_named: bool = False,
    pending_allowed: bool = False,
    cost_items: tuple[Verdict, ...] | None = None,
    outside: OutsideTerm | None = None,
) -> Settlement:
    """Apply S2–S12 to one funding line in one period, on its own (S14, S19), under ``readings`` (S17).

    ``outcomes`` are the absences of the staffing history with a day in this period's funded term
    (S6–S8, their guaranteed-wage windows computed once over all absences: S7 does not restart at
    a period boundary); the part of each that counts in this line is taken here (S19). ``outside``
    lists the others (:class:`OutsideTerm`; None: none are listed). ``reported``: the results by
    commitment. ``payments``: those this part settles, the ones naming this period (all of them
    when the agreement has one period) and this line (S19: "a payment may name ``line: <id>``
    (default the main line)"), as :func:`_payments_by_part` sorts them.
    ``pending_allowed`` (S16, the interim position only): a commitment without a reported
    result is *pending* and counts as not met; otherwise it is an error. A termination (S15)
    leaves the days of the period after the agreement's end unfunded, in every line.
    ``cost_items`` (S20): the costs listed under this line and period, None without a costs.yaml;
    with them the subsidy is capped at the eligible costs (not under ``costs.not-capped``).
    """
    convenant = period.convenant
    term = convenant.term
    working = readings.days_counted == "working"

    effort_pool, result_pool = funding.pools(budget.max_subsidy, budget.funding)
    if not pending_allowed and any(c.id not in reported for c in budget.result_commitments):
        raise ValueError("every commitment needs a reported result (S4); pending ones only with pending_allowed")
    commitments = tuple(
        funding.judge(c, reported[c.id]) if c.id in reported else funding.pending(c) for c in budget.result_commitments
    )
    met = funding.count_met(commitments)
    cutoff = budget.funding.result_cutoff
    payout = funding.result_payout(result_pool, met, len(commitments), cutoff, cutoff_paid=readings.cutoff_paid)
    results = ResultFunding(
        commitments=commitments, met=met, cutoff=cutoff, payout=payout, cutoff_paid=readings.cutoff_paid
    )

    unfunded_after = ended.ends if ended is not None and ended.unfunded_from is not None else None
    shares = {c: line_factor(case.staffing, c, budget) for c in {o.consultant for o in outcomes}}  # once a consultant
    if all(share == 1 for share in shares.values()):  # each absence counts whole (line_outcome: as it is)
        counted = outcomes
    else:
        counted = tuple(line_outcome(o, shares[o.consultant]) for o in outcomes if shares[o.consultant])  # S19
    short = shortfall.shortfall(
        budget.consultants_fte,
        term,
        staffing.baseline(term, budget.consultants_fte, case.staffing, budget.line, budget.main),
        [span for outcome in counted for span in outcome.off_duty],
        working_days_only=working,
        unfunded_after=unfunded_after,
    )

    base = subsidy.rate_base(
        budget.consultant_funding,
        budget.max_subsidy,
        effort_pool,
        budget.funding.effort_share,
        effort_basis=readings.rate_base == "effort_pool",
    )
    days = subsidy.rate_days(term, yearly_basis=readings.rate_days == "365-a-year", working_days_only=working)
    if budget.funds_consultants:
        rate: Fraction | None = subsidy.daily_rate(base, budget.consultants_fte, days)
        deduction = Deduction(rate, short.fte_days, subsidy.deduction(rate, short.fte_days), base, days)
    else:  # S19: "A line with consultants_fte: 0 has no deduction"
        deduction = Deduction(None, short.fte_days, ZERO, base, days)
    amount = subsidy.subsidy(effort_pool, payout, deduction.amount)
    statement = None
    if cost_items is not None:
        statement = cost_rules.statement(cost_items, amount, cap=readings.costs_capped)
        amount = statement.subsidy
    paid = subsidy.paid(p.amount for p in payments)

    return Settlement(
        convenant=convenant,
        term_days=term.days,
        effort_pool=effort_pool,
        result_pool=result_pool,
        results=results,
        in_term=counted,
        staffing=short,
        deduction=deduction,
        subsidy=amount,
        payments=payments,
        paid=paid,
        balance=subsidy.balance(amount, paid),
        budget=budget,
        readings=readings,
        period=period.id if period_named else None,
        line=budget.line if line_named else None,
        amendments=budget.amendments,
        ending=ended,
        costs=statement,
        outside=outside,
    )


def _payments_by_part(case: Case, period_named: bool) -> dict[tuple[str | None, str], tuple[Payment, ...]]:
    """The payments by (period, line) they settle, in file order: S14, a payment names its period when the
    agreement has several (the key's period is None otherwise); S19, "a payment may name ``line: <id>``
    (default the main line)"."""
    found: dict[tuple[str | None, str], list[Payment]] = {}
    for p in case.payments.payments:
        found.setdefault((p.period if period_named else None, p.line or case.convenant.id), []).append(p)
    return {key: tuple(ps) for key, ps in found.items()}


def funded_term(period: Period, readings: Readings = DEFAULT) -> tuple[Term | None, Ending | None]:
    """S15 — the part of ``period``'s term the agreement funds, and its early end as it falls in the period.

    Parts of absences after an early end do not count, as parts outside the term (S6); a period
    that starts after the end has no funded day (None).
    """
    convenant = period.convenant
    term = convenant.term
    if convenant.termination is not None:
        from convenant_calc.core.rules.termination import ending
    ended = (
        ending(convenant.termination, term, from_posting=readings.notice_from_posting)
        if convenant.termination is not None
        else None
    )
    unfunded_after = ended.ends if ended is not None and ended.unfunded_from is not None else None
    if unfunded_after is None:
        return term, ended
    if unfunded_after < term.start:
        return None, ended
    return Term(start=term.start, end=max(term.start, unfunded_after)), ended


def period_outcomes(
    case: Case,
    funded: Term | None,
    windows: Mapping[int, Window],
    indexes: Sequence[int] | None = None,
) -> tuple[AbsenceOutcome, ...]:
    """S6–S8, S15 — the absences with a day in a period's ``funded`` term (:func:`funded_term`), as they
    count there (whole, before their part in a line), in file order.

    S6: "Parts outside the term do not count": an absence without a day in the term counts nothing
    (:class:`OutsideTerm` lists it). S15: parts of absences after an early end do not count, as parts
    outside the term; a period that starts after the end has no funded day, so no absence counts in it.
    ``indexes``: the absences that may have a day in the term, in file order (default: every absence),
    so that an agreement of many periods need not look at every absence in every period (issue 23).
    """
    if funded is None:
        return ()
    absences = case.staffing.absences
    first, last = funded.start, funded.end
    return tuple(
        absence_rules.absence_outcome(i, absences[i], case.staffing.absence_fte(absences[i]), windows.get(i), funded)
        for i in (range(len(absences)) if indexes is None else indexes)
        if absences[i].from_ <= last and absences[i].to >= first
    )


def absences_by_term(case: Case, terms: Sequence[Term | None]) -> list[list[int]] | None:
    """The indexes of the absences with a day in each term (None: no term), in file order, by bisection.

    For terms in order without overlap, as an agreement's periods are (S14: "an extension starts
    the day after" the previous period), each absence is looked up once: the work grows with the
    absences and the periods, not with their product (issue 23). None for terms in any other
    order: then each term looks at every absence.
    """
    live = [(k, t) for k, t in enumerate(terms) if t is not None]
    if any(later.start <= earlier.end for (_, earlier), (_, later) in zip(live, live[1:])):
        return None
    starts = [t.start for _, t in live]
    ends = [t.end for _, t in live]
    found: list[list[int]] = [[] for _ in terms]
    for i, a in enumerate(case.staffing.absences):
        for j in range(bisect_left(ends, a.from_), bisect_right(starts, a.to)):
            found[live[j][0]].append(i)
    return found


@record
class Total:
    """A sum of rounded figures (SPEC §8, S19): of a period's lines, of a line's periods, or of everything.

    ``key`` is the period's or the line's id ("" for the agreement's total), ``title`` the line's
    title ("" for a period or the total); ``first`` and ``last`` the days it spans and ``days``
    the days of its periods.
    """

    key: str
    title: str
    max_subsidy: Decimal
    subsidy: Decimal
    paid: Decimal
    balance: Decimal
    first: date
    last: date
    days: int


def _total(key: str, title: str, parts: tuple[Settlement, ...]) -> Total:
    def add(figure: str) -> Decimal:
        return sum((getattr(p, figure) for p in parts), ZERO)

    terms = {p.budget.period: p.convenant.term for p in parts}
    return Total(
        key=key,
        title=title,
        max_subsidy=add("max_subsidy"),
        subsidy=add("subsidy"),
        paid=add("paid"),
        balance=add("balance"),
        first=min(t.start for t in terms.values()),
        last=max(t.end for t in terms.values()),
        days=sum(t.days for t in terms.values()),
    )


@record
class AgreementSettlement:
    """S14, S19: every (period, line) of an agreement settled on its own, and the totals.

    ``settlements`` holds one settlement per period and line that has a budget in that period,
    "ordered by period then line (main line first, then addenda as listed)". Each total is the
    sum of the rounded figures it adds up (SPEC §8, §13), so the printed lines add up. A
    selection (:meth:`select`) is an agreement settlement of the same type.
    """

    convenant: Convenant
    settlements: tuple[Settlement, ...]

    @property
    def period_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.budget.period for s in self.settlements))

    @property
    def lines(self) -> tuple[tuple[str, str], ...]:
        """The lines settled, ``(id, title)``, main line first, then the addenda as listed."""
        return tuple(dict.fromkeys((s.budget.line, s.budget.title) for s in self.settlements))

    @property
    def line_ids(self) -> tuple[str, ...]:
        return tuple(line for line, _ in self.lines)

    @property
    def by_period(self) -> tuple[Total, ...]:
        """Each period's total over its lines."""
        return tuple(
            _total(pid, "", tuple(s for s in self.settlements if s.budget.period == pid)) for pid in self.period_ids
        )

    @property
    def by_line(self) -> tuple[Total, ...]:
        """Each line's total over its periods."""
        return tuple(
            _total(line, title, tuple(s for s in self.settlements if s.budget.line == line))
            for line, title in self.lines
        )

    @property
    def total(self) -> Total:
        return _total("", "", self.settlements)

    @property
    def max_subsidy(self) -> Decimal:
        return self.total.max_subsidy

    @property
    def subsidy(self) -> Decimal:
        return self.total.subsidy

    @property
    def paid(self) -> Decimal:
        return self.total.paid

    @property
    def balance(self) -> Decimal:
        return self.total.balance

    @property
    def only(self) -> Settlement | None:
        """The settlement, when there is exactly one (one period and one line): it prints as always."""
        return self.settlements[0] if len(self.settlements) == 1 else None

    @property
    def dimensions(self) -> tuple[str, ...]:
        """What the settlements differ in: ``("period",)``, ``("line",)``, both or neither, in that order."""
        return tuple(
            name for name, ids in (("period", self.period_ids), ("line", self.line_ids)) if len(ids) > 1
        )

    def key(self, s: Settlement) -> tuple[str, ...]:
        """The ids that tell ``s`` apart from the other settlements: along :attr:`dimensions`."""
        return tuple(s.budget.period if name == "period" else s.budget.line for name in self.dimensions)

    def select(self, period: str | None = None, line: str | None = None) -> AgreementSettlement:
        """The settlements of one period, one line, or both (``None``: all), as an agreement settlement.

        Empty when nothing matches; :func:`selection_problem` says why before a command selects.
        """
        return AgreementSettlement(
            self.convenant,
            tuple(
                s
                for s in self.settlements
                if (period is None or s.budget.period == period) and (line is None or s.budget.line == line)
            ),
        )


def settle_agreement(
    case: Case, readings: Readings = DEFAULT, *, pending_allowed: bool = False, only: str | None = None
) -> AgreementSettlement:
    """S14, S19 — settle each line of each period of the agreement on its own, with one staffing history.

    The guaranteed-wage windows and relapse chains (S7) are computed once over
    all absences; each period then counts the days of each absence that fall
    in its own term (S6), and each line the part of it that works for the line (S19), with
    its own daily rate (S10). An agreement without extensions or addenda has one period and
    one line, settled exactly as before.
    ``only``: settle that period alone (``--period``), as it is settled among the others; a reading
    that applies to it need not apply to the others (S17).
    """
    found = periods(case.convenant)
    if readings.periods_merged and merge_reason(found) is None:  # S17 reading extension.merged: one term
        found = (merged(found),)
    windows = absence_rules.guaranteed_wage_windows(
        case.staffing,
        case.convenant.absence_rules,
        elapsed=readings.window_elapsed,
        relapse_on_chain=readings.relapse_on_chain,
    )
    lines_of = [budgets(p) for p in found]  # each period's lines, made once
    lines = {line.line for period_lines in lines_of for line in period_lines}
    period_named = len(found) > 1
    judged = judged_costs(case, found, readings)
    costs: dict[tuple[str, str], list[Verdict]] = {}
    for v in judged or ():
        costs.setdefault((v.period, v.line), []).append(v)
    reported = {r.commitment: r for r in case.results.results}
    payments = _payments_by_part(case, period_named)
    outside = OutsideTerm(case.staffing, windows)
    terms = [funded_term(p, readings) for p in found]  # S15: (None after an early end, the end as it falls)
    # the absences each period looks at; one period looks at every absence (no bisection needed)
    touching = absences_by_term(case, [funded for funded, _ in terms]) if len(found) > 1 else None
    settlements = []
    for k, p in enumerate(found):
        if only is not None and p.id != only:
            continue
        funded, ended = terms[k]
        outcomes = period_outcomes(case, funded, windows, None if touching is None else touching[k])
        for budget in lines_of[k]:
            settlements.append(
                settle_part(
                    case,
                    p,
                    budget,
                    outcomes,
                    ended,
                    reported,
                    payments.get((p.id if period_named else None, budget.line), ()),
                    readings=readings,
                    period_named=period_named,
                    line_named=len(lines) > 1,
                    pending_allowed=pending_allowed,
                    cost_items=None if judged is None else tuple(costs.get((p.id, budget.line), ())),
                    outside=None if funded is None else outside,  # a period after the end lists no absence
                )
            )
    return AgreementSettlement(case.convenant, tuple(settlements))


def judged_costs(case: Case, found: tuple[Period, ...], readings: Readings = DEFAULT) -> tuple[Verdict, ...] | None:
    """S20: every cost of the case's cost statement judged (eligible or why not), None without one."""
    if case.costs is None:
        return None
    end = cost_rules.early_end(case.convenant, found, from_posting=readings.notice_from_posting)
    return cost_rules.verdicts(case.convenant, found, case.costs.costs, end)


def selection_problem(a: AgreementSettlement, period: str | None, line: str | None) -> str | None:
    """Why ``--period``/``--line`` select nothing of ``a`` (an unknown id, or a line without a budget in
    the period, S19), or None when they select something."""
    from convenant_calc.core.text import quoted

    def unknown(what: str, given: str, ids: tuple[str, ...]) -> str:
        from difflib import get_close_matches

        hint = get_close_matches(given, list(ids), n=1, cutoff=0.6)
        guess = f"did you mean {quoted(hint[0])}? " if hint else ""
        return (
            f"--{what} {quoted(given)}: {a.convenant.id} has no {what} {quoted(given)}; "
            f"{guess}its {what}s are {', '.join(ids)}"
        )

    if period is not None and period not in a.period_ids:
        return unknown("period", period, a.period_ids)
    if line is not None and line not in a.line_ids:
        return unknown("line", line, a.line_ids)
    if not a.select(period, line).settlements:
        return f"--line {quoted(line)}: the line has no budget in period {quoted(period)} (S19); drop --period or --line"
    return None


def case_of_period(case: Case, period_id: str | None) -> Case:
    """S14: the case as an agreement of its own over one period (its terms, lines and commitments, the
    payments naming it, the whole staffing history), so that what settles a one-period case (S17's
    costs of each reading) settles one period. ``period_id`` None: the case itself."""
    if period_id is None:
        return case
    found = periods(case.convenant)
    if len(found) == 1:
        return case
    period = next(p for p in found if p.id == period_id)
    payments = tuple(
        p.model_copy(update={"period": None}) for p in case.payments.payments if p.period == period_id
    )
    return case.model_copy(
        update={
            "convenant": period.convenant,
            "payments": case.payments.model_copy(update={"payments": payments}),
        }
    )
