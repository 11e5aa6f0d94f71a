"""Art. 5 and the settlement: deduction (S10), subsidy (S11), balance (S12)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from convenant_calc.core.calendar import working_days
from convenant_calc.core.models import Term
from convenant_calc.core.money import ZERO, round_cents


def daily_rate(max_subsidy: Decimal, funded_fte: Decimal, term_days: int) -> Fraction:
    """S10 — the subsidy per consultant per day of the term, exact.

    Art. 5: "De werkingssubsidie wordt dan berekend per consultant per dag van
    de looptijd."

    ``daily_rate = max_subsidy / (consultants_fte × term_days)``. Under the reading
    ``rate.effort-basis`` the first argument is the effort pool ("vermindert de
    maximale werkingssubsidie"); ``term_days`` comes from :func:`rate_days`.
    """
    return Fraction(max_subsidy) / (Fraction(funded_fte) * term_days)


def rate_base(
    consultant_funding: Decimal,
    max_subsidy: Decimal,
    effort_pool: Decimal,
    effort_share: Decimal,
    *,
    effort_basis: bool = False,
) -> Decimal:
    """S10, S19 (S17) — the amount the daily rate is taken on.

    S10: "``daily_rate = max_subsidy / (consultants_fte × term_days)``"; S19: "``daily_rate_L =
    consultant_funding_L / (consultants_fte_L × term_days)`` (for the main line
    ``consultant_funding`` is its ``max_subsidy``, as in S10)".
    Reading ``rate.effort-basis`` ("vermindert de maximale werkingssubsidie"): S17 "effort_pool /
    (FTE × term days)", and S19 "``effort_share × consultant_funding_L``" for a line whose consultant
    funding is only part of its maximum. Where the consultant funding is the whole maximum (the
    main line) that is the effort pool, as S17 has it (``effort_share × max`` rounded to cents, S2).
    """
    if not effort_basis:
        return consultant_funding
    if consultant_funding == max_subsidy:
        return effort_pool
    return effort_share * consultant_funding


def whole_years(term: Term) -> int | None:
    """The number of whole years the term spans (2023-07-01 … 2025-06-30: 2), or None when it is not whole.

    A term of ``n`` whole years ends on the day before the same date ``n`` years after its start.
    A term starting on 29 February has no such date in most years: None.
    """
    after = term.end + timedelta(days=1)
    years = after.year - term.start.year
    try:
        same_date = term.start.replace(year=term.start.year + years)
    except ValueError:
        return None
    return years if years >= 1 and same_date == after else None


def rate_days(term: Term, *, yearly_basis: bool = False, working_days_only: bool = False) -> int:
    """S10 (S17) — the days of the term the daily rate divides by.

    Art. 5: "De werkingssubsidie wordt dan berekend per consultant per dag van
    de looptijd." Default: every day of the term (``term.days``).
    Reading ``rate.calendar-365`` ("De maximale subsidie wordt toegekend voor de
    inzet van 4 VTE op jaarbasis."): ``365 × whole years`` of the term.
    Reading ``days.working``: the working days of the term (S15's calendar).
    """
    if yearly_basis and working_days_only:
        raise ValueError("the yearly basis and working days both set the divisor; choose one")
    if yearly_basis:
        years = whole_years(term)
        if years is None:
            raise ValueError(f"the term {term.start} … {term.end} is not a whole number of years")
        return 365 * years
    if working_days_only:
        return working_days(term.start, term.end)
    return term.days


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
