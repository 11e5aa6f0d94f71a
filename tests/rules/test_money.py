"""S1: exact money, rounded half-up to cents only at the named points."""

from decimal import Decimal
from fractions import Fraction

import pytest

from convenant_calc.core.money import fmt_decimal, fmt_en, fmt_nl, fmt_plain, round_cents, round_half_up


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("0.005"), "0.01"),  # the tie goes up ...
        (Decimal("0.015"), "0.02"),  # ... also where banker's rounding would go down to 0.02/0.01
        (Decimal("0.025"), "0.03"),  # banker's rounding would give 0.02
        (Decimal("2.675"), "2.68"),  # exact decimal, no float artefact (float(2.675) rounds to 2.67)
        (Decimal("0.0049999"), "0.00"),
        (Decimal("-0.005"), "-0.01"),  # half-up on the magnitude
        (Fraction(1, 200), "0.01"),  # exactly 0.005 as a fraction
        (Fraction(1, 3), "0.33"),
        (Fraction(2, 3), "0.67"),
        (Fraction(12 * 424000, 2924), "1740.08"),  # SPEC §5 (a): 1740.0820...
    ],
)
def test_round_cents_half_up(value, expected):
    assert round_cents(value) == Decimal(expected)
    assert str(round_cents(value)) == expected


def test_round_half_up_to_six_places_for_the_daily_rate():
    # 424000 / 2924 = 145.006839945280...: shown as 145.006840
    assert str(round_half_up(Fraction(424000, 2924), 6)) == "145.006840"


def test_formats():
    assert fmt_plain(Decimal("424000")) == "424000.00"
    assert fmt_plain(Decimal("-46750.21")) == "-46750.21"
    with pytest.raises(ValueError):
        fmt_plain(Decimal("0.005"))  # never rounded silently by a formatter
    assert fmt_decimal(Decimal("12.0")) == "12"
    assert fmt_decimal(Decimal("108.60")) == "108.6"
    assert fmt_decimal(Fraction(217, 2)) == "108.5"
    assert fmt_decimal(Decimal("0")) == "0"
    assert fmt_en(Decimal("424000")) == "424,000.00"
    assert fmt_nl(Decimal("424000")) == "424.000,00"
    assert fmt_nl(Decimal("-1740.08")) == "-1.740,08"
