"""An independent settlement of S5–S9, written from SPEC §2 alone: a plain loop over days.

It shares no code with ``convenant_calc``: it reads the case as plain values (the dicts a
user writes in YAML: ISO date strings, numbers as Decimals or strings), counts day by day,
and keeps the guaranteed-wage bookkeeping in sets of (absence, day). Slow and obvious on
purpose, so that the interval sweep and the spell bookkeeping of ``core/rules`` are checked
against something that was not derived from them.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

DAY = timedelta(days=1)
GUARANTEED_WAGE = ("sickness", "accident")  # S6: the only kinds covered


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _num(value) -> Decimal:
    return Decimal(str(value))


def _days(first: date, last: date):
    day = first
    while day <= last:
        yield day
        day += DAY


def in_force(value, day: date) -> int:
    """S13: a number, or a list of {from, value}: the value whose from is the latest on or before ``day``
    (before the first from, the first value; a value without from holds on every date)."""
    if not isinstance(value, list):
        return int(value)
    chosen = value[0]["value"]
    for item in value:
        if item.get("from") is None or _day(item["from"]) <= day:
            chosen = item["value"]
    return int(chosen)


def covered_days(absences: list[dict], guaranteed_wage_days, relapse_days, elapsed: bool = False) -> set:
    """S7: the set of (absence number, day) covered by the guaranteed wage.

    For each consultant and kind: the days on which an absence of that kind runs; a day
    starts a new spell when the day before is not such a day, or when an absence marked
    new_cause starts on it and every absence running that day starts on it. A spell is a
    relapse when it starts at most relapse_days after the previous spell ended and no
    absence running on its first day is new_cause (they all start on it). A window holds
    guaranteed_wage_days days of incapacity (elapsed: calendar days from its first day);
    on a covered day every absence running is covered.
    """
    covered = set()
    groups: dict[tuple, list[int]] = {}
    for n, a in enumerate(absences):
        if a["kind"] in GUARANTEED_WAGE:
            groups.setdefault((a["consultant"], a["kind"]), []).append(n)
    for numbers in groups.values():
        running: dict[date, list[int]] = {}
        for n in numbers:
            for day in _days(_day(absences[n]["from"]), _day(absences[n]["to"])):
                running.setdefault(day, []).append(n)
        spells: list[list[date]] = []
        for day in sorted(running):
            here = running[day]
            starting = [n for n in here if _day(absences[n]["from"]) == day]
            new_cause = any(absences[n].get("new_cause", False) for n in starting)
            if day - DAY not in running or (new_cause and len(starting) == len(here)):
                spells.append([day])
            else:
                spells[-1].append(day)
        previous_end = None
        left = 0
        window_first = None
        for spell in spells:
            first = spell[0]
            fresh = any(absences[n].get("new_cause", False) for n in running[first])
            relapse = previous_end is not None and (first - previous_end).days <= in_force(relapse_days, first)
            relapse = relapse and not fresh
            if not relapse:
                window_days = in_force(guaranteed_wage_days, first)
                left, window_first = window_days, first
            for day in spell:
                if elapsed:
                    is_covered = (day - window_first).days < window_days
                else:
                    is_covered = left > 0
                    if is_covered:
                        left -= 1
                if is_covered:
                    for n in running[day]:
                        covered.add((n, day))
            previous_end = spell[-1]
    return covered


def shortfall_fte_days(convenant: dict, staffing: dict, elapsed: bool = False) -> Decimal:
    """S5–S9: Σ over the days of the term of max(0, funded − (employed − off duty))."""
    funded = _num(convenant["consultants_fte"])
    rules = convenant.get("absence_rules") or {}
    consultants = staffing.get("consultants") or []
    absences = staffing.get("absences") or []
    fte_of = {c["id"]: _num(c.get("fte", 1)) for c in consultants}
    covered = covered_days(absences, rules.get("guaranteed_wage_days", 30), rules.get("relapse_days", 14), elapsed)
    total = Decimal(0)
    for day in _days(_day(convenant["term"]["start"]), _day(convenant["term"]["end"])):
        if consultants:  # S5
            employed = Decimal(0)
            for c in consultants:
                employment = c.get("employed") or {}
                after_start = employment.get("from") is None or _day(employment["from"]) <= day
                before_end = employment.get("to") is None or day <= _day(employment["to"])
                if after_start and before_end:
                    employed += _num(c.get("fte", 1))
        else:
            employed = funded
        off = Decimal(0)
        for n, a in enumerate(absences):
            if not _day(a["from"]) <= day <= _day(a["to"]) or (n, day) in covered:
                continue
            fte = _num(a["fte"]) if a.get("fte") is not None else fte_of.get(a["consultant"], Decimal(1))  # S6
            replaced = Decimal(0)  # S8
            for r in a.get("replacement") or []:
                if _day(r["from"]) <= day <= _day(r["to"]):
                    replaced += _num(r["fte"]) if r.get("fte") is not None else fte
            off += fte - min(replaced, fte)
        total += max(Decimal(0), funded - (employed - off))  # S9
    return total
