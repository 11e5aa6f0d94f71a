"""S14 in `convenant check`: expected.yaml pins figures per period (``periods: {ID: ...}``) and in total."""

from __future__ import annotations

from .test_check_cli import edit

P2 = "verlenging-2025-2026"


def test_a_period_figure_that_moves_fails_at_its_field(check, copy_case, here):
    case = copy_case("09", here / "a")
    edit(case / "expected.yaml", 'shortfall_fte_days: "52"', 'shortfall_fte_days: "51"')
    edit(case / "expected.yaml", 'subsidy: "580069.24"', 'subsidy: "580069.25"')
    result = check("a")
    assert result.exit_code == 1
    assert f"periods.{P2}.deduction.shortfall_fte_days: expected 51, got 52" in result.stdout
    assert "total.subsidy: expected 580069.25, got 580069.24 (\u22120.01)" in result.stdout


def test_figures_the_settlement_cannot_have_are_errors_at_their_place(check, copy_case, here):
    case = copy_case("09", here / "a")
    text = (case / "expected.yaml").read_text(encoding="utf-8")
    text = text.replace(f"  {P2}:\n", "  verlenging-2025-2027:\n", 1) + 'subsidy: "1.00"\n'
    (case / "expected.yaml").write_text(text, encoding="utf-8")
    result = check("a")
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert any(
        ": no period 'verlenging-2025-2027'; did you mean 'verlenging-2025-2026'? the periods are "
        "lokale-besturen-2023-2025, verlenging-2025-2026" in line
        for line in errors
    ), errors
    assert any(
        ":43:10: subsidy: lokale-besturen-2023-2025 has 2 periods (S14); pin this figure for a period under "
        "periods: {lokale-besturen-2023-2025: ...}, or a sum under total" in line
        for line in errors
    ), errors


def test_periods_for_an_agreement_of_one_period_are_an_error(check, copy_case, here):
    case = copy_case("02", here / "a")
    with (case / "expected.yaml").open("a", encoding="utf-8") as f:
        f.write('total: {subsidy: "396819.92"}\n')
    result = check("a")
    assert result.exit_code == 2
    assert "total.subsidy: lokale-besturen-2023-2025 has one period (no extension)" in result.stderr


def test_unknown_fields_inside_a_period(check, copy_case, here):
    case = copy_case("09", here / "a")
    edit(case / "expected.yaml", 'effort_pool: "148400.00"', 'effort: "148400.00"')
    result = check("a")
    assert result.exit_code == 2
    assert "unknown field 'effort'; did you mean 'effort_pool'?" in result.stderr


def test_update_writes_the_figures_of_every_period(check, copy_case, here):
    case = copy_case("09", here / "a")
    (case / "expected.yaml").unlink()
    result = check("--update", "a")
    assert result.exit_code == 0, result.output
    text = (case / "expected.yaml").read_text(encoding="utf-8")
    assert f"  {P2}:\n" in text and '    subsidy: "183249.32"\n' in text and '  balance: "198469.24"\n' in text
    assert check("a").exit_code == 0
    assert check("--update", "a").stdout.startswith("unchanged")


def test_update_leaves_a_file_with_figures_the_settlement_cannot_have_alone(check, copy_case, here):
    # A period id the agreement does not have (a typo?), or a total for an agreement of one period:
    # --update reports it as `check` does (exit 2) and writes nothing, rather than drop the figures.
    case = copy_case("09", here / "a")
    expected = case / "expected.yaml"
    edit(expected, f"  {P2}:\n", "  verlenging-2025-2027:\n")
    before = expected.read_bytes()
    result = check("--update", "a")
    assert result.exit_code == 2
    assert result.stdout.splitlines() == ["ERROR a: a/expected.yaml not written (the errors are on stderr)", "1 error"]
    assert result.stderr.splitlines() == [
        "a/expected.yaml:23:19: no period 'verlenging-2025-2027'; did you mean 'verlenging-2025-2026'? the periods are "
        "lokale-besturen-2023-2025, verlenging-2025-2026"
    ]
    assert expected.read_bytes() == before

    case = copy_case("02", here / "b")
    expected = case / "expected.yaml"
    with expected.open("a", encoding="utf-8") as f:
        f.write('total: {subsidy: "396819.92"}\n')
    before = expected.read_bytes()
    result = check("--update", "b")
    assert result.exit_code == 2
    assert "total.subsidy: lokale-besturen-2023-2025 has one period (no extension)" in result.stderr
    assert expected.read_bytes() == before
