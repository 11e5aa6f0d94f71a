"""S14 on the command line: /2 without --period, /1 with it; a one-period agreement prints /1 exactly as before."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from convenant_calc.cli.app import app

from ..conftest import EXAMPLES

runner = CliRunner()
CASE = str(EXAMPLES / "09-extension-year")
P1, P2 = "lokale-besturen-2023-2025", "verlenging-2025-2026"


def settle(*args: str):
    result = runner.invoke(app, ["settle", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_two_periods_print_the_v2_contract_in_its_key_order():
    out = json.loads(settle(CASE, "--format", "json"))
    assert list(out) == ["schema", "convenant", "periods", "total"]
    assert out["schema"] == "convenant-settlement/2" and out["convenant"] == P1
    assert [list(p)[:4] for p in out["periods"]] == [["schema", "convenant", "period", "term"]] * 2
    assert out["total"] == {"max_subsidy": "636000.00", "subsidy": "580069.24", "paid": "381600.00", "balance": "198469.24"}


def test_period_prints_that_period_in_the_v1_contract():
    whole = json.loads(settle(CASE, "--format", "json"))
    for index, pid in enumerate((P1, P2)):
        one = json.loads(settle(CASE, "--format", "json", "--period", pid))
        assert one["schema"] == "convenant-settlement/1" and one["period"] == pid
        assert one == whole["periods"][index]
    two = json.loads(settle(CASE, "--format", "json", "--period", P2))
    # 212000.00 ILLUSTRATIVE: 148400.00 + 42400.00 − 7550.68 = 183249.32, less 84800.00 paid
    assert (two["subsidy"], two["paid"], two["balance"]) == ("183249.32", "84800.00", "98449.32")


def test_period_of_a_one_period_agreement_prints_it_exactly():
    case = str(EXAMPLES / "07-everything-together")
    assert settle(case, "--format", "json", "--period", P1) == settle(case, "--format", "json")


def test_period_with_every_format():
    for fmt in ("table", "markdown", "html"):
        assert settle(CASE, "--format", fmt, "--period", P2)
        assert settle(CASE, "--format", fmt)
    ledger = runner.invoke(app, ["ledger", CASE, "--period", P2])
    assert ledger.exit_code == 0 and ledger.stdout.startswith("date,") and len(ledger.stdout.splitlines()) == 366
    both = runner.invoke(app, ["ledger", CASE])
    assert both.stdout.startswith("period,date,") and len(both.stdout.splitlines()) == 1 + 731 + 365
