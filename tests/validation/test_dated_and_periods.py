"""S13 and S14 input errors: each at its file:line:col, all at once, exit 2."""

from __future__ import annotations

from .conftest import CONVENANT as C


def test_dated_values_every_error_at_its_place(case):
    # Errors of the values themselves; the order of the dates is checked once the values are valid.
    text = C + (
        "absence_rules:\n"
        "  guaranteed_wage_days:\n"
        "    - {from: 2024-01-01, value: 30}\n"
        "    - {from: 2024-01-01, value: 0}\n"  # line 12: 0 days
        "  relapse_days:\n"
        "    - {from: 2026-01-01, value: 56}\n"
        "    - {from: 2023-07-01, value: 14.5}\n"  # line 15: not whole
        "    - {value: 14}\n"  # line 16: no from
    )
    lines = case.errors(**{"convenant.yaml": text})
    assert lines == [
        "case/convenant.yaml:12:33: a dated number of days is a whole number of 1 or more, e.g. 14; got 0",
        "case/convenant.yaml:15:33: expected a whole number of days, e.g. 30; got 14.5",
        "case/convenant.yaml:16:7: missing key 'from'; add it here, e.g. from: 2024-01-08",
        "3 errors in 1 file",
    ]


def test_dated_from_dates_strictly_increase(case):
    text = C + (
        "absence_rules:\n"
        "  guaranteed_wage_days:\n"
        "    - {from: 2024-01-01, value: 30}\n"
        "    - {from: 2024-01-01, value: 20}\n"
        "  relapse_days:\n"
        "    - {from: 2026-01-01, value: 56}\n"
        "    - {from: 2023-07-01, value: 14}\n"
    )
    lines = case.errors(**{"convenant.yaml": text})
    assert lines == [
        "case/convenant.yaml:12:14: guaranteed_wage_days: 'from' 2024-01-01 does not come after the previous "
        "value's 'from' 2024-01-01; list the dated values in strictly increasing order of 'from', each date once (S13)",
        "case/convenant.yaml:15:14: relapse_days: 'from' 2023-07-01 does not come after the previous value's "
        "'from' 2026-01-01; list the dated values in strictly increasing order of 'from', each date once (S13)",
        "2 errors in 1 file",
    ]


def test_plain_and_dated_numbers_are_valid(case):
    text = C + (
        "absence_rules:\n"
        "  guaranteed_wage_days: 30\n"
        "  relapse_days:\n"
        "    - {from: 2023-07-01, value: 14}\n"
        "    - {from: 2026-01-01, value: 56, reference: herval binnen 8 weken}\n"
    )
    run = case.write(**{"convenant.yaml": text}).run()
    assert run.exit_code == 0, run


# --- S14 ------------------------------------------------------------------------------------

EXTENDED = C + (  # lines 9-: two extensions and a change
    "amendments:\n"
    "  - id: ext-1\n"  # line 10
    "    kind: extension\n"
    "    term: {start: 2025-01-02, end: 2025-12-31}\n"  # line 12: a gap (2025-01-01 missing)
    "    max_subsidy: 50000.00\n"
    "    result_commitments: [{id: R1, title: Again, target: 3}]\n"  # line 14: R1 is period 1's
    "  - id: ext-2\n"  # line 15
    "    kind: extension\n"
    "    term: {start: 2025-12-01, end: 2026-12-31}\n"  # line 17: overlaps ext-1
    "    max_subsidy: 50000.00\n"
    "    result_commitments: [{id: V1, title: Visits, target: 3}]\n"
    "  - id: tweak\n"  # line 20
    "    kind: change\n"
    "    period: test-2024\n"
    "    replace: [{id: R9, title: Nine, target: 1}]\n"  # line 23: R9 is not a commitment of test-2024
)
EXTENDED_RESULTS = "results:\n  - {commitment: R1, achieved: 10}\n  - {commitment: R2, achieved: 4}\n  - {commitment: V1, achieved: 3}\n"


def test_extension_errors_all_at_once(case):
    lines = case.errors(**{"convenant.yaml": EXTENDED, "results.yaml": EXTENDED_RESULTS})
    assert lines == [
        "case/convenant.yaml:12:19: extension 'ext-1' starts on 2025-01-02, leaving a gap after the previous period "
        "'test-2024' (ending 2024-12-31); an extension starts the day after, 2025-01-01",
        "case/convenant.yaml:14:31: commitment id 'R1' is already used in period 'test-2024'; commitment ids are "
        "unique across the whole agreement (S14), give this one its own",
        "case/convenant.yaml:17:19: extension 'ext-2' starts on 2025-12-01, which overlaps the previous period "
        "'ext-1' (ending 2025-12-31); an extension starts the day after, 2026-01-01",
        "case/convenant.yaml:23:20: change 'tweak' replaces 'R9', which is not a commitment of period 'test-2024' "
        "(R1, R2); use 'add' for a new commitment, or correct the id",
        "4 errors in 1 file",
    ]


GOOD = C + (
    "amendments:\n"
    "  - {id: ext, kind: extension, term: {start: 2025-01-01, end: 2025-12-31}, max_subsidy: 50000.00,\n"
    "     result_commitments: [{id: V1, title: Visits, target: 3}]}\n"
    "  - {id: drop-r2, kind: change, period: test-2024, remove: [R2], add: [{id: R3, title: New, target: 1}]}\n"
)
GOOD_RESULTS = "results:\n  - {commitment: R1, achieved: 10}\n  - {commitment: R3, achieved: 1}\n  - {commitment: V1, achieved: 3}\n"


def test_payments_name_their_period_and_results_follow_the_changes(case):
    payments = (
        "payments:\n"
        "  - {date: 2024-03-01, amount: 100.00}\n"  # line 2: no period
        "  - {date: 2025-03-01, amount: 100.00, period: exx}\n"  # line 3: unknown period
        "  - {date: 2025-03-01, amount: 100.00, period: ext}\n"
    )
    results = GOOD_RESULTS + "  - {commitment: R2, achieved: 4}\n"  # line 5: R2 was removed
    lines = case.errors(**{"convenant.yaml": GOOD, "results.yaml": results, "payments.yaml": payments})
    assert lines == [
        "case/payments.yaml:2:5: payment of 2024-03-01 names no period, and test-2024 has 2 periods "
        "(test-2024, ext); add period: <id> (S14)",
        "case/payments.yaml:3:48: payment for unknown period 'exx'; did you mean 'ext'? the periods of test-2024 "
        "are test-2024, ext; correct the id",
        "case/results.yaml:5:18: commitment 'R2' was removed by amendment 'drop-r2' (S14); remove its result",
        "3 errors in 2 files",
    ]


def test_a_valid_extension_settles_by_period(case):
    payments = "payments:\n  - {date: 2025-03-01, amount: 100.00, period: ext}\n"
    run = case.write(**{"convenant.yaml": GOOD, "results.yaml": GOOD_RESULTS, "payments.yaml": payments}).run(
        "settle", "case", "--format", "json", "--period", "ext"
    )
    assert run.exit_code == 0, run
    assert '"schema": "convenant-settlement/1"' in run.stdout and '"period": "ext"' in run.stdout
    assert '"paid": "100.00"' in run.stdout


def test_period_naming_no_period_is_a_usage_error(case):
    case.write(**{"convenant.yaml": GOOD, "results.yaml": GOOD_RESULTS})
    for command in ("settle", "ledger"):
        run = case.run(command, "case", "--period", "exd")
        assert run.exit_code == 2 and run.stdout == ""
        assert run.lines == [
            "--period 'exd': test-2024 has no period 'exd'; did you mean 'ext'? its periods are test-2024, ext"
        ]


def test_change_and_extension_keys_belong_to_their_kind(case):
    text = C + (
        "amendments:\n"
        "  - {id: x, kind: change, max_subsidy: 10.00}\n"  # line 10
        "  - {id: x, kind: extension, remove: [R1]}\n"  # line 11
    )
    lines = case.errors(**{"convenant.yaml": text})
    assert lines == [
        "case/convenant.yaml:10:5: change 'x' replaces, adds and removes nothing; list its 'replace', 'add' or 'remove'",
        "case/convenant.yaml:10:40: 'max_subsidy' belongs to an extension, not to a change amendment; "
        "remove it, or correct the kind",
        "case/convenant.yaml:11:5: extension 'x' has no 'max_subsidy'; an extension period needs its own (S14), "
        "e.g. max_subsidy: 212000.00",
        "case/convenant.yaml:11:5: extension 'x' has no 'result_commitments'; an extension period needs its own "
        "(S14), e.g. result_commitments: [{id: V1, title: ..., target: 48}]",
        "case/convenant.yaml:11:5: extension 'x' has no 'term'; an extension period needs its own (S14), "
        "e.g. term: {start: 2025-07-01, end: 2026-06-30}",
        "case/convenant.yaml:11:10: amendment id 'x' is already used (by the agreement or an earlier amendment); "
        "give each amendment its own id",
        "case/convenant.yaml:11:38: 'remove' belongs to a change, not to an extension amendment; "
        "remove it, or correct the kind",
        "7 errors in 1 file",
    ]
