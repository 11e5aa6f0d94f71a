"""`convenant calendar` as a table (rich), JSON, or iCalendar (RFC 5545) for the officer's agenda (S16)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from urllib.parse import quote

from convenant_calc import __version__
from convenant_calc.core.models import Convenant
from convenant_calc.views.agenda import AgendaRow

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


def escape_text(text: str) -> str:
    """RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped, a newline as \\n."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


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
    """Stable: the agreement's id, the event's kind and its date (the same event gets the same UID every run)."""
    period = f"-{quote(row.period, safe='-._~')}" if row.period is not None else ""
    return f"{quote(convenant.id, safe='-._~')}{period}-{row.kind.replace('_', '-')}-{row.day:%Y%m%d}@convenant"


def dtstamp(convenant: Convenant, epoch: int | None = None) -> str:
    """DTSTAMP from the input, not the clock: SOURCE_DATE_EPOCH when given, else midnight UTC of the term's start."""
    if epoch is not None:
        moment = datetime.fromtimestamp(epoch, timezone.utc)
    else:
        moment = datetime(convenant.term.start.year, convenant.term.start.month, convenant.term.start.day,
                          tzinfo=timezone.utc)
    return f"{moment:%Y%m%dT%H%M%SZ}"


def ics(convenant: Convenant, rows: tuple[AgendaRow, ...], epoch: int | None = None) -> str:
    """An iCalendar object with one all-day event per date (DTSTART;VALUE=DATE, DTEND the next day), CRLF lines."""
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
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
