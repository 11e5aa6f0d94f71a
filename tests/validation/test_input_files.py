"""Issue 9, "nothing skipped silently": every file in a case directory is read, or refused with a reason.

Each test writes a small case (conftest: 2024, 2 FTE, R1 and R2 met; the working directory
is tmp_path so files read ``case/<file>``) and asserts the exact message.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ONE = "1 error in 1 file"
PAYMENTS = "payments:\n  - {date: 2024-03-01, amount: 1000.00}\n"
NOT_READABLE = "not a readable file ({}); replace it with the YAML file, or remove it"


def _directory(path: Path) -> None:
    path.mkdir()


def _dangling(path: Path) -> None:
    path.symlink_to("nowhere.yaml")


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


KINDS = {
    "a directory": _directory,
    "a symbolic link to nothing": _dangling,
    "a loop of symbolic links": _loop,
    "a named pipe": _fifo,
}


@pytest.mark.parametrize("name", ["payments.yaml", "absences.yaml", "results.yaml", "convenant.yaml"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_case_file_that_is_not_a_regular_file_is_an_error_not_skipped(case, name, kind):
    # Skipped, a payments.yaml that is a directory dropped every advance from the balance.
    case.write(**{name: None})
    KINDS[kind](case.dir / name)
    lines = case.errors()
    assert f"case/{name}: {NOT_READABLE.format(kind)}" in lines
    assert lines[-1].startswith("1 error in 1 file") or name == "convenant.yaml"


def test_the_balance_is_never_settled_without_the_payments_file(case):
    (case.dir / "payments.yaml").mkdir()
    run = case.run("settle", "case", "--format", "json")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.lines == [f"case/payments.yaml: {NOT_READABLE.format('a directory')}", ONE]


@pytest.mark.parametrize(
    "name, meant",
    [
        ("afwezigheden.yaml", "absences.yaml"),
        ("betalingen.yaml", "payments.yaml"),
        ("voorschotten.yml", "payments.yaml"),
        ("resultaten.json", "results.yaml"),
        ("absenses.yaml", "absences.yaml"),
        ("expected.json", "expected.yaml"),
    ],
)
def test_a_data_file_the_case_does_not_know_is_an_error_with_a_suggestion(case, name, meant):
    assert case.errors(**{name: PAYMENTS}) == [
        f"case/{name}: a file this case does not know, so it would be ignored; did you mean {meant}? rename it, "
        "or move it out of the case directory",
        ONE,
    ]


NEAR_MISSES = [
    "payments.yaml.txt",
    "payments.yaml ",
    " payments.yaml",
    "payments.yaml~",
    "payments.yaml.bak",
    "payments.yaml.orig",
    "payments.yaml.old",
    "payments.yaml.bak~",
    "payments",
    "Payments.yaml",
    "PAYMENTS.YML",
    "payments.yml",
    "payments.yáml",
    "payments.yaml\u200b",
    "pay\u200bments.yaml",
    ".payments.yaml",
    "ｐａｙｍｅｎｔｓ.yaml",  # fullwidth letters: NFKC reads them as ASCII
]


@pytest.mark.parametrize("name", NEAR_MISSES)
def test_a_near_miss_of_a_case_files_name_is_an_error_naming_both(case, name):
    # Issue 18 item 1: read as "absent", payments.yaml.txt settled examples/07 at a balance of
    # 356067.20 instead of 59267.20 (the advances of 296800.00 dropped), exit 0.
    assert case.errors(**{name: PAYMENTS}) == [
        f"case/{name}: {name!r} is not named payments.yaml exactly, so it would not be read; "
        "rename it to payments.yaml, or move it out of the case directory",
        ONE,
    ]


def test_a_near_miss_beside_the_file_itself_is_a_second_copy(case):
    case.write(**{"payments.yaml": PAYMENTS, "payments.yaml~": PAYMENTS.replace("1000.00", "2000.00")})
    assert case.errors() == [
        "case/payments.yaml~: 'payments.yaml~' is a second payments.yaml by its name, and only payments.yaml is read; "
        "move it out of the case directory, or delete it",
        ONE,
    ]


@pytest.mark.parametrize(
    "name, meant", [("absences.yml", "absences.yaml"), ("ABSENCES.YAML", "absences.yaml"), ("expected.yaml.bak", "expected.yaml")]
)
def test_near_misses_of_the_other_case_files(case, name, meant):
    case.write(**{name: "x: 1\n"})
    assert f"case/{name}: {name!r} is not named {meant} exactly" in case.errors()[0]


def test_a_folder_named_like_a_case_file_without_extension_is_allowed(case):
    (case.dir / "payments").mkdir()  # scanned bank statements, say
    (case.dir / "payments" / "statement.pdf").write_bytes(b"%PDF-1.4\n")
    run = case.run()
    assert run.exit_code == 0, run
    assert "  case: not read (not a case file): 'payments'" in run.stdout.splitlines()


def test_example_07_is_never_settled_without_a_file_that_is_there_by_another_name(tmp_path, monkeypatch):
    import json
    import shutil

    from typer.testing import CliRunner

    from convenant_calc.cli.app import app
    from convenant_calc.io.bundled import examples_dir

    monkeypatch.chdir(tmp_path)
    example = examples_dir() / "07-everything-together"
    settled = CliRunner().invoke(app, ["settle", str(example), "-f", "json"])
    assert json.loads(settled.stdout)["balance"] == "59267.20"  # 356067.20 subsidy − 296800.00 paid
    for moved, to in (("payments.yaml", "payments.yaml.txt"), ("absences.yaml", "absences.yaml.txt")):
        e = Path(shutil.copytree(example, tmp_path / f"E-{moved}"))
        (e / moved).rename(e / to)
        run = CliRunner().invoke(app, ["settle", str(e), "-f", "json"])
        # read as absent: balance 356067.20 (no advances), or subsidy 373120.00 (no absences); now refused
        assert (run.exit_code, run.stdout) == (2, ""), run.stdout
        assert f"E-{moved}/{to}: {to!r} is not named {moved} exactly" in run.stderr


def test_validate_lists_the_files_it_does_not_read(case):
    case.write(**{"README.md": "# notes\n", "brief 2024-03.pdf": "%PDF"})
    run = case.run()
    assert run.exit_code == 0, run
    assert run.stdout.splitlines()[-1] == "  case: not read (not a case file): 'README.md', 'brief 2024-03.pdf'"


def test_an_unknown_data_file_with_no_likely_meaning_lists_the_files_a_case_holds(case):
    assert case.errors(**{"notes.json": "{}"}) == [
        "case/notes.json: a file this case does not know, so it would be ignored; a case holds only convenant.yaml, "
        "absences.yaml, results.yaml, payments.yaml, costs.yaml, expected.yaml; rename it, or move it out of the case directory",
        ONE,
    ]


def test_other_files_and_hidden_files_stay_allowed(case):
    case.write(**{"README.md": "# notes\n", "notes.txt": "x", ".hidden.yaml": "x: 1\n", "expected.yaml": "paid: 0\n"})
    run = case.run()
    assert run.exit_code == 0, run


def test_a_link_that_leaves_the_case_directory_is_refused_without_echoing_the_file(case, tmp_path):
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" * 50, encoding="utf-8")
    case.write(**{"results.yaml": None})
    (case.dir / "results.yaml").symlink_to(secret)
    run = case.run()
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.lines == [
        "case/results.yaml: a symbolic link to a file outside the case directory; copy the file into the case directory",
        ONE,
    ]
    assert "root" not in run.stderr


def test_links_inside_the_case_directory_or_into_the_bundled_data_are_read(case):
    from convenant_calc.io.bundled import data_dir

    (case.dir / "results.yaml").rename(case.dir / "results-2024.txt")
    (case.dir / "results.yaml").symlink_to("results-2024.txt")
    run = case.run()
    assert run.exit_code == 0, run
    # the bundled agreement, linked in; results name no convenant and agree with it
    case.write(**{"convenant.yaml": None, "results.yaml": None})
    (case.dir / "convenant.yaml").symlink_to(data_dir() / "lokale-besturen-2023-2025.yaml")
    case.write(
        **{"results.yaml": "results:\n" + "".join(f"  - {{commitment: R{i}, achieved: 1000}}\n" for i in range(1, 6))}
    )
    run = case.run()
    assert run.exit_code == 0, run


def test_no_message_echoes_more_than_80_characters_of_a_value(case):
    long = "x" * 5000
    lines = case.errors(**{"results.yaml": f"{long}\n"})
    assert lines == [
        f"case/results.yaml:1:1: results.yaml is {'x' * 80!r}… (5000 characters), not a mapping of keys; "
        "start the file with 'results:' and indent the list below it",
        ONE,
    ]
    lines = case.errors(**{"results.yaml": f"results:\n  - {{commitment: {long}, achieved: 1}}\n"
                           "  - {commitment: R2, achieved: 4}\n  - {commitment: R1, achieved: 4}\n"})
    assert lines[0] == (
        f"case/results.yaml:2:18: result for unknown commitment {'x' * 80!r}… (5000 characters); "
        "the commitments of test-2024 are R1, R2; correct the id"
    )
    assert all(len(line) < 300 for line in lines)


@pytest.mark.parametrize(
    "text, position",
    [
        ("results: [\n", "1:10"),  # ends inside the list: at the '[', never at line 2
        # "  - {commitment: R1, achieved: 10" is 4 + 12 + 4 + 10 + 3 = 33 characters: at the final 0
        ("results:\n  - {commitment: R1, achieved: 10\n\n\n", "2:33"),
        # '  - {commitment: "R1' is 4 + 12 + 4 = 20 characters: at the 1 of the unclosed quote
        ('results:\n  - {commitment: "R1\n', "2:20"),
    ],
)
def test_a_truncated_file_is_reported_at_its_last_character_not_past_its_end(case, text, position):
    lines = case.errors(**{"results.yaml": text})
    assert lines[0].startswith(f"case/results.yaml:{position}: not valid YAML: ")
    assert lines[0].endswith("(the file ends here); check that every bracket and quote is closed")


def test_no_agreement_named_is_reported_at_the_top_of_results_yaml_naming_the_directory(case, monkeypatch):
    monkeypatch.chdir(case.dir)
    (case.dir / "convenant.yaml").unlink()
    from typer.testing import CliRunner

    from convenant_calc.cli.app import app

    result = CliRunner().invoke(app, ["validate", "."])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "results.yaml:1:1: no convenant.yaml in ., and no file names a bundled convenant with 'convenant: <id>'; "
        "add one of them (bundled: lokale-besturen-2023-2025)"
    )


def test_a_case_directory_that_is_a_loop_of_links_is_one_line_not_a_traceback(case, tmp_path):
    (tmp_path / "loop").symlink_to("loop")
    run = case.run("settle", "loop")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.lines == ["loop: case directory is a loop of symbolic links; give the directory that holds results.yaml", ONE]


def test_a_case_directory_that_cannot_be_listed_is_one_line(case, monkeypatch):
    # As root a chmod 000 directory can still be listed: the refusal of the OS is simulated.
    real = os.scandir

    def refuse(path):
        if Path(path).name == "case":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    run = case.run("settle", "case")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.lines == [
        "case: case directory cannot be read (Permission denied); check its permissions and those of the "
        "directories above it",
        ONE,
    ]


# --- invariants ------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from convenant_calc.io import yamlpos  # noqa: E402

from ..conftest import ROOT  # noqa: E402

SHIPPED = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*/*.yaml"))]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SHIPPED), st.floats(min_value=0, max_value=1))
def test_every_error_of_a_truncated_file_lies_inside_the_file(text, fraction):
    # Cut a shipped file anywhere: whatever error it now has points at a line and column that exist.
    cut = text[: int(len(text) * fraction)]
    try:
        yamlpos.parse(cut, "x.yaml")
    except yamlpos.YamlError as exc:
        lines = cut.split("\n")
        position = exc.problem.position
        assert 1 <= position.line <= max(1, len(lines)), (cut, str(exc.problem))
        assert 1 <= position.col <= len(lines[position.line - 1]) + 1, (cut, str(exc.problem))


def test_a_very_long_number_where_text_is_expected_is_cut_too(case):
    digits = "1" * 500
    lines = case.errors(**{"results.yaml": f"results:\n  - {{commitment: {digits}, achieved: 1}}\n"})
    assert lines[0] == (
        f"case/results.yaml:2:18: expected text, got the number {'1' * 80}… (500 characters); "
        f"put it in quotes: '{'1' * 80}… (500 characters)'"
    )


@pytest.mark.parametrize("example", ["07-everything-together", "17-cost-statement"])
def test_the_loaded_case_is_the_case_validated_from_its_parts(example):
    # issue 23: load_case builds the Case with model_construct (its parts are validated models, and Case adds
    # no rule); validating the same parts gives an equal case, with and without costs
    from convenant_calc.core.models import Case
    from convenant_calc.io.bundled import examples_dir
    from convenant_calc.io.loading import load_case

    case = load_case(examples_dir() / example).case
    validated = Case(**{name: getattr(case, name) for name in Case.model_fields()})
    assert validated == case and list(Case.model_fields()) == ["convenant", "staffing", "results", "payments", "costs"]
    assert (case.costs is None) == (example == "07-everything-together")
