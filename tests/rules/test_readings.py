"""S17: the alternative readings of the agreement, each changing one choice; figures derived by hand."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from convenant_calc.core.calendar import working_day_runs
from convenant_calc.core.models import Term
from convenant_calc.core.reading_costs import reading_costs
from convenant_calc.core.readings import ALTERNATIVES, BY_ID, DEFAULT, ReadingError, Readings, applied, choose
from convenant_calc.core.rules.subsidy import rate_days, whole_years
from convenant_calc.core.settlement import settle, settle_agreement
from convenant_calc.io.loading import load_case

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
#: The agreement as written (tests/rules/test_registry.py checks it is the shared seed, byte for byte).
AGREEMENT = Path(__file__).resolve().parents[2] / "data" / "lokale-besturen-2023-2025.txt"
TERM = Term(start=date(2023, 7, 1), end=date(2025, 6, 30))


def case(name: str):
    return load_case(EXAMPLES / name).case


def under(name: str, *ids: str):
    readings, _ = choose(ids)
    return settle(case(name), readings)


# --- SPEC §11, the worked example on SPEC §5 a (examples/02) ---------------------------------


def test_worked_example_every_reading():
    # Default: 296800.00 + 101760.00 − 1740.08 = 396819.92 (SPEC §5 a).
    # rate.calendar-365: 424000 / (4 × 365 × 2) = 145.205479…; 12 × that = 1742.4657… → 1742.47;
    #   296800.00 + 101760.00 − 1742.47 = 396817.53 (−2.39).
    # days.working: 503 working days; 2024-02-07 … 2024-02-18 holds Wed–Fri and Mon–Fri = 8 working days;
    #   8 × 424000 / (4 × 503) = 1685.8846… → 1685.88; 398560.00 − 1685.88 = 396874.12 (+54.20).
    # rate.effort-basis: 12 × 296800 / 2924 = 1218.0574… → 1218.06; 398560.00 − 1218.06 = 397341.94 (+522.02).
    # results.half-not-paid: 4/5 met, not half: 0.00. window.elapsed: no relapse: 0.00.
    # notice.from-posting, extension.merged: not applicable (no termination, one period): 0.00.
    c = case("02-long-sickness-partly-replaced")
    s = settle(c)
    assert s.subsidy == Decimal("396819.92")
    got = {r.alternative.id: (str(r.subsidy), str(r.difference), r.applies) for r in reading_costs(c, settle_agreement(c, s.readings))}
    assert got == {
        "rate.calendar-365": ("396817.53", "-2.39", True),
        "days.working": ("396874.12", "54.20", True),
        "rate.effort-basis": ("397341.94", "522.02", True),
        "results.half-not-paid": ("396819.92", "0.00", True),
        "window.elapsed": ("396819.92", "0.00", True),
        "notice.from-posting": ("396819.92", "0.00", False),
        "extension.merged": ("396819.92", "0.00", False),
        "costs.not-capped": ("396819.92", "0.00", False),  # no costs.yaml: nothing capped to lift
        "relapse.first-incapacity": ("396819.92", "0.00", False),  # relapse_days not dated (S13)
    }


def test_calendar_365_deduction_figures():
    s = under("02-long-sickness-partly-replaced", "rate.calendar-365")
    assert s.deduction.rate_days == 730  # 365 × 2 whole years
    assert s.deduction.amount == Decimal("1742.47")  # 12 × 424000 / 2920 = 1742.4657…
    assert s.deduction.shortfall_fte_days == Decimal(12)  # the days short are still calendar days


def test_days_working_counts_working_days_in_divisor_and_shortfall():
    s = under("02-long-sickness-partly-replaced", "days.working")
    assert s.deduction.rate_days == 503
    assert s.deduction.shortfall_fte_days == Decimal(8)
    assert s.deduction.amount == Decimal("1685.88")
    # The shortfall's parts still add up, on the counted days only; weekends carry no shortfall.
    st = s.staffing
    assert st.vacancy_fte_days + st.absence_fte_days - st.absorbed_fte_days == st.fte_days == Decimal(8)
    assert all(p.short == 0 for p in st.pieces if not p.counted)


def test_effort_basis_rate_on_the_effort_pool():
    s = under("02-long-sickness-partly-replaced", "rate.effort-basis")
    assert s.deduction.rate_base == Decimal("296800.00")
    assert s.deduction.amount == Decimal("1218.06")


def test_half_not_paid_on_exactly_half():
    # examples/05: 2 of 4 met. Default pays 63600.00 × 2/4 = 31800.00 (subsidy 171572.09).
    # results.half-not-paid: nothing; 148400.00 + 0.00 − 8627.91 = 139772.09 (−31800.00).
    s = under("05-maternity-half-replaced-exactly-half", "results.half-not-paid")
    assert s.results.payout == Decimal("0.00")
    assert s.results.below_cutoff
    assert s.subsidy == Decimal("139772.09")
    default = settle(case("05-maternity-half-replaced-exactly-half"))
    assert default.subsidy == Decimal("171572.09")


def test_window_elapsed_on_a_relapse():
    # examples/03: Bram sick 2024-03-04 … 2024-03-20, relapse 2024-04-03 … 2024-05-10.
    # Default: the relapse draws the 13 days left: uncovered 25 days; total 37 FTE-days, subsidy 418634.75.
    # window.elapsed: the window is 2024-03-04 … 2024-04-02 (30 calendar days) and has run out when the
    # relapse starts: 0 days covered; uncovered 2024-04-03 … 2024-05-10 = 28 + 10 = 38 days (+13).
    # 50 × 424000 / 2924 = 7250.3419… → 7250.34; 424000.00 − 7250.34 = 416749.66 (−1885.09).
    s = under("03-relapse-within-14-days", "window.elapsed")
    bram = [a for a in s.absences if a.consultant == "bram"]
    assert [a.window.covered_days for a in bram] == [17, 0]
    assert s.deduction.shortfall_fte_days == Decimal(50)
    assert s.subsidy == Decimal("416749.66")


def test_window_elapsed_relapse_inside_the_window_keeps_its_calendar_days():
    # A relapse starting inside the 30 calendar days is covered up to their end, not for the days "left".
    from convenant_calc.core.models import AbsenceRules, Staffing
    from convenant_calc.core.rules.absences import guaranteed_wage_windows

    staffing = Staffing.model_validate(
        {
            "absences": [
                {"consultant": "a", "kind": "sickness", "from": "2024-03-01", "to": "2024-03-05"},  # 5 days
                {"consultant": "a", "kind": "sickness", "from": "2024-03-11", "to": "2024-04-30"},
            ]
        }
    )
    rules = AbsenceRules(guaranteed_wage_days=30, relapse_days=14)
    # Default: 30 − 5 = 25 days left. Elapsed: window 2024-03-01 … 2024-03-30, so 2024-03-11 … 03-30 = 20 days.
    assert guaranteed_wage_windows(staffing, rules)[1].covered_days == 25
    assert guaranteed_wage_windows(staffing, rules, elapsed=True)[1].covered_days == 20


# --- the registry ---------------------------------------------------------------------------


def test_default_readings_settle_as_before():
    c = case("07-everything-together")
    assert settle(c) == settle(c, DEFAULT) == settle(c, Readings())
    assert applied(DEFAULT) == ()


def test_each_alternative_changes_exactly_one_choice():
    assert [a.id for a in ALTERNATIVES] == [
        "rate.calendar-365", "days.working", "rate.effort-basis", "results.half-not-paid",
        "window.elapsed", "notice.from-posting", "extension.merged", "costs.not-capped", "relapse.first-incapacity",
    ]  # fmt: skip
    for a in ALTERNATIVES:
        changed = [f.name for f in fields(Readings) if getattr(a.apply(DEFAULT), f.name) != getattr(DEFAULT, f.name)]
        assert changed == [a.field]
        assert applied(a.apply(DEFAULT)) == (a.id,)


def test_choose_orders_and_refuses():
    readings, ids = choose(["rate.effort-basis", "days.working", "rate.effort-basis"])
    assert ids == ("days.working", "rate.effort-basis")
    assert readings.days_counted == "working" and readings.rate_base == "effort_pool"
    with pytest.raises(ReadingError, match="unknown reading 'days.workin'; did you mean 'days.working'"):
        choose(["days.workin"])
    with pytest.raises(ReadingError, match="cannot be read together"):
        choose(["rate.calendar-365", "days.working"])


def test_whole_years_and_rate_days():
    assert whole_years(TERM) == 2
    assert whole_years(Term(start=date(2023, 7, 1), end=date(2025, 3, 31))) is None
    assert whole_years(Term(start=date(2024, 2, 29), end=date(2025, 2, 27))) is None
    assert whole_years(Term(start=date(2024, 1, 1), end=date(2024, 12, 31))) == 1  # a leap year: still one year
    assert rate_days(TERM) == 731
    assert rate_days(TERM, yearly_basis=True) == 730
    assert rate_days(TERM, working_days_only=True) == 503


def test_working_day_runs():
    # 2024-12-20 (Fri) … 2024-12-31 (Tue): Fri 20; Mon 23, Tue 24; 25 Christmas; Thu 26, Fri 27; Mon 30, Tue 31.
    runs = [(first.day, last.day) for first, last in working_day_runs(date(2024, 12, 20), date(2024, 12, 31))]
    assert runs == [(20, 20), (23, 24), (26, 27), (30, 31)]


def test_not_applicable_readings_name_their_reason():
    c = case("02-long-sickness-partly-replaced")
    s = settle(c)
    reasons = {r.alternative.id: r.reason for r in reading_costs(c, settle_agreement(c, s.readings)) if not r.applies}
    assert set(reasons) == {"notice.from-posting", "extension.merged", "costs.not-capped", "relapse.first-incapacity"}
    assert "S20" in reasons["costs.not-capped"].en
    assert "S15" in reasons["notice.from-posting"].en and "S14" in reasons["extension.merged"].en


def test_in_force_reading_is_compared_with_its_default():
    # Settled under rate.effort-basis (397341.94): its row shows +522.02 against the default reading;
    # rate.calendar-365 on top: 12 × 296800 / 2920 = 1219.7260… → 1219.73; 398560.00 − 1219.73 = 397340.27 (−1.67).
    c = case("02-long-sickness-partly-replaced")
    readings, _ = choose(["rate.effort-basis"])
    s = settle(c, readings)
    rows = {r.alternative.id: r for r in reading_costs(c, settle_agreement(c, s.readings))}
    assert rows["rate.effort-basis"].in_force and rows["rate.effort-basis"].difference == Decimal("522.02")
    assert rows["rate.calendar-365"].subsidy == Decimal("397340.27")
    assert rows["rate.calendar-365"].difference == Decimal("-1.67")


def test_conflicting_alternative_is_not_applicable_on_top():
    c = case("02-long-sickness-partly-replaced")
    readings, _ = choose(["days.working"])
    rows = {r.alternative.id: r for r in reading_costs(c, settle_agreement(c, readings))}
    assert not rows["rate.calendar-365"].applies
    assert "cannot be read together" in rows["rate.calendar-365"].reason.en


def test_sentences_are_quoted_as_written():
    text = " ".join(AGREEMENT.read_text(encoding="utf-8").split())
    for a in ALTERNATIVES:
        for part in a.sentence.split(" […] "):
            assert " ".join(part.split()) in text, a.id


def test_ids_are_stable_and_known():
    assert set(BY_ID) == {a.id for a in ALTERNATIVES}
    assert all(re.fullmatch(r"[a-z]+\.[a-z0-9-]+", a.id) for a in ALTERNATIVES)


def test_costs_not_capped_lifts_the_cap_of_example_18():
    # examples/18-costs-below-advances/README.md: ceiling 296800.00 + 101760.00 − 1740.08 = 396819.92;
    # eligible 320000.00 + 9000.00 = 329000.00 caps it (S20); paid 339200.00 → balance −10200.00.
    # Under costs.not-capped the subsidy is the ceiling 396819.92: +67819.92, balance 57619.92.
    c = case("18-costs-below-advances")
    s = settle(c)
    assert (s.subsidy, s.balance) == (Decimal("329000.00"), Decimal("-10200.00"))
    lifted = under("18-costs-below-advances", "costs.not-capped")
    assert (lifted.subsidy, lifted.balance) == (Decimal("396819.92"), Decimal("57619.92"))
    assert lifted.costs is not None and lifted.costs.eligible == Decimal("329000.00")  # still listed
    got = {r.alternative.id: (str(r.subsidy), str(r.difference)) for r in reading_costs(c, settle_agreement(c))}
    assert got["costs.not-capped"] == ("396819.92", "67819.92")


# --- SPEC §18: relapse.first-incapacity, on examples/09 -------------------------------------------


def test_relapse_first_incapacity_on_example_09():
    # examples/09-extension-year/README.md: relapse_days is 14, and 56 from 2026-01-01 (S13).
    # Bram: sick 2025-11-03 … 2025-11-21 (a window of 30 opened, 19 used, 11 left), again 2026-01-05 …
    # 2026-02-13 (40 days), 45 days after 2025-11-21.
    # Default: relapse_days read on 2026-01-05 is 56; 45 ≤ 56, a relapse drawing the 11 days left:
    #   covered 2026-01-05 … 2026-01-15, short 2026-01-16 … 2026-02-13 = 16 + 13 = 29 FTE-days.
    # relapse.first-incapacity: read on 2025-11-03, the chain's first day: 14; 45 > 14, a new window of 30:
    #   covered 2026-01-05 … 2026-02-03, short 2026-02-04 … 2026-02-13 = 10 FTE-days.
    # Dirk: chain opened 2025-12-01, again 2025-12-31 (19 days after): 14 under both readings, a new window: 8.
    # An: 15 (no relapse). Period 2 short 15 + 10 + 8 = 33 instead of 52.
    # Deduction 33 × 212000 / 1460 = 4791.7808… → 4791.78 (default 7550.68);
    # subsidy 148400.00 + 42400.00 − 4791.78 = 186008.22 (default 183249.32), balance 186008.22 − 84800.00
    # = 101208.22. Period 1 unchanged (396819.92). Total 582828.14, +2758.90 = 7550.68 − 4791.78.
    c = case("09-extension-year")
    default = settle_agreement(c)
    alt = settle_agreement(c, choose(["relapse.first-incapacity"])[0])
    p1, p2 = alt.settlements
    assert (p1.subsidy, p1.deduction.shortfall_fte_days) == (Decimal("396819.92"), Decimal(12))
    assert p2.deduction.shortfall_fte_days == Decimal(33)
    assert (p2.deduction.amount, p2.subsidy, p2.balance) == (
        Decimal("4791.78"),
        Decimal("186008.22"),
        Decimal("101208.22"),
    )
    assert (alt.subsidy, default.subsidy) == (Decimal("582828.14"), Decimal("580069.24"))
    bram = p2.absences[2]
    assert bram.window is not None and not bram.window.is_relapse and bram.window.relapse_rule.value == 14
    assert bram.short_fte_days == Decimal(10)
    got = {r.alternative.id: (str(r.subsidy), str(r.difference), r.applies) for r in reading_costs(c, default)}
    assert got["relapse.first-incapacity"] == ("582828.14", "2758.90", True)


def test_relapse_first_incapacity_needs_a_dated_relapse_rule():
    # examples/03: relapse_days 14 on every date: the day it is read on cannot matter; --reading is refused.
    c = case("03-relapse-within-14-days")
    reason = BY_ID["relapse.first-incapacity"].not_applicable(c, DEFAULT)
    assert reason is not None and "S13" in reason.en
