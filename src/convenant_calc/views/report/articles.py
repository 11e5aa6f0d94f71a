"""Which article a step applies and the agreement's own words for it.

A step names its article and, when the agreement file carries it under ``references``,
quotes the agreement's Dutch sentence. An agreement file without ``references`` still
gives a full report: the articles come from the rule registry
(:data:`convenant_calc.core.rules.registry.ARTICLES`), without quotes.

Each step links the rules it applies to the report's own appendix (``#s7``), which states
them as the rulebook does (:func:`cited_rules`): a report read outside the repository
still finds every rule it cites.
"""

from __future__ import annotations

from collections.abc import Iterable

from convenant_calc.core.rules.registry import ARTICLES, QUOTED_AGREEMENT, RULES, Rule, rule
from convenant_calc.core.rules.termination import ARTICLE_7, ARTICLE_7_IMMEDIATE
from convenant_calc.core.settlement import Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.model import Quote, RuleLink, RuleText

#: The agreement's sentences a step quotes even when the agreement file carries no ``references``
#: for them: Art. 7 is the same in every sectorconvenant of the generation (S15).
BUILT_IN = {
    "termination": Quote("Art. 7", ARTICLE_7),
    "termination_immediate": Quote("Art. 7", ARTICLE_7_IMMEDIATE),
}


def quotes(s: Settlement, keys: tuple[str, ...]) -> tuple[Quote, ...]:
    """The agreement's sentences under ``keys`` (those the agreement file quotes), in order."""
    refs = s.convenant.references
    found = []
    for k in keys:
        if k in refs and refs[k].quote:
            found.append(Quote(refs[k].article, refs[k].quote))
        elif k in BUILT_IN:
            found.append(BUILT_IN[k])
    return tuple(found)


def article(s: Settlement, keys: tuple[str, ...]) -> str:
    """The articles of ``keys``, each once, from the agreement file or else :data:`ARTICLES` ("—" if none)."""
    refs = s.convenant.references
    articles: list[str] = []
    for key in keys:
        found = refs[key].article if key in refs else ARTICLES.get(key)
        if found is None and key in BUILT_IN:
            found = BUILT_IN[key].article
        if found and found not in articles:
            articles.append(found)
    return ", ".join(articles) or "—"


def rule_links(rules: str) -> tuple[RuleLink, ...]:
    """Each rule a step applies (``"S6, S7, S8"``) with its place in the report's appendix (``#s6``)."""
    return tuple(RuleLink(i, f"#{rule(i).anchor}") for i in (part.strip() for part in rules.split(",")) if i)


def rule_text(r: Rule, t: Lang, own: tuple[Quote, ...] | None = None) -> RuleText:
    """The rule in the words of the rulebook; ``own``: the sentences of an agreement other than the one quoted."""
    if own is None or not r.quote:
        quotes_, unquoted = ((Quote(r.article, r.quote),) if r.quote else ()), t("rule_no_quote")
    else:
        quotes_, unquoted = own, t("rule_not_quoted")
    return RuleText(
        id=r.id,
        anchor=r.anchor,
        title=t.of(r, "title"),
        article=r.article,
        quotes=quotes_,
        unquoted=unquoted,
        reading=t.of(r, "reading"),
        example=t.of(r, "example"),
    )


def cited_rules(s: Settlement, links: Iterable[RuleLink], t: Lang) -> tuple[RuleText, ...]:
    """The report's appendix: every rule linked, in the rulebook's order.

    The rulebook quotes the bundled agreement (:data:`QUOTED_AGREEMENT`); a report on another
    agreement quotes that agreement's own file (its ``references``) instead, or nothing: a 2-FTE
    agreement is never shown another's "4 VTE".
    """
    cited = {link.id for link in links}
    own = s.convenant.id == QUOTED_AGREEMENT
    return tuple(rule_text(r, t, None if own else quotes(s, r.references)) for r in RULES if r.id in cited)


def merged_rules(*groups: tuple[RuleText, ...]) -> tuple[RuleText, ...]:
    """S14: one appendix for several periods' reports: each rule once (as the first period states it), in order."""
    found: dict[str, RuleText] = {}
    for group in groups:
        for text in group:
            found.setdefault(text.id, text)
    return tuple(found[r.id] for r in RULES if r.id in found)
