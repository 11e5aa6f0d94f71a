"""Checks across the files of a case (SPEC §3, S4, S6, S8), as values with a place.

Pure: each check takes loaded models and returns :class:`Finding` values that
name the file (by its role) and the path of the offending value inside it; the
loading layer turns paths into ``file:line:col``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .models import Convenant, Payments, Results, Staffing
from .timeline import Span, sweep


@dataclass(frozen=True)
class Finding:
    role: str  # "convenant", "absences", "results" or "payments"
    path: tuple[str | int, ...]
    message: str
    warning: bool = False


def check_results(convenant: Convenant, results: Results) -> Iterator[Finding]:
    """S4: every commitment has exactly one reported result; a missing or unknown one is an error."""
    known = {c.id for c in convenant.result_commitments}
    seen: dict[str, int] = {}
    for i, result in enumerate(results.results):
        if result.commitment not in known:
            yield Finding(
                "results",
                ("results", i, "commitment"),
                f"result for unknown commitment {result.commitment!r}; "
                f"the commitments of {convenant.id} are {', '.join(sorted(known))}",
            )
        elif result.commitment in seen:
            yield Finding(
                "results",
                ("results", i, "commitment"),
                f"commitment {result.commitment!r} is reported twice (first as result {seen[result.commitment] + 1}); "
                "keep one result per commitment",
            )
        else:
            seen[result.commitment] = i
        if result.achieved is not None and result.met is None:
            target = next((c.target for c in convenant.result_commitments if c.id == result.commitment), None)
            if target and result.achieved >= 10 * target:
                yield Finding(
                    "results",
                    ("results", i, "achieved"),
                    f"achieved {result.achieved} is 10 or more times the target {target}; check for a typo",
                    warning=True,
                )
    for commitment in convenant.result_commitments:
        if commitment.id not in seen:
            yield Finding(
                "results",
                ("results",),
                f"no result reported for commitment {commitment.id!r} ({commitment.title}); "
                f"add {{commitment: {commitment.id}, achieved: ...}} (S4: a missing result is never 'not met')",
            )


def check_staffing(convenant: Convenant, staffing: Staffing) -> Iterator[Finding]:
    """S5, S6, S8: consultants, their employment, overlapping absences and replacements."""
    ids: dict[str, int] = {}
    for i, consultant in enumerate(staffing.consultants):
        if consultant.id in ids:
            yield Finding(
                "absences",
                ("consultants", i, "id"),
                f"consultant id {consultant.id!r} is used twice; give each consultant one entry",
            )
        ids.setdefault(consultant.id, i)

    for i, absence in enumerate(staffing.absences):
        where = ("absences", i)
        consultant = staffing.consultant(absence.consultant)
        if staffing.consultants and consultant is None:
            yield Finding(
                "absences",
                where + ("consultant",),
                f"absence of unknown consultant {absence.consultant!r}; "
                f"the consultants listed are {', '.join(c.id for c in staffing.consultants)}",
            )
        if consultant is not None and not consultant.employed.holds(absence.from_, absence.to):
            e = consultant.employed
            yield Finding(
                "absences",
                where + ("from",),
                f"absence {absence.from_} … {absence.to} lies outside {consultant.id}'s employment "
                f"({e.from_ or 'open'} … {e.to or 'open'}); an absence must lie within the employed range",
            )
        if absence.to < convenant.term.start or absence.from_ > convenant.term.end:
            yield Finding(
                "absences",
                where + ("from",),
                f"absence {absence.from_} … {absence.to} lies entirely outside the term "
                f"({convenant.term.start} … {convenant.term.end}); it changes nothing",
                warning=True,
            )
        fte = staffing.absence_fte(absence)
        for j, r in enumerate(absence.replacement):
            if r.from_ < absence.from_ or r.to > absence.to:
                yield Finding(
                    "absences",
                    where + ("replacement", j, "from"),
                    f"replacement {r.from_} … {r.to} lies outside its absence ({absence.from_} … {absence.to}); "
                    "a replacement period must lie within the absence",
                )
        spans = [Span(r.from_, r.to, r.fte if r.fte is not None else fte) for r in absence.replacement]
        if spans:
            lo = min(s.first for s in spans)
            hi = max(s.last for s in spans)
            for first, _last, value in sweep({"r": spans}, lo, hi):
                if value["r"] > fte:
                    j = next(k for k, s in enumerate(spans) if s.first <= first <= s.last)
                    yield Finding(
                        "absences",
                        where + ("replacement", j, "fte"),
                        f"replacements on {first} add up to {value['r']} FTE, more than the {fte} FTE absent; "
                        "a replacement replaces at most the absent FTE",
                    )
                    break

    yield from _check_overlaps(staffing)


def _check_overlaps(staffing: Staffing) -> Iterator[Finding]:
    """S6: absences of one consultant may overlap only while their FTE add up to at most the consultant's FTE."""
    by_consultant: dict[str, list[int]] = {}
    for i, absence in enumerate(staffing.absences):
        by_consultant.setdefault(absence.consultant, []).append(i)
    for consultant_id, indexes in by_consultant.items():
        if len(indexes) < 2:
            continue
        consultant = staffing.consultant(consultant_id)
        limit = consultant.fte if consultant is not None else Decimal(1)
        absences = [staffing.absences[i] for i in indexes]
        spans = [Span(a.from_, a.to, staffing.absence_fte(a)) for a in absences]
        lo, hi = min(s.first for s in spans), max(s.last for s in spans)
        for first, _last, value in sweep({"a": spans}, lo, hi):
            if value["a"] > limit:
                active = [i for i, s in zip(indexes, spans, strict=True) if s.first <= first <= s.last]
                a, b = active[0], active[1]
                yield Finding(
                    "absences",
                    ("absences", b),
                    f"absences {a + 1} and {b + 1} of {consultant_id} overlap on {first} with "
                    f"{value['a']} FTE in all, more than {consultant_id}'s {limit} FTE; "
                    "shorten one, or give each its part-time 'fte'",
                )
                break


def check_payments(convenant: Convenant, payments: Payments) -> Iterator[Finding]:
    """S12: payments are advances on this convenant; one dated long after the term is suspicious."""
    late = _a_year_after(convenant.term.end)
    for i, payment in enumerate(payments.payments):
        if payment.date > late:
            yield Finding(
                "payments",
                ("payments", i, "date"),
                f"payment dated {payment.date}, more than a year after the term ended ({convenant.term.end}); "
                "check the date",
                warning=True,
            )


def _a_year_after(day: date) -> date:
    """The same day a year later; 29 February + 1 year is 28 February (as dateutil's relativedelta has it)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def check_case(convenant: Convenant, staffing: Staffing, results: Results, payments: Payments) -> list[Finding]:
    return [
        *check_results(convenant, results),
        *check_staffing(convenant, staffing),
        *check_payments(convenant, payments),
    ]
