"""Issue 18 item 4: no input text can forge a cell of a Markdown table.

An extension id ``v | 999.00 | `x` | 1.00 |`` was written as a code span, and a table cell ends
at a ``|`` even inside a code span (GFM): the periods table showed 999.00 and 1.00 in cells of
their own, beside the real figures. The report is rendered here the way a reader's viewer
renders it (markdown-it, GFM tables), and every cell is checked: each row has as many cells as
its header, and the made-up figures are nowhere a cell of their own.
"""

from __future__ import annotations

import re
import shutil

from markdown_it import MarkdownIt
from typer.testing import CliRunner

from convenant_calc.cli.app import app

from ..conftest import EXAMPLES

FORGED = "v | 999.00 | `x` | 1.00 |"


def _rows(markdown: str) -> list[tuple[int, list[str]]]:
    """Every row of every table: (cells the header has, the row's cells as written in the source)."""
    rows: list[tuple[int, list[str]]] = []
    header = 0
    for line in markdown.splitlines():
        if not line.startswith("|"):
            header = 0
            continue
        cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]  # a | not escaped ends a cell, as GFM reads it
        if set("".join(cells)) <= set("-: "):
            continue  # the delimiter row
        header = header or len(cells)
        rows.append((header, cells))
    return rows


def test_an_id_title_label_and_quote_holding_pipes_and_backticks_forge_no_cell(tmp_path):
    case = shutil.copytree(EXAMPLES / "09-extension-year", tmp_path / "case")
    text = (case / "convenant.yaml").read_text(encoding="utf-8")
    text = text.replace("id: verlenging-2025-2026", f"id: '{FORGED}'")
    text = text.replace("title: Sectorconvenant 2023-2025 Lokale Besturen", f"title: '{FORGED}'", 1)
    text = text.replace('quote: "De werkingssubsidie wordt dan', f'quote: "{FORGED} De werkingssubsidie wordt dan')
    text = text.replace("title: Bereiken van werkvloeren, target: 96", f"title: '{FORGED}', target: 96")
    (case / "convenant.yaml").write_text(text, encoding="utf-8")
    payments = (case / "payments.yaml").read_text(encoding="utf-8")
    payments = payments.replace("period: verlenging-2025-2026", f"period: '{FORGED}'")
    payments = payments.replace("label: voorschot 1 (40 %)", f"label: '{FORGED}'")
    (case / "payments.yaml").write_text(payments, encoding="utf-8")

    result = CliRunner().invoke(app, ["settle", str(case), "-f", "markdown", "--readings"])
    assert result.exit_code == 0, result.output
    markdown = result.stdout
    rows = _rows(markdown)
    assert len(rows) > 50
    for header, cells in rows:
        assert len(cells) == header, cells
        assert "999.00" not in [c.strip() for c in cells] and "1.00" not in [c.strip() for c in cells], cells

    html = MarkdownIt("commonmark").enable("table").render(markdown)  # as a viewer shows it
    assert not re.search(r"<td>(<code>)?\s*(999\.00|1\.00)\s*(</code>)?</td>", html)
    assert html.count("v | 999.00 | `x` | 1.00 |") >= 5  # the id, title, label and quote, as written
