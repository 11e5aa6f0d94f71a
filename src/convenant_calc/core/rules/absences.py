"""Art. 5: absences, the guaranteed-wage window, relapses and replacements (S6, S7, S8)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from convenant_calc.core.models import Absence, AbsenceKind, AbsenceRules, Staffing, Term
from convenant_calc.core.spans import Span, clip, sweep, total


@dataclass(frozen=True)
class Window:
    """The guaranteed-wage window an absence drew on (S7)."""

    days: int  # guaranteed_wage_days of the agreement
    left_at_start: int  # what was left of the window when this absence began
    covered_days: int  # calendar days of this absence covered (may lie before the term)
    opened_by: int  # index of the absence that opened the window (itself when not a relapse)
    relapse_of: int | None  # index of the previous absence when this one is a relapse

    @property
    def is_relapse(self) -> bool:
        return self.relapse_of is not None


def guaranteed_wage_windows(staffing: Staffing, rules: AbsenceRules, *, elapsed: bool = False) -> dict[int, Window]:
    """S7 — the guaranteed-wage days of each sickness or accident absence, by absence index.

    Art. 5: "Bij ziekte of ongeval van de sectorconsulent komt de periode van
    arbeidsongeschiktheid die door het gewaarborgd loon wordt vergoed in
    aanmerking voor de subsidie."

    The first ``guaranteed_wage_days`` calendar days counted from an absence's
    ``from`` are covered, also where they fall before the term. Relapse: an
    absence of the same kind for the same consultant that starts at most
    ``relapse_days`` days after the previous one ended (``from − previous.to ≤
    relapse_days``) and is not marked ``new_cause`` opens no new window; it
    uses only the days the window has left (the window is a number of days of
    incapacity, as the guaranteed wage is: days back at work do not use it).
    Chains of relapses keep drawing on the same window.

    Reading ``window.elapsed`` (``elapsed=True``): the window is the
    ``guaranteed_wage_days`` calendar days from the first day of the absence
    that opened it, running on while the consultant is back at work; a relapse
    is covered only on its days inside those calendar days.
    """
    chains: dict[tuple[str, AbsenceKind], list[tuple[int, Absence]]] = {}
    for index, absence in enumerate(staffing.absences):
        if absence.kind.has_guaranteed_wage:
            chains.setdefault((absence.consultant, absence.kind), []).append((index, absence))
    windows: dict[int, Window] = {}
    for chain in chains.values():
        chain.sort(key=lambda item: (item[1].from_, item[1].to, item[0]))
        previous: tuple[int, Absence] | None = None  # the earlier absence that ended last
        left, opened_by, window_end = 0, -1, None
        for index, absence in chain:
            relapse = (
                previous is not None
                and not absence.new_cause
                and (absence.from_ - previous[1].to).days <= rules.relapse_days
            )
            if not relapse:
                left, opened_by = rules.guaranteed_wage_days, index
                window_end = absence.from_ + timedelta(days=rules.guaranteed_wage_days - 1)
            elif elapsed and window_end is not None:
                left = max(0, (window_end - absence.from_).days + 1)  # the calendar days the window still runs
            covered = min(absence.days, left)
            windows[index] = Window(
                days=rules.guaranteed_wage_days,
                left_at_start=left,
                covered_days=covered,
                opened_by=opened_by,
                relapse_of=previous[0] if relapse and previous is not None else None,
            )
            left -= covered
            if previous is None or absence.to >= previous[1].to:
                previous = (index, absence)
    return windows


@dataclass(frozen=True)
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

    @property
    def replaced_fte_days(self) -> Decimal:
        return total(self.replaced)

    @property
    def short_fte_days(self) -> Decimal:
        """FTE-days this absence took off duty (uncovered, unreplaced) within the term."""
        return total(self.off_duty)


def absence_outcome(index: int, absence: Absence, fte: Decimal, window: Window | None, term: Term) -> AbsenceOutcome:
    """S6 and S8 — the FTE an absence takes off duty on each day of the term.

    Art. 5: "De subsidie wordt in mindering gebracht wanneer de werkgever de
    afwezige sectorconsulent niet vervangt na afloop van de periode die is
    gedekt door het gewaarborgde loon. Periodes van tijdskrediet,
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
    in_term = clip(absence.from_, absence.to, term.start, term.end)
    days_in_term = (in_term[1] - in_term[0]).days + 1 if in_term else 0

    covered_days = window.covered_days if window is not None else 0
    covered = None
    if covered_days and in_term:
        covered = clip(absence.from_, absence.from_ + timedelta(days=covered_days - 1), in_term[0], in_term[1])
    covered_in_term = (covered[1] - covered[0]).days + 1 if covered else 0

    uncovered = None
    if in_term:
        uncovered = clip(absence.from_ + timedelta(days=covered_days), absence.to, in_term[0], in_term[1])

    replaced: list[Span] = []
    off_duty: list[Span] = []
    if uncovered is not None:
        replacements = [Span(r.from_, r.to, r.fte if r.fte is not None else fte) for r in absence.replacement]
        pieces = (
            sweep({"replaced": replacements}, uncovered[0], uncovered[1])
            if replacements
            else [(uncovered[0], uncovered[1], {"replaced": Decimal(0)})]  # what the sweep gives, without it
        )
        for first, last, value in pieces:
            kept = min(value["replaced"], fte)
            if kept:
                replaced.append(Span(first, last, kept))
            if fte - kept:
                off_duty.append(Span(first, last, fte - kept))

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
        replaced=tuple(replaced),
        off_duty=tuple(off_duty),
    )


def absence_outcomes(
    staffing: Staffing, rules: AbsenceRules, term: Term, *, elapsed: bool = False
) -> tuple[AbsenceOutcome, ...]:
    """S6–S8 for every absence of the staffing file, in file order (``elapsed``: reading window.elapsed)."""
    windows = guaranteed_wage_windows(staffing, rules, elapsed=elapsed)
    return tuple(
        absence_outcome(i, a, staffing.absence_fte(a), windows.get(i), term) for i, a in enumerate(staffing.absences)
    )
