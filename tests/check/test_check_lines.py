"""S19 in `convenant check`: expected.yaml pins figures per line (``lines: {ID: ...}``), as periods are pinned."""

from __future__ import annotations

from .test_check_cli import edit

MAIN, EXT = "lokale-besturen-2023-2025", "verlenging-2025-2026"


def test_a_line_figure_that_moves_fails_at_its_field(check, copy_case, here):
    case = copy_case("13", here / "a")
    edit(case / "expected.yaml", 'amount: "435.02"', 'amount: "435.03"')
    edit(case / "expected.yaml", 'subsidy: "456819.92"', 'subsidy: "456819.93"')
    result = check("a")
    assert result.exit_code == 1
    assert "lines.duaal-leren.deduction.amount: expected 435.03, got 435.02 (\u22120.01)" in result.stdout
    assert "total.subsidy: expected 456819.93, got 456819.92 (\u22120.01)" in result.stdout


def test_a_line_of_several_periods_is_pinned_per_period(check, copy_case, here):
    case = copy_case("15", here / "a")
    edit(case / "expected.yaml", 'shortfall_fte_days: "3.5"', 'shortfall_fte_days: "3.6"')
    result = check("a")
    assert result.exit_code == 1
    assert f"lines.duaal-leren.periods.{EXT}.deduction.shortfall_fte_days: expected 3.6, got 3.5" in result.stdout


def test_a_null_daily_rate_is_compared(check, copy_case, here):
    case = copy_case("14", here / "a")
    edit(case / "expected.yaml", "daily_rate: null", 'daily_rate: "145.006840"')
    result = check("a")
    assert result.exit_code == 1
    assert "lines.diversiteit.deduction.daily_rate: expected 145.006840, got null" in result.stdout


def test_figures_the_settlement_cannot_have_are_errors_at_their_place(check, copy_case, here):
    case = copy_case("13", here / "a")
    text = (case / "expected.yaml").read_text(encoding="utf-8")
    text = text.replace("  duaal-leren:\n", "  duaal-lerne:\n", 1) + 'subsidy: "1.00"\n'
    (case / "expected.yaml").write_text(text, encoding="utf-8")
    result = check("a")
    assert result.exit_code == 2
    errors = result.stderr
    assert ": no line 'duaal-lerne'; did you mean 'duaal-leren'? the lines are lokale-besturen-2023-2025, duaal-leren" in errors
    assert (
        "subsidy: lokale-besturen-2023-2025 has 2 funding lines (S19); pin this figure for a line under "
        "lines: {lokale-besturen-2023-2025: ...}, or a sum under total" in errors
    )


def test_lines_for_an_agreement_of_one_line_are_an_error(check, copy_case, here):
    case = copy_case("02", here / "a")
    with (case / "expected.yaml").open("a", encoding="utf-8") as f:
        f.write('lines: {duaal-leren: {subsidy: "1.00"}}\n')
    result = check("a")
    assert result.exit_code == 2
    assert (
        "lines.duaal-leren.subsidy: lokale-besturen-2023-2025 has one funding line (no addenda, S19), so its "
        "settlement has no 'lines'; write the figure at the top of expected.yaml" in result.stderr
    )


def test_a_settlement_figure_under_a_line_of_several_periods_says_where_it_belongs(check, copy_case, here):
    case = copy_case("15", here / "a")
    edit(case / "expected.yaml", '    subsidy: "89491.78"', '    subsidy: "89491.78"\n    effort_pool: "63000.00"')
    edit(case / "expected.yaml", f"  {EXT}: {{max_subsidy", f"  {EXT}: {{effort_pool: \"1.00\", max_subsidy")
    result = check("a")
    assert result.exit_code == 2
    assert (
        "lines.duaal-leren.effort_pool: lokale-besturen-2023-2025 has 2 periods (S14); pin the line's figure for a "
        "period under lines.duaal-leren.periods.lokale-besturen-2023-2025, or its totals (max_subsidy, subsidy, "
        "paid, balance) under lines.duaal-leren" in result.stderr
    )
    assert (
        f"periods.{EXT}.effort_pool: with several funding lines (S19) 'periods' holds each period's totals "
        "(max_subsidy, subsidy, paid, balance); pin a line's figure under lines: {lokale-besturen-2023-2025: ...}"
        in result.stderr
    )


def test_update_writes_every_line_and_reads_back(check, copy_case, here):
    for prefix in ("13", "14", "15"):
        case = copy_case(prefix, here / prefix)
        (case / "expected.yaml").unlink()
        result = check("--update", prefix)
        assert result.exit_code == 0, result.output
        text = (case / "expected.yaml").read_text(encoding="utf-8")
        assert "lines:\n" in text and check(prefix).exit_code == 0
        assert check("--update", prefix).stdout.startswith("unchanged")
    text = (here / "15" / "expected.yaml").read_text(encoding="utf-8")
    # each line's settlement of each period, the line's totals, each period's totals, the total
    assert f"  duaal-leren:\n    periods:\n      {MAIN}:\n" in text
    assert '        subsidy: "29491.78"\n' in text and '    subsidy: "89491.78"\n' in text
    assert f"periods:\n  {MAIN}:\n    max_subsidy: \"524000.00\"\n" in text
    assert '  balance: "383388.95"\n' in text
    assert "daily_rate: null" in (here / "14" / "expected.yaml").read_text(encoding="utf-8")


def test_update_edits_a_line_figure_in_place_and_adds_a_missing_one(check, copy_case, here):
    case = copy_case("13", here / "a")
    expected = case / "expected.yaml"
    original = expected.read_text(encoding="utf-8")
    edit(expected, 'amount: "435.02"', 'amount: "435.20"')
    edit(expected, "    title: Addendum duaal leren\n", "")
    edit(expected, '      shortfall_fte_days: "3"           # 12 days × (1.0 × 0.25 / 1.0)\n', "")
    result = check("--update", "a")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "updated a/expected.yaml (lines.duaal-leren.deduction.shortfall_fte_days, lines.duaal-leren.deduction.amount)",
        "1 updated",
    ]
    text = expected.read_text(encoding="utf-8")
    # the moved figure in its place with its comment; the missing one added at the end of its mapping
    assert 'amount: "435.02"                  # 3 × 26500 / 182.75 = 435.0205… → 435.02\n' in text
    assert '      amount: "435.02"                  # 3 × 26500 / 182.75 = 435.0205… → 435.02\n      shortfall_fte_days: "3"\n' in text
    assert text.replace('      shortfall_fte_days: "3"\n', "") == original.replace(
        "    title: Addendum duaal leren\n", ""
    ).replace('      shortfall_fte_days: "3"           # 12 days × (1.0 × 0.25 / 1.0)\n', "")
    assert check("a").exit_code == 0
