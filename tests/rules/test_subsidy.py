"""S10 deduction, S11 subsidy, S12 balance — and both worked examples of SPEC §5 end to end."""

from decimal import Decimal
from fractions import Fraction

from convenant_calc.core.rules.subsidy import balance, daily_rate, deduction, paid, subsidy

from ..helpers import settled

FULL_TERM = {"from": "2023-07-01", "to": "2025-06-30"}


def test_daily_rate_is_exact():
    # 424000 / (4 × 731) = 424000 / 2924, kept as a fraction (106000/731)
    assert daily_rate(Decimal("424000.00"), Decimal(4), 731) == Fraction(424000, 2924)


def test_deduction_worked_example_a():
    # 12 × 424000 / 2924 = 1740.0820… → 1740.08
    assert deduction(Fraction(424000, 2924), Decimal(12)) == Decimal("1740.08")


def test_deduction_worked_example_b():
    # 108.6 × 424000 / 2924 = 46046400 / 2924 = 15747.7428… → 15747.74
    assert deduction(Fraction(424000, 2924), Decimal("108.6")) == Decimal("15747.74")


def test_deduction_rounds_the_tie_up():
    # 100.01 over 1 FTE and 2 days: rate 50.005; 1 FTE-day → 50.005 → 50.01 (half-up, not half-even)
    rate = daily_rate(Decimal("100.01"), Decimal(1), 2)
    assert rate == Fraction(10001, 200)
    assert deduction(rate, Decimal(1)) == Decimal("50.01")
    # 3 FTE-days → 150.015 → 150.02
    assert deduction(rate, Decimal(3)) == Decimal("150.02")


def test_subsidy_uses_rounded_components_and_never_drops_below_zero():
    assert subsidy(Decimal("296800.00"), Decimal("101760.00"), Decimal("1740.08")) == Decimal("396819.92")
    assert subsidy(Decimal("296800.00"), Decimal("0.00"), Decimal("300000.00")) == Decimal("0.00")


def test_balance_sign():
    assert paid([Decimal("169600.00"), Decimal("169600.00")]) == Decimal("339200.00")
    assert balance(Decimal("292449.79"), Decimal("339200.00")) == Decimal("-46750.21")  # to recover
    assert paid([]) == Decimal("0.00")


def test_worked_example_a_end_to_end():
    s = settled(
        met=4,
        absences=[
            {
                "consultant": "an",
                "kind": "sickness",
                "from": "2024-01-08",
                "to": "2024-03-15",
                "replacement": [{"from": "2024-02-19", "to": "2024-03-15", "fte": Decimal("1.0")}],
            }
        ],
    )
    # 296800.00 + 127200 × 4/5 (101760.00) − 1740.08 = 396819.92
    assert (s.effort_pool, s.results.payout, s.deduction.amount, s.subsidy) == (
        Decimal("296800.00"),
        Decimal("101760.00"),
        Decimal("1740.08"),
        Decimal("396819.92"),
    )


def test_all_four_away_the_whole_term_floors_at_zero():
    # 4 × 731 = 2924 FTE-days short: deduction 424000.00; with 2/5 met the payout is 0:
    # 296800.00 + 0.00 − 424000.00 < 0 → subsidy 0.00; advances 100000.00 → balance −100000.00.
    s = settled(
        met=2,
        absences=[{"consultant": c, "kind": "career_break", **FULL_TERM} for c in "abcd"],
        payments=[{"date": "2023-10-01", "amount": Decimal("100000.00")}],
    )
    assert s.deduction.shortfall_fte_days == 2924
    assert s.deduction.amount == Decimal("424000.00")
    assert s.gross == Decimal("-127200.00")
    assert s.subsidy == Decimal("0.00")
    assert s.balance == Decimal("-100000.00")
