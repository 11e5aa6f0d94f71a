"""S20 input: costs.yaml's errors each at its file:line:col, every one of the file at once, exit 2; its
ineligible costs as warnings (exit 0); and the choices of docs/costs.md.

The test agreement (tests/validation/conftest.py) is 2024-01-01 … 2024-12-31, 100000.00, 2 FTE, R1 and R2
both met: effort 70000.00 + payout 30000.00 = 100000.00. In the settled cases an is employed all year and bo
from 2024-07-01: 1 FTE vacant for the 182 days of January … June (31 + 29 + 31 + 30 + 31 + 30), deduction
182 × 100000 / (2 × 366) = 24863.387… → 24863.39 (S10), ceiling 100000.00 − 24863.39 = 75136.61 (S11).
The addendum `extra` (line 10 on) funds 10000.00 without commitments.
"""

from __future__ import annotations

import json

from .conftest import CONVENANT as C
from .conftest import RESULTS

ADDENDUM = (
    "addenda:\n"
    "  - id: extra\n"
    "    title: Extra\n"
    "    max_subsidy: 10000.00\n"
    "    consultants_fte: 0\n"
    "    funding: {effort_share: 1.0, result_share: 0.0}\n"
    "    result_commitments: []\n"
)
CONSULTANTS = (
    "consultants:\n"
    "  - {id: an, fte: 1.0}\n"
    "  - {id: bo, fte: 1.0, employed: {from: 2024-07-01, to: 2024-12-31}}\n"
)


def test_every_bad_cost_at_its_position_all_at_once(case):
    costs = (
        "costs:\n"
        "  - {date: 2024-01-31, kind: salary, amount: 100.00}\n"  # line 2: no ref
        "  - {date: 2024-01-31, kind: salary, amount: 100.005, ref: a}\n"  # 3: three decimals
        "  - {date: 2024-01-31, kind: salary, amount: 0, ref: b}\n"  # 4: zero
        "  - {date: 2024-01-31, kind: salary, amount: -5.00, ref: c}\n"  # 5: negative
        "  - {date: 2024-01-31, kind: salary, amount: 5.00, ref: d, line: extr}\n"  # 6: unknown line
        "  - {date: 2024-01-31, kind: salary, amount: 5.00, ref: e, consultant: ann}\n"  # 7: unknown consultant
        "  - {date: 2024-01-31, kind: travel, amount: 5.00, ref: f}\n"  # 8: a bad kind
    )
    lines = case.errors(**{"convenant.yaml": C + ADDENDUM, "absences.yaml": CONSULTANTS, "costs.yaml": costs})
    assert lines == [
        "case/costs.yaml:2:5: missing key 'ref', which is required here; add it",
        "case/costs.yaml:3:46: 100.005 has three decimals; an amount has at most two (cents). For 100005 euro write "
        "100005.00 (no thousands separator)",
        "case/costs.yaml:4:46: an amount must be more than 0, got 0; write the amount in euro, e.g. 169600.00",
        "case/costs.yaml:5:46: an amount must be more than 0, got -5.00; write the amount in euro, e.g. 169600.00",
        "case/costs.yaml:6:66: cost for unknown line 'extr'; did you mean 'extra'? the lines of test-2024 are "
        "test-2024, extra (S19); correct the id",
        "case/costs.yaml:7:72: cost for unknown consultant 'ann'; did you mean 'an'? the consultants are an, bo; "
        "correct the id or add the consultant to absences.yaml",
        "case/costs.yaml:8:30: unknown value 'travel'; allowed: 'salary', 'operating' or 'project'",
        "7 errors in 1 file",
    ]


def test_an_unknown_line_and_consultant_alone(case):
    costs = (
        "costs:\n"
        "  - {date: 2024-01-31, kind: salary, amount: 5.00, ref: d, line: nope}\n"
        "  - {date: 2024-01-31, kind: salary, amount: 5.00, ref: e, consultant: zed}\n"
    )
    lines = case.errors(**{"absences.yaml": CONSULTANTS, "costs.yaml": costs})
    assert lines == [
        "case/costs.yaml:2:66: cost for unknown line 'nope'; the lines of test-2024 are test-2024 (S19); correct the id",
        "case/costs.yaml:3:72: cost for unknown consultant 'zed'; the consultants are an, bo; correct the id or add "
        "the consultant to absences.yaml",
        "2 errors in 1 file",
    ]


def settle(case, costs: str, convenant: str = C) -> tuple[dict, list[str]]:
    run = case.write(**{"convenant.yaml": convenant, "absences.yaml": CONSULTANTS, "results.yaml": RESULTS,
                        "costs.yaml": costs}).run("settle", "case", "-f", "json")
    assert run.exit_code == 0, run
    return json.loads(run.stdout), run.lines


def test_ineligible_costs_are_warnings_and_count_for_nothing(case):
    costs = (
        "costs:\n"
        "  - {date: 2024-03-31, kind: salary, consultant: bo, amount: 40000.00, ref: loonstaat}\n"  # before bo's employment
        "  - {date: 2024-05-02, kind: operating, amount: 5000.00, ref: factuur 1}\n"
        "  - {date: 2024-06-10, kind: project, amount: 7000.00, ref: factuur 2}\n"  # line 4: project, main line
        "  - {date: 2025-01-05, kind: operating, amount: 900.00, ref: factuur 3}\n"  # line 5: after the term
    )
    out, warnings = settle(case, costs)
    # eligible: 40000.00 + 5000.00 = 45000.00 < the ceiling 75136.61: capped. bo's salary dated before bo was
    # employed is eligible: Art. 5 names the agreement's term, not the consultant's contract (docs/costs.md).
    assert out["costs"] == {"eligible": "45000.00", "ineligible": "7900.00", "ceiling": "75136.61"}
    assert (out["subsidy"], out["balance"], out["ceilings"]) == ("45000.00", "45000.00", False)
    assert warnings == [
        "case/costs.yaml:4:5: warning: cost 'factuur 2' of 7000.00 is not eligible: a project cost is not eligible in "
        "the line test-2024 (eligible: salary, operating; Art. 5); it counts for nothing (S20)",
        "case/costs.yaml:5:5: warning: cost 'factuur 3' of 900.00 is not eligible: dated 2025-01-05, outside every "
        "period of the agreement (Art. 5: within the term); it is listed under period test-2024, line test-2024, and "
        "counts for nothing (S20)",
    ]


def test_costs_above_the_ceiling_cap_nothing(case):
    out, warnings = settle(case, "costs:\n  - {date: 2024-12-31, kind: salary, amount: 75136.62, ref: loonstaten}\n")
    assert warnings == []
    assert (out["subsidy"], out["costs"]["eligible"]) == ("75136.61", "75136.62")  # min(75136.61, 75136.62)


def test_a_cost_after_an_early_end_is_ineligible(case):
    # Notice posted 2024-06-03 by the sector: the agreement ends early (S15). A cost dated on the last day of the
    # term is after that end: ineligible; one on 2024-06-01 counts. The end day is the tool's (S15).
    convenant = C + "termination: {kind: notice, by: sector, letter_posted: 2024-06-03}\n"
    costs = (
        "costs:\n"
        "  - {date: 2024-06-01, kind: salary, amount: 1000.00, ref: loonstaat mei}\n"
        "  - {date: 2024-12-31, kind: salary, amount: 2000.00, ref: loonstaat december}\n"
    )
    out, warnings = settle(case, costs, convenant)
    assert out["costs"]["eligible"] == "1000.00" and out["costs"]["ineligible"] == "2000.00"
    assert out["subsidy"] == "1000.00"
    (warning,) = warnings
    assert warning.startswith("case/costs.yaml:3:5: warning: cost 'loonstaat december' of 2000.00 is not eligible: "
                              "dated 2024-12-31, after the agreement ended on 2024-")
    assert warning.endswith(" (S15); it counts for nothing (S20)")
