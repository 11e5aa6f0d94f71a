"""Art. 5: the FTE-days on which too few consultants were at work (S9)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from convenant_calc.core.models import Term, days_between
from convenant_calc.core.money import D
from convenant_calc.core.spans import Span, sweep


@dataclass(frozen=True)
class StaffingPiece:
    """A run of days on which every staffing figure is constant (S9)."""

    first: date
    last: date
    employed: Decimal  # baseline(d), S5
    off_duty: Decimal  # Σ uncovered, unreplaced absent FTE on d, S6–S8
    short: Decimal  # shortfall(d)
    vacancy: Decimal  # funded FTE not employed on d: max(0, funded − employed)

    @property
    def days(self) -> int:
        return days_between(self.first, self.last)

    @property
    def on_duty(self) -> Decimal:
        return self.employed - self.off_duty

    @property
    def short_fte_days(self) -> Decimal:
        return self.short * self.days


@dataclass(frozen=True)
class Shortfall:
    """S9 over the whole term, with the parts an auditor adds up.

    ``fte_days = vacancy_fte_days + absence_fte_days − absorbed_fte_days``:
    vacancy is FTE not employed at all; absence is FTE employed but off duty;
    absorbed is absent FTE that did not cause a shortfall because more than
    the funded FTE was employed that day.
    """

    funded_fte: Decimal
    pieces: tuple[StaffingPiece, ...]
    vacancy_fte_days: Decimal
    absence_fte_days: Decimal
    absorbed_fte_days: Decimal
    fte_days: Decimal


def shortfall(funded_fte: Decimal, term: Term, employed: Iterable[Span], off_duty: Iterable[Span]) -> Shortfall:
    """S9 — FTE-days short over the term.

    Art. 5: "Dit bedrag wordt vermenigvuldigd met het aantal dagen waarop
    geen/te weinig consultants tewerk gesteld waren en in mindering gebracht."

    For each day d: ``on_duty(d) = baseline(d) − Σ uncovered, unreplaced absent
    FTE on d`` and ``shortfall(d) = max(0, consultants_fte − on_duty(d))``;
    ``shortfall_fte_days = Σ_d shortfall(d)``, an exact decimal.
    """
    pieces: list[StaffingPiece] = []
    vacancy = absent = absorbed = D(0)
    for first, last, value in sweep({"employed": employed, "off": off_duty}, term.start, term.end):
        piece = StaffingPiece(
            first=first,
            last=last,
            employed=value["employed"],
            off_duty=value["off"],
            short=max(D(0), funded_fte - (value["employed"] - value["off"])),
            vacancy=max(D(0), funded_fte - value["employed"]),
        )
        pieces.append(piece)
        surplus = max(D(0), piece.employed - funded_fte)
        vacancy += piece.vacancy * piece.days
        absent += piece.off_duty * piece.days
        absorbed += min(piece.off_duty, surplus) * piece.days
    fte_days = sum((p.short_fte_days for p in pieces), D(0))
    if fte_days != vacancy + absent - absorbed:  # the three parts always add up
        raise ArithmeticError(f"S9: {fte_days} FTE-days short ≠ {vacancy} + {absent} − {absorbed}")
    return Shortfall(
        funded_fte=funded_fte,
        pieces=tuple(pieces),
        vacancy_fte_days=vacancy,
        absence_fte_days=absent,
        absorbed_fte_days=absorbed,
        fte_days=fte_days,
    )
