"""``@record`` (``core.records``, issue 23) is ``@dataclass(frozen=True)`` with a cheaper ``__init__``.

The same class written both ways must behave the same: its fields and defaults, equality, hash, repr,
``dataclasses.replace``; frozen; and a class ``__init__`` cannot fill in plainly is refused.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convenant_calc.core.records import record
from convenant_calc.core.rules.absences import AbsenceOutcome
from convenant_calc.core.spans import Span


@dataclasses.dataclass(frozen=True)
class Plain:
    first: date
    value: Decimal
    note: str | None = None
    count: int = 3


@record
class Fast:
    first: date
    value: Decimal
    note: str | None = None
    count: int = 3


values = st.tuples(st.dates(), st.decimals(allow_nan=False, allow_infinity=False), st.none() | st.text(max_size=5))


@given(values, values)
def test_a_record_is_the_frozen_dataclass(a, b) -> None:
    plain_a, plain_b = Plain(*a), Plain(*b)
    fast_a, fast_b = Fast(*a), Fast(*b)
    assert repr(fast_a) == repr(plain_a).replace("Plain(", "Fast(")
    assert (fast_a == fast_b) == (plain_a == plain_b)
    assert hash(fast_a) == hash(plain_a) == hash(Fast(*a))
    assert dataclasses.astuple(fast_a) == dataclasses.astuple(plain_a)
    assert dataclasses.replace(fast_a, count=7) == Fast(a[0], a[1], a[2], 7)


def test_defaults_keywords_and_frozen() -> None:
    made = Fast(value=Decimal("0.5"), first=date(2025, 1, 1))
    assert (made.note, made.count) == (None, 3)
    assert Fast(date(2025, 1, 1), Decimal("0.5"), "x", count=4).count == 4
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.count = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        Fast(date(2025, 1, 1))  # a field without a default is required, as in the dataclass
    with pytest.raises(TypeError):
        Fast(date(2025, 1, 1), Decimal(1), nope=1)  # type: ignore[call-arg]


def test_what_a_record_cannot_be_is_refused() -> None:
    with pytest.raises(TypeError, match="plain fields"):

        @record
        class WithFactory:
            items: list = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="__post_init__"):

        @record
        class WithPostInit:
            x: int

            def __post_init__(self) -> None:
                pass


def test_the_hot_records_are_records() -> None:
    """The settlement's spans and outcomes use it (their values compared elsewhere, figure for figure)."""
    span = Span(date(2025, 1, 1), date(2025, 1, 10), Decimal("0.5"))
    assert span.total == Decimal("5.0")
    for cls in (Span, AbsenceOutcome):
        assert "_instance_dict" in cls.__init__.__code__.co_varnames  # record's __init__, not the dataclass's
    assert "_instance_dict" not in Plain.__init__.__code__.co_varnames
