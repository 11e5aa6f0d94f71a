"""The overview of a generation (S18) as an xlsx workbook, written with XlsxWriter.

- Sheet ``Overview``: one row per case (settled or failed), then the totals row,
  whose money, FTE-days and result cells are live ``=SUM(...)`` formulas over the
  rows above, each with the exact Decimal total as its cached value (so a viewer
  that does not recalculate shows the tool's figure). The case cell links to the
  agreement's own sheet.
- One sheet per settled agreement: the settlement lines, the result commitments and
  the advances; the daily rate is the formula ``=max / (FTE × days)`` (S10).

Spreadsheet cells hold IEEE doubles: each amount is the tool's rounded figure
(written from its decimal text), which a double holds to the cent below 2^53 cents.
The tool's own figures remain the Decimal ones (JSON, CSV).

The same input gives the same bytes: XlsxWriter dates every zip member 1980-01-01, and
the document properties are fixed here (no creation time, no author from the machine).
"""

from __future__ import annotations

import io
import marshal
import re
from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime, timezone
from decimal import Decimal
from fractions import Fraction

import xlsxwriter
import xlsxwriter.worksheet
from xlsxwriter.packager import Packager
from xlsxwriter.utility import xl_rowcol_to_cell

from convenant_calc import __version__
from convenant_calc.core.settlement import AgreementSettlement, Settlement
from convenant_calc.render.generation import HEADINGS
from convenant_calc.views.generation import MONEY, Generation, Row

OVERVIEW = "Overview"
#: Fixed, so that the same input gives the same bytes (core.xml's dcterms:created and modified).
CREATED = datetime(2000, 1, 1, tzinfo=timezone.utc)
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _num(value: Decimal | int | Fraction) -> float:
    """A spreadsheet number: a double, made from the decimal text of an already rounded figure."""
    return float(str(value)) if not isinstance(value, Fraction) else float(value)


def sheet_names(cases: list[str]) -> dict[str, str]:
    """A valid, unique sheet name per case (at most 31 characters, none of []:*?/\\, never 'Overview')."""
    taken = {OVERVIEW.casefold()}
    names: dict[str, str] = {}
    for case in cases:
        base = _FORBIDDEN.sub("_", case).strip("'") or "case"
        name, n = base[:31], 1
        while name.casefold() in taken:
            n += 1
            suffix = f"~{n}"
            name = base[: 31 - len(suffix)] + suffix
        taken.add(name.casefold())
        names[case] = name
    return names


class AgreementSheets:
    """Each settled agreement's sheet, recorded as it is settled, to be written in order after the overview.

    A generation settles an agreement and drops it (3,800 agreements in little memory): what its sheet
    needs is kept instead, as the calls that write its cells, packed by :mod:`marshal` (a few kB an
    agreement). :func:`render` adds the sheets after the overview and replays the calls, so that the
    workbook is the one written from the settlements themselves, byte for byte (XlsxWriter numbers the
    shared strings in the order they are first written, overview first).
    """

    def __init__(self) -> None:
        self._packed: dict[str, bytes] = {}

    def add(self, r: Row, a: AgreementSettlement) -> None:
        """Record the sheet of the agreement settled as ``a``, whose overview row is ``r``."""
        recorder = _Recorder()
        _agreement_cells(recorder, r, a, *_SHEET_FORMATS)
        self._packed[r.case] = marshal.dumps(recorder.calls)

    def write(self, ws, case: str, formats: Mapping[str, object]) -> None:
        """Replay the case's recorded calls on its worksheet ``ws``, with the workbook's ``formats`` by name."""
        for method, fmt, *args in marshal.loads(self._packed.pop(case)):
            cell_format = formats.get(fmt) if fmt is not None else None
            if method == "f":  # row, col, formula, cached value
                ws.write_formula(*args[:3], cell_format, args[3])
            elif method == "u":  # row, col, url, text
                ws.write_url(*args[:3], cell_format, string=args[3])
            elif cell_format is None:
                getattr(ws, _METHODS[method])(*args)
            else:
                getattr(ws, _METHODS[method])(*args, cell_format)


#: The formats an agreement's sheet uses, by the names a recorded call gives them.
_SHEET_FORMATS = ("bold", "head", "money", "rate", "decimal")
_METHODS = {"s": "write_string", "n": "write_number", "r": "write_row", "c": "set_column"}


class _Recorder:
    """Stands in for a worksheet: each call a tuple of marshallable values, ``(method, format name, *arguments)``."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def write_string(self, row: int, col: int, text: str, fmt: str | None = None) -> None:
        self.calls.append(("s", fmt, row, col, text))

    def write_number(self, row: int, col: int, value: float, fmt: str | None = None) -> None:
        self.calls.append(("n", fmt, row, col, value))

    def write_formula(self, row: int, col: int, formula: str, fmt: str | None = None, value: float = 0) -> None:
        self.calls.append(("f", fmt, row, col, formula, value))

    def write_row(self, row: int, col: int, data: list, fmt: str | None = None) -> None:
        self.calls.append(("r", fmt, row, col, tuple(data)))

    def write_url(self, row: int, col: int, url: str, fmt: str | None = None, string: str | None = None) -> None:
        self.calls.append(("u", fmt, row, col, url, string))

    def set_column(self, first: int, last: int, width: float) -> None:
        self.calls.append(("c", None, first, last, width))


class _Text(io.StringIO):
    """One XML part of the workbook, held as UTF-8 until it goes into the zip (a quarter of a StringIO's memory).

    XlsxWriter writes every part before it zips any (3,801 worksheets for 3,800 agreements): as StringIO
    buffers, which hold four bytes a character, they took 70 MiB. A StringIO by type, as XlsxWriter's XML
    writer asks; the text is the same.
    """

    def __init__(self) -> None:
        super().__init__()
        self._utf8 = io.BytesIO()

    def write(self, text: str) -> int:
        return self._utf8.write(text.encode("utf-8"))

    def getvalue(self) -> str:
        return self._utf8.getvalue().decode("utf-8")


class _Packager(Packager):
    def _filename(self, xml_filename):
        if not self.in_memory:  # pragma: no cover - the workbook is always written in memory here
            return super()._filename(xml_filename)
        text = _Text()
        self.filenames.append((text, xml_filename, False))
        return text


class _Workbook(xlsxwriter.Workbook):
    def _get_packager(self):  # XlsxWriter's documented hook ("allows the default packager to be over-ridden")
        return _Packager()


#: XlsxWriter's kinds of cell, to pack a worksheet's cells (each a named tuple of one of these).
_CELLS = tuple(
    {id(t): t for name, t in vars(xlsxwriter.worksheet).items() if name.startswith("Cell") and name.endswith("Tuple")}
    .values()
)


class _PackedSheet(xlsxwriter.worksheet.Worksheet):
    """An agreement's worksheet whose cells are kept packed (marshal) until XlsxWriter writes its XML.

    XlsxWriter keeps every cell of every sheet as a dict entry and a named tuple until the workbook is
    closed: about 300 bytes a cell, 75 MiB for 3,800 agreements. Packed, a sheet's cells take a few kB; they
    are unpacked just before the sheet's XML is written and dropped after, so one sheet's cells are in
    memory at a time. The cells, and so the XML, are the ones written.
    """

    _packed: bytes | None = None
    _formats: list = []

    def pack(self, formats: list) -> None:
        """Pack the cells written so far (``formats``: the workbook's formats, which cells refer to by index)."""
        kinds = {t: k for k, t in enumerate(_CELLS)}
        at = {id(f): k for k, f in enumerate(formats)}
        self._formats = formats
        self._packed = marshal.dumps(
            [
                (row, col, kinds[type(cell)], *(at[id(v)] if name == "format" and v is not None else v
                                                 for name, v in zip(cell._fields, cell, strict=True)))
                for row, cols in self.table.items()
                for col, cell in cols.items()
            ]
        )
        self.table = defaultdict(dict)

    def _assemble_xml_file(self) -> None:
        if self._packed is not None:
            formats = self._formats
            for row, col, kind, *values in marshal.loads(self._packed):
                t = _CELLS[kind]
                self.table[row][col] = t(*(formats[v] if name == "format" and v is not None else v
                                           for name, v in zip(t._fields, values, strict=True)))
            self._packed = None
        super()._assemble_xml_file()
        self.table = defaultdict(dict)


def render(g: Generation, sheets: AgreementSheets) -> bytes:
    """The workbook's bytes. ``sheets`` holds each settled case's sheet, recorded as it was settled."""
    buffer = io.BytesIO()
    wb = _Workbook(buffer, {"in_memory": True})
    wb.set_properties(
        {
            "title": "Generation overview (S18)",
            "author": "",
            "company": "",
            "comments": f"convenant {__version__}",
            "created": CREATED,
        }
    )
    wb.set_calc_mode("auto")
    bold = wb.add_format({"bold": True})
    head = wb.add_format({"bold": True, "bg_color": "#F0F0F0", "bottom": 1})
    head_num = wb.add_format({"bold": True, "bg_color": "#F0F0F0", "bottom": 1, "align": "right"})
    money = wb.add_format({"num_format": "#,##0.00"})
    money_total = wb.add_format({"num_format": "#,##0.00", "bold": True, "top": 2})
    plain_total = wb.add_format({"bold": True, "top": 2})
    decimal = wb.add_format({"num_format": "0.####"})
    decimal_total = wb.add_format({"num_format": "0.####", "bold": True, "top": 2})
    rate = wb.add_format({"num_format": "0.000000"})
    link = wb.add_format({"font_color": "blue", "underline": 1})
    failed = wb.add_format({"font_color": "#B71C1C"})

    names = sheet_names([r.case for r in g.rows])
    ws = wb.add_worksheet(OVERVIEW)
    with_lines = any(r.lines > 1 for r in g.rows)  # S19: a lines column when an agreement has addenda
    header = ["case", "id", "title", *HEADINGS.values(), "FTE-days short", "results met", "results total", "status",
              "periods"] + ["lines"] * with_lines + ["costs"]
    costs_col = 15 + with_lines  # S20: yes when the agreement has a cost statement (its subsidy capped)
    for col, text in enumerate(header):
        ws.write_string(0, col, text, head_num if 3 <= col <= 12 else head)
    first_figure = 3
    for i, e in enumerate(g.entries, start=1):
        if isinstance(e, Row):
            ws.write_url(i, 0, f"internal:'{names[e.case]}'!A1", link, string=e.case)
            ws.write_string(i, 1, e.id)
            ws.write_string(i, 2, e.title)
            for k, m in enumerate(e.money()):
                ws.write_number(i, first_figure + k, _num(m), money)
            ws.write_number(i, 10, _num(e.shortfall_fte_days), decimal)
            ws.write_number(i, 11, e.achieved)
            ws.write_number(i, 12, e.total)
            ws.write_string(i, 13, "settled")
            ws.write_number(i, 14, e.periods)
            if with_lines:
                ws.write_number(i, 15, e.lines)
            ws.write_string(i, costs_col, "yes" if e.costs else "no")
        else:
            ws.write_string(i, 0, e.case, failed)
            n = len(e.errors)
            ws.write_string(i, 2, f"not settled: {n} error{'s' if n != 1 else ''}", failed)
            ws.write_string(i, 13, "failed", failed)
    last = len(g.entries)
    total_row = last + 1
    t = g.totals
    ws.write_string(total_row, 0, "total", plain_total)
    ws.write_string(total_row, 1, "", plain_total)
    ws.write_string(total_row, 2, f"{t.agreements} agreements, {t.failed} failed", plain_total)
    cached = [*t.money(), t.shortfall_fte_days, t.achieved, t.total]
    formats = [money_total] * len(MONEY) + [decimal_total, plain_total, plain_total]
    for k, (value, fmt) in enumerate(zip(cached, formats, strict=True)):
        col = first_figure + k
        top, bottom = xl_rowcol_to_cell(1, col), xl_rowcol_to_cell(max(1, last), col)
        ws.write_formula(total_row, col, f"=SUM({top}:{bottom})", fmt, _num(value))
    ws.write_string(total_row, 13, "", plain_total)
    ws.write_number(total_row, costs_col, t.costs, plain_total)
    ws.set_column(0, 1, 24)
    ws.set_column(2, 2, 40)
    ws.set_column(3, 9, 14)
    ws.set_column(10, 13, 12)
    ws.freeze_panes(1, 0)

    formats = dict(zip(_SHEET_FORMATS, (bold, head, money, rate, decimal), strict=True))
    for r in g.rows:
        sheet = wb.add_worksheet(names[r.case], worksheet_class=_PackedSheet)
        sheets.write(sheet, r.case, formats)
        sheet.pack(wb.formats)
    wb.close()
    return buffer.getvalue()


def _agreement_cells(ws, r: Row, a: AgreementSettlement, bold, head, money, rate, decimal) -> None:
    """The agreement's own sheet: per period (S14) and funding line (S19) the settlement lines, the commitments
    and the advances."""
    c = a.convenant
    ws.write_string(0, 0, c.title, bold)
    ws.write_string(1, 0, f"{c.id} ({r.case})")
    ws.write_url(2, 0, f"internal:'{OVERVIEW}'!A1", string="← overview")
    row = 4
    for s in a.settlements:
        row = _period(ws, row, s, bold, head, money, rate, decimal) + 1
    ws.set_column(0, 0, 38)
    ws.set_column(1, 1, 28)
    ws.set_column(2, 4, 14)


def _period(ws, row: int, s: Settlement, bold, head, money, rate, decimal) -> int:
    """One settlement's block from ``row`` (named by its period and its line when the agreement has several);
    returns the first row after it."""
    term = s.convenant.term
    heading = f"term {term.start.isoformat()} … {term.end.isoformat()}"
    if s.line is not None:
        heading = f"line {s.line} ({s.budget.title}), {heading}"
    ws.write_string(row, 0, f"period {s.period}: {heading}" if s.period is not None else heading, bold)
    ws.write_string(row + 1, 0, "line", head)
    ws.write_string(row + 1, 1, "figure", head)
    first = row + 2  # the maximum's row; the daily rate's formula refers to it and the two below
    lines: list[tuple[str, object, object]] = [
        ("maximum subsidy (Art. 1)" if s.budget.main else "maximum of the line (S19)", s.max_subsidy, money),
        ("funded FTE", s.funded_fte, decimal),
        ("days of the term", s.term_days, None),
        ("daily rate = max / (FTE × days) (S10)", None, rate),  # a formula
        ("effort funding (S2)", s.effort_pool, money),
        ("result pool (S2)", s.result_pool, money),
        ("results met", s.results.met, None),
        ("results committed", s.results.total, None),
        ("result funding (S3)", s.results.payout, money),
        ("FTE-days short (S9)", s.deduction.shortfall_fte_days, decimal),
        ("deduction (S10)", s.deduction.amount, money),
        ("subsidy (S11)", s.subsidy, money),
        ("paid in advances (S12)", s.paid, money),
        ("balance (S12): + to pay, − to recover", s.balance, money),
    ]
    if not s.budget.main:  # S19: the daily rate is taken on the part of the maximum that funds consultants
        lines.append(("consultant funding (S19)", s.budget.consultant_funding, money))
    for i, (label, value, fmt) in enumerate(lines, start=first):
        ws.write_string(i, 0, label)
        if value is None:
            cells = [xl_rowcol_to_cell(first + k, 1) for k in range(3)]
            if s.deduction.daily_rate is None:  # S19: a line that funds no consultant has no daily rate
                ws.write_string(i, 1, "none (no consultants funded, S19)")
            elif s.budget.main:
                ws.write_formula(i, 1, f"={cells[0]}/({cells[1]}*{cells[2]})", fmt, _num(s.deduction.daily_rate))
            else:  # S19: on the consultant funding (the block's last row), not the maximum
                funding = xl_rowcol_to_cell(first + len(lines) - 1, 1)
                ws.write_formula(i, 1, f"={funding}/({cells[1]}*{cells[2]})", fmt, _num(s.deduction.daily_rate))
        elif fmt is None:
            ws.write_number(i, 1, _num(value))  # type: ignore[arg-type]
        else:
            ws.write_number(i, 1, _num(value), fmt)  # type: ignore[arg-type]

    row = first + len(lines) + 1
    ws.write_row(row, 0, ["commitment", "title", "target", "achieved", "met"], head)
    for k, co in enumerate(s.results.commitments, start=row + 1):
        ws.write_string(k, 0, co.id)
        ws.write_string(k, 1, co.title)
        ws.write_number(k, 2, _num(co.target))
        if co.achieved is not None:
            ws.write_number(k, 3, _num(co.achieved))
        ws.write_string(k, 4, ("yes" if co.met else "no") + (f" (judged: {co.justification})" if co.overridden else ""))
    row += len(s.results.commitments) + 2
    ws.write_row(row, 0, ["advance", "date", "amount"], head)
    for k, p in enumerate(s.payments, start=row + 1):
        ws.write_string(k, 0, p.label or "")
        ws.write_string(k, 1, p.date.isoformat())
        ws.write_number(k, 2, _num(p.amount), money)
    return row + len(s.payments) + 2
