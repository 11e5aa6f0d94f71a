"""S20 — the cost statement (*kostenstaat*): which costs are eligible, and the cap they put on the subsidy.

Art. 5: "De loon- en werkingskosten van deze sectorconsulenten komen in aanmerking als
subsidiabele kosten [...] voor zover ze uitgevoerd worden binnen de looptijd"; Art. 6 asks for
"de financiële verantwoording van de aanwending van de ontvangen subsidiebedragen".

Each cost gets one :class:`Verdict`: the period and line it is listed under, and the reason it
is ineligible (None when it is eligible). :func:`statement` adds up one line's costs in one
period and :func:`capped` applies the cap. Pure functions of the models; no I/O.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from convenant_calc.core.models import Convenant, Cost, CostKind
from convenant_calc.core.money import ZERO
from convenant_calc.core.rules.lines import budgets
from convenant_calc.core.rules.periods import Period

#: S20: "default: ``[salary, operating]`` for the main line, which Art. 5 reserves for the consultants"
MAIN_LINE_KINDS = (CostKind.salary, CostKind.operating)
#: S20: "all three for an addendum"
ADDENDUM_KINDS = (CostKind.salary, CostKind.operating, CostKind.project)


@dataclass(frozen=True)
class Verdict:
    """One cost judged (S20): where it is listed, and why it is ineligible (None: eligible).

    ``period`` is the period that holds its date, or for a cost dated outside every period the
    period nearest to its date; ``line`` is the cost's line, or the main line when its line has no
    budget in that period (it is listed there, ineligible).
    """

    index: int  # its place in costs.yaml
    cost: Cost
    period: str
    line: str
    reason: str | None = None  # one of REASONS' keys; None: eligible
    values: tuple[tuple[str, str], ...] = ()  # what the reason's text names

    @property
    def eligible(self) -> bool:
        return self.reason is None

    @property
    def why(self) -> str:
        """The reason in English ("" when eligible); the catalog translates ``REASONS[reason]``."""
        return "" if self.reason is None else REASONS[self.reason].format(**dict(self.values))


#: Why a cost is ineligible (S20), in English with the values it names.
REASONS = {
    "no-budget": "the line {line} has no budget in period {period} (S19)",
    "outside": "dated {date}, outside every period of the agreement (Art. 5: within the term)",
    "after-end": "dated {date}, after the agreement ended on {end} (S15)",
    "kind": "a {kind} cost is not eligible in the line {line} (eligible: {allowed}; Art. 5)",
}


@dataclass(frozen=True)
class CostStatement:
    """S20 for one line in one period: its costs, their sums, and the cap.

    ``ceiling`` is the S11 subsidy before the cap; ``subsidy`` the settled one,
    ``min(ceiling, eligible)`` when the cap applies (not under the reading ``costs.not-capped``).
    """

    items: tuple[Verdict, ...]
    eligible: Decimal
    ineligible: Decimal
    ceiling: Decimal
    subsidy: Decimal

    @property
    def capped(self) -> bool:
        """The eligible costs are below the ceiling and lowered the subsidy."""
        return self.subsidy < self.ceiling

    def of_kind(self, kind: CostKind, *, eligible: bool) -> Decimal:
        """The sum of this statement's costs of ``kind``, eligible or not."""
        return sum((v.cost.amount for v in self.items if v.cost.kind == kind and v.eligible == eligible), ZERO)


def eligible_kinds(convenant: Convenant, line: str) -> tuple[CostKind, ...]:
    """S20 — the kinds of cost eligible in ``line``: the addendum's ``eligible_costs``, or the default.

    Art. 5: "De loon- en werkingskosten van deze sectorconsulenten komen in aanmerking als
    subsidiabele kosten". SPEC S20: "default: ``[salary, operating]`` for the main line, which Art. 5
    reserves for the consultants; all three for an addendum".
    """
    for addendum in convenant.addenda:
        if addendum.id == line:
            return addendum.eligible_costs if addendum.eligible_costs is not None else ADDENDUM_KINDS
    return MAIN_LINE_KINDS


def _nearest(found: tuple[Period, ...], day: date) -> Period:
    """The period that holds ``day``, else the nearest one (the earlier on a tie)."""

    def distance(p: Period) -> int:
        term = p.convenant.term
        if day < term.start:
            return (term.start - day).days
        if day > term.end:
            return (day - term.end).days
        return 0

    return min(found, key=distance)


def _locator(found: tuple[Period, ...]) -> Callable[[date], Period]:
    """:func:`_nearest` for many days: by bisection when the periods are in order without overlap (S14: "an
    extension starts the day after" the previous period), so that costs × periods is not searched
    (issue 23); by :func:`_nearest` otherwise."""
    terms = [p.convenant.term for p in found]
    if any(later.start <= earlier.end for earlier, later in zip(terms, terms[1:])):
        return lambda day: _nearest(found, day)
    starts = [t.start for t in terms]

    def locate(day: date) -> Period:
        k = max(0, bisect_right(starts, day) - 1)  # the last period starting on or before day (else the first)
        if k + 1 < len(found) and day > terms[k].end and (starts[k + 1] - day) < (day - terms[k].end):
            return found[k + 1]  # in the gap, nearer to the next period's start (the earlier on a tie)
        return found[k]

    return locate


def verdicts(
    convenant: Convenant, found: tuple[Period, ...], costs: tuple[Cost, ...], early_end: date | None
) -> tuple[Verdict, ...]:
    """S20 — every cost judged: eligible for its line "when its kind is in the line's ``eligible_costs``
    [...] and its date lies in a period of the agreement, not after an early end (S15). It counts in
    the period that holds its date. Every other cost is **ineligible**: listed with its reason [...];
    a cost dated outside every period is listed under the period nearest to its date".

    Art. 5: "voor zover ze uitgevoerd worden binnen de looptijd". ``early_end`` is the last funded day
    of a terminated agreement (S15), None when it runs its term. The lines named exist (checked when
    the case is loaded).
    """
    main = convenant.id
    lines_of = {p.id: {b.line for b in budgets(p)} for p in found}  # once a period, not once a cost (issue 23)
    kinds_of = {line: eligible_kinds(convenant, line) for lines in lines_of.values() for line in lines}
    nearest = _locator(found)
    out = []
    for i, cost in enumerate(costs):
        period = nearest(cost.date)
        term = period.convenant.term
        lines = lines_of[period.id]
        line = cost.line or main
        reason: str | None = None
        values: dict[str, str] = {"date": str(cost.date), "line": line, "period": period.id}
        if line not in lines:
            reason = "no-budget"
            line = main
        elif not term.start <= cost.date <= term.end:
            reason = "outside"
        elif early_end is not None and cost.date > early_end:
            reason, values["end"] = "after-end", str(early_end)
        elif cost.kind not in kinds_of[line]:
            reason = "kind"
            values["kind"] = cost.kind.value
            values["allowed"] = ", ".join(k.value for k in kinds_of[line])
        shown = tuple(values.items()) if reason is not None else ()
        out.append(Verdict(index=i, cost=cost, period=period.id, line=line, reason=reason, values=shown))
    return tuple(out)


def early_end(convenant: Convenant, found: tuple[Period, ...], *, from_posting: bool = False) -> date | None:
    """S15: the last funded day of a terminated agreement (the costs after it are ineligible), None when
    the agreement runs its whole term. ``from_posting``: the reading ``notice.from-posting`` (S17)."""
    if convenant.termination is None:
        return None
    from convenant_calc.core.rules.termination import ending  # only a terminated agreement needs it (start-up)

    ended = ending(convenant.termination, found[-1].convenant.term, from_posting=from_posting)
    return ended.ends if ended.unfunded_from is not None else None


def capped(ceiling: Decimal, eligible: Decimal, *, cap: bool = True) -> Decimal:
    """S20 — "the settled subsidy of that line and period is ``min(subsidy_L,P (S11), eligible_L,P)``".

    Art. 6: "de financiële verantwoording van de aanwending van de ontvangen subsidiebedragen": no
    more is paid than was spent on eligible costs. Under the reading ``costs.not-capped`` (``cap``
    False) the costs are listed but cap nothing.
    """
    return min(ceiling, eligible) if cap else ceiling


def statement(items: tuple[Verdict, ...], ceiling: Decimal, *, cap: bool = True) -> CostStatement:
    """S20 — one line's costs in one period: "``eligible_L,P`` = the sum of the eligible costs of line L
    in period P", the ineligible ones listed beside them, and the subsidy capped."""
    eligible = sum((v.cost.amount for v in items if v.eligible), ZERO)
    ineligible = sum((v.cost.amount for v in items if not v.eligible), ZERO)
    return CostStatement(
        items=items,
        eligible=eligible,
        ineligible=ineligible,
        ceiling=ceiling,
        subsidy=capped(ceiling, eligible, cap=cap),
    )
