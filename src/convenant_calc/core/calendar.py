"""Belgian working days (SPEC §9, S15): the one home of the legal holidays.

S15: "A working day is any day but Saturday, Sunday and the ten Belgian legal
holidays: 1 January, Easter Monday, 1 May, Ascension Day, Whit Monday,
21 July, 15 August, 1 November, 11 November, 25 December."

Easter comes from :func:`dateutil.easter.easter` (the Western, Gregorian
date); Ascension is 39 days after Easter Sunday, Whit Monday 50 days after.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from dateutil.easter import easter

ONE_DAY = timedelta(days=1)


@cache
def legal_holidays(year: int) -> dict[date, str]:
    """The ten Belgian legal holidays of ``year``, by date, with their Dutch names."""
    sunday = easter(year)
    return {
        date(year, 1, 1): "Nieuwjaar",
        sunday + timedelta(days=1): "Paasmaandag",
        date(year, 5, 1): "Dag van de Arbeid",
        sunday + timedelta(days=39): "Onze-Lieve-Heer-Hemelvaart",
        sunday + timedelta(days=50): "Pinkstermaandag",
        date(year, 7, 21): "Nationale feestdag",
        date(year, 8, 15): "Onze-Lieve-Vrouw-Hemelvaart",
        date(year, 11, 1): "Allerheiligen",
        date(year, 11, 11): "Wapenstilstand",
        date(year, 12, 25): "Kerstmis",
    }


def is_working_day(day: date) -> bool:
    """S15: not a Saturday, not a Sunday, not a legal holiday."""
    return day.weekday() < 5 and day not in legal_holidays(day.year)


def working_days(first: date, last: date) -> int:
    """The number of working days in the inclusive range [first, last] (0 when last < first)."""
    count, day = 0, first
    while day <= last:
        count += is_working_day(day)
        day += ONE_DAY
    return count


def working_day_after(day: date, n: int = 1) -> date:
    """The ``n``-th working day strictly after ``day`` (n ≥ 1)."""
    if n < 1:
        raise ValueError(f"n counts working days after a date and is at least 1, got {n}")
    while n:
        day += ONE_DAY
        n -= is_working_day(day)
    return day
