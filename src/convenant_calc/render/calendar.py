"""`convenant calendar` as a table (rich), JSON, or iCalendar (RFC 5545) for the officer's agenda (S16)."""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from urllib.parse import quote

from convenant_calc import __version__
from convenant_calc.core.models import Convenant
from convenant_calc.views.agenda import AgendaRow, Reminder

SCHEMA = "convenant-calendar/1"
CRLF = "\r\n"


def table(
    convenant: Convenant,
    rows: tuple[AgendaRow, ...],
    heading: str,
    columns: tuple[str, str, str],
    day_text: Callable[[date], str] = date.isoformat,
) -> str:
    """The dates as a plain-text table (no colour), one row per event in date order (dates by ``day_text``)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from convenant_calc.render.terminal import cell, safe

    grid = Table(title=safe(f"{heading}: {convenant.title} ({convenant.id})"), title_justify="left",
                 box=box.SIMPLE_HEAD, pad_edge=False)
    for name in columns:
        grid.add_column(name, no_wrap=name == columns[0])
    for row in rows:  # input text as written: never markup ("[/]x" ended in a MarkupError), never control codes
        grid.add_row(cell(day_text(row.day)), cell(row.title), cell(f"{row.article}, {row.rule}"))
    buffer = io.StringIO()
    Console(file=buffer, width=100, color_system=None, force_terminal=False).print(grid)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def as_json(convenant: Convenant, rows: tuple[AgendaRow, ...]) -> str:
    data = {
        "schema": SCHEMA,
        "convenant": convenant.id,
        "events": [
            {"date": r.day.isoformat(), "kind": r.kind, "title": r.title, "article": r.article, "rule": r.rule}
            | ({"period": r.period} if r.period is not None else {})
            for r in rows
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- iCalendar ----------------------------------------------------------------------------


#: A line break in a text: CRLF, a bare CR or LF, or Unicode's line and paragraph separators (which
#: parsers that split lines with Python's ``str.splitlines`` would take for the end of a content line).
_LINE_BREAK = re.compile("\r\n|[\r\n\u2028\u2029]")


def escape_text(text: str) -> str:
    """RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped, each line break written ``\\n``,
    every other control character dropped (issue 18).

    A bare CR in a title must not end the content line: ``x\\rEND:VEVENT\\rBEGIN:VEVENT`` would
    otherwise start a second event in some readers. A tab stays: TEXT allows it (TSAFE-CHAR).
    """
    kept = "".join(ch for ch in text if ch == "\t" or _LINE_BREAK.match(ch) or unicodedata.category(ch) != "Cc")
    escaped = kept.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _LINE_BREAK.sub(lambda _: "\\n", escaped)


def fold(line: str) -> str:
    """RFC 5545 §3.1: lines of at most 75 octets, continued after CRLF and one space; never inside a character."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return CRLF.join(out)


def uid(convenant: Convenant, row: AgendaRow) -> str:
    """What the event is, never its date: the agreement's id, the period (when there are several) and the
    event's kind (issue 22). Each kind happens once an agreement (a period's start and end once a period),
    so the UID is unique, and a corrected date updates the event a calendar already holds instead of
    adding a second one."""
    period = f"-{quote(row.period, safe='-._~')}" if row.period is not None else ""
    return f"{quote(convenant.id, safe='-._~')}{period}-{row.kind.replace('_', '-')}@convenant"


def alarm(reminder: Reminder) -> list[str]:
    """A VALARM at the start of the day ``days_before`` the event (an all-day event starts at midnight)."""
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER;RELATED=START:-P{reminder.days_before}D",
        f"DESCRIPTION:{escape_text(reminder.text)}",
        "END:VALARM",
    ]


def dtstamp(convenant: Convenant, epoch: int | None = None) -> str:
    """DTSTAMP from the input, not the clock: SOURCE_DATE_EPOCH when given, else midnight UTC of the term's start."""
    if epoch is not None:
        moment = datetime.fromtimestamp(epoch, timezone.utc)
    else:
        moment = datetime(convenant.term.start.year, convenant.term.start.month, convenant.term.start.day,
                          tzinfo=timezone.utc)
    return f"{moment:%Y%m%dT%H%M%SZ}"


def ics(convenant: Convenant, rows: tuple[AgendaRow, ...], epoch: int | None = None) -> str:
    """An iCalendar object with one all-day event per date (DTSTART;VALUE=DATE, DTEND the next day), CRLF lines;
    the report deadlines and the last day to post a notice with their reminders (VALARM)."""
    stamp = dtstamp(convenant, epoch)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//convenant//convenant {__version__}//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text(convenant.title)}",
    ]
    for row in rows:
        nxt: date = row.day + timedelta(days=1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid(convenant, row)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{row.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{nxt:%Y%m%d}",
            f"SUMMARY:{escape_text(row.title)}",
            f"DESCRIPTION:{escape_text(f'{convenant.title} ({convenant.id}): {row.article}, {row.rule}')}",
            "TRANSP:TRANSPARENT",
            *(line for reminder in row.reminders for line in alarm(reminder)),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
