"""The dates of an agreement a finance officer puts in the agenda (S16, §10; S15, Art. 6 and Art. 7).

Pure: :func:`agenda` takes a :class:`~convenant_calc.core.models.Convenant` and returns its
dates in date order; the words are added by the views, the formats by the renderers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from convenant_calc.core.calendar import last_posting_day, notice
from convenant_calc.core.models import Convenant, Term, TerminationKind
from convenant_calc.core.rules.periods import periods
from convenant_calc.core.rules.termination import ending

#: Event kinds, in the order of the day when several fall on one date.
KINDS = (
    "term_start",
    "letter_posted",
    "notice_received",
    "notice_starts",
    "last_posting_day",
    "report_progress",
    "report_final",
    "agreement_ends",
    "term_end",
)


@dataclass(frozen=True)
class Event:
    """One dated thing: ``kind`` is one of :data:`KINDS`; ``article`` and ``rule`` say where it comes from."""

    day: date
    kind: str
    article: str
    rule: str
    period: str | None = None  # S14: the period a term_start/term_end belongs to, when there are several


def agenda(convenant: Convenant) -> tuple[Event, ...]:
    """S16 — term start and end, report deadlines, the last day to post a notice, and any termination's dates.

    Art. 6: "Ter verantwoording en ter evaluatie van deze overeenkomst bezorgt de sector ten
    laatste op 30 september 2024 een voortgangsrapport en ten laatste op 30 september 2025
    een eindrapport aan het departement Werk en Sociale Economie."
    Art. 7: "De partijen kunnen op elk moment het sectorconvenant opzeggen, mits ze een
    opzegtermijn van 6 maanden in acht nemen. De kennisgeving van de opzegging gebeurt per
    aangetekende brief. De opzeggingstermijn begint te lopen vanaf de eerste werkdag na de
    kennisgeving."

    The last day to post is the last working day on which a registered letter can be posted
    so that the six months' notice ends by the term's last day (:func:`last_posting_day`).
    With extensions (S14) each period's start and end are listed, and the notice is reckoned
    against the last period's end (a notice ends the agreement, whatever period it falls in).
    """
    found = periods(convenant)
    several = len(found) > 1
    events = []
    for p in found:
        t, name = p.convenant.term, p.id if several else None
        article = "Art. 1" if p.extension is None else "Art. 8"
        rule = "S10" if not several else "S14"
        events += [Event(t.start, "term_start", article, rule, name), Event(t.end, "term_end", article, rule, name)]
    term = Term(start=found[0].convenant.term.start, end=found[-1].convenant.term.end)
    events.append(Event(last_posting_day(term.end), "last_posting_day", "Art. 7", "S15"))
    for report in convenant.reports:
        events.append(Event(report.due, f"report_{report.kind.value}", "Art. 6", "S16"))
    termination = convenant.termination
    if termination is not None:
        if termination.kind is TerminationKind.notice:
            if termination.letter_posted is None:  # the model requires it for a notice
                raise ValueError("a termination by notice needs letter_posted (S15)")
            n = notice(termination.letter_posted)
            events += [
                Event(n.posted, "letter_posted", "Art. 7", "S15"),
                Event(n.received, "notice_received", "Art. 7", "S15"),
                Event(n.starts, "notice_starts", "Art. 7", "S15"),
            ]
        events.append(Event(ending(termination, term).ends, "agreement_ends", "Art. 7", "S15"))
    return tuple(sorted(events, key=lambda e: (e.day, KINDS.index(e.kind))))
