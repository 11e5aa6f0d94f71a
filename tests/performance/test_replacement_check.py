"""S8's warning on replacements above the absent FTE, against a day-by-day count (issue 23).

``check_staffing`` sweeps an absence's replacements only when one of them is above the absent FTE or two
of them share a day; otherwise no day can add up to more. Whatever the replacements, its warning must be
the one a day-by-day count gives: the first day on which they add up to more than the absent FTE, at the
last replacement that starts on that day, or no warning at all.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.core.models import Staffing
from convenant_calc.io.checks import check_staffing

from ..helpers import convenant

START = date(2023, 9, 1)  # inside the reference agreement's term
FTES = [Decimal("0.2"), Decimal("0.25"), Decimal("0.5"), Decimal("0.8"), Decimal("1")]

replacement = st.tuples(st.integers(0, 20), st.integers(0, 10), st.none() | st.sampled_from(FTES))


def _expected(fte: Decimal, replacements: list[tuple[date, date, Decimal]]) -> tuple[int, date, Decimal] | None:
    """(the replacement warned at, the day, the sum on it) by counting every day; None when no day is over."""
    day = min(first for first, _, _ in replacements)
    last = max(to for _, to, _ in replacements)
    while day <= last:
        total = sum((v for first, to, v in replacements if first <= day <= to), Decimal(0))
        if total > fte:
            j = max(k for k, (first, _, _) in enumerate(replacements) if first == day)
            return j, day, total
        day += timedelta(days=1)
    return None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FTES), st.lists(replacement, min_size=1, max_size=3))
def test_the_warning_is_the_day_by_day_one(fte: Decimal, drawn: list) -> None:
    # every replacement inside the absence (2023-09-01 … 2023-10-01), so only S8's warning can show
    listed = [(START + timedelta(days=a), START + timedelta(days=a + n), v) for a, n, v in drawn]
    staffing = Staffing.model_validate(
        {
            "consultants": [{"id": "an", "fte": 1}],
            "absences": [
                {
                    "consultant": "an", "kind": "sickness", "from": START, "to": START + timedelta(days=30), "fte": fte,
                    "replacement": [
                        {"from": a, "to": b, **({"fte": v} if v is not None else {})} for a, b, v in listed
                    ],
                }
            ],
        }
    )
    warnings = [f for f in check_staffing(convenant(), staffing) if f.warning]
    expected = _expected(fte, [(a, b, v if v is not None else fte) for a, b, v in listed])
    if expected is None:
        assert warnings == []
        return
    j, day, total = expected
    assert [w.path for w in warnings] == [("absences", 0, "replacement", j)]
    said = warnings[0].message.split(";")[0]
    assert said.startswith(f"replacements on {day} add up to ")
    assert said.endswith(f" FTE, more than the {fte} FTE absent")
    assert Decimal(said.split(" add up to ")[1].split(" FTE")[0]) == total  # the sweep's sum (0.2 − 0.2 + 1 is 1.0)
