"""Art. 5: the FTE-days on which too few consultants were at work (S9)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from convenant_calc.core.calendar import working_day_runs
from convenant_calc.core.models import Term, days_between
from convenant_calc.core.money import D
from convenant_calc.core.records import record
from convenant_calc.core.spans import Span, sweep, sweep_values


@record
class StaffingPiece:
    """A run of days on which every staffing figure is constant (S9)."""

    first: date
    last: date
    employed: Decimal  # baseline(d), S5
    off_duty: Decimal  # Σ uncovered, unreplaced absent FTE on d, S6–S8
    short: Decimal  # shortfall(d)
    vacancy: Decimal  # funded FTE not employed on d: max(0, funded − employed)
    unfunded: bool = False  # after the agreement ended early (S15): nobody counts, the full funded FTE is short
    counted: bool = True  # False only on the days reading days.working does not count (then short = vacancy = 0)

    @property
    def days(self) -> int:
        return days_between(self.first, self.last)

    @property
    def on_duty(self) -> Decimal:
        return self.employed - self.off_duty

    @property
    def short_fte_days(self) -> Decimal:
        return self.short * self.days


@record
class Shortfall:
    """S9 over the whole term, with the parts an auditor adds up.

    ``fte_days = vacancy_fte_days + absence_fte_days − absorbed_fte_days + unfunded_fte_days``:
    vacancy is FTE not employed at all; absence is FTE employed but off duty;
    absorbed is absent FTE that did not cause a shortfall because more than
    the funded FTE was employed that day; unfunded is the funded FTE on each day
    of the term after an early end of the agreement (S15).
    """

    funded_fte: Decimal
    pieces: tuple[StaffingPiece, ...]
    vacancy_fte_days: Decimal
    absence_fte_days: Decimal
    absorbed_fte_days: Decimal
    fte_days: Decimal
    unfunded_fte_days: Decimal = D(0)
    unfunded_after: date | None = None  # the agreement's last day, when it ended before the term's end (S15)


_ZERO = D(0)


def _working_days(first: date, last: date) -> list[Span]:
    """The working days of [first, last] (S15's calendar) as spans of value 1, for the sweep."""
    return [Span(a, b, D(1)) for a, b in working_day_runs(first, last)]


def shortfall(
    funded_fte: Decimal,
    term: Term,
    employed: Iterable[Span],
    off_duty: Iterable[Span],
    *,
    unfunded_after: date | None = None,
    working_days_only: bool = False,
) -> Shortfall:
    """S9 — FTE-days short over the term.

    Art. 5: "Dit bedrag wordt vermenigvuldigd met het aantal dagen waarop
    geen/te weinig consultants tewerk gesteld waren en in mindering gebracht."

    For each day d: ``on_duty(d) = baseline(d) − Σ uncovered, unreplaced absent
    FTE on d`` and ``shortfall(d) = max(0, consultants_fte − on_duty(d))``;
    ``shortfall_fte_days = Σ_d shortfall(d)``, an exact decimal.

    Reading ``days.working`` (``working_days_only=True``): only working days
    count; on any other day the shortfall (and the vacancy and absence that
    make it up) is not counted: ``shortfall(d) = 0``.

    S15, Art. 7: "Het sectorconvenant eindigt hetzij bij het verstrijken van de
    looptijd, hetzij bij onderlinge overeenkomst tussen de partijen, hetzij door
    opzegging. De partijen kunnen op elk moment het sectorconvenant opzeggen, mits
    ze een opzegtermijn van 6 maanden in acht nemen. De kennisgeving van de
    opzegging gebeurt per aangetekende brief. De opzeggingstermijn begint te lopen
    vanaf de eerste werkdag na de kennisgeving." When the agreement ended on ``unfunded_after``, before the term's
    end, the days after it are not funded: on each (each working day, under
    ``days.working``), ``shortfall(d) = consultants_fte`` (nobody is employed under
    the agreement any more, so absences add nothing).
    """
    pieces: list[StaffingPiece] = []
    vacancy = absent = absorbed = unfunded = D(0)
    if unfunded_after is not None and unfunded_after >= term.end:
        unfunded_after = None  # S15: an end on or after the term's end changes nothing
    last_funded = term.end if unfunded_after is None else unfunded_after
    series = [employed, off_duty]
    if working_days_only:
        series.append(_working_days(term.start, term.end))
    swept = sweep_values(series, term.start, last_funded) if last_funded >= term.start else []
    fte_days = _ZERO  # Σ short × days over the pieces, in their order (as a sum over them gives it)
    for first, last, value in swept:  # one piece at a time, its figures worked out once (issue 23)
        employed, off = value[0], value[1]  # (and value[2]: the working days, under days.working)
        days = (last - first).days + 1
        if working_days_only and not value[2]:
            pieces.append(StaffingPiece(first, last, employed, off, _ZERO, _ZERO, counted=False))
            fte_days += _ZERO * days
            continue
        short = funded_fte - (employed - off)  # max(D(0), x) as max gives it: D(0) unless x is greater
        if not short > _ZERO:
            short = _ZERO
        vacant = funded_fte - employed
        if not vacant > _ZERO:
            vacant = _ZERO
        pieces.append(StaffingPiece(first, last, employed, off, short, vacant))
        fte_days += short * days
        surplus = employed - funded_fte
        if not surplus > _ZERO:
            surplus = _ZERO
        vacancy += vacant * days
        absent += off * days
        absorbed += (surplus if surplus < off else off) * days  # min(off, surplus): off on a tie, as min gives it
    if unfunded_after is not None:
        zero = D(0)
        first = max(term.start, unfunded_after + timedelta(days=1))
        after = [(first, term.end, {"counted": D(1)})]
        if working_days_only:  # reading days.working: only the working days after the end count
            after = sweep({"counted": _working_days(first, term.end)}, first, term.end)
        for a, b, value in after:
            counted = bool(value["counted"])
            short = funded_fte if counted else zero
            piece = StaffingPiece(a, b, zero, zero, short, zero, counted=counted, unfunded=True)
            pieces.append(piece)
            unfunded += piece.short_fte_days
            fte_days += piece.short_fte_days
    if fte_days != vacancy + absent - absorbed + unfunded:  # the four parts always add up
        raise ArithmeticError(
            f"S9: {fte_days} FTE-days short ≠ {vacancy} + {absent} − {absorbed} + {unfunded} after the end"
        )
    return Shortfall(
        funded_fte=funded_fte,
        pieces=tuple(pieces),
        vacancy_fte_days=vacancy,
        absence_fte_days=absent,
        absorbed_fte_days=absorbed,
        fte_days=fte_days,
        unfunded_fte_days=unfunded,
        unfunded_after=unfunded_after,
    )
