"""The interim position on a date (S16, Art. 6): where the settlement stands before the term is over.

Pure: :func:`interim` reads a :class:`~convenant_calc.core.settlement.Settlement` (settled with
pending results allowed) and a date, and returns the figures of S16; nothing is printed or read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from convenant_calc.core.models import days_between
from convenant_calc.core.money import D, ZERO
from convenant_calc.core.rules import costs as cost_rules
from convenant_calc.core.rules import funding, subsidy
from convenant_calc.core.settlement import AgreementSettlement, Settlement


@dataclass(frozen=True)
class Projection:
    """A projected subsidy: ``met`` commitments of ``total``, the deduction of ``fte_days``."""

    met: int
    total: int
    payout: Decimal
    deduction: Decimal
    subsidy: Decimal  # the projected ceiling (S11)
    capped: Decimal | None = None  # S20: min(subsidy, eligible costs); None without a cost statement (or not capped)


@dataclass(frozen=True)
class Interim:
    """S16: the shortfall and deduction up to ``as_of``, the pending results, and the subsidy's range."""

    as_of: date
    days_to_date: int  # days of the term up to and including as_of
    shortfall_fte_days: Decimal  # Σ shortfall(d) for the days of the term up to as_of
    deduction: Decimal  # daily_rate × shortfall_fte_days, rounded half-up to cents
    unfunded_after_fte_days: Decimal  # S15: FTE-days after an early end that fall after as_of (certain already)
    projected_fte_days: Decimal  # shortfall_fte_days + unfunded_after_fte_days
    pending: tuple[str, ...]
    worst: Projection  # pending not met, no further shortfall
    best: Projection  # pending met, no further shortfall
    eligible: Decimal | None = None  # S20: the eligible costs that cap each projection; None: nothing capped


def interim(s: Settlement, as_of: date) -> Interim:
    """S16 — the interim position on ``as_of``.

    Art. 6: "Ter verantwoording en ter evaluatie van deze overeenkomst bezorgt de sector
    ten laatste op 30 september 2024 een voortgangsrapport [...] Bij de opvolgingsmomenten
    en evaluaties wordt nagegaan of de aangegane verbintenissen ook effectief zijn bereikt."

    ``shortfall_fte_days`` sums S9's ``shortfall(d)`` over the days of the term up to and
    including ``as_of``; the deduction to date is ``daily_rate × that``, rounded half-up to
    cents (S10; the daily rate is the whole term's). The projected subsidy assumes no further
    shortfall after ``as_of`` — except the days after an early end of the agreement (S15),
    which are certain once it has been terminated — and is a range: *worst* counts the
    pending results as not met, *best* as met (S3 on each, with the cutoff).

    S20 with a cost statement (not under the reading ``costs.not-capped``): each projection is
    also capped, ``min(projected subsidy, eligible_L,P)``, by the eligible costs of the statement as
    filed, as the settlement itself is ("the settled subsidy of that line and period is
    ``min(subsidy_L,P (S11), eligible_L,P)``"). The SPEC's §10 range stays the ceiling; the capped
    range is shown beside it (docs/interpretation.md).
    """
    term = s.convenant.term
    rate = s.deduction.per_day  # S19: 0 for a line that funds no consultant
    to_date = after = D(0)  # FTE-days
    for p in s.staffing.pieces:
        first, last = p.first, min(p.last, as_of)
        if first <= last:
            to_date += p.short * days_between(first, last)
        if p.unfunded:
            first = max(p.first, date.fromordinal(as_of.toordinal() + 1))
            if first <= p.last:
                after += p.short * days_between(first, p.last)
    days = max(0, days_between(term.start, min(as_of, term.end)))
    deduction = subsidy.deduction(rate, to_date)
    projected = to_date + after
    projected_deduction = subsidy.deduction(rate, projected)
    r = s.results
    pending = r.pending

    eligible = s.costs.eligible if s.costs is not None and s.readings.costs_capped else None

    def project(met: int) -> Projection:
        payout = funding.result_payout(s.result_pool, met, r.total, r.cutoff)
        amount = subsidy.subsidy(s.effort_pool, payout, projected_deduction)
        capped = cost_rules.capped(amount, eligible) if eligible is not None else None
        return Projection(met, r.total, payout, projected_deduction, amount, capped)

    return Interim(
        as_of=as_of,
        days_to_date=days,
        shortfall_fte_days=to_date,
        deduction=deduction,
        unfunded_after_fte_days=after,
        projected_fte_days=projected,
        pending=pending,
        worst=project(r.met),
        best=project(r.met + len(pending)),
        eligible=eligible,
    )



@dataclass(frozen=True)
class Positions:
    """S16, S19: the interim position of every settlement of an agreement (one period, its lines), and the sums.

    ``parts`` follow the agreement's settlements; :attr:`total` adds their figures up (money as the
    sum of the rounded amounts, FTE-days and counts exactly), the pending commitments of every line.
    """

    as_of: date
    parts: tuple[Interim, ...]

    @property
    def total(self) -> Interim:
        parts = self.parts

        capped = all(p.eligible is not None for p in parts)  # S20: every line has a cost statement, or none

        def project(which: str) -> Projection:
            chosen = [getattr(p, which) for p in parts]
            return Projection(
                met=sum(c.met for c in chosen),
                total=sum(c.total for c in chosen),
                payout=sum((c.payout for c in chosen), ZERO),
                deduction=sum((c.deduction for c in chosen), ZERO),
                subsidy=sum((c.subsidy for c in chosen), ZERO),
                capped=sum((c.capped or ZERO for c in chosen), ZERO) if capped else None,
            )

        return Interim(
            as_of=self.as_of,
            days_to_date=parts[0].days_to_date,
            shortfall_fte_days=sum((p.shortfall_fte_days for p in parts), D(0)),
            deduction=sum((p.deduction for p in parts), ZERO),
            unfunded_after_fte_days=sum((p.unfunded_after_fte_days for p in parts), D(0)),
            projected_fte_days=sum((p.projected_fte_days for p in parts), D(0)),
            pending=tuple(c for p in parts for c in p.pending),
            worst=project("worst"),
            best=project("best"),
            eligible=sum((p.eligible or ZERO for p in parts), ZERO) if capped else None,
        )


def positions(a: AgreementSettlement, as_of: date) -> Positions:
    """S16 — the interim position on ``as_of`` of each settlement of ``a`` (an agreement of one period)."""
    return Positions(as_of, tuple(interim(s, as_of) for s in a.settlements))
