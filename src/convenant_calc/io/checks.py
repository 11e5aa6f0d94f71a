"""Checks across the files of a case (SPEC §3, S4, S6, S8), as values with a place.

Pure: each check takes loaded models and returns :class:`Finding` values that
name the file (by its role) and the path of the offending value inside it; the
loading layer turns paths into ``file:line:col``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from convenant_calc.core.text import clip, quoted
from convenant_calc.core.models import (
    CHANGE_KEYS,
    Addendum,
    EXTENSION_KEYS,
    AmendmentKind,
    Convenant,
    Costs,
    Payments,
    Results,
    Staffing,
)
from convenant_calc.core.money import D, fmt_plain
from convenant_calc.core.rules import costs as cost_rules
from convenant_calc.core.rules.lines import budgets, exact_decimal, line_factor
from convenant_calc.core.rules.periods import continued_addendum, periods
from convenant_calc.io.problems import closest
from convenant_calc.core.spans import Span, levels, sweep


@dataclass(frozen=True)
class Finding:
    role: str  # "convenant", "absences", "results", "payments" or "costs"
    path: tuple[str | int, ...]
    message: str
    warning: bool = False
    on_key: bool = False  # at the key of the last part of ``path`` (a mapping's key is what is wrong), not its value


def _did_you_mean(word: str, known: list[str]) -> str:
    hint = closest(word, known)
    return f"did you mean {quoted(hint)}? " if hint else ""


def _listing(names: list[str], most: int = 10) -> str:
    """The names, or the first ``most`` of them and how many more: a message stays one readable line."""
    shown = ", ".join(clip(n) for n in names[:most])
    return shown if len(names) <= most else f"{shown} and {len(names) - most} more"


def check_results(convenant: Convenant, results: Results, *, pending_allowed: bool = False) -> Iterator[Finding]:
    """S4: every commitment has exactly one reported result; a missing or unknown one is an error.

    S14: the commitments are those of every period, as amended; a result for a
    commitment a change removed is an error too (it would silently count for nothing).
    S16: in an interim position (``pending_allowed``) a commitment without a result is pending.
    """
    commitments = [c for p in periods(convenant) for b in budgets(p) for c in b.result_commitments]  # S14, S19
    known = {c.id for c in commitments}
    targets: dict[str, Target] = {}
    for c in commitments:  # the first commitment of an id, looked up once per result (was a scan: quadratic)
        targets.setdefault(c.id, c.target)
    removed = {r: a.id for a in convenant.amendments for r in a.remove if r not in known}
    seen: dict[str, int] = {}
    for i, result in enumerate(results.results):
        if result.commitment in removed:
            yield Finding(
                "results",
                ("results", i, "commitment"),
                f"commitment {quoted(result.commitment)} was removed by amendment {quoted(removed[result.commitment])} (S14); "
                "remove its result",
            )
        elif result.commitment not in known:
            yield Finding(
                "results",
                ("results", i, "commitment"),
                f"result for unknown commitment {quoted(result.commitment)}; "
                f"{_did_you_mean(result.commitment, sorted(known))}"
                f"the commitments of {clip(convenant.id)} are {_listing(sorted(known))}; correct the id",
            )
        elif result.commitment in seen:
            yield Finding(
                "results",
                ("results", i, "commitment"),
                f"commitment {quoted(result.commitment)} is reported twice "
                f"(first as result {seen[result.commitment] + 1}); "
                "keep one result per commitment",
            )
        else:
            seen[result.commitment] = i
        if result.achieved is not None and result.met is None:
            target = targets.get(result.commitment)
            if target and result.achieved >= 10 * target:
                yield Finding(
                    "results",
                    ("results", i, "achieved"),
                    f"achieved {result.achieved} is 10 or more times the target {target}; check for a typo",
                    warning=True,
                )
    for commitment in commitments:
        if commitment.id not in seen and not pending_allowed:
            yield Finding(
                "results",
                ("results",),
                f"no result reported for commitment {quoted(commitment.id)} ({clip(commitment.title)}); "
                f"add {{commitment: {commitment.id}, achieved: ...}} (S4: a missing result is never 'not met')",
            )


def check_staffing(convenant: Convenant, staffing: Staffing) -> Iterator[Finding]:
    """S5, S6, S8: consultants, their employment, overlapping absences and replacements.

    S8: replacements that add up to more than the absent FTE on a day are valid input,
    counted at the absent FTE (:func:`~convenant_calc.core.rules.absences.absence_outcome`);
    the check warns once per absence, at the replacement that starts on the first such day.
    """
    ids: dict[str, int] = {}
    for i, consultant in enumerate(staffing.consultants):
        if consultant.id in ids:
            yield Finding(
                "absences",
                ("consultants", i, "id"),
                f"consultant id {quoted(consultant.id)} is used twice; give each consultant one entry",
            )
        ids.setdefault(consultant.id, i)

    ftes = [staffing.absence_fte(a) for a in staffing.absences]  # once an absence, for every check (issue 23)
    yield from _check_assignments(convenant, staffing, ftes)
    listed = [c.id for c in staffing.consultants]
    found = periods(convenant)
    span = (found[0].convenant.term.start, found[-1].convenant.term.end)  # S14: all periods together
    for i, absence in enumerate(staffing.absences):
        where = ("absences", i)
        consultant = staffing.consultant(absence.consultant)
        if listed and consultant is None:
            yield Finding(
                "absences",
                where + ("consultant",),
                f"absence of unknown consultant {quoted(absence.consultant)}; "
                f"{_did_you_mean(absence.consultant, listed)}"
                f"the consultants listed are {_listing(listed)}; correct the id or add the consultant",
            )
        if consultant is not None and not consultant.employed.holds(absence.from_, absence.to):
            e = consultant.employed
            early = e.from_ is not None and absence.from_ < e.from_
            yield Finding(
                "absences",
                where + ("from" if early else "to",),
                f"absence {absence.from_} … {absence.to} lies outside {clip(consultant.id)}'s employment "
                f"({e.from_ or 'open'} … {e.to or 'open'}); correct the dates of the absence or of the employment",
            )
        if absence.to < span[0] or absence.from_ > span[1]:
            yield Finding(
                "absences",
                where + ("from",),
                f"absence {absence.from_} … {absence.to} lies entirely outside the term "
                f"({span[0]} … {span[1]}); its days do not count (S6), check its dates",
                warning=True,
            )
        if not absence.replacement:
            continue
        fte = ftes[i]
        for j, r in enumerate(absence.replacement):
            if r.from_ < absence.from_ or r.to > absence.to:
                yield Finding(
                    "absences",
                    where + ("replacement", j, "from"),
                    f"replacement {r.from_} … {r.to} lies outside its absence ({absence.from_} … {absence.to}); "
                    "shorten the replacement to the absence, or correct the dates",
                )
        values = [r.fte if r.fte is not None else fte for r in absence.replacement]
        if all(value <= fte for value in values) and (
            len(values) == 1 or not _overlapping([(r.from_, r.to) for r in absence.replacement])
        ):
            continue  # each within the absent FTE, and no two on one day: no day over it, nothing to sweep
        spans = [Span(r.from_, r.to, value) for r, value in zip(absence.replacement, values)]
        if spans:
            lo = min(s.first for s in spans)
            hi = max(s.last for s in spans)
            for first, _last, value in levels(spans, lo, hi):  # the sum replaced on each day
                if value > fte:  # valid input (S8): counted at the absent FTE, with a warning
                    j = max(k for k, s in enumerate(spans) if s.first <= first <= s.last and s.first == first)
                    yield Finding(
                        "absences",
                        where + ("replacement", j),
                        f"replacements on {first} add up to {value} FTE, more than the {fte} FTE absent; "
                        f"they count for {fte} FTE on such days (S8); check the replacements' fte",
                        warning=True,
                    )
                    break

    yield from _check_overlaps(staffing, ftes)
    if not staffing.consultants:
        for period in found:  # S14: each period with its own funded FTE
            yield from _check_unlisted(period.convenant, staffing)


def _check_assignments(convenant: Convenant, staffing: Staffing, ftes: Sequence[Decimal]) -> Iterator[Finding]:
    """S19: a consultant's ``lines`` name addenda of the agreement, and each part of an absence in a line is
    an exact number of FTE.

    SPEC S19: "an unknown line id is an input error"; the main line takes what the addenda leave of a
    consultant's ``fte``, so it is not listed. An absence of ``a`` FTE of a consultant of ``f`` FTE counts
    ``a × share / f`` in a line; S1 and S9 count FTE-days exactly, so that part must have a finite decimal
    (0.2 × 0.25 / 0.75 = 1/15 has none): such an absence is refused rather than rounded.
    ``ftes``: each absence's FTE (``staffing.absence_fte``), in file order.
    """
    addenda = [a.id for a in convenant.addenda]
    for i, consultant in enumerate(staffing.consultants):
        for line in consultant.lines:
            if line == convenant.id:
                yield Finding(
                    "absences",
                    ("consultants", i, "lines", line),
                    f"{quoted(line)} is the main line, which takes the rest of {quoted(consultant.id)}'s fte "
                    f"{consultant.fte}; list only the addenda under 'lines' (S19)",
                    on_key=True,
                )
            elif line not in addenda:
                known = f"the addenda are {_listing(addenda)}" if addenda else f"{clip(convenant.id)} has no addenda"
                yield Finding(
                    "absences",
                    ("consultants", i, "lines", line),
                    f"unknown line {quoted(line)}; {_did_you_mean(line, addenda)}{known}; correct the id or add the "
                    "addendum to convenant.yaml (S19)",
                    on_key=True,
                )
    if not any(c.lines for c in staffing.consultants):  # every absence counts in the main line alone
        return
    lines = {b.line: b for p in periods(convenant) for b in budgets(p)}
    for i, absence in enumerate(staffing.absences):
        consultant = staffing.consultant(absence.consultant)
        if consultant is None or not consultant.lines:
            continue
        fte = ftes[i]
        amounts = [("fte", fte)] + [
            (("replacement", j, "fte"), r.fte) for j, r in enumerate(absence.replacement) if r.fte is not None
        ]
        inexact = [
            (where, amount, budget)
            for budget in lines.values()
            for where, amount in amounts
            if not _exact(Fraction(amount) * line_factor(staffing, absence.consultant, budget))
        ]
        if inexact:  # one finding per absence: the first line and amount that cannot be counted exactly
            where, amount, budget = inexact[0]
            share = consultant.share(budget.line, budget.main)
            yield Finding(
                "absences",
                ("absences", i) + ((where,) if isinstance(where, str) else where),
                f"in line {quoted(budget.line)} this counts {amount} × {share} / {consultant.fte} FTE, which has no "
                "exact decimal, and FTE-days are counted exactly (S1, S9, S19); check this fte and the consultant's "
                "shares under 'lines'",
            )


def _exact(value: Fraction) -> bool:
    try:
        exact_decimal(value)
    except ArithmeticError:
        return False
    return True


def _check_overlaps(staffing: Staffing, ftes: Sequence[Decimal]) -> Iterator[Finding]:
    """S6: absences of one consultant may overlap only while their FTE add up to at most the consultant's FTE.

    A single absence may not take off more than its consultant's FTE either. ``ftes``: each absence's FTE
    (``staffing.absence_fte``), in file order.
    """
    absences = staffing.absences
    by_consultant: dict[str, list[int]] = {}
    for i, absence in enumerate(absences):
        by_consultant.setdefault(absence.consultant, []).append(i)
    for consultant_id, indexes in by_consultant.items():
        consultant = staffing.consultant(consultant_id)
        limit = consultant.fte if consultant is not None else D(1)
        over = False
        for i in indexes:
            if ftes[i] > limit:
                over = True
                yield Finding(
                    "absences",
                    ("absences", i, "fte"),
                    f"absence {i + 1} takes {ftes[i]} FTE off, more than {clip(consultant_id)}'s {limit} FTE; "
                    f"give it 'fte: {limit}' or less",
                )
        if len(indexes) < 2 or over or not _overlapping([(absences[i].from_, absences[i].to) for i in indexes]):
            continue
        spans = [Span(absences[i].from_, absences[i].to, ftes[i]) for i in indexes]
        lo, hi = min(s.first for s in spans), max(s.last for s in spans)
        for first, _last, value in levels(spans, lo, hi):  # the FTE absent on each day
            if value > limit:
                active = [i for i, s in zip(indexes, spans, strict=True) if s.first <= first <= s.last]
                a, b = active[0], active[1]
                yield Finding(
                    "absences",
                    ("absences", b),
                    f"absences {a + 1} and {b + 1} of {clip(consultant_id)} overlap on {first} with "
                    f"{value} FTE in all, more than {clip(consultant_id)}'s {limit} FTE; "
                    "shorten one, or give each its part-time 'fte'",
                )
                break


def _overlapping(ranges: list[tuple[date, date]]) -> bool:
    """Whether two of the (first, last) ranges share a day (without that, no day adds up more than one
    range's value). Sorted by (first, last): two ranges with the same first day overlap in any order."""
    ordered = sorted(ranges)
    return any(b[0] <= a[1] for a, b in zip(ordered, ordered[1:]))


def _check_unlisted(convenant: Convenant, staffing: Staffing) -> Iterator[Finding]:
    """S5: without a consultants list the funded FTE is assumed employed, so no more can be absent on a day.

    Otherwise more FTE-days would be deducted on a day than the agreement funds.
    """
    spans = [Span(a.from_, a.to, staffing.absence_fte(a)) for a in staffing.absences]
    funded = convenant.consultants_fte
    term = convenant.term
    for first, _last, value in sweep({"a": spans}, term.start, term.end):
        if value["a"] > funded:
            active = [i + 1 for i, s in enumerate(spans) if s.first <= first <= s.last]
            which = f"absences {', '.join(map(str, active))} take" if len(active) > 1 else f"absence {active[0]} takes"
            yield Finding(
                "absences",
                ("absences", active[-1] - 1),
                f"on {first} {which} {value['a']} FTE off, more than the {funded} FTE assumed employed "
                "(no consultants are listed, S5); list the consultants with their FTE under 'consultants:'",
            )
            return


def check_payments(convenant: Convenant, payments: Payments) -> Iterator[Finding]:
    """S12: payments are advances on this convenant; one dated long after the term is suspicious.

    S14: with more than one period each payment names its period (the final payment of one
    period is often made during the next, so the date cannot decide); a named period must exist.
    """
    found = {p.id: p.convenant.term for p in periods(convenant)}
    lines_in = {p.id: [b.line for b in budgets(p)] for p in periods(convenant)}
    lines = [convenant.id] + [a.id for a in convenant.addenda]
    ids = ", ".join(found)
    for i, payment in enumerate(payments.payments):
        if payment.line is not None and payment.line not in lines:  # S19: "a payment may name line: <id>"
            yield Finding(
                "payments",
                ("payments", i, "line"),
                f"payment for unknown line {quoted(payment.line)}; {_did_you_mean(payment.line, lines)}"
                f"the lines of {convenant.id} are {', '.join(lines)} (S19); correct the id",
            )
        elif payment.line is not None and (payment.period in found or len(found) == 1):
            period = payment.period if payment.period in found else next(iter(found))
            if payment.line not in lines_in[period]:
                yield Finding(
                    "payments",
                    ("payments", i, "line"),
                    f"payment for line {quoted(payment.line)}, which has no budget in period {quoted(period)}; "
                    f"the lines of that period are {', '.join(lines_in[period])} (S19); correct the line or the period",
                )
        term = convenant.term
        if payment.period is None and len(found) > 1:
            yield Finding(
                "payments",
                ("payments", i),
                f"payment of {payment.date} names no period, and {convenant.id} has {len(found)} periods "
                f"({ids}); add period: <id> (S14)",
            )
        elif payment.period is not None and payment.period not in found:
            yield Finding(
                "payments",
                ("payments", i, "period"),
                f"payment for unknown period {quoted(payment.period)}; {_did_you_mean(payment.period, list(found))}"
                f"the periods of {convenant.id} are {ids}; correct the id",
            )
        elif payment.period is not None:
            term = found[payment.period]
        if payment.date > _a_year_after(term.end):
            yield Finding(
                "payments",
                ("payments", i, "date"),
                f"payment dated {payment.date}, more than a year after the term ended ({term.end}); "
                "check the date",
                warning=True,
            )


def check_termination(convenant: Convenant) -> Iterator[Finding]:
    """S15: a termination ends the agreement within its term; an end on or after the term's end changes nothing."""
    termination = convenant.termination
    if termination is None:
        return
    from convenant_calc.core.models import Term, TerminationKind
    from convenant_calc.core.rules.termination import ending

    found = periods(convenant)  # S14: the agreement runs from its first period's start to its last period's end
    term = Term(start=found[0].convenant.term.start, end=found[-1].convenant.term.end)
    end = ending(termination, term)
    key = "letter_posted" if termination.kind is TerminationKind.notice else "ends"
    how = ""
    if end.notice is not None:
        how = (
            f" (letter posted {end.notice.posted}, received {end.notice.received}, "
            f"notice from {end.notice.starts})"
        )
    if end.ends < term.start:
        yield Finding(
            "convenant",
            ("termination", key),
            f"the agreement would end on {end.ends}{how}, before its term starts ({term.start}); check the date",
        )
    elif end.ends >= term.end:
        yield Finding(
            "convenant",
            ("termination", key),
            f"the agreement ends on {end.ends}{how}, on or after the term's last day ({term.end}): "
            "the termination changes nothing (S15); check the date",
            warning=True,
        )


def check_reports(convenant: Convenant) -> Iterator[Finding]:
    """S16, Art. 6: a report is due after the term starts; the progress report before the final one."""
    due = {}
    for i, report in enumerate(convenant.reports):
        due[report.kind.value] = (i, report.due)
        if report.due < convenant.term.start:
            yield Finding(
                "convenant",
                ("reports", i, "due"),
                f"the {report.kind.value} report is due on {report.due}, before the term starts "
                f"({convenant.term.start}); check the date",
            )
    if "progress" in due and "final" in due and due["progress"][1] > due["final"][1]:
        yield Finding(
            "convenant",
            ("reports", due["progress"][0], "due"),
            f"the progress report is due on {due['progress'][1]}, after the final report ({due['final'][1]}); "
            "check the dates",
            warning=True,
        )


def _in(where: tuple[str, str], main: str) -> str:
    """Where a commitment belongs, as a message names it: "period 'P'", or "line 'L' of period 'P'" (S19)."""
    period, line = where
    return f"period {quoted(period)}" if line == main else f"line {quoted(line)} of period {quoted(period)}"


def check_amendments(convenant: Convenant) -> Iterator[Finding]:
    """S14, S19: the amendments fit together; every mistake at its place.

    An extension carries a term, a maximum and its own commitments, and starts the day
    after the previous period ends (no gap, no overlap); the addenda it continues are addenda of
    the agreement, each once (S19); a change names a known period, a line with a budget in it
    (S19) and existing commitments; ids of amendments are unique; commitment ids are unique
    across the whole agreement, its periods and its lines; no period is left without commitments.
    """
    main = convenant.id
    period_ids = {convenant.id: ("id",)}
    owner: dict[str, tuple[str, str]] = {c.id: (main, main) for c in convenant.result_commitments}  # -> (period, line)
    current: dict[tuple[str, str], set[str]] = {(main, main): set(owner)}
    for i, addendum in enumerate(convenant.addenda):  # S19: the addenda's commitments in the first period
        current.setdefault((main, addendum.id), set())
        for j, c in enumerate(addendum.result_commitments):
            if c.id in owner:
                yield Finding(
                    "convenant",
                    ("addenda", i, "result_commitments", j, "id"),
                    f"commitment id {quoted(c.id)} is already used in {_in(owner[c.id], main)}; commitment ids are "
                    "unique across the whole agreement and its lines (S14, S19), give this one its own",
                )
            else:
                owner[c.id] = (main, addendum.id)
                current[(main, addendum.id)].add(c.id)
    addenda = {a.id: a for a in convenant.addenda}
    budget = {a.id: a.model_copy(update={"funding": a.funding or convenant.funding}) for a in convenant.addenda}
    paid_for_results = {(main, a.id): b.funding.result_share > 0 for a, b in zip(convenant.addenda, budget.values())}
    previous_end = convenant.term.end
    previous_id = convenant.id
    extensions = [a for a in convenant.amendments if a.kind is AmendmentKind.extension]
    last = extensions[-1].id if extensions else convenant.id
    for i, a in enumerate(convenant.amendments):
        where: tuple[str | int, ...] = ("amendments", i)
        if a.id in period_ids or any(b.id == a.id for b in convenant.amendments[:i]):
            yield Finding(
                "convenant",
                where + ("id",),
                f"amendment id {quoted(a.id)} is already used (by the agreement or an earlier amendment); "
                "give each amendment its own id",
            )
        wrong = CHANGE_KEYS if a.kind is AmendmentKind.extension else EXTENSION_KEYS
        for key in wrong:
            if getattr(a, key) not in (None, ()):
                yield Finding(
                    "convenant",
                    where + (key,),
                    f"{quoted(key)} belongs to a{'n extension' if key in EXTENSION_KEYS else ' change'}, "
                    f"not to a{'n' if a.kind is AmendmentKind.extension else ''} {a.kind.value} amendment; "
                    "remove it, or correct the kind",
                )
        if a.kind is AmendmentKind.extension:
            missing = [k for k in ("term", "max_subsidy", "result_commitments") if getattr(a, k) is None]
            for key in missing:
                example = {
                    "term": "term: {start: 2025-07-01, end: 2026-06-30}",
                    "max_subsidy": "max_subsidy: 212000.00",
                    "result_commitments": "result_commitments: [{id: V1, title: ..., target: 48}]",
                }[key]
                yield Finding(
                    "convenant",
                    where,
                    f"extension {quoted(a.id)} has no {quoted(key)}; an extension period needs its own (S14), e.g. {example}",
                )
            if a.result_commitments is not None and not a.result_commitments:
                yield Finding(
                    "convenant",
                    where + ("result_commitments",),
                    f"extension {quoted(a.id)} lists no result commitments; give at least one (S3)",
                )
            if a.term is not None:
                expected = previous_end + timedelta(days=1)
                if a.term.start <= previous_end:
                    yield Finding(
                        "convenant",
                        where + ("term", "start"),
                        f"extension {quoted(a.id)} starts on {a.term.start}, which overlaps the previous period "
                        f"{quoted(previous_id)} (ending {previous_end}); an extension starts the day after, {expected}",
                    )
                elif a.term.start != expected:
                    yield Finding(
                        "convenant",
                        where + ("term", "start"),
                        f"extension {quoted(a.id)} starts on {a.term.start}, leaving a gap after the previous period "
                        f"{quoted(previous_id)} (ending {previous_end}); an extension starts the day after, {expected}",
                    )
                previous_end, previous_id = a.term.end, a.id
            if a.id not in period_ids:
                period_ids[a.id] = where + ("id",)
                current[(a.id, main)] = set()
                for j, c in enumerate(a.result_commitments or ()):
                    if c.id in owner:
                        yield Finding(
                            "convenant",
                            where + ("result_commitments", j, "id"),
                            f"commitment id {quoted(c.id)} is already used in {_in(owner[c.id], main)}; commitment ids "
                            "are unique across the whole agreement (S14), give this one its own",
                        )
                    else:
                        owner[c.id] = (a.id, main)
                        current[(a.id, main)].add(c.id)
                continued: set[str] = set()
                for j, more in enumerate(a.addenda or ()):  # S19: the addenda this extension continues
                    at = where + ("addenda", j)
                    if more.id not in addenda:
                        known = f"the addenda are {_listing(list(addenda))}" if addenda else f"{clip(main)} has no addenda"
                        yield Finding(
                            "convenant",
                            at + ("id",),
                            f"extension {quoted(a.id)} continues unknown addendum {quoted(more.id)}; "
                            f"{_did_you_mean(more.id, list(addenda))}{known} (S19); correct the id",
                        )
                        continue
                    if more.id in continued:
                        yield Finding(
                            "convenant",
                            at + ("id",),
                            f"extension {quoted(a.id)} continues addendum {quoted(more.id)} twice; list it once (S19)",
                        )
                        continue
                    continued.add(more.id)
                    now = continued_addendum(budget[more.id], more)
                    budget[more.id] = now
                    paid_for_results[(a.id, more.id)] = now.funding is not None and now.funding.result_share > 0
                    yield from _line_budget(now, at, carried=more.consultant_funding is None)
                    current[(a.id, more.id)] = set()
                    for k, c in enumerate(more.result_commitments or ()):
                        if c.id in owner:
                            yield Finding(
                                "convenant",
                                at + ("result_commitments", k, "id"),
                                f"commitment id {quoted(c.id)} is already used in {_in(owner[c.id], main)}; commitment "
                                "ids are unique across the whole agreement and its lines (S14, S19), give this one "
                                "its own",
                            )
                        else:
                            owner[c.id] = (a.id, more.id)
                            current[(a.id, more.id)].add(c.id)
    # Changes, once every period is known (a change may name an extension listed after it).
    periods_known = list(dict.fromkeys(period for period, _ in current))
    for i, a in enumerate(convenant.amendments):
        if a.kind is not AmendmentKind.change:
            continue
        where = ("amendments", i)
        if not (a.replace or a.add or a.remove):
            yield Finding(
                "convenant",
                where,
                f"change {quoted(a.id)} replaces, adds and removes nothing; list its 'replace', 'add' or 'remove'",
            )
        target = a.period or last
        if target not in periods_known:
            yield Finding(
                "convenant",
                where + ("period",),
                f"change {quoted(a.id)} names unknown period {quoted(target)}; {_did_you_mean(target, periods_known)}"
                f"the periods are {', '.join(periods_known)}",
            )
            continue
        line = a.line or main
        if (target, line) not in current:
            there = [ln for period, ln in current if period == target]
            what = "unknown line" if line not in addenda else "line"
            why = "" if line not in addenda else f", which has no budget in period {quoted(target)}"
            yield Finding(
                "convenant",
                where + ("line",),
                f"change {quoted(a.id)} names {what} {quoted(line)}{why}; {_did_you_mean(line, there)}"
                f"the lines of period {quoted(target)} are {', '.join(there)} (S19)",
            )
            continue
        listed = current[(target, line)]
        of = _in((target, line), main)
        for j, c in enumerate(a.replace):
            if c.id not in listed:
                yield Finding(
                    "convenant",
                    where + ("replace", j, "id"),
                    f"change {quoted(a.id)} replaces {quoted(c.id)}, which is not a commitment of {of} "
                    f"({', '.join(sorted(listed)) or 'none'}); use 'add' for a new commitment, or correct the id",
                )
        for j, c in enumerate(a.add):
            if c.id in owner:
                yield Finding(
                    "convenant",
                    where + ("add", j, "id"),
                    f"change {quoted(a.id)} adds {quoted(c.id)}, an id already used in {_in(owner[c.id], main)}; "
                    "commitment ids are unique across the whole agreement (S14), use 'replace' or give it its own id",
                )
            else:
                owner[c.id] = (target, line)
                listed.add(c.id)
        for j, rid in enumerate(a.remove):
            if rid not in listed:
                yield Finding(
                    "convenant",
                    where + ("remove", j),
                    f"change {quoted(a.id)} removes {quoted(rid)}, which is not a commitment of {of} "
                    f"({', '.join(sorted(listed)) or 'none'}); correct the id",
                )
            listed.discard(rid)
        if a.remove and not listed and (line == main or paid_for_results.get((target, line), False)):
            yield Finding(
                "convenant",
                where + ("remove",),
                f"after change {quoted(a.id)} {of} has no result commitment left; keep at least one (S3)",
            )


def check_lines(convenant: Convenant) -> Iterator[Finding]:
    """S19: the addenda are funding lines of their own: each id once (and not the agreement's), and a
    budget that holds together (:func:`_line_budget`)."""
    seen: dict[str, int] = {}
    for i, addendum in enumerate(convenant.addenda):
        where = ("addenda", i)
        if addendum.id == convenant.id:
            yield Finding(
                "convenant",
                where + ("id",),
                f"addendum id {quoted(addendum.id)} is the agreement's own id, which names the main line (S19); "
                "give the addendum its own id",
            )
        elif addendum.id in seen:
            yield Finding(
                "convenant",
                where + ("id",),
                f"addendum id {quoted(addendum.id)} is used twice (first by addendum {seen[addendum.id] + 1}); "
                "give each addendum its own id",
            )
        seen.setdefault(addendum.id, i)
        resolved = addendum.model_copy(update={"funding": addendum.funding or convenant.funding})
        yield from _line_budget(resolved, where, carried=False)


def _line_budget(addendum: Addendum, where: tuple[str | int, ...], *, carried: bool) -> Iterator[Finding]:
    """S19: an addendum's budget in a period holds together.

    SPEC S19: ``consultant_funding`` is "the part of max_subsidy that funds those consultants" (so
    between 0 and the maximum), a line that funds consultants (``consultants_fte > 0``) needs
    funding for them, and ``result_commitments`` are "required when result_share > 0". ``carried``:
    the consultant funding was not given here but carried from the previous period (S19 defaults).
    """
    name = quoted(addendum.id)
    funding = addendum.consultant_funding
    key = "max_subsidy" if carried else "consultant_funding"
    if funding is not None and funding > addendum.max_subsidy:
        came = " (carried from the previous period)" if carried else ""
        yield Finding(
            "convenant",
            where + (key,),
            f"addendum {name}: consultant_funding {funding}{came} is more than its max_subsidy "
            f"{addendum.max_subsidy}; it is the part of the maximum that funds consultants (S19)",
        )
    if addendum.consultants_fte > 0 and funding is not None and funding == 0:
        yield Finding(
            "convenant",
            where + (key,),
            f"addendum {name} funds {addendum.consultants_fte} FTE of consultants with consultant_funding 0, so its "
            "daily rate would be 0 (S19); give the part of the maximum that funds them, or leave consultant_funding "
            "out (then all of it)",
        )
    if addendum.consultants_fte == 0 and funding:
        yield Finding(
            "convenant",
            where + (key,),
            f"addendum {name} funds no consultant (consultants_fte 0), so its consultant_funding {funding} is not "
            "used (S19); give consultants_fte, or remove consultant_funding",
            warning=True,
        )
    if addendum.funding is not None and addendum.funding.result_share > 0 and not addendum.result_commitments:
        yield Finding(
            "convenant",
            where,
            f"addendum {name} has result funding (result_share {addendum.funding.result_share}) but no "
            "result_commitments; list them (S3, S19), or give it funding: {effort_share: 1.0, result_share: 0.0}",
        )


def check_dated_parameters(convenant: Convenant) -> Iterator[Finding]:
    """S13: the ``from`` dates of a dated parameter strictly increase (every misplaced one reported)."""
    for name in ("guaranteed_wage_days", "relapse_days"):
        values = getattr(convenant.absence_rules, name)
        for i in range(1, len(values)):
            before, this = values[i - 1].from_, values[i].from_
            if before is not None and this is not None and this <= before:
                yield Finding(
                    "convenant",
                    ("absence_rules", name, i, "from"),
                    f"{name}: 'from' {this} does not come after the previous value's 'from' {before}; "
                    "list the dated values in strictly increasing order of 'from', each date once (S13)",
                )


def check_case(
    convenant: Convenant,
    staffing: Staffing | None,
    results: Results | None,
    payments: Payments | None,
    *,
    pending_allowed: bool = False,
    costs: Costs | None = None,
) -> list[Finding]:
    """Every check across files; a file given as None (it could not be read) is skipped."""
    findings: list[Finding] = list(check_dated_parameters(convenant)) + list(check_lines(convenant))
    findings += check_amendments(convenant)
    findings += [*check_termination(convenant), *check_reports(convenant)]
    if results is not None:
        findings += check_results(convenant, results, pending_allowed=pending_allowed)
    if staffing is not None:
        findings += check_staffing(convenant, staffing)
    if payments is not None:
        findings += check_payments(convenant, payments)
    if costs is not None:
        findings += check_costs(convenant, staffing, costs)
    return findings


def check_cost_ids(
    convenant: Convenant, staffing: Staffing | None, ids: Sequence[tuple[object, object]]
) -> Iterator[Finding]:
    """S20: each cost's ``line`` and ``consultant`` (``ids``: the pair of each cost, in order) name a line of the
    agreement and a listed consultant. Also run on the raw entries of a costs.yaml with other errors, so that
    every error of the file is reported at once; a value that is not text is left to the file's own check."""
    lines = [convenant.id] + [a.id for a in convenant.addenda]
    people = [c.id for c in staffing.consultants] if staffing is not None else []
    for i, (line, consultant) in enumerate(ids):
        if isinstance(line, str) and line not in lines:
            yield Finding(
                "costs",
                ("costs", i, "line"),
                f"cost for unknown line {quoted(line)}; {_did_you_mean(line, lines)}"
                f"the lines of {convenant.id} are {', '.join(lines)} (S19); correct the id",
            )
        if isinstance(consultant, str) and people and consultant not in people:
            yield Finding(
                "costs",
                ("costs", i, "consultant"),
                f"cost for unknown consultant {quoted(consultant)}; {_did_you_mean(consultant, people)}"
                f"the consultants are {_listing(people)}; correct the id or add the consultant to absences.yaml",
            )


def check_costs(convenant: Convenant, staffing: Staffing | None, costs: Costs) -> Iterator[Finding]:
    """S20: each cost's line and consultant exist; every ineligible cost is a warning with its reason.

    SPEC S20: "``consultant`` optional, checked against the consultants list when there is one";
    "``line`` defaults to the main line"; "Every other cost is **ineligible**: listed with its reason
    (a warning, not an error)". The reason is the rule's (:func:`convenant_calc.core.rules.costs.verdicts`).
    """
    unknown = list(check_cost_ids(convenant, staffing, [(c.line, c.consultant) for c in costs.costs]))
    yield from unknown
    if unknown:
        return
    found = periods(convenant)
    for v in cost_rules.verdicts(convenant, found, costs.costs, cost_rules.early_end(convenant, found)):
        if not v.eligible:
            listed = f"it is listed under period {v.period}, line {v.line}, and" if v.reason in ("outside", "no-budget") else "it"
            yield Finding(
                "costs",
                ("costs", v.index),
                f"cost {quoted(v.cost.ref)} of {fmt_plain(v.cost.amount)} is not eligible: {v.why}; "
                f"{listed} counts for nothing (S20)",
                warning=True,
            )


def _a_year_after(day: date) -> date:
    """The same day a year later; 29 February + 1 year is 28 February (as dateutil's relativedelta has it)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
