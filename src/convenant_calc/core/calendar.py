"""Belgian working days (SPEC §9, S15): the one home of the legal holidays.

S15: "A working day is any day but Saturday, Sunday and the ten Belgian legal
holidays: 1 January, Easter Monday, 1 May, Ascension Day, Whit Monday,
21 July, 15 August, 1 November, 11 November, 25 December."

Easter comes from :func:`dateutil.easter.easter` (the Western, Gregorian
date); Ascension is 39 days after Easter Sunday, Whit Monday 50 days after.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

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


def working_day_runs(first: date, last: date) -> list[tuple[date, date]]:
    """The maximal runs of consecutive working days in the inclusive range [first, last]."""
    runs: list[tuple[date, date]] = []
    start: date | None = None
    day = first
    while day <= last:
        if is_working_day(day):
            start = start or day
        elif start is not None:
            runs.append((start, day - ONE_DAY))
            start = None
        day += ONE_DAY
    if start is not None:
        runs.append((start, last))
    return runs


def working_day_after(day: date, n: int = 1) -> date:
    """The ``n``-th working day strictly after ``day`` (n ≥ 1)."""
    if n < 1:
        raise ValueError(f"n counts working days after a date and is at least 1, got {n}")
    while n:
        day += ONE_DAY
        n -= is_working_day(day)
    return day


# --- notice by registered letter (S15, Art. 7) ------------------------------------------

#: Art. 7, the sentences the notice computation implements.
ARTICLE_7_NOTICE = (
    "De partijen kunnen op elk moment het sectorconvenant opzeggen, mits ze een opzegtermijn van "
    "6 maanden in acht nemen. De kennisgeving van de opzegging gebeurt per aangetekende brief. "
    "De opzeggingstermijn begint te lopen vanaf de eerste werkdag na de kennisgeving."
)
NOTICE_MONTHS = 6
RECEIVED_AFTER_WORKING_DAYS = 3


@dataclass(frozen=True)
class Notice:
    """The dates of a notice given by a registered letter posted on ``posted`` (S15)."""

    posted: date
    received: date  # the kennisgeving: the 3rd working day after posting
    starts: date  # the first working day after the kennisgeving
    ends: date  # the last day of the six months: the agreement's last day


def notice_received(posted: date) -> date:
    """S15 — a registered letter counts as received on the third working day after it was posted."""
    return working_day_after(posted, RECEIVED_AFTER_WORKING_DAYS)


def notice_starts(received: date) -> date:
    """S15 — Art. 7: "De opzeggingstermijn begint te lopen vanaf de eerste werkdag na de kennisgeving."."""
    return working_day_after(received, 1)


def notice_ends(starts: date, months: int = NOTICE_MONTHS) -> date:
    """S15 — the last day of a notice of ``months`` months that starts on ``starts``.

    Art. 7: "mits ze een opzegtermijn van 6 maanden in acht nemen."

    The day before the same day of the month ``months`` later; when that day does not
    exist in that month (31 August + 6 months), the last day of that month. dateutil's
    ``relativedelta`` clamps a missing day to the month's last day, which tells the two
    cases apart: the day of the month changed exactly when it was clamped.
    """
    later = starts + relativedelta(months=months)
    return later if later.day != starts.day else later - ONE_DAY


def notice(posted: date, *, from_posting: bool = False) -> Notice:
    """S15 — every date of a notice by a registered letter posted on ``posted``.

    ``from_posting`` (reading ``notice.from-posting``, S17): the posting is the notification,
    so the notice runs from the first working day after posting (``received`` is then ``posted``).
    """
    received = posted if from_posting else notice_received(posted)
    starts = notice_starts(received)
    return Notice(posted=posted, received=received, starts=starts, ends=notice_ends(starts))


def last_posting_day(term_end: date) -> date:
    """S15/S16 — the last working day to post a registered letter so that the notice ends by ``term_end``.

    The end of a notice never moves backwards when the letter is posted later, so this
    walks back from the first day whose notice would certainly end too late. A letter
    posted on a Saturday, Sunday or holiday counts from the same working days as one
    posted on the working day before it, so the last *working* day is named: the post
    office is open and the dates are the same.
    """
    day = term_end - relativedelta(months=NOTICE_MONTHS)  # its notice ends after term_end
    while notice(day).ends > term_end or not is_working_day(day):
        day -= ONE_DAY
    return day
