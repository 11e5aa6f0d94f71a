"""Checks on the values of one file, each with its exact file:line:col and message (issue 3, item 2).

Every case starts from the valid ``conftest.CONVENANT`` and ``conftest.RESULTS``
and breaks one thing; ``case.errors`` asserts exit 2 and an empty stdout.
"""

from __future__ import annotations

import pytest

from .conftest import CONVENANT as C
from .conftest import RESULTS as R

ONE = "1 error in 1 file"
KINDS = "'sickness', 'accident', 'maternity_leave', 'time_credit', 'career_break', 'parental_leave' or 'unpaid_leave'"


def absences(*lines: str) -> dict[str, str]:
    return {"absences.yaml": "absences:\n" + "".join(f"  - {line}\n" for line in lines)}


CHECKS = {
    # --- keys
    "unknown key, with the closest known key": (
        {"convenant.yaml": C.replace("max_subsidy", "max_subsidie")},
        ["case/convenant.yaml:4:1: unknown key 'max_subsidie'; did you mean 'max_subsidy'?"],
    ),
    "unknown key, with the known keys when none is close": (
        {"convenant.yaml": C + "budget_holder: VVSG\n"},
        [
            "case/convenant.yaml:9:1: unknown key 'budget_holder'; known keys here: id, title, term, max_subsidy, "
            "consultants_fte, funding, absence_rules, result_commitments, references, source, amendments, reports, "
            "termination, addenda, beneficiary, payer"
        ],
    ),
    "missing key points at its parent mapping (top level)": (
        {"convenant.yaml": C.replace("max_subsidy: 100000.00\n", "")},
        ["case/convenant.yaml:1:1: missing key 'max_subsidy'; add it here, e.g. max_subsidy: 424000.00"],
    ),
    "missing key points at its parent mapping (nested)": (
        {"convenant.yaml": C.replace(", end: 2024-12-31", "")},
        ["case/convenant.yaml:3:7: missing key 'end'; add it here, e.g. end: 2025-06-30"],
    ),
    "missing id of a commitment": (
        {"convenant.yaml": C.replace("{id: R2, ", "{")},
        ["case/convenant.yaml:8:5: missing key 'id'; add it here, e.g. id: R1"],
    ),
    # --- money
    "negative amount": (
        {"payments.yaml": "payments:\n  - {date: 2024-03-01, amount: -500.00}\n"},
        ["case/payments.yaml:2:32: an amount must be more than 0, got -500.00; write the amount in euro, e.g. 169600.00"],
    ),
    "zero amount": (
        {"convenant.yaml": C.replace("100000.00", "0")},
        ["case/convenant.yaml:4:14: an amount must be more than 0, got 0; write the amount in euro, e.g. 169600.00"],
    ),
    "Dutch-formatted number": (
        {"convenant.yaml": C.replace("100000.00", "100.000,00")},
        [
            "case/convenant.yaml:4:14: '100.000,00' is written the Dutch way; write numbers with a decimal point "
            "and no thousands separator, e.g. 100000.00"
        ],
    ),
    "Dutch thousands separator read as three decimals": (
        # YAML reads 100.000 as one hundred; settling it would pay a thousandth of the subsidy.
        {"convenant.yaml": C.replace("100000.00", "100.000")},
        [
            "case/convenant.yaml:4:14: 100.000 has three decimals; an amount has at most two (cents). "
            "For 100000 euro write 100000.00 (no thousands separator)"
        ],
    ),
    "money with more than two decimals": (
        {"convenant.yaml": C.replace("100000.00", "100000.005")},
        ["case/convenant.yaml:4:14: an amount has at most two decimals (cents), got 100000.005; round it to cents"],
    ),
    "a number in quotes": (
        {"convenant.yaml": C.replace("100000.00", '"100000.00"')},
        ["case/convenant.yaml:4:14: expected a number, got the text '100000.00'; remove the quotes"],
    ),
    "a number with a currency sign and spaces": (
        {"convenant.yaml": C.replace("100000.00", "€ 100 000,00")},
        [
            "case/convenant.yaml:4:14: expected a plain number, got '€ 100 000,00'; write only the digits and a "
            "decimal point, e.g. 100000.00"
        ],
    ),
    "an absurdly large number": (
        {"convenant.yaml": C.replace("100000.00", "1" + "0" * 40)},
        [
            "case/convenant.yaml:4:14: 10000000000000000000… (41 characters) is far too large for this input; "
            "check the number of digits"
        ],
    ),
    "an exponent beyond Decimal's range": (
        {"payments.yaml": "payments:\n  - {date: 2024-03-01, amount: 1e999999999}\n"},
        ["case/payments.yaml:2:32: 1E+999999999 is far too large for this input; check the number of digits"],
    ),
    "far too many decimals": (
        {"absences.yaml": "consultants:\n  - {id: an, fte: 1e-999999999}\n"},
        ["case/absences.yaml:2:19: 1E-999999999 has more than 10 decimals; round it"],
    ),
    "empty amount": (
        {"payments.yaml": "payments:\n  - date: 2024-03-01\n    amount:\n"},
        ["case/payments.yaml:3:12: no value given; write a number here, e.g. 1 or 0.5"],
    ),
    # --- FTE, shares, days
    "consultant FTE outside (0, 1]": (
        {"absences.yaml": "consultants:\n  - {id: an, fte: 1.2}\n  - {id: bo, fte: 0}\nabsences: []\n"},
        [
            "case/absences.yaml:2:19: an FTE lies in (0, 1]: 1 is full time, 0.8 four-fifths; got 1.2",
            "case/absences.yaml:3:19: an FTE lies in (0, 1]: 1 is full time, 0.8 four-fifths; got 0",
        ],
    ),
    "FTE of the agreement not positive": (
        {"convenant.yaml": C.replace("consultants_fte: 2", "consultants_fte: 0")},
        [
            "case/convenant.yaml:5:18: consultants_fte is the number of funded FTE and must be more than 0, e.g. 4; "
            "got 0"
        ],
    ),
    "shares that do not add up to 1": (
        {"convenant.yaml": C + "funding: {effort_share: 0.70, result_share: 0.20}\n"},
        [
            "case/convenant.yaml:9:10: effort_share + result_share must be 1 (S2), got 0.70 + 0.20 = 0.90; "
            "e.g. 0.70 and 0.30"
        ],
    ),
    "cutoff outside [0, 1]": (
        {"convenant.yaml": C + "funding: {result_cutoff: 1.5}\n"},
        ["case/convenant.yaml:9:26: a share lies between 0 and 1 (write 50 % as 0.5); got 1.5"],
    ),
    "days not a whole number, and negative": (
        {"convenant.yaml": C + "absence_rules: {guaranteed_wage_days: 30.5, relapse_days: -1}\n"},
        [
            "case/convenant.yaml:9:39: expected a whole number of days, e.g. 30; got 30.5",
            "case/convenant.yaml:9:59: a number of days lies between 0 and 3660, got -1",
        ],
    ),
    "a target that reads as one to YAML and a thousand to a Dutch reader": (
        {"convenant.yaml": C.replace("target: 10", "target: 1.000")},
        [
            "case/convenant.yaml:7:37: 1.000 is ambiguous: a fraction to YAML, 1000 to a Dutch reader; write 1000 "
            "without a separator, or drop the trailing zeros"
        ],
    ),
    "a target of 0": (
        {"convenant.yaml": C.replace("target: 4", "target: 0")},
        ["case/convenant.yaml:8:39: a target must be more than 0 (a target of 0 is always met), got 0; check the agreement"],
    ),
    "no commitments": (
        {"convenant.yaml": C.split("result_commitments:")[0] + "result_commitments: []\n"},
        ["case/convenant.yaml:6:21: this list is empty; give at least one entry"],
    ),
    # --- dates and ranges
    "impossible date": (
        {"payments.yaml": "payments:\n  - {date: 2024-02-30, amount: 10.00}\n"},
        ["case/payments.yaml:2:12: 2024-02-30 is not a date in the calendar; check the day and month"],
    ),
    "date not written YYYY-MM-DD": (
        {"payments.yaml": "payments:\n  - {date: 1/3/2024, amount: 10.00}\n"},
        ["case/payments.yaml:2:12: expected a date written YYYY-MM-DD, e.g. 2024-01-31; got '1/3/2024'"],
    ),
    "date in an implausible year": (
        {"payments.yaml": "payments:\n  - {date: 2204-03-01, amount: 10.00}\n"},
        ["case/payments.yaml:2:12: 2204-03-01 lies outside the years 1900–2199; check the year"],
    ),
    "term ends before it starts": (
        {"convenant.yaml": C.replace("end: 2024-12-31", "end: 2023-12-31")},
        ["case/convenant.yaml:3:32: the term ends (2023-12-31) before it starts (2024-01-01); check the dates"],
    ),
    "employment ends before it starts": (
        {"absences.yaml": "consultants:\n  - {id: an, employed: {from: 2024-06-01, to: 2024-05-31}}\n"},
        ["case/absences.yaml:2:47: the employment ends (2024-05-31) before it starts (2024-06-01); check the dates"],
    ),
    "absence ends before it starts": (
        absences("{consultant: an, kind: sickness, from: 2024-03-10, to: 2024-03-01}"),
        ["case/absences.yaml:2:60: the absence ends (2024-03-01) before it starts (2024-03-10); check the dates"],
    ),
    "replacement ends before it starts": (
        {
            "absences.yaml": "absences:\n  - consultant: an\n    kind: sickness\n    from: 2024-03-01\n"
            "    to: 2024-06-30\n    replacement:\n      - {from: 2024-05-10, to: 2024-05-01}\n"
        },
        ["case/absences.yaml:7:32: the replacement ends (2024-05-01) before it starts (2024-05-10); check the dates"],
    ),
    # --- kinds, ids, flags
    "unknown absence kind lists the allowed ones": (
        absences("{consultant: an, kind: sick, from: 2024-03-01, to: 2024-03-10}"),
        [f"case/absences.yaml:2:28: unknown value 'sick'; did you mean 'sickness'? allowed: {KINDS}"],
    ),
    "duplicate commitment id": (
        {"convenant.yaml": C.replace("{id: R2,", "{id: R1,")},
        [
            "case/convenant.yaml:8:10: result commitment id 'R1' is used twice (first by commitment 1); "
            "give each commitment its own id"
        ],
    ),
    "an id written as a number": (
        {"results.yaml": R.replace("commitment: R1", "commitment: 1")},
        ["case/results.yaml:2:18: expected text, got the number 1; put it in quotes: '1'"],
    ),
    "text left empty": (
        {"convenant.yaml": C.replace("title: Test agreement", "title:")},
        ["case/convenant.yaml:2:7: expected text, got nothing; write it after the colon"],
    ),
    "'no' is not a boolean": (
        {"results.yaml": R.replace("achieved: 4", "met: no, justification: not reached")},
        ["case/results.yaml:3:27: expected true or false, got 'no'; write false"],
    ),
    "'yes' is not a boolean": (
        absences("{consultant: an, kind: sickness, from: 2024-03-01, to: 2024-03-10, new_cause: yes}"),
        ["case/absences.yaml:2:83: expected true or false, got 'yes'; write true"],
    ),
    # --- results and payments
    "met without justification": (
        {"results.yaml": R.replace("achieved: 4", "met: true")},
        [
            "case/results.yaml:3:27: result 'R2' sets 'met' without a 'justification'; "
            'add justification: "..." saying why (S4)'
        ],
    ),
    "result with neither achieved nor met": (
        {"results.yaml": R.replace(", achieved: 4", "")},
        [
            "case/results.yaml:3:5: result 'R2' has neither 'achieved' nor 'met'; report the achieved value, "
            "or an auditor's met: true|false with a justification"
        ],
    ),
    "results not a list": (
        {"results.yaml": "results: {commitment: R1, achieved: 10}\n"},
        ["case/results.yaml:1:10: expected a list (lines starting with '- '), got a mapping"],
    ),
    "payment with no date": (
        {"payments.yaml": "payments:\n  - {amount: 40000.00, label: voorschot}\n"},
        ["case/payments.yaml:2:5: missing key 'date'; add it here, e.g. date: 2023-10-02"],
    ),
    "payment with no amount": (
        {"payments.yaml": "payments:\n  - {date: 2024-03-01}\n"},
        ["case/payments.yaml:2:5: missing key 'amount'; add it here, e.g. amount: 169600.00"],
    ),
}


@pytest.mark.parametrize("files, expected", CHECKS.values(), ids=CHECKS.keys())
def test_check(case, files, expected):
    summary = ONE if len(expected) == 1 else f"{len(expected)} errors in 1 file"
    assert case.errors(**files) == [*expected, summary]


def test_misspelt_key_is_not_also_reported_missing(case):
    lines = case.errors(**{"payments.yaml": "payments:\n  - {dat: 2024-03-01, amount: 10.00}\n"})
    assert lines == ["case/payments.yaml:2:6: unknown key 'dat'; did you mean 'date'?", ONE]


def test_text_where_a_number_belongs(case):
    assert case.errors(**{"results.yaml": R.replace("achieved: 4", "achieved: four")}) == [
        "case/results.yaml:3:32: expected a number, got the text 'four'; write a number such as 96 or 0.5",
        ONE,
    ]
