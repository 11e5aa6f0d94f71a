"""The settlement as a numbered chain of steps (S2–S12), each redoable with a calculator.

Each step has its own builder: a function of a :class:`StepInput` returning a
:class:`Draft` (or None when the step does not apply to the case, as "absorbed" when
no absence fell on surplus staff). :data:`STEPS` lists the builders in the order the
report numbers them; adding a step is writing a builder and putting it in that list
(its title ``s_<key>`` and formula ``f_<key>`` go in ``views/labels.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from convenant_calc.core.models import Staffing
from convenant_calc.core.money import D
from convenant_calc.core.readings import ALTERNATIVES
from convenant_calc.core.settlement import Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.ledger import kind_fte_days
from convenant_calc.views.report.absences import shown_absences, who, window_rules
from convenant_calc.views.report.articles import article, quotes, rule_links
from convenant_calc.views.report.model import Step
from convenant_calc.views.report.summary import balance_word


@dataclass(frozen=True)
class StepInput:
    """What a step builder may read: the settlement, the staffing file and the language."""

    s: Settlement
    staffing: Staffing
    t: Lang

    @property
    def fte(self) -> str:
        """The FTE the line funds (the agreement's, for the main line), written in the report's language."""
        return self.t.number(self.s.funded_fte)


@dataclass(frozen=True)
class Draft:
    """A step before it is numbered: figures and result in words, its rule, the reference keys.

    ``quote_keys`` name the agreement's sentences quoted under the step; ``article_keys``
    (when given) name the articles shown, else the quoted keys' articles are.
    """

    key: str
    figures: str
    result: str
    rule: str
    quote_keys: tuple[str, ...]
    article_keys: tuple[str, ...] | None = None
    formula_key: str | None = None  # the formula ``f_<formula_key>`` instead of ``f_<key>``
    article: str | None = None  # the article shown, instead of the one of the keys (S19: an addendum's reference)


StepBuilder = Callable[[StepInput], "Draft | None"]


def agreement(x: StepInput) -> Draft:
    s, t = x.s, x.t
    b = s.budget
    if not b.main:  # S19: an addendum's own budget, and the part of it that funds consultants
        return Draft(
            "line_agreement",
            t("x_line_agreement", max=t.money(b.max_subsidy), fte=x.fte, funding=t.money(b.consultant_funding)),
            f"{t.eur(b.max_subsidy)}; {x.fte} {t('tl_fte')}",
            "S19",
            (),
            (),
            article=b.reference or b.title,
        )
    c = s.convenant
    return Draft(
        "agreement",
        t("x_agreement", max=t.money(c.max_subsidy), fte=x.fte),
        f"{t.eur(c.max_subsidy)}; {x.fte} {t('tl_fte')}",
        "S2, S10",
        ("max_subsidy", "consultants_fte"),
        ("max_subsidy",),
    )


def term(x: StepInput) -> Draft:
    s, t = x.s, x.t
    c = s.convenant
    return Draft("term", f"{c.term.end} − {c.term.start} + 1", t("r_days", n=t.number(s.term_days)), "S10", ("term",))


def effort(x: StepInput) -> Draft:
    s, t = x.s, x.t
    product = s.funding.effort_share * s.max_subsidy
    figures = f"{t.number(s.funding.effort_share)} × {t.money(s.max_subsidy)} = {t.exact_money(product)}"
    return Draft("effort", figures, t.eur(s.effort_pool), "S2", ("effort_pool",))


def result_pool(x: StepInput) -> Draft:
    s, t = x.s, x.t
    return Draft(
        "result_pool",
        f"{t.money(s.max_subsidy)} − {t.money(s.effort_pool)} = {t.money(s.result_pool)}",
        t.eur(s.result_pool),
        "S2",
        ("result_pool",),
        ("effort_pool",),
    )


def met(x: StepInput) -> Draft:
    r, t = x.s.results, x.t
    if not r.total:  # S19: a line without result funding has no commitments
        return Draft("met", t("x_no_commitments"), t("r_met", k=0, n=0), "S4, S19", ())
    judged = []
    for co in r.commitments:
        if co.pending:
            judged.append(f"{co.id} {t('pending')}")
        elif co.overridden:
            judged.append(f"{co.id} {t('x_judged_met' if co.met else 'x_judged_not_met')}")
        else:
            judged.append(f"{co.id} {t.number(co.achieved)} {'≥' if co.met else '<'} {t.number(co.target)}")
    return Draft("met", "; ".join(judged), t("r_met", k=r.met, n=r.total), "S4", ("result_commitments",))


def payout(x: StepInput) -> Draft:
    s, t = x.s, x.t
    r = s.results
    if not r.total:  # S19: "result_commitments: required when result_share > 0"
        return Draft("payout", t("x_no_commitments"), t.eur(r.payout), "S3, S19", ())
    share = Fraction(r.met, r.total)
    if r.below_cutoff:
        figures = t("x_below", k=r.met, n=r.total, share=t.exact(share, 4), cutoff=t.number(r.cutoff))
        if share == Fraction(r.cutoff):  # S17 results.half-not-paid: exactly the cutoff is not paid
            figures = figures.replace(" < ", " ≤ ", 1)
        return Draft("payout", figures, t.eur(r.payout), "S3", ("result_cutoff",))
    exact = Fraction(s.result_pool) * share
    figures = (
        f"{t('x_not_below', k=r.met, n=r.total, share=t.exact(share, 4), cutoff=t.number(r.cutoff))}; "
        f"{t.money(s.result_pool)} × {r.met} / {r.total} = {t.exact_money(exact)}"
    )
    return Draft("payout", figures, t.eur(r.payout), "S3", ("result_payout", "result_cutoff"), ("result_payout",))


def vacancy(x: StepInput) -> Draft:
    s, t = x.s, x.t
    st = s.staffing
    if not x.staffing.consultants:
        text = t("x_no_consultants", fte=x.fte)
    else:
        parts = [
            t(
                "x_vacancy_piece",
                days=p.days,
                fte=t.number(p.vacancy),
                first=p.first,
                last=p.last,
            )
            for p in st.pieces
            if p.vacancy
        ]
        text = " + ".join(parts) if parts else t("x_no_vacancy", fte=x.fte)
        if len(parts) > 1:
            text += f" = {t.number(st.vacancy_fte_days)}"
    return Draft("vacancy", text, t("r_fte_days", n=t.number(st.vacancy_fte_days)), "S5", ("staffing",))


def absent(x: StepInput) -> Draft:
    s, t = x.s, x.t
    parts = []
    for a in s.in_term:  # an absence without a day in the term has no FTE off duty in it
        if not a.off_duty:
            continue
        terms = " + ".join(f"{span.days} d × {t.number(span.value)}" for span in a.off_duty)
        terms += f" = {t.number(a.short_fte_days)}"
        if a.share is not None:  # S19: the part of the absence that counts in this line
            terms += f" ({line_part(x, a.index, a.consultant)})"
        if s.readings.days_counted == "working":  # S17 days.working: only these FTE-days count
            terms += f" ({t('x_working_days', n=t.number(a.short_fte_days_on_working_days))})"
        parts.append(
            t("x_absence_piece", no=a.index + 1, who=who(x.staffing, a.consultant), kind=t.kind(a.kind), terms=terms)
        )
    figures = "; ".join(parts) if parts else t("x_no_absent")
    if s.convenant.absence_rules.dated:  # S13: name the value used for each absence, and its reference
        used = [f"#{a.index + 1} {window_rules(a, t)}" for a in shown_absences(s) if a.window is not None]
        if used:
            figures += f". {t('x_s13')}: " + "; ".join(used)
    by_kind = kind_fte_days(s)
    result = t("r_fte_days", n=t.number(s.staffing.absence_fte_days))
    if by_kind:
        result += " (" + "; ".join(f"{t.kind(k)} {t.number(v)}" for k, v in by_kind.items()) + ")"
    quote_keys = ["guaranteed_wage", "replacement"]
    if any(not a.kind.has_guaranteed_wage for a in shown_absences(s)):
        quote_keys.append("uncovered_leave")
    return Draft("absent", figures, result, "S6, S7, S8", tuple(quote_keys), ("replacement",))


def absorbed(x: StepInput) -> Draft | None:
    """Absence on surplus staff (S9); no step when there is none."""
    s, t = x.s, x.t
    st = s.staffing
    if not st.absorbed_fte_days:
        return None
    parts = [
        f"{p.days} d × min({t.number(p.off_duty)}, {t.number(p.employed)} − {x.fte}) ({p.first} … {p.last})"
        for p in st.pieces
        if p.off_duty and p.employed > s.funded_fte and p.counted  # S17 days.working: counted days only
    ]
    figures = " + ".join(parts) + f" = {t.number(st.absorbed_fte_days)}"
    return Draft("absorbed", figures, t("r_fte_days", n=t.number(st.absorbed_fte_days)), "S9", ("staffing",))


def line_part(x: StepInput, index: int, consultant_id: str) -> str:
    """S19: how much of a consultant's absence counts in the line: "1 FTE × 0.25 / 1 in line duaal-leren"."""
    t, b = x.t, x.s.budget
    c = x.staffing.consultant(consultant_id)
    if c is None:  # not reached: a part is only taken of a listed consultant's absence
        return b.line
    whole = x.staffing.absence_fte(x.staffing.absences[index])
    share = c.share(b.line, b.main)
    return t("x_line_part", whole=t.number(whole), share=t.number(share), fte=t.number(c.fte), line=b.line)


def termination(x: StepInput) -> Draft | None:
    """S15: the dates of an early end, step by step, and the FTE-days after it; no step without a termination."""
    s, t = x.s, x.t
    e = s.ending
    if e is None:
        return None
    term = s.convenant.term
    by = s.convenant.termination.by if s.convenant.termination is not None else None
    kind = t(f"end_{e.kind.value}")
    if e.notice is not None:
        n = e.notice
        dates = t("x_notice", posted=n.posted, by=t(f"party_{by.value}") if by else "—", received=n.received,
                  starts=n.starts, ends=n.ends)
    else:
        dates = t("x_ends", kind=kind, ends=e.ends)
    st = s.staffing
    if e.unfunded_from is None:
        unfunded = t("x_no_unfunded")
    else:
        unfunded = t("x_unfunded", first=e.unfunded_from, last=term.end, days=e.unfunded_days, fte=x.fte,
                     fte_days=t.number(st.unfunded_fte_days))
    reference = s.convenant.termination.reference if s.convenant.termination is not None else None
    if reference:
        dates = f"{reference}: {dates}"
    keys = ("termination_immediate",) if e.kind.value == "immediate" else ("termination",)
    return Draft("termination", f"{dates}; {unfunded}", t("r_fte_days", n=t.number(st.unfunded_fte_days)), "S15",
                 keys)


def short(x: StepInput) -> Draft:
    st, t = x.s.staffing, x.t
    figures = f"{t.number(st.vacancy_fte_days)} + {t.number(st.absence_fte_days)}"
    if st.absorbed_fte_days:
        figures += f" − {t.number(st.absorbed_fte_days)}"
    if st.unfunded_fte_days:
        figures += f" + {t.number(st.unfunded_fte_days)}"
    figures += f" = {t.number(st.fte_days)}"
    formula = "short_ended" if st.unfunded_fte_days else None  # S15: the formula names the fourth part
    return Draft("short", figures, t("r_fte_days", n=t.number(st.fte_days)), "S9", ("deduction",), None, formula)


def rate(x: StepInput) -> Draft:
    s, t = x.s, x.t
    d = s.deduction
    formula = None if s.budget.main else "rate_line"  # S19: an addendum's rate is on its consultant funding
    if d.daily_rate is None:  # S19: "A line with consultants_fte: 0 has no deduction"
        return Draft("rate", t("x_no_rate"), "—", "S10, S19", ("daily_rate",), None, "rate_none")
    divisor = s.funded_fte * d.rate_days  # the maximum and the term's days, unless a reading of S17 says otherwise
    return Draft(
        "rate",
        f"{t.money(d.rate_base)} / ({x.fte} × {t.number(d.rate_days)}) = {t.money(d.rate_base)} / "
        f"{t.number(divisor)} = {t.exact(d.daily_rate)}",
        t("r_rate", rate=t.exact(d.daily_rate), fraction=f"{d.daily_rate.numerator}/{d.daily_rate.denominator}"),
        "S10" if s.budget.main else "S10, S19",
        ("daily_rate",),
        None,
        formula,
    )


def deduction(x: StepInput) -> Draft:
    s, t = x.s, x.t
    d = s.deduction
    if d.daily_rate is None:  # S19: no consultants funded, no deduction
        return Draft("deduction", t("x_no_rate"), t.eur(d.amount), "S10, S19", ("deduction",))
    divisor = s.funded_fte * d.rate_days
    return Draft(
        "deduction",
        f"{t.number(d.shortfall_fte_days)} × {t.money(d.rate_base)} / {t.number(divisor)} "
        f"= {t.exact_money(d.exact)}",
        t.eur(d.amount),
        "S10" if s.budget.main else "S10, S19",
        ("deduction",),
        None,
        None if s.budget.main else "deduction_line",  # S19: on the consultant funding
    )


def subsidy(x: StepInput) -> Draft:
    s, t = x.s, x.t
    r, d = s.results, s.deduction
    figures = f"{t.money(s.effort_pool)} + {t.money(r.payout)} − {t.money(d.amount)} = {t.money(s.gross)}"
    if s.gross < 0:
        figures += "; " + t("x_floor", gross=t.money(s.gross))
    return Draft("subsidy", figures, t.eur(s.subsidy), "S11", ("subsidy",))


def paid(x: StepInput) -> Draft:
    s, t = x.s, x.t
    if s.payments:
        figures = " + ".join(t.money(p.amount) for p in s.payments)
        if len(s.payments) > 1:
            figures += f" = {t.money(s.paid)}"
    else:
        figures = t("x_no_payments")
    return Draft("paid", figures, t.eur(s.paid), "S12", ("paid",), ("reports",))


def balance(x: StepInput) -> Draft:
    s, t = x.s, x.t
    return Draft(
        "balance",
        f"{t.money(s.subsidy)} − {t.money(s.paid)} = {t.money(s.balance)}",
        f"{t.eur(abs(s.balance))} {balance_word(s, t)}",
        "S12",
        ("reports",),
    )


#: The steps in the report's order; a builder returning None is left out (and not numbered).
STEPS: tuple[StepBuilder, ...] = (
    agreement,
    term,
    effort,
    result_pool,
    met,
    payout,
    vacancy,
    absent,
    absorbed,
    termination,
    short,
    rate,
    deduction,
    subsidy,
    paid,
    balance,
)


# The steps whose figures a reading of S17 changes, by the Readings field it sets.
STEPS_READ = {
    "rate_days": ("rate", "deduction"),
    "days_counted": ("vacancy", "absent", "absorbed", "short", "rate", "deduction"),
    "rate_base": ("rate", "deduction"),
    "cutoff_paid": ("payout",),
    "window_elapsed": ("absent",),
    "relapse_on_chain": ("absent",),
}


def reading_note(s: Settlement, key: str, t: Lang) -> str:
    """' — ID: the alternative reading' for each alternative in force that changes the step ``key`` (S17)."""
    return "".join(
        f" — {a.id}: {t.of(a, 'alternative')}"
        for a in ALTERNATIVES
        if a.applied_in(s.readings) and key in STEPS_READ.get(a.field, ())
    )


def steps(s: Settlement, staffing: Staffing, t: Lang, builders: tuple[StepBuilder, ...] = STEPS) -> tuple[Step, ...]:
    """The settlement as a numbered chain of steps (S2–S12), each redoable with a calculator."""
    x = StepInput(s, staffing, t)
    drafts = [draft for build in builders if (draft := build(x)) is not None]
    return tuple(
        Step(
            number=n,
            key=d.key,
            title=t(f"s_{d.key}"),
            formula=t(f"f_{d.formula_key or d.key}") + reading_note(s, d.key, t),
            figures=d.figures,
            result=d.result,
            article=d.article if d.article is not None else article(s, d.article_keys or d.quote_keys),
            rule=d.rule,
            quotes=quotes(s, d.quote_keys),
            rules=rule_links(d.rule),
        )
        for n, d in enumerate(drafts, start=1)
    )
