"""The report reproduces the settlement's figures, step by step, in English and Dutch."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from convenant_calc.io.loading import load_case
from convenant_calc.render import report as render_report
from convenant_calc.render.json import settlement_dict
from convenant_calc.views.labels import Lang
from convenant_calc.views.report import build_part, input_files
from convenant_calc.core.settlement import settle

from .conftest import example_path, report, settled


def steps_by_key(name: str, lang: str = "en"):
    return {s.key: s for s in report(name, lang).steps}


def test_spec_example_b_shows_vacancy_and_time_credit():
    # SPEC §5 b = examples/04: Bram leaves 2024-11-30, Chloe starts 2025-01-06: 2024-12-01 … 2025-01-05
    # = 31 + 5 = 36 days with 3 of 4 FTE → 36 FTE-days. Dirk's 1/5 time credit 2024-09-01 … 2025-06-30
    # = 30+31+30+31+31+28+31+30+31+30 = 303 days × 0.2 = 60.6 FTE-days. With An's 12: 108.6.
    steps = steps_by_key("04-time-credit-and-vacancy")
    assert steps["vacancy"].figures == "36 d × 1 (2024-12-01 … 2025-01-05)"
    assert steps["vacancy"].result == "36 FTE-days"
    assert "#2 dirk, time credit: 303 d × 0.2 = 60.6" in steps["absent"].figures
    assert steps["absent"].result == "72.6 FTE-days (sickness 12; time credit 60.6)"
    assert steps["short"].figures == "36 + 72.6 = 108.6"
    assert steps["deduction"].result == "EUR 15,747.74"
    assert steps["subsidy"].figures == "296,800.00 + 101,760.00 − 15,747.74 = 382,812.26"
    dirk = [a for a in report("04-time-credit-and-vacancy").absences if a.consultant == "dirk"]
    assert [(a.kind, a.days_in_term, a.short) for a in dirk] == [("time credit", 303, "60.6")]

    md = render_report.part_markdown(report("04-time-credit-and-vacancy"))
    assert "**36 FTE-days**" in md
    assert "time credit 60.6" in md
    nl = render_report.part_markdown(report("04-time-credit-and-vacancy", "nl"))
    assert "**36 VTE-dagen**" in nl
    assert "tijdskrediet 60,6" in nl
    assert "**15.747,74 EUR**" in nl


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_reports_reproduce_the_json_figures(example, lang):
    t = Lang(lang)
    s = settled(example)
    j = settlement_dict(s)
    r = report(example, lang)
    steps = {step.key: step for step in r.steps}
    assert steps["effort"].result == t.eur(Decimal(j["effort_pool"]))
    assert steps["result_pool"].result == t.eur(Decimal(j["result_pool"]))
    assert steps["payout"].result == t.eur(Decimal(j["results"]["payout"]))
    assert steps["met"].result == t("r_met", k=j["results"]["achieved"], n=j["results"]["total"])
    assert steps["short"].result == t("r_fte_days", n=t.number(Decimal(j["deduction"]["shortfall_fte_days"])))
    # the rate as a number (examples/16's whole rate is shown "1,000", the JSON's "1000.000000")
    shown = steps["rate"].result.split(" ", 1)[0].rstrip("…")  # "145.006840…": the JSON's six decimals, cut
    shown = shown.replace(".", "").replace(",", ".") if t.dutch else shown.replace(",", "")
    assert Decimal(shown) == Decimal(j["deduction"]["daily_rate"]), steps["rate"].result
    assert steps["deduction"].result == t.eur(Decimal(j["deduction"]["amount"]))
    assert steps["subsidy"].result == t.eur(Decimal(j["subsidy"]))
    assert steps["paid"].result == t.eur(Decimal(j["paid"]))
    assert steps["balance"].result.startswith(t.eur(abs(Decimal(j["balance"]))))
    assert [step.number for step in r.steps] == list(range(1, len(r.steps) + 1))
    md = render_report.part_markdown(r)
    html = render_report.part_html(r)
    for figure in (j["subsidy"], j["deduction"]["amount"], j["balance"].lstrip("-"), j["results"]["payout"]):
        assert t.money(Decimal(figure)) in md
        assert t.money(Decimal(figure)) in html
    assert r.month_totals.deduction == t.money(Decimal(j["deduction"]["amount"]))


def test_steps_cite_article_rule_and_quote():
    steps = steps_by_key("07-everything-together")
    assert (steps["effort"].article, steps["effort"].rule) == ("Art. 2", "S2")
    assert (steps["payout"].article, steps["payout"].rule) == ("Art. 2", "S3")
    assert (steps["deduction"].article, steps["deduction"].rule) == ("Art. 5", "S10")
    assert steps["rate"].quotes[0].text == "De werkingssubsidie wordt dan berekend per consultant per dag van de looptijd."
    # 117.6 FTE-days × 424000 / 2924 = 17052.8043… (examples/07/README.md)
    assert steps["deduction"].figures == "117.6 × 424,000.00 / 2,924 = 17,052.804378…"
    assert steps["rate"].result == "145.006840… a day (exact: 106000/731)"
    # Els' relapse: 3 days × 1 FTE uncovered before the half-time replacement, 12 days × 0.5 with it.
    assert "#3 Els Maes, accident: 3 d × 1 + 12 d × 0.5 = 9" in steps["absent"].figures


def test_absences_show_the_guaranteed_wage_and_the_relapse():
    rows = report("07-everything-together").absences
    els = [a for a in rows if a.consultant == "Els Maes"]
    # 2024-05-06 … 2024-05-24 = 19 days, all covered; the relapse 10 days later has 30 − 19 = 11 days left.
    assert [(a.days_in_term, a.guaranteed_wage_days, a.window) for a in els] == [
        (19, "19", "own window of 30 d"),
        (26, "11", "relapse of #2: 11 d of the window left"),
    ]
    assert [(a.replaced, a.short) for a in els] == [("0", "0"), ("6", "9")]
    nl = [a for a in report("07-everything-together", "nl").absences if a.consultant == "Els Maes"]
    assert nl[1].window == "herval van #2: nog 11 d van de periode over"


def test_commitments_show_the_override_justification():
    rows = {c.id: c for c in report("04-time-credit-and-vacancy").commitments}
    assert rows["R3"].how == "achieved 84 < target 100" and not rows["R3"].met
    assert rows["R4"].how == "auditor's judgement: 512 registrations; 488 attended, accepted by WSE"
    assert rows["R4"].achieved == "" and rows["R4"].met


def test_agreement_without_references_still_reports():
    # examples/05 has its own convenant.yaml, without `references`: articles come from the rules, no quotes.
    r = report("05-maternity-half-replaced-exactly-half")
    assert all(step.quotes == () for step in r.steps)
    steps = {s.key: s for s in r.steps}
    assert (steps["payout"].article, steps["deduction"].article) == ("Art. 2", "Art. 5")
    # 2/4 = ½ is not below the cutoff ½: 63600.00 × 2 / 4 = 31800.00 (examples/05/README.md).
    assert steps["payout"].figures == "2/4 = 0.5 ≥ 0.5; 63,600.00 × 2 / 4 = 31,800.00"
    md = render_report.part_markdown(r)
    assert "> Art." not in md
    assert "**EUR 171,572.09**" in md


def test_dutch_money_is_written_the_dutch_way():
    t = Lang("nl")
    assert t.eur(Decimal("424000.00")) == "424.000,00 EUR"
    assert t.number(Decimal("108.6")) == "108,6"
    assert t.number(2924) == "2.924"
    assert Lang("en").eur(Decimal("424000.00")) == "EUR 424,000.00"
    steps = steps_by_key("07-everything-together", "nl")
    assert steps["agreement"].result == "424.000,00 EUR; 4 VTE"
    assert steps["balance"].result == "59.267,20 EUR uit te betalen"
    md = render_report.part_markdown(report("06-fewer-than-half-to-recover", "nl"))
    # 292449.79 − 339200.00 = −46750.21: to recover (examples/06/README.md).
    assert "**46.750,21 EUR terug te vorderen**" in md
    assert "Resultaatfinanciering: 2/5 behaald is minder dan de drempel 50 %: niets uitbetaald" in md


def test_user_text_is_escaped(tmp_path):
    case = tmp_path / "case"
    shutil.copytree(example_path("04-time-credit-and-vacancy"), case)
    results = case / "results.yaml"
    text = results.read_text(encoding="utf-8").replace(
        "512 registrations; 488 attended, accepted by WSE", "a | b <script>alert(1)</script> *bold*"
    )
    results.write_text(text, encoding="utf-8")
    loaded = load_case(case)
    r = build_part(settle(loaded.case), loaded.case.staffing, input_files(loaded.sources), Lang("en"))
    md = render_report.part_markdown(r)
    assert r"a \| b \<script\>alert(1)\</script\> \*bold\*" in md
    html = render_report.part_html(r)
    assert "<script>" not in html
    assert "a | b &lt;script&gt;alert(1)&lt;/script&gt; *bold*" in html


def test_absorbed_absence_is_a_step(tmp_path):
    # examples/04 with Chloe starting on 2024-11-01 instead of 2025-01-06. Bram stays until 2024-11-30, so
    # in November 2024 five consultants of 1 FTE are employed for 4 funded, and from December on four:
    # no vacancy at all. Dirk's 0.2 time credit in November is absorbed by the surplus:
    # 30 days × min(0.2, 5 − 4) = 6 FTE-days. Absences: An's 12 + 303 × 0.2 = 72.6. Short: 0 + 72.6 − 6 = 66.6.
    case = tmp_path / "case"
    shutil.copytree(example_path("04-time-credit-and-vacancy"), case)
    staffing = case / "absences.yaml"
    staffing.write_text(
        staffing.read_text(encoding="utf-8").replace("employed: {from: 2025-01-06}", "employed: {from: 2024-11-01}"),
        encoding="utf-8",
    )
    loaded = load_case(case)
    r = build_part(settle(loaded.case), loaded.case.staffing, input_files(loaded.sources), Lang("en"))
    steps = {s.key: s for s in r.steps}
    assert steps["vacancy"].result == "0 FTE-days"
    assert steps["absorbed"].figures == "30 d × min(0.2, 5 − 4) (2024-11-01 … 2024-11-30) = 6"
    assert steps["short"].figures == "0 + 72.6 − 6 = 66.6"


def test_absence_that_joins_a_running_spell_names_it_and_its_days_left():
    # S7: A 0.5 sick 2024-03-01 … 03-20, B 0.5 sick 2024-03-10 … 04-15: one spell, window 03-01 … 03-30.
    # B begins on day 10 of it with 30 − 9 = 21 days left: covered 03-10 … 03-30 (21 days),
    # 03-31 … 04-15 = 16 days × 0.5 = 8 FTE-days short.
    from ..helpers import case

    c = case(
        absences=[
            {"consultant": "an", "kind": "sickness", "from": "2024-03-01", "to": "2024-03-20", "fte": Decimal("0.5")},
            {"consultant": "an", "kind": "sickness", "from": "2024-03-10", "to": "2024-04-15", "fte": Decimal("0.5")},
        ]
    )
    s = settle(c)
    rows = {lang: build_part(s, c.staffing, (), Lang(lang)).absences for lang in ("en", "nl")}
    first, second = rows["en"]
    assert first.window == "own window of 30 d"
    assert (second.window, second.guaranteed_wage_days, second.short) == ("with #1: 21 d of the window left", "21", "8")
    assert rows["nl"][1].window == "samen met #1: nog 21 d van de periode over"


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("fmt", ["markdown", "html", "table"])
def test_no_zero_is_printed_with_a_minus_sign(fmt, lang, tmp_path):
    # issue 18 item 13: example 01 has no absence (deduction 0.00), example 03's case pays nothing
    # in advance (paid 0.00): both lines are amounts taken off, printed "−0.00" before the fix.
    from convenant_calc.cli.commands import run_settle

    for name in ("01-no-absences", "03-relapse-within-14-days"):
        out = tmp_path / f"{name}.{lang}.{fmt}"
        assert run_settle(example_path(name), fmt, lang, out) == 0
        text = out.read_text(encoding="utf-8")
        assert "\u22120.00" not in text and "\u22120,00" not in text and "-0.00" not in text and "-0,00" not in text
        zero = "0.00" if lang == "en" else "0,00"
        assert zero in text  # the zero line is there, without a sign
