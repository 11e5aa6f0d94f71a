"""One home per rule: the registry's quotes are the agreement's words, and everything that quotes agrees with it."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
import yaml

from convenant_calc.core.rules import absences, funding, lines, periods, registry, shortfall, staffing, subsidy
from convenant_calc.core.rules.registry import RULES, cite, rule

ROOT = Path(__file__).resolve().parents[2]
AGREEMENT = ROOT / "data" / "lokale-besturen-2023-2025.txt"
BUNDLED = ROOT / "data" / "lokale-besturen-2023-2025.yaml"


def words(text: str) -> str:
    """Whitespace normalised: a line or page break in the agreement is one space."""
    return " ".join(text.split())


def test_the_rules_are_s1_to_s12_in_order():
    assert [r.id for r in RULES][:12] == [f"S{n}" for n in range(1, 13)]
    assert len({r.id for r in RULES}) == len(RULES)


@pytest.mark.parametrize("r", [r for r in RULES if r.quote], ids=lambda r: r.id)
def test_every_quote_is_in_the_agreement_verbatim(r):
    assert words(r.quote) in words(AGREEMENT.read_text(encoding="utf-8"))
    assert r.article.startswith("Art. ")


def test_the_agreement_text_is_the_shared_seed_copied():
    seed = ROOT.parent / "shared" / "seeds" / "001_ae717b7fa9b36ee5.txt"
    if not seed.is_file():
        pytest.skip("the shared seed is not on this machine")
    assert AGREEMENT.read_bytes() == seed.read_bytes()


def test_the_bundled_references_agree_with_the_agreement_and_the_registry():
    references = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))["references"]
    text = words(AGREEMENT.read_text(encoding="utf-8"))
    for key, ref in references.items():
        assert words(ref["quote"]) in text, key
    for r in RULES:
        for key in r.references:
            # the YAML quotes the registry's sentence, or a part of it, under the same article
            assert references[key]["article"] == r.article, key
            assert words(references[key]["quote"]) in words(r.quote), key


RULE_FUNCTIONS = [
    staffing.baseline,
    funding.pools,
    funding.judge,
    funding.result_payout,
    absences.incapacity_spells,
    absences.guaranteed_wage_windows,
    absences.absence_outcome,
    shortfall.shortfall,
    subsidy.daily_rate,
    subsidy.deduction,
    subsidy.subsidy,
    subsidy.rate_base,
    lines.budgets,
    lines.line_factor,
    lines.line_outcome,
    periods.consultant_funding,
]


@pytest.mark.parametrize("function", RULE_FUNCTIONS, ids=lambda f: f.__name__)
def test_docstring_quotes_are_registry_quotes(function):
    doc = inspect.getdoc(function) or ""
    named = set(re.findall(r"\bS\d+\b", doc))  # the rules a docstring names
    assert named, "a rule function names its rule"
    quotes = [words(q) for q in re.findall(r'Art\. \d+: "(.*?)"', doc, flags=re.DOTALL)]
    allowed = {words(rule(i).quote) for i in named if i in registry.BY_ID}
    for quote in quotes:
        assert quote in allowed, f"{function.__name__} quotes a sentence that is not its rule's: {quote!r}"


def test_cite_as_the_outputs_print_it():
    assert cite("S2") == "Art. 2, S2"
    assert cite("S3", "S4") == "Art. 2, S3–S4"
    assert cite("S6", "S8") == "Art. 5, S6–S8"
    assert cite("S1") == "S1"  # a rule of the tool: no article
    assert rule("S7").anchor == "s7"
