"""S17 invariants over generated cases: each alternative reading changes only what its one choice touches."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from hypothesis import given, settings

from convenant_calc.core.calendar import is_working_day
from convenant_calc.core.models import Case
from convenant_calc.core.readings import BY_ID, DEFAULT
from convenant_calc.core.rules.absences import guaranteed_wage_windows
from convenant_calc.core.settlement import settle

from . import test_invariants as base  # the module, so that its tests are not collected twice


def reference_working_shortfall(case: Case) -> Decimal:
    """days.working the slow way: the day-by-day S5–S9 shortfall, summed over working days only."""
    conv, staffing = case.convenant, case.staffing
    windows = guaranteed_wage_windows(staffing, conv.absence_rules)
    total = Decimal(0)
    day = conv.term.start
    while day <= conv.term.end:
        if not is_working_day(day):
            day += timedelta(days=1)
            continue
        if staffing.consultants:
            employed = sum(
                (c.fte for c in staffing.consultants if (c.employed.from_ or day) <= day <= (c.employed.to or day)),
                Decimal(0),
            )
        else:
            employed = conv.consultants_fte
        off = Decimal(0)
        for i, a in enumerate(staffing.absences):
            if not a.from_ <= day <= a.to:
                continue
            window = windows.get(i)
            if window is not None and (day - a.from_).days < window.covered_days:
                continue
            fte = staffing.absence_fte(a)
            replaced = sum(
                (r.fte if r.fte is not None else fte for r in a.replacement if r.from_ <= day <= r.to), Decimal(0)
            )
            off += fte - min(replaced, fte)
        total += max(Decimal(0), conv.consultants_fte - (employed - off))
        day += timedelta(days=1)
    return total


@settings(max_examples=60, deadline=None)
@given(base.cases())
def test_working_days_shortfall_equals_the_day_by_day_reference(case):
    s = settle(case, BY_ID["days.working"].apply(DEFAULT))
    assert s.deduction.shortfall_fte_days == reference_working_shortfall(case)
    assert s.deduction.shortfall_fte_days <= settle(case).deduction.shortfall_fte_days
    st = s.staffing
    assert st.vacancy_fte_days + st.absence_fte_days - st.absorbed_fte_days == st.fte_days


@settings(max_examples=60, deadline=None)
@given(base.cases())
def test_each_alternative_moves_only_what_its_choice_touches(case):
    default = settle(case)

    effort = settle(case, BY_ID["rate.effort-basis"].apply(DEFAULT))
    assert effort.deduction.shortfall_fte_days == default.deduction.shortfall_fte_days
    assert effort.results == default.results
    assert effort.deduction.amount <= default.deduction.amount  # the effort pool is at most the maximum

    half = settle(case, BY_ID["results.half-not-paid"].apply(DEFAULT))
    assert half.deduction == default.deduction
    assert half.results.payout <= default.results.payout
    if half.results.payout != default.results.payout:  # only at exactly the cutoff
        assert half.results.met * 2 == half.results.total and half.results.payout == 0

    elapsed = settle(case, BY_ID["window.elapsed"].apply(DEFAULT))
    assert elapsed.results == default.results
    assert elapsed.deduction.daily_rate == default.deduction.daily_rate
    for a, b in zip(elapsed.absences, default.absences):  # a first absence opens the same window either way
        if a.window is not None and not a.window.is_relapse:
            assert a.covered_days_in_term == b.covered_days_in_term
