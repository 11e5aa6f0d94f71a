"""`convenant pack` and `convenant verify` (S23, issue 21 item 2): one file for the auditor, and checking it.

Every casebook example is packed once through the CLI (a real Chromium prints each report; two at a
time) under SOURCE_DATE_EPOCH, and verified: exit 0 and one line whose subsidy and balance are the
example's hand-derived figures (its expected.yaml). Example 07's dossier then serves the other
tests: packed again it gives the same bytes; with an attachment altered, removed or added, verify
says so with exit 2; with an input edited and the dossier re-packed around the old settlement.json,
verify names each figure that differs (exit 1). Bad input and a file that is not a dossier need no
Chromium.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pikepdf
import pytest
import yaml

from convenant_calc.cli.commands import run_settle
from convenant_calc.cli.dossier import figures, run_pack, run_verify
from convenant_calc.render import dossier, pdf

from ..conftest import example_as_of
from ..report.conftest import ALL_EXAMPLES, example_path
from .conftest import EPOCH

needs_chromium = pytest.mark.skipif(pdf.chromium() is None, reason="no Chromium on PATH (apt-get install chromium)")

RICH = "07-everything-together"


def verify(path: Path, capsys) -> tuple[int, str, str]:
    code = run_verify(path)
    out, err = capsys.readouterr()
    return code, out, err


def expected_totals(name: str) -> tuple[str, str]:
    """The hand-derived subsidy and balance of an example (its expected.yaml; the total of several periods)."""
    data = yaml.safe_load((example_path(name) / "expected.yaml").read_text(encoding="utf-8"))
    top = data.get("total", data)
    return top["subsidy"], top["balance"]


@needs_chromium
@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_every_example_round_trips(dossiers, name, capsys, tmp_path):
    path = dossiers[name]
    code, out, err = verify(path, capsys)
    assert code == 0, err
    assert all(": warning: cost " in line for line in err.splitlines())  # S20: 17 and 18 warn of ineligible costs
    subsidy, balance = expected_totals(name)
    assert out.count("\n") == 1 and out.startswith(f"{path}: ok: ")
    assert f"(subsidy {subsidy}, balance {balance})" in out
    # the attachments are the case's files byte for byte, and the JSON is settle's
    with pikepdf.open(path) as doc:
        files = {name: spec.get_file().read_bytes() for name, spec in doc.attachments.items()}
        assert str(doc.docinfo["/CreationDate"]) == "D:20240701120000+00'00'"
    case = example_path(name)
    for role in ("absences", "results", "payments", "costs"):
        if (case / f"{role}.yaml").exists():
            assert files[f"{role}.yaml"] == (case / f"{role}.yaml").read_bytes()
    own = case / "convenant.yaml"
    bundled = case.parents[1] / "data" / "lokale-besturen-2023-2025.yaml"
    assert files["convenant.yaml"] == (own if own.exists() else bundled).read_bytes()
    settled = tmp_path / "settled.json"
    assert run_settle(case, "json", output=settled, as_of=example_as_of(case)) == 0
    assert files["settlement.json"] == settled.read_bytes()


@needs_chromium
def test_the_attachments_and_their_hashes(dossiers):
    # examples/07 names the bundled agreement; 09 has two periods, which its one workbook holds (S14); 11 is
    # an interim position (--as-of), which the workbook cannot hold
    with pikepdf.open(dossiers[RICH]) as doc:
        specs = dict(doc.attachments.items())
        assert sorted(specs) == sorted(
            ["convenant.yaml", "absences.yaml", "results.yaml", "payments.yaml", "settlement.json", "settlement.xlsx"]
        )
        for name, spec in specs.items():
            data = spec.get_file().read_bytes()
            assert spec.description.endswith(f"; SHA-256 {hashlib.sha256(data).hexdigest()}")
        assert specs["convenant.yaml"].description.startswith(
            "input file of 07-everything-together: agreement (lokale-besturen-2023-2025.yaml, bundled with convenant "
        )
        assert doc.Root.PageMode == pikepdf.Name.UseAttachments
        # the input hash the report prints on every page (its first 16 digits in the running header)
        digest = str(doc.docinfo["/ConvenantInputHash"])
    assert digest == "53fb9c4c2afd56cc" + digest[16:]  # the bundled agreement carries the payer's address (SPEC S21) since
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(dossiers[RICH]), "-"], capture_output=True, text=True).stdout
        assert text.count(f"Input hash {digest[:16]}") == text.count("\f")  # one a page
    with pikepdf.open(dossiers["09-extension-year"]) as doc:
        assert sorted(n for n in doc.attachments if n.endswith(".xlsx")) == ["settlement.xlsx"]
    with pikepdf.open(dossiers["11-interim-position"]) as doc:
        assert not [n for n in doc.attachments if n.endswith(".xlsx")]


@needs_chromium
def test_the_same_case_packs_to_the_same_bytes(dossiers, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    again = tmp_path / "again.pdf"
    assert run_pack(example_path(RICH), again) == 0
    assert again.read_bytes() == dossiers[RICH].read_bytes()


# --- an attachment altered, removed or added: exit 2 ------------------------------------------------


def rewritten(path: Path, out: Path, change) -> Path:
    """A copy of the dossier with ``change(doc)`` applied, saved as any PDF tool would."""
    with pikepdf.open(path) as doc:
        change(doc)
        doc.save(out)
    return out


@needs_chromium
def test_an_altered_attachment_is_found(dossiers, tmp_path, capsys):
    def more_jobcoaches(doc):  # R3 84 → 100 jobcoaches, the description (and its SHA-256) left as it was
        spec = doc.attachments["results.yaml"]
        original = spec.get_file().read_bytes()
        assert b"achieved: 84" in original
        spec.obj.EF.F.write(original.replace(b"achieved: 84", b"achieved: 100"))

    path = rewritten(dossiers[RICH], tmp_path / "altered.pdf", more_jobcoaches)
    code, out, err = verify(path, capsys)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert re.fullmatch(rf"{re.escape(str(path))}: results\.yaml was altered: its description gives SHA-256 "
                        r"[0-9a-f]{64}, its content has [0-9a-f]{64}", lines[0])
    assert "do not give the report's input hash" in lines[1]
    assert lines[-1] == f"{path}: the dossier was altered after it was packed; nothing was settled"


@needs_chromium
def test_a_removed_or_added_attachment_is_found(dossiers, tmp_path, capsys):
    removed = rewritten(dossiers[RICH], tmp_path / "removed.pdf", lambda doc: doc.attachments.pop("settlement.xlsx"))
    code, _, err = verify(removed, capsys)
    assert code == 2
    assert f"{removed}: settlement.xlsx is missing: every dossier carries it" in err.splitlines()

    def added(doc):
        doc.attachments["notes.txt"] = pikepdf.AttachedFileSpec(doc, b"x", description="SHA-256 " + "0" * 64)

    path = rewritten(dossiers[RICH], tmp_path / "added.pdf", added)
    code, _, err = verify(path, capsys)
    assert code == 2
    assert f"{path}: notes.txt is not a file convenant pack embeds (it was added)" in err.splitlines()


# --- an input edited, the dossier re-packed under the old settlement.json: exit 1 ---------------------


@needs_chromium
def test_an_edited_input_under_the_old_settlement_names_each_figure(dossiers, tmp_path, capsys):
    # Dirk's 1/5 time credit (60.6 FTE-days) removed from examples/07, every hash made to match again,
    # the settlement.json of the unedited case kept. Settled again, by hand:
    #   shortfall 117.6 − 60.6 = 57 FTE-days; deduction 57 × 424000 / 2924 = 8265.3899… → 8265.39 (S10);
    #   subsidy 296800.00 + 76320.00 − 8265.39 = 364854.61 (S11); balance 364854.61 − 296800.00 = 68054.61.
    with pikepdf.open(dossiers[RICH]) as doc:
        files = {n: (s.description, s.get_file().read_bytes()) for n, s in doc.attachments.items()}
    line = b"  - {consultant: dirk, kind: time_credit, from: 2024-09-01, to: 2025-06-30, fte: 0.2}\n"
    assert line in files["absences.yaml"][1]
    edited = files["absences.yaml"][1].replace(line, b"")
    attachments = [
        dossier.Attachment(name, edited if name == "absences.yaml" else data, description.rsplit(";", 1)[0])
        for name, (description, data) in files.items()
    ]
    digest = hashlib.sha256(
        "".join(hashlib.sha256(a.data).hexdigest() + "\n" for n in dossier.INPUTS for a in attachments if a.name == n)
        .encode()
    ).hexdigest()
    moment = datetime.fromtimestamp(EPOCH, timezone.utc)
    path = tmp_path / "repacked.pdf"
    path.write_bytes(dossier.pack(dossiers[RICH].read_bytes(), attachments, digest, moment))
    code, out, err = verify(path, capsys)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"{path}: 4 figures differ between its settlement.json and the settlement of its input files:",
        "  deduction.shortfall_fte_days: the dossier says 117.6, settled again 57",
        "  deduction.amount: the dossier says 17052.80, settled again 8265.39",
        "  subsidy: the dossier says 356067.20, settled again 364854.61",
        "  balance: the dossier says 59267.20, settled again 68054.61",
    ]


# --- not a dossier, and bad input to pack: exit 2, no Chromium needed ----------------------------------


def test_a_pdf_that_is_not_a_dossier(tmp_path, capsys):
    plain = tmp_path / "report.pdf"
    with pikepdf.new() as doc:  # any PDF, e.g. settle --format pdf: no dossier mark, no attachments
        doc.add_blank_page()
        doc.save(plain)
    code, out, err = verify(plain, capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"{plain}: not a convenant dossier: it carries no dossier mark; "
        "convenant pack CASE --output FILE.pdf writes one\n"
    )


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"subsidy: 356067.20\n", "it is not a PDF file (it does not start with %PDF-)"),
        (b"%PDF-1.7\n% cut off\n", "it cannot be read as a PDF"),
    ],
)
def test_a_file_that_is_not_a_pdf(tmp_path, capsys, content, why):
    path = tmp_path / "dossier.pdf"
    path.write_bytes(content)
    code, out, err = verify(path, capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"{path}: not a convenant dossier: {why}")
    assert err.count("\n") == 1


def test_a_missing_dossier(tmp_path, capsys):
    code, _, err = verify(tmp_path / "nowhere.pdf", capsys)
    assert code == 2
    assert err == f"{tmp_path / 'nowhere.pdf'}: cannot read it: No such file or directory\n"


def test_bad_input_to_pack_is_refused_as_by_settle(tmp_path, capsys):
    case = tmp_path / "case"
    case.mkdir()
    (case / "results.yaml").write_text(
        "convenant: lokale-besturen-2023-2025\nresults:\n  - {commitment: R9, achieved: 1}\n"
    )
    out = tmp_path / "dossier.pdf"
    assert run_pack(case, out) == 2
    _, err = capsys.readouterr()
    assert run_settle(case, "json") == 2
    assert capsys.readouterr().err == err  # the same messages, file:line:col
    assert "results.yaml:3:" in err
    assert not out.exists() and list(tmp_path.iterdir()) == [case]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["--output", "dossier.json"],
            "dossier.json: a dossier is a PDF, and the extension .json names json; name it .pdf",
        ),
        (["--output", "d.pdf", "--as-of", "2024-13-01"], "--as-of 2024-13-01:"),
    ],
)
def test_pack_usage_errors(tmp_path, monkeypatch, capsys, args, said):
    monkeypatch.chdir(tmp_path)
    from typer.testing import CliRunner

    from convenant_calc.cli.app import app

    result = CliRunner().invoke(app, ["pack", str(example_path(RICH)), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(said)
    assert list(tmp_path.iterdir()) == []


def test_figures_by_their_place():
    data = json.loads(
        '{"subsidy": "1.00", "deduction": {"amount": "2.00"}, "periods": [{"period": "p1", "balance": "3.00"}],'
        ' "readings": [{"id": "rate.calendar-365", "difference": "-4.00"}], "pending": []}'
    )
    assert figures(data) == {
        "subsidy": "1.00",
        "deduction.amount": "2.00",
        "periods[p1].period": "p1",
        "periods[p1].balance": "3.00",
        "readings[rate.calendar-365].id": "rate.calendar-365",
        "readings[rate.calendar-365].difference": "-4.00",
        "pending": [],
    }


def test_pack_then_unpack_without_chromium():
    # render/dossier alone: any PDF with attachments, read back as written
    with pikepdf.new() as doc:
        doc.add_blank_page()
        raw = io.BytesIO()
        doc.save(raw)
    results = b"results: []\n"
    files = [dossier.Attachment("results.yaml", results, "input file"),
             dossier.Attachment("settlement.json", b"{}", "the settlement")]
    moment = datetime.fromtimestamp(EPOCH, timezone.utc)
    data = dossier.pack(raw.getvalue(), files, "ab" * 32, moment)
    assert data == dossier.pack(raw.getvalue(), files, "ab" * 32, moment)  # the same bytes
    d = dossier.unpack(data)
    assert d.input_hash == "ab" * 32
    assert d.attachments["results.yaml"] == (f"input file; SHA-256 {hashlib.sha256(results).hexdigest()}", results)
    assert d.inputs == {"results.yaml": results}
    # convenant.yaml is missing, and the input hash is not that of results.yaml alone
    problems = dossier.altered(d, [])
    assert problems[0] == "convenant.yaml is missing: every dossier carries it"
    assert problems[1].startswith("the input files do not give the report's input hash abab")


@needs_chromium
@pytest.mark.parametrize(
    ("name", "options", "subsidy", "balance", "workbooks"),
    [
        # S14: one period of examples/09, the extension: 148400.00 + 42400.00 − 7550.68 (its expected.yaml)
        ("09-extension-year", ["--period", "verlenging-2025-2026"], "183249.32", "98449.32", ["settlement.xlsx"]),
        # S17: examples/12 under rate.calendar-365: 10 × 212000 / (2 × 730) = 1452.0547… → 1452.05,
        # 148400.00 + 31800.00 − 1452.05 = 178747.95 (its expected.yaml); no workbook (default readings only)
        ("12-readings-dispute", ["--reading", "rate.calendar-365", "--lang", "nl"], "178747.95", "93947.95", []),
    ],
)
def test_pack_options_are_settled_again_as_packed(tmp_path, capsys, name, options, subsidy, balance, workbooks):
    # verify reads the period and the readings from the dossier's JSON, and settles the inputs under them
    path = tmp_path / "dossier.pdf"
    from typer.testing import CliRunner

    from convenant_calc.cli.app import app

    result = CliRunner().invoke(app, ["pack", str(example_path(name)), "-o", str(path), *options])
    assert result.exit_code == 0, result.stderr
    code, out, err = verify(path, capsys)
    assert (code, err) == (0, "")
    assert out.endswith(f"(subsidy {subsidy}, balance {balance})\n")
    with pikepdf.open(path) as doc:
        assert sorted(n for n in doc.attachments if n.endswith(".xlsx")) == workbooks
