"""`convenant diff` on the command line: exit codes, bad input on either side, formats, languages, --output."""

from __future__ import annotations

import json

from .conftest import EXAMPLES, copy_example, edit

OLD07 = EXAMPLES / "07-everything-together"
NEW07 = EXAMPLES / "diff" / "07-everything-together-revised"


def test_equal_cases_exit_0(diff):
    result = diff(OLD07, OLD07)
    assert result.exit_code == 0, result.output
    assert "No item differs." in result.stdout and "The settled figures are equal." in result.stdout


def test_different_cases_exit_1_and_the_total_is_printed_last(here, diff):
    result = diff(OLD07, NEW07, "--output", "diff.txt")
    assert result.exit_code == 1, result.output
    text = (here / "diff.txt").read_text(encoding="utf-8")
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    # the effects table ends with the total (−36.2 FTE-days; −5249.24; +25440.00; +30689.24 twice), then the verdict
    assert lines[-2].split() == ["total", "−36.2", "−5,249.24", "+25,440.00", "+30,689.24", "+30,689.24"]
    assert lines[-1] == "The settled figures differ."
    assert "changed: result R2" in text and "achieved: 3 → 4" in text
    assert "07-everything-together-revised/results.yaml:5" in text


def test_bad_input_in_the_old_version_exit_2_with_its_problems(here, diff):
    old = copy_example("07", here / "old")
    edit(old / "results.yaml", "{commitment: R2, achieved: 3}", "{commitment: R9, achieved: 3}")
    result = diff("old", NEW07)
    assert result.exit_code == 2
    assert result.stdout == ""
    # as settle prints it: file:line:col: message, then the summary
    assert result.stderr.splitlines() == [
        "old/results.yaml:4:3: no result reported for commitment 'R2' (Infosessies zij-instroom met VIVO); "
        "add {commitment: R2, achieved: ...} (S4: a missing result is never 'not met')",
        "old/results.yaml:5:18: result for unknown commitment 'R9'; the commitments of lokale-besturen-2023-2025 "
        "are R1, R2, R3, R4, R5; correct the id",
        "2 errors in 1 file",
    ]


def test_bad_input_in_the_new_version_exit_2_with_its_problems(here, diff):
    new = copy_example("07", here / "new")
    edit(new / "payments.yaml", "amount: 127200.00", "amount: 127.200,00")
    result = diff(OLD07, "new")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        "new/payments.yaml:3:32: 127.200 has three decimals; an amount has at most two (cents). "
        "For 127200 euro write 127200.00 (no thousands separator)"
    )


def test_bad_input_on_both_sides_reports_both(here, diff):
    old = copy_example("07", here / "old")
    new = copy_example("07", here / "new")
    edit(old / "absences.yaml", "kind: time_credit", "kind: tijdskrediet")
    edit(new / "results.yaml", "achieved: 84", "achieved: -84")
    result = diff("old", "new")
    assert result.exit_code == 2
    assert "old/absences.yaml:22:" in result.stderr and "new/results.yaml:6:" in result.stderr


def test_a_directory_that_is_not_there_exit_2(here, diff):
    result = diff("nowhere", OLD07)
    assert result.exit_code == 2
    assert "nowhere: case directory does not exist" in result.stderr


def test_output_extension_chooses_the_format_and_an_unknown_one_is_refused(here, diff):
    result = diff(OLD07, NEW07, "--output", "diff.md")
    assert result.exit_code == 1
    assert "wrote diff.md" in result.stderr
    text = (here / "diff.md").read_text(encoding="utf-8")
    assert text.startswith("# What changed, and what it cost (S22)\n")
    assert "| **Total difference (new − old)** | **−36.2** |" in text
    result = diff(OLD07, NEW07, "--output", "diff.json")
    assert json.loads((here / "diff.json").read_text(encoding="utf-8"))["schema"] == "convenant-diff/1"
    result = diff(OLD07, NEW07, "--output", "diff.html")
    assert result.exit_code == 2
    assert "diff writes table, json, markdown" in result.stderr
    assert not (here / "diff.html").exists()
    result = diff(OLD07, NEW07, "--format", "json", "--output", "diff2.md")
    assert result.exit_code == 2 and "the extension .md means --format markdown" in result.stderr


def test_dutch(here, diff):
    result = diff(OLD07, NEW07, "--lang", "nl", "--format", "markdown")
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("# Wat er veranderde, en wat het kostte (S22)\n")
    assert "**gewijzigd: afwezigheid van dirk, tijdskrediet vanaf 1 september 2024**" in out
    assert "**gewijzigd: resultaat R2**" in out
    assert "| **Totaal verschil (nieuw − oud)** | **−36,2** | **−5.249,24** | **+25.440,00** |" in out
    assert out.rstrip().endswith("De afgerekende bedragen verschillen.")


def test_json_says_nothing_in_dutch(diff):
    english = diff(OLD07, NEW07, "--format", "json").stdout
    dutch = diff(OLD07, NEW07, "--format", "json", "--lang", "nl").stdout
    assert english == dutch


def test_text_from_the_input_cannot_drive_the_terminal(here, diff):
    old = copy_example("07", here / "old")
    new = copy_example("07", here / "new")
    edit(new / "payments.yaml", "label: voorschot 1 (40 %)", 'label: "\\e]0;owned\\a voorschot"')
    result = diff(old, new, "--output", "diff.txt")
    text = (here / "diff.txt").read_text(encoding="utf-8")
    # shown as YAML's double-quoted style writes it: the escape character as \u001b
    assert "\x1b" not in text and '"\\u001b]0;owned\\u0007 voorschot"' in text
    result = diff(old, new, "--format", "markdown")
    assert "\x1b" not in result.stdout


def test_two_periods_show_the_difference_per_period(here, diff):
    # Example 09 with V3 met (30 → 50): the extension's payout 63600.00 × 3/3 instead of × 2/3: +21200.00,
    # the first period unchanged.
    old = copy_example("09", here / "old")
    new = copy_example("09", here / "new")
    edit(new / "results.yaml", "{commitment: V3, achieved: 30}", "{commitment: V3, achieved: 50}")
    result = diff(old, new, "--output", "diff.txt")
    assert result.exit_code == 1
    lines = [line.split() for line in (here / "diff.txt").read_text(encoding="utf-8").splitlines()]
    assert ["lokale-besturen-2023-2025", "0", "0.00", "0.00", "0.00", "0.00"] in lines
    assert ["verlenging-2025-2026", "0", "0.00", "+21,200.00", "+21,200.00", "+21,200.00"] in lines
    assert lines[lines.index(["1", "0", "0.00", "+21,200.00", "+21,200.00", "+21,200.00"]) + 1] == [
        "total", "0", "0.00", "+21,200.00", "+21,200.00", "+21,200.00"
    ]
