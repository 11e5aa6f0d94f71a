"""Art. 5: S5 baseline staffing and S9 shortfall."""

from datetime import date
from decimal import Decimal

from convenant_calc.core.models import Staffing
from convenant_calc.core.rules.shortfall import shortfall
from convenant_calc.core.rules.staffing import baseline

from ..helpers import convenant, settled

ONE_YEAR = {"start": "2024-01-01", "end": "2024-12-31"}  # 366 days (leap year)


def test_no_consultants_list_means_the_funded_fte_every_day():
    conv = convenant()
    (span,) = baseline(conv.term, conv.consultants_fte, Staffing(), conv.id, main=True)
    assert (span.first, span.last, span.value) == (date(2023, 7, 1), date(2025, 6, 30), Decimal(4))


def test_open_and_closed_employment_bounds():
    # bram until 2024-11-30, chloe from 2025-01-06, the others open: clipped to the term.
    staffing = Staffing.model_validate(
        {
            "consultants": [
                {"id": "an"},
                {"id": "bram", "employed": {"from": "2023-07-01", "to": "2024-11-30"}},
                {"id": "chloe", "employed": {"from": "2025-01-06"}},
                {"id": "dirk", "employed": {"to": "2030-01-01"}},
            ]
        }
    )
    spans = {(s.first, s.last) for s in baseline(convenant().term, convenant().consultants_fte, staffing, "test", main=True)}
    assert spans == {
        (date(2023, 7, 1), date(2025, 6, 30)),  # an, dirk: open bounds → the whole term
        (date(2023, 7, 1), date(2024, 11, 30)),
        (date(2025, 1, 6), date(2025, 6, 30)),
    }


def test_vacancy_between_two_consultants_worked_example_b():
    # 2024-12-01 … 2025-01-05: 31 + 5 = 36 days with 3 of 4 FTE employed → 36 FTE-days.
    s = settled(
        consultants=[
            {"id": "an"},
            {"id": "bram", "employed": {"from": "2023-07-01", "to": "2024-11-30"}},
            {"id": "chloe", "employed": {"from": "2025-01-06"}},
            {"id": "dirk"},
            {"id": "els"},
        ]
    )
    assert s.staffing.vacancy_fte_days == 36
    assert s.staffing.fte_days == 36
    short = [p for p in s.staffing.pieces if p.short]
    assert [(p.first, p.last, p.employed) for p in short] == [(date(2024, 12, 1), date(2025, 1, 5), Decimal(3))]


def test_surplus_staff_absorbs_an_absence():
    # 5 consultants employed for 4 funded FTE: one absent uncovered for 10 days costs nothing (absorbed);
    # two absent on the same 10 days leave 3 on duty: 10 FTE-days short.
    five = [{"id": x} for x in "abcde"]
    one = settled(consultants=five, absences=[{"consultant": "a", "kind": "career_break", "from": "2024-05-01", "to": "2024-05-10"}])
    assert (one.staffing.absence_fte_days, one.staffing.absorbed_fte_days, one.staffing.fte_days) == (10, 10, 0)
    two = settled(
        consultants=five,
        absences=[
            {"consultant": "a", "kind": "career_break", "from": "2024-05-01", "to": "2024-05-10"},
            {"consultant": "b", "kind": "career_break", "from": "2024-05-01", "to": "2024-05-10"},
        ],
    )
    assert (two.staffing.absence_fte_days, two.staffing.absorbed_fte_days, two.staffing.fte_days) == (20, 10, 10)


def test_fractional_consultants_fte():
    # 2.5 FTE funded, 100000.00 over 2024 (366 days): daily rate = 100000 / (2.5 × 366) = 109.289617…
    # No consultants list: 2.5 FTE employed. A full-time career break 2024-03-01 … 03-10 (10 days):
    # 10 FTE-days; deduction = 10 × 100000 / 915 = 1092.896174… → 1092.90.
    conv = convenant(consultants_fte=Decimal("2.5"), max_subsidy=Decimal("100000.00"), term=ONE_YEAR)
    s = settled(conv=conv, absences=[{"consultant": "x", "kind": "career_break", "from": "2024-03-01", "to": "2024-03-10"}])
    assert s.term_days == 366
    assert s.deduction.shortfall_fte_days == 10
    assert s.deduction.amount == Decimal("1092.90")


def test_fractional_team_fully_staffed():
    # consultants of 1, 1 and 0.5 FTE make the 2.5 funded: nothing short.
    conv = convenant(consultants_fte=Decimal("2.5"), term=ONE_YEAR)
    s = settled(conv=conv, consultants=[{"id": "a"}, {"id": "b"}, {"id": "c", "fte": Decimal("0.5")}])
    assert s.staffing.fte_days == 0


def test_shortfall_adds_up_by_piece():
    # 4 funded; 3 employed on 2024-01-01 … 01-10; 1 off duty on 01-06 … 01-15.
    # 01-01 … 01-05: 4 − 3 = 1 short × 5 = 5; 01-06 … 01-10: 4 − (3 − 1) = 2 × 5 = 10;
    # 01-11 … 01-15: 4 − (4 − 1) = 1 × 5 = 5; the rest 0. Total 20.
    from convenant_calc.core.models import Term
    from convenant_calc.core.spans import Span

    term = Term.model_validate({"start": "2024-01-01", "end": "2024-01-31"})
    employed = [Span(date(2024, 1, 1), date(2024, 1, 10), Decimal(3)), Span(date(2024, 1, 11), date(2024, 1, 31), Decimal(4))]
    off = [Span(date(2024, 1, 6), date(2024, 1, 15), Decimal(1))]
    result = shortfall(Decimal(4), term, employed, off)
    assert [(p.first.day, p.last.day, p.short) for p in result.pieces] == [
        (1, 5, 1),
        (6, 10, 2),
        (11, 15, 1),
        (16, 31, 0),
    ]
    assert result.fte_days == 20
    assert (result.vacancy_fte_days, result.absence_fte_days, result.absorbed_fte_days) == (10, 10, 0)
