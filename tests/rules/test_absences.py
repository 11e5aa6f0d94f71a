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


def test_a_new_cause_joining_a_relapse_after_its_first_day_opens_no_window():
    # examples/16 (issue 18 item 15): #1 2024-01-01 … 01-20 uses 20 of 30 days, 10 left. #2 (0.5 FTE)
    # 2024-02-01 … 03-31 starts 12 days later: a relapse. #3 (0.5 FTE, new_cause) starts 02-10, while #2
    # runs: the run is not cut there, so the spell 02-01 … 03-31 is a relapse (its one opener, #2, is no
    # new cause) and draws the 10 days left: covered 02-01 … 02-10 for both; uncovered 02-11 … 03-31 =
    # 19 + 31 = 50 days × 0.5 each. Read as if #3 opened the spell: a new window, 30 FTE-days (the mistake).
    a, b, c = outcomes(
        sick("2024-01-01", "2024-01-20"),
        sick("2024-02-01", "2024-03-31", fte=Decimal("0.5")),
        sick("2024-02-10", "2024-03-31", fte=Decimal("0.5"), new_cause=True),
    )
    assert (a.covered_days_in_term, b.covered_days_in_term, c.covered_days_in_term) == (20, 10, 1)
    assert b.window.is_relapse and c.window.left_at_start == 1
    assert (b.covered, c.covered) == ((date(2024, 2, 1), date(2024, 2, 10)), (date(2024, 2, 10), date(2024, 2, 10)))
    assert (a.short_fte_days, b.short_fte_days, c.short_fte_days) == (0, 25, 25)


def test_example_13_settles_at_316000_and_its_table_names_both_relapses():
    # 1 FTE, 2024, 366000.00: 1000.00 an FTE-day; 50 FTE-days → 50000.00; 366000.00 − 50000.00 = 316000.00.
    import json

    from typer.testing import CliRunner

    from convenant_calc.cli.app import app
    from convenant_calc.io.bundled import examples_dir

    case = str(examples_dir() / "16-new-cause-during-a-relapse")
    out = json.loads(CliRunner().invoke(app, ["settle", case, "-f", "json"]).stdout)
    assert (out["deduction"]["shortfall_fte_days"], out["deduction"]["amount"], out["subsidy"]) == (
        "50", "50000.00", "316000.00"
    )
    table = CliRunner().invoke(app, ["settle", case], env={"COLUMNS": "100"}).stdout
    lines = [line.strip() for line in table.splitlines()]
    assert "#2: a relapse of #1 (S7): 10 days of the guaranteed-wage window were left" in lines
    assert any(line.startswith("#3: ") for line in lines)
    assert "\\x0a" not in table  # the captions' line break is the table's own, never shown as an escape


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


# --- S7 incapacity spells: concurrent absences of one kind are one incapacity -----------------


def test_spec_example_concurrent_accidents_in_either_order():
    # SPEC S7: accidents 0.2 and 0.8 FTE, both 2024-03-01 … 2024-04-29 (31 + 29 = 60 days).
    # One spell 03-01 … 04-29; the window covers 03-01 … 03-30 for both; uncovered 03-31 … 04-29
    # = 1 + 29 = 30 days × (0.2 + 0.8) = 30 FTE-days, whatever the order of the lines.
    small = sick("2024-03-01", "2024-04-29", kind="accident", fte=Decimal("0.2"))
    large = sick("2024-03-01", "2024-04-29", kind="accident", fte=Decimal("0.8"))
    for lines in ([small, large], [large, small]):
        a, b = outcomes(*lines)
        assert a.covered == b.covered == (date(2024, 3, 1), date(2024, 3, 30))
        assert not a.window.is_relapse and not b.window.is_relapse
        assert a.short_fte_days + b.short_fte_days == 30
        assert {a.short_fte_days, b.short_fte_days} == {Decimal(6), Decimal(24)}  # 30 × 0.2, 30 × 0.8


def test_an_absence_that_joins_a_running_spell_uses_the_same_window():
    # A 0.5 sick 2024-03-01 … 03-20, B 0.5 sick 2024-03-10 … 04-15: one spell 03-01 … 04-15.
    # The window covers 03-01 … 03-30. A: all 20 days covered. B joins on day 10 with 30 − 9 = 21 days
    # left: 03-10 … 03-30 covered; 03-31 … 04-15 = 1 + 15 = 16 days × 0.5 = 8 FTE-days short.
    a, b = outcomes(
        sick("2024-03-01", "2024-03-20", fte=Decimal("0.5")), sick("2024-03-10", "2024-04-15", fte=Decimal("0.5"))
    )
    assert a.short_fte_days == 0
    assert b.window.joins == 0 and not b.window.is_relapse
    assert b.window.left_at_start == 21
    assert b.covered == (date(2024, 3, 10), date(2024, 3, 30))
    assert b.short_fte_days == 8


def test_new_cause_during_a_running_incapacity_does_not_cut_it():
    # as above, B marked new_cause: A still runs on 03-10, so the spell is not cut; B still 8 short.
    _, b = outcomes(
        sick("2024-03-01", "2024-03-20", fte=Decimal("0.5")),
        sick("2024-03-10", "2024-04-15", fte=Decimal("0.5"), new_cause=True),
    )
    assert b.window.left_at_start == 21 and b.short_fte_days == 8


def test_new_cause_the_day_after_opens_a_new_window():
    # A sick 2024-03-01 … 03-20 (20 days); B from 03-21 … 04-25, new_cause. Nothing else runs on 03-21,
    # so the run is cut: B opens its own window 03-21 … 04-19; 04-20 … 04-25 = 6 days short.
    # Without new_cause it is one spell 03-01 … 04-25: covered 03-01 … 03-30, so B is covered
    # 03-21 … 03-30 (10 days) and 03-31 … 04-25 = 1 + 25 = 26 days short.
    _, b = outcomes(sick("2024-03-01", "2024-03-20"), sick("2024-03-21", "2024-04-25", new_cause=True))
    assert b.window.spell == (date(2024, 3, 21), date(2024, 4, 25))
    assert b.window.left_at_start == 30 and b.short_fte_days == 6
    _, b = outcomes(sick("2024-03-01", "2024-03-20"), sick("2024-03-21", "2024-04-25"))
    assert b.window.spell == (date(2024, 3, 1), date(2024, 4, 25))
    assert b.window.left_at_start == 10 and b.short_fte_days == 26


def test_one_new_cause_among_the_openers_of_a_spell_makes_it_no_relapse():
    # A sick 2024-03-01 … 03-20 (30 − 20 = 10 left). 12 days later (04-01) B and C, 0.5 each,
    # 04-01 … 04-30 (30 days). With B marked new_cause the spell is no relapse: a fresh window covers
    # all 30 days, nothing short. Without it: a relapse with 10 days left, 04-11 … 04-30 = 20 days × 1.0.
    first = sick("2024-03-01", "2024-03-20")
    b = sick("2024-04-01", "2024-04-30", fte=Decimal("0.5"), new_cause=True)
    c = sick("2024-04-01", "2024-04-30", fte=Decimal("0.5"))
    assert sum(o.short_fte_days for o in outcomes(first, b, c)) == 0
    assert sum(o.short_fte_days for o in outcomes(first, {**b, "new_cause": False}, c)) == 20


def test_relapse_counts_from_the_end_of_the_spell_not_of_the_last_absence_to_start():
    # A 0.5 sick 2024-01-01 … 01-31 (31 days), B 0.5 sick 2024-01-05 … 01-10 inside it: one spell
    # 01-01 … 01-31; the window covers 01-01 … 01-30, so A is short on 01-31: 0.5.
    # C 1.0 sick 2024-02-10 … 02-28 (19 days) starts 02-10 − 01-31 = 10 days after the spell ended:
    # a relapse with 0 days left: 19 FTE-days short. (Measured from B's end, 01-10, it would be
    # 31 days: a new window and nothing short — the mistake this test guards against.)
    a, b, c = outcomes(
        sick("2024-01-01", "2024-01-31", fte=Decimal("0.5")),
        sick("2024-01-05", "2024-01-10", fte=Decimal("0.5")),
        sick("2024-02-10", "2024-02-28"),
    )
    assert (a.short_fte_days, b.short_fte_days) == (Decimal("0.5"), 0)
    assert c.window.relapse_of == 0 and c.window.left_at_start == 0
    assert c.short_fte_days == 19


# --- the window.elapsed reading (S17) -----------------------------------------------------------


def test_elapsed_window_runs_on_while_back_at_work():
    # A sick 2024-03-01 … 03-10 (10 days); B sick 2024-03-20 … 04-20, 10 days later: a relapse.
    # Default: 30 − 10 = 20 days of incapacity left: B covered 03-20 … 04-08 (12 + 8), short
    # 04-09 … 04-20 = 12 days.
    # window.elapsed: the window is 03-01 … 03-30 in calendar days; B covered 03-20 … 03-30
    # (11 days), short 03-31 … 04-20 = 1 + 20 = 21 days.
    lines = [sick("2024-03-01", "2024-03-10"), sick("2024-03-20", "2024-04-20")]
    staffing = Staffing.model_validate({"absences": lines})
    _, b = absence_outcomes(staffing, RULES, TERM)
    assert (b.window.left_at_start, b.short_fte_days) == (20, 12)
    _, b = absence_outcomes(staffing, RULES, TERM, elapsed=True)
    assert b.window.elapsed and b.window.is_relapse
    assert b.window.left_at_start == 11
    assert b.covered == (date(2024, 3, 20), date(2024, 3, 30))
    assert b.short_fte_days == 21
    assert guaranteed_wage_windows(staffing, RULES, elapsed=True)[1].covered_days == 11


def test_elapsed_window_equals_the_default_for_one_absence():
    # one absence: 30 days of incapacity from its first day are the same 30 calendar days (worked example a: 12)
    lines = [sick("2024-01-08", "2024-03-15", replacement=[{"from": "2024-02-19", "to": "2024-03-15"}])]
    staffing = Staffing.model_validate({"absences": lines})
    (a,) = absence_outcomes(staffing, RULES, TERM, elapsed=True)
    assert a.short_fte_days == 12
