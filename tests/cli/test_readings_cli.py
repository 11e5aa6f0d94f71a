"""S17 in the shell: `settle --readings`, `settle --reading ID`, and `check` with readings in expected.yaml."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from convenant_calc.cli.app import app

from ..conftest import EXAMPLES

runner = CliRunner()
A = str(EXAMPLES / "02-long-sickness-partly-replaced")  # SPEC §5 a
DISPUTE = str(EXAMPLES / "12-readings-dispute")


def settle(*args: str, env=None):
    return runner.invoke(app, ["settle", *args], env=env or {"COLUMNS": "120"})


def test_json_readings_follow_the_contract_keys():
    result = settle(A, "--readings", "-f", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    keys = list(out)
    assert keys[: keys.index("balance") + 1][-1] == "balance" and keys[-2:] == ["readings", "ceilings"]  # S20: ceilings last
    assert "readings_applied" not in out  # settled under the defaults
    rows = {r["id"]: r for r in out["readings"]}
    assert list(rows["days.working"])[:4] == ["id", "reads", "subsidy", "difference"]
    # SPEC §11 on §5 a
    assert [(r["id"], r["subsidy"], r["difference"]) for r in out["readings"]] == [
        ("rate.calendar-365", "396817.53", "-2.39"),
        ("days.working", "396874.12", "54.20"),
        ("rate.effort-basis", "397341.94", "522.02"),
        ("results.half-not-paid", "396819.92", "0.00"),
        ("window.elapsed", "396819.92", "0.00"),
        ("notice.from-posting", "396819.92", "0.00"),
        ("extension.merged", "396819.92", "0.00"),
        ("costs.not-capped", "396819.92", "0.00"),  # S20: no costs.yaml, not applicable
        ("relapse.first-incapacity", "396819.92", "0.00"),  # S13: relapse_days not dated, not applicable
    ]
    assert rows["notice.from-posting"]["applies"] is False and "S15" in rows["notice.from-posting"]["reason"]
    assert rows["rate.effort-basis"]["reads"].endswith("vermindert de maximale werkingssubsidie.")


def test_default_json_is_unchanged_without_readings():
    plain = json.loads(settle(A, "-f", "json").stdout)
    assert "readings" not in plain and "readings_applied" not in plain
    assert plain["subsidy"] == "396819.92"


def test_reading_settles_under_the_alternative_and_says_so():
    # rate.effort-basis on §5 a: 12 × 296800 / 2924 = 1218.0574… → 1218.06; subsidy 397341.94.
    out = json.loads(settle(A, "--reading", "rate.effort-basis", "-f", "json").stdout)
    assert out["deduction"] == {"daily_rate": "101.504788", "shortfall_fte_days": "12", "amount": "1218.06"}
    assert out["subsidy"] == "397341.94"
    assert out["readings_applied"] == ["rate.effort-basis"]
    table = settle(A, "--reading", "rate.effort-basis").stdout
    assert "Settlement under alternative readings: rate.effort-basis" in table
    nl = settle(A, "--reading", "rate.effort-basis", "--lang", "nl").stdout
    assert "Afrekening volgens andere lezingen: rate.effort-basis" in nl
    md = settle(A, "--reading", "rate.effort-basis", "-f", "markdown").stdout
    assert "settled under alternative readings of the agreement (S17), not the defaults: rate.effort-basis" in md
    assert "296,800.00 / (4 × 731)" in md  # the rate step shows the base it was computed on
    html = settle(A, "--reading", "rate.effort-basis", "-f", "html").stdout
    assert "not the defaults: rate.effort-basis" in html


def test_two_readings_at_once():
    # days.working + rate.effort-basis: 8 × 296800 / (4 × 503) = 1180.1192… → 1180.12; 398560.00 − 1180.12.
    out = json.loads(settle(A, "--reading", "rate.effort-basis", "--reading", "days.working", "-f", "json").stdout)
    assert out["readings_applied"] == ["days.working", "rate.effort-basis"]
    assert out["deduction"]["amount"] == "1180.12"
    assert out["subsidy"] == "397379.88"


def test_unknown_reading_is_a_usage_error_with_a_suggestion():
    result = settle(A, "--reading", "rate.calendar365")
    assert result.exit_code == 2
    assert "unknown reading 'rate.calendar365'; did you mean 'rate.calendar-365'?" in result.stderr
    assert result.stdout == ""


def test_conflicting_and_inapplicable_readings_exit_2():
    result = settle(A, "--reading", "rate.calendar-365", "--reading", "days.working")
    assert result.exit_code == 2 and "cannot be read together" in result.stderr
    result = settle(A, "--reading", "extension.merged")
    assert result.exit_code == 2
    assert "extension.merged: does not apply to this case" in result.stderr


def test_report_section_quotes_the_sentence_and_both_readings():
    md = settle(DISPUTE, "--readings", "-f", "markdown").stdout
    assert "## Alternative readings (S17)" in md
    assert "| `results.half-not-paid` | Art. 2, S3 | 146,949.93 | −31,800.00 |" in md
    assert "> “Als minder dan de helft van de resultaatverbintenissen wordt behaald" in md
    assert "  - nl: ook precies de helft behaald wordt niet uitbetaald" in md
    assert "  - en: exactly half of the commitments met is not paid either" in md
    nl = settle(DISPUTE, "--readings", "-f", "markdown", "--lang", "nl").stdout
    assert "## Andere lezingen (S17)" in nl and "| `window.elapsed` | Art. 5, S7 | 177.444,87 | −1.305,06 |" in nl
    html = settle(DISPUTE, "--readings", "-f", "html").stdout
    assert 'id="reading-days.working"' in html and "+185.66" in html


def test_table_section_lists_every_reading():
    text = settle(DISPUTE, "--readings").stdout
    assert "Alternative readings (S17)" in text
    for figure in ("178,747.95", "178,935.59", "179,184.95", "146,949.93", "177,444.87"):
        assert figure in text
    assert "not applicable: the agreement has no termination" in text


# --- check ---------------------------------------------------------------------------------


def test_check_settles_under_expected_readings(tmp_path):
    import shutil

    case = shutil.copytree(EXAMPLES / "02-long-sickness-partly-replaced", tmp_path / "a")
    (case / "expected.yaml").write_text(
        "readings: [days.working]\n"
        'subsidy: "396874.12"   # SPEC §11: 8 working days × 424000 / 2012 = 1685.88\n'
        "deduction: {shortfall_fte_days: 8}\n"
        "reading_subsidies:\n"
        '  rate.effort-basis: "397379.88"   # on top of days.working: 8 × 296800 / 2012 = 1180.12\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(case)])
    assert result.exit_code == 0, result.output
    assert "1 passed" in result.stdout


def test_check_refuses_bad_readings_at_their_place(tmp_path):
    import shutil

    case = shutil.copytree(EXAMPLES / "02-long-sickness-partly-replaced", tmp_path / "a")
    (case / "expected.yaml").write_text(
        'subsidy: "396819.92"\nreadings: [days.workng]\nreading_subsidies: {rate.efort-basis: "1.00"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(case)])
    assert result.exit_code == 2
    assert "expected.yaml:2:12: readings: unknown reading 'days.workng'; did you mean 'days.working'?" in result.stderr
    assert "expected.yaml:3:21: unknown field 'rate.efort-basis'; did you mean 'rate.effort-basis'?" in result.stderr


def test_check_reports_a_pinned_reading_that_moved(tmp_path):
    import shutil

    case = shutil.copytree(EXAMPLES / "12-readings-dispute", tmp_path / "d")
    text = (case / "expected.yaml").read_text(encoding="utf-8").replace('"178747.95"', '"178747.96"')
    (case / "expected.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(case)])
    assert result.exit_code == 1
    assert "reading_subsidies.rate.calendar-365: expected 178747.96, got 178747.95" in result.stdout
    # --update puts the settled figure back, in place, comments kept
    result = runner.invoke(app, ["check", "--update", str(case)])
    assert result.exit_code == 0, result.output
    assert (case / "expected.yaml").read_text(encoding="utf-8") == (
        EXAMPLES / "12-readings-dispute" / "expected.yaml"
    ).read_text(encoding="utf-8")


def test_check_inapplicable_reading_is_an_input_error(tmp_path):
    import shutil

    case = shutil.copytree(EXAMPLES / "02-long-sickness-partly-replaced", tmp_path / "a")
    (case / "expected.yaml").write_text('subsidy: "396819.92"\nreadings: [notice.from-posting]\n', encoding="utf-8")
    result = runner.invoke(app, ["check", str(case)])
    assert result.exit_code == 2
    assert "expected.yaml:2:11: readings: notice.from-posting: does not apply to this case" in result.stderr


def test_report_under_working_days_shows_the_working_days_of_each_absence():
    # examples/12 under days.working: Lies' 10 days short 2024-04-12 … 04-21 hold 6 working days.
    md = settle(DISPUTE, "--reading", "days.working", "-f", "markdown").stdout
    assert "#2 lies, sickness: 10 d × 1 = 10 (6 on working days)" in md
    assert "212,000.00 / (2 × 503) = 212,000.00 / 1,006" in md


def test_update_written_afresh_keeps_the_readings(tmp_path):
    # A flow mapping at the top cannot be edited in place: the file is written afresh, readings kept,
    # figures under days.working (396874.12) and the pin on top of it (397379.88, see above).
    import shutil

    case = shutil.copytree(EXAMPLES / "02-long-sickness-partly-replaced", tmp_path / "a")
    (case / "expected.yaml").write_text(
        '{subsidy: "1.00", readings: [days.working], reading_subsidies: {rate.effort-basis: "2.00"}}\n',
        encoding="utf-8",
    )
    assert runner.invoke(app, ["check", "--update", str(case)]).exit_code == 0
    text = (case / "expected.yaml").read_text(encoding="utf-8")
    assert "readings: [days.working]\n" in text
    assert 'subsidy: "396874.12"\n' in text and '  rate.effort-basis: "397379.88"\n' in text
    assert runner.invoke(app, ["check", str(case)]).exit_code == 0


# --- issue 18 item 12: a reading that does not apply to a period; the case's own sentences ------------

EXTENSION = """\
amendments:
  - id: verlenging-2025
    kind: extension
    decided: 2025-06-01
    reference: "verlenging met een half jaar (ILLUSTRATIVE)"
    term: {start: 2025-07-01, end: 2025-12-31}
    max_subsidy: 53000.00
    result_commitments:
      - {id: V1, title: Bedrijfsbezoeken, target: 12, unit: bezoeken}
"""


def _half_year_extension(tmp_path):
    """examples/12 (two whole years, 2 FTE) with an extension of half a year (2025-07-01 … 2025-12-31)."""
    import shutil

    case = shutil.copytree(DISPUTE, tmp_path / "d")
    (case / "expected.yaml").unlink()
    with open(case / "convenant.yaml", "a", encoding="utf-8") as f:
        f.write(EXTENSION)
    with open(case / "results.yaml", "a", encoding="utf-8") as f:
        f.write("  - {commitment: V1, achieved: 12}\n")
    payments = (case / "payments.yaml").read_text(encoding="utf-8")
    (case / "payments.yaml").write_text(
        payments.replace("label: voorschot 1}", "label: voorschot 1, period: dispuut-2fte-2023-2025}"), encoding="utf-8"
    )
    return str(case)


def test_readings_list_a_reading_that_does_not_fit_a_period_as_not_applicable(tmp_path):
    # Issue 18: `settle CASE --readings` ended in a ValueError traceback ("not a whole number of years").
    case = _half_year_extension(tmp_path)
    result = settle(case, "--readings", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.stdout)["readings"]}
    assert rows["rate.calendar-365"]["applies"] is False
    assert rows["rate.calendar-365"]["reason"] == (
        "the term of the period verlenging-2025 (2025-07-01 … 2025-12-31) is not a whole number of years, so "
        "there is no yearly basis for it (S14: settle another period alone with --period)"
    )
    for fmt in ("table", "markdown", "html"):
        shown = settle(case, "--readings", "-f", fmt)
        assert shown.exit_code == 0 and "not a whole number of years" in shown.stdout, fmt
    nl = settle(case, "--readings", "--lang", "nl", env={"COLUMNS": "400"})
    assert "de looptijd van de periode verlenging-2025 (2025-07-01 … 2025-12-31) is geen geheel aantal jaren" in nl.stdout


def test_a_reading_that_does_not_fit_a_period_is_refused_and_one_that_fits_the_period_asked_for_settles(tmp_path):
    case = _half_year_extension(tmp_path)
    refused = settle(case, "--reading", "rate.calendar-365", "-f", "json")
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr.startswith("--reading rate.calendar-365: does not apply to this case: the term of the "
                                     "period verlenging-2025 (2025-07-01 … 2025-12-31)")
    alone = settle(case, "--reading", "rate.calendar-365", "--period", "verlenging-2025")
    assert alone.exit_code == 2
    assert "the term 2025-07-01 … 2025-12-31 is not a whole number of years" in alone.stderr
    # The whole-year period alone (a traceback too): as examples/12, 10 FTE-days × 212000 / (2 × 365 × 2)
    # = 1452.0547… → 1452.05; 148400.00 + 31800.00 − 1452.05 = 178747.95; paid 84800.00 → 93947.95.
    whole = settle(case, "--reading", "rate.calendar-365", "--period", "dispuut-2fte-2023-2025", "-f", "json")
    assert whole.exit_code == 0, whole.output
    out = json.loads(whole.stdout)
    assert (out["deduction"]["amount"], out["subsidy"], out["balance"]) == ("1452.05", "178747.95", "93947.95")
    costs = json.loads(settle(case, "--readings", "--period", "dispuut-2fte-2023-2025", "-f", "json").stdout)
    row = next(r for r in costs["readings"] if r["id"] == "rate.calendar-365")
    assert (row["applies"], row["subsidy"], row["difference"]) == (True, "178747.95", "-1.98")


def test_readings_quote_the_cases_own_agreement_never_the_bundled_ones_sentence(tmp_path):
    # examples/12 is a 2-FTE agreement: it was shown "inzet van 4 VTE", the bundled agreement's sentence.
    out = json.loads(settle(DISPUTE, "--readings", "-f", "json").stdout)
    reads = {r["id"]: r["reads"] for r in out["readings"]}
    assert reads["rate.calendar-365"] == (
        "De maximale subsidie wordt toegekend voor de inzet van 2 VTE op jaarbasis. […] "
        "De werkingssubsidie wordt dan berekend per consultant per dag van de looptijd."
    )
    for fmt in ("table", "markdown", "html"):
        text = settle(DISPUTE, "--readings", "-f", fmt, env={"COLUMNS": "400"}).stdout
        assert "inzet van 2 VTE" in text and "4 VTE" not in text, fmt
    # An agreement file without references: no sentence, and what to add in its place.
    import shutil

    case = shutil.copytree(DISPUTE, tmp_path / "bare")
    text = (case / "convenant.yaml").read_text(encoding="utf-8")
    (case / "convenant.yaml").write_text(text[: text.index("# The agreement's own sentences")], encoding="utf-8")
    out = json.loads(settle(str(case), "--readings", "-f", "json").stdout)
    rows = {r["id"]: r for r in out["readings"]}
    assert rows["rate.calendar-365"]["reads"] is None
    assert rows["notice.from-posting"]["reads"].startswith("De kennisgeving van de opzegging")  # Art. 7: every agreement's
    md = settle(str(case), "--readings", "-f", "markdown").stdout
    assert "> the agreement file quotes no sentence for this reading; add references.yearly\\_basis, " \
        "references.daily\\_rate (article and quote)" in md
    section = md.split("## Alternative readings")[1]
    assert "4 VTE" not in section and "2 VTE" not in section


def test_the_bundled_agreement_reads_as_the_registry_quotes_it():
    # The bundled agreement's references hold every sentence an alternative reads: its readings quote them.
    from convenant_calc.core.readings import ALTERNATIVES, reads
    from convenant_calc.io.loading import load_bundled

    def words(text: str) -> str:
        return " ".join(text.replace(" […] ", " ").split())

    bundled = load_bundled("lokale-besturen-2023-2025")
    for a in ALTERNATIVES:
        r = reads(a, bundled)
        assert r.text is not None and not r.missing, a.id
        assert words(r.text) == words(a.sentence), a.id
        assert r.article == a.article, a.id


def test_readings_with_a_cost_statement_show_the_capped_subsidy_and_the_ceiling():
    # examples/17 (SPEC §14 d): main line 9 FTE-days short, duaal-leren 3, rate 424000 / 2924 for both.
    # rate.calendar-365: rate 424000 / 2920 = 145.205479…; main 9 × that = 1306.849… → 1306.85, ceiling
    # 296800.00 + 101760.00 − 1306.85 = 397253.15 ≤ eligible 422000.00: subsidy 397253.15 (−1.79);
    # duaal-leren 3 × that = 435.616… → 435.62, ceiling 42000.00 + 18000.00 − 435.62 = 59564.38, capped
    # at its eligible 52000.00: 0.00. Subsidy 449253.15 (−1.79), ceiling 397253.15 + 59564.38 = 456817.53.
    result = settle(str(EXAMPLES / "17-cost-statement"), "--readings", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.stdout)["readings"]}
    r = rows["rate.calendar-365"]
    assert (r["subsidy"], r["difference"], r["ceiling"]) == ("449253.15", "-1.79", "456817.53")
    assert r["lines"] == [
        {"line": "lokale-besturen-2023-2025", "subsidy": "397253.15", "difference": "-1.79", "ceiling": "397253.15"},
        {"line": "duaal-leren", "subsidy": "52000.00", "difference": "0.00", "ceiling": "59564.38"},
    ]
    # costs.not-capped: the subsidy is the ceiling, 397254.94 + 59564.98 = 456819.92 (+7564.98)
    assert (rows["costs.not-capped"]["subsidy"], rows["costs.not-capped"]["ceiling"]) == ("456819.92", "456819.92")
    table = settle(str(EXAMPLES / "17-cost-statement"), "--readings").stdout
    assert "before the cap of the eligible costs (S20):" in " ".join(table.split())
    # without a cost statement, no ceiling: the subsidy is the ceiling
    plain = json.loads(settle(str(EXAMPLES / "13-addendum-duaal-leren"), "--readings", "-f", "json").stdout)
    assert all("ceiling" not in r for r in plain["readings"])
