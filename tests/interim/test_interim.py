"""S16 interim position: shortfall and deduction to date, pending results, the projected range.

Reference agreement: 424000.00, 4 FTE, 731 days; daily_rate = 424000 / 2924; pools 296800.00 / 127200.00.
"""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.core.interim import interim
from convenant_calc.core.models import Case, Results
from convenant_calc.core.settlement import settle

from ..helpers import case, convenant

# SPEC §5 (a): An sick 2024-01-08 … 2024-03-15, covered to 2024-02-06, replaced from 2024-02-19:
# short 1 FTE on 2024-02-07 … 2024-02-18 (12 days).
AN = [{"consultant": "an", "kind": "sickness", "from": "2024-01-08", "to": "2024-03-15",
       "replacement": [{"from": "2024-02-19", "to": "2024-03-15", "fte": Decimal(1)}]}]


def reported(c: Case, *ids: str) -> Case:
    """The case with only the results of ``ids`` reported (the others pending)."""
    kept = [r for r in c.results.results if r.commitment in ids]
    return c.model_copy(update={"results": Results(results=tuple(kept))})


def test_pending_results_and_the_deduction_to_date():
    # R1–R3 reported (all met: the builder reports each target), R4 and R5 pending.
    # Up to 2024-02-10: 2024-02-07 … 2024-02-10 = 4 days × 1 FTE = 4 FTE-days;
    # deduction = 4 × 424000 / 2924 = 1696000 / 2924 = 580.0273… → 580.03.
    # worst: 3/5 met → 127200 × 3/5 = 76320.00; 296800.00 + 76320.00 − 580.03 = 372539.97.
    # best: 5/5 met → 127200.00; 296800.00 + 127200.00 − 580.03 = 423419.97.
    s = settle(reported(case(absences=AN), "R1", "R2", "R3"), pending_allowed=True)
    i = interim(s, date(2024, 2, 10))
    assert i.pending == ("R4", "R5")
    assert i.shortfall_fte_days == 4 and i.deduction == Decimal("580.03")
    assert (i.worst.met, i.worst.payout, i.worst.subsidy) == (3, Decimal("76320.00"), Decimal("372539.97"))
    assert (i.best.met, i.best.payout, i.best.subsidy) == (5, Decimal("127200.00"), Decimal("423419.97"))
    # The settlement itself counts the whole file (12 FTE-days) and the pending results as not met.
    assert s.deduction.shortfall_fte_days == 12 and s.results.met == 3
    assert [c.pending for c in s.results.commitments] == [False, False, False, True, True]


def test_pending_below_the_cutoff_in_the_worst_case():
    # Only R1 reported, met: worst 1/5 < ½ → no result funding; best 5/5.
    # Up to 2024-01-31: no day short yet (the window covers to 2024-02-06): deduction 0.00.
    s = settle(reported(case(absences=AN), "R1"), pending_allowed=True)
    i = interim(s, date(2024, 1, 31))
    assert i.shortfall_fte_days == 0 and i.deduction == Decimal("0.00")
    assert i.worst.subsidy == Decimal("296800.00") and i.best.subsidy == Decimal("424000.00")


def test_a_missing_result_is_still_an_error_without_as_of():
    with pytest.raises(ValueError, match="pending"):
        settle(reported(case(), "R1"))


def test_termination_days_after_as_of_are_certain():
    # Notice posted 2024-12-20 → ends 2025-06-26 (SPEC §9): 2025-06-27 … 06-30 unfunded, 4 × 4 = 16 FTE-days.
    # As of 2025-06-28: to date 06-27, 06-28 = 8 FTE-days → 8 × 424000 / 2924 = 1160.0547… → 1160.05.
    # The other 8 are certain already: projected 16 → 2320.11; best = worst = 424000.00 − 2320.11 = 421679.89.
    conv = convenant(termination={"kind": "notice", "by": "sector", "letter_posted": "2024-12-20"})
    i = interim(settle(case(conv=conv), pending_allowed=True), date(2025, 6, 28))
    assert (i.shortfall_fte_days, i.deduction) == (8, Decimal("1160.05"))
    assert (i.unfunded_after_fte_days, i.projected_fte_days) == (8, 16)
    assert i.worst.subsidy == i.best.subsidy == Decimal("421679.89")


@settings(max_examples=30, deadline=None)
@given(
    st.dates(min_value=date(2023, 7, 1), max_value=date(2025, 12, 31)),
    st.sets(st.sampled_from(["R1", "R2", "R3", "R4", "R5"])),
)
def test_range_is_ordered_and_closes_at_the_end(as_of, ids):
    s = settle(reported(case(absences=AN, met=3), *ids), pending_allowed=True)
    i = interim(s, as_of)
    assert i.worst.subsidy <= i.best.subsidy
    assert i.shortfall_fte_days <= s.deduction.shortfall_fte_days
    if as_of >= date(2025, 6, 30):
        assert i.deduction == s.deduction.amount  # the whole term is "to date"
        if len(ids) == 5:
            assert i.worst.subsidy == i.best.subsidy == s.subsidy
