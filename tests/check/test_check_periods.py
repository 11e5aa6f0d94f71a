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


#: Example 09's expected.yaml as a reviewer wrote it: the hand derivations are comments beside the figures.
HAND_WRITTEN = (
    '# Example 09, derived by hand (see README.md). Figures of the extension are ILLUSTRATIVE\n'
    '# (its real budget is not public). Each period is settled on its own (S14).\n'
    'schema: convenant-settlement/2\n'
    'convenant: lokale-besturen-2023-2025\n'
    'periods:\n'
    '  lokale-besturen-2023-2025:\n'
    '    term: {start: "2023-07-01", end: "2025-06-30", days: 731}\n'
    '    max_subsidy: "424000.00"\n'
    '    effort_pool: "296800.00"            # S2: 0.70 × 424000.00\n'
    '    result_pool: "127200.00"\n'
    '    results:\n'
    '      achieved: 4                       # R2 met against its amended target 3 (bijsturing-2024); R3 missed\n'
    '      total: 5\n'
    '      payout: "101760.00"               # S3: 127200.00 × 4/5\n'
    '    deduction:\n'
    '      daily_rate: "145.006840"          # 424000 / (4 × 731)\n'
    '      shortfall_fte_days: "12"          # An, 2025-06-19 … 2025-06-30\n'
    '      amount: "1740.08"                 # 12 × 424000 / 2924 = 1740.0820… → 1740.08\n'
    '    subsidy: "396819.92"                # 296800.00 + 101760.00 − 1740.08\n'
    '    paid: "296800.00"                   # 169600.00 + 127200.00\n'
    '    balance: "100019.92"                # to pay\n'
    '  verlenging-2025-2026:\n'
    '    term: {start: "2025-07-01", end: "2026-06-30", days: 365}\n'
    '    max_subsidy: "212000.00"            # ILLUSTRATIVE\n'
    '    effort_pool: "148400.00"            # S2: 0.70 × 212000.00\n'
    '    result_pool: "63600.00"\n'
    '    results:\n'
    '      achieved: 2                       # V1, V2 met; V3 30 < 50\n'
    '      total: 3\n'
    '      payout: "42400.00"                # S3: 63600.00 × 2/3 = 42400 exactly\n'
    '    deduction:\n'
    '      daily_rate: "145.205479"          # 212000 / (4 × 365) = 212000 / 1460\n'
    '      shortfall_fte_days: "52"          # An 15 + Bram 29 + Dirk 8\n'
    '      amount: "7550.68"                 # 52 × 212000 / 1460 = 7550.6849… → 7550.68\n'
    '    subsidy: "183249.32"                # 148400.00 + 42400.00 − 7550.68\n'
    '    paid: "84800.00"\n'
    '    balance: "98449.32"                 # to pay\n'
    'total:\n'
    '  max_subsidy: "636000.00"              # 424000.00 + 212000.00\n'
    '  subsidy: "580069.24"                  # 396819.92 + 183249.32\n'
    '  paid: "381600.00"                     # 296800.00 + 84800.00\n'
    '  balance: "198469.24"                  # 100019.92 + 98449.32\n'
)


def _case_with(copy_case, here, text: str):
    case = copy_case("09", here / "a")
    (case / "expected.yaml").write_text(text, encoding="utf-8")
    return case / "expected.yaml"


def test_update_edits_a_figure_of_one_period_in_place(check, copy_case, here):
    right = '      amount: "7550.68"                 # 52 × 212000 / 1460 = 7550.6849… → 7550.68\n'
    wrong = '      amount: "7550.69"                 # 52 × 212000 / 1460 = 7550.6849… → 7550.68\n'
    assert HAND_WRITTEN.count(right) == 1
    expected = _case_with(copy_case, here, HAND_WRITTEN.replace(right, wrong))
    assert check("a").exit_code == 1

    result = check("--update", "a")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"updated a/expected.yaml (periods.{P2}.deduction.amount)",
        "1 updated",
    ]
    # Only that figure's line changed: the comments beside it and everywhere else, the order, the
    # flow mapping of ``term`` and the quoting are the reviewer's.
    assert expected.read_text(encoding="utf-8") == HAND_WRITTEN
    assert check("a").stdout.splitlines() == ["ok   a", "1 passed, 0 failed"]


def test_update_edits_a_total_in_place(check, copy_case, here):
    right = '  balance: "198469.24"                  # 100019.92 + 98449.32\n'
    wrong = "  balance: 198469.42                    # 100019.92 + 98449.32\n"  # a plain number stays plain
    expected = _case_with(copy_case, here, HAND_WRITTEN.replace(right, wrong))
    result = check("--update", "a")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["updated a/expected.yaml (total.balance)", "1 updated"]
    assert expected.read_text(encoding="utf-8") == HAND_WRITTEN.replace(
        right, "  balance: 198469.24                    # 100019.92 + 98449.32\n"
    )
    assert check("a").exit_code == 0


def test_update_with_nothing_to_do_leaves_the_file_byte_for_byte(check, copy_case, here):
    expected = _case_with(copy_case, here, HAND_WRITTEN)
    before = expected.read_bytes()
    result = check("--update", "a")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["unchanged a", "1 unchanged"]
    assert expected.read_bytes() == before


def test_update_adds_missing_figures_of_a_period_and_a_missing_period_in_place(check, copy_case, here):
    # The reviewer pinned only some figures: the rest is added inside its mapping (after its last
    # field, at its indentation; in a flow mapping before its closing brace), the comments stay.
    expected = _case_with(
        copy_case,
        here,
        "# pinned by hand\n"
        "convenant: lokale-besturen-2023-2025\n"
        "periods:\n"
        "  lokale-besturen-2023-2025:\n"
        '    subsidy: "396819.92"   # 296800.00 + 101760.00 − 1740.08\n'
        "    deduction:\n"
        '      amount: "1740.08"   # 12 × 424000 / 2924\n'
        'total: {subsidy: "580069.24"}   # both periods\n',
    )
    result = check("--update", "a")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["updated a/expected.yaml (31 fields)", "1 updated"]
    assert expected.read_text(encoding="utf-8") == (
        "# pinned by hand\n"
        "convenant: lokale-besturen-2023-2025\n"
        "periods:\n"
        "  lokale-besturen-2023-2025:\n"
        '    subsidy: "396819.92"   # 296800.00 + 101760.00 − 1740.08\n'
        "    deduction:\n"
        '      amount: "1740.08"   # 12 × 424000 / 2924\n'
        '      daily_rate: "145.006840"\n'
        '      shortfall_fte_days: "12"\n'
        "    term:\n"
        '      start: "2023-07-01"\n'
        '      end: "2025-06-30"\n'
        "      days: 731\n"
        '    max_subsidy: "424000.00"\n'
        '    effort_pool: "296800.00"\n'
        '    result_pool: "127200.00"\n'
        "    results:\n"
        "      achieved: 4\n"
        "      total: 5\n"
        '      payout: "101760.00"\n'
        '    paid: "296800.00"\n'
        '    balance: "100019.92"\n'
        f"  {P2}:\n"
        "    term:\n"
        '      start: "2025-07-01"\n'
        '      end: "2026-06-30"\n'
        "      days: 365\n"
        '    max_subsidy: "212000.00"\n'
        '    effort_pool: "148400.00"\n'
        '    result_pool: "63600.00"\n'
        "    results:\n"
        "      achieved: 2\n"
        "      total: 3\n"
        '      payout: "42400.00"\n'
        "    deduction:\n"
        '      daily_rate: "145.205479"\n'
        '      shortfall_fte_days: "52"\n'
        '      amount: "7550.68"\n'
        '    subsidy: "183249.32"\n'
        '    paid: "84800.00"\n'
        '    balance: "98449.32"\n'
        'total: {subsidy: "580069.24", max_subsidy: "636000.00", paid: "381600.00", balance: "198469.24"}   # both periods\n'
    )
    assert check("a").exit_code == 0
    assert check("--update", "a").stdout.splitlines() == ["unchanged a", "1 unchanged"]


def test_a_layout_it_cannot_edit_in_a_period_is_written_afresh_and_said_so(check, copy_case, here):
    right = '    subsidy: "183249.32"                # 148400.00 + 42400.00 − 7550.68\n'
    expected = _case_with(copy_case, here, HAND_WRITTEN.replace(right, "    subsidy: >-\n      183249.00\n"))
    result = check("--update", "a")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"updated a/expected.yaml (periods.{P2}.subsidy); its layout could not be edited in place, "
        "so it was written afresh without its comments",
        "1 updated",
    ]
    text = expected.read_text(encoding="utf-8")
    assert "# Example 09" not in text and f"  {P2}:\n" in text and '    subsidy: "183249.32"\n' in text
    assert check("a").exit_code == 0
