"""S1: exact money, rounded half-up to cents only at the named points."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convenant_calc.core.money import fmt_decimal, fmt_en, fmt_nl, fmt_plain, fmt_signed, round_cents, round_half_up


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


# --- issue 18 item 13: never "−0.00" -----------------------------------------------------------
# A zero deduction was printed as "−0.00" in the report's summary (the line of an amount taken off
# put a minus sign before any amount, nothing included), and Decimal keeps the sign of a zero:
# -Decimal("0.00") is Decimal("-0.00"), which every formatter wrote as "-0.00".


@pytest.mark.parametrize("zero", [Decimal("0.00"), Decimal("-0.00"), Decimal("-0"), -Decimal("0.00")])
def test_a_zero_amount_has_no_sign_in_any_format(zero):
    assert fmt_plain(zero) == "0.00"
    assert fmt_en(zero) == "0.00"
    assert fmt_nl(zero) == "0,00"
    assert fmt_signed(zero) == "0.00"
    assert fmt_signed(zero, fmt_nl) == "0,00"
    assert fmt_signed(-zero, plus="") == "0.00"


def test_signed_amounts():
    assert fmt_signed(Decimal("54.20")) == "+54.20"
    assert fmt_signed(Decimal("-2.39")) == "\u22122.39"  # the minus sign, U+2212
    assert fmt_signed(Decimal("-1740.08"), fmt_nl) == "\u22121.740,08"
    # an amount taken off: the paid advances of example 07, 169,600.00 + 127,200.00
    assert fmt_signed(-Decimal("296800.00"), plus="") == "\u2212296,800.00"


def test_lang_less_and_signed():
    from convenant_calc.views.labels import Lang

    en, nl = Lang("en"), Lang("nl")
    assert en.less(Decimal("1740.08")) == "\u22121,740.08"  # SPEC §5 (a): the deduction, taken off
    assert en.less(Decimal("0.00")) == "0.00"  # no deduction: nothing taken off, no sign
    assert nl.less(Decimal("0.00")) == "0,00"
    assert en.signed(Decimal("0.00")) == "0.00"
    assert nl.signed(Decimal("-2.39")) == "\u22122,39"


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_only_a_nonzero_amount_has_a_sign(cents):
    value = Decimal(cents).scaleb(-2)
    for text in (fmt_plain(value), fmt_en(value), fmt_signed(value), fmt_signed(-value, plus="")):
        assert text not in ("-0.00", "\u22120.00", "+0.00")
    assert fmt_signed(value).startswith("+") == (cents > 0)
    assert fmt_signed(value).startswith("\u2212") == (cents < 0)
