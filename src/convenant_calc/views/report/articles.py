"""Which article a step applies and the agreement's own words for it.

A step names its article and, when the agreement file carries it under ``references``,
quotes the agreement's Dutch sentence. An agreement file without ``references`` still
gives a full report: the articles come from the rule registry
(:data:`convenant_calc.core.rules.registry.ARTICLES`), without quotes.
"""

from __future__ import annotations

from convenant_calc.core.rules.registry import ARTICLES, rulebook_link
from convenant_calc.core.rules.termination import ARTICLE_7, ARTICLE_7_IMMEDIATE
from convenant_calc.core.settlement import Settlement
from convenant_calc.views.report.model import Quote, RuleLink

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


def rule_links(rules: str, lang: str) -> tuple[RuleLink, ...]:
    """Each rule a step applies (``"S6, S7, S8"``) with its place in the rulebook of the language."""
    return tuple(RuleLink(i, rulebook_link(i, lang)) for i in (part.strip() for part in rules.split(",")) if i)
