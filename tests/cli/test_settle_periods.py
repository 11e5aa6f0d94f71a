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
    assert list(out) == ["schema", "convenant", "periods", "total", "ceilings"]  # S20: ceilings last
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


def test_reading_extension_merged_settles_one_term():
    # SPEC §11 extension.merged: maxima added 424000.00 + 212000.00 = 636000.00 over 731 + 365 = 1096 days;
    # rate 636000 / 4384 = 145.072992…; 12 + 52 = 64 FTE-days: 64 × 636000 / 4384 = 9284.6715… → 9284.67;
    # 6 of 8 commitments met: 190800.00 × 6/8 = 143100.00; 445200.00 + 143100.00 − 9284.67 = 579015.33.
    out = json.loads(settle(CASE, "--format", "json", "--reading", "extension.merged"))
    assert out["schema"] == "convenant-settlement/1" and out["readings_applied"] == ["extension.merged"]
    assert out["term"] == {"start": "2023-07-01", "end": "2026-06-30", "days": 1096}
    assert out["deduction"] == {"daily_rate": "145.072993", "shortfall_fte_days": "64", "amount": "9284.67"}
    assert (out["results"]["payout"], out["subsidy"], out["paid"]) == ("143100.00", "579015.33", "381600.00")
    refused = runner.invoke(app, ["settle", CASE, "--reading", "extension.merged", "--period", P2])
    assert refused.exit_code == 2 and "--period" in refused.stderr


def test_readings_cost_the_agreement_total():
    out = json.loads(settle(CASE, "--format", "json", "--readings"))
    assert list(out) == ["schema", "convenant", "periods", "total", "readings", "ceilings"]
    merged = next(r for r in out["readings"] if r["id"] == "extension.merged")
    # 579015.33 − 580069.24 (the sum of the periods) = −1053.91
    assert (merged["applies"], merged["subsidy"], merged["difference"]) == (True, "579015.33", "-1053.91")
    one = json.loads(settle(CASE, "--format", "json", "--readings", "--period", P2))
    merged = next(r for r in one["readings"] if r["id"] == "extension.merged")
    assert merged["applies"] is False  # one period alone has no extension to merge
    for fmt in ("table", "markdown", "html"):
        assert "extension.merged" in settle(CASE, "--format", fmt, "--readings")


def test_merged_reading_needs_one_fte_and_funding(tmp_path):
    from convenant_calc.core.models import Case
    from convenant_calc.core.readings import BY_ID, DEFAULT
    from convenant_calc.io.loading import load_case

    case = load_case(EXAMPLES / "09-extension-year").case
    assert BY_ID["extension.merged"].not_applicable(case, DEFAULT) is None
    ext = case.convenant.amendments[1].model_copy(update={"consultants_fte": 3})
    other = Case.model_validate(
        case.model_copy(
            update={"convenant": case.convenant.model_copy(update={"amendments": (case.convenant.amendments[0], ext)})}
        )
    )
    reason = BY_ID["extension.merged"].not_applicable(other, DEFAULT)
    assert reason is not None and "differ in funded FTE or funding" in reason.en
