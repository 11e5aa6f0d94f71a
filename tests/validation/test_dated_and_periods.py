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
