"""A minimal interval sweep of S5–S10, independent of the package: the reference `settle` is timed against.

Reads a case of one period without lines (convenant.yaml with its own terms, absences.yaml) and
prints the shortfall in FTE-days (S9) and the deduction (S10). Exact: YAML numbers are read as
Decimal, the rate is a Fraction, the deduction rounded half-up to cents once. Guaranteed-wage
windows (S7) go by incapacity spells: per consultant and kind the union of the absences' days,
cut before a new cause that starts with every absence running on its day; a spell starting at
most relapse_days after the previous one ended (and no new cause on its first day) draws on the
previous window. Then one sweep over the boundaries of employment and uncovered, unreplaced absence
parts gives the FTE on duty, piece by piece.

    python benchmarks/sweep.py CASE_DIR
"""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import yaml

DAY = timedelta(days=1)
COVERED_KINDS = ("sickness", "accident")


def _read(path: Path) -> dict:
    """The file with every scalar as its text (libyaml's base loader: no type guessing, S1: ``0.1`` is one tenth
    as Decimal("0.1")); the figures are converted where they are used."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader)) or {}


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _absence(a: dict) -> dict:
    return {
        "consultant": a["consultant"], "kind": a["kind"], "from": _day(a["from"]), "to": _day(a["to"]),
        "new_cause": a.get("new_cause") == "true", "fte": Decimal(a["fte"]) if "fte" in a else None,
        "replacement": [(_day(r["from"]), _day(r["to"]), Decimal(r["fte"]) if "fte" in r else None)
                        for r in a.get("replacement") or []],
    }


def _windows(absences: list[dict], guaranteed: int, relapse: int) -> list[date | None]:
    """S7: for each absence the last day its spell's window covers (None: no covered day)."""
    last_covered: list[date | None] = [None] * len(absences)
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, a in enumerate(absences):
        if a["kind"] in COVERED_KINDS:
            groups[(a["consultant"], a["kind"])].append(i)
    for members in groups.values():
        members.sort(key=lambda i: (absences[i]["from"], absences[i]["to"]))
        spells: list[list] = []  # [first, last, members, new cause on the first day]
        for i in members:
            a = absences[i]
            spell = spells[-1] if spells else None
            starts_new = a["new_cause"] and spell is not None and all(
                absences[j]["from"] == a["from"] for j in spell[2] if absences[j]["to"] >= a["from"]
            ) and spell[0] < a["from"]
            if spell is not None and a["from"] <= spell[1] + DAY and not starts_new:
                spell[1] = max(spell[1], a["to"])
                spell[2].append(i)
                spell[3] = spell[3] or (a["from"] == spell[0] and a["new_cause"])
            else:
                if spell is not None and starts_new and a["from"] <= spell[1]:  # cut the running spell
                    spell[1] = a["from"] - DAY
                spells.append([a["from"], a["to"], [i], a["new_cause"]])
        left, previous_last = 0, None
        for first, last, spell_members, new_cause in spells:
            relapsed = previous_last is not None and (first - previous_last).days <= relapse and not new_cause
            left = left if relapsed else guaranteed
            days = (last - first).days + 1
            used = min(left, days)
            for i in spell_members:
                last_covered[i] = first + timedelta(days=used - 1) if used else None
            left -= used
            previous_last = last
    return last_covered


def settle(case_dir: Path) -> tuple[Decimal, Decimal]:
    """(shortfall_fte_days, deduction) of the case (S5–S10)."""
    conv = _read(case_dir / "convenant.yaml")
    staff = _read(case_dir / "absences.yaml")
    start, end = _day(conv["term"]["start"]), _day(conv["term"]["end"])
    funded = Decimal(conv["consultants_fte"])
    rules = conv.get("absence_rules") or {}
    guaranteed, relapse = int(rules.get("guaranteed_wage_days", 30)), int(rules.get("relapse_days", 14))
    consultants = {c["id"]: Decimal(c.get("fte", "1")) for c in staff.get("consultants") or []}
    events: dict[date, Decimal] = defaultdict(Decimal)  # day -> change of the FTE on duty from that day

    def add(first: date, last: date, fte: Decimal) -> None:
        first, last = max(first, start), min(last, end)
        if first <= last and fte:
            events[first] += fte
            events[last + DAY] -= fte

    if consultants:  # S5
        for c in staff["consultants"]:
            employed = c.get("employed") or {}
            add(_day(employed.get("from", str(start))), _day(employed.get("to", str(end))), consultants[c["id"]])
    else:
        add(start, end, funded)
    absences = [_absence(a) for a in staff.get("absences") or []]
    last_covered = _windows(absences, guaranteed, relapse)
    for a, covered_to in zip(absences, last_covered, strict=True):  # S6, S8
        fte = a["fte"] if a["fte"] is not None else consultants.get(a["consultant"], Decimal(1))
        first = a["from"] if covered_to is None else max(a["from"], covered_to + DAY)
        if first > a["to"]:
            continue
        cuts: dict[date, Decimal] = defaultdict(Decimal, {first: Decimal(0), a["to"] + DAY: Decimal(0)})
        for r_from, r_to, r_fte in a["replacement"]:
            r_first, r_last = max(r_from, first), min(r_to, a["to"])
            if r_first <= r_last:
                cuts[r_first] += fte if r_fte is None else r_fte
                cuts[r_last + DAY] -= fte if r_fte is None else r_fte
        replaced, days = Decimal(0), sorted(cuts)
        for lo, hi in zip(days, days[1:]):
            replaced += cuts[lo]
            add(lo, hi - DAY, -(fte - min(fte, replaced)))
    short, on_duty, days = Decimal(0), Decimal(0), sorted(events)  # S9: one sweep over the boundaries
    for lo, hi in zip(days, days[1:]):
        on_duty += events[lo]
        short += max(Decimal(0), funded - on_duty) * (hi - lo).days
    if days:  # days of the term before the first boundary have no one on duty
        short += funded * (days[0] - start).days
    else:
        short += funded * ((end - start).days + 1)
    rate = Fraction(Decimal(conv["max_subsidy"])) / (Fraction(funded) * ((end - start).days + 1))  # S10
    exact = rate * Fraction(short)
    deduction = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return short.normalize(), deduction


if __name__ == "__main__":
    shortfall, amount = settle(Path(sys.argv[1]))
    print(f"shortfall_fte_days: {shortfall}\ndeduction: {amount}")
