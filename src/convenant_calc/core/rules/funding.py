"""Art. 2: effort funding and result funding (S2, S3, S4)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from convenant_calc.core.records import record
from convenant_calc.core.models import Funding, Result, ResultCommitment
from convenant_calc.core.money import ZERO, round_cents


def pools(max_subsidy: Decimal, funding: Funding) -> tuple[Decimal, Decimal]:
    """S2 — split the maximum into the effort pool and the result pool.

    Art. 2: "70% is de inspanningsfinanciering die wordt toegekend op basis van
    vooraf vastgelegde inspanningsverbintenissen"

    ``effort_pool = effort_share × max_subsidy`` rounded half-up to cents;
    ``result_pool = max_subsidy − effort_pool``, so the two add up to the maximum.
    """
    effort_pool = round_cents(funding.effort_share * max_subsidy)
    return effort_pool, max_subsidy - effort_pool


@record
class CommitmentOutcome:
    """One result commitment as judged at settlement (S4)."""

    id: str
    title: str
    target: Decimal
    unit: str | None
    achieved: Decimal | None
    met: bool
    overridden: bool
    justification: str | None
    pending: bool = False  # S16: no result reported yet (interim position only); counts as not met


def judge(commitment: ResultCommitment, result: Result) -> CommitmentOutcome:
    """S4 — is a result commitment met?

    Art. 2: "Bij de afrekening wordt de verantwoording van de inspanningen én van
    de resultaten beoordeeld"

    A result is met when its reported ``achieved`` value is at least the
    commitment's ``target``; an auditor's ``met: true|false`` (with its
    mandatory justification) overrides the comparison.
    """
    if result.met is not None:
        met, overridden = result.met, True
    else:
        if result.achieved is None:  # the Result model refuses a result with neither
            raise ValueError(f"result {result.commitment!r} has neither 'achieved' nor 'met' (S4)")
        met, overridden = result.achieved >= commitment.target, False
    return CommitmentOutcome(
        id=commitment.id,
        title=commitment.title,
        target=commitment.target,
        unit=commitment.unit,
        achieved=result.achieved,
        met=met,
        overridden=overridden,
        justification=result.justification,
    )


def pending(commitment: ResultCommitment) -> CommitmentOutcome:
    """S16 — a commitment whose result is not reported yet: pending, and not met until it is.

    Art. 6: "Bij de opvolgingsmomenten en evaluaties wordt nagegaan of de aangegane
    verbintenissen ook effectief zijn bereikt."
    """
    return CommitmentOutcome(
        id=commitment.id,
        title=commitment.title,
        target=commitment.target,
        unit=commitment.unit,
        achieved=None,
        met=False,
        overridden=False,
        justification=None,
        pending=True,
    )


def below_cutoff(met: int, total: int, cutoff: Decimal, *, cutoff_paid: bool = True) -> bool:
    """S3 — is no result funding paid? ``met/total < cutoff`` ("minder dan de helft"); with
    ``cutoff_paid=False`` (reading ``results.half-not-paid``) also ``met/total = cutoff``."""
    share, limit = Fraction(met, total), Fraction(cutoff)
    return share < limit or (not cutoff_paid and share == limit)


def result_payout(result_pool: Decimal, met: int, total: int, cutoff: Decimal, *, cutoff_paid: bool = True) -> Decimal:
    """S3 — the result funding paid for ``met`` of ``total`` commitments.

    Art. 2: "Als een verbintenis niet wordt behaald, wordt de dertig procent a
    rato van het aantal behaalde resultaatverbintenissen uitbetaald. Als minder
    dan de helft van de resultaatverbintenissen wordt behaald, wordt geen
    resultaatfinanciering uitbetaald."

    0 when ``met/total < cutoff`` (exactly the cutoff is paid); otherwise
    ``result_pool × met / total`` rounded half-up to cents. Equal weights.
    Reading ``results.half-not-paid`` (``cutoff_paid=False``): exactly the
    cutoff is not paid either (0 when ``met/total ≤ cutoff``).
    S19: an addendum without result funding (``result_share: 0``) needs no commitments; with none,
    nothing is paid ("result_commitments: required when result_share > 0").
    """
    if total == 0 and result_pool == 0:
        return ZERO
    if total <= 0:
        raise ValueError("a line with result funding has at least one result commitment (S3, S19)")
    if below_cutoff(met, total, cutoff, cutoff_paid=cutoff_paid):
        return ZERO
    return round_cents(Fraction(result_pool) * Fraction(met, total))


def count_met(commitments: Iterable[CommitmentOutcome]) -> int:
    """S3 — ``k``, the number of commitments met."""
    return sum(1 for c in commitments if c.met)
