"""The report model: the settlement as an auditor redoes it, as plain data.

:func:`build` is a pure function of a :class:`~convenant_calc.settlement.Settlement`,
the case's staffing file and the input files' hashes. It returns a
:class:`Report` — strings already written in the chosen language — which the
Markdown and the HTML templates lay out (``render/report.py``); neither template
computes anything. Every figure is taken from the settlement or derived from it
by :mod:`convenant_calc.ledger`; the report never applies a rule itself.

A step names its article and spec rule and, when the agreement file carries it
under ``references``, quotes the agreement's Dutch sentence. An agreement file
without ``references`` still gives a full report, without quotes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from convenant_calc import __version__
from convenant_calc.views.ledger import kind_fte_days, months
from convenant_calc.core.models import AbsenceKind, Staffing
from convenant_calc.views.labels import Lang
from convenant_calc.core.rules.absences import AbsenceOutcome
from convenant_calc.core.rules.funding import CommitmentOutcome
from convenant_calc.core.settlement import Settlement
from convenant_calc.core.spans import sweep

ROLES = ("convenant", "absences", "results", "payments")


@dataclass(frozen=True)
class InputFile:
    """One file the settlement was read from, with its SHA-256 so the report can be tied to it."""

    role: str
    name: str
    sha256: str
    bundled: bool


def input_files(sources: Mapping[str, Path], bundled_dir: Path | None = None) -> tuple[InputFile, ...]:
    """Hash the case's input files (the only I/O of this module), in the fixed order of ROLES."""
    files = []
    for role in ROLES:
        path = sources.get(role)
        if path is None:
            continue
        bundled = bundled_dir is not None and path.resolve().parent == bundled_dir.resolve()
        files.append(InputFile(role, path.name, hashlib.sha256(path.read_bytes()).hexdigest(), bundled))
    return tuple(files)


# --- the model ----------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    article: str
    text: str


@dataclass(frozen=True)
class Step:
    number: int
    key: str
    title: str
    formula: str
    figures: str
    result: str
    article: str
    rule: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Line:
    """A line of the summary: the lines add up to the subsidy and the balance."""

    label: str
    amount: str
    total: bool = False


@dataclass(frozen=True)
class CommitmentRow:
    id: str
    title: str
    unit: str
    target: str
    achieved: str
    met: bool
    met_text: str
    how: str


@dataclass(frozen=True)
class AbsenceRow:
    number: int
    consultant: str
    kind: str
    first: str
    last: str
    fte: str
    days_in_term: int
    guaranteed_wage_days: str
    window: str
    replaced: str
    short: str


@dataclass(frozen=True)
class MonthRow:
    label: str
    days: int
    vacancy: str
    absent: str
    short: str
    cumulative_days: str
    cumulative: str
    deduction: str


@dataclass(frozen=True)
class PaymentRow:
    date: str
    label: str
    amount: str


@dataclass(frozen=True)
class Bar:
    """A rectangle of the timeline: days [first, last], FTE from ``low`` to ``high`` within its row."""

    first: str  # ISO dates, so the model stays plain text
    last: str
    day_from: int  # offset of ``first`` from the term's start
    day_to: int  # offset of the day after ``last``
    low: Decimal  # FTE
    high: Decimal
    style: str  # employed | gw | off | replaced | vacancy | short
    kind: str  # AbsenceKind value for absence bars, "" otherwise
    title: str


@dataclass(frozen=True)
class TimelineRow:
    key: str  # consultant | assumed | vacancy | short
    id: str
    label: str
    title: str
    height: Decimal  # in FTE
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Tick:
    day: int
    month: str
    year: str  # "" unless the tick starts a year or the term


@dataclass(frozen=True)
class Timeline:
    days: int
    rows: tuple[TimelineRow, ...]
    ticks: tuple[Tick, ...]
    kinds: tuple[tuple[str, str], ...]  # (kind value, label) present in the picture
    legend: dict[str, str]
    title: str


@dataclass(frozen=True)
class Report:
    lang: str
    labels: dict[str, str]
    agreement_id: str
    agreement_title: str
    source: str
    term_start: str
    term_end: str
    term_days: int
    version: str
    case: str
    stamp: str | None
    inputs: tuple[tuple[str, str, str], ...]  # (role label, file, sha256)
    summary: tuple[Line, ...]
    steps: tuple[Step, ...]
    commitments: tuple[CommitmentRow, ...]
    absences: tuple[AbsenceRow, ...]
    absence_totals: tuple[str, str]  # FTE-days replaced, short
    months: tuple[MonthRow, ...]
    month_totals: MonthRow
    months_note: str
    payments: tuple[PaymentRow, ...]
    paid: str
    timeline: Timeline


# --- the rules' articles, when the agreement file quotes none -------------------------

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


def _quotes(s: Settlement, keys: tuple[str, ...]) -> tuple[Quote, ...]:
    refs = s.convenant.references
    return tuple(Quote(refs[k].article, refs[k].quote) for k in keys if k in refs and refs[k].quote)


def _article(s: Settlement, keys: tuple[str, ...]) -> str:
    refs = s.convenant.references
    articles: list[str] = []
    for key in keys:
        article = refs[key].article if key in refs else ARTICLES.get(key)
        if article and article not in articles:
            articles.append(article)
    return ", ".join(articles) or "—"


# --- summary and steps ----------------------------------------------------------------


def reason(c: CommitmentOutcome, t: Lang) -> str:
    """Why a commitment counts as met or not (S4), in words."""
    if c.pending:
        return t("pending")  # S16: not reported yet
    if c.overridden:
        return t("reason_judged_met" if c.met else "reason_judged_not_met", why=c.justification)
    return t("reason_compared", achieved=t.number(c.achieved), rel="≥" if c.met else "<", target=t.number(c.target))


def balance_word(s: Settlement, t: Lang) -> str:
    return t("to_pay") if s.balance > 0 else t("to_recover") if s.balance < 0 else t("settled")


def summary_lines(s: Settlement, t: Lang) -> tuple[Line, ...]:
    """The settlement lines (as the terminal table shows them), which add up to the subsidy and the balance."""
    c, d, r = s.convenant, s.deduction, s.results
    if r.below_cutoff:
        why = t("below_cutoff", met=r.met, total=r.total, cutoff=t.pct(r.cutoff))
    else:
        why = t("pro_rata", met=r.met, total=r.total, pool=t.money(s.result_pool))
    lines = [
        Line(t("max_subsidy_line", fte=t.number(c.consultants_fte)), t.money(s.max_subsidy)),
        Line(t("effort_line", pct=t.pct(c.funding.effort_share)), t.money(s.effort_pool)),
        Line(t("result_line", why=why), t.money(r.payout)),
        Line(
            t("deduction_line", days=t.number(d.shortfall_fte_days), rate=t.decimals(d.daily_rate, 6)),
            f"−{t.money(d.amount)}",
        ),
    ]
    if s.gross < 0:
        lines.append(Line(t("floor_line"), t.money(-s.gross)))
    lines.append(Line(t("subsidy_line"), t.money(s.subsidy), total=True))
    lines.append(Line(t("paid_line", n=len(s.payments)), f"−{t.money(s.paid)}"))
    key = "balance_pay" if s.balance > 0 else "balance_recover" if s.balance < 0 else "balance_settled"
    lines.append(Line(f"{t(key)} (S12)", t.money(abs(s.balance)), total=True))
    return tuple(lines)


def _who(staffing: Staffing, consultant_id: str) -> str:
    c = staffing.consultant(consultant_id)
    return c.name if c is not None and c.name else consultant_id


def steps(s: Settlement, staffing: Staffing, t: Lang) -> tuple[Step, ...]:
    """The settlement as a numbered chain of steps (S2–S12), each redoable with a calculator."""
    c, d, r, st = s.convenant, s.deduction, s.results, s.staffing
    fte = t.number(c.consultants_fte)
    out: list[tuple[str, str, str, str, str, tuple[str, ...]]] = []  # key, figures, result, rule, quote keys

    def add(key: str, figures: str, result: str, rule: str, refs: tuple[str, ...], article_keys=None) -> None:
        out.append((key, figures, result, rule, refs, article_keys or refs))

    add(
        "agreement",
        t("x_agreement", max=t.money(c.max_subsidy), fte=fte),
        f"{t.eur(c.max_subsidy)}; {fte} {t('tl_fte')}",
        "S2, S10",
        ("max_subsidy", "consultants_fte"),
        ("max_subsidy",),
    )
    add(
        "term",
        f"{c.term.end} − {c.term.start} + 1",
        t("r_days", n=t.number(s.term_days)),
        "S10",
        ("term",),
    )
    product = c.funding.effort_share * c.max_subsidy
    figures = f"{t.number(c.funding.effort_share)} × {t.money(c.max_subsidy)} = {t.exact_money(product)}"
    add("effort", figures, t.eur(s.effort_pool), "S2", ("effort_pool",))
    add(
        "result_pool",
        f"{t.money(c.max_subsidy)} − {t.money(s.effort_pool)} = {t.money(s.result_pool)}",
        t.eur(s.result_pool),
        "S2",
        ("result_pool",),
        ("effort_pool",),
    )
    judged = []
    for co in r.commitments:
        if co.overridden:
            judged.append(f"{co.id} {t('x_judged_met' if co.met else 'x_judged_not_met')}")
        else:
            judged.append(f"{co.id} {t.number(co.achieved)} {'≥' if co.met else '<'} {t.number(co.target)}")
    add("met", "; ".join(judged), t("r_met", k=r.met, n=r.total), "S4", ("result_commitments",))
    share = Fraction(r.met, r.total)
    if r.below_cutoff:
        figures = t("x_below", k=r.met, n=r.total, share=t.exact(share, 4), cutoff=t.number(r.cutoff))
        add("payout", figures, t.eur(r.payout), "S3", ("result_cutoff",))
    else:
        exact = Fraction(s.result_pool) * share
        figures = (
            f"{t('x_not_below', k=r.met, n=r.total, share=t.exact(share, 4), cutoff=t.number(r.cutoff))}; "
            f"{t.money(s.result_pool)} × {r.met} / {r.total} = {t.exact_money(exact)}"
        )
        add("payout", figures, t.eur(r.payout), "S3", ("result_payout", "result_cutoff"), ("result_payout",))

    if not staffing.consultants:
        vacancy = t("x_no_consultants", fte=fte)
    else:
        parts = [
            t(
                "x_vacancy_piece",
                days=p.days,
                fte=t.number(c.consultants_fte - p.employed),
                first=p.first,
                last=p.last,
            )
            for p in st.pieces
            if p.employed < c.consultants_fte
        ]
        vacancy = " + ".join(parts) if parts else t("x_no_vacancy", fte=fte)
        if len(parts) > 1:
            vacancy += f" = {t.number(st.vacancy_fte_days)}"
    add("vacancy", vacancy, t("r_fte_days", n=t.number(st.vacancy_fte_days)), "S5", ("staffing",))

    parts = []
    for a in s.absences:
        if not a.off_duty:
            continue
        terms = " + ".join(f"{span.days} d × {t.number(span.value)}" for span in a.off_duty)
        terms += f" = {t.number(a.short_fte_days)}"
        parts.append(
            t("x_absence_piece", no=a.index + 1, who=_who(staffing, a.consultant), kind=t.kind(a.kind), terms=terms)
        )
    absent = "; ".join(parts) if parts else t("x_no_absent")
    by_kind = kind_fte_days(s)
    result = t("r_fte_days", n=t.number(st.absence_fte_days))
    if by_kind:
        result += " (" + "; ".join(f"{t.kind(k)} {t.number(v)}" for k, v in by_kind.items()) + ")"
    quote_keys = ["guaranteed_wage", "replacement"]
    if any(not a.kind.has_guaranteed_wage for a in s.absences):
        quote_keys.append("uncovered_leave")
    add("absent", absent, result, "S6, S7, S8", tuple(quote_keys), ("replacement",))
    if st.absorbed_fte_days:
        parts = [
            f"{p.days} d × min({t.number(p.off_duty)}, {t.number(p.employed)} − {fte}) ({p.first} … {p.last})"
            for p in st.pieces
            if p.off_duty and p.employed > c.consultants_fte
        ]
        absorbed = " + ".join(parts) + f" = {t.number(st.absorbed_fte_days)}"
        add("absorbed", absorbed, t("r_fte_days", n=t.number(st.absorbed_fte_days)), "S9", ("staffing",))

    shortfall = f"{t.number(st.vacancy_fte_days)} + {t.number(st.absence_fte_days)}"
    if st.absorbed_fte_days:
        shortfall += f" − {t.number(st.absorbed_fte_days)}"
    shortfall += f" = {t.number(st.fte_days)}"
    add("short", shortfall, t("r_fte_days", n=t.number(st.fte_days)), "S9", ("deduction",))

    divisor = c.consultants_fte * s.term_days
    add(
        "rate",
        f"{t.money(c.max_subsidy)} / ({fte} × {t.number(s.term_days)}) = {t.money(c.max_subsidy)} / "
        f"{t.number(divisor)} = {t.exact(d.daily_rate)}",
        t("r_rate", rate=t.exact(d.daily_rate), fraction=f"{d.daily_rate.numerator}/{d.daily_rate.denominator}"),
        "S10",
        ("daily_rate",),
    )
    add(
        "deduction",
        f"{t.number(d.shortfall_fte_days)} × {t.money(c.max_subsidy)} / {t.number(divisor)} = {t.exact_money(d.exact)}",
        t.eur(d.amount),
        "S10",
        ("deduction",),
    )
    figures = f"{t.money(s.effort_pool)} + {t.money(r.payout)} − {t.money(d.amount)} = {t.money(s.gross)}"
    if s.gross < 0:
        figures += "; " + t("x_floor", gross=t.money(s.gross))
    add("subsidy", figures, t.eur(s.subsidy), "S11", ("subsidy",))
    if s.payments:
        figures = " + ".join(t.money(p.amount) for p in s.payments)
        if len(s.payments) > 1:
            figures += f" = {t.money(s.paid)}"
    else:
        figures = t("x_no_payments")
    add("paid", figures, t.eur(s.paid), "S12", ("paid",), ("reports",))
    add(
        "balance",
        f"{t.money(s.subsidy)} − {t.money(s.paid)} = {t.money(s.balance)}",
        f"{t.eur(abs(s.balance))} {balance_word(s, t)}",
        "S12",
        ("reports",),
    )
    return tuple(
        Step(
            number=n,
            key=key,
            title=t(f"s_{key}"),
            formula=t(f"f_{key}"),
            figures=figures,
            result=result,
            article=_article(s, article_keys),
            rule=rule,
            quotes=_quotes(s, refs),
        )
        for n, (key, figures, result, rule, refs, article_keys) in enumerate(out, start=1)
    )


# --- tables -----------------------------------------------------------------------------


def commitment_rows(s: Settlement, t: Lang) -> tuple[CommitmentRow, ...]:
    return tuple(
        CommitmentRow(
            id=c.id,
            title=c.title,
            unit=c.unit or "",
            target=t.number(c.target),
            achieved="" if c.achieved is None else t.number(c.achieved),
            met=c.met,
            met_text=t("yes") if c.met else t("no"),
            how=t("judged_override", why=c.justification) if c.overridden else reason(c, t),
        )
        for c in s.results.commitments
    )


def absence_rows(s: Settlement, staffing: Staffing, t: Lang) -> tuple[AbsenceRow, ...]:
    rows = []
    for a in s.absences:
        if a.window is None:
            window, gw = t("window_none"), "—"
        elif a.window.is_relapse:
            window = t("window_relapse", of=a.window.relapse_of + 1, left=a.window.left_at_start)
            gw = str(a.covered_days_in_term)
        else:
            window = t("window_own", days=a.window.days)
            gw = str(a.covered_days_in_term)
        rows.append(
            AbsenceRow(
                number=a.index + 1,
                consultant=_who(staffing, a.consultant),
                kind=t.kind(a.kind),
                first=a.first.isoformat(),
                last=a.last.isoformat(),
                fte=t.number(a.fte),
                days_in_term=a.days_in_term,
                guaranteed_wage_days=gw,
                window=window,
                replaced=t.number(a.replaced_fte_days),
                short=t.number(a.short_fte_days),
            )
        )
    return tuple(rows)


def month_rows(s: Settlement, t: Lang) -> tuple[tuple[MonthRow, ...], MonthRow]:
    ms = months(s)
    rows = tuple(
        MonthRow(
            label=f"{m.year}-{m.month:02d}",
            days=m.days,
            vacancy=t.number(m.vacancy_fte_days),
            absent=t.number(m.absence_fte_days),
            short=t.number(m.short_fte_days),
            cumulative_days=t.number(m.cumulative_fte_days),
            cumulative=t.money(m.cumulative),
            deduction=t.money(m.deduction),
        )
        for m in ms
    )
    st = s.staffing
    totals = MonthRow(
        label=t("total"),
        days=s.term_days,
        vacancy=t.number(st.vacancy_fte_days),
        absent=t.number(st.absence_fte_days),
        short=t.number(st.fte_days),
        cumulative_days="",
        cumulative="",
        deduction=t.money(sum((m.deduction for m in ms), Decimal("0.00"))),
    )
    return rows, totals


# --- the timeline picture ----------------------------------------------------------------


def _bar(s: Settlement, first, last, low, high, style: str, kind: str, title: str) -> Bar:
    start = s.convenant.term.start
    return Bar(
        first=first.isoformat(),
        last=last.isoformat(),
        day_from=(first - start).days,
        day_to=(last - start).days + 1,
        low=Decimal(low),
        high=Decimal(high),
        style=style,
        kind=kind,
        title=title,
    )


def _lanes(outcomes: list[AbsenceOutcome]) -> dict[int, Decimal]:
    """Stack a consultant's overlapping absences (a 1/5 time credit under a 0.8 sickness): FTE offset of each."""
    placed: list[tuple[AbsenceOutcome, Decimal]] = []
    offsets: dict[int, Decimal] = {}
    for a in outcomes:
        low = Decimal(0)
        for other, other_low in placed:
            if other.first <= a.last and a.first <= other.last:
                low = max(low, other_low + other.fte)
        offsets[a.index] = low
        placed.append((a, low))
    return offsets


def timeline(s: Settlement, staffing: Staffing, t: Lang) -> Timeline:
    """One row per consultant over the term, absences by kind, guaranteed wage, replacements, vacancy, shortfall."""
    c = s.convenant
    term = c.term
    rows: list[TimelineRow] = []
    if staffing.consultants:
        people = [(p.id, p.name or p.id, p.fte, p.employed.from_, p.employed.to) for p in staffing.consultants]
    else:
        seen: list[str] = []
        for a in s.absences:
            if a.consultant not in seen:
                seen.append(a.consultant)
        people = [(cid, cid, max(a.fte for a in s.absences if a.consultant == cid), None, None) for cid in seen]
    for cid, name, fte, emp_from, emp_to in people:
        first = max(emp_from or term.start, term.start)
        last = min(emp_to or term.end, term.end)
        bars: list[Bar] = []
        employed = f"{name}: {t('tl_employed')} {first} … {last}, {t.number(fte)} {t('tl_fte')}"
        if first <= last:
            bars.append(_bar(s, first, last, 0, fte, "employed", "", employed))
        mine = [a for a in s.absences if a.consultant == cid]
        lanes = _lanes(mine)
        for a in mine:
            low = lanes[a.index]
            what = f"#{a.index + 1} {name}: {t.kind(a.kind)} {a.first} … {a.last}, {t.number(a.fte)} {t('tl_fte')}"
            if a.covered is not None:
                bars.append(
                    _bar(s, a.covered[0], a.covered[1], low, low + a.fte, "gw", a.kind.value,
                         f"{what}; {t('tl_guaranteed_wage')}: {a.covered[0]} … {a.covered[1]}")
                )
            pieces = sweep({"rep": a.replaced, "off": a.off_duty}, term.start, term.end)
            for p_first, p_last, v in pieces:
                rep, off = v["rep"], v["off"]
                if rep:
                    bars.append(
                        _bar(s, p_first, p_last, low, low + rep, "replaced", a.kind.value,
                             f"{what}; {t('tl_replaced')}: {p_first} … {p_last}, {t.number(rep)} {t('tl_fte')}")
                    )
                if off:
                    bars.append(
                        _bar(s, p_first, p_last, low + rep, low + rep + off, "off", a.kind.value,
                             f"{what}; {t('tl_off_duty')}: {p_first} … {p_last}, {t.number(off)} {t('tl_fte')}")
                    )
        rows.append(TimelineRow("consultant", cid, name, employed, max(fte, Decimal(1)), tuple(bars)))
    if not staffing.consultants:
        rest = c.consultants_fte - len(people)
        if rest > 0:
            title = t("tl_assumed_title", fte=t.number(rest))
            bar = _bar(s, term.start, term.end, 0, rest, "employed", "", title)
            rows.append(TimelineRow("assumed", "", t("tl_assumed", fte=t.number(rest)), title, rest, (bar,)))
    vacancy = [p for p in s.staffing.pieces if p.employed < c.consultants_fte]
    if vacancy:
        bars = [
            _bar(s, p.first, p.last, 0, c.consultants_fte - p.employed, "vacancy", "",
                 f"{t('tl_vacancy')}: {p.first} … {p.last}, {t.number(c.consultants_fte - p.employed)} "
                 f"{t('tl_fte')}, {t('r_fte_days', n=t.number((c.consultants_fte - p.employed) * p.days))}")
            for p in vacancy
        ]
        height = max(Decimal(1), max(b.high for b in bars))
        rows.append(TimelineRow("vacancy", "", t("tl_vacancy_row"), t("tl_vacancy_row"), height, tuple(bars)))
    short = [p for p in s.staffing.pieces if p.short]
    bars = [
        _bar(s, p.first, p.last, 0, p.short, "short", "",
             f"{t('col_short')}: {p.first} … {p.last}, {t.number(p.short)} {t('tl_fte')}, "
             f"{t('r_fte_days', n=t.number(p.short_fte_days))}")
        for p in short
    ]
    height = max([Decimal(1)] + [b.high for b in bars])
    rows.append(TimelineRow("short", "", t("tl_short_row"), t("tl_short_row"), height, tuple(bars)))

    ticks = []
    y, m = term.start.year, term.start.month
    while True:
        day = date(y, m, 1)
        if day > term.end:
            break
        offset = max(0, (day - term.start).days)
        ticks.append(Tick(offset, t.month(m), str(y) if (m == 1 or not ticks) else ""))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    kinds = tuple((k.value, t.kind(k)) for k in AbsenceKind if any(a.kind is k for a in s.absences))
    legend = {
        key: t(f"tl_{key}")
        for key in ("employed", "off_duty", "guaranteed_wage", "replaced", "vacancy", "short_row")
    }
    return Timeline(
        days=s.term_days, rows=tuple(rows), ticks=tuple(ticks), kinds=kinds, legend=legend, title=t("timeline")
    )


# --- the whole report ------------------------------------------------------------------


def build(
    s: Settlement,
    staffing: Staffing,
    inputs: tuple[InputFile, ...],
    lang: Lang,
    case: str = "",
    stamp: str | None = None,
) -> Report:
    """The report of a settlement, in one language; the same arguments give the same report."""
    t = lang
    c = s.convenant
    rows, totals = month_rows(s, t)
    return Report(
        lang=t.code,
        labels=t.labels(),
        agreement_id=c.id,
        agreement_title=c.title,
        source=c.source or "",
        term_start=c.term.start.isoformat(),
        term_end=c.term.end.isoformat(),
        term_days=s.term_days,
        version=__version__,
        case=case,
        stamp=stamp,
        inputs=tuple(
            (t(f"role_{f.role}"), f"{f.name} ({t('bundled')})" if f.bundled else f.name, f.sha256) for f in inputs
        ),
        summary=summary_lines(s, t),
        steps=steps(s, staffing, t),
        commitments=commitment_rows(s, t),
        absences=absence_rows(s, staffing, t),
        absence_totals=(
            t.number(sum((a.replaced_fte_days for a in s.absences), Decimal(0))),
            t.number(sum((a.short_fte_days for a in s.absences), Decimal(0))),
        ),
        months=rows,
        month_totals=totals,
        months_note=t(
            "months_note",
            max=t.money(c.max_subsidy),
            fte=t.number(c.consultants_fte),
            days=t.number(s.term_days),
        ),
        payments=tuple(
            PaymentRow(p.date.isoformat(), p.label or "", t.money(p.amount)) for p in s.payments
        ),
        paid=t.money(s.paid),
        timeline=timeline(s, staffing, t),
    )
