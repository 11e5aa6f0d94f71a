"""S13: guaranteed_wage_days and relapse_days as dated values (labour law changes on 2026-01-01).

The relapse rule is read on the ``from`` date of the absence that may be a
relapse; the guaranteed wage on the ``from`` date of the absence that opens
the window.
"""

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.core.models import AbsenceRules, Staffing, Term
from convenant_calc.core.rules.absences import absence_outcomes, guaranteed_wage_windows

TERM = Term(start=date(2025, 7, 1), end=date(2026, 6, 30))
LAW_2026 = AbsenceRules.model_validate(
    {
        "guaranteed_wage_days": 30,
        "relapse_days": [
            {"from": "2023-07-01", "value": 14},
            {"from": "2026-01-01", "value": 56, "reference": "herval binnen 8 weken vanaf 1 januari 2026"},
        ],
    }
)


def sick(frm: str, to: str, **more) -> dict:
    return {"consultant": "an", "kind": "sickness", "from": frm, "to": to, **more}


def windows(rules: AbsenceRules, *absences: dict):
    return guaranteed_wage_windows(Staffing.model_validate({"absences": list(absences)}), rules)


def test_lookup_latest_from_on_or_before_the_day():
    assert LAW_2026.relapse_days_on(date(2023, 6, 30)) == 14  # before the first from: the first value
    assert LAW_2026.relapse_days_on(date(2023, 7, 1)) == 14
    assert LAW_2026.relapse_days_on(date(2025, 12, 31)) == 14  # the day before the change
    assert LAW_2026.relapse_days_on(date(2026, 1, 1)) == 56  # the day of the change
    assert LAW_2026.relapse_on(date(2026, 1, 1)).reference == "herval binnen 8 weken vanaf 1 januari 2026"
    assert LAW_2026.guaranteed_wage_days_on(date(1990, 1, 1)) == 30  # a plain number holds on every date
    assert AbsenceRules(relapse_days=3).relapse_days_on(date(2030, 1, 1)) == 3
    assert LAW_2026.dated and not AbsenceRules().dated


def test_relapse_read_on_the_relapse_from_date():
    # First sickness 2025-11-03 … 2025-11-12 (10 days, 20 of the window left).
    # Back 2025-11-13; the second starts 2026-01-05: 2026-01-05 − 2025-11-12 = 54 days.
    # On 2026-01-05 relapse_days is 56: 54 ≤ 56, a relapse, 20 days left.
    w = windows(LAW_2026, sick("2025-11-03", "2025-11-12"), sick("2026-01-05", "2026-02-20"))
    assert w[1].is_relapse and w[1].left_at_start == 20 and w[1].covered_days == 20
    assert w[1].relapse_rule is not None and w[1].relapse_rule.value == 56
    # The same gap one day earlier in the calendar starts on 2025-12-31, under the 14-day rule: 53 > 14, a new window.
    w = windows(LAW_2026, sick("2025-11-02", "2025-11-11"), sick("2025-12-31", "2026-02-20"))
    assert not w[1].is_relapse and w[1].covered_days == 30
    assert w[1].relapse_rule is not None and w[1].relapse_rule.value == 14


def test_boundary_31_december_and_1_january():
    # The previous absence ends 2025-12-15. A new one on 2025-12-31: gap 16 > 14 (14-day rule) → new window.
    # On 2026-01-01: gap 17 ≤ 56 (8-week rule) → a relapse.
    a = sick("2025-12-01", "2025-12-15")  # 15 days, 15 left
    assert not windows(LAW_2026, a, sick("2025-12-31", "2026-01-31"))[1].is_relapse
    w = windows(LAW_2026, a, sick("2026-01-01", "2026-01-31"))
    assert w[1].is_relapse and w[1].left_at_start == 15


def test_guaranteed_wage_read_on_the_opening_absence():
    rules = AbsenceRules.model_validate(
        {"guaranteed_wage_days": [{"from": "2025-01-01", "value": 30}, {"from": "2026-01-01", "value": 10}]}
    )
    # Opened 2025-12-20 under 30 days: 12 days to 2025-12-31 and 18 more in January (one window, one value).
    (o,) = absence_outcomes(Staffing.model_validate({"absences": [sick("2025-12-20", "2026-02-28")]}), rules, TERM)
    assert o.window is not None and o.window.days == 30 and o.covered_days_in_term == 30
    # A relapse on 2026-01-10 of the December absence keeps the window opened under 30 days.
    w = windows(rules, sick("2025-12-20", "2025-12-29"), sick("2026-01-10", "2026-02-28"))
    assert w[1].is_relapse and w[1].days == 30 and w[1].covered_days == 20
    # A new window opened on 2026-01-10 (a new cause) has 10 days.
    w = windows(rules, sick("2025-12-20", "2025-12-29"), sick("2026-01-10", "2026-02-28", new_cause=True))
    assert w[1].days == 10 and w[1].covered_days == 10


@settings(max_examples=60, deadline=None)
@given(
    g=st.integers(1, 40),
    r=st.integers(1, 60),
    starts=st.lists(st.integers(0, 300), min_size=1, max_size=4),
    lengths=st.lists(st.integers(1, 40), min_size=4, max_size=4),
)
def test_a_single_dated_value_is_the_plain_number(g, r, starts, lengths):
    # Invariant: a list with one dated value settles as that plain number, on every date.
    absences = [
        sick(
            date.fromordinal(date(2025, 7, 1).toordinal() + s).isoformat(),
            date.fromordinal(date(2025, 7, 1).toordinal() + s + n - 1).isoformat(),
        )
        for s, n in zip(sorted(set(starts)), lengths)
    ]
    staffing = Staffing.model_validate({"absences": absences})
    plain = AbsenceRules(guaranteed_wage_days=g, relapse_days=r)
    dated = AbsenceRules.model_validate(
        {"guaranteed_wage_days": [{"from": "2030-01-01", "value": g}], "relapse_days": [{"from": "2020-01-01", "value": r}]}
    )
    strip = lambda ws: {i: (w.days, w.left_at_start, w.covered_days, w.relapse_of) for i, w in ws.items()}  # noqa: E731
    assert strip(guaranteed_wage_windows(staffing, plain)) == strip(guaranteed_wage_windows(staffing, dated))


@settings(max_examples=60, deadline=None)
@given(
    data=st.data(),
    starts=st.lists(st.integers(0, 330), min_size=1, max_size=5),
)
def test_dated_rules_agree_with_the_day_by_day_reference(data, starts):
    # The independent reference (tests/properties/reference.py) reads dated values by itself.
    from convenant_calc.core.models import Case, Convenant, Results
    from convenant_calc.core.settlement import settle

    from ..properties import reference

    change = date(2025, 7, 1).toordinal() + data.draw(st.integers(1, 365))  # strictly after the first from
    rules = {
        "guaranteed_wage_days": [
            {"from": "2025-07-01", "value": data.draw(st.integers(1, 40))},
            {"from": date.fromordinal(change).isoformat(), "value": data.draw(st.integers(1, 40))},
        ],
        "relapse_days": [
            {"from": "2025-07-01", "value": data.draw(st.integers(1, 20))},
            {"from": date.fromordinal(change).isoformat(), "value": data.draw(st.integers(1, 70))},
        ],
    }
    absences = []
    for s in starts:
        first = date.fromordinal(date(2025, 7, 1).toordinal() + s)
        last = date.fromordinal(first.toordinal() + data.draw(st.integers(0, 40)))
        absences.append(
            {
                "consultant": data.draw(st.sampled_from(["a", "b"])),
                "kind": data.draw(st.sampled_from(["sickness", "accident"])),
                "from": first.isoformat(),
                "to": last.isoformat(),
                "fte": Decimal("0.5"),
            }
        )
    conv = {
        "id": "x", "title": "x", "term": {"start": "2025-07-01", "end": "2026-06-30"}, "max_subsidy": 1000,
        "consultants_fte": 4, "absence_rules": rules, "result_commitments": [{"id": "R1", "title": "r", "target": 1}],
    }
    case = Case(
        convenant=Convenant.model_validate(conv),
        staffing=Staffing.model_validate({"absences": absences}),
        results=Results.model_validate({"results": [{"commitment": "R1", "achieved": 1}]}),
    )
    assert settle(case).deduction.shortfall_fte_days == reference.shortfall_fte_days(conv, {"absences": absences})
