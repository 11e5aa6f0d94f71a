"""The .ics of `convenant calendar`, read back with a real iCalendar parser (the `icalendar` package).

Reminders before the report deadlines and the last day to post a notice, UIDs that a corrected
date keeps (issue 22, item 4), and input text that can never leave its property (issue 18, item 6).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.cli.commands import run_calendar
from convenant_calc.core.agenda import agenda
from convenant_calc.io.loading import load_case
from convenant_calc.render.calendar import ics
from convenant_calc.views import agenda as agenda_view
from convenant_calc.views.labels import Lang

from ..conftest import EXAMPLES
from ..validation.conftest import CONVENANT, RESULTS

#: A title that tries to end its line and start an event of its own (issue 18's reproducer).
FORGED = "x\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:Pay now"


def calendar(case: Path, out: Path, lang: str = "en") -> tuple[bytes, icalendar.Calendar]:
    """The case's calendar written to ``out`` through the CLI, as bytes and parsed."""
    assert run_calendar(case, "ics", lang, out) == 0
    data = out.read_bytes()
    return data, icalendar.Calendar.from_ical(data)


def by_kind(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    """Events by the kind their UID names (``test-2024-report-final@convenant`` → ``report-final``)."""
    return {str(e["UID"]).split("@")[0].removeprefix("test-2024-"): e for e in cal.walk("VEVENT")}


def write_case(root: Path, title: str = "Test agreement", final_due: str = "2025-03-31", posted: str = "2024-05-17"):
    case = root / "case"
    case.mkdir(exist_ok=True)
    (case / "convenant.yaml").write_text(
        CONVENANT.replace("title: Test agreement", f"title: {title}")
        + f"reports: [{{kind: progress, due: 2024-09-30}}, {{kind: final, due: {final_due}}}]\n"
        + f"termination: {{kind: notice, by: sector, letter_posted: {posted}}}\n",
        encoding="utf-8",
    )
    (case / "results.yaml").write_text(RESULTS, encoding="utf-8")
    return case


def calendar_name(cal: icalendar.Calendar) -> str:
    """X-WR-CALNAME as a calendar shows it: the parser keeps an X- property raw, so its value is read
    back through the parser as a TEXT property (DESCRIPTION) of an event of its own."""
    raw = str(cal["X-WR-CALNAME"])
    return str(icalendar.Event.from_ical(f"BEGIN:VEVENT\r\nDESCRIPTION:{raw}\r\nEND:VEVENT\r\n")["DESCRIPTION"])


def assert_content_lines(data: bytes) -> None:
    """RFC 5545 §3.1: CRLF ends every line and nothing else (no bare CR or LF), at most 75 octets a line."""
    assert b"\r" not in data.replace(b"\r\n", b"") and b"\n" not in data.replace(b"\r\n", b"")
    assert data.endswith(b"\r\n") and all(len(line) <= 75 for line in data.split(b"\r\n"))


# --- reminders -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, in_14_days, tomorrow",
    [("en", "In 14 days: {}", "Tomorrow: {}"), ("nl", "Over 14 dagen: {}", "Morgen: {}")],
)
def test_reminders_14_days_and_1_day_before_each_deadline(examples, tmp_path, lang, in_14_days, tomorrow):
    # The bundled agreement (examples/01): progress report by 2024-09-30 and final report by 2025-09-30
    # (Art. 6); last day to post a notice 2024-12-24 (Art. 7, tests/calendar/test_notice.py).
    # 14 days before 2024-09-30 is 2024-09-16, 1 day before 2024-09-29; 2024-12-24 → 12-10, 12-23;
    # 2025-09-30 → 2025-09-16, 09-29. The term's start and end have no reminder.
    data, cal = calendar(examples / "01-no-absences", tmp_path / "01.ics", lang)
    assert_content_lines(data)
    events = cal.walk("VEVENT")
    reminded = {e.decoded("DTSTART"): [t.trigger for t in e.alarms.times] for e in events if e.walk("VALARM")}
    assert reminded == {
        date(2024, 9, 30): [date(2024, 9, 16), date(2024, 9, 29)],
        date(2024, 12, 24): [date(2024, 12, 10), date(2024, 12, 23)],
        date(2025, 9, 30): [date(2025, 9, 16), date(2025, 9, 29)],
    }
    for event in events:
        alarms = event.walk("VALARM")
        if not alarms:
            continue
        assert [a.decoded("TRIGGER") for a in alarms] == [timedelta(days=-14), timedelta(days=-1)]
        assert [str(a["ACTION"]) for a in alarms] == ["DISPLAY", "DISPLAY"]  # DISPLAY needs a DESCRIPTION
        summary = str(event["SUMMARY"])
        assert [str(a["DESCRIPTION"]) for a in alarms] == [in_14_days.format(summary), tomorrow.format(summary)]


def test_reminders_in_an_agreement_with_a_notice(tmp_path):
    # The notice case of test_calendar_command: progress report 2024-09-30, final 2025-03-31, last day to
    # post 2024-06-25: three events with two reminders each; the notice's own dates have none.
    _, cal = calendar(write_case(tmp_path), tmp_path / "case.ics")
    kinds = by_kind(cal)
    with_alarms = sorted(kind for kind, e in kinds.items() if e.walk("VALARM"))
    assert with_alarms == ["last-posting-day", "report-final", "report-progress"]
    assert [t.trigger for t in kinds["last-posting-day"].alarms.times] == [date(2024, 6, 11), date(2024, 6, 24)]


# --- UIDs ------------------------------------------------------------------------------------


def test_a_corrected_date_keeps_its_uid(tmp_path):
    # Correct the final report's date (2025-03-31 → 2025-03-28) and the posting of the notice letter
    # (Fri 2024-05-17 → Tue 2024-05-21: received Fri 05-24, notice from Mon 05-27, ends 2024-11-26).
    # Every event keeps its UID; the calendar that imported the first file moves the events.
    _, before = calendar(write_case(tmp_path), tmp_path / "before.ics")
    _, after = calendar(write_case(tmp_path, final_due="2025-03-28", posted="2024-05-21"), tmp_path / "after.ics")
    old, new = by_kind(before), by_kind(after)
    assert sorted(old) == sorted(new) == [
        "agreement-ends",
        "last-posting-day",
        "letter-posted",
        "notice-received",
        "notice-starts",
        "report-final",
        "report-progress",
        "term-end",
        "term-start",
    ]
    moved = {k: (old[k].decoded("DTSTART"), new[k].decoded("DTSTART")) for k in old if k in new}
    assert moved["report-final"] == (date(2025, 3, 31), date(2025, 3, 28))
    assert moved["letter-posted"] == (date(2024, 5, 17), date(2024, 5, 21))
    assert moved["agreement-ends"] == (date(2024, 11, 23), date(2024, 11, 26))
    assert all(str(old[k]["SUMMARY"]) == str(new[k]["SUMMARY"]) for k in old)


def test_uids_are_unique_and_never_hold_a_date(examples, tmp_path):
    # Every casebook agreement, one period or several (examples/09: each period's start and end).
    cases = sorted(p.parent for p in examples.glob("**/results.yaml"))
    assert len(cases) >= 26
    for case in cases:
        _, cal = calendar(case, tmp_path / f"{case.name}.ics")
        events = cal.walk("VEVENT")
        uids = [str(e["UID"]) for e in events]
        assert len(set(uids)) == len(uids), case
        for event, uid in zip(events, uids, strict=True):
            assert f"{event.decoded('DTSTART'):%Y%m%d}" not in uid and not re.search(r"\d{8}", uid), uid


# --- text ------------------------------------------------------------------------------------


def test_a_title_cannot_forge_an_event(tmp_path):
    # issue 18: the title's bare CRs ended the X-WR-CALNAME and DESCRIPTION lines, and a reader that takes
    # CR for a line end saw "END:VEVENT", "BEGIN:VEVENT", "SUMMARY:Pay now": 18 bare CRs in the file.
    # Now each is an escaped line break (\n): the title is shown, in full, inside its own property.
    case = write_case(tmp_path, title='"x\\rEND:VEVENT\\rBEGIN:VEVENT\\rSUMMARY:Pay now"')
    data, cal = calendar(case, tmp_path / "case.ics")
    assert_content_lines(data)
    assert b"X-WR-CALNAME:x\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Pay now\r\n" in data
    assert data.count(b"BEGIN:VEVENT\r\n") == 9 and data.count(b"\r\nSUMMARY:Pay now") == 0
    events = cal.walk("VEVENT")
    assert len(events) == 9  # the dates of the notice case, as test_termination_dates_in_order lists them
    assert "Pay now" not in [str(e["SUMMARY"]) for e in events]
    shown = "x\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Pay now"
    assert calendar_name(cal) == shown
    assert str(events[0]["DESCRIPTION"]) == f"{shown} (test-2024): Art. 1, S10"


def test_other_control_characters_are_dropped(tmp_path):
    # BEL, ESC (a terminal colour), NUL, DEL and NEL (U+0085) dropped; a tab stays (RFC 5545 TSAFE-CHAR);
    # ; , \ escaped; U+2028 (a line separator, which str.splitlines takes for a line end) is a line break.
    case = write_case(tmp_path, title='"a\\a\\e[31mb\\0c\\x7f\\x85d\\te; f, g\\\\h\\Li"')
    data, cal = calendar(case, tmp_path / "case.ics")
    assert_content_lines(data)
    assert b"X-WR-CALNAME:a[31mbcd\te\\; f\\, g\\\\h\\ni\r\n" in data
    assert calendar_name(cal) == "a[31mbcd\te; f, g\\h\ni"


def shown(text: str) -> str:
    """What a calendar shows of a text: each line break as one newline, every other control character gone."""
    text = re.sub("\r\n|[\r\n\u2028\u2029]", "\n", text)
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


@pytest.fixture(scope="module")
def bundled():
    convenant = load_case(EXAMPLES / "01-no-absences").case.convenant
    return convenant, agenda(convenant)


@settings(max_examples=300, deadline=None)
@given(title=st.text(max_size=200))
def test_any_title_reads_back_as_written(bundled, title):
    convenant, events = bundled
    named = convenant.model_copy(update={"title": title})
    data = ics(named, agenda_view.rows(named, events, Lang("en"))).encode("utf-8")
    assert_content_lines(data)
    cal = icalendar.Calendar.from_ical(data)
    read = cal.walk("VEVENT")
    assert len(read) == 5
    assert calendar_name(cal) == shown(title)
    assert str(read[0]["DESCRIPTION"]) == f"{shown(title)} (lokale-besturen-2023-2025): Art. 1, S10"
