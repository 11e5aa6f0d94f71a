"""Art. 5: S6 absences, S7 guaranteed-wage windows and relapses, S8 replacements.

Reference agreement throughout: term 2023-07-01 … 2025-06-30, 4 FTE, no
consultants list (4 FTE employed every day, S5), guaranteed wage 30 days,
relapse 14 days.
"""

from datetime import date
from decimal import Decimal

import pytest

from convenant_calc.core.models import Absence, AbsenceRules, Staffing
from convenant_calc.core.rules.absences import absence_outcome, absence_outcomes, guaranteed_wage_windows

from ..helpers import convenant

TERM = convenant().term
RULES = AbsenceRules()


def outcomes(*absences: dict):
    return absence_outcomes(Staffing.model_validate({"absences": list(absences)}), RULES, TERM)


def sick(frm: str, to: str, who: str = "an", kind: str = "sickness", **more) -> dict:
    return {"consultant": who, "kind": kind, "from": frm, "to": to, **more}


def test_worked_example_a():
    # 2024-01-08 … 2024-03-15 = 24 + 29 + 15 = 68 days; window 30 days → 2024-01-08 … 2024-02-06;
    # 38 uncovered; replacement 2024-02-19 … 2024-03-15 = 11 + 15 = 26 days; short 38 − 26 = 12.
    (a,) = outcomes(sick("2024-01-08", "2024-03-15", replacement=[{"from": "2024-02-19", "to": "2024-03-15"}]))
    assert a.days == a.days_in_term == 68
    assert a.covered == (date(2024, 1, 8), date(2024, 2, 6))
    assert (a.covered_days_in_term, a.uncovered_days_in_term) == (30, 38)
    assert a.replaced_fte_days == 26
    assert a.short_fte_days == 12
    assert [(s.first, s.last) for s in a.off_duty] == [(date(2024, 2, 7), date(2024, 2, 18))]


def test_leap_day_counts():
    # 2024-02-01 … 2024-03-31: 29 (leap February) + 31 = 60 days. The 30 covered days are
    # 2024-02-01 … 2024-03-01 (29 in February + 1 March); uncovered 2024-03-02 … 03-31 = 30 days.
    (a,) = outcomes(sick("2024-02-01", "2024-03-31"))
    assert a.days == 60
    assert a.covered == (date(2024, 2, 1), date(2024, 3, 1))
    assert a.short_fte_days == 30


def test_relapse_at_exactly_14_days_draws_on_the_same_window():
    # First: 2024-03-04 … 03-20 = 17 days, all covered; 30 − 17 = 13 left.
    # Second starts 2024-04-03: 04-03 − 03-20 = 14 days ≤ 14, a relapse. 2024-04-03 … 04-30 = 28 days:
    # covered 04-03 … 04-15 (13 days), uncovered 04-16 … 04-30 = 15 days.
    first, second = outcomes(sick("2024-03-04", "2024-03-20"), sick("2024-04-03", "2024-04-30"))
    assert first.short_fte_days == 0
    assert second.window.is_relapse and second.window.relapse_of == 0
    assert second.window.left_at_start == 13
    assert second.covered == (date(2024, 4, 3), date(2024, 4, 15))
    assert second.short_fte_days == 15


def test_relapse_at_15_days_opens_a_new_window():
    # 2024-04-04 − 2024-03-20 = 15 days > 14: a new window of 30 days covers the whole
    # 2024-04-04 … 04-30 (27 days): nothing short.
    _, second = outcomes(sick("2024-03-04", "2024-03-20"), sick("2024-04-04", "2024-04-30"))
    assert not second.window.is_relapse
    assert second.window.left_at_start == 30
    assert second.short_fte_days == 0


def test_new_cause_opens_a_new_window_even_within_14_days():
    # as the 14-day relapse above, but marked new_cause: 28 days ≤ 30, all covered.
    _, second = outcomes(sick("2024-03-04", "2024-03-20"), sick("2024-04-03", "2024-04-30", new_cause=True))
    assert not second.window.is_relapse
    assert second.short_fte_days == 0


def test_chain_of_relapses_keeps_drawing_on_one_window():
    # 01-01 … 01-10 (10 days) uses 10; 01-15 … 01-24 (5 days later, 10 days) uses 10;
    # 02-01 … 02-20 (8 days later, 20 days) gets the last 10: 02-01 … 02-10 covered, 02-11 … 02-20 short.
    a, b, c = outcomes(sick("2024-01-01", "2024-01-10"), sick("2024-01-15", "2024-01-24"), sick("2024-02-01", "2024-02-20"))
    assert (a.window.left_at_start, b.window.left_at_start, c.window.left_at_start) == (30, 20, 10)
    assert c.window.opened_by == 0 and c.window.relapse_of == 1
    assert c.short_fte_days == 10
    assert a.short_fte_days == b.short_fte_days == 0


def test_relapse_needs_the_same_kind_and_consultant():
    # a sickness then an accident 5 days later, and another consultant's sickness: each its own window.
    a, b, c = outcomes(
        sick("2024-01-01", "2024-01-25"),
        sick("2024-01-30", "2024-02-20", kind="accident"),
        sick("2024-01-30", "2024-02-20", who="bram"),
    )
    assert not b.window.is_relapse and not c.window.is_relapse
    assert b.short_fte_days == c.short_fte_days == 0  # 22 days each, within a fresh window


def test_window_that_starts_before_the_term():
    # Sick 2023-06-21 … 2023-07-31: the window is 2023-06-21 … 07-20, 10 of its days before the term.
    # In the term: 07-01 … 07-31 = 31 days, 07-01 … 07-20 covered (20), 07-21 … 07-31 short (11).
    (a,) = outcomes(sick("2023-06-21", "2023-07-31"))
    assert a.days == 41 and a.days_in_term == 31
    assert a.covered == (date(2023, 7, 1), date(2023, 7, 20))
    assert a.covered_days_in_term == 20
    assert a.short_fte_days == 11


def test_absence_running_past_the_end_of_the_term():
    # A 0.5 time credit 2025-06-01 … 2025-12-31: only 2025-06-01 … 06-30 (30 days) count → 15 FTE-days.
    (a,) = outcomes(sick("2025-06-01", "2025-12-31", kind="time_credit", fte=Decimal("0.5")))
    assert a.days_in_term == 30
    assert a.short_fte_days == 15


def test_absence_entirely_outside_the_term_counts_nothing():
    (a,) = outcomes(sick("2025-07-01", "2025-09-30", kind="unpaid_leave"))
    assert a.days_in_term == 0 and a.short_fte_days == 0


@pytest.mark.parametrize("kind", ["maternity_leave", "time_credit", "career_break", "parental_leave", "unpaid_leave"])
def test_other_kinds_are_never_covered(kind):
    # 2024-05-01 … 05-10: 10 days, no guaranteed wage → 10 FTE-days.
    (a,) = outcomes(sick("2024-05-01", "2024-05-10", kind=kind))
    assert a.window is None and a.covered is None
    assert a.short_fte_days == 10


def test_part_time_sickness():
    # 0.8 FTE sick for 40 days (2024-05-01 … 06-09): 30 covered, 10 × 0.8 = 8 FTE-days short.
    (a,) = outcomes(sick("2024-05-01", "2024-06-09", fte=Decimal("0.8")))
    assert a.short_fte_days == Decimal("8.0")


def test_replacements_are_summed_and_capped_at_the_absent_fte():
    # Maternity leave 2024-03-01 … 03-31 (31 days, 1 FTE). Replacements: 0.5 on 03-01 … 03-20 and
    # 0.8 on 03-11 … 03-31. Replaced FTE a day: 03-01 … 03-10: 0.5; 03-11 … 03-20: 1.3 → capped 1;
    # 03-21 … 03-31: 0.8. Replaced = 10 × 0.5 + 10 × 1 + 11 × 0.8 = 5 + 10 + 8.8 = 23.8;
    # short = 31 − 23.8 = 7.2 (10 × 0.5 + 0 + 11 × 0.2).
    absence = Absence.model_validate(
        sick(
            "2024-03-01",
            "2024-03-31",
            kind="maternity_leave",
            replacement=[
                {"from": "2024-03-01", "to": "2024-03-20", "fte": Decimal("0.5")},
                {"from": "2024-03-11", "to": "2024-03-31", "fte": Decimal("0.8")},
            ],
        )
    )
    a = absence_outcome(0, absence, Decimal(1), None, TERM)
    assert a.replaced_fte_days == Decimal("23.8")
    assert a.short_fte_days == Decimal("7.2")


def test_replacement_on_covered_days_does_not_count():
    # Sick 2024-01-01 … 01-31, replaced the whole time: only 01-31 is uncovered, so 1 FTE-day replaced.
    (a,) = outcomes(sick("2024-01-01", "2024-01-31", replacement=[{"from": "2024-01-01", "to": "2024-01-31"}]))
    assert a.replaced_fte_days == 1
    assert a.short_fte_days == 0


def test_windows_only_for_sickness_and_accident():
    staffing = Staffing.model_validate(
        {"absences": [sick("2024-01-01", "2024-01-10"), sick("2024-01-01", "2024-01-10", who="b", kind="time_credit")]}
    )
    assert set(guaranteed_wage_windows(staffing, RULES)) == {0}


def test_guaranteed_wage_days_from_the_agreement():
    # with a 7-day guaranteed wage, 2024-01-01 … 01-10 leaves 3 days short
    staffing = Staffing.model_validate({"absences": [sick("2024-01-01", "2024-01-10")]})
    (a,) = absence_outcomes(staffing, AbsenceRules(guaranteed_wage_days=7, relapse_days=14), TERM)
    assert a.short_fte_days == 3
