"""`settle --as-of DATE` in the shell: JSON keys, the table, pending results only with --as-of, usage errors.

The small case (tests/validation/conftest.py): 2024-01-01 … 2024-12-31 (366 days), 100000.00, 2 FTE,
R1 (target 10) and R2 (target 4); daily_rate = 100000 / 732; pools 70000.00 / 30000.00.
"""

import json
from decimal import Decimal

ABSENCE = "absences:\n  - {consultant: an, kind: time_credit, from: 2024-03-01, to: 2024-04-30, fte: 0.5}\n"
ONLY_R1 = "results:\n  - {commitment: R1, achieved: 12}\n"


def test_json_adds_the_interim_keys_in_order(case):
    # Time credit 0.5 FTE from 2024-03-01 (never covered). Up to 2024-03-31: 31 days × 0.5 = 15.5 FTE-days;
    # deduction = 15.5 × 100000 / 732 = 1550000 / 732 = 2117.4863… → 2117.49.
    # R2 pending. worst: 1/2 met = ½, not below the cutoff → 30000 × 1/2 = 15000.00;
    # 70000.00 + 15000.00 − 2117.49 = 82882.51. best: 2/2 → 70000.00 + 30000.00 − 2117.49 = 97882.51.
    run = case.write(**{"absences.yaml": ABSENCE, "results.yaml": ONLY_R1}).run(
        "settle", "case", "--as-of", "2024-03-31", "--format", "json"
    )
    assert (run.exit_code, run.stderr) == (0, "")
    data = json.loads(run.stdout)
    assert list(data)[-6:] == ["balance", "as_of", "deduction_to_date", "pending", "subsidy_range", "ceilings"]
    assert data["as_of"] == "2024-03-31"
    assert data["deduction_to_date"] == {"shortfall_fte_days": "15.5", "amount": "2117.49"}
    assert data["pending"] == ["R2"]
    assert data["subsidy_range"] == {"worst": "82882.51", "best": "97882.51"}
    # The contract's keys keep their meaning: the whole file (61 days × 0.5 = 30.5 FTE-days), pending not met.
    assert data["deduction"]["shortfall_fte_days"] == "30.5" and data["results"]["achieved"] == 1


def test_table_shows_the_interim_position_in_dutch(case):
    run = case.write(**{"absences.yaml": ABSENCE, "results.yaml": ONLY_R1}).run(
        "settle", "case", "--as-of", "2024-03-31", "--lang", "nl", "--output", "out.txt"
    )
    assert run.exit_code == 0
    text = (case.dir.parent / "out.txt").read_text()
    assert "Tussentijdse stand op 31 maart 2024 (S16)" in text
    assert "VTE-dagen tekort tot en met 31 maart 2024" in text and "15,5" in text
    assert "82.882,51" in text and "97.882,51" in text
    assert "openstaand" in text


def test_a_missing_result_is_an_error_without_as_of(case):
    lines = case.errors(**{"results.yaml": ONLY_R1})
    assert lines[0].startswith("case/results.yaml:2:3: no result reported for commitment 'R2' (Sessions)")


def test_as_of_usage_errors(case):
    for value, message in (
        ("2024-02-30", "--as-of 2024-02-30: 2024-02-30 is not a date in the calendar; check the day and month"),
        ("31/03/2024", "--as-of 31/03/2024: expected a date written YYYY-MM-DD, e.g. 2024-01-31; got '31/03/2024'"),
        ("2023-12-31", "--as-of 2023-12-31: before the term starts (2024-01-01); give a date from 2024-01-01 on"),
    ):
        run = case.run("settle", "case", "--as-of", value, "--format", "json")
        assert (run.exit_code, run.stdout, run.stderr) == (2, "", message + "\n")


def test_as_of_still_reports_input_errors_with_positions(case):
    run = case.write(**{"results.yaml": "results:\n  - {commitment: R9, achieved: 1}\n"}).run(
        "settle", "case", "--as-of", "2024-06-30"
    )
    assert run.exit_code == 2 and run.stdout == ""
    assert run.lines[0].startswith("case/results.yaml:2:18: result for unknown commitment 'R9'")


def test_as_of_with_several_periods_needs_a_period(examples):
    import json as json_module

    from typer.testing import CliRunner

    from convenant_calc.cli.app import app

    case = str(examples / "09-extension-year")
    plain = CliRunner().invoke(app, ["settle", case, "--as-of", "2025-09-30", "-f", "json"])
    assert plain.exit_code == 2 and plain.stdout == ""
    assert plain.stderr == (
        "--as-of: lokale-besturen-2023-2025 has 2 periods (S14); the interim position is that of one period: "
        "give --period ID\n"
    )
    one = CliRunner().invoke(app, ["settle", case, "--period", "verlenging-2025-2026", "--as-of", "2025-09-30",
                                   "-f", "json"])
    assert one.exit_code == 0, one.output
    data = json_module.loads(one.stdout)
    assert data["as_of"] == "2025-09-30" and data["pending"] == []
    # No result pending: best = worst; the deduction to date is at most the whole file's.
    assert data["subsidy_range"]["worst"] == data["subsidy_range"]["best"]
    assert Decimal(data["deduction_to_date"]["amount"]) <= Decimal(data["deduction"]["amount"])


def test_as_of_with_a_cost_statement_shows_the_ceiling_and_the_capped_range(examples, tmp_path):
    # examples/18 with R1 and R5 not yet reported, on 2024-09-30. An's 12 FTE-days short all lie in
    # February 2024: deduction to date 12 × 424000 / 2924 = 1740.0820… → 1740.08.
    # worst: R2, R4 met, 2/5 < ½ → payout 0.00; 296800.00 − 1740.08 = 295059.92; eligible 329000.00 does
    #   not cap it: 295059.92. best: 4/5 → 101760.00; 296800.00 + 101760.00 − 1740.08 = 396819.92 (the
    #   ceiling, SPEC §10's range), capped at 329000.00 (S20).
    import shutil

    from typer.testing import CliRunner

    from convenant_calc.cli.app import app

    case = tmp_path / "case"
    shutil.copytree(examples / "18-costs-below-advances", case)
    results = case / "results.yaml"
    kept = [x for x in results.read_text(encoding="utf-8").splitlines(keepends=True) if "R1," not in x and "R5," not in x]
    results.write_text("".join(kept), encoding="utf-8")
    run = CliRunner().invoke(app, ["settle", str(case), "--as-of", "2024-09-30", "-f", "json"])
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert data["pending"] == ["R1", "R5"]
    assert data["deduction_to_date"] == {"shortfall_fte_days": "12", "amount": "1740.08"}
    assert data["subsidy_range"] == {"worst": "295059.92", "best": "396819.92"}
    assert data["subsidy_range_capped"] == {"eligible": "329000.00", "worst": "295059.92", "best": "329000.00"}
    table = CliRunner().invoke(app, ["settle", str(case), "--as-of", "2024-09-30"]).stdout
    assert "the same, at most the eligible costs of 329,000.00 (S20)" in table and "329,000.00" in table
    # costs.not-capped: nothing is capped, so no capped range
    lifted = CliRunner().invoke(
        app, ["settle", str(case), "--as-of", "2024-09-30", "-f", "json", "--reading", "costs.not-capped"]
    )
    assert "subsidy_range_capped" not in json.loads(lifted.stdout)


def test_as_of_without_costs_has_no_capped_range(case):
    run = case.write(**{"absences.yaml": ABSENCE, "results.yaml": ONLY_R1}).run(
        "settle", "case", "--as-of", "2024-03-31", "--format", "json"
    )
    assert "subsidy_range_capped" not in json.loads(run.stdout) and "eligible costs" not in run.stdout
