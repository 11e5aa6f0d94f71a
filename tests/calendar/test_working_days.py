"""S15 working days: one test per legal holiday for 2023–2027, derived from the calendar by hand."""

from datetime import date

import pytest

from convenant_calc.core.calendar import is_working_day, legal_holidays, working_day_after, working_days

# Easter Sunday: 2023-04-09, 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28 (published church calendars).
# Easter Monday = +1, Ascension = +39 (a Thursday), Whit Monday = +50.
MOVABLE = {
    2023: (date(2023, 4, 10), date(2023, 5, 18), date(2023, 5, 29)),
    2024: (date(2024, 4, 1), date(2024, 5, 9), date(2024, 5, 20)),
    2025: (date(2025, 4, 21), date(2025, 5, 29), date(2025, 6, 9)),
    2026: (date(2026, 4, 6), date(2026, 5, 14), date(2026, 5, 25)),
    2027: (date(2027, 3, 29), date(2027, 5, 6), date(2027, 5, 17)),
}
FIXED = [(1, 1), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25)]
YEARS = range(2023, 2028)


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("month,day", FIXED)
def test_fixed_holiday(year, month, day):
    assert date(year, month, day) in legal_holidays(year)
    assert not is_working_day(date(year, month, day))


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("which", ["Paasmaandag", "Onze-Lieve-Heer-Hemelvaart", "Pinkstermaandag"])
def test_movable_holiday(year, which):
    expected = dict(zip(["Paasmaandag", "Onze-Lieve-Heer-Hemelvaart", "Pinkstermaandag"], MOVABLE[year]))[which]
    assert legal_holidays(year)[expected] == which
    assert not is_working_day(expected)


@pytest.mark.parametrize("year", YEARS)
def test_exactly_ten_holidays(year):
    assert len(legal_holidays(year)) == 10


def test_weekends_are_not_working_days():
    assert not is_working_day(date(2024, 12, 21))  # Saturday
    assert not is_working_day(date(2024, 12, 22))  # Sunday
    assert is_working_day(date(2024, 12, 23))  # Monday


def test_spec_9_letter_posted_before_christmas():
    # SPEC §9: posted Friday 2024-12-20; working days after it: Mon 23, Tue 24, (Wed 25 holiday), Thu 26.
    assert working_day_after(date(2024, 12, 20), 3) == date(2024, 12, 26)
    assert working_day_after(date(2024, 12, 26)) == date(2024, 12, 27)


def test_working_days_of_the_reference_term():
    # SPEC §11: 503 working days in 2023-07-01 … 2025-06-30.
    assert working_days(date(2023, 7, 1), date(2025, 6, 30)) == 503
    # SPEC §11: 8 of the 12 days 2024-02-07 … 2024-02-18 are working days (Wed 7 … Sun 18: two weekends).
    assert working_days(date(2024, 2, 7), date(2024, 2, 18)) == 8
    assert working_days(date(2024, 2, 18), date(2024, 2, 7)) == 0
