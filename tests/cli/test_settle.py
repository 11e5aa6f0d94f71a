"""The shell: `convenant settle` in both formats, the exit codes of SPEC §6."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from convenant_calc.cli.app import app

from ..conftest import EXAMPLES, example_as_of

runner = CliRunner()

# SPEC §4, verbatim: worked example (a).
SPEC_JSON_A = {
    "schema": "convenant-settlement/1",
    "convenant": "lokale-besturen-2023-2025",
    "term": {"start": "2023-07-01", "end": "2025-06-30", "days": 731},
    "max_subsidy": "424000.00",
    "effort_pool": "296800.00",
    "result_pool": "127200.00",
    "results": {"achieved": 4, "total": 5, "payout": "101760.00"},
    "deduction": {"daily_rate": "145.006840", "shortfall_fte_days": "12", "amount": "1740.08"},
    "subsidy": "396819.92",
    "paid": "0.00",
    "balance": "396819.92",
    "ceilings": True,  # S20: no costs.yaml, the figures are ceilings (a key after the contract's)
}


def settle_json(case: Path) -> dict:
    as_of = example_as_of(case)
    extra = ["--as-of", as_of] if as_of else []
    result = runner.invoke(app, ["settle", str(case), "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_worked_example_a_is_the_spec_json_key_for_key_in_order():
    out = settle_json(EXAMPLES / "02-long-sickness-partly-replaced")
    assert out == SPEC_JSON_A
    assert list(out) == list(SPEC_JSON_A)
    assert list(out["deduction"]) == ["daily_rate", "shortfall_fte_days", "amount"]


def test_worked_example_b():
    # SPEC §5 (b): 12 + 36 + 60.6 = 108.6 FTE-days; deduction 15747.74; subsidy 382812.26;
    # this example also paid an advance of 169600.00: balance 213212.26.
    out = settle_json(EXAMPLES / "04-time-credit-and-vacancy")
    assert out["deduction"] == {"daily_rate": "145.006840", "shortfall_fte_days": "108.6", "amount": "15747.74"}
    assert (out["subsidy"], out["paid"], out["balance"]) == ("382812.26", "169600.00", "213212.26")


# Every example, against the derivation in its README (the figures were worked out by hand there).
EXPECTED = {
    "01-no-absences": ("0", "0.00", "424000.00", "127200.00"),
    "02-long-sickness-partly-replaced": ("12", "1740.08", "396819.92", "396819.92"),
    "03-relapse-within-14-days": ("37", "5365.25", "418634.75", "418634.75"),
    "04-time-credit-and-vacancy": ("108.6", "15747.74", "382812.26", "213212.26"),
    "05-maternity-half-replaced-exactly-half": ("59.5", "8627.91", "171572.09", "86772.09"),
    "06-fewer-than-half-to-recover": ("30", "4350.21", "292449.79", "-46750.21"),
    "07-everything-together": ("117.6", "17052.80", "356067.20", "59267.20"),
    "08-concurrent-accidents": ("30", "4350.21", "419649.79", "419649.79"),
    "10-terminated-by-notice": ("39.6", "5742.27", "392817.73", "96017.73"),
    "11-interim-position": ("100.6", "14587.69", "282212.31", "112612.31"),  # settled --as-of 2024-09-30
    # 12: 10 FTE-days × 212000 / 1462 = 1450.0683… → 1450.07; 148400.00 + 31800.00 − 1450.07; − 84800.00
    "12-readings-dispute": ("10", "1450.07", "178749.93", "93949.93"),
    # 13: 50 FTE-days × 366000 / 366 = 50000.00; 256200.00 + 109800.00 − 50000.00; nothing paid
    "16-new-cause-during-a-relapse": ("50", "50000.00", "316000.00", "316000.00"),
    # 18 (S20): example 02 capped at its eligible costs 329000.00 (< 396819.92); − 339200.00 advanced
    "18-costs-below-advances": ("12", "1740.08", "329000.00", "-10200.00"),
}


# S14: the examples of more than one period, by period (examples/09-extension-year/README.md).
EXPECTED_PERIODS = {
    "09-extension-year": {
        "lokale-besturen-2023-2025": ("12", "1740.08", "396819.92", "100019.92"),
        "verlenging-2025-2026": ("52", "7550.68", "183249.32", "98449.32"),
    },
}


# S19: the examples of more than one funding line, by period and line (each example's README.md).
EXPECTED_LINES = {
    "13-addendum-duaal-leren": {  # SPEC §13 worked example (c): 456819.92 in all
        ("lokale-besturen-2023-2025", "lokale-besturen-2023-2025"): ("9", "1305.06", "397254.94", "397254.94"),
        ("lokale-besturen-2023-2025", "duaal-leren"): ("3", "435.02", "59564.98", "59564.98"),
    },
    "14-project-only-addendum": {
        ("lokale-besturen-2023-2025", "lokale-besturen-2023-2025"): ("12", "1740.08", "396819.92", "227219.92"),
        ("lokale-besturen-2023-2025", "diversiteit"): ("0", "0.00", "60000.00", "30000.00"),
    },
    "15-extension-continues-one-addendum": {
        ("lokale-besturen-2023-2025", "lokale-besturen-2023-2025"): ("24.4", "3538.17", "395021.83", "225421.83"),
        ("lokale-besturen-2023-2025", "duaal-leren"): ("0", "0.00", "60000.00", "36000.00"),
        ("lokale-besturen-2023-2025", "diversiteit"): ("0", "0.00", "40000.00", "0.00"),
        ("verlenging-2025-2026", "lokale-besturen-2023-2025"): ("10.5", "1524.66", "189275.34", "104475.34"),
        ("verlenging-2025-2026", "duaal-leren"): ("3.5", "508.22", "29491.78", "17491.78"),
    },
}
EXPECTED_LINES["17-cost-statement"] = {  # SPEC §14 worked example (d): example 13 capped, 449254.94 in all
    ("lokale-besturen-2023-2025", "lokale-besturen-2023-2025"): ("9", "1305.06", "397254.94", "397254.94"),
    ("lokale-besturen-2023-2025", "duaal-leren"): ("3", "435.02", "52000.00", "52000.00"),  # min(59564.98, 52000.00)
}
TOTALS_LINES = {  # subsidy and balance in all
    "17-cost-statement": ("449254.94", "449254.94"),
    "13-addendum-duaal-leren": ("456819.92", "456819.92"),
    "14-project-only-addendum": ("456819.92", "257219.92"),
    "15-extension-continues-one-addendum": ("713788.95", "383388.95"),
}


def test_every_example_settles_to_its_hand_derivation():
    cases = sorted(p.name for p in EXAMPLES.iterdir() if (p / "results.yaml").is_file())  # not examples/generation
    assert cases == sorted([*EXPECTED, *EXPECTED_PERIODS, *EXPECTED_LINES])
    for name, parts in EXPECTED_LINES.items():
        out = settle_json(EXAMPLES / name)
        assert out["schema"] == "convenant-settlement/3"
        got = {
            (s["period"], s["line"]): (
                s["deduction"]["shortfall_fte_days"], s["deduction"]["amount"], s["subsidy"], s["balance"]
            )
            for s in out["settlements"]
        }
        assert got == parts, name
        assert [(s["period"], s["line"]) for s in out["settlements"]] == list(parts)  # by period, then line
        assert (out["total"]["subsidy"], out["total"]["balance"]) == TOTALS_LINES[name]
    for name, (fte_days, deduction, subsidy, balance) in EXPECTED.items():
        out = settle_json(EXAMPLES / name)
        got = (out["deduction"]["shortfall_fte_days"], out["deduction"]["amount"], out["subsidy"], out["balance"])
        assert got == (fte_days, deduction, subsidy, balance), name
    for name, periods in EXPECTED_PERIODS.items():
        out = settle_json(EXAMPLES / name)
        assert out["schema"] == "convenant-settlement/2"
        for period in out["periods"]:
            got = (
                period["deduction"]["shortfall_fte_days"],
                period["deduction"]["amount"],
                period["subsidy"],
                period["balance"],
            )
            assert got == periods[period["period"]], (name, period["period"])


def test_table_shows_the_lines_that_add_up():
    result = runner.invoke(app, ["settle", str(EXAMPLES / "06-fewer-than-half-to-recover")], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "296,800.00" in text  # effort pool
    assert "2/5 met is below the cutoff 50 %: nothing paid" in text
    assert "30 FTE-days × 145.006840" in text and "−4,350.21" in text
    assert "292,449.79" in text  # subsidy
    assert "Balance: to recover" in text and "46,750.21" in text


def test_no_argument_settles_the_case_in_the_working_directory(monkeypatch):
    # Issue 9: never the bundled example behind the user's back.
    monkeypatch.chdir(EXAMPLES / "07-everything-together")
    default = runner.invoke(app, ["settle", "--format", "json"])
    explicit = runner.invoke(app, ["settle", str(EXAMPLES / "07-everything-together"), "--format", "json"])
    assert default.exit_code == 0
    assert default.stdout == explicit.stdout
    assert json.loads(default.stdout)["subsidy"] == "356067.20"


@pytest.mark.parametrize(
    ("command", "example"),
    [("settle", "07-everything-together"), ("ledger", "07-everything-together"), ("claim", "17-cost-statement")],
)
def test_no_argument_outside_a_case_directory_is_a_usage_error_with_a_hint(command, example, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("not a case\n", encoding="utf-8")
    result = runner.invoke(app, [command])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(
        "no case directory given, and this directory holds no case files (results.yaml, convenant.yaml, "
        f"absences.yaml, payments.yaml, costs.yaml); give one, e.g. convenant {command} "
    )
    assert result.stderr.endswith(f"examples/{example}\n")


def test_the_table_first_line_names_the_case_directory_and_the_agreement(tmp_path, monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    result = runner.invoke(app, ["settle", "examples/02-long-sickness-partly-replaced"], env={"COLUMNS": "60"})
    assert result.stdout.splitlines()[0] == (
        "Case examples/02-long-sickness-partly-replaced, agreement lokale-besturen-2023-2025 (bundled)"
    )  # one line even on a narrow terminal
    monkeypatch.chdir(EXAMPLES / "05-maternity-half-replaced-exactly-half")
    result = runner.invoke(app, ["settle", "--lang", "nl"])
    assert result.stdout.splitlines()[0] == (
        "Dossier . (05-maternity-half-replaced-exactly-half), convenant voorbeeld-2fte-2023-2025 (convenant.yaml)"
    )


def test_missing_directory_is_exit_2_with_a_message(tmp_path):
    result = runner.invoke(app, ["settle", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "case directory does not exist" in result.stderr
    assert result.stdout == ""


def test_bad_input_is_exit_2_with_file_line_col_and_no_traceback(tmp_path):
    (tmp_path / "results.yaml").write_text(
        "convenant: lokale-besturen-2023-2025\nresults:\n  - {commitment: R1, achieved: 97}\n  - {commitment: R9, achieved: 1}\n"
    )
    result = runner.invoke(app, ["settle", str(tmp_path), "--format", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert "results.yaml:4:18: result for unknown commitment 'R9'" in result.stderr
    assert "no result reported for commitment 'R2'" in result.stderr


def test_unknown_format_is_a_usage_error():
    result = runner.invoke(app, ["settle", "--format", "pdf"])
    assert result.exit_code == 2


def test_python_dash_m_works():
    out = subprocess.run(
        [sys.executable, "-m", "convenant_calc", "settle", str(EXAMPLES / "02-long-sickness-partly-replaced"), "-f", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)["subsidy"] == "396819.92"
