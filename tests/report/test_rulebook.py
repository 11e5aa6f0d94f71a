"""The rulebook (docs/rules.md, docs/regels.md) is generated from the registry, and the reports link to it."""

from __future__ import annotations

from markupsafe import escape

import pytest

from convenant_calc.core.readings import ALTERNATIVES
from convenant_calc.core.rules.registry import RULEBOOK, RULES
from convenant_calc.render import report as render_report
from convenant_calc.core.models import Reference
from convenant_calc.core.settlement import settle
from convenant_calc.render import rulebook
from convenant_calc.views.labels import Lang, lang
from convenant_calc.views.report.articles import cited_rules
from convenant_calc.views.report.model import Quote, RuleLink

from ..conftest import ROOT
from .conftest import loaded, report


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_committed_rulebook_is_the_generated_one(lang):
    # after changing the registry: make docs
    assert (ROOT / RULEBOOK[lang]).read_text(encoding="utf-8") == rulebook.rulebook(lang)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_rule_has_its_anchor_quote_reading_and_example(lang):
    text, t = rulebook.rulebook(lang), Lang(lang)
    for r in RULES:
        assert f'<a id="{r.anchor}"></a>' in text
        assert f"## {r.id} — {t.of(r, 'title')}" in text
        if r.quote:
            assert f"> {r.article}: “{r.quote}”" in text
        assert t.of(r, "reading") in text
        assert t.of(r, "example") in text


def test_the_dutch_rulebook_reads_the_catalog():
    # S7's title and example come from the .po under msgctxt "S7.title", "S7.example"
    text = rulebook.rulebook("nl")
    assert "## S7 — Periode van het gewaarborgd loon" in text
    assert "## S7 — Guaranteed-wage window" not in text
    assert "**Uitgewerkt voorbeeld.**" in text


def section(book: str, anchor: str) -> str:
    """One rule of a rulebook: from its anchor to the next one (or the end)."""
    start = book.index(f'<a id="{anchor}"></a>')
    end = book.find('<a id="', start + 1)
    return book[start : end if end != -1 else len(book)].rstrip("\n")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_each_step_links_its_rules_to_the_reports_own_appendix(lang):
    # issue 22: a link to docs/rules.md breaks outside the repository; the report carries the rules itself.
    # examples/02 (SPEC §5 a): the absences step applies S6, S7 and S8
    r = report("02-long-sickness-partly-replaced", lang)
    absent = next(step for step in r.steps if step.key == "absent")
    assert [(link.id, link.href) for link in absent.rules] == [("S6", "#s6"), ("S7", "#s7"), ("S8", "#s8")]
    assert all(step.rules for step in r.steps)
    markdown = render_report.part_markdown(r)
    html = render_report.part_html(r)
    assert "[S7](#s7)" in markdown and '<a class="rule" href="#s7">S7</a>' in html
    # The appendix: each rule a step links, once, in the rulebook's order (S1 is linked by no step).
    linked = {link.id for step in r.steps for link in step.rules}
    assert [text.id for text in r.rules] == [rule.id for rule in RULES if rule.id in linked]
    assert [text.id for text in r.rules] == ["S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12"]
    # ... in the rulebook's own words (examples/02 is on the bundled agreement the rulebook quotes),
    # one heading level down in Markdown, after the signature.
    book = rulebook.rulebook(lang)
    for text in r.rules:
        assert section(book, text.anchor).replace("\n## ", "\n### ", 1) in markdown
        assert f'<section class="rule" id="{text.anchor}">' in html
        assert escape(text.reading) in html and escape(text.example) in html
    assert markdown.index("<a id=\"s2\"></a>") > markdown.index("| " + r.labels["sig_signature"])
    assert html.count('id="s7"') == 1


def test_appendix_quotes_the_cases_own_agreement_never_the_bundled_one():
    # examples/05 is a 2-FTE agreement whose file quotes no sentence: its appendix must not show the
    # bundled agreement's "Hiertoe worden effectief 4 VTE- sectorconsulenten ingezet." (S5), nor any other.
    r = report("05-maternity-half-replaced-exactly-half")
    s5 = next(text for text in r.rules if text.id == "S5")
    assert s5.quotes == () and s5.unquoted == "The agreement file quotes no sentence for this rule (under references)."
    markdown = render_report.part_markdown(r)
    assert "4 VTE" not in markdown and "Hiertoe worden" not in markdown
    assert all(rule.quote not in markdown for rule in RULES if rule.quote)
    # The same case with the sentence in its own file: that sentence is quoted.
    case = loaded("05-maternity-half-replaced-exactly-half").case
    own = {"staffing": Reference(article="Art. 5", quote="Hiertoe worden effectief 2 VTE-sectorconsulenten ingezet.")}
    convenant = case.convenant.model_copy(update={"references": own})
    s = settle(case.model_copy(update={"convenant": convenant}))
    texts = cited_rules(s, (RuleLink("S5", "#s5"),), lang("nl"))
    assert [(t.id, t.quotes) for t in texts] == [
        ("S5", (Quote("Art. 5", "Hiertoe worden effectief 2 VTE-sectorconsulenten ingezet."),))
    ]


# --- S17, SPEC §18: every alternative reading in the rulebook, its worked figure what settle gives ---


@pytest.mark.parametrize("alternative", [a.id for a in ALTERNATIVES])
def test_each_reading_is_in_the_rulebook_with_a_worked_figure_that_holds(alternative):
    # The figure the rulebook prints ("examples/NN …: … subsidy S [instead of D] (±X)") is what
    # `settle --readings` gives on that example: e.g. costs.not-capped on examples/18 396819.92
    # (+67819.92) against 329000.00 capped; relapse.first-incapacity on examples/09 582828.14 (+2758.90).
    import re
    from decimal import Decimal

    from convenant_calc.core.reading_costs import reading_costs
    from convenant_calc.core.readings import BY_ID
    from convenant_calc.core.settlement import settle_agreement
    from convenant_calc.io.loading import load_case

    a = BY_ID[alternative]
    for lang in ("en", "nl"):
        text, t = rulebook.rulebook(lang), Lang(lang)
        assert f"### `{a.id}`" in text and t.of(a, "example") in text and t.of(a, "alternative") in text
    example = re.match(r"examples/(\d\d)", a.example_en)
    figure = re.search(r"subsidy (?:is )?(\d+\.\d\d)(?: instead of \d+\.\d\d)? \(([+−])(\d+\.\d\d)\)", a.example_en)
    assert example and figure, a.example_en
    (case_dir,) = (ROOT / "examples").glob(f"{example[1]}-*")
    case = load_case(case_dir).case
    (row,) = [r for r in reading_costs(case, settle_agreement(case)) if r.alternative.id == a.id]
    sign = Decimal(-1) if figure[2] == "−" else Decimal(1)
    assert (row.applies, row.subsidy, row.difference) == (True, Decimal(figure[1]), sign * Decimal(figure[3]))
