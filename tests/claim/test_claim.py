"""`convenant claim` (S21): the claim for payment of the final settlement, and its refusals.

Figures (derived by hand in the examples' READMEs and SPEC §14 d):
- examples/17 (worked example d): main line 397254.94 (not capped: 422000.00 eligible ≥ the ceiling),
  addendum duaal leren min(59564.98, 22000.00 + 30000.00) = 52000.00; no advances; total balance
  397254.94 + 52000.00 = 449254.94: a schuldvordering.
- examples/18: ceiling 396819.92 capped at the eligible 329000.00; advances 2 × 169600.00 = 339200.00;
  balance 329000.00 − 339200.00 = −10200.00: a repayment statement.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from typer.testing import CliRunner

from convenant_calc.cli.app import app
from convenant_calc.core.money import fmt_en
from convenant_calc.core.settlement import settle_agreement
from convenant_calc.io.loading import load_case
from convenant_calc.render import pdf
from convenant_calc.views.claim import amount_in_words, build
from convenant_calc.views.labels import Lang

from ..conftest import EXAMPLES

runner = CliRunner()
EX17 = EXAMPLES / "17-cost-statement"
EX18 = EXAMPLES / "18-costs-below-advances"
NBSP = "\u00a0"
EPOCH = "1719835200"  # 2024-07-01 12:00:00 UTC

needs_chromium = pytest.mark.skipif(
    pdf.chromium() is None or shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None,
    reason="no Chromium or poppler-utils on PATH (apt-get install chromium poppler-utils)",
)


# --- the amount in words: the euros and the cents each a whole number (num2words) -----------------


def test_449254_94_in_words_dutch_and_english():
    assert amount_in_words(Decimal("449254.94"), Lang("nl")) == (
        "vierhonderdnegenenveertigduizend tweehonderdvierenvijftig euro en vierennegentig cent"
    )
    assert amount_in_words(Decimal("449254.94"), Lang("en")) == (
        "four hundred and forty-nine thousand, two hundred and fifty-four euro and ninety-four cents"
    )


def test_10200_00_in_words_has_no_cents():
    assert amount_in_words(Decimal("10200.00"), Lang("nl")) == "tienduizend tweehonderd euro"
    assert amount_in_words(Decimal("10200.00"), Lang("en")) == "ten thousand, two hundred euro"
    # the sign is never written: the statement around says who owes whom
    assert amount_in_words(Decimal("-10200.00"), Lang("nl")) == "tienduizend tweehonderd euro"


def test_one_cent_and_nothing():
    assert amount_in_words(Decimal("0.01"), Lang("en")) == "zero euro and one cent"
    assert amount_in_words(Decimal("0.01"), Lang("nl")) == "nul euro en één cent"
    assert amount_in_words(Decimal("0.00"), Lang("nl")) == "nul euro"


@pytest.mark.parametrize(
    ("euros", "words"),
    [  # the Woordenlijst's spelling, as Taaladvies Vlaanderen gives it ("Getallen in letters")
        (1001, "duizend een"),  # num2words: "duizendéén"
        (101, "honderdeen"),  # num2words: "honderdéén"
        (101101, "honderdeenduizend honderdeen"),
        (2001, "tweeduizend een"),
        (1200, "duizend tweehonderd"),
        (21000, "eenentwintigduizend"),  # nothing after duizend: no space
        (1000001, "een miljoen een"),  # num2words: "een miljoen één"
        (1001001, "een miljoen duizend een"),
        (2500000, "twee miljoen vijfhonderdduizend"),
    ],
)
def test_dutch_words_are_spelled_as_the_woordenlijst_spells_them(euros, words):
    assert amount_in_words(Decimal(euros), Lang("nl")) == f"{words} euro"


def test_one_standing_alone_keeps_its_accents_so_it_does_not_read_as_the_article():
    assert amount_in_words(Decimal("1.01"), Lang("nl")) == "één euro en één cent"
    assert amount_in_words(Decimal("1001.01"), Lang("nl")) == "duizend een euro en één cent"


@given(st.integers(min_value=0, max_value=10**11))
def test_words_have_no_digits_and_name_cents_only_when_there_are_some(cents):
    value = Decimal(cents).scaleb(-2)
    for code, word in (("nl", " cent"), ("en", " cent")):
        words = amount_in_words(value, Lang(code))
        assert not re.search(r"\d", words), words
        assert (word in words) == (cents % 100 != 0), (value, words)


# --- the claim's figures are the settlement's (settle -f json) -------------------------------------


def _json(case: Path) -> dict:
    result = runner.invoke(app, ["settle", str(case), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _claim(case: Path, lang: str = "en"):
    loaded = load_case(case)
    return build(settle_agreement(loaded.case), Lang(lang))


@pytest.mark.parametrize("case", [EX17, EX18])
def test_each_row_and_the_total_are_the_json_settlement(case):
    out = _json(case)
    entries = out.get("settlements", [out])  # /3 of example 17, /1 of example 18
    total = out.get("total", out)
    claim = _claim(case)
    assert [(r.subsidy, r.paid) for r in claim.rows] == [
        (fmt_en(Decimal(e["subsidy"])), fmt_en(Decimal(e["paid"]))) for e in entries
    ]
    assert [r.balance.replace("\u2212", "-").lstrip("+") for r in claim.rows] == [
        fmt_en(Decimal(e["balance"])) for e in entries
    ]
    assert (claim.total.subsidy, claim.total.paid) == (
        fmt_en(Decimal(total["subsidy"])),
        fmt_en(Decimal(total["paid"])),
    )


def test_example_17_is_a_claim_of_449254_94():
    claim = _claim(EX17, "nl")
    assert claim.kind == "claim"
    # 397254.94 + 52000.00 = 449254.94, no advances
    assert [(r.line, r.subsidy, r.paid, r.balance) for r in claim.rows] == [
        ("Sectorconvenant 2023-2025 Lokale Besturen", "397.254,94", "0,00", "+397.254,94"),
        ("Addendum duaal leren", "52.000,00", "0,00", "+52.000,00"),
    ]
    assert claim.total.balance == "+449.254,94"
    assert claim.title == "Schuldvordering"
    assert claim.declaration == f"Echt en oprecht verklaard ten bedrage van €{NBSP}449.254,94"
    assert claim.words == (
        "in letters: vierhonderdnegenenveertigduizend tweehonderdvierenvijftig euro en vierennegentig cent"
    )
    assert claim.signatories == (
        ("Kris Snijkers", "Algemeen Directeur VVSG"),
        ("Piet Van Schuylenbergh", "Gevolmachtigd Onderhandelaar VVSG"),
    )
    assert claim.statement == (
        f"V.V.S.G. vzw verzoekt Departement Werk en Sociale Economie het saldo van de eindafrekening, "
        f"€{NBSP}449.254,94, te storten op rekening BE10 0910 1156 9604."
    )


def test_example_18_is_a_repayment_of_10200_00():
    claim = _claim(EX18, "en")
    # 329000.00 − 339200.00 = −10200.00
    assert claim.kind == "repayment"
    assert claim.total.balance == "\u221210,200.00"
    assert claim.title == "Statement of repayment"
    assert claim.declaration == f"Declared true and sincere: to be paid back EUR{NBSP}10,200.00"
    assert claim.words == "in words: ten thousand, two hundred euro"
    assert f"EUR{NBSP}339,200.00" in claim.statement and f"EUR{NBSP}329,000.00" in claim.statement


def _copy(case: Path, tmp_path: Path, name: str = "case") -> Path:
    target = tmp_path / name
    shutil.copytree(case, target)
    return target


def test_advances_equal_to_the_subsidy_owe_nothing_either_way(tmp_path):
    case = _copy(EX18, tmp_path)
    # one advance of exactly the capped subsidy, 329000.00: balance 0.00
    (case / "payments.yaml").write_text(
        "convenant: lokale-besturen-2023-2025\npayments:\n  - {date: 2023-10-02, amount: 329000.00}\n",
        encoding="utf-8",
    )
    claim = _claim(case, "en")
    assert claim.kind == "settled"
    assert claim.total.balance == "0.00"
    assert "nothing is claimed and nothing is to be paid back" in claim.statement
    assert claim.words == "in words: zero euro"


def test_without_a_payer_the_claim_names_the_subsidising_government(tmp_path):
    case = _copy(EX17, tmp_path)
    text = (case / "convenant.yaml").read_text(encoding="utf-8")
    payer = 'payer: {name: Departement Werk en Sociale Economie, address: "Koning Albert II-laan 35 bus 20, 1030 Brussel"}\n'
    assert payer in text
    (case / "convenant.yaml").write_text(text.replace(payer, ""))
    claim = _claim(case, "nl")
    assert claim.payer is None
    assert claim.statement.startswith("V.V.S.G. vzw verzoekt de subsidiërende overheid het saldo")


# --- the command (typer) --------------------------------------------------------------------------


def test_typer_path_prints_the_dutch_claim_by_default():
    result = runner.invoke(app, ["claim", str(EX17)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Schuldvordering\n")
    # Markdown text is on one line, its spaces plain ones (the md filter)
    assert "**Echt en oprecht verklaard ten bedrage van € 449.254,94**" in result.stdout
    assert "| **Totaal** | **449.254,94** | **0,00** | **+449.254,94** |" in result.stdout


def test_english_html_written_to_a_file(tmp_path):
    out = tmp_path / "claim.html"
    result = runner.invoke(app, ["claim", str(EX18), "--lang", "en", "--output", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert f"Declared true and sincere: to be paid back EUR{NBSP}10,200.00" in page


def _refuse(args: list[str], tmp_path: Path) -> list[str]:
    out = tmp_path / "claim.md"
    result = runner.invoke(app, ["claim", *args, "--output", str(out)])
    assert result.exit_code == 2, result.output
    assert not out.exists()  # nothing written
    return result.stderr.splitlines()


def test_every_reason_to_refuse_is_said_at_once(tmp_path):
    case = _copy(EX17, tmp_path)
    # no beneficiary, no costs.yaml, and R3 and D1 not reported
    text = (case / "convenant.yaml").read_text(encoding="utf-8")
    start, end = text.index("# S21:"), text.index("reports:")
    (case / "convenant.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    (case / "costs.yaml").unlink()
    results = (case / "results.yaml").read_text(encoding="utf-8")
    (case / "results.yaml").write_text(
        "".join(line for line in results.splitlines(keepends=True) if "R3" not in line and "D1" not in line)
    )
    lines = _refuse([str(case)], tmp_path)
    assert len(lines) == 3, lines
    assert "the agreement names no beneficiary" in lines[0] and lines[0].startswith(str(case / "convenant.yaml"))
    assert "no costs.yaml" in lines[1]
    assert "no result reported for R3, D1" in lines[2] and lines[2].startswith(str(case / "results.yaml"))
    # costs.not-capped does not apply without a cost statement: still refused, and why
    lines = _refuse([str(case), "--reading", "costs.not-capped"], tmp_path)
    assert any(
        line == "--reading costs.not-capped: does not apply to this case: the case has no cost statement (costs.yaml, S20)"
        for line in lines
    ), lines
    assert not any("no costs.yaml" in line for line in lines)


def test_with_costs_not_capped_the_claim_is_of_the_ceilings():
    # the addendum's ceiling 59564.98 is not capped at 52000.00: 397254.94 + 59564.98 = 456819.92
    result = runner.invoke(app, ["claim", str(EX17), "--lang", "en", "--reading", "costs.not-capped"])
    assert result.exit_code == 0, result.output
    assert "Declared true and sincere in the amount of EUR 456,819.92" in result.stdout
    assert "reading costs.not-capped" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "--format pdf writes a file: give --output FILE.pdf"),
        (["--output", "x.json"], "x.json: a claim is written as markdown, html, pdf"),
        (["--format", "html", "--output", "x.md"], "the extension .md means --format markdown, but --format is html"),
    ],
)
def test_usage_refusals(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["claim", str(EX17), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- the printed claim: one A4 page, the same bytes twice ------------------------------------------


def _print(case: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    cmd = [sys.executable, "-m", "convenant_calc", "claim", str(case), "--output", str(out)]
    return subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)


@needs_chromium
@pytest.mark.parametrize(
    ("case", "words"),
    [
        (EX17, "Echt en oprecht verklaard ten bedrage van € 449.254,94"),
        (EX18, "Echt en oprecht verklaard: terug te betalen € 10.200,00"),
    ],
)
def test_a_typical_claim_is_one_a4_page_and_the_same_bytes_twice(case, words, tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        done = _print(case, out)
        assert done.returncode == 0, done.stderr
    assert first.read_bytes() == second.read_bytes()
    info = subprocess.run(["pdfinfo", str(first)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info
    assert re.search(r"^Page size:.*\(A4\)$", info, re.MULTILINE), info
    text = subprocess.run(["pdftotext", str(first), "-"], capture_output=True, text=True, check=True).stdout
    assert words in " ".join(text.replace(NBSP, " ").split())


def test_the_footer_names_the_reports_input_hash_which_covers_the_cost_statement():
    # the claim's figures depend on costs.yaml (S20), so the input hash that ties it to the report does too
    report = runner.invoke(app, ["settle", str(EX17), "--format", "html"])
    assert report.exit_code == 0, report.output
    assert "<td>cost statement</td><td>costs.yaml</td>" in report.stdout.replace("\n", "")
    digest = re.search(r'Input hash: <span class="sha">([0-9a-f]{64})', report.stdout).group(1)
    claim = runner.invoke(app, ["claim", str(EX17), "--lang", "en"])
    assert f"Settled with convenant 0.1.0; input hash {digest[:16]}" in claim.stdout


_EX18 = load_case(EX18).case


@given(st.integers(min_value=1, max_value=10**8))
@example(32900000)  # exactly the subsidy: settled
@example(33920000)  # example 18's own advances: −10200.00
def test_the_document_follows_the_sign_of_the_balance_and_states_its_size(paid_cents):
    # example 18's capped subsidy 329000.00 against one advance of any size: balance 329000.00 − paid
    from convenant_calc.core.models import Payments
    from convenant_calc.views.claim import euro

    paid = Decimal(paid_cents).scaleb(-2)
    payments = Payments.model_validate({"payments": [{"date": "2023-10-02", "amount": paid}]})
    claim = build(settle_agreement(_EX18.model_copy(update={"payments": payments})), Lang("nl"))
    balance = Decimal("329000.00") - paid
    assert claim.kind == ("claim" if balance > 0 else "repayment" if balance < 0 else "settled")
    assert claim.declaration.endswith(euro(abs(balance), Lang("nl")))
    assert claim.words == "in letters: " + amount_in_words(abs(balance), Lang("nl"))
    assert claim.total.paid == Lang("nl").money(paid)
