"""Checks across the files of a case, warnings, the case directory, and `convenant validate` (issue 3, items 2–4)."""

from __future__ import annotations

import json

import pytest

from .conftest import RESULTS as R

from convenant_calc.io.bundled import bundled_path, examples_dir
from convenant_calc.io.problems import display_path

ONE = "1 error in 1 file"
TWO_CONSULTANTS = "consultants:\n  - {id: an}\n  - {id: bo}\n"


def staffing(consultants: str, *absences: str) -> dict[str, str]:
    return {"absences.yaml": consultants + "absences:\n" + "".join(f"  - {a}\n" for a in absences)}


CHECKS = {
    "absence after the consultant's employment ended": (
        staffing(
            "consultants:\n  - {id: an, employed: {from: 2024-01-01, to: 2024-06-30}}\n  - {id: bo}\n",
            "{consultant: an, kind: sickness, from: 2024-06-20, to: 2024-07-15}",
        ),
        "case/absences.yaml:5:60: absence 2024-06-20 … 2024-07-15 lies outside an's employment "
        "(2024-01-01 … 2024-06-30); correct the dates of the absence or of the employment",
    ),
    "absence before the consultant's employment started": (
        staffing(
            "consultants:\n  - {id: an, employed: {from: 2024-03-01}}\n  - {id: bo}\n",
            "{consultant: an, kind: sickness, from: 2024-02-20, to: 2024-03-15}",
        ),
        "case/absences.yaml:5:44: absence 2024-02-20 … 2024-03-15 lies outside an's employment "
        "(2024-03-01 … open); correct the dates of the absence or of the employment",
    ),
    "absence of an unknown consultant": (
        staffing(TWO_CONSULTANTS, "{consultant: ann, kind: sickness, from: 2024-02-20, to: 2024-03-15}"),
        "case/absences.yaml:5:18: absence of unknown consultant 'ann'; did you mean 'an'? the consultants listed "
        "are an, bo; correct the id or add the consultant",
    ),
    "overlapping absences over the consultant's FTE name both and the first day": (
        # 0.2 time credit all year + a 1.0 sickness from 4 March: 1.2 FTE on 2024-03-04.
        staffing(
            TWO_CONSULTANTS,
            "{consultant: an, kind: time_credit, from: 2024-01-01, to: 2024-12-31, fte: 0.2}",
            "{consultant: an, kind: sickness, from: 2024-03-04, to: 2024-03-22}",
        ),
        "case/absences.yaml:6:5: absences 1 and 2 of an overlap on 2024-03-04 with 1.2 FTE in all, more than "
        "an's 1 FTE; shorten one, or give each its part-time 'fte'",
    ),
    "one absence over the consultant's FTE": (
        staffing(
            "consultants:\n  - {id: an, fte: 0.5}\n  - {id: bo, fte: 1}\n  - {id: cy, fte: 0.5}\n",
            "{consultant: an, kind: time_credit, from: 2024-02-01, to: 2024-03-31, fte: 0.8}",
        ),
        "case/absences.yaml:6:80: absence 1 takes 0.8 FTE off, more than an's 0.5 FTE; give it 'fte: 0.5' or less",
    ),
    "without a consultants list, more FTE absent than funded": (
        # 2 FTE funded; from 2024-05-15 three full-time absences run at once: 3 FTE.
        staffing(
            "",
            "{consultant: an, kind: maternity_leave, from: 2024-02-01, to: 2024-05-31}",
            "{consultant: bo, kind: career_break, from: 2024-04-01, to: 2024-09-30}",
            "{consultant: cy, kind: unpaid_leave, from: 2024-05-15, to: 2024-05-20}",
        ),
        "case/absences.yaml:4:5: on 2024-05-15 absences 1, 2, 3 take 3 FTE off, more than the 2 FTE assumed "
        "employed (no consultants are listed, S5); list the consultants with their FTE under 'consultants:'",
    ),
    "replacement outside its absence": (
        {
            "absences.yaml": "absences:\n  - consultant: an\n    kind: maternity_leave\n    from: 2024-02-01\n"
            "    to: 2024-05-31\n    replacement:\n      - {from: 2024-03-01, to: 2024-06-15}\n"
        },
        "case/absences.yaml:7:16: replacement 2024-03-01 … 2024-06-15 lies outside its absence "
        "(2024-02-01 … 2024-05-31); shorten the replacement to the absence, or correct the dates",
    ),
    "duplicate consultant id": (
        {"absences.yaml": "consultants:\n  - {id: an}\n  - {id: an, fte: 0.5}\n"},
        "case/absences.yaml:3:10: consultant id 'an' is used twice; give each consultant one entry",
    ),
    "result for an unknown commitment": (
        {"results.yaml": R + "  - {commitment: R3, achieved: 1}\n"},
        "case/results.yaml:4:18: result for unknown commitment 'R3'; the commitments of test-2024 are R1, R2; correct the id",
    ),
    "commitment without a result": (
        {"results.yaml": "results:\n  - {commitment: R1, achieved: 10}\n"},
        "case/results.yaml:2:3: no result reported for commitment 'R2' (Sessions); "
        "add {commitment: R2, achieved: ...} (S4: a missing result is never 'not met')",
    ),
    "commitment reported twice": (
        {"results.yaml": R + "  - {commitment: R1, achieved: 9}\n"},
        "case/results.yaml:4:18: commitment 'R1' is reported twice (first as result 1); keep one result per commitment",
    ),
    "case directory without convenant, naming none": (
        {"convenant.yaml": None},
        # At the top of results.yaml, where 'convenant: <id>' would go, naming the directory (issue 9).
        "case/results.yaml:1:1: no convenant.yaml in case, and no file names a bundled convenant with "
        "'convenant: <id>'; add one of them (bundled: lokale-besturen-2023-2025)",
    ),
    "convenant id that is not bundled lists the bundled ones": (
        {"convenant.yaml": None, "results.yaml": "convenant: lokale-besturen-2026\n" + R},
        "case/results.yaml:1:12: no bundled convenant 'lokale-besturen-2026'; bundled are lokale-besturen-2023-2025, "
        "or add a convenant.yaml to the case",
    ),
    "convenant ids that disagree": (
        {"results.yaml": "convenant: other-2024\n" + R},
        "case/results.yaml:1:12: names convenant 'other-2024' but convenant.yaml is 'test-2024'; make the ids the same",
    ),
    "case directory without results.yaml": (
        {"results.yaml": None},
        "case: no results.yaml in this case directory; add one with a result for each commitment (SPEC §3), "
        "or give the right directory",
    ),
}


@pytest.mark.parametrize("files, expected", CHECKS.values(), ids=CHECKS.keys())
def test_check(case, files, expected):
    assert case.errors(**files) == [expected, ONE]


@pytest.mark.parametrize("args", [["validate", "nowhere"], ["settle", "nowhere"]])
def test_case_directory_that_does_not_exist(case, args):
    run = case.run(*args)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.lines == ["nowhere: case directory does not exist; give the directory that holds results.yaml", ONE]


def test_case_directory_that_is_a_file(case):
    run = case.run("validate", "case/results.yaml")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.lines == [
        "case/results.yaml: case directory is not a directory; give the directory that holds results.yaml",
        ONE,
    ]


OVER_REPLACED = (
    "absences:\n  - consultant: an\n    kind: time_credit\n    from: 2024-02-01\n"
    "    to: 2024-05-31\n    fte: 0.5\n    replacement:\n      - {from: 2024-02-01, to: 2024-03-31, fte: 0.5}\n"
    "      - {from: 2024-03-15, to: 2024-05-31, fte: 0.2}\n"
)

WARNINGS = {
    "absence entirely outside the term": (
        {"absences.yaml": "absences:\n  - {consultant: an, kind: sickness, from: 2023-11-02, to: 2023-12-20}\n"},
        "case/absences.yaml:2:44: warning: absence 2023-11-02 … 2023-12-20 lies entirely outside the term "
        "(2024-01-01 … 2024-12-31); its days do not count (S6), check its dates",
    ),
    "result ten times its target": (
        {"results.yaml": R.replace("achieved: 4", "achieved: 40")},
        "case/results.yaml:3:32: warning: achieved 40 is 10 or more times the target 4; check for a typo",
    ),
    "replacements over the absent FTE": (
        # S8: valid input. 0.5 absent; the two replacements overlap from 2024-03-15 with 0.5 + 0.2 = 0.7;
        # the warning points at the replacement that starts that day (the second).
        {"absences.yaml": OVER_REPLACED},
        "case/absences.yaml:9:9: warning: replacements on 2024-03-15 add up to 0.7 FTE, more than the 0.5 FTE "
        "absent; they count for 0.5 FTE on such days (S8); check the replacements' fte",
    ),
    "payment more than a year after the term": (
        {"payments.yaml": "payments:\n  - {date: 2024-03-01, amount: 40000.00}\n  - {date: 2026-01-01, amount: 1000.00}\n"},
        "case/payments.yaml:3:12: warning: payment dated 2026-01-01, more than a year after the term ended "
        "(2024-12-31); check the date",
    ),
}


@pytest.mark.parametrize("files, expected", WARNINGS.values(), ids=WARNINGS.keys())
def test_warning_is_printed_and_the_case_still_settles(case, files, expected):
    run = case.write(**files).run("settle", "case", "--format", "json")
    assert run.exit_code == 0
    assert run.lines == [expected]
    assert json.loads(run.stdout)["max_subsidy"] == "100000.00"


def test_replacements_over_the_absent_fte_count_at_the_absent_fte(case):
    # S8. Time credit 0.5 FTE 2024-02-01 … 05-31, never covered. Replaced per day:
    #   02-01 … 03-14 (29 + 14 = 43 days): 0.5 → 0 short;
    #   03-15 … 03-31 (17 days): 0.5 + 0.2 = 0.7, counted as 0.5 → 0 short (uncapped: −0.2 a day);
    #   04-01 … 05-31 (30 + 31 = 61 days): 0.2 → 0.3 short → 18.3 FTE-days.
    # deduction = 100000 / (2 × 366) × 18.3 = 1830000 / 732 = 2500.00; subsidy 100000.00 − 2500.00.
    run = case.write(**{"absences.yaml": OVER_REPLACED}).run("settle", "case", "--format", "json")
    assert run.exit_code == 0
    settled = json.loads(run.stdout)
    assert settled["deduction"]["shortfall_fte_days"] == "18.3"
    assert settled["deduction"]["amount"] == "2500.00"
    assert settled["subsidy"] == "97500.00"


def test_warning_is_listed_with_errors_but_not_counted(case):
    lines = case.errors(
        **{"results.yaml": "results:\n  - {commitment: R1, achieved: 100}\n", "payments.yaml": "payments: []\n"}
    )
    assert lines == [
        "case/results.yaml:2:3: no result reported for commitment 'R2' (Sessions); "
        "add {commitment: R2, achieved: ...} (S4: a missing result is never 'not met')",
        "case/results.yaml:2:32: warning: achieved 100 is 10 or more times the target 10; check for a typo",
        ONE,
    ]


def test_all_errors_at_once_sorted_by_file_and_line_with_a_summary(case):
    # absences.yaml breaks twice on one line; results.yaml, readable, misses R2: the cross-file check
    # of results still runs although absences.yaml is broken.
    lines = case.errors(
        **{
            "results.yaml": "results:\n  - {commitment: R1, achieved: 10}\n",
            "absences.yaml": "absences:\n  - {consultant: an, kind: sick, from: 2024-03-01, to: 2024-02-30}\n",
        }
    )
    assert lines == [
        "case/absences.yaml:2:28: unknown value 'sick'; did you mean 'sickness'? allowed: 'sickness', 'accident', "
        "'maternity_leave', 'time_credit', 'career_break', 'parental_leave' or 'unpaid_leave'",
        "case/absences.yaml:2:56: 2024-02-30 is not a date in the calendar; check the day and month",
        "case/results.yaml:2:3: no result reported for commitment 'R2' (Sessions); "
        "add {commitment: R2, achieved: ...} (S4: a missing result is never 'not met')",
        "3 errors in 2 files",
    ]


@pytest.mark.parametrize("fmt", ["json", "table", "markdown", "html"])
def test_settle_writes_nothing_on_error(case, fmt):
    case.write(**{"payments.yaml": "payments:\n  - date: 2024-03-01\n    amount: 40.000,00\n"})
    target = case.dir.parent / "out" / f"settlement.{fmt}"
    target.parent.mkdir()
    for args in (["settle", "case", "--format", fmt], ["settle", "case", "--format", fmt, "--output", str(target)]):
        run = case.run(*args)
        assert (run.exit_code, run.stdout) == (2, "")
        assert run.lines == [
            "case/payments.yaml:3:13: '40.000,00' is written the Dutch way; write numbers with a decimal point "
            "and no thousands separator, e.g. 40000.00",
            ONE,
        ]
    assert list(target.parent.iterdir()) == []


def test_settle_keeps_an_earlier_output_file_on_error(case):
    # A settlement written before stays as it was: a bad edit never overwrites it with something else.
    target = case.dir.parent / "settlement.json"
    assert case.run("settle", "case", "--format", "json", "--output", str(target)).exit_code == 0
    before = target.read_bytes()
    case.write(**{"results.yaml": R.replace("achieved: 4", "achieved: vier")})
    assert case.run("settle", "case", "--format", "json", "--output", str(target)).exit_code == 2
    assert target.read_bytes() == before


def test_validate_ok_with_a_summary_of_what_was_read(case):
    case.write(
        **{
            "absences.yaml": TWO_CONSULTANTS
            + "absences:\n  - {consultant: an, kind: time_credit, from: 2024-01-01, to: 2024-12-31, fte: 0.2}\n",
            "results.yaml": R.replace("achieved: 4", "met: true, justification: accepted by the auditor"),
            "payments.yaml": "payments:\n  - {date: 2024-03-01, amount: 40000.00}\n"
            "  - {date: 2024-09-01, amount: 30000.00}\n",
        }
    )
    run = case.run("validate", "case")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.splitlines() == [
        "ok",
        "  case/convenant.yaml: convenant test-2024: term 2024-01-01 … 2024-12-31 (366 days), "
        "max_subsidy 100000.00, 2 FTE, 2 commitments",
        "  case/absences.yaml: 2 consultants, 1 absence",
        "  case/results.yaml: 2 results (1 judged by 'met')",
        "  case/payments.yaml: 2 payments, 70000.00 in all",  # 40000.00 + 30000.00
    ]


def test_validate_names_a_bundled_convenant(case):
    run = case.run("validate", str(examples_dir() / "01-no-absences"))
    assert run.exit_code == 0
    assert run.stdout.splitlines()[:2] == [
        "ok",
        f"  {display_path(bundled_path('lokale-besturen-2023-2025'))}: "
        "convenant lokale-besturen-2023-2025 (bundled): term 2023-07-01 … 2025-06-30 (731 days), "
        "max_subsidy 424000.00, 4 FTE, 5 commitments",
    ]


def test_validate_fails_like_settle(case):
    case.write(**{"convenant.yaml": None})
    assert case.run("validate", "case").lines == case.run("settle", "case").lines


def test_a_broken_file_still_names_its_bundled_convenant(case):
    # results.yaml has an error of its own, but its 'convenant:' line is read: no false "no convenant" error.
    lines = case.errors(
        **{"convenant.yaml": None, "results.yaml": "convenant: lokale-besturen-2023-2025\nresults:\n  - {commitment: R1}\n"}
    )
    assert lines == [
        "case/results.yaml:3:5: result 'R1' has neither 'achieved' nor 'met'; report the achieved value, "
        "or an auditor's met: true|false with a justification",
        ONE,
    ]


def test_decimal_comma_inside_a_flow_mapping(case):
    lines = case.errors(**{"payments.yaml": "payments:\n  - {date: 2024-03-01, amount: 40000,00}\n"})
    assert lines == [
        "case/payments.yaml:2:38: unknown key '00'; if it follows a number such as 169600,00 inside {...}, "
        "the comma split it: write numbers with a decimal point",
        ONE,
    ]
