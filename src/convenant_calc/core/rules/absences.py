"""Art. 5: absences, the guaranteed-wage window, relapses and replacements (S6, S7, S8)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from convenant_calc.core.calendar import working_days
from convenant_calc.core.models import Absence, AbsenceKind, AbsenceRules, DatedDays, Staffing, Term, days_between
from convenant_calc.core.money import D
from convenant_calc.core.records import record
from convenant_calc.core.spans import ONE_DAY, Span, clip, levels, total


_ZERO = D(0)


@record
class Spell:
    """An incapacity spell (S7): a maximal run of days on which a consultant is absent with one kind.

    ``absences`` are the indexes (in the staffing file) of the absences that make it up;
    ``openers`` those that start on its first day.
    """

    consultant: str
    kind: AbsenceKind
    first: date
    last: date
    absences: tuple[int, ...]
    openers: tuple[int, ...]

    @property
    def days(self) -> int:
        return days_between(self.first, self.last)


def incapacity_spells(absences: Sequence[Absence]) -> list[Spell]:
    """S7 — the incapacity spells of the sickness and accident absences, per consultant and kind.

    The union of the dates of one consultant's absences of one kind; its maximal
    runs of consecutive days are the spells. A run is also cut before the first
    day of an absence marked ``new_cause`` when every absence of that kind
    running on that day starts on it (a new cause during a running incapacity
    does not cut it). Spells come sorted by consultant, kind and date; the
    result does not depend on the order of ``absences``.
    """
    groups: dict[tuple[str, AbsenceKind], list[tuple[date, date, int]]] = {}
    for index, absence in enumerate(absences):
        if absence.kind.has_guaranteed_wage:  # each absence's sort key made once, with its index (issue 23)
            groups.setdefault((absence.consultant, absence.kind), []).append((absence.from_, absence.to, index))
    spells: list[Spell] = []
    for (consultant, kind), keyed in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1].value)):
        keyed.sort()  # by (from, to, index)
        indexes = [index for _, _, index in keyed]
        run: list[int] = []
        run_last = date.min  # the last day of the run so far: that of the absence that ended last
        for from_, to, index in keyed:
            joins = bool(run) and from_ <= run_last + ONE_DAY
            if joins and from_ > run_last and _new_cause_starts(absences, indexes, from_):
                joins = False  # right after the run ended, a new cause opens a spell of its own
            if not joins and run:
                spells.append(_spell(absences, consultant, kind, run, run_last))
                run = []
            if not run or to > run_last:  # max(run_last, to)
                run_last = to
            run.append(index)
        if run:
            spells.append(_spell(absences, consultant, kind, run, run_last))
    return spells


def _new_cause_starts(absences: Sequence[Absence], indexes: list[int], day: date) -> bool:
    """Whether an absence marked ``new_cause`` starts on ``day`` (among one consultant's absences of one kind)."""
    return any(absences[i].from_ == day and absences[i].new_cause for i in indexes)


def _spell(absences: Sequence[Absence], consultant: str, kind: AbsenceKind, run: list[int], last: date) -> Spell:
    first = absences[run[0]].from_
    return Spell(
        consultant=consultant,
        kind=kind,
        first=first,
        last=last,
        absences=tuple(run),
        openers=tuple(i for i in run if absences[i].from_ == first),
    )


@record
class Window:
    """The guaranteed-wage window an absence drew on (S7).

    The figures are those of the day the absence began: ``left_at_start`` is what
    was left of the window on that day, so ``covered_days = min(days of the
    absence, left_at_start)`` (an absence's covered days are always its first days).
    """

    days: int  # guaranteed_wage_days in force on the first day of the chain's opening spell (S13)
    left_at_start: int  # what was left of the window on the absence's first day
    covered_days: int  # calendar days of this absence covered (may lie before the term)
    opened_by: int  # index of an absence that opened the window (the first day of the chain)
    relapse_of: int | None  # the spell is a relapse: the absence of the previous spell that ended last
    spell: tuple[date, date]  # the incapacity spell the absence belongs to
    joins: int | None  # the absence began during a running spell: an absence that opened the spell
    elapsed: bool  # the window.elapsed reading (S17): calendar days from the first day of the chain
    window_rule: DatedDays | None = None  # S13: the guaranteed_wage_days value used, with its reference
    relapse_rule: DatedDays | None = None  # S13: relapse_days read on the spell's first day (None: no earlier spell)
    # (under relapse.first-incapacity, SPEC §18: read on the first day of the chain's opening spell)

    @property
    def is_relapse(self) -> bool:
        return self.relapse_of is not None


def guaranteed_wage_windows(
    staffing: Staffing, rules: AbsenceRules, *, elapsed: bool = False, relapse_on_chain: bool = False
) -> dict[int, Window]:
    """S7 — the guaranteed-wage days of each sickness or accident absence, by absence index.

    Art. 5: "Bij ziekte of ongeval van de sectorconsulent komt de periode van
    arbeidsongeschiktheid die door het gewaarborgd loon wordt vergoed in
    aanmerking voor de subsidie."

    S7 applies to incapacity spells (:func:`incapacity_spells`). A spell is a
    relapse of the previous spell of the same consultant and kind when it
    starts at most ``relapse_days`` days after that spell ended (``first −
    previous.last ≤ relapse_days``) and none of the absences starting on its
    first day is marked ``new_cause``; a relapse opens no new window. The
    window covers the first ``guaranteed_wage_days`` days of incapacity of a
    chain (days back at work do not use it, as the guaranteed wage is not
    paid on them); chains of relapses keep drawing on the same window, also
    where its days fall before the term. Every absence of a spell is covered
    on each covered day of the spell.

    S13: ``relapse_days`` is the value in force on the first day of the spell that may be a
    relapse (the ``from`` date of the absence that opens it); ``guaranteed_wage_days`` the value
    in force on the first day of the spell that opens the window.

    ``relapse_on_chain=True`` is the alternative reading ``relapse.first-incapacity`` (SPEC §18):
    ``relapse_days`` is read on the first day of the incapacity that opened the chain (the
    spell that opened the window) instead: "the 8-week rule 'for incapacities that begin from
    1 January 2026' then reaches only chains that began in 2026". The days of the window and
    what a relapse draws on are as under the default; only the day the rule is read on moves.

    ``elapsed=True`` is the alternative reading ``window.elapsed`` (S17): the
    window is the ``guaranteed_wage_days`` calendar days from the first day of
    the chain, running on while the consultant is back at work; a relapse
    uses only what is left of those calendar days.
    """
    absences = staffing.absences
    windows: dict[int, Window] = {}
    previous: Spell | None = None
    left = 0  # days of incapacity the window has left (default reading)
    window_first = date.min  # first day of the chain (elapsed reading)
    opened_by = -1
    window_rule = rules.guaranteed_wage_on(date.min)
    for spell in incapacity_spells(absences):
        same_chain = previous is not None and (previous.consultant, previous.kind) == (spell.consultant, spell.kind)
        read_on = window_first if relapse_on_chain else spell.first  # S13, or relapse.first-incapacity
        relapse_rule = rules.relapse_on(read_on) if same_chain else None
        relapse = (
            previous is not None
            and relapse_rule is not None
            and (spell.first - previous.last).days <= relapse_rule.value
            and not any(absences[i].new_cause for i in spell.openers)
        )
        if not relapse:
            window_rule = rules.guaranteed_wage_on(spell.first)
            left, window_first, opened_by = window_rule.value, spell.first, min(spell.openers)
        relapse_of = _ended_last(absences, previous) if relapse and previous is not None else None
        bounds, opener = (spell.first, spell.last), min(spell.openers)  # the spell's, once for its absences
        for index in spell.absences:
            absence = absences[index]
            if elapsed:
                window_last = window_first + timedelta(days=window_rule.value - 1)
                left_then = max(0, days_between(absence.from_, window_last))
            else:
                left_then = max(0, left - (absence.from_ - spell.first).days)
            windows[index] = Window(
                days=window_rule.value,
                left_at_start=left_then,
                covered_days=min(absence.days, left_then),
                opened_by=opened_by,
                relapse_of=relapse_of,
                spell=bounds,
                joins=None if index in spell.openers else opener,
                elapsed=elapsed,
                window_rule=window_rule,
                relapse_rule=relapse_rule,
            )
        left = max(0, left - spell.days)
        previous = spell
    return windows


def _ended_last(absences: Sequence[Absence], spell: Spell) -> int:
    """The absence of a spell that ended last (the first in the file among equals): what a relapse follows."""
    return min(spell.absences, key=lambda i: (-absences[i].to.toordinal(), i))


@record
class AbsenceOutcome:
    """What one absence did to the staffing, with the figures an auditor checks."""

    index: int  # position in absences.yaml, 0-based
    consultant: str
    kind: AbsenceKind
    first: date
    last: date
    fte: Decimal
    days: int  # calendar days of the whole absence
    days_in_term: int
    window: Window | None  # sickness and accident only
    covered: tuple[date, date] | None  # covered days inside the term
    covered_days_in_term: int
    uncovered_days_in_term: int
    replaced: tuple[Span, ...]  # FTE replaced, on uncovered days in the term
    off_duty: tuple[Span, ...]  # FTE off duty, uncovered and unreplaced, in the term
    share: Fraction | None = None  # S19: the part of the absence that counts in a line (None: all of it)

    @property
    def replaced_fte_days(self) -> Decimal:
        return total(self.replaced)

    @property
    def short_fte_days(self) -> Decimal:
        """FTE-days this absence took off duty (uncovered, unreplaced) within the term."""
        return total(self.off_duty)

    @property
    def short_fte_days_on_working_days(self) -> Decimal:
        """The same FTE-days on working days only (the reading days.working, S17)."""
        return sum((span.value * working_days(span.first, span.last) for span in self.off_duty), D(0))


def absence_outcome(index: int, absence: Absence, fte: Decimal, window: Window | None, term: Term) -> AbsenceOutcome:
    """S6 and S8 — the FTE an absence takes off duty on each day of the term.

    Art. 5: "De subsidie wordt in mindering gebracht wanneer de werkgever de
    afwezige sectorconsulent niet vervangt na afloop van de periode die is
    gedekt door het gewaarborgde loon." Art. 5: "Periodes van tijdskrediet,
    loopbaanonderbreking of moederschapsverlof komen niet in aanmerking voor
    financiering, tenzij wordt aangetoond dat de functie van de
    sectorconsulent(e) tijdelijk tijdens zijn of haar afwezigheid door een
    vervang(st)er afdoende wordt uitgeoefend."

    S6: ``fte`` is off duty on each day of [from, to] except on covered days
    (the guaranteed-wage days of a sickness or accident; other kinds are never
    covered). Parts outside the term do not count.
    S8: on an uncovered day the replaced FTE (the replacements of that day
    summed, at most the absence's FTE) stays on duty.
    """
    first, last = absence.from_, absence.to
    lo = term.start if first < term.start else first  # the absence's days in the term (spans.clip, inline)
    hi = term.end if last > term.end else last
    if lo > hi:
        return outside_outcome(index, absence, fte, window)

    covered_days = window.covered_days if window is not None else 0
    covered = None
    covered_in_term = 0
    if covered_days:
        after = first + timedelta(days=covered_days)  # the first day the window does not cover
        covered = clip(first, after - ONE_DAY, lo, hi)
        if covered is not None:
            covered_in_term = (covered[1] - covered[0]).days + 1
        uncovered = clip(after, last, lo, hi)
    else:
        uncovered = (lo, hi)  # nothing covered: every day in the term

    replaced: tuple[Span, ...] = ()
    off_duty: tuple[Span, ...] = ()
    if uncovered is not None and not absence.replacement:  # nothing replaced: the absent FTE is off duty
        off = fte - _ZERO  # fte − min(0, fte) as below (an FTE is above 0): the same Decimal, exponent included
        if off:
            off_duty = (Span(uncovered[0], uncovered[1], off),)
    elif uncovered is not None:
        replacements = [Span(r.from_, r.to, r.fte if r.fte is not None else fte) for r in absence.replacement]
        kept_spans: list[Span] = []
        off_spans: list[Span] = []
        for a, b, value in levels(replacements, uncovered[0], uncovered[1]):  # the sum replaced on each day
            kept = fte if fte < value else value  # min(value, fte), inline (issue 23)
            if kept:
                kept_spans.append(Span(a, b, kept))
            off = fte - kept
            if off:
                off_spans.append(Span(a, b, off))
        replaced, off_duty = tuple(kept_spans), tuple(off_spans)

    days_in_term = (hi - lo).days + 1
    return AbsenceOutcome(
        index, absence.consultant, absence.kind, first, last, fte, (last - first).days + 1, days_in_term, window,
        covered, covered_in_term, days_in_term - covered_in_term, replaced, off_duty,
    )


def outside_outcome(index: int, absence: Absence, fte: Decimal, window: Window | None) -> AbsenceOutcome:
    """S6 — an absence in a term that holds none of its days: "Parts outside the term do not count".

    Nothing is covered, replaced or off duty in the term, so the outcome does not depend on the
    term: an agreement of several periods works it out once for all the periods it misses (S14,
    issue 23). Its window (S7) is still the absence's own: the chains run across terms.
    """
    return _outcome(index, absence, fte, window)


def _outcome(
    index: int,
    absence: Absence,
    fte: Decimal,
    window: Window | None,
    days_in_term: int = 0,
    covered: tuple[date, date] | None = None,
    covered_in_term: int = 0,
    replaced: tuple[Span, ...] = (),
    off_duty: tuple[Span, ...] = (),
) -> AbsenceOutcome:
    return AbsenceOutcome(
        index=index,
        consultant=absence.consultant,
        kind=absence.kind,
        first=absence.from_,
        last=absence.to,
        fte=fte,
        days=absence.days,
        days_in_term=days_in_term,
        window=window,
        covered=covered,
        covered_days_in_term=covered_in_term,
        uncovered_days_in_term=days_in_term - covered_in_term,
        replaced=replaced,
        off_duty=off_duty,
    )


def absence_outcomes(
    staffing: Staffing, rules: AbsenceRules, term: Term, *, elapsed: bool = False, relapse_on_chain: bool = False
) -> tuple[AbsenceOutcome, ...]:
    """S6–S8 for every absence of the staffing file, in file order.

    ``elapsed`` selects the ``window.elapsed`` reading of S7, ``relapse_on_chain`` the
    ``relapse.first-incapacity`` reading of S13 (see :func:`guaranteed_wage_windows`).
    """
    windows = guaranteed_wage_windows(staffing, rules, elapsed=elapsed, relapse_on_chain=relapse_on_chain)
    return tuple(
        absence_outcome(i, a, staffing.absence_fte(a), windows.get(i), term) for i, a in enumerate(staffing.absences)
    )
