"""The rulebook (docs/rules.md, docs/regels.md) is generated from the registry, and the reports link to it."""

from __future__ import annotations

import re

import pytest

from convenant_calc.core.rules.registry import RULEBOOK, RULES
from convenant_calc.render import report as render_report
from convenant_calc.render import rulebook
from convenant_calc.views.labels import Lang

from ..conftest import ROOT
from .conftest import report


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


@pytest.mark.parametrize("lang, book", [("en", "docs/rules.md"), ("nl", "docs/regels.md")])
def test_each_step_of_the_report_links_its_rules_to_the_rulebook(lang, book):
    # examples/02 (SPEC §5 a): the absences step applies S6, S7 and S8
    r = report("02-long-sickness-partly-replaced", lang)
    absent = next(step for step in r.steps if step.key == "absent")
    assert [(link.id, link.href) for link in absent.rules] == [
        ("S6", f"{book}#s6"),
        ("S7", f"{book}#s7"),
        ("S8", f"{book}#s8"),
    ]
    assert all(step.rules for step in r.steps)
    markdown = render_report.markdown(r)
    assert f"[S7]({book}#s7)" in markdown
    assert f'<a class="rule" href="{book}#s7">S7</a>' in render_report.html(r)
    anchors = set(re.findall(r'<a id="(s\d+)"></a>', (ROOT / book).read_text(encoding="utf-8")))
    linked = {link.href.split("#")[1] for step in r.steps for link in step.rules}
    assert linked <= anchors
