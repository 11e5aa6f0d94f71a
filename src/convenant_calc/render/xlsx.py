"""The settlement as an Excel workbook whose figures are live formulas (``settle --format xlsx``).

Sheets:

- **Settlement**: the inputs (maximum, funded FTE, shares, cutoff, term dates) as
  plain cells, and every figure of S2–S12 as a formula over them and over the
  other sheets (term days, commitments met and total, FTE-days short, payments).
  An auditor who changes an input, a day's shortfall, a result or a payment sees
  the subsidy recomputed. Each formula cell also carries the tool's exact figure
  as its cached value, so a viewer that does not recalculate shows the same.
- **Results**: one row per commitment; ``met`` is a formula (the judgement when
  there is one, else achieved ≥ target, S4).
- **Absences**, **Months**: the report's tables, as values.
- **Days**: the day ledger (S9: on duty = employed − Σ off duty, as values);
  FTE short is a formula, ``max(0, funded FTE − on duty)``, so a change of the
  funded FTE on the Settlement sheet or of a day's FTE on duty reaches the deduction.
- **Payments**: the advances.

An agreement of more than one settlement (S14 periods, S19 funding lines) has these six sheets for each
settlement, numbered (``1 Settlement``, ``1 Results``, …, ``2 Settlement``, …), and first a **Totals**
sheet: one row per settlement, then each line's and each period's totals and the agreement's, every
figure a formula over the settlements' sheets. An addendum's Settlement sheet has one more input, the
consultant funding its daily rate is taken on (S19).

Rounding mirrors S1: ``ROUND(ROUND(x*100, 6), 0)/100``. Excel's ROUND rounds half
away from zero, which is half-up for the positive amounts rounded here (pools,
payout, deduction; zero stays zero; none of them is negative, and for a negative
value half away from zero is what :func:`convenant_calc.core.money.round_half_up`
does too). The inner ROUND to a millionth of a cent removes binary floating-point
noise (0.675 × 100 is 67.49999999999999 in binary), so that an exact half cent is
rounded up; a value that is not a tie would need to lie within a millionth of a
cent of one to be affected, which the decimals of the inputs rule out in practice
(the tests evaluate every example's formulas and compare them to the cent).
Sums and differences of amounts in cents (result pool, paid, subsidy, balance)
are whole cents already; their ``ROUND(…, 2)`` only removes that binary noise
(59267.20000000001 → 59267.2) and never rounds a figure of the settlement.

Numbers are written as the exact decimals of the settlement (no float arithmetic
here). Number formats are nl-BE: ``#,##0.00 "EUR"`` (Excel in nl-BE shows
``1.234,56 EUR``; the ASCII hyphen-minus for negatives), dates ``[$-813]d mmmm
yyyy`` (``30 juni 2025``). The output is byte-identical for the same input: the
document's created date is the term's start, and XlsxWriter writes fixed
timestamps into the zip.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from convenant_calc import __version__
from convenant_calc.core.models import AbsenceKind, Staffing
from convenant_calc.core.money import round_half_up
from convenant_calc.core.settlement import AgreementSettlement, Settlement, Total
from convenant_calc.views.labels import Lang
from convenant_calc.views.ledger import ledger, months

MONEY = '#,##0.00 "EUR";-#,##0.00 "EUR"'
RATE = '#,##0.000000 "EUR";-#,##0.000000 "EUR"'
DATE = "[$-813]d mmmm yyyy"
MONTH = "[$-813]mmmm yyyy"
NUMBER = "General"
SHARE = "0.00%"
MET = '"1 ✓";"-";"0 ✗"'

#: The sheets of one settlement, in the order of their tabs; each is written by the function of its name.
SHEETS = ("Settlement", "Results", "Absences", "Replacements", "Months", "Days", "Payments")
TOTALS = "Totals"


def _ref(sheet: str) -> str:
    """A sheet's name as a formula refers to it: quoted when it holds a space ('1 Settlement')."""
    return f"'{sheet}'" if " " in sheet else sheet


def _half_up_cents(expr: str) -> str:
    """S1 in a formula: ``expr`` rounded half-up to cents (see the module docstring)."""
    return f"ROUND(ROUND(({expr})*100,6),0)/100"


@dataclass
class _Book:
    wb: xlsxwriter.Workbook
    formats: dict[str, object] = field(default_factory=dict)

    def fmt(self, name: str) -> object:
        if name not in self.formats:
            spec = {
                "money": {"num_format": MONEY},
                "rate": {"num_format": RATE},
                "date": {"num_format": DATE, "align": "left"},
                "month": {"num_format": MONTH, "align": "left"},
                "number": {"num_format": NUMBER},
                "share": {"num_format": SHARE},
                "met": {"num_format": MET, "align": "center"},
                "head": {"bold": True, "bottom": 1, "bg_color": "#F0F0F0", "text_wrap": True, "valign": "top"},
                "title": {"bold": True, "font_size": 14},
                "section": {"bold": True, "font_size": 12},
                "total": {"bold": True, "num_format": MONEY, "top": 1},
                "input": {"bg_color": "#FFF8DC", "border": 1, "border_color": "#C8B98C"},
                "input_money": {"bg_color": "#FFF8DC", "num_format": MONEY, "border": 1, "border_color": "#C8B98C"},
                "input_date": {
                    "bg_color": "#FFF8DC", "num_format": DATE, "align": "left", "border": 1, "border_color": "#C8B98C"
                },
                "note": {"italic": True, "font_color": "#555555", "text_wrap": True, "valign": "top"},
                "wrap": {"text_wrap": True, "valign": "top"},
                "top": {"valign": "top"},
            }[name]
            self.formats[name] = self.wb.add_format(spec)
        return self.formats[name]


def _header(book: _Book, ws, columns: list[str], widths: list[int]) -> None:
    _WIDTHS[id(ws)] = list(widths)
    for col, (text, width) in enumerate(zip(columns, widths)):
        ws.write_string(0, col, text, book.fmt("head"))
        ws.set_column(col, col, width)
    ws.freeze_panes(1, 0)


def render(a: AgreementSettlement, staffing: Staffing, case: str = "", lang: str = "en") -> bytes:
    """The workbook's bytes; the same settlement gives the same bytes.

    One settlement: its six sheets. More (S14, S19): the Totals sheet, then the six sheets of each
    settlement, numbered.
    """
    t = Lang(lang)
    c = a.convenant
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,  # a title starting with "=" stays text
            "strings_to_urls": False,
        },
    )
    wb.set_properties(
        {
            "title": f"{t('report_title')} — {c.title}",
            "subject": c.id,
            "author": f"convenant {__version__}",
            "comments": case,
            "created": datetime.combine(a.settlements[0].convenant.term.start, time()),
        }
    )
    book = _Book(wb)
    only = a.only
    totals = wb.add_worksheet(TOTALS) if only is None else None
    cells = []
    for number, s in enumerate(a.settlements, start=1):
        prefix = "" if only is not None else f"{number} "
        sheets = {name: wb.add_worksheet(prefix + name) for name in SHEETS}
        results = _results(book, sheets["Results"], s, t, prefix)
        absences = _absences(book, sheets["Absences"], s, staffing, t, prefix)
        replacements = _replacements(book, sheets["Replacements"], s, staffing, t, prefix, absences)
        days = _days(book, sheets["Days"], s, t, prefix, absences, replacements)
        payments = _payments(book, sheets["Payments"], s, t, prefix)
        key = "".join(f" · {x}" for x in a.key(s))  # S14, S19: which settlement this sheet is
        own = _settlement(book, sheets["Settlement"], s, t, case, results, days, payments, key)
        cells.append(own)
        _months(book, sheets["Months"], s, t, days, f"{_ref(prefix + 'Settlement')}!{own['rate']}")
        if only is not None:
            sheets["Settlement"].activate()
    if totals is not None:
        _totals(book, totals, a, t, case, cells)
        totals.activate()
    wb.close()
    return out.getvalue()


def _totals(book: _Book, ws, a: AgreementSettlement, t: Lang, case: str, cells: list[dict[str, str]]) -> None:
    """S14, S19: one row per settlement, then each line's and each period's totals and the agreement's, every
    figure a formula over the settlements' own sheets (each with the tool's figure as its cached value)."""
    c = a.convenant
    figures = ("max", "subsidy", "paid", "balance")
    ws.write_string(0, 0, f"{t('report_title')} — {c.title}", book.fmt("title"))
    ws.write_string(1, 0, f"{c.id}{' · ' + case if case else ''} · convenant {__version__}")
    head = [t("col_period"), t("col_line"), t("col_title"), t("col_max"), t("col_subsidy"), t("col_paid"),
            t("col_balance"), t("xl_sheet")]
    widths = [28, 22, 36, 16, 16, 16, 16, 16]
    for col, (text, width) in enumerate(zip(head, widths)):
        ws.write_string(3, col, text, book.fmt("head"))
        ws.set_column(col, col, width)
    first = 4
    where: dict[tuple[str, str], str] = {}  # (settlement row, figure) -> the cell on its sheet, for the totals
    for i, (s, own) in enumerate(zip(a.settlements, cells, strict=True)):
        row = first + i
        sheet = f"{i + 1} Settlement"
        ws.write_string(row, 0, s.budget.period)
        ws.write_string(row, 1, s.budget.line)
        ws.write_string(row, 2, s.budget.title)
        for k, (name, value) in enumerate(zip(figures, (s.max_subsidy, s.subsidy, s.paid, s.balance), strict=True)):
            cell = f"{_ref(sheet)}!{own[name]}"
            where[(str(i), name)] = xl_rowcol_to_cell(row, 3 + k)
            ws.write_formula(row, 3 + k, f"={cell}", book.fmt("money"), value)
        ws.write_url(row, 7, f"internal:{_ref(sheet)}!A1", string=sheet)
    row = first + len(a.settlements) + 1

    def group(title: str, totals: tuple[Total, ...], key) -> None:
        nonlocal row
        ws.write_string(row, 0, title, book.fmt("section"))
        row += 1
        for x in totals:
            members = [str(i) for i, s in enumerate(a.settlements) if key(s) == x.key]
            ws.write_string(row, 0 if key is _period else 1, x.key)
            ws.write_string(row, 2, x.title)
            values = (x.max_subsidy, x.subsidy, x.paid, x.balance)
            for k, (name, value) in enumerate(zip(figures, values, strict=True)):
                formula = "=ROUND(" + "+".join(where[(m, name)] for m in members) + ",2)"
                ws.write_formula(row, 3 + k, formula, book.fmt("money"), value)
            row += 1
        row += 1

    group(t("by_line"), a.by_line, _line)
    group(t("by_period"), a.by_period, _period)
    total = a.total
    ws.write_string(row, 0, t("total"), book.fmt("section"))
    for k, value in enumerate((total.max_subsidy, total.subsidy, total.paid, total.balance)):
        top, bottom = xl_rowcol_to_cell(first, 3 + k), xl_rowcol_to_cell(first + len(a.settlements) - 1, 3 + k)
        ws.write_formula(row, 3 + k, f"=ROUND(SUM({top}:{bottom}),2)", book.fmt("total"), value)
    _note(book, ws, row + 2, t("xl_totals_note"), 8, width=sum(widths))
    ws.freeze_panes(4, 0)
    _print(ws, rows=4, landscape=True)


def _period(s: Settlement) -> str:
    return s.budget.period


def _line(s: Settlement) -> str:
    return s.budget.line


# --- the sheets the Settlement sheet refers to: each returns the ranges it refers to --------


def _results(book: _Book, ws, s: Settlement, t: Lang, prefix: str = "") -> dict[str, str]:
    columns = [t("col_id"), t("col_commitment"), t("col_target"), t("col_achieved"), t("col_unit"),
               t("xl_judged"), t("xl_met_formula"), t("xl_justification")]
    _header(book, ws, columns, [6, 38, 10, 10, 14, 14, 12, 50])
    row = 0
    for row, r in enumerate(s.results.commitments, start=1):
        ws.write_string(row, 0, r.id)
        ws.write_string(row, 1, r.title, book.fmt("wrap"))
        ws.write_number(row, 2, r.target, book.fmt("input"))
        if r.achieved is not None:
            ws.write_number(row, 3, r.achieved, book.fmt("input"))
        else:
            ws.write_blank(row, 3, None, book.fmt("input"))
        ws.write_string(row, 4, r.unit or "")
        if r.overridden:
            ws.write_number(row, 5, 1 if r.met else 0, book.fmt("input"))
        else:
            ws.write_blank(row, 5, None, book.fmt("input"))
        f, d, cc = (xl_rowcol_to_cell(row, col) for col in (5, 3, 2))
        ws.write_formula(row, 6, f'=IF({f}<>"",{f},IF({d}>={cc},1,0))', book.fmt("met"), 1 if r.met else 0)
        ws.write_string(row, 7, r.justification or "", book.fmt("wrap"))
    for r_row, r in enumerate(s.results.commitments, start=1):
        ws.set_row(r_row, 15 * max(_lines(r.title, 38), _lines(r.justification or "", 50)))
    _print(ws, rows=1, landscape=True)
    last = max(row, 1)
    sheet = _ref(prefix + "Results")
    return {"ids": f"{sheet}!$A$2:$A${last + 1}", "met": f"{sheet}!$G$2:$G${last + 1}"}


def _days(
    book: _Book, ws, s: Settlement, t: Lang, prefix: str, absences: dict[str, str], replacements: dict[str, str]
) -> dict[str, str]:
    """S6–S9 day by day, every FTE but the employed one a formula over the Absences and Replacements sheets.

    On day ``d``, an absence of kind K with first day ``from``, last day ``to``, FTE ``f`` and ``g``
    guaranteed-wage days (S7, the tool's) is covered when ``from ≤ d ≤ to`` and ``d − from < g``, and
    off duty when ``d − from ≥ g``; a replacement counts on the uncovered days of its absence (S8).
    Per kind: off duty = max(0, Σ uncovered f − Σ replacement FTE), each sum a SUMPRODUCT. The tool
    caps the replaced FTE per absence; the workbook caps it per kind and day, which is the same unless two
    absences of one kind overlap on a day and only one of them is replaced beyond its FTE.
    S9: on duty = employed − Σ off duty; short = max(0, funded FTE − on duty). S15: on a day after the end by
    notice nobody is employed (the tool's FTE employed is 0) and no absence is counted.
    """
    kinds = list(AbsenceKind)
    columns = (
        [t("col_date"), t("xl_employed"), t("col_guaranteed_wage")]
        + [f"{t('col_absent')}: {t.kind(k)}" for k in kinds]
        + [t("col_replaced"), t("xl_on_duty"), t("col_short")]
    )
    _header(book, ws, columns, [16, 10, 10] + [11] * len(kinds) + [10, 10, 10])
    ws.set_row(0, 45)
    first_off, last_off = 3, 3 + len(kinds) - 1
    replaced_col, on_duty_col, short_col = last_off + 1, last_off + 2, last_off + 3
    fte_cell = f"{_ref(prefix + 'Settlement')}!$B$6"  # CELL["fte"], on every layout
    a, r = absences, replacements
    row = 0
    for row, d in enumerate(ledger(s), start=1):
        day = xl_rowcol_to_cell(row, 0, col_abs=True)
        absent = f"({a['from']}<={day})*({a['to']}>={day})"
        uncovered = f"{absent}*({day}-{a['from']}>={a['gw']})"
        ws.write_datetime(row, 0, datetime.combine(d.day, time()), book.fmt("date"))
        ws.write_number(row, 1, d.employed)
        employed = xl_rowcol_to_cell(row, 1)
        staffed = f"IF({employed}=0,0,"  # S15: after the end by notice nobody is employed, and no absence counts
        ws.write_formula(row, 2, f"={staffed}ROUND(SUMPRODUCT({absent}*({day}-{a['from']}<{a['gw']})*{a['fte']}),10))",
                         None, d.guaranteed_wage)
        for i, kind in enumerate(kinds):
            label = t.kind(kind).replace('"', '""')
            off = f'SUMPRODUCT(({a["kind"]}="{label}")*{uncovered}*{a["fte"]})'
            back = (
                f'SUMPRODUCT(({r["kind"]}="{label}")*({r["from"]}<={day})*({r["to"]}>={day})'
                f'*({day}-{r["absence_from"]}>={r["gw"]})*{r["fte"]})'
            )
            ws.write_formula(row, first_off + i, f"={staffed}ROUND(MAX(0,{off}-{back}),10))", None, d.off_duty[kind])
        offs = f"SUM({xl_rowcol_to_cell(row, first_off)}:{xl_rowcol_to_cell(row, last_off)})"
        ws.write_formula(row, replaced_col, f"={staffed}ROUND(SUMPRODUCT({uncovered}*{a['fte']})-{offs},10))", None,
                         d.replaced)
        ws.write_formula(row, on_duty_col, f"=ROUND({xl_rowcol_to_cell(row, 1)}-{offs},10)", None, d.on_duty)
        ws.write_formula(row, short_col, f"=MAX(0,{fte_cell}-{xl_rowcol_to_cell(row, on_duty_col)})", None, d.short)
    _note(book, ws, row + 2, t("xl_days_note"), len(columns))
    _print(ws, rows=1, landscape=True)
    last = row + 1
    sheet = _ref(prefix + "Days")

    def column(col: int) -> str:
        name = xl_rowcol_to_cell(0, col, col_abs=True).rstrip("1").lstrip("$")
        return f"{sheet}!${name}$2:${name}${last}"

    return {"date": column(0), "employed": column(1), "on_duty": column(on_duty_col), "short": column(short_col)}


def _payments(book: _Book, ws, s: Settlement, t: Lang, prefix: str = "") -> str:
    _header(book, ws, [t("col_date"), t("col_label"), t("col_amount")], [18, 30, 16])
    row = 0
    for row, p in enumerate(s.payments, start=1):
        ws.write_datetime(row, 0, datetime.combine(p.date, time()), book.fmt("date"))
        ws.write_string(row, 1, p.label or "")
        ws.write_number(row, 2, p.amount, book.fmt("input_money"))
    _print(ws, rows=1)
    return f"{_ref(prefix + 'Payments')}!$C$2:$C${max(row, 1) + 1}"


# --- the Settlement sheet ---------------------------------------------------------------


def _cost_cap(lines: list[tuple | None], s: Settlement, t: Lang) -> None:
    """S20: with a cost statement, the eligible costs as one more input, and the subsidy capped at them
    (``min(subsidy_L,P (S11), eligible_L,P)``; not under the reading costs.not-capped). The input comes last, so that
    every other cell keeps its place (``CELL``)."""
    if s.costs is None:
        return
    lines.append(("eligible", t("costs_line"), s.costs.eligible, None, "input_money",
                      "S20: the sum of the eligible costs of this line and period (costs.yaml)"))
    if not s.readings.costs_capped:
        return
    for i, line in enumerate(lines):
        if line is not None and line[0] == "subsidy":
            lines[i] = ("subsidy", line[1], "=MIN(MAX(0,ROUND({effort}+{payout}-{deduction},2)),{eligible})", s.subsidy,
                        "total", "S11, S20: max(0, effort pool + payout − deduction), at most the eligible costs")


def _settlement(
    book: _Book, ws, s: Settlement, t: Lang, case: str, results: dict, days: dict, paid_range: str, key: str = ""
) -> dict[str, str]:
    """Inputs as cells, then every figure as a formula over named cells (``{max}``, ``{fte}``, …); returns the
    cell of each figure.

    S19: an addendum's sheet has one more input, the consultant funding (``{funding}``) its daily rate is
    taken on, and a rate of 0 when it funds no consultant.
    """
    c = s.convenant
    r = s.results
    b = s.budget
    ws.set_column(0, 0, 40)
    ws.set_column(1, 1, 18)
    ws.set_column(2, 2, RULE_WIDTH)
    _WIDTHS[id(ws)] = [40, 18, RULE_WIDTH]
    ws.write_string(0, 0, f"{t('report_title')} — {c.title}", book.fmt("title"))
    ws.write_string(1, 0, f"{c.id}{key}{' · ' + case if case else ''} · convenant {__version__}")
    ws.write_string(3, 0, t("xl_inputs"), book.fmt("section"))
    ws.write_string(3, 2, t("xl_rule"), book.fmt("section"))
    # (key, label, input value or formula, cached value, format, rule); None: a section heading
    lines: list[tuple | None] = [
        ("max", t("xl_max"), s.max_subsidy, None, "input_money", "Art. 1" if b.main else "S19"),
        ("fte", t("xl_fte"), s.funded_fte, None, "input", "Art. 1, Art. 5" if b.main else "S19"),
        ("effort_share", t("xl_effort_share"), s.funding.effort_share, None, "input", "Art. 2, S2"),
        ("result_share", t("xl_result_share"), s.funding.result_share, None, "input",
         "Art. 2, S2 (effort share + result share = 1; the result pool is what the effort pool leaves)"),
        ("cutoff", t("xl_cutoff"), s.funding.result_cutoff, None, "input", "Art. 2, S3"),
        ("start", t("xl_start"), c.term.start, None, "input_date", "Art. 1"),
        ("end", t("xl_end"), c.term.end, None, "input_date", "Art. 1"),
        ("days", t("s_term"), "={end}-{start}+1", s.term_days, "number", "S9, S10: every calendar day of the term"),
        ("n", t("xl_n"), f"=COUNTA({results['ids']})", r.total, "number", "S3"),
        ("k", t("xl_k"), f"=SUM({results['met']})", r.met, "number", f"S4: {t('xl_met_note')}"),
        ("short", t("s_short"), f"=ROUND(SUM({days['short']}),10)", s.deduction.shortfall_fte_days, "number",
         f"S9: {t('xl_short_note')}"),
        ("payments", t("s_paid"), f"=ROUND(SUM({paid_range}),2)", s.paid, "money", f"S12: {t('xl_paid_note')}"),
        None,
        ("effort", t("s_effort"), "=" + _half_up_cents("{effort_share}*{max}"), s.effort_pool, "money",
         "S2: effort share × maximum, half-up to cents"),
        ("pool", t("s_result_pool"), "=ROUND({max}-{effort},2)", s.result_pool, "money", "S2: maximum − effort pool"),
        ("share_met", t("xl_share_met"), "={k}/{n}" if r.total else "=IF({n}=0,0,{k}/{n})",
         round_half_up(Fraction(r.met, r.total), 10) if r.total else 0, "share", "S3: k / n"),
        ("payout", t("s_payout"), "=IF({share_met}<{cutoff},0," + _half_up_cents("{pool}*{k}/{n}") + ")", r.payout,
         "money", "S3: nothing below the cutoff (exactly the cutoff is paid), else result pool × k / n, half-up"),
        ("rate", t("s_rate"), "={max}/({fte}*{days})", round_half_up(s.deduction.per_day, 10), "rate",
         "S10: maximum / (FTE × term days), exact in the tool"),
        ("deduction", t("s_deduction"), "=" + _half_up_cents("{max}*{short}/({fte}*{days})"), s.deduction.amount,
         "money", "S10: maximum × FTE-days short / (FTE × term days), half-up to cents"),
        ("subsidy", t("s_subsidy"), "=MAX(0,ROUND({effort}+{payout}-{deduction},2))", s.subsidy, "total",
         "S11: max(0, effort pool + payout − deduction), on the rounded amounts"),
        ("paid", t("s_paid"), "={payments}", s.paid, "money", "S12"),
        ("balance", t("s_balance"), "=ROUND({subsidy}-{paid},2)", s.balance, "total",
         "S12: subsidy − paid; positive: to pay, negative: to recover"),
    ]
    if not b.main:  # S19: the daily rate is taken on the consultant funding; none without consultants
        lines.insert(7, ("funding", t("xl_consultant_funding"), b.consultant_funding, None, "input_money",
                         "S19: the part of the maximum that funds consultants"))
        rate_rule = "S10, S19: consultant funding / (FTE × term days); 0 without consultants"
        deduction_rule = "S10, S19: consultant funding × FTE-days short / (FTE × term days), half-up to cents"
        for i, line in enumerate(lines):
            if line is not None and line[0] == "rate":
                lines[i] = ("rate", line[1], "=IF({fte}=0,0,{funding}/({fte}*{days}))", line[3], "rate", rate_rule)
            elif line is not None and line[0] == "deduction":
                formula = "=IF({fte}=0,0," + _half_up_cents("{funding}*{short}/({fte}*{days})") + ")"
                lines[i] = ("deduction", line[1], formula, line[3], "money", deduction_rule)
    _cost_cap(lines, s, t)
    first = 4  # row index of the first line (Excel row 5)
    cells = {
        line[0]: xl_rowcol_to_cell(first + i, 1, row_abs=True, col_abs=True)
        for i, line in enumerate(lines)
        if line is not None
    }
    for i, line in enumerate(lines):
        row = first + i
        if line is None:
            ws.write_string(row, 0, t("xl_outputs"), book.fmt("section"))
            continue
        key, label, value, cached, style, rule = line
        ws.write_string(row, 0, label, book.fmt("wrap"))
        if cached is None:  # an input cell
            if isinstance(value, date):
                ws.write_datetime(row, 1, datetime.combine(value, time()), book.fmt(style))
            else:
                ws.write_number(row, 1, value, book.fmt(style))
            text = rule
        else:
            formula = value.format(**cells)
            ws.write_formula(row, 1, formula, book.fmt(style), cached)
            text = f"{rule}:   {formula.replace('$', '')}"
        ws.write_string(row, 2, text, book.fmt("note"))
        ws.set_row(row, 15 * max(_lines(label, 40), _lines(text, RULE_WIDTH)), book.fmt("top"))
    _note(book, ws, first + len(lines) + 1, t("xl_rounding"), 3)
    ws.freeze_panes(3, 0)
    _print(ws, rows=3)
    return cells


RULE_WIDTH = 64  # the Settlement sheet's rule column: A4 portrait, one page wide, at a legible scale


CELLS = (
    "max fte effort_share result_share cutoff start end days n k short payments _ effort pool share_met payout "
    "rate deduction subsidy paid balance"
).split()
#: Where each figure is on the Settlement sheet (tests and the README use these).
CELL = {key: f"B{5 + i}" for i, key in enumerate(CELLS) if key != "_"}


def cells(s: Settlement) -> dict[str, str]:
    """Where each figure is on this settlement's sheet: :data:`CELL`, or for an addendum (S19) one row lower
    from the term days on (its consultant funding is the row after the term's end)."""
    if s.budget.main:
        return CELL
    after = CELLS.index("days")
    return {key: f"B{5 + i + (i >= after)}" for i, key in enumerate(CELLS) if key != "_"} | {"funding": "B12"}


# --- the absences and replacements the Days sheet reads, and the months it adds up to ----------------


def _absences(book: _Book, ws, s: Settlement, staffing: Staffing, t: Lang, prefix: str) -> dict[str, str]:
    """S6, S7: one row per absence counted in this settlement; its dates and FTE are inputs, its guaranteed-wage
    days (S7: the window, relapses, concurrent absences) the tool's, and the rest formulas."""
    columns = [t("col_no"), t("col_consultant"), t("col_kind"), t("col_from"), t("col_to"), t("col_fte"),
               t("xl_gw_days_tool"), t("xl_gw_last"), t("col_days_in_term"), t("col_gw_days")]
    _header(book, ws, columns, [5, 22, 18, 18, 18, 7, 16, 18, 10, 14])
    ws.set_row(0, 45)
    start = f"{_ref(prefix + 'Settlement')}!$B$10"  # CELL["start"], CELL["end"] on every layout
    end = f"{_ref(prefix + 'Settlement')}!$B$11"
    row = 0
    for row, a in enumerate(s.absences, start=1):
        who = staffing.consultant(a.consultant)
        used = a.window.covered_days if a.window is not None else 0
        ws.write_number(row, 0, a.index + 1)
        ws.write_string(row, 1, (who.name if who is not None and who.name else a.consultant))
        ws.write_string(row, 2, t.kind(a.kind), book.fmt("input"))
        ws.write_datetime(row, 3, datetime.combine(a.first, time()), book.fmt("input_date"))
        ws.write_datetime(row, 4, datetime.combine(a.last, time()), book.fmt("input_date"))
        ws.write_number(row, 5, a.fte, book.fmt("input"))
        ws.write_number(row, 6, used, book.fmt("input"))
        f, to, g = (xl_rowcol_to_cell(row, col) for col in (3, 4, 6))
        last = a.first + timedelta(days=used - 1) if used else None
        ws.write_formula(row, 7, f'=IF({g}=0,"",MIN({to},{f}+{g}-1))', book.fmt("date"),
                         "" if last is None else (min(last, a.last) - date(1899, 12, 30)).days)
        ws.write_formula(row, 8, f"=MAX(0,MIN({to},{end})-MAX({f},{start})+1)", None, a.days_in_term)
        ws.write_formula(row, 9, f"=MAX(0,MIN({to},{f}+{g}-1,{end})-MAX({f},{start})+1)", None,
                         a.covered_days_in_term)
    _note(book, ws, row + 2, t("xl_absences_note"), 10)
    _print(ws, rows=1, landscape=True)
    sheet = _ref(prefix + "Absences")
    last_row = max(row, 1) + 1
    return {key: f"{sheet}!${col}$2:${col}${last_row}" for key, col in
            (("kind", "C"), ("from", "D"), ("to", "E"), ("fte", "F"), ("gw", "G"))} | {"sheet": sheet}


def _replacements(
    book: _Book, ws, s: Settlement, staffing: Staffing, t: Lang, prefix: str, absences: dict[str, str]
) -> dict[str, str]:
    """S8: one row per replacement period of an absence counted in this settlement (S19: its FTE in the line's
    proportion); the absence's kind, first day and guaranteed-wage days are looked up on the Absences sheet."""
    columns = [t("xl_absence_no"), t("col_kind"), t("col_from"), t("col_to"), t("col_fte"),
               f"{t('col_from')} ({t('absences')})", t("xl_gw_days_tool")]
    _header(book, ws, columns, [10, 18, 18, 18, 7, 18, 16])
    ws.set_row(0, 45)
    sheet = absences["sheet"]
    numbers = f"{sheet}!$A$2:$A${absences['kind'].rsplit('$', 1)[1]}"
    row = 0
    for a in s.absences:
        share = a.share if a.share is not None else Fraction(1)
        for rep in staffing.absences[a.index].replacement:
            row += 1
            fte = a.fte if rep.fte is None else Decimal(rep.fte) * Decimal(share.numerator) / Decimal(share.denominator)
            no = xl_rowcol_to_cell(row, 0)
            ws.write_number(row, 0, a.index + 1, book.fmt("input"))

            def look(key: str, cached, style=None) -> None:
                col = {"kind": 1, "from": 5, "gw": 6}[key]
                ws.write_formula(row, col, f"=INDEX({absences[key]},MATCH({no},{numbers},0))", style, cached)

            look("kind", t.kind(a.kind))
            ws.write_datetime(row, 2, datetime.combine(rep.from_, time()), book.fmt("input_date"))
            ws.write_datetime(row, 3, datetime.combine(rep.to, time()), book.fmt("input_date"))
            ws.write_number(row, 4, fte, book.fmt("input"))
            look("from", (a.first - date(1899, 12, 30)).days, book.fmt("date"))
            look("gw", a.window.covered_days if a.window is not None else 0)
    _note(book, ws, row + 2, t("xl_replacements_note"), 7)
    _print(ws, rows=1, landscape=True)
    own = _ref(prefix + "Replacements")
    last = max(row, 1) + 1
    return {key: f"{own}!${col}$2:${col}${last}" for key, col in
            (("kind", "B"), ("from", "C"), ("to", "D"), ("fte", "E"), ("absence_from", "F"), ("gw", "G"))}


def _months(book: _Book, ws, s: Settlement, t: Lang, days: dict[str, str], rate: str) -> None:
    """The month table as formulas over the Days sheet (S9) and the Settlement sheet's daily rate (S10).

    A month's deduction is the difference of the rounded cumulative deductions (views/ledger.py), so the months
    add up to the Settlement sheet's deduction to the cent.
    """
    columns = [t("col_month"), t("col_days"), t("col_vacancy"), t("col_absent"), t("col_short_month"),
               t("col_cumulative_days"), t("col_cumulative"), t("col_deduction")]
    _header(book, ws, columns, [18, 8, 10, 10, 12, 14, 18, 16])
    ws.set_row(0, 30)
    fte = rate.split("!")[0] + "!$B$6"  # CELL["fte"], on every layout
    end = s.staffing.unfunded_after  # S15: after the agreement's end by notice the days are unfunded, not vacant
    funded = "" if end is None else f"*({days['date']}<=DATE({end.year},{end.month},{end.day}))"
    for row, m in enumerate(months(s), start=1):
        first = xl_rowcol_to_cell(row, 0, col_abs=True)
        within = f'{days["date"]},">="&{first},{days["date"]},"<="&EOMONTH({first},0)'
        mask = f'({days["date"]}>={first})*({days["date"]}<=EOMONTH({first},0))'
        ws.write_datetime(row, 0, datetime(m.year, m.month, 1), book.fmt("month"))
        ws.write_formula(row, 1, f"=COUNTIFS({within})", None, m.days)
        vacant = f"{mask}{funded}*({fte}>{days['employed']})*({fte}-{days['employed']})"
        ws.write_formula(row, 2, f"=ROUND(SUMPRODUCT({vacant}),10)", None, m.vacancy_fte_days)
        ws.write_formula(row, 3, f"=ROUND(SUMIFS({days['employed']},{within})-SUMIFS({days['on_duty']},{within}),10)",
                         None, m.absence_fte_days)
        ws.write_formula(row, 4, f"=ROUND(SUMIFS({days['short']},{within}),10)", None, m.short_fte_days)
        short, cumulative_days = xl_rowcol_to_cell(row, 4), xl_rowcol_to_cell(row, 5)
        previous_days = "0" if row == 1 else xl_rowcol_to_cell(row - 1, 5)
        previous = "0" if row == 1 else xl_rowcol_to_cell(row - 1, 6)
        ws.write_formula(row, 5, f"=ROUND({previous_days}+{short},10)", None, m.cumulative_fte_days)
        ws.write_formula(row, 6, "=" + _half_up_cents(f"{rate}*{cumulative_days}"), book.fmt("money"), m.cumulative)
        ws.write_formula(row, 7, f"=ROUND({xl_rowcol_to_cell(row, 6)}-{previous},2)", book.fmt("money"), m.deduction)
    _print(ws, rows=1)


# --- print setup and notes ---------------------------------------------------------------


def _print(ws, rows: int, landscape: bool = False) -> None:
    """Every sheet prints on A4, one page wide, its header rows repeated on each page."""
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # one page wide, as many long as it takes
    ws.repeat_rows(0, rows - 1)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.set_footer("&L&A&R&P / &N")
    if landscape:
        ws.set_landscape()


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` takes when wrapped in a column ``width`` characters wide (a safe guess: a
    proportional font fits about 1.1 characters per width unit; a word is not split)."""
    per_line = max(1, int(width * 1.1) - 2)
    lines = 0
    for paragraph in text.split("\n"):
        length = 0
        lines += 1
        for word in paragraph.split(" "):
            if length and length + 1 + len(word) > per_line:
                lines += 1
                length = len(word)
            else:
                length += (1 if length else 0) + len(word)
    return lines


def _note(book: _Book, ws, row: int, text: str, columns: int, width: float | None = None) -> None:
    """A note over the first ``columns`` columns, wrapped, its row as high as its lines."""
    wide = width if width is not None else sum(_WIDTHS.get(id(ws), [10] * columns)[:columns])
    ws.merge_range(row, 0, row, columns - 1, text, book.fmt("note"))
    ws.set_row(row, 15 * _lines(text, wide))


_WIDTHS: dict[int, list[float]] = {}  # each sheet's column widths, as _header set them (for _note)
