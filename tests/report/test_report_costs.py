"""S20 in the report: the cost statement section of each line and period (Markdown, HTML, en and nl).

Figures derived by hand from the examples' costs.yaml:

- examples/17 (SPEC §14 d). Main line: salary 4 × 102500.00 = 410000.00, operating 7000.00 + 5000.00 =
  12000.00, eligible 422000.00; the project cost 4500.00 is ineligible (Art. 5 reserves the main line for
  salary and operating costs). Ceiling 397254.94 ≤ 422000.00: not capped. Addendum duaal-leren: salary
  2 × 11000.00 = 22000.00, project 30000.00, eligible 52000.00 < ceiling 59564.98: capped at 52000.00.
- examples/18: salary 2 × 160000.00 = 320000.00, operating 4000.00 + 5000.00 = 9000.00, eligible
  329000.00 < ceiling 396819.92: capped; 1200.00 dated 2025-07-15, after the term, ineligible.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from convenant_calc.cli.app import app
from convenant_calc.io.bundled import examples_dir

E17 = examples_dir() / "17-cost-statement"
E18 = examples_dir() / "18-costs-below-advances"


def report(case, fmt: str, lang: str = "en", *extra: str) -> str:
    result = CliRunner().invoke(app, ["settle", str(case), "-f", fmt, "--lang", lang, *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def section(markdown: str, heading: str) -> list[str]:
    """Every cost statement section of a Markdown report, each up to the next heading."""
    return re.findall(rf"#+ {re.escape(heading)}\n(.*?)(?=\n#+ )", markdown, flags=re.S)


def test_example_17_markdown_per_line():
    main, addendum = section(report(E17, "markdown"), "Cost statement (S20, Art. 5–6)")
    assert "| salary | 410,000.00 | 0.00 |" in main
    assert "| operating | 12,000.00 | 0.00 |" in main
    assert "| project | 0.00 | 4,500.00 |" in main
    assert "| **total** | **422,000.00** | **4,500.00** |" in main
    assert "| Ceiling (S11) | 397,254.94 |" in main
    assert "the cap does not apply; the subsidy is EUR 397,254.94" in main
    # the ineligible cost with its reason
    assert (
        "| 2024-05-15 | project | factuur 2024-0201 | campagne werkvloeren (a project cost on the main line: "
        "ineligible) | 4,500.00 | no: a project cost is not eligible in the line lokale-besturen-2023-2025 "
        "(eligible: salary, operating; Art. 5) |"
    ) in main
    assert main.count("| yes |") == 6  # the six salary and operating costs
    assert "| **total** | **52,000.00** | **0.00** |" in addendum  # 22000.00 + 30000.00
    assert "| project | 30,000.00 | 0.00 |" in addendum
    assert "| Ceiling (S11) | 59,564.98 |" in addendum
    assert "the subsidy is capped at EUR 52,000.00 (S20)" in addendum
    assert "| 2024-06-30 | salary | loonstaat An 2023-07..2024-06 | an | 11,000.00 | yes |" in addendum


def test_example_17_dutch():
    main, addendum = section(report(E17, "markdown", "nl"), "Kostenstaat (S20, art. 5–6)")
    assert "| projectkosten | 0,00 | 4.500,00 |" in main
    assert "nee: projectkosten zijn niet subsidiabel in de financieringslijn lokale-besturen-2023-2025" in main
    assert "de begrenzing speelt niet; de subsidie is 397.254,94 EUR" in main
    assert "de subsidie is begrensd tot 52.000,00 EUR (S20)" in addendum
    assert "| 30 juni 2024 | loonkosten |" in addendum


def test_example_18_after_the_term():
    (only,) = section(report(E18, "markdown"), "Cost statement (S20, Art. 5–6)")
    assert "| **total** | **329,000.00** | **1,200.00** |" in only
    assert "the subsidy is capped at EUR 329,000.00" in only
    assert "no: dated 2025-07-15, outside every period of the agreement (Art. 5: within the term) |" in only


def test_example_18_html_and_reading_not_capped():
    html = report(E18, "html")
    assert '<h2 id="costs">Cost statement (S20, Art. 5–6)</h2>' in html
    assert '<tr class="ineligible" style="color: #7a2e00"><td class="date">2025-07-15</td>' in html
    (only,) = section(report(E18, "markdown", "en", "--reading", "costs.not-capped"), "Cost statement (S20, Art. 5–6)")
    assert "the costs cap nothing: the subsidy is the ceiling, EUR 396,819.92 (S17)" in only


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_no_section_without_costs(fmt):
    out = report(examples_dir() / "02-long-sickness-partly-replaced", fmt)
    assert "Cost statement" not in out
    assert "These figures are ceilings until a cost statement (costs.yaml) is added (S20)." in out
