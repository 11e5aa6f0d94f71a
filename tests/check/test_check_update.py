"""`convenant check --update`: figures rewritten in place, comments kept, never a lost file."""

from __future__ import annotations

import os
import re
import shutil

from convenant_calc.io import output


def test_round_trip_restores_the_hand_written_file_byte_for_byte(check, copy_case, here):
    case = copy_case("07", here / "a")
    expected = case / "expected.yaml"
    original = expected.read_text(encoding="utf-8")
    # Three figures drift (a block mapping, a nested count, an FTE-day string).
    drifted = (
        original.replace('subsidy: "356067.20"', 'subsidy: "356067.02"')
        .replace("achieved: 3 ", "achieved: 4 ")
        .replace('"117.6"', '"117"')
    )
    expected.write_text(drifted, encoding="utf-8")
    assert check("a").exit_code == 1

    result = check("--update", "a")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "updated a/expected.yaml (results.achieved, deduction.shortfall_fte_days, subsidy)",
        "1 updated",
    ]
    # Only the three values changed back; every comment, the order and the quoting survive.
    assert expected.read_text(encoding="utf-8") == original
    assert check("a").exit_code == 0
    # A second update has nothing to do.
    assert check("--update", "a").stdout.splitlines() == ["unchanged a", "1 unchanged"]


def test_update_keeps_style_and_adds_missing_fields_where_they_belong(check, copy_case, here):
    case = copy_case("03", here / "a")
    expected = case / "expected.yaml"
    expected.write_text(
        "# reviewed by the auditor\n"
        "subsidy: 1   # plain number, stays plain\n"
        "deduction: {amount: '1.00'}   # flow mapping\n"
        "results:\n"
        "  total: 5\n"
        'tolerance: "0.02"\n',
        encoding="utf-8",
    )
    result = check("--update", "a")
    assert result.exit_code == 0, result.output
    # Example 03 by hand: 37 FTE-days; 37 × 424000 / 2924 = 5365.253… → 5365.25;
    # 296800.00 + 127200.00 − 5365.25 = 418634.75.
    assert expected.read_text(encoding="utf-8") == (
        "# reviewed by the auditor\n"
        "subsidy: 418634.75   # plain number, stays plain\n"
        "deduction: {amount: '5365.25', daily_rate: \"145.006840\", shortfall_fte_days: \"37\"}   # flow mapping\n"
        "results:\n"
        "  total: 5\n"
        "  achieved: 5\n"
        '  payout: "127200.00"\n'
        'tolerance: "0.02"\n'
        'convenant: "lokale-besturen-2023-2025"\n'
        "term:\n"
        '  start: "2023-07-01"\n'
        '  end: "2025-06-30"\n'
        "  days: 731\n"
        'max_subsidy: "424000.00"\n'
        'effort_pool: "296800.00"\n'
        'result_pool: "127200.00"\n'
        'paid: "0.00"\n'
        'balance: "418634.75"\n'
    )
    assert check("a").exit_code == 0


def test_update_writes_a_new_expected_yaml_for_a_case_named_directly(check, copy_case, here):
    case = copy_case("05", here / "new")
    (case / "expected.yaml").unlink()
    result = check("--update", "new")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["created new/expected.yaml (16 fields)", "1 created"]
    text = (case / "expected.yaml").read_text(encoding="utf-8")
    # Example 05 by hand: 148400.00 + 63600.00 × 2/4 − round(59.5 × 212000 / 1462 = 8627.906…) = 171572.09.
    assert 'subsidy: "171572.09"\n' in text
    assert 'shortfall_fte_days: "59.5"\n' in text
    assert "  achieved: 2\n  total: 4\n" in text
    assert check("new").exit_code == 0


def test_update_with_crlf_line_endings_keeps_them(check, copy_case, here):
    case = copy_case("02", here / "a")
    expected = case / "expected.yaml"
    expected.write_bytes(b'subsidy: "1.00"\r\nresults:\r\n  total: 5\r\n')
    assert check("--update", "a").exit_code == 0
    data = expected.read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert data.startswith(b'subsidy: "396819.92"\r\nresults:\r\n  total: 5\r\n  achieved: 4\r\n')


def test_an_unusual_layout_is_written_afresh_and_said_so(check, copy_case, here):
    case = copy_case("02", here / "a")
    expected = case / "expected.yaml"
    expected.write_text("# a note\nsubsidy: >-\n  1.00\ntolerance: 0.05\n", encoding="utf-8")
    result = check("--update", "a")
    assert result.exit_code == 0
    assert "written afresh without its comments" in result.stdout
    text = expected.read_text(encoding="utf-8")
    assert "# a note" not in text
    assert 'tolerance: "0.05"\n' in text and 'subsidy: "396819.92"\n' in text
    assert check("a").exit_code == 0


def test_update_never_touches_a_file_it_cannot_read_or_a_case_it_cannot_settle(check, copy_case, here):
    case = copy_case("02", here / "a")
    expected = case / "expected.yaml"
    expected.write_text('subsidie: "1.00"\n', encoding="utf-8")
    result = check("--update", "a")
    assert result.exit_code == 2
    assert "unknown field 'subsidie'" in result.stderr
    assert expected.read_text(encoding="utf-8") == 'subsidie: "1.00"\n'

    expected.write_text('subsidy: "1.00"\n', encoding="utf-8")
    (case / "results.yaml").write_text("results: []\n", encoding="utf-8")
    result = check("--update", "a")
    assert result.exit_code == 2
    assert expected.read_text(encoding="utf-8") == 'subsidy: "1.00"\n'


def test_a_failed_write_leaves_the_old_file_and_no_temporary(check, copy_case, here, monkeypatch):
    case = copy_case("02", here / "a")
    expected = case / "expected.yaml"
    expected.write_text('subsidy: "1.00"\n', encoding="utf-8")
    os.chmod(expected, 0o640)

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(output.os, "replace", broken_replace)  # the one atomic writer (io/output.py)
        result = check("--update", "a")
    assert result.exit_code == 2
    assert "a/expected.yaml: could not write: No space left on device" in result.stderr
    assert expected.read_text(encoding="utf-8") == 'subsidy: "1.00"\n'
    assert sorted(p.name for p in case.iterdir() if p.name.startswith(".")) == []

    assert check("--update", "a").exit_code == 0
    assert expected.stat().st_mode & 0o777 == 0o640  # the file keeps its permissions


def test_every_example_round_trips_through_update(check, here):
    from convenant_calc.io.bundled import examples_dir

    for source in sorted(p for p in examples_dir().iterdir() if (p / "results.yaml").is_file()):
        if any(key in (source / "expected.yaml").read_text(encoding="utf-8") for key in ("periods:", "lines:")):
            continue  # S14, S19: its figures are nested (tests/check/test_check_periods.py, test_check_lines.py)
        case = here / source.name
        shutil.copytree(source, case)
        expected = case / "expected.yaml"
        original = expected.read_text(encoding="utf-8")
        drifted = "\n".join(  # the last cent of three figures moves: .X0 -> .X1, .X7 -> .X8, .X9 -> .X0
            re.sub(r'(\d)"', lambda m: f'{(int(m[1]) + 1) % 10}"', line, count=1)
            if line.startswith(("subsidy:", "balance:", "  amount:"))
            else line
            for line in original.split("\n")
        )
        expected.write_text(drifted, encoding="utf-8")
        assert check(source.name).exit_code == 1
        result = check("--update", source.name)
        moved = "deduction.amount, subsidy, balance"
        if "\nas_of:" in original:
            moved += ", deduction_to_date.amount"  # S16: the interim position's deduction to date moved too
        assert result.stdout.startswith(f"updated {source.name}/expected.yaml ({moved})")
        assert expected.read_text(encoding="utf-8") == original, source.name
