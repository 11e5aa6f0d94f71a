"""Art. 5 and the settlement: deduction (S10), subsidy (S11), balance (S12)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from convenant_calc.core.money import ZERO, round_cents


def daily_rate(max_subsidy: Decimal, funded_fte: Decimal, term_days: int) -> Fraction:
    """S10 — the subsidy per consultant per day of the term, exact.

    Art. 5: "De werkingssubsidie wordt dan berekend per consultant per dag van
    de looptijd."

    ``daily_rate = max_subsidy / (consultants_fte × term_days)``.
    """
    return Fraction(max_subsidy) / (Fraction(funded_fte) * term_days)


def deduction(rate: Fraction, shortfall_fte_days: Decimal) -> Decimal:
    """S10 — ``deduction = daily_rate × shortfall_fte_days`` (S9), rounded half-up to cents.

    Art. 5: "Dit bedrag wordt vermenigvuldigd met het aantal dagen waarop
    geen/te weinig consultants tewerk gesteld waren en in mindering gebracht."
    """
    return round_cents(rate * Fraction(shortfall_fte_days))


def subsidy(effort_pool: Decimal, payout: Decimal, deduction_amount: Decimal) -> Decimal:
    """S11 — ``max(0, effort_pool + payout − deduction)`` on the rounded components.

    Art. 5: "Indien de sectorconsulent tijdens zijn of haar afwezigheid niet
    afdoende vervangen wordt voor het continueren van de inspanningen in het
    kader van het sectorconvenant, vermindert de maximale werkingssubsidie."
    Using the rounded
    components makes the printed lines add up to the printed total; since the
    payout never exceeds the result pool, the subsidy never exceeds the maximum.
    """
    return max(ZERO, effort_pool + payout - deduction_amount)


def paid(amounts: Iterable[Decimal]) -> Decimal:
    """S12 — the advances paid: the sum of the payments."""
    return sum(amounts, ZERO)


def balance(subsidy_amount: Decimal, paid_amount: Decimal) -> Decimal:
    """S12 — ``balance = subsidy − paid``: positive is still to be paid, negative is to be recovered."""
    return subsidy_amount - paid_amount


def balance_direction(balance_amount: Decimal) -> str:
    """S12 — what a balance means: ``"pay"`` (positive), ``"recover"`` (negative) or ``"settled"`` (zero)."""
    return "pay" if balance_amount > 0 else "recover" if balance_amount < 0 else "settled"
