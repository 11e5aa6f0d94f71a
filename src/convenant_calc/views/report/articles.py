"""Which article a step applies and the agreement's own words for it.

A step names its article and, when the agreement file carries it under ``references``,
quotes the agreement's Dutch sentence. An agreement file without ``references`` still
gives a full report: the articles come from :data:`ARTICLES`, without quotes.
"""

from __future__ import annotations

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
}


def quotes(s: Settlement, keys: tuple[str, ...]) -> tuple[Quote, ...]:
    """The agreement's sentences under ``keys`` (those the agreement file quotes), in order."""
    refs = s.convenant.references
    return tuple(Quote(refs[k].article, refs[k].quote) for k in keys if k in refs and refs[k].quote)


def article(s: Settlement, keys: tuple[str, ...]) -> str:
    """The articles of ``keys``, each once, from the agreement file or else :data:`ARTICLES` ("—" if none)."""
    refs = s.convenant.references
    articles: list[str] = []
    for key in keys:
        found = refs[key].article if key in refs else ARTICLES.get(key)
        if found and found not in articles:
            articles.append(found)
    return ", ".join(articles) or "—"
