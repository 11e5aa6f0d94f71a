"""`convenant check` with `as_of:` (S16): an interim case settled with --as-of, its fields, its mistakes."""

from __future__ import annotations


def edit(case, old: str, new: str) -> None:
    path = case / "expected.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_interim_case_passes_and_its_fields_are_compared(check, copy_case, here):
    case = copy_case("11", here / "a")
    assert check("a").stdout == "ok   a\n1 passed, 0 failed\n"
    edit(case, "pending: [R1, R4, R5]", "pending: [R1, R4]")
    edit(case, 'best: "391889.69"', 'best: "391889.70"')
    result = check("a")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1:3] == [
        "  a/expected.yaml:25:10: pending: expected R1, R4, got R1, R4, R5",
        "  a/expected.yaml:28:9: subsidy_range.best: expected 391889.70, got 391889.69 (−0.01)",
    ]


def test_without_as_of_the_missing_results_are_errors(check, copy_case, here):
    case = copy_case("11", here / "a")
    edit(case, 'as_of: "2024-09-30"', "")
    result = check("a")
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    # The interim fields need as_of, and the case itself cannot be settled without --as-of.
    assert "a/expected.yaml:23:23: deduction_to_date.shortfall_fte_days is a figure of the interim position (S16); " \
        'add as_of: "YYYY-MM-DD" so that the case is settled with --as-of that date' in errors
    assert any("no result reported for commitment 'R1'" in line for line in errors)


def test_as_of_mistakes_have_positions(check, copy_case, here):
    case = copy_case("11", here / "a")
    edit(case, 'as_of: "2024-09-30"', 'as_of: "2024-09-31"')
    edit(case, "pending: [R1, R4, R5]", "pending: R1")
    result = check("a")
    assert result.exit_code == 2
    assert "a/expected.yaml:2:8: as_of: 2024-09-31 is not a date in the calendar; check the day and month" \
        in result.stderr
    assert "a/expected.yaml:25:10: pending: expected a list of commitment ids, e.g. [R1, R4]; got 'R1'" in result.stderr


def test_as_of_before_the_term(check, copy_case, here):
    case = copy_case("11", here / "a")
    edit(case, 'as_of: "2024-09-30"', 'as_of: "2023-06-30"')
    result = check("a")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "a/expected.yaml:2:8: as_of 2023-06-30 lies before the term starts (2023-07-01); check the date"
    )
