"""Invariants over generated cases (hypothesis).

The cases are small (a 61-day term) so that the independent day-by-day reference
of S5–S9 (``reference.py``, no code shared with ``core/rules``) can check the
interval sweep and the S7 bookkeeping on every example.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.core.models import Absence, AbsenceRules, Case, Funding, Replacement, Staffing
from convenant_calc.core.rules.funding import pools, result_payout
from convenant_calc.core.settlement import settle

from ..helpers import all_met, convenant
from . import reference

START = date(2024, 1, 1)
TERM = {"start": "2024-01-01", "end": "2024-03-01"}  # 61 days, with the leap day
KINDS = ["sickness", "accident", "maternity_leave", "time_credit", "career_break", "parental_leave", "unpaid_leave"]
FTES = [Decimal("0.2"), Decimal("0.5"), Decimal("0.8"), Decimal(1)]

money = st.integers(min_value=1, max_value=10**9).map(lambda cents: Decimal(cents).scaleb(-2))


@st.composite
def absences(draw, consultants=("a", "b", "c")):
    """Absences around the term (some start before it or end after it), with replacements."""
    result = []
    for _ in range(draw(st.integers(0, 6))):
        first = START + timedelta(days=draw(st.integers(-40, 70)))
        last = first + timedelta(days=draw(st.integers(0, 50)))
        fte = draw(st.sampled_from(FTES))
        replacement = []
        for _ in range(draw(st.integers(0, 2))):
            r_first = first + timedelta(days=draw(st.integers(0, (last - first).days)))
            r_last = r_first + timedelta(days=draw(st.integers(0, (last - r_first).days)))
            replacement.append({"from": r_first.isoformat(), "to": r_last.isoformat(), "fte": draw(st.sampled_from(FTES))})
        result.append(
            {
                "consultant": draw(st.sampled_from(consultants)),
                "kind": draw(st.sampled_from(KINDS)),
                "from": first.isoformat(),
                "to": last.isoformat(),
                "fte": fte,
                "new_cause": draw(st.booleans()),
                "replacement": replacement,
            }
        )
    return result


@st.composite
def cases(draw):
    conv = convenant(
        term=TERM,
        max_subsidy=draw(money),
        consultants_fte=draw(st.sampled_from([Decimal(1), Decimal("2.5"), Decimal(3)])),
        absence_rules={"guaranteed_wage_days": draw(st.integers(0, 40)), "relapse_days": draw(st.integers(0, 20))},
    )
    consultants = []
    if draw(st.booleans()):
        for cid in ("a", "b", "c"):
            first = START + timedelta(days=draw(st.integers(-10, 30)))
            last = first + timedelta(days=draw(st.integers(0, 90)))
            consultants.append({"id": cid, "fte": draw(st.sampled_from(FTES)), "employed": {"from": first.isoformat(), "to": last.isoformat()}})
    staffing = Staffing.model_validate({"consultants": consultants, "absences": draw(absences())})
    return Case(convenant=conv, staffing=staffing, results=all_met(conv, draw(st.integers(0, 5))))


def with_absences(case: Case, absences: tuple[Absence, ...]) -> Case:
    return case.model_copy(update={"staffing": case.staffing.model_copy(update={"absences": absences})})


def reference_shortfall(case: Case) -> Decimal:
    """S5–S9 by the independent day loop of ``reference.py``, fed the case as plain values."""
    plain = case.model_dump(mode="json", by_alias=True)
    return reference.shortfall_fte_days(plain["convenant"], plain["staffing"])


@settings(max_examples=150, deadline=None)
@given(cases())
def test_sweep_equals_the_day_by_day_reference(case):
    assert settle(case).deduction.shortfall_fte_days == reference_shortfall(case)


@settings(max_examples=150, deadline=None)
@given(cases())
def test_subsidy_between_zero_and_the_maximum(case):
    s = settle(case)
    assert Decimal(0) <= s.subsidy <= s.max_subsidy
    assert s.effort_pool + s.result_pool == s.max_subsidy
    assert s.subsidy == max(Decimal(0), s.effort_pool + s.results.payout - s.deduction.amount)
    assert s.staffing.fte_days == s.staffing.vacancy_fte_days + s.staffing.absence_fte_days - s.staffing.absorbed_fte_days


@settings(max_examples=200, deadline=None)
@given(money, st.integers(0, 100))
def test_pools_add_up_to_the_maximum(maximum, effort_percent):
    share = Decimal(effort_percent).scaleb(-2)
    effort, result = pools(maximum, Funding(effort_share=share, result_share=1 - share))
    assert effort + result == maximum
    assert abs(effort - share * maximum) <= Decimal("0.005")


@settings(max_examples=100, deadline=None)
@given(cases(), st.data())
def test_one_more_unreplaced_day_never_raises_the_subsidy(case, data):
    absences = list(case.staffing.absences)
    if absences and data.draw(st.booleans()):
        i = data.draw(st.integers(0, len(absences) - 1))
        longer = absences[i].model_copy(update={"to": absences[i].to + timedelta(days=1)})
        absences[i] = longer
    else:
        day = START + timedelta(days=data.draw(st.integers(0, 60)))
        absences.append(Absence.model_validate({"consultant": "a", "kind": data.draw(st.sampled_from(KINDS)), "from": day.isoformat(), "to": day.isoformat()}))
    more = with_absences(case, tuple(absences))
    assert settle(more).subsidy <= settle(case).subsidy
    assert settle(more).deduction.shortfall_fte_days >= settle(case).deduction.shortfall_fte_days


@settings(max_examples=100, deadline=None)
@given(cases(), st.data())
def test_a_replacement_never_lowers_the_subsidy(case, data):
    if not case.staffing.absences:
        return
    absences = list(case.staffing.absences)
    i = data.draw(st.integers(0, len(absences) - 1))
    a = absences[i]
    first = a.from_ + timedelta(days=data.draw(st.integers(0, a.days - 1)))
    last = first + timedelta(days=data.draw(st.integers(0, (a.to - first).days)))
    extra = {"from": first.isoformat(), "to": last.isoformat(), "fte": data.draw(st.sampled_from(FTES))}
    absences[i] = a.model_copy(update={"replacement": (*a.replacement, Replacement.model_validate(extra))})
    better = with_absences(case, tuple(absences))
    assert settle(better).subsidy >= settle(case).subsidy


@settings(max_examples=300, deadline=None)
@given(money, st.integers(1, 20), st.data())
def test_payout_is_zero_below_the_cutoff_and_proportional_from_it(pool, total, data):
    cutoff = Decimal(data.draw(st.integers(0, 100))).scaleb(-2)
    payouts = [result_payout(pool, k, total, cutoff) for k in range(total + 1)]
    for k, payout in enumerate(payouts):
        if Fraction(k, total) < Fraction(cutoff):
            assert payout == 0
        else:
            assert abs(Fraction(payout) - Fraction(pool) * Fraction(k, total)) <= Fraction(1, 200)
    # more results met never lowers the payout; it jumps only at the cutoff
    assert payouts == sorted(payouts)
    assert payouts[total] == pool
    for k in range(1, total + 1):
        step = Fraction(payouts[k] - payouts[k - 1])
        regular = Fraction(pool) / total + Fraction(1, 100)  # one share, plus at most a cent of rounding
        crosses = Fraction(k - 1, total) < Fraction(cutoff) <= Fraction(k, total)
        assert step <= regular or crosses


@settings(max_examples=50, deadline=None)
@given(cases(), st.integers(0, 5))
def test_more_results_met_never_lowers_the_subsidy(case, met):
    fewer = case.model_copy(update={"results": all_met(case.convenant, met)})
    more = case.model_copy(update={"results": all_met(case.convenant, min(5, met + 1))})
    assert settle(more).results.payout >= settle(fewer).results.payout
    assert settle(more).subsidy >= settle(fewer).subsidy


def test_reference_helper_agrees_with_worked_example_a():
    # guard for the reference implementation itself: SPEC §5 (a) gives 12 FTE-days
    from ..helpers import case as build

    c = build(absences=[{"consultant": "an", "kind": "sickness", "from": "2024-01-08", "to": "2024-03-15", "replacement": [{"from": "2024-02-19", "to": "2024-03-15"}]}])
    assert reference_shortfall(c) == 12
    assert AbsenceRules().guaranteed_wage_days_on(date(2024, 1, 8)) == 30
