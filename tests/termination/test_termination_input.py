"""S15/S16 input: termination and reports in convenant.yaml, each mistake at its file:line:col."""

import pytest

from ..validation.conftest import CONVENANT as C

ONE = "1 error in 1 file"
CHECKS = {
    "unknown kind": (
        "termination: {kind: notise, by: sector, letter_posted: 2024-06-03}\n",
        "case/convenant.yaml:9:21: unknown value 'notise'; did you mean 'notice'? "
        "allowed: 'notice', 'mutual' or 'immediate'",
    ),
    "notice without the letter": (
        "termination: {kind: notice, by: sector}\n",
        "case/convenant.yaml:9:14: a notice needs 'letter_posted', the day the registered letter was posted; "
        "e.g. {kind: notice, by: sector, letter_posted: 2024-12-20}",
    ),
    "notice without a party": (
        "termination: {kind: notice, letter_posted: 2024-06-03}\n",
        "case/convenant.yaml:9:14: a notice needs 'by: sector' or 'by: government', the party giving it; "
        "e.g. {kind: notice, by: sector, letter_posted: 2024-12-20}",
    ),
    "notice with an end": (
        "termination: {kind: notice, by: sector, letter_posted: 2024-06-03, ends: 2024-12-31}\n",
        "case/convenant.yaml:9:74: a notice has no 'ends': its end follows from the day the letter was posted "
        "(S15); remove 'ends', e.g. {kind: notice, by: sector, letter_posted: 2024-12-20}",
    ),
    "unknown party": (
        "termination: {kind: notice, by: sectr, letter_posted: 2024-06-03}\n",
        "case/convenant.yaml:9:33: unknown value 'sectr'; did you mean 'sector'? allowed: 'sector' or 'government'",
    ),
    "impossible date": (
        "termination: {kind: notice, by: sector, letter_posted: 2024-06-31}\n",
        "case/convenant.yaml:9:56: 2024-06-31 is not a date in the calendar; check the day and month",
    ),
    "mutual without an end": (
        "termination: {kind: mutual}\n",
        "case/convenant.yaml:9:14: a mutual termination needs 'ends', the agreement's last day; "
        "e.g. {kind: mutual, ends: 2024-10-31}",
    ),
    "mutual by one party": (
        "termination: {kind: mutual, by: sector, ends: 2024-10-31}\n",
        "case/convenant.yaml:9:33: a mutual termination is agreed by both parties; remove 'by' "
        '(Art. 7: "bij onderlinge overeenkomst")',
    ),
    "immediate by the sector": (
        "termination: {kind: immediate, by: sector, ends: 2024-10-31}\n",
        "case/convenant.yaml:9:36: only the Flemish Government can end the agreement without notice (Art. 7); "
        "write 'by: government', or give notice: {kind: notice, by: sector, letter_posted: ...}",
    ),
    "mutual with a letter": (
        "termination: {kind: mutual, ends: 2024-10-31, letter_posted: 2024-06-03}\n",
        "case/convenant.yaml:9:62: 'letter_posted' belongs to a notice only; a mutual termination gives 'ends'; "
        "e.g. {kind: mutual, ends: 2024-10-31}",
    ),
    "no kind": (
        "termination: {ends: 2024-10-31}\n",
        "case/convenant.yaml:9:14: missing key 'kind'; add it here, e.g. kind: notice (or mutual, immediate)",
    ),
    "unknown key": (
        "termination: {kind: mutual, end: 2024-10-31}\n",
        "case/convenant.yaml:9:29: unknown key 'end'; did you mean 'ends'?",
    ),
    "end before the term starts": (
        "termination: {kind: mutual, ends: 2023-12-31}\n",
        "case/convenant.yaml:9:35: the agreement would end on 2023-12-31, before its term starts (2024-01-01); "
        "check the date",
    ),
    "report of an unknown kind": (
        "reports: [{kind: interim, due: 2024-09-30}]\n",
        "case/convenant.yaml:9:18: unknown value 'interim'; allowed: 'progress' or 'final'",
    ),
    "report without a date": (
        "reports: [{kind: progress}]\n",
        "case/convenant.yaml:9:11: missing key 'due'; add it here, e.g. due: 2024-09-30",
    ),
    "report listed twice": (
        "reports:\n  - {kind: progress, due: 2024-09-30}\n  - {kind: progress, due: 2024-10-30}\n",
        "case/convenant.yaml:11:12: the progress report is listed twice (first as report 1); "
        "keep one deadline per kind of report (Art. 6)",
    ),
    "report due before the term": (
        "reports: [{kind: progress, due: 2023-09-30}]\n",
        "case/convenant.yaml:9:33: the progress report is due on 2023-09-30, before the term starts (2024-01-01); "
        "check the date",
    ),
}


@pytest.mark.parametrize("extra, expected", CHECKS.values(), ids=CHECKS.keys())
def test_termination_and_reports_input(case, extra, expected):
    assert case.errors(**{"convenant.yaml": C + extra}) == [expected, ONE]


def test_all_errors_of_the_file_at_once(case):
    lines = case.errors(**{"convenant.yaml": C + "termination: {kind: mutual}\nreports: [{kind: progress}]\n"})
    assert lines[-1] == "2 errors in 1 file"
    assert [line.split(": ")[0] for line in lines[:2]] == ["case/convenant.yaml:9:14", "case/convenant.yaml:10:11"]


def test_end_after_the_term_is_a_warning(case):
    # A notice posted 2024-09-02 (Mon): Tue 3, Wed 4, Thu 5 → received 2024-09-05; from Fri 2024-09-06;
    # ends 2025-03-05, after the term's last day (2024-12-31): nothing changes, a warning.
    run = case.write(**{"convenant.yaml": C + "termination: {kind: notice, by: government, letter_posted: 2024-09-02}\n"}).run(
        "settle", "case", "--format", "json"
    )
    assert run.exit_code == 0
    assert run.stderr.splitlines() == [
        "case/convenant.yaml:9:60: warning: the agreement ends on 2025-03-05 (letter posted 2024-09-02, "
        "received 2024-09-05, notice from 2024-09-06), on or after the term's last day (2024-12-31): "
        "the termination changes nothing (S15); check the date"
    ]
    assert '"subsidy": "100000.00"' in run.stdout


def test_progress_after_final_is_a_warning(case):
    extra = "reports: [{kind: progress, due: 2025-10-30}, {kind: final, due: 2025-09-30}]\n"
    run = case.write(**{"convenant.yaml": C + extra}).run()
    assert run.exit_code == 0
    assert run.stderr.splitlines() == [
        "case/convenant.yaml:9:33: warning: the progress report is due on 2025-10-30, after the final report "
        "(2025-09-30); check the dates"
    ]
