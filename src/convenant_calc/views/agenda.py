"""The calendar's rows in words (S16): each dated event of :func:`convenant_calc.core.agenda.agenda` with its title."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from convenant_calc.core.agenda import Event
from convenant_calc.core.models import Convenant
from convenant_calc.views.labels import Lang


#: The events an agenda reminds of, and how many days before (issue 22): the report deadlines
#: (Art. 6) and the last day to post a notice that ends by the term's end (Art. 7).
REMINDED = ("report_progress", "report_final", "last_posting_day")
REMINDER_DAYS = (14, 1)


@dataclass(frozen=True)
class Reminder:
    days_before: int
    text: str


@dataclass(frozen=True)
class AgendaRow:
    day: date
    kind: str
    title: str
    article: str
    rule: str
    period: str | None = None
    reminders: tuple[Reminder, ...] = ()


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


def reminders(event: Event, text: str, t: Lang) -> tuple[Reminder, ...]:
    """14 days and 1 day before a report deadline or the last day to post a notice; none for the rest."""
    if event.kind not in REMINDED:
        return ()
    return tuple(
        Reminder(days, t("alarm_tomorrow", event=text) if days == 1 else t("alarm_days", days=days, event=text))
        for days in REMINDER_DAYS
    )


def rows(convenant: Convenant, events: tuple[Event, ...], t: Lang) -> tuple[AgendaRow, ...]:
    found = []
    for e in events:
        text = title(e, convenant, t)
        found.append(AgendaRow(e.day, e.kind, text, e.article, e.rule, e.period, reminders(e, text, t)))
    return tuple(found)
