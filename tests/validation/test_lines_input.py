"""S19 input errors: each at its file:line:col, all at once, exit 2 (issue 19's list of bad input).

The test agreement (tests/validation/conftest.py) is 2024-01-01 … 2024-12-31, 2 FTE, commitments R1, R2;
line numbers below count from its first line (the addenda start on line 9).
"""

from __future__ import annotations

from .conftest import CONVENANT as C
from .conftest import RESULTS

ADDENDUM = (
    "addenda:\n"
    "  - id: extra\n"  # line 10
    "    title: Extra\n"
    "    max_subsidy: 10000.00\n"
    "    consultants_fte: 0.5\n"
    "    consultant_funding: 4000.00\n"
    "    result_commitments: [{id: E1, title: Extra, target: 1}]\n"  # line 15
)
RESULTS_E = RESULTS + "  - {commitment: E1, achieved: 1}\n"


def test_a_valid_addendum_settles(case):
    run = case.write(**{"convenant.yaml": C + ADDENDUM, "results.yaml": RESULTS_E}).run()
    assert run.exit_code == 0, run


def test_shares_above_the_fte_or_not_positive(case):
    absences = (
        "consultants:\n"
        "  - {id: an, fte: 0.5, lines: {extra: 0.8}}\n"  # line 2: more than an's 0.5
        "  - {id: bo, fte: 1.0, lines: {extra: 0}}\n"  # line 3: not positive
        "  - {id: cy, fte: 1.0, lines: {extra: -0.2}}\n"  # line 4
    )
    lines = case.errors(**{"convenant.yaml": C + ADDENDUM, "results.yaml": RESULTS_E, "absences.yaml": absences})
    assert lines == [
        "case/absences.yaml:2:39: the share 0.8 of line 'extra' is more than 'an''s fte 0.5; a consultant's shares "
        "in the addenda add up to at most its fte (S19), the rest works for the main line",
        "case/absences.yaml:3:39: a consultant's share in a line is an FTE in (0, 1], e.g. 0.25; got 0; leave a line "
        "out rather than give it 0",
        "case/absences.yaml:4:39: a consultant's share in a line is an FTE in (0, 1], e.g. 0.25; got -0.2; leave a "
        "line out rather than give it 0",
        "3 errors in 1 file",
    ]


def test_shares_that_add_up_to_more_than_the_fte(case):
    conv = C + ADDENDUM + (
        "  - id: more\n"
        "    title: More\n"
        "    max_subsidy: 1000.00\n"
        "    funding: {effort_share: 1.0, result_share: 0.0}\n"
    )
    absences = "consultants:\n  - {id: an, fte: 1.0, lines: {extra: 0.6, more: 0.5}}\n"
    lines = case.errors(**{"convenant.yaml": conv, "results.yaml": RESULTS_E, "absences.yaml": absences})
    assert lines == [
        "case/absences.yaml:2:50: the shares add up to 1.1 with 0.5 of line 'more' is more than 'an''s fte 1.0; a "
        "consultant's shares in the addenda add up to at most its fte (S19), the rest works for the main line",
        "1 error in 1 file",
    ]


def test_unknown_line_ids(case):
    absences = "consultants:\n  - {id: an, lines: {exta: 0.5}}\n  - {id: bo, lines: {test-2024: 0.5}}\n"
    payments = "payments:\n  - {date: 2024-03-01, amount: 100.00, line: extr}\n"
    conv = C + ADDENDUM + (
        "amendments:\n"
        "  - {id: c1, kind: change, line: extro, add: [{id: E2, title: x, target: 1}]}\n"  # line 17
    )
    lines = case.errors(
        **{"convenant.yaml": conv, "results.yaml": RESULTS_E, "absences.yaml": absences, "payments.yaml": payments}
    )
    assert lines == [
        "case/absences.yaml:2:22: unknown line 'exta'; did you mean 'extra'? the addenda are extra; correct the id "
        "or add the addendum to convenant.yaml (S19)",
        "case/absences.yaml:3:22: 'test-2024' is the main line, which takes the rest of 'bo''s fte 1; list only "
        "the addenda under 'lines' (S19)",
        "case/convenant.yaml:17:34: change 'c1' names unknown line 'extro'; did you mean 'extra'? the lines of "
        "period 'test-2024' are test-2024, extra (S19)",
        "case/payments.yaml:2:46: payment for unknown line 'extr'; did you mean 'extra'? the lines of test-2024 are "
        "test-2024, extra (S19); correct the id",
        "4 errors in 3 files",
    ]


def test_an_extension_that_continues_an_unknown_addendum(case):
    conv = C + ADDENDUM + (
        "amendments:\n"
        "  - id: ext\n"  # line 17
        "    kind: extension\n"
        "    term: {start: 2025-01-01, end: 2025-12-31}\n"
        "    max_subsidy: 50000.00\n"
        "    result_commitments: [{id: V1, title: v, target: 1}]\n"
        "    addenda:\n"
        "      - {id: extar, max_subsidy: 1000.00}\n"  # line 23
        "      - {id: extra, max_subsidy: 5000.00, result_commitments: [{id: E9, title: e, target: 1}]}\n"
        "      - {id: extra, max_subsidy: 5000.00}\n"  # line 25: twice
    )
    payments = "payments:\n  - {date: 2024-03-01, amount: 100.00, period: test-2024, line: extra}\n"
    results = RESULTS_E + "  - {commitment: V1, achieved: 1}\n  - {commitment: E9, achieved: 1}\n"
    lines = case.errors(**{"convenant.yaml": conv, "results.yaml": results, "payments.yaml": payments})
    assert lines == [
        "case/convenant.yaml:23:14: extension 'ext' continues unknown addendum 'extar'; did you mean 'extra'? the "
        "addenda are extra (S19); correct the id",
        "case/convenant.yaml:25:14: extension 'ext' continues addendum 'extra' twice; list it once (S19)",
        "2 errors in 1 file",
    ]


def test_an_addendum_with_result_funding_and_no_commitments(case):
    conv = C + (
        "addenda:\n"
        "  - {id: extra, title: Extra, max_subsidy: 10000.00}\n"  # line 10: the agreement's 70/30, no commitments
    )
    lines = case.errors(**{"convenant.yaml": conv})
    assert lines == [
        "case/convenant.yaml:10:5: addendum 'extra' has result funding (result_share 0.30) but no "
        "result_commitments; list them (S3, S19), or give it funding: {effort_share: 1.0, result_share: 0.0}",
        "1 error in 1 file",
    ]


def test_a_continued_addendum_with_result_funding_needs_commitments(case):
    conv = C + ADDENDUM + (
        "amendments:\n"
        "  - id: ext\n"
        "    kind: extension\n"
        "    term: {start: 2025-01-01, end: 2025-12-31}\n"
        "    max_subsidy: 50000.00\n"
        "    result_commitments: [{id: V1, title: v, target: 1}]\n"
        "    addenda: [{id: extra, max_subsidy: 5000.00}]\n"  # line 22: funding 70/30 from the previous period
    )
    lines = case.errors(**{"convenant.yaml": conv, "results.yaml": RESULTS_E + "  - {commitment: V1, achieved: 1}\n"})
    assert lines == [
        "case/convenant.yaml:22:15: addendum 'extra' has result funding (result_share 0.30) but no "
        "result_commitments; list them (S3, S19), or give it funding: {effort_share: 1.0, result_share: 0.0}",
        "1 error in 1 file",
    ]


def test_a_commitment_id_used_twice_across_lines(case):
    conv = C + ADDENDUM.replace("{id: E1, title: Extra, target: 1}", "{id: R2, title: Extra, target: 1}")
    lines = case.errors(**{"convenant.yaml": conv})
    assert lines == [
        "case/convenant.yaml:15:31: commitment id 'R2' is already used in period 'test-2024'; commitment ids are "
        "unique across the whole agreement and its lines (S14, S19), give this one its own",
        "1 error in 1 file",
    ]


def test_consultant_funding_negative_or_above_the_maximum(case):
    negative = C + ADDENDUM.replace("consultant_funding: 4000.00", "consultant_funding: -1.00")
    lines = case.errors(**{"convenant.yaml": negative, "results.yaml": RESULTS_E})
    assert lines == [
        "case/convenant.yaml:14:25: consultant_funding is the part of the maximum that funds consultants: 0 or "
        "more, e.g. 26500.00; got -1.00",
        "1 error in 1 file",
    ]
    above = C + ADDENDUM.replace("consultant_funding: 4000.00", "consultant_funding: 10000.01")
    lines = case.errors(**{"convenant.yaml": above, "results.yaml": RESULTS_E})
    assert lines == [
        "case/convenant.yaml:14:25: addendum 'extra': consultant_funding 10000.01 is more than its max_subsidy "
        "10000.00; it is the part of the maximum that funds consultants (S19)",
        "1 error in 1 file",
    ]


def test_consultants_funded_with_nothing(case):
    conv = C + ADDENDUM.replace("consultant_funding: 4000.00", "consultant_funding: 0")
    lines = case.errors(**{"convenant.yaml": conv, "results.yaml": RESULTS_E})
    assert lines == [
        "case/convenant.yaml:14:25: addendum 'extra' funds 0.5 FTE of consultants with consultant_funding 0, so its "
        "daily rate would be 0 (S19); give the part of the maximum that funds them, or leave consultant_funding "
        "out (then all of it)",
        "1 error in 1 file",
    ]


def test_addendum_ids(case):
    conv = C + ADDENDUM + (
        "  - {id: test-2024, title: Same as the agreement, max_subsidy: 1.00, funding: {effort_share: 1, result_share: 0}}\n"
        "  - {id: extra, title: Twice, max_subsidy: 1.00, funding: {effort_share: 1, result_share: 0}}\n"
    )
    lines = case.errors(**{"convenant.yaml": conv, "results.yaml": RESULTS_E})
    assert lines == [
        "case/convenant.yaml:16:10: addendum id 'test-2024' is the agreement's own id, which names the main line "
        "(S19); give the addendum its own id",
        "case/convenant.yaml:17:10: addendum id 'extra' is used twice (first by addendum 1); give each addendum its "
        "own id",
        "2 errors in 1 file",
    ]


def test_a_payment_or_change_for_a_line_without_a_budget_in_its_period(case):
    conv = C + ADDENDUM + (
        "amendments:\n"
        "  - id: ext\n"
        "    kind: extension\n"
        "    term: {start: 2025-01-01, end: 2025-12-31}\n"
        "    max_subsidy: 50000.00\n"
        "    result_commitments: [{id: V1, title: v, target: 1}]\n"
        "  - {id: c1, kind: change, line: extra, add: [{id: E2, title: x, target: 1}]}\n"  # line 22: the last period
    )
    payments = "payments:\n  - {date: 2025-03-01, amount: 100.00, period: ext, line: extra}\n"
    results = RESULTS_E + "  - {commitment: V1, achieved: 1}\n"
    lines = case.errors(**{"convenant.yaml": conv, "results.yaml": results, "payments.yaml": payments})
    assert lines == [
        "case/convenant.yaml:22:34: change 'c1' names line 'extra', which has no budget in period 'ext'; the lines "
        "of period 'ext' are test-2024 (S19)",
        "case/payments.yaml:2:59: payment for line 'extra', which has no budget in period 'ext'; the lines of that "
        "period are test-2024 (S19); correct the line or the period",
        "2 errors in 2 files",
    ]


def test_a_part_of_an_absence_with_no_exact_decimal(case):
    # 0.2 FTE of a 0.75 FTE consultant, 0.25 of it in the line: 0.2 × 0.25 / 0.75 = 1/15 FTE (S1).
    absences = (
        "consultants:\n"
        "  - {id: an, fte: 0.75, lines: {extra: 0.25}}\n"
        "absences:\n"
        "  - {consultant: an, kind: time_credit, from: 2024-03-01, to: 2024-03-31, fte: 0.2}\n"  # line 4
    )
    lines = case.errors(**{"convenant.yaml": C + ADDENDUM, "results.yaml": RESULTS_E, "absences.yaml": absences})
    assert lines == [
        "case/absences.yaml:4:80: in line 'test-2024' this counts 0.2 × 0.50 / 0.75 FTE, which has no exact "
        "decimal, and FTE-days are counted exactly (S1, S9, S19); check this fte and the consultant's shares under "
        "'lines'",
        "1 error in 1 file",
    ]


def test_consultant_funding_without_consultants_is_a_warning(case):
    conv = C + (
        "addenda:\n"
        "  - {id: extra, title: Extra, max_subsidy: 100.00, consultant_funding: 50.00,\n"
        "     funding: {effort_share: 1, result_share: 0}}\n"
    )
    run = case.write(**{"convenant.yaml": conv}).run()
    assert run.exit_code == 0, run
    assert run.lines == [
        "case/convenant.yaml:10:72: warning: addendum 'extra' funds no consultant (consultants_fte 0), so its "
        "consultant_funding 50.00 is not used (S19); give consultants_fte, or remove consultant_funding"
    ]
