"""The report explains an early end (S15, Art. 7) step by step, and shows the interim position (S16)."""

from datetime import date

from convenant_calc.core.interim import interim
from convenant_calc.io.bundled import data_dir, examples_dir
from convenant_calc.render import report as render_report
from convenant_calc.views.labels import Lang
from convenant_calc.views.report import build_part, input_files

from .conftest import loaded, report, settled


def test_termination_step_with_its_dates_and_article_7():
    r = report("10-terminated-by-notice", "nl")
    steps = {s.key: s for s in r.steps}
    step = steps["termination"]
    assert (step.article, step.rule) == ("Art. 7", "S15")
    # examples/10/README.md: posted 2024-12-20 → received 2024-12-26 → from 2024-12-27 → ends 2025-06-26;
    # 2025-06-27 … 2025-06-30: 4 d × 4 FTE = 16 FTE-days.
    assert step.figures == (
        "brief gepost 2024-12-20 (door de sector) → kennisgeving 2024-12-26 → opzegtermijn vanaf 2024-12-27 → "
        "einde 2025-06-26; 2025-06-27 … 2025-06-30: 4 d × 4 = 16 VTE-dagen niet gefinancierd"
    )
    assert step.result == "16 VTE-dagen"
    assert step.quotes[0].article == "Art. 7"
    assert "De opzeggingstermijn begint te lopen vanaf de eerste werkdag na de kennisgeving." in step.quotes[0].text
    # The shortfall step adds the fourth part: 0 vacancy + 23.6 absent + 16 after the end = 39.6.
    assert steps["short"].figures == "0 + 23,6 + 16 = 39,6"
    assert "na het einde" in steps["short"].formula
    # The step comes before the shortfall, numbered in order.
    assert step.number == steps["short"].number - 1


def test_no_termination_step_without_a_termination():
    assert "termination" not in {s.key for s in report("07-everything-together").steps}


def test_interim_section_in_markdown_and_html():
    name = "11-interim-position"
    case = loaded(name)
    s = settled(name)
    for lang, words in (("nl", ("Tussentijdse stand op 30 september 2024 (S16)", "−6.670,31", "290.129,69", "391.889,69")),
                        ("en", ("Interim position on 2024-09-30 (S16)", "−6,670.31", "290,129.69", "391,889.69"))):
        r = build_part(s, case.case.staffing, input_files(case.sources, data_dir()), Lang(lang), case=name,
                  interim=interim(s, date(2024, 9, 30)))
        md, html = render_report.part_markdown(r), render_report.part_html(r)
        for word in words:
            assert word in md and word in html
        assert "R1, R4, R5" in md
    # Without --as-of there is no such section.
    assert "Tussentijdse" not in render_report.part_markdown(report(name, "nl"))
    assert (examples_dir() / name / "expected.yaml").is_file()


def test_the_termination_reference_is_named_in_the_step():
    from convenant_calc.core.settlement import settle
    from convenant_calc.views.report.steps import steps

    from ..helpers import case, convenant

    conv = convenant(termination={"kind": "mutual", "ends": "2025-06-29", "reference": "akkoord van 2025-03-14"})
    s = settle(case(conv=conv))
    step = {x.key: x for x in steps(s, case(conv=conv).staffing, Lang("en"))}["termination"]
    # Ends 2025-06-29: one day, 2025-06-30, × 4 FTE = 4 FTE-days.
    assert step.figures == (
        "akkoord van 2025-03-14: mutual agreement: ends 2025-06-29; 2025-06-30 … 2025-06-30: 1 d × 4 = 4 FTE-days "
        "not funded"
    )
