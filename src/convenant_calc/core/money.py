"""Exact money: the one place that parses, rounds and formats amounts (S1).

S1: "All arithmetic is exact (Decimal or Fraction; never float, never
`round()`). Amounts are rounded once, half-up to cents, at the named points."

Every amount in the product is a :class:`~decimal.Decimal`; intermediate
quotients (a daily rate, a pro-rata share) are :class:`~fractions.Fraction`
so that nothing is lost before the named rounding point.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
MINUS = "\u2212"  # the minus sign of an amount in a table or a sentence: −1,740.08

Exact = Decimal | Fraction | int


def D(value: str | int | Decimal) -> Decimal:
    """A Decimal from a string or int; floats are refused (S1)."""
    if isinstance(value, float):  # pragma: no cover - a programming error
        raise TypeError("money never goes through float")
    return Decimal(value)


def as_fraction(value: Exact) -> Fraction:
    """The exact rational value of a Decimal, Fraction or int."""
    return value if isinstance(value, Fraction) else Fraction(value)


def round_half_up(value: Exact, places: int = 2) -> Decimal:
    """Round an exact value half-up (away from zero at the tie) to `places` decimals.

    Done in integer arithmetic on the exact fraction, so no context precision
    can interfere: 0.005 -> 0.01, -0.005 -> -0.01, 1740.0820... -> 1740.08.
    """
    q = as_fraction(value)
    scale = 10**places
    scaled = q * scale
    sign = -1 if scaled < 0 else 1
    n, d = abs(scaled.numerator), scaled.denominator
    units = (2 * n + d) // (2 * d)  # floor(n/d + 1/2): half-up on the magnitude
    return Decimal(sign * units).scaleb(-places)


def round_cents(value: Exact) -> Decimal:
    """S1: round half-up to cents."""
    return round_half_up(value, 2)


def cents_of(value: Decimal) -> Decimal:
    """An amount in cents as every format writes it: two decimals, and zero always as 0.00.

    Decimal keeps the sign of a zero (``-Decimal("0.00")`` is ``Decimal("-0.00")``, which
    formats as "-0.00"); an amount of nothing has no sign, so a negative zero becomes 0.00 here,
    below every formatter of amounts.
    """
    cents = value.quantize(CENT)
    return ZERO if cents == 0 else cents


def fmt_plain(value: Decimal) -> str:
    """An amount as the JSON contract writes it: always two decimals, no separators."""
    cents = cents_of(value)
    if cents != value:
        raise ValueError(f"{value} is not rounded to cents; round it at its named point first")
    return f"{cents:f}"


def fmt_decimal(value: Exact) -> str:
    """A plain decimal with no exponent and no trailing zeros: 12, 108.6, 0.25.

    Used for FTE-days (SPEC §4: "FTE-days a plain decimal string"). A Fraction
    must have a terminating decimal expansion (FTE-days always do: they are
    sums of decimal FTE times whole days).
    """
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        dec = Decimal(value.numerator) / Decimal(value.denominator)
        if as_fraction(dec) != value:  # pragma: no cover - not reachable for FTE-days
            raise ValueError(f"{value} has no finite decimal expansion")
        value = dec
    text = f"{Decimal(value).normalize():f}"
    return "0" if text in ("-0", "0") else text


def fmt_en(value: Decimal) -> str:
    """English grouping: 424,000.00."""
    return f"{cents_of(value):,.2f}"


def fmt_nl(value: Decimal) -> str:
    """Dutch as written in Flanders (Babel's ``nl_BE``): 424.000,00; a negative with an ASCII hyphen-minus.

    The value is an amount in cents already (rounded at its named point, S1), so
    the pattern's two decimals never round it. Babel is imported on first use:
    the English and JSON outputs never load it.
    """
    from babel.numbers import format_decimal

    return format_decimal(cents_of(value), format="#,##0.00", locale="nl_BE")


def fmt_eur_nl(value: Decimal) -> str:
    """An amount in Dutch running text, the one style of every Dutch output: 1.234,56 EUR."""
    return f"{fmt_nl(value)} EUR"


def fmt_signed(value: Decimal, fmt: Callable[[Decimal], str] = fmt_en, plus: str = "+") -> str:
    """An amount with its sign in front, in the format ``fmt``: +54.20, −2.39; nothing (0.00, or a
    negative zero) has no sign: 0.00. ``plus=""`` writes an amount subtracted: ``fmt_signed(-paid)``
    is −296,800.00, or 0.00 when nothing was paid (never −0.00)."""
    cents = cents_of(value)
    if cents == 0:
        return fmt(cents)
    return f"{plus if cents > 0 else MINUS}{fmt(abs(cents))}"
