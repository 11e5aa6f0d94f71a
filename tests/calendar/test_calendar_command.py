"""`convenant calendar` (S16): the dates in order, as table, JSON and iCalendar (RFC 5545, parsed back)."""

from __future__ import annotations

import json
from datetime import date

import icalendar
import pytest

from convenant_calc.cli.commands import run_calendar

from ..validation.conftest import CONVENANT, RESULTS

BUNDLED = [
    # Art. 1: the term; Art. 6: the two reports; last day to post (see test_notice: 2024-12-24).
    ("2023-07-01", "term_start"),
    ("2024-09-30", "report_progress"),
    ("2024-12-24", "last_posting_day"),
    ("2025-06-30", "term_end"),
    ("2025-09-30", "report_final"),
]


def run(capsys, *args, **kwargs) -> tuple[int, str, str]:
    code = run_calendar(*args, **kwargs)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_bundled_agreement_json(capsys, examples):
    code, out, err = run(capsys, examples / "01-no-absences", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["schema"] == "convenant-calendar/1" and data["convenant"] == "lokale-besturen-2023-2025"
    assert [(e["date"], e["kind"]) for e in data["events"]] == BUNDLED
    assert data["events"][1]["article"] == "Art. 6"


def test_bundled_agreement_table_in_dutch(capsys, examples):
    code, out, _ = run(capsys, examples / "01-no-absences", "table", "nl")
    assert code == 0
    # Dates the Flemish way in Dutch (as the settlement table writes them): 1 juli 2023 … 30 september 2025.
    lines = [line for line in out.splitlines() if line[:1] == " " and line[1:2].isdigit()]
    assert [" ".join(line.split()[:3]) for line in lines] == [
        "1 juli 2023", "30 september 2024", "24 december 2024", "30 juni 2025", "30 september 2025"]
    assert "Voortgangsrapport ten laatste" in out and "Eindrapport ten laatste" in out


@pytest.fixture
def notice_case(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    case = tmp_path / "case"
    case.mkdir()
    (case / "convenant.yaml").write_text(
        CONVENANT.replace("title: Test agreement", "title: 'Test, with; specials'")
        + "reports: [{kind: progress, due: 2024-09-30}, {kind: final, due: 2025-03-31}]\n"
        + "termination: {kind: notice, by: sector, letter_posted: 2024-05-17}\n",
        encoding="utf-8",
    )
    (case / "results.yaml").write_text(RESULTS, encoding="utf-8")
    return case


def test_termination_dates_in_order(capsys, notice_case):
    # Posted Fri 2024-05-17: Mon 20 is Pinkstermaandag, so Tue 21 (1), Wed 22 (2), Thu 23 (3): received
    # 2024-05-23; notice from Fri 2024-05-24; ends 2024-11-23 (the day before 24 November).
    # Term 2024-01-01 … 2024-12-31: last day to post: from 2024-07-01 ends 2024-12-31; from Tue 07-02 too late.
    # Received Fri 06-28; posted Tue 06-25 (Wed 26, Thu 27, Fri 28).
    code, out, _ = run(capsys, notice_case, "json")
    assert code == 0
    assert [(e["date"], e["kind"]) for e in json.loads(out)["events"]] == [
        ("2024-01-01", "term_start"),
        ("2024-05-17", "letter_posted"),
        ("2024-05-23", "notice_received"),
        ("2024-05-24", "notice_starts"),
        ("2024-06-25", "last_posting_day"),
        ("2024-09-30", "report_progress"),
        ("2024-11-23", "agreement_ends"),
        ("2024-12-31", "term_end"),
        ("2025-03-31", "report_final"),
    ]


def test_ics_parses_back_and_is_reproducible(notice_case, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = notice_case.parent / "agenda.ics"
    assert run_calendar(notice_case, "ics", "en", out) == 0
    data = out.read_bytes()
    # RFC 5545: CRLF line ends only, no line longer than 75 octets.
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert len(events) == 9
    starts = [e.decoded("DTSTART") for e in events]
    assert starts == sorted(starts) and all(type(d) is date for d in starts)  # all-day events
    assert starts[0] == date(2024, 1, 1) and starts[6] == date(2024, 11, 23)
    assert all((e.decoded("DTEND") - e.decoded("DTSTART")).days == 1 for e in events)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 9
    assert uids[6] == "test-2024-agreement-ends@convenant"  # what the event is, never its date (issue 22)
    assert str(events[1]["SUMMARY"]) == "Registered letter of notice posted (by the sector)"
    # TEXT is escaped in the file (RFC 5545 §3.3.11) and read back as written.
    assert b"X-WR-CALNAME:Test\\, with\\; specials\r\n" in data
    assert str(events[0]["DESCRIPTION"]) == "Test, with; specials (test-2024): Art. 1, S10"
    # DTSTAMP comes from the input (midnight UTC of the term's start), so a second run gives the same bytes.
    assert str(events[0]["DTSTAMP"].to_ical().decode()) == "20240101T000000Z"
    again = notice_case.parent / "again.ics"
    assert run_calendar(notice_case, "ics", "en", again) == 0
    assert again.read_bytes() == data
    # SOURCE_DATE_EPOCH, when set, fixes it instead: 1717200000 = 2024-06-01T00:00:00Z.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    assert run_calendar(notice_case, "ics", "en", again) == 0
    assert b"DTSTAMP:20240601T000000Z\r\n" in again.read_bytes()


def test_ics_on_stdout_keeps_crlf(capfdbinary, examples):
    assert run_calendar(examples / "01-no-absences", "ics") == 0
    data = capfdbinary.readouterr().out
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and data.endswith(b"END:VCALENDAR\r\n")


def test_fold_never_splits_a_character():
    from convenant_calc.render.calendar import fold

    line = "SUMMARY:" + "é" * 100  # 2 octets each
    parts = fold(line).split("\r\n")
    assert all(len(p.encode()) <= 75 for p in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_bad_case_is_reported_with_positions(capsys, notice_case):
    text = (notice_case / "convenant.yaml").read_text()
    (notice_case / "convenant.yaml").write_text(text.replace("letter_posted: 2024-05-17", "letter_posted: 17-05-2024"))
    code, out, err = run(capsys, notice_case, "ics")
    assert code == 2 and out == ""
    assert err.splitlines()[0].startswith("case/convenant.yaml:10:56: ")
    assert "expected a date written YYYY-MM-DD" in err


def test_each_period_of_an_extended_agreement(capsys, examples):
    # examples/09: the agreement as signed 2023-07-01 … 2025-06-30, extended 2025-07-01 … 2026-06-30 (S14).
    # The notice is reckoned against the last period's end, 2026-06-30: from Wed 2025-12-31 it ends
    # 2026-06-30 (31 June does not exist); received Tue 12-30; posted Wed 2025-12-24: Fri 26 (1),
    # Mon 29 (2), Tue 30 (3). Posted Fri 12-26: received 12-31, from Fri 2026-01-02, ends 2026-07-01: too late.
    code, out, _ = run(capsys, examples / "09-extension-year", "json")
    assert code == 0
    events = json.loads(out)["events"]
    assert [(e["date"], e["kind"], e.get("period")) for e in events] == [
        ("2023-07-01", "term_start", "lokale-besturen-2023-2025"),
        ("2025-06-30", "term_end", "lokale-besturen-2023-2025"),
        ("2025-07-01", "term_start", "verlenging-2025-2026"),
        ("2025-12-24", "last_posting_day", None),
        ("2026-06-30", "term_end", "verlenging-2025-2026"),
    ]
    assert events[2]["title"] == "Period verlenging-2025-2026 starts" and events[2]["article"] == "Art. 8"
