"""Which article a step applies and the agreement's own words for it.

A step names its article and, when the agreement file carries it under ``references``,
quotes the agreement's Dutch sentence. An agreement file without ``references`` still
gives a full report: the articles come from :data:`ARTICLES`, without quotes.
"""

from __future__ import annotations

from convenant_calc.core.rules.termination import ARTICLE_7, ARTICLE_7_IMMEDIATE
from convenant_calc.core.settlement import Settlement
from convenant_calc.views.report.model import Quote

#: The rules' articles, when the agreement file quotes none.
ARTICLES = {
    "max_subsidy": "Art. 1",
    "term": "Art. 1",
    "effort_pool": "Art. 2",
    "result_payout": "Art. 2",
    "result_cutoff": "Art. 2",
    "result_commitments": "Art. 2, Art. 4",
    "staffing": "Art. 5",
    "guaranteed_wage": "Art. 5",
    "replacement": "Art. 5",
    "uncovered_leave": "Art. 5",
    "daily_rate": "Art. 5",
    "deduction": "Art. 5",
    "subsidy": "Art. 2, Art. 5",
    "reports": "Art. 6",
    "termination": "Art. 7",
    "termination_immediate": "Art. 7",
}

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
        if found and found not in articles:
            articles.append(found)
    return ", ".join(articles) or "—"
