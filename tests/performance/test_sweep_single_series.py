"""sweep() of one series takes a shorter road (issue 6); it must give the very same pieces and Decimals."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.core.spans import Span, sweep

DAY0 = date(2024, 1, 1)
VALUES = st.sampled_from([Decimal(v) for v in ("0", "0.0", "0.1", "0.5", "0.50", "1", "1.0", "2", "5E-1", "-0.5")])
SPANS = st.lists(
    st.builds(
        lambda a, n, v: Span(DAY0 + timedelta(days=a), DAY0 + timedelta(days=a + n), v),
        st.integers(-5, 40),
        st.integers(0, 30),
        VALUES,
    ),
    max_size=8,
)


@settings(max_examples=400, deadline=None)
@given(SPANS, st.integers(0, 10), st.integers(0, 40))
def test_one_series_gives_what_the_general_sweep_gives(spans, lo, length):
    first, last = DAY0 + timedelta(days=lo), DAY0 + timedelta(days=lo + length)
    alone = sweep({"a": spans}, first, last)
    general = [(f, l, v["a"]) for f, l, v in sweep({"a": spans, "other": []}, first, last)]
    # str() tells Decimal("0.5") from Decimal("0.50"): the same figures, written the same way
    assert [(f, l, str(v["a"])) for f, l, v in alone] == [(f, l, str(v)) for f, l, v in general]


def test_one_series_by_hand():
    # 1 FTE 1–10 Jan and 0.5 FTE 5–20 Jan, swept over 1–31 Jan: 1, 1.5, 0.5, then 0.0 (1 − 1 + 0.5 − 0.5)
    spans = [
        Span(date(2024, 1, 1), date(2024, 1, 10), Decimal("1")),
        Span(date(2024, 1, 5), date(2024, 1, 20), Decimal("0.5")),
    ]
    pieces = sweep({"a": spans}, date(2024, 1, 1), date(2024, 1, 31))
    expected = [(1, 4, "1"), (5, 10, "1.5"), (11, 20, "0.5"), (21, 31, "0.0")]
    assert [(f.day, l.day, str(v["a"])) for f, l, v in pieces] == expected


def test_equal_neighbours_merge_keeping_the_later_decimal():
    # 0.5 FTE 1–10 Jan, then 0.50 FTE 11–20 Jan: one piece 1–20 Jan; the later sum 0.5 − 0.5 + 0.50 is "0.50"
    spans = [
        Span(date(2024, 1, 1), date(2024, 1, 10), Decimal("0.5")),
        Span(date(2024, 1, 11), date(2024, 1, 20), Decimal("0.50")),
    ]
    for series in ({"a": spans}, {"a": spans, "other": []}):
        pieces = sweep(series, date(2024, 1, 1), date(2024, 1, 20))
        assert [(f.day, l.day, str(v["a"])) for f, l, v in pieces] == [(1, 20, "0.50")]
