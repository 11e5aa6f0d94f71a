"""The calendar's rows in words (S16): each dated event of :func:`convenant_calc.core.agenda.agenda` with its title."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from convenant_calc.core.agenda import Event
from convenant_calc.core.models import Convenant
from convenant_calc.views.labels import Lang


@dataclass(frozen=True)
class AgendaRow:
    day: date
    kind: str
    title: str
    article: str
    rule: str
    period: str | None = None


def title(event: Event, convenant: Convenant, t: Lang) -> str:
    """The event in words, naming the party that gave notice and how the agreement ended."""
    termination = convenant.termination
    if event.kind == "letter_posted" and termination is not None and termination.by is not None:
        return t("ev_letter_posted", by=t(f"party_{termination.by.value}"))
    if event.kind == "agreement_ends" and termination is not None:
        return t("ev_agreement_ends", kind=t(f"end_{termination.kind.value}"))
    if event.period is not None:  # S14: one of several periods
        return t(f"ev_period_{event.kind.removeprefix('term_')}", period=event.period)
    return t(f"ev_{event.kind}")


def rows(convenant: Convenant, events: tuple[Event, ...], t: Lang) -> tuple[AgendaRow, ...]:
    return tuple(AgendaRow(e.day, e.kind, title(e, convenant, t), e.article, e.rule, e.period) for e in events)
