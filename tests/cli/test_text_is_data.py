"""Issue 9, "text from the input is data": never rich markup, never control codes, never raw Markdown.

Each test writes a case (the bundled agreement; 2023-07-01 … 2025-06-30, 4 FTE) whose
texts carry markup or escape sequences, and asserts what the user sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from convenant_calc.cli.app import app

runner = CliRunner()

RESULTS = """\
convenant: lokale-besturen-2023-2025
results:
  - {{commitment: R1, met: true, justification: "{why}"}}
  - {{commitment: R2, achieved: 4}}
  - {{commitment: R3, achieved: 100}}
  - {{commitment: R4, achieved: 500}}
  - {{commitment: R5, achieved: 500}}
"""


def _case(tmp_path: Path, why: str, absences: str | None = None) -> Path:
    case = tmp_path / "case"
    case.mkdir()
    (case / "results.yaml").write_text(RESULTS.format(why=why), encoding="utf-8")
    if absences is not None:
        (case / "absences.yaml").write_text(absences, encoding="utf-8")
    return case


@pytest.mark.parametrize(
    "why",
    ["see [/annex]", "[link=https://example.org]click[/link] here", "[bold red]not bold[/]", "a \\\\[escaped]"],
)
def test_markup_in_a_justification_is_printed_as_written(tmp_path, why, monkeypatch):
    # "see [/annex]" crashed the table (rich.errors.MarkupError, exit 1); [link=…] made a hyperlink.
    monkeypatch.chdir(tmp_path)
    case = _case(tmp_path, why)
    written = why.replace("\\\\", "\\")
    result = runner.invoke(app, ["settle", "case"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert f"met by judgement: {written}" in result.stdout
    assert "\x1b]8;" not in result.stdout  # no OSC 8 hyperlink
    # a file gets the same text
    result = runner.invoke(app, ["settle", "case", "--output", "out.txt"])
    assert result.exit_code == 0
    assert written.split()[-2] in (tmp_path / "out.txt").read_text(encoding="utf-8")  # as written (cells may wrap)
    del case


def test_escape_sequences_in_an_id_reach_the_table_as_visible_escapes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    absences = (
        'consultants:\n  - {id: "x\\e[2J", fte: 1}\n  - {id: b}\n  - {id: c}\n  - {id: d}\n'
        'absences:\n  - {consultant: "x\\e[2J", kind: time_credit, from: 2024-01-01, to: 2024-01-10, fte: 0.2}\n'
    )
    _case(tmp_path, "OSC \\e]0;pwned\\a title", absences)
    result = runner.invoke(app, ["settle", "case"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "x\\x1b[2J" in result.stdout
    assert "OSC \\x1b]0;pwned\\x07 title" in result.stdout


def test_escape_sequences_in_validate_and_in_error_messages_are_visible(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _case(tmp_path, "fine")
    (tmp_path / "case" / "results.yaml").write_text(
        RESULTS.format(why="fine").replace("commitment: R2", 'commitment: "R2\\e[31m"'), encoding="utf-8"
    )
    result = runner.invoke(app, ["validate", "case"])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert result.stderr.splitlines()[1] == (
        "case/results.yaml:4:18: result for unknown commitment 'R2\\x1b[31m'; "
        "the commitments of lokale-besturen-2023-2025 are R1, R2, R3, R4, R5; correct the id"
    )


def test_validate_shows_what_was_read_without_control_codes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # A directory name carrying an escape: validate's summary names the files.
    case = tmp_path / "c\x1b[2Jd"
    case.mkdir()
    (case / "results.yaml").write_text(RESULTS.format(why="ok"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(case)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    assert "c\\x1b[2Jd/results.yaml: 5 results (1 judged by 'met')" in result.stdout


CONVENANT = """\
id: t
title: T
term: {start: 2024-01-01, end: 2024-12-31}
max_subsidy: 1000.00
consultants_fte: 1
result_commitments:
  - {id: R1, title: Visits, target: 1}
"""


def test_reference_articles_are_escaped_in_the_markdown_report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    case = tmp_path / "case"
    case.mkdir()
    (case / "convenant.yaml").write_text(
        CONVENANT + 'references:\n  deduction: {article: "<img src=x onerror=alert(1)>", quote: "q"}\n',
        encoding="utf-8",
    )
    (case / "results.yaml").write_text("results: [{commitment: R1, achieved: 1}]\n", encoding="utf-8")
    result = runner.invoke(app, ["settle", "case", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert "<img" not in result.stdout.replace("\\<img", "")
    assert "> \\<img src=x onerror=alert(1)\\>: “q”" in result.stdout


def test_unknown_keys_under_references_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    case = tmp_path / "case"
    case.mkdir()
    (case / "convenant.yaml").write_text(
        CONVENANT + "references:\n  Term: {article: Art. 1}\n  notes: {article: x}\n", encoding="utf-8"
    )
    (case / "results.yaml").write_text("results: [{commitment: R1, achieved: 1}]\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "case"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "case/convenant.yaml:9:3: unknown key 'Term' under references; did you mean 'term'?",
        "1 error in 1 file",
    ]


# --- invariants ------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from convenant_calc.core.text import _CONTROL, LIMIT, quoted, visible  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_visible_text_holds_no_control_character_and_leaves_other_text_alone(text):
    shown = visible(text)
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or ch in "\u2028\u2029\u202e\u2066" for ch in shown)
    assert not _CONTROL.search(shown)
    if not _CONTROL.search(text):
        assert shown == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_a_quoted_value_shows_at_most_the_limit_of_it(text):
    shown = quoted(text)
    if len(text) > LIMIT:
        assert shown.startswith(repr(text[:LIMIT])) and shown.endswith(f"… ({len(text)} characters)")
    else:
        assert shown == repr(text)
