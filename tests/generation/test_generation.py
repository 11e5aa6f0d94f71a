"""`convenant generation` (SPEC §12, S18): rows, totals, a broken case, formats, expected totals, progress."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from rich.console import Console
from typer.testing import CliRunner

from convenant_calc.cli.app import app
from convenant_calc.cli.fastpath import answer, generation_args
from convenant_calc.cli.generation import LateProgress, find_cases, run_generation
from convenant_calc.io.bundled import bundled_path, examples_dir

EXAMPLES = examples_dir()
SAMPLE = EXAMPLES / "generation"
EXPECTED_TOTALS = SAMPLE / "expected-totals.yaml"


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(app, ["generation", *args])


BUNDLED = "lokale-besturen-2023-2025"


def own_agreement(case: Path, new_id: str) -> Path:
    """The case on an agreement of its own: the bundled agreement's text under another id, the case's
    files naming it. A generation counts each agreement once (issue 18): examples 01, 02 and 03 all
    settle the bundled agreement, so as cases of one generation each needs its own id (figures unchanged)."""
    text = bundled_path(BUNDLED).read_text(encoding="utf-8")
    (case / "convenant.yaml").write_text(text.replace(f"id: {BUNDLED}", f"id: {new_id}", 1), encoding="utf-8")
    for path in case.glob("*.yaml"):
        if path.name != "convenant.yaml":
            named = path.read_text(encoding="utf-8").replace(f"convenant: {BUNDLED}", f"convenant: {new_id}")
            path.write_text(named, encoding="utf-8")
    return case


def two_examples(root: Path) -> Path:
    """A generation of examples 01 and 02 (SPEC §5 a), whose figures the casebook derives by hand;
    01 on an agreement of its own id (the bundled agreement's text), 02 on the bundled agreement."""
    gen = root / "gen"
    for name in ("01-no-absences", "02-long-sickness-partly-replaced"):
        shutil.copytree(EXAMPLES / name, gen / name)
    own_agreement(gen / "01-no-absences", "lokale-besturen-2023-2025-01")
    return gen


def test_totals_are_sums_of_the_rounded_rows(here):
    # 01: max 424000.00, effort 296800.00, payout 127200.00 (5/5), deduction 0.00, subsidy 424000.00,
    #     paid 296800.00, balance 127200.00, 0 FTE-days.
    # 02 (SPEC §5 a): payout 101760.00 (4/5), 12 FTE-days, deduction 1740.08, subsidy 396819.92, paid 0.00.
    # Totals: max 848000.00, effort 593600.00, payout 228960.00, deduction 1740.08,
    #         subsidy 820819.92, paid 296800.00, balance 524019.92, 12 FTE-days, 9/10.
    result = run(str(two_examples(here)), "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["schema"] == "convenant-generation/1"
    assert [a["case"] for a in out["agreements"]] == ["01-no-absences", "02-long-sickness-partly-replaced"]
    assert out["agreements"][1]["subsidy"] == "396819.92"
    assert out["failed"] == []
    assert out["total"] == {
        "agreements": 2,
        "failed": 0,
        "max_subsidy": "848000.00",
        "effort_pool": "593600.00",
        "payout": "228960.00",
        "deduction": "1740.08",
        "subsidy": "820819.92",
        "paid": "296800.00",
        "balance": "524019.92",
        "shortfall_fte_days": "12",
        "results": {"achieved": 9, "total": 10},
        "costs": 0,  # S20: neither has a cost statement
    }
    assert [a["costs"] for a in out["agreements"]] == [False, False]


def test_the_sample_generation_holds_its_expected_totals():
    result = run(str(SAMPLE), "--expect", str(EXPECTED_TOTALS), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "all 12 expected totals hold" in result.stderr
    out = json.loads(result.stdout)
    assert out["total"]["agreements"] == 14 and len(out["agreements"]) == 14
    # every row is the case's own settlement, as its expected.yaml (checked by `convenant check`) holds it
    subsidies = [Decimal(a["subsidy"]) for a in out["agreements"]]
    assert sum(subsidies) == Decimal(out["total"]["subsidy"])


def test_an_expected_total_that_is_off_by_a_cent_fails_with_exit_1(here):
    text = EXPECTED_TOTALS.read_text(encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if s.startswith("subsidy:"))
    value = text.splitlines()[line - 1].split('"')[1]
    wrong = f"{Decimal(value) + Decimal('0.01'):.2f}"
    changed = here / "totals.yaml"
    changed.write_text(text.replace(f'subsidy: "{value}"', f'subsidy: "{wrong}"'), encoding="utf-8")
    result = run(str(SAMPLE), "--expect", str(changed), "--format", "json")
    assert result.exit_code == 1
    assert f"totals.yaml:{line}:10: total subsidy: expected {wrong}, got {value}" in result.stderr
    assert "1 of 12 expected totals differ" in result.stderr


def test_an_unknown_field_in_the_expected_totals_is_bad_input(here):
    (here / "totals.yaml").write_text('subsidie: "1.00"\n', encoding="utf-8")
    result = run(str(two_examples(here)), "--expect", "totals.yaml")
    assert result.exit_code == 2
    assert "totals.yaml:1:1: unknown field 'subsidie'; did you mean 'subsidy'?" in result.stderr


def test_a_broken_agreement_shows_its_errors_and_the_others_still_settle(here):
    gen = here / "gen"
    shutil.copytree(SAMPLE, gen)
    absences = gen / "03-horeca" / "absences.yaml"
    text = absences.read_text(encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "kind: " in s)
    absences.write_text(text.replace("kind: ", "kind: sick-", 1), encoding="utf-8")
    result = run("gen", "--format", "json")
    assert result.exit_code == 2
    assert f"gen/03-horeca/absences.yaml:{line}:11: unknown value" in result.stderr
    assert "gen/03-horeca: not settled: 1 error in 1 file" in result.stderr
    assert "Traceback" not in result.output
    out = json.loads(result.stdout)
    assert len(out["agreements"]) == 13 and out["total"]["agreements"] == 13 and out["total"]["failed"] == 1
    assert out["failed"][0]["case"] == "03-horeca"
    assert out["failed"][0]["errors"][0].startswith(f"gen/03-horeca/absences.yaml:{line}:11: unknown value")

    table = run("gen")
    assert table.exit_code == 2
    assert "not settled" in table.stdout and "1 error" in table.stdout
    assert "13 agreements settled, 1 failed" in table.stdout


def test_a_case_without_results_is_not_left_out(here):
    gen = two_examples(here)
    (gen / "03-forgot").mkdir()
    (gen / "03-forgot" / "payments.yaml").write_text("payments: []\n", encoding="utf-8")
    (gen / "notes").mkdir()  # no case file: not a case
    result = run("gen", "-f", "json")
    assert result.exit_code == 2
    assert "gen/03-forgot: no results.yaml in this case directory" in result.stderr
    assert [f["case"] for f in json.loads(result.stdout)["failed"]] == ["03-forgot"]


def test_one_level_unless_recursive(here):
    gen = here / "gen"
    own_agreement(Path(shutil.copytree(EXAMPLES / "01-no-absences", gen / "a" / "01")), "a-01")
    shutil.copytree(EXAMPLES / "02-long-sickness-partly-replaced", gen / "b")
    assert [name for _, name in find_cases(gen, recursive=False)] == ["b"]
    assert [name for _, name in find_cases(gen, recursive=True)] == ["a/01", "b"]
    result = run("gen", "-r", "-f", "csv")
    assert result.exit_code == 0
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["case", "a/01", "b", ""]


def test_no_case_is_a_usage_error(here):
    (here / "empty").mkdir()
    result = run("empty")
    assert result.exit_code == 2
    assert "empty: no case directory (one holding results.yaml) directly under this directory (use -r" in result.stderr
    assert run("missing").exit_code == 2


def test_csv_in_both_dialects(here):
    gen = two_examples(here)
    def csv(dialect: str) -> str:
        out = io.StringIO()
        assert run_generation(gen, fmt="csv", dialect=dialect, out=out, err=io.StringIO()) == 0
        return out.getvalue()

    rfc = csv("rfc4180")
    lines = rfc.split("\r\n")
    assert lines[0] == (
        "case,convenant,title,status,max_subsidy,effort_pool,payout,deduction,subsidy,paid,balance,"
        "shortfall_fte_days,results_achieved,results_total,errors,periods,costs"  # S20: costs, last
    )
    assert lines[3] == ",,\"2 agreements, 0 failed\",total,848000.00,593600.00,228960.00,1740.08,820819.92,296800.00," \
        "524019.92,12,9,10,0,2,0"
    nl = csv("excel-nl")
    assert run(str(gen), "-f", "csv", "--dialect", "excel-nl").stdout.startswith("\ufeffcase;")
    assert nl.startswith("\ufeffcase;convenant;")
    assert "total;848000,00;593600,00;228960,00;1740,08;820819,92;296800,00;524019,92;12;9;10;0;2;0\r\n" in nl


def test_table_shows_every_figure_and_the_totals(here):
    result = run(str(two_examples(here)))
    assert result.exit_code == 0
    total = next(line for line in result.stdout.splitlines() if line.strip().startswith("total"))
    assert total.split() == ["total", "848,000.00", "593,600.00", "228,960.00", "1,740.08", "820,819.92",
                             "296,800.00", "524,019.92", "12", "9/10", "0/2"]  # S20: no cost statement


def test_html_overview_links_each_report(here):
    gen = two_examples(here)
    (here / "out").mkdir()
    result = run(str(gen), "-f", "html", "-o", "out/overview.html", "--reports", "out/reports")
    assert result.exit_code == 0, result.output
    page = (here / "out" / "overview.html").read_text(encoding="utf-8")
    assert '<a href="reports/02-long-sickness-partly-replaced.html">lokale-besturen-2023-2025</a>' in page
    assert "820,819.92" in page
    report = (here / "out" / "reports" / "02-long-sickness-partly-replaced.html").read_text(encoding="utf-8")
    assert "396,819.92" in report and report.startswith("<!DOCTYPE html>")


def test_xlsx_has_live_sums_and_the_same_bytes_every_time(here):
    import formulas

    gen = two_examples(here)
    assert run(str(gen), "-f", "xlsx", "-o", "a.xlsx").exit_code == 0
    assert run(str(gen), "-f", "xlsx", "-o", "b.xlsx").exit_code == 0
    assert (here / "a.xlsx").read_bytes() == (here / "b.xlsx").read_bytes()
    with zipfile.ZipFile(here / "a.xlsx") as z:
        names = z.namelist()
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        core = z.read("docProps/core.xml").decode()
        book = z.read("xl/workbook.xml").decode()
    assert "<f>SUM(H2:H3)</f><v>820819.92</v>" in sheet  # subsidy: a live SUM, cached as the exact total
    assert "2000-01-01T00:00:00Z" in core
    assert 'name="Overview"' in book and 'name="02-long-sickness-partly-replace"' in book  # 31 characters
    assert len([n for n in names if n.startswith("xl/worksheets/sheet")]) == 3
    # Recalculated by a formula engine, the SUMs are the totals the tool printed.
    model = formulas.ExcelModel().loads(str(here / "a.xlsx")).finish()
    solution = model.calculate()
    cells = {k.upper(): v for k, v in solution.items()}
    subsidy = next(v for k, v in cells.items() if k.endswith("OVERVIEW'!H4"))
    assert round(float(subsidy.value[0, 0]) * 100) == 82081992


def test_xlsx_needs_an_output_file(here):
    result = run(str(two_examples(here)), "-f", "xlsx")
    assert result.exit_code == 2
    assert "give --output FILE.xlsx" in result.stderr


@pytest.mark.parametrize(
    "argv, parsed",
    [
        (["generation", "gen"], ("gen", False, None)),
        (["generation", "-r", "gen", "-f", "csv"], ("gen", True, "csv")),
        (["generation", "--format=json", "--recursive", "gen"], ("gen", True, "json")),
        (["generation"], None),  # typer says DIRECTORY is missing
        (["generation", "gen", "-f", "xlsx", "-o", "a.xlsx"], None),
        (["generation", "gen", "--expect", "t.yaml"], None),
        (["generation", "gen", "--dialect", "excel-nl", "-f", "csv"], None),
        (["generation", "gen", "-r", "-r"], None),
        (["generation", "a", "b"], None),
        (["generation", "gen", "--help"], None),
    ],
)
def test_plain_generation_forms_take_the_fast_path(argv, parsed):
    found = generation_args(argv)
    assert (None if found is None else (str(found[0]), found[1], found[2])) == parsed


def _process(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "convenant_calc", *args], capture_output=True, text=True, cwd=cwd)


def test_the_fast_path_prints_what_the_typer_command_prints(here):
    gen = two_examples(here)
    shutil.copytree(EXAMPLES / "03-relapse-within-14-days", gen / "03-broken")
    (gen / "03-broken" / "results.yaml").write_text("results: [\n", encoding="utf-8")
    for fmt in ("json", "csv", "table"):
        fast = _process("generation", "gen", "-f", fmt, cwd=here)
        with_typer = _process("generation", "gen", "-f", fmt, "--dialect", "rfc4180", cwd=here)  # --dialect: typer
        assert fast.returncode == with_typer.returncode == 2
        assert fast.stdout == with_typer.stdout
        assert fast.stderr == with_typer.stderr
        assert "gen/03-broken/results.yaml:1:10: not valid YAML" in fast.stderr
    assert answer(["generation", "gen", "-f", "xlsx"]) is None  # typer parses the rest


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("terminal", [True, False])
def test_progress_bar_only_on_a_terminal_and_only_after_a_second(terminal):
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=terminal, width=100)
    clock = Clock()
    bar = LateProgress(10, console, io.StringIO(), after=1.0, clock=clock)
    clock.now = 0.5
    bar.advance("a")
    assert not bar.shown  # half a second in: nothing yet
    clock.now = 1.2
    bar.advance("b")
    assert bar.shown is terminal
    bar.advance("c")
    bar.close()
    text = buffer.getvalue()
    if terminal:
        assert "settling" in text and "3/10" in text
    else:
        assert text == ""


def test_a_quick_run_shows_no_bar_even_on_a_terminal(here):
    buffer = io.StringIO()
    out = io.StringIO()
    code = run_generation(two_examples(here), fmt="json", out=out, err=io.StringIO(),
                          console=Console(file=buffer, force_terminal=True))
    assert code == 0 and buffer.getvalue() == ""
    assert json.loads(out.getvalue())["total"]["subsidy"] == "820819.92"


def test_a_slow_run_shows_the_bar_on_a_terminal_and_none_when_piped(here, monkeypatch):
    import convenant_calc.cli.generation as command

    gen = here / "gen"
    for i in range(3):
        own_agreement(Path(shutil.copytree(EXAMPLES / "02-long-sickness-partly-replaced", gen / f"case-{i}")), f"c{i}")
    monkeypatch.setattr(command, "PROGRESS_AFTER_S", 0.0)  # as if every case took more than a second
    for terminal in (True, False):
        buffer = io.StringIO()
        code = run_generation(gen, fmt="json", out=io.StringIO(), err=io.StringIO(),
                              console=Console(file=buffer, force_terminal=terminal, width=100))
        assert code == 0
        assert ("settling" in buffer.getvalue()) is terminal


def test_html_lists_a_failed_case_with_its_errors_and_nested_reports_link(here):
    gen = here / "gen"
    shutil.copytree(EXAMPLES / "01-no-absences", gen / "fed" / "01")
    (gen / "fed" / "02").mkdir()
    (gen / "fed" / "02" / "results.yaml").write_text("results: [\n", encoding="utf-8")
    out = io.StringIO()
    code = run_generation(gen, recursive=True, fmt="html", reports=here / "r", out=out, err=io.StringIO())
    assert code == 2
    page = out.getvalue()
    assert '<a href="r/fed/01.html">lokale-besturen-2023-2025</a>' in page  # relative to the working directory
    assert (here / "r" / "fed" / "01.html").is_file() and not (here / "r" / "fed" / "02.html").exists()
    assert '<tr class="failed"><td>fed/02</td>' in page
    assert "<li>gen/fed/02/results.yaml:1:10: not valid YAML" in page


def test_reports_must_be_a_directory(here):
    (here / "file").write_text("", encoding="utf-8")
    result = run(str(two_examples(here)), "--reports", "file")
    assert result.exit_code == 2
    assert "--reports file: is not a directory" in result.stderr


def test_the_format_follows_the_output_extension(here):
    gen = two_examples(here)
    assert run(str(gen), "-o", "overview.xlsx").exit_code == 0
    assert (here / "overview.xlsx").read_bytes().startswith(b"PK")
    assert run(str(gen), "-o", "overview.csv").exit_code == 0
    assert (here / "overview.csv").read_text(encoding="utf-8").startswith("case,convenant,")
    clash = run(str(gen), "-f", "json", "-o", "overview.csv")
    assert clash.exit_code == 2
    assert "the extension .csv means --format csv, but --format is json" in clash.stderr
    assert run(str(gen), "-o", "overview.pdf").exit_code == 2


def test_an_agreement_with_an_extension_is_one_row_adding_up_its_periods(here):
    # examples/09 (S14): the period as signed 396819.92 subsidy, balance 100019.92, 12 FTE-days, deduction 1740.08;
    # the extension year 183249.32, balance 98449.32, 52 FTE-days, deduction 7550.68 (tests/cli/test_settle.py).
    # One row: subsidy 396819.92 + 183249.32 = 580069.24; balance 100019.92 + 98449.32 = 198469.24;
    # deduction 1740.08 + 7550.68 = 9290.76; 12 + 52 = 64 FTE-days: the /2 JSON's totals where it has them.
    gen = here / "gen"
    shutil.copytree(EXAMPLES / "09-extension-year", gen / "09")
    out = json.loads(run(str(gen), "-f", "json").stdout)
    (a,) = out["agreements"]
    assert (a["subsidy"], a["balance"], a["deduction"], a["shortfall_fte_days"], a["periods"]) == (
        "580069.24", "198469.24", "9290.76", "64", 2
    )
    settled = json.loads(CliRunner().invoke(app, ["settle", str(gen / "09"), "-f", "json"]).stdout)
    assert settled["schema"] == "convenant-settlement/2"
    for key in ("max_subsidy", "subsidy", "paid", "balance"):
        assert a[key] == settled["total"][key]
    assert out["total"]["subsidy"] == "580069.24"
    assert "(2 periods)" in run(str(gen)).stdout
    assert run(str(gen), "-o", "g.xlsx").exit_code == 0
    assert run(str(gen), "-f", "html", "-o", "g.html", "--reports", "r").exit_code == 0
    assert "verlenging-2025-2026" in (here / "r" / "09.html").read_text(encoding="utf-8")


def test_an_agreement_with_addenda_is_one_row_adding_up_its_lines(here):
    # examples/15 (S14, S19): 2 periods, 3 lines, 5 settlements (README.md): subsidy 713788.95, balance
    # 383388.95; deductions 3538.17 + 1524.66 + 508.22 = 5571.05; 24.4 + 10.5 + 3.5 = 38.4 FTE-days;
    # results 4/5 + 1/1 + 2/3 + 1/1 = 8/10 (diversiteit has none). examples/01 has one line: no lines key.
    gen = here / "gen"
    shutil.copytree(EXAMPLES / "15-extension-continues-one-addendum", gen / "15")
    own_agreement(shutil.copytree(EXAMPLES / "01-no-absences", gen / "01"), "eigen-2023-2025")  # 15's id is the bundled one
    out = json.loads(run(str(gen), "-f", "json").stdout)
    one, lines = out["agreements"]
    assert "lines" not in one  # an agreement without addenda: its row as before
    assert (lines["subsidy"], lines["balance"], lines["deduction"], lines["shortfall_fte_days"]) == (
        "713788.95", "383388.95", "5571.05", "38.4"
    )
    assert (lines["results"], lines["periods"], lines["lines"]) == ({"achieved": 8, "total": 10}, 2, 3)
    assert "(2 periods, 3 lines)" in run(str(gen)).stdout
    rows = run(str(gen), "-f", "csv").stdout.splitlines()
    assert rows[0].endswith(",periods,lines,costs") and rows[2].endswith(",2,3,no") and rows[1].endswith(",1,1,no")
    assert run(str(gen), "-o", "g.xlsx").exit_code == 0
    with zipfile.ZipFile(here / "g.xlsx") as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        strings = z.read("xl/sharedStrings.xml").decode()
    assert len(sheets) == 3  # the overview and each agreement's own sheet
    # each line of each period on the agreement's own sheet
    assert "line duaal-leren (Addendum duaal leren), term 2025-07-01 … 2026-06-30" in strings
    assert "line diversiteit (Addendum diversiteit en inclusie), term 2023-07-01 … 2025-06-30" in strings
    assert run(str(gen), "-f", "html", "-o", "g.html", "--reports", "r").exit_code == 0
    assert 'id="period-verlenging-2025-2026-line-duaal-leren"' in (here / "r" / "15.html").read_text(encoding="utf-8")


# --- issue 18: each agreement counted once; each row names its case; the reports directory -----------


def test_a_link_to_a_case_beside_it_counts_that_agreement_nowhere(here):
    # Issue 18 item 2: `ln -s 01-bouw 01-bouw-latest` totalled 01-bouw's subsidy twice, exit 0:
    # 3902330.37 (expected-totals.yaml) + 688512.07 (01-bouw/expected.yaml) = 4590842.44.
    # Now both fail: 3902330.37 − 688512.07 = 3213818.30 over 13 agreements, exit 2.
    gen = Path(shutil.copytree(SAMPLE, here / "G"))
    (gen / "01-bouw-latest").symlink_to("01-bouw")
    result = run("G", "-f", "json")
    assert result.exit_code == 2
    out = json.loads(result.stdout)
    assert (out["total"]["subsidy"], out["total"]["agreements"], out["total"]["failed"]) == ("3213818.30", 13, 2)
    assert [f["case"] for f in out["failed"]] == ["01-bouw", "01-bouw-latest"]
    assert out["failed"][0]["errors"] == [
        "G/01-bouw: the same directory as G/01-bouw-latest (a link, or one path reached twice); a generation "
        "counts each agreement once: remove the link, or move it out of G"
    ]
    assert "G/01-bouw-latest: the same directory as G/01-bouw" in result.stderr


def test_two_cases_of_one_agreement_both_fail_naming_each_other(here):
    # examples 01 and 02 both settle the bundled agreement: counted together, its maximum twice
    gen = here / "gen"
    for name in ("01-no-absences", "02-long-sickness-partly-replaced", "03-relapse-within-14-days"):
        shutil.copytree(EXAMPLES / name, gen / name)
    own_agreement(gen / "03-relapse-within-14-days", "drie")
    result = run("gen", "-f", "json")
    assert result.exit_code == 2
    out = json.loads(result.stdout)
    assert [a["case"] for a in out["agreements"]] == ["03-relapse-within-14-days"]
    assert [f["case"] for f in out["failed"]] == ["01-no-absences", "02-long-sickness-partly-replaced"]
    assert out["failed"][1]["errors"] == [
        "gen/02-long-sickness-partly-replaced: agreement lokale-besturen-2023-2025 is also the agreement of "
        "gen/01-no-absences; a generation counts each agreement once: remove the cases that are not this "
        "agreement's, or give each its own agreement id"
    ]
    assert out["total"]["max_subsidy"] == "424000.00"  # 03's alone


def test_a_directory_of_yml_files_or_dangling_links_is_a_failed_case_never_skipped(here):
    gen = two_examples(here)
    yml = gen / "03-yml"
    shutil.copytree(EXAMPLES / "03-relapse-within-14-days", yml)
    for path in yml.glob("*.yaml"):
        path.rename(path.with_suffix(".yml"))
    dangling = gen / "04-links"
    dangling.mkdir()
    (dangling / "results.yaml").symlink_to("../nowhere/results.yaml")
    (gen / "05-gone").symlink_to("nowhere")
    result = run("gen", "-f", "json")
    assert result.exit_code == 2
    assert [f["case"] for f in json.loads(result.stdout)["failed"]] == ["03-yml", "04-links", "05-gone"]
    assert "gen/03-yml/results.yml: 'results.yml' is not named results.yaml exactly" in result.stderr
    assert "gen/03-yml: no results.yaml in this case directory" in result.stderr
    assert "gen/04-links/results.yaml: not a readable file (a symbolic link to nothing)" in result.stderr
    assert "gen/05-gone: case directory is a link to nothing" in result.stderr


def test_every_format_shows_the_case_directory_beside_the_id(here):
    gen = two_examples(here)
    table = run("gen").stdout
    row = next(line for line in table.splitlines() if "lokale-besturen-2023-2025-01" in line)
    assert row.split()[:2] == ["01-no-absences", "lokale-besturen-2023-2025-01"]
    out = json.loads(run("gen", "-f", "json").stdout)
    assert [(a["case"], a["convenant"]) for a in out["agreements"]] == [
        ("01-no-absences", "lokale-besturen-2023-2025-01"), ("02-long-sickness-partly-replaced", BUNDLED)
    ]
    assert run("gen", "-f", "csv").stdout.splitlines()[1].startswith("01-no-absences,lokale-besturen-2023-2025-01,")
    page = run("gen", "-f", "html").stdout
    assert "<td>01-no-absences</td><td>lokale-besturen-2023-2025-01</td>" in page


def test_reports_of_a_rerun_are_this_runs_only(here):
    # Issue 18 item 7: a rerun after a case broke left its old report looking current.
    gen = two_examples(here)
    assert run("gen", "--reports", "r").exit_code == 0
    assert sorted(p.name for p in (here / "r").iterdir()) == [
        "01-no-absences.html", "02-long-sickness-partly-replaced.html"
    ]
    (here / "r" / "stale-note.txt").write_text("mine\n", encoding="utf-8")
    (gen / "01-no-absences" / "results.yaml").write_text("results: [\n", encoding="utf-8")
    result = run("gen", "--reports", "r")
    assert result.exit_code == 2
    assert sorted(p.name for p in (here / "r").iterdir()) == ["02-long-sickness-partly-replaced.html"]
    assert [p.name for p in here.iterdir() if p.name.startswith(".r.")] == []  # no fresh or old directory left


def test_reports_are_swapped_in_only_when_all_are_written(here, monkeypatch):
    import convenant_calc.cli.generation as command

    gen = two_examples(here)
    assert run("gen", "--reports", "r").exit_code == 0
    before = {p.name: p.read_bytes() for p in (here / "r").iterdir()}
    calls = []

    def interrupted(*args, **kwargs):  # SIGINT during the second report
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    original = command._write_report
    monkeypatch.setattr(command, "_write_report", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_generation(gen, reports=here / "r", fmt="json", out=io.StringIO(), err=io.StringIO())
    assert {p.name: p.read_bytes() for p in (here / "r").iterdir()} == before  # the old directory, untouched
    assert sorted(p.name for p in here.iterdir()) == ["gen", "r"]  # and no half-written one beside it


def test_a_case_name_too_long_for_a_file_gets_a_short_report_name_and_the_others_go_on(here):
    gen = two_examples(here)
    long = "x" * 251
    own_agreement(Path(shutil.copytree(EXAMPLES / "03-relapse-within-14-days", gen / long)), "drie")
    out = io.StringIO()
    code = run_generation(gen, fmt="html", reports=here / "r", out=out, err=io.StringIO())
    assert code == 0
    names = sorted(p.name for p in (here / "r").iterdir())
    assert names[:2] == ["01-no-absences.html", "02-long-sickness-partly-replaced.html"]
    short = names[2]
    assert short.startswith("x" * 100) and short.endswith(".html") and len(short.encode()) <= 255
    assert f'href="r/{short}"' in out.getvalue()  # the overview links it, and every case is in it
    assert out.getvalue().count('<a href="r/') == 3


def test_a_report_that_cannot_be_written_is_named_and_the_overview_still_comes(here, monkeypatch):
    import convenant_calc.io.output as output

    gen = two_examples(here)
    real = output.write_atomic

    def full(path, data):
        if path.name.startswith("01"):
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(output, "write_atomic", full)
    out, err = io.StringIO(), io.StringIO()
    code = run_generation(gen, fmt="json", reports=here / "r", out=out, err=err)
    assert code == 2
    assert err.getvalue() == (
        "r/01-no-absences.html: cannot write the report of 01-no-absences (No space left on device); the others go on\n"
    )
    assert json.loads(out.getvalue())["total"]["agreements"] == 2
    assert [p.name for p in (here / "r").iterdir()] == ["02-long-sickness-partly-replaced.html"]


def test_reports_onto_a_link_is_refused(here):
    (here / "real").mkdir()
    (here / "r").symlink_to("real")
    result = run(str(two_examples(here)), "--reports", "r")
    assert result.exit_code == 2
    assert result.stderr.startswith("--reports r: is a symbolic link;")


def test_a_cost_statement_is_shown_and_caps_the_row(here):
    """S20: examples 17 (SPEC §14 d: 397254.94 + 52000.00 = 449254.94) and 18 (capped at 329000.00 < 396819.92,
    balance 329000.00 − 339200.00 = −10200.00) have a cost statement, 02 (396819.92) none. Totals: subsidy
    449254.94 + 329000.00 + 396819.92 = 1175074.86, balance 449254.94 − 10200.00 + 396819.92 = 835874.86."""
    gen = here / "gen"
    for name, own in (("02-long-sickness-partly-replaced", "a-02"), ("17-cost-statement", None),
                      ("18-costs-below-advances", "b-18")):
        copied = shutil.copytree(EXAMPLES / name, gen / name)
        if own:
            own_agreement(copied, own)
    out = json.loads(run(str(gen), "-f", "json").stdout)
    rows = {a["case"]: a for a in out["agreements"]}
    assert {c: (a["subsidy"], a["balance"], a["costs"]) for c, a in rows.items()} == {
        "02-long-sickness-partly-replaced": ("396819.92", "396819.92", False),
        "17-cost-statement": ("449254.94", "449254.94", True),
        "18-costs-below-advances": ("329000.00", "-10200.00", True),
    }
    assert (out["total"]["subsidy"], out["total"]["balance"], out["total"]["costs"]) == ("1175074.86", "835874.86", 2)
    csv_rows = run(str(gen), "-f", "csv").stdout.splitlines()
    assert csv_rows[0].endswith(",periods,lines,costs")
    assert [r.rsplit(",", 1)[1] for r in csv_rows[1:]] == ["no", "yes", "yes", "2"]
    total = next(line for line in run(str(gen)).stdout.splitlines() if line.strip().startswith("total"))
    assert total.split()[-2:] == ["13/16", "2/3"]  # results 4/5 + (4/5 + 1/1) + 4/5; 2 of 3 with costs
    assert run(str(gen), "-o", "g.xlsx").exit_code == 0
    overview = openpyxl.load_workbook(here / "g.xlsx")["Overview"]
    header = [c.value for c in overview[1]]
    column = header.index("costs")
    assert [overview.cell(r, column + 1).value for r in range(2, 6)] == ["no", "yes", "yes", 2]
    page = run(str(gen), "-f", "html").stdout
    assert "<th>costs</th>" in page and "<td>yes</td>" in page and "<td>2/3</td>" in page
