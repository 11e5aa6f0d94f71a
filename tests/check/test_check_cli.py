"""`convenant check`: passing, failing, unreadable and mixed casebooks, exit codes, -k, tolerance.

The figures asserted here are those of the hand-derived casebook in examples/ (each
example's README.md and expected.yaml carry the derivation); e.g. example 02 is SPEC §5 (a):
296800.00 + 127200.00 × 4/5 − round(12 × 424000 / 2924 = 1740.082…) = 396819.92.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from convenant_calc.io.bundled import examples_dir

EXAMPLES = examples_dir()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, start: str) -> int:
    """The line number of the line that starts (after indentation) with ``start``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.lstrip().startswith(start))


# --- passing ------------------------------------------------------------------------------


def test_the_casebook_passes(check):
    result = check(str(EXAMPLES))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # the casebook grows (12-readings-dispute, S17); examples/generation adds its 14 made-up agreements,
    # examples/diff the second versions that docs/diff.md compares (S22)
    n = len(list(EXAMPLES.glob("*/expected.yaml"))) + len(list(EXAMPLES.glob("diff/*/expected.yaml")))
    assert n >= 8
    generation = len(list(EXAMPLES.glob("generation/*/expected.yaml")))
    assert generation == 14
    assert [line.split()[0] for line in lines[:-1]] == ["ok"] * (n + generation)
    assert sum(1 for line in lines if line.startswith("ok   ") and "/generation/" in line) == generation
    assert lines[-1] == f"{n + generation} passed, 0 failed"


def test_a_single_case_directory(check, copy_case, here):
    copy_case("02", here / "a")
    result = check("a")
    assert result.exit_code == 0
    assert result.stdout == "ok   a\n1 passed, 0 failed\n"


def test_plain_yaml_numbers_compare_as_exact_decimals(check, copy_case, here):
    case = copy_case("02", here / "a")
    # The same figures written as plain YAML numbers instead of the contract's strings.
    (case / "expected.yaml").write_text(
        "subsidy: 396819.92\nresults: {achieved: 4, total: 5}\ndeduction: {shortfall_fte_days: 12, amount: 1740.08}\n"
        "balance: 396819.920\n",
        encoding="utf-8",
    )
    result = check("a")
    assert result.exit_code == 0, result.output


# --- failing ------------------------------------------------------------------------------


def test_a_changed_figure_fails_naming_field_values_difference_and_line(check, copy_case, here):
    case = copy_case("02", here / "a")
    expected = case / "expected.yaml"
    edit(expected, 'subsidy: "396819.92"', 'subsidy: "396818.92"')
    line = line_of(expected, "subsidy:")
    result = check("a")
    assert result.exit_code == 1
    # Actual 396819.92 − expected 396818.92 = +1.00; the value starts in column 10.
    assert result.stdout == (
        "FAIL a\n"
        f"  a/expected.yaml:{line}:10: subsidy: expected 396818.92, got 396819.92 (+1.00)\n"
        "0 passed, 1 failed\n"
    )


def test_every_differing_field_is_listed_with_counts_and_fte_days(check, copy_case, here):
    case = copy_case("07", here / "a")
    expected = case / "expected.yaml"
    edit(expected, "achieved: 3 ", "achieved: 4 ")
    edit(expected, '"117.6"', '"117"')
    result = check("a")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    a = line_of(expected, "achieved:")
    s = line_of(expected, "shortfall_fte_days:")
    assert lines[1] == f"  a/expected.yaml:{a}:13: results.achieved: expected 4, got 3 (\u22121)"
    assert lines[2] == f"  a/expected.yaml:{s}:23: deduction.shortfall_fte_days: expected 117, got 117.6 (+0.6)"


def test_each_example_fails_when_one_of_its_figures_changes(check, here):
    # Done-when of the issue: changing one figure in any expected.yaml makes check exit 1.
    for source in sorted(p for p in EXAMPLES.iterdir() if (p / "results.yaml").is_file()):
        case = Path(shutil.copytree(source, here / source.name))
        expected = case / "expected.yaml"
        text = expected.read_text(encoding="utf-8")
        old = next(line for line in text.splitlines() if line.lstrip().startswith("balance:"))  # S14: or a period's
        value = old.split('"')[1]
        cents = int(value.replace(".", "")) + 1
        changed = f"{cents // 100}.{cents % 100:02d}" if cents >= 0 else f"-{-cents // 100}.{-cents % 100:02d}"
        edit(expected, old, old.replace(value, changed))
        result = check(source.name)
        assert result.exit_code == 1, source.name
        assert f"balance: expected {changed}, got {value} (\u22120.01)" in result.stdout


# --- unreadable and mixed -----------------------------------------------------------------


def test_an_unreadable_case_exits_2_with_its_errors(check, copy_case, here):
    case = copy_case("02", here / "a")
    edit(case / "results.yaml", "achieved: 97", "acheived: 97")
    result = check("a")
    assert result.exit_code == 2
    assert "a/results.yaml:4:22: unknown key 'acheived'; did you mean 'achieved'?" in result.stderr
    assert result.stdout.splitlines()[0].startswith("ERROR a: cannot be settled")
    assert result.stdout.splitlines()[-1] == "0 passed, 0 failed, 1 could not be read"


def test_an_unknown_field_in_expected_yaml_is_an_error_at_its_place(check, copy_case, here):
    case = copy_case("02", here / "a")
    edit(case / "expected.yaml", "\nsubsidy:", "\nsubsidie:")
    edit(case / "expected.yaml", "  amount:", "  amuont:")
    line = line_of(case / "expected.yaml", "subsidie")
    result = check("a")
    assert result.exit_code == 2
    assert f"a/expected.yaml:{line}:1: unknown field 'subsidie'; did you mean 'subsidy'?" in result.stderr
    nested = line_of(case / "expected.yaml", "amuont")
    assert f"a/expected.yaml:{nested}:3: unknown field 'amuont'; did you mean 'amount'?" in result.stderr


@pytest.mark.parametrize(
    "text, message",
    [
        ('subsidy: "396.819,92"\n', "written the Dutch way; write it with a decimal point, e.g. \"396819.92\""),
        ('subsidy: "396819.925"\n', "at most two decimals"),
        ("subsidy:\n", "no value given"),
        ("results: 4\n", "write it as a mapping"),
        ("results: {achieved: 4.5}\n", "expected a whole number"),
        ('tolerance: "-0.01"\nsubsidy: "396819.92"\n', "tolerance: must be 0 or more"),
        ("", "expected.yaml is empty"),
        ("- subsidy\n", "expected.yaml is a list"),
        ('tolerance: "0.01"\n', "compares no figure"),
        ("term: {}\n", "compares no figure"),
        # issue 18 item 10: the id alone, or the id and the term's dates, compare no figure (passed, nothing checked)
        ("convenant: lokale-besturen-2023-2025\n", "compares no figure"),
        ('schema: convenant-settlement/1\nconvenant: lokale-besturen-2023-2025\nterm: {start: "2023-07-01"}\n',
         "compares no figure"),
    ],
)
def test_bad_expected_values_are_input_errors(check, copy_case, here, text, message):
    case = copy_case("02", here / "a")
    (case / "expected.yaml").write_text(text, encoding="utf-8")
    result = check("a")
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.startswith("a/expected.yaml:1:")


def test_an_expected_yaml_of_the_id_alone_is_refused_with_what_to_do(check, copy_case, here):
    case = copy_case("02", here / "a")
    (case / "expected.yaml").write_text("convenant: lokale-besturen-2023-2025\n", encoding="utf-8")
    result = check("a")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "a/expected.yaml:1:1: expected.yaml compares no figure (only convenant), so the case would pass with "
        'nothing checked; add the figures you expect, e.g. subsidy: "…" (convenant check --update writes the '
        "current ones)"
    )
    # --update fills it in: afterwards it compares every figure and holds
    assert check("--update", "a").exit_code == 0
    assert 'subsidy: "396819.92"' in (case / "expected.yaml").read_text(encoding="utf-8")
    assert check("a").exit_code == 0


def test_mixed_directory_fail_beats_ok_and_unreadable_beats_both(check, copy_case, here):
    copy_case("01", here / "book" / "ok")
    bad = copy_case("03", here / "book" / "fail")
    edit(bad / "expected.yaml", '"5365.25"', '"5365.52"')
    result = check("book")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "1 passed, 1 failed"

    broken = copy_case("06", here / "book" / "unreadable")
    (broken / "payments.yaml").write_text("payments: [\n", encoding="utf-8")
    result = check("book")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    # Cases in directory order, each settled whatever happened to the others.
    assert [line.split()[:2] for line in lines if not line.startswith(" ")][:3] == [
        ["FAIL", "book/fail"],
        ["ok", "book/ok"],
        ["ERROR", "book/unreadable:"],
    ]
    # 5365.25 − 5365.52 = −0.27
    assert "deduction.amount: expected 5365.52, got 5365.25 (\u22120.27)" in result.stdout
    assert lines[-1] == "1 passed, 1 failed, 1 could not be read"
    # "payments: [" ends inside the list: reported at its last character, never past the end (issue 9)
    assert "book/unreadable/payments.yaml:1:11: not valid YAML" in result.stderr


def test_paths_that_hold_no_case_are_usage_errors(check, copy_case, here):
    (here / "empty").mkdir()
    copy_case("01", here / "bare")
    (here / "bare" / "expected.yaml").unlink()
    result = check("missing", "empty", "bare")
    assert result.exit_code == 2
    assert "missing: does not exist" in result.stderr
    assert "empty: no case directory with an expected.yaml" in result.stderr
    assert "bare: this case has no expected.yaml" in result.stderr
    assert "convenant check --update bare" in result.stderr


def test_a_link_loop_and_a_dangling_link_are_named_as_such(check, here):
    # issue 9: a case directory that is a symlink loop gets one line saying so, exit 2, no traceback.
    (here / "loop").symlink_to("loop")
    (here / "dangling").symlink_to("nowhere")
    result = check("loop", "dangling")
    assert result.exit_code == 2
    assert "loop: is a loop of symbolic links; give a case directory or a directory of cases" in result.stderr
    assert ": is a symbolic link to nothing (dangling); give a case directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_case_named_twice_is_checked_once(check, copy_case, here):
    copy_case("01", here / "a")
    result = check("a/expected.yaml", "a", "./a")
    assert result.exit_code == 0
    assert result.stdout == "ok   a\n1 passed, 0 failed\n"


# --- selection, tolerance, JSON -----------------------------------------------------------


def test_k_selects_cases_by_name(check):
    result = check(str(EXAMPLES), "-k", "RELAPSE-WITHIN")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"ok   {_name('03-relapse-within-14-days')}", "1 passed, 0 failed"]
    result = check(str(EXAMPLES), "-k", "no-such-case")
    assert result.exit_code == 2
    n = len(list(EXAMPLES.rglob("expected.yaml")))
    assert f"no case name contains 'no-such-case' (of {n} found)" in result.stderr


def _name(case: str) -> str:
    from convenant_calc.io.problems import display_path

    return display_path(EXAMPLES / case)


def test_tolerance_absorbs_money_differences_up_to_it(check, copy_case, here):
    case = copy_case("02", here / "a")
    expected = case / "expected.yaml"
    # A spreadsheet that rounded the deduction down: 1740.07 and so 396819.93, 1 cent off each.
    expected.write_text(
        'tolerance: "0.01"\nsubsidy: "396819.93"\ndeduction: {amount: "1740.07", shortfall_fte_days: "12"}\n',
        encoding="utf-8",
    )
    result = check("a")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "ok   a",
        "  a/expected.yaml:2:10: subsidy: expected 396819.93, got 396819.92 (\u22120.01), within the tolerance",
        "  a/expected.yaml:3:21: deduction.amount: expected 1740.07, got 1740.08 (+0.01), within the tolerance",
        "1 passed, 0 failed",
    ]
    edit(expected, '"396819.93"', '"396819.94"')  # 2 cents: beyond the tolerance
    result = check("a")
    assert result.exit_code == 1
    assert "subsidy: expected 396819.94, got 396819.92 (\u22120.02)\n" in result.stdout


def test_tolerance_never_applies_to_fte_days_or_counts(check, copy_case, here):
    case = copy_case("04", here / "a")
    (case / "expected.yaml").write_text(
        'tolerance: "100"\ndeduction: {shortfall_fte_days: "108.5"}\nresults: {achieved: 5}\n', encoding="utf-8"
    )
    result = check("a")
    assert result.exit_code == 1
    assert "deduction.shortfall_fte_days: expected 108.5, got 108.6 (+0.1)" in result.stdout
    assert "results.achieved: expected 5, got 4 (\u22121)" in result.stdout


def test_json_format(check, copy_case, here):
    copy_case("05", here / "book" / "ok")
    bad = copy_case("06", here / "book" / "fail")
    edit(bad / "expected.yaml", 'balance: "-46750.21"', 'balance: "-46750.12"')
    result = check("book", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["schema"] == "convenant-check/1"
    assert report["summary"] == {"passed": 1, "failed": 1, "errors": 0}
    assert report["exit_code"] == 1
    fail, ok = report["cases"]
    assert ok["status"] == "ok" and ok["fields_checked"] == 16 and ok["differences"] == []
    assert fail["status"] == "fail"
    # −46750.21 − (−46750.12) = −0.09
    assert fail["differences"] == [
        {
            "field": "balance",
            "expected": "-46750.12",
            "actual": "-46750.21",
            "difference": "-0.09",
            "within_tolerance": False,
            "file": "book/fail/expected.yaml",
            "line": line_of(bad / "expected.yaml", "balance:"),
            "col": 10,
        }
    ]


def test_a_case_whose_expected_yaml_is_there_by_another_name_is_an_error_not_passed_over(check, copy_case, here):
    # Issue 18 item 1: `check book` looked only for expected.yaml, so book/b was never checked (exit 0)
    copy_case("01", here / "book" / "a")
    b = copy_case("02", here / "book" / "b")
    (b / "expected.yaml").rename(b / "expected.yml")
    result = check("book")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-1] == "1 passed, 0 failed, 1 could not be read"
    assert result.stderr.splitlines() == [
        "book/b/expected.yml: 'expected.yml' is not named expected.yaml exactly, so it would not be read; "
        "rename it to expected.yaml, or move it out of the case directory"
    ]
