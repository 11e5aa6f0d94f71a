"""S15 notice by registered letter (Art. 7): received, notice from, ends; derived by hand."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.core.calendar import is_working_day, last_posting_day, notice, notice_ends


def test_spec_9_example():
    # Posted Fri 2024-12-20. Working days after it: Mon 23 (1), Tue 24 (2), Wed 25 is Kerstmis,
    # Thu 26 (3) → received 2024-12-26. First working day after: Fri 2024-12-27 → notice from.
    # Six months later: 2025-06-27; the day before → ends 2025-06-26.
    n = notice(date(2024, 12, 20))
    assert (n.received, n.starts, n.ends) == (date(2024, 12, 26), date(2024, 12, 27), date(2025, 6, 26))


def test_notice_from_31_august():
    # Posted Tue 2026-08-25 → Wed 26 (1), Thu 27 (2), Fri 28 (3): received 2026-08-28;
    # notice from Mon 2026-08-31. 31 February 2027 does not exist → the last day of
    # February: 2027-02-28 (not "the day before the last day", 27 February).
    n = notice(date(2026, 8, 25))
    assert (n.received, n.starts, n.ends) == (date(2026, 8, 28), date(2026, 8, 31), date(2027, 2, 28))


def test_notice_from_29_august_in_a_non_leap_year():
    # Posted Fri 2024-08-23 → Mon 26 (1), Tue 27 (2), Wed 28 (3): received 2024-08-28;
    # notice from Thu 2024-08-29. 2025 is not a leap year: 29 February 2025 does not exist →
    # the notice ends on the last day of February, 2025-02-28.
    n = notice(date(2024, 8, 23))
    assert (n.received, n.starts, n.ends) == (date(2024, 8, 28), date(2024, 8, 29), date(2025, 2, 28))


def test_month_ends_day_by_day():
    # 28 August 2024 + 6 months = 28 February 2025, which exists: the day before, 27 February.
    assert notice_ends(date(2024, 8, 28)) == date(2025, 2, 27)
    # 29, 30 and 31 August 2024 all end on 28 February 2025 (the day does not exist).
    for day in (29, 30, 31):
        assert notice_ends(date(2024, 8, day)) == date(2025, 2, 28)
    # In a leap year 29 February exists: from 2023-08-29 the notice ends the day before, 2024-02-28;
    # from 2023-08-30 (no 30 February) on the last day, 2024-02-29.
    assert notice_ends(date(2023, 8, 29)) == date(2024, 2, 28)
    assert notice_ends(date(2023, 8, 30)) == date(2024, 2, 29)
    # 31 December + 6 months: 31 June does not exist → 30 June.
    assert notice_ends(date(2024, 12, 31)) == date(2025, 6, 30)


def test_last_day_to_post_for_the_reference_term():
    # Term ends 2025-06-30. A notice from 2024-12-31 ends 2025-06-30 (31 June does not exist);
    # from the next working day, 2025-01-02 (1 January is Nieuwjaar), it ends 2025-07-01: too late.
    # Received must be Mon 2024-12-30 (the working day before 12-31). Posted Tue 2024-12-24:
    # Thu 26 (1), Fri 27 (2), Mon 30 (3). Posted Thu 12-26: Fri 27, Mon 30, Tue 31 → too late.
    # 25 December (a holiday) gives the same dates as 24 December; the last working day is named.
    day = last_posting_day(date(2025, 6, 30))
    assert day == date(2024, 12, 24)
    assert notice(day).ends == date(2025, 6, 30)
    assert notice(date(2024, 12, 26)).ends == date(2025, 7, 1)


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_last_posting_day_is_the_last(term_end):
    day = last_posting_day(term_end)
    assert is_working_day(day)
    assert notice(day).ends <= term_end
    later = day + timedelta(days=1)
    while not is_working_day(later):
        later += timedelta(days=1)
    assert notice(later).ends > term_end


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_notice_dates_are_ordered(posted):
    n = notice(posted)
    assert posted < n.received < n.starts < n.ends
    assert is_working_day(n.received) and is_working_day(n.starts)
    # Six months: at least 181 and at most 184 days from the first to the last day.
    assert 180 <= (n.ends - n.starts).days <= 183
