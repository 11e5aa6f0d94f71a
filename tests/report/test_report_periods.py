"""S14 in the human outputs: the table, the Markdown and HTML reports and the ledger of example 09.

Figures from examples/09-extension-year/README.md: period 1 subsidy 396819.92, balance 100019.92;
period 2 (ILLUSTRATIVE) subsidy 183249.32, balance 98449.32; totals 636000.00, 580069.24, 381600.00, 198469.24.
"""

from __future__ import annotations

import csv
import io
from fractions import Fraction

from convenant_calc.core.money import round_cents
from convenant_calc.core.settlement import settle_agreement
from convenant_calc.io.bundled import data_dir
from convenant_calc.render import ledger_csv, table
from convenant_calc.render import report as render_report
from convenant_calc.views.labels import Lang
from convenant_calc.views.ledger import ledger
from convenant_calc.views.report import build_agreement, input_files

from .conftest import PERIOD_EXAMPLES, loaded
from .test_report_html import parse

NAME = "09-extension-year"
P1, P2 = "lokale-besturen-2023-2025", "verlenging-2025-2026"


def agreement_report(lang: str = "en"):
    case = loaded(NAME)
    a = settle_agreement(case.case)
    return build_agreement(a, case.case.staffing, input_files(case.sources, data_dir()), Lang(lang), case=NAME)


def test_example_09_is_a_period_example():
    assert PERIOD_EXAMPLES == [NAME]


def test_overview_and_totals():
    r = agreement_report()
    assert [(p.id, p.days, p.subsidy, p.balance) for p in r.overview] == [
        (P1, 731, "396,819.92", "100,019.92"),
        (P2, 365, "183,249.32", "98,449.32"),
    ]
    assert (r.total.days, r.total.max_subsidy, r.total.subsidy, r.total.paid, r.total.balance) == (
        1096, "636,000.00", "580,069.24", "381,600.00", "198,469.24",
    )
    first, second = r.periods
    assert (first.period, second.period) == (P1, P2)
    assert [(a.id, a.kind, a.what) for a in first.amendments] == [
        ("bijsturing-2024", "change", "replaces R2 (target 3)")
    ]
    assert [(a.id, a.kind, a.what) for a in second.amendments] == [
        ("verlenging-2025-2026", "extension", "adds the period 2025-07-01 … 2026-06-30, maximum 212,000.00")
    ]
    # A period's absence table lists only the absences with days in it.
    assert [a.number for a in first.absences] == [1]
    assert [(a.number, a.days_in_term, a.guaranteed_wage_days, a.short) for a in second.absences] == [
        (1, 15, "0", "15"),
        (2, 19, "19", "0"),
        (3, 40, "11", "29"),
        (4, 12, "12", "0"),
        (5, 38, "30", "8"),
    ]
    assert second.absences[2].window == (
        "relapse of #2: 11 d of the window left (relapse_days 56 (from 2026-01-01): "
        "herval binnen 8 weken (56 dagen) vanaf 1 januari 2026)"
    )
    assert second.absences[4].window == "own window of 30 d (guaranteed_wage_days 30; relapse_days 14 (from 2023-07-01))"


def test_markdown_and_html():
    for lang in ("en", "nl"):
        r = agreement_report(lang)
        md = render_report.agreement_markdown(r)
        assert md.count("\n## Settlement report") + md.count("\n## Afrekeningsrapport") == 2
        assert ("580,069.24" if lang == "en" else "580.069,24") in md
        html = render_report.agreement_html(r)
        doc = parse(html)
        assert doc.svgs == 2 and html.count('<section id="period-') == 2
        assert html.startswith("<!DOCTYPE html>\n") and html.endswith("</html>\n")
        # One appendix of rules for both periods, at the end; every step's link lands in it.
        assert html.count('<section class="rules">') == 1 and md.count("<a id=\"s10\"></a>") == 1
        assert md.endswith(".\n") and not md.endswith("\n\n")  # the appendix ends the file, one newline
        assert html.index('<section class="rules">') > html.rindex('<section id="period-')
        ids = [a["id"] for _, a in doc.tags if "id" in a]
        linked = {a["href"][1:] for t, a in doc.tags if t == "a" and a.get("class") == "rule"}
        assert linked and all(ids.count(anchor) == 1 for anchor in linked)


def test_table_shows_each_period_and_the_totals():
    text = table.render(settle_agreement(loaded(NAME).case), width=120)
    assert "Periods (S14)" in text and f"Period {P1}" in text and f"Period {P2}" in text
    assert "580,069.24" in text and "198,469.24" in text
    assert "Deduction: 52 FTE-days × 145.205479 a day (Art. 5, S10)" in text


def test_ledger_by_period_sums_to_each_deduction():
    a = settle_agreement(loaded(NAME).case)
    text = ledger_csv.render_periods([(pid, ledger(s)) for pid, s in zip(a.period_ids, a.periods)])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 731 + 365
    for pid, s in zip(a.period_ids, a.periods):
        mine = [r for r in rows if r["period"] == pid]
        total = sum((Fraction(r["deduction_exact"]) for r in mine), Fraction(0))
        assert round_cents(total) == s.deduction.amount  # 1740.08 and 7550.68
    by_day = {r["date"]: r for r in rows}
    assert (by_day["2025-06-30"]["period"], by_day["2025-06-30"]["fte_short"]) == (P1, "1")
    assert (by_day["2025-07-01"]["period"], by_day["2025-07-01"]["fte_short"]) == (P2, "1")
