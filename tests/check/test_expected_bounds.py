"""Issue 9: an absurd figure in expected.yaml is one line and exit 2, never a traceback or a pass."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, message",
    [
        # 1e28 has 29 digits: it cannot even be rounded to cents within Decimal's 28 (was a traceback)
        ("subsidy: 1e28\n", "a/expected.yaml:1:10: subsidy: 1E+28 is far too large for a figure of a settlement; "
         "check the number of digits"),
        # 1e309 made every money figure "within the tolerance": every check passed
        ('tolerance: 1e309\nsubsidy: "1.00"\n', "a/expected.yaml:1:12: tolerance: at most 100 (EUR), got 1E+309; "
         "a larger one would let wrong figures pass"),
        ('tolerance: "100.01"\nsubsidy: "1.00"\n', "a/expected.yaml:1:12: tolerance: at most 100 (EUR), got 100.01; "
         "a larger one would let wrong figures pass"),
        ("tolerance: .inf\nsubsidy: \"1.00\"\n", "a/expected.yaml:1:12: tolerance: expected a number, got '.inf'; "
         'write an amount in EUR, e.g. tolerance: "0.01"'),
        ("term: {days: 1e30}\n", "a/expected.yaml:1:14: term.days: 1E+30 is far too large for a figure of a "
         "settlement; check the number of digits"),
        ("deduction: {daily_rate: 1e-30}\n", "a/expected.yaml:1:25: deduction.daily_rate: 1E-30 has more than 10 "
         "decimals; write the figure as the contract shows it"),
    ],
)
def test_absurd_figures_are_refused(check, copy_case, here, text, message):
    case = copy_case("02", here / "a")
    (case / "expected.yaml").write_text(text, encoding="utf-8")
    result = check("a")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [message]
    assert "Traceback" not in result.output


def test_a_tolerance_of_100_is_still_allowed(check, copy_case, here):
    case = copy_case("02", here / "a")
    # SPEC §5 (a): subsidy 396819.92; 396819.00 is 0.92 off, within 100
    (case / "expected.yaml").write_text('tolerance: 100\nsubsidy: "396819.00"\n', encoding="utf-8")
    assert check("a").exit_code == 0
