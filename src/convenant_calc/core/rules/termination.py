"""Art. 7: when an agreement that ends early ends, and which days are then not funded (S15)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from convenant_calc.core.calendar import Notice, notice
from convenant_calc.core.models import Termination, TerminationKind, Term
from convenant_calc.core.rules.registry import rule

#: Art. 7, "Beëindiging", as the report quotes it (the registry's sentence of S15).
ARTICLE_7 = rule("S15").quote
#: Art. 7 on the government's end without notice, verbatim (the agreement writes "inachtnaam").
ARTICLE_7_IMMEDIATE = (
    "Het sectorconvenant kan door de Vlaamse Regering worden beëindigd zonder inachtnaam van een opzegtermijn "
    "en zonder dat het aanleiding kan geven tot de betaling van een vergoeding als het algemeen belang dat in "
    "buitengewone omstandigheden vereist."
)


@dataclass(frozen=True)
class Ending:
    """A termination's dates and what it does to the term (S15)."""

    kind: TerminationKind
    ends: date  # the agreement's last day
    notice: Notice | None  # the notice's dates, for kind notice
    unfunded_from: date | None  # the first day of the term that is not funded; None when the end changes nothing
    unfunded_days: int  # days of the term after the end


def ending(termination: Termination, term: Term, *, from_posting: bool = False) -> Ending:
    """S15 — the last day of an agreement that is terminated, and the days of the term it leaves unfunded.

    Art. 7: "Het sectorconvenant eindigt hetzij bij het verstrijken van de looptijd,
    hetzij bij onderlinge overeenkomst tussen de partijen, hetzij door opzegging. De
    partijen kunnen op elk moment het sectorconvenant opzeggen, mits ze een
    opzegtermijn van 6 maanden in acht nemen. De kennisgeving van de opzegging gebeurt
    per aangetekende brief. De opzeggingstermijn begint te lopen vanaf de eerste
    werkdag na de kennisgeving."

    A notice ends on the last day of its six months (:func:`~convenant_calc.core.calendar.notice`);
    a mutual or immediate termination on its ``ends``. The days of the term after that
    day are not funded; an end on or after the term's last day changes nothing.
    ``from_posting``: reading ``notice.from-posting`` (S17), the notice runs from the first
    working day after posting.
    """
    dates = None
    if termination.kind is TerminationKind.notice:
        if termination.letter_posted is None:  # the model requires it for a notice
            raise ValueError("a termination by notice needs letter_posted (S15)")
        dates = notice(termination.letter_posted, from_posting=from_posting)
        last = dates.ends
    else:
        if termination.ends is None:  # the model requires it otherwise
            raise ValueError(f"a {termination.kind.value} termination needs ends (S15)")
        last = termination.ends
    if last >= term.end:
        return Ending(termination.kind, last, dates, None, 0)
    return Ending(termination.kind, last, dates, date.fromordinal(last.toordinal() + 1), (term.end - last).days)
