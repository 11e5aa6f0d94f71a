"""The two CSV dialects every CSV output offers: RFC 4180 (default) and Excel for Belgium (Dutch).

``rfc4180``: comma, decimal point, no BOM, CRLF line ends (RFC 4180 §2).
``excel-nl``: what Excel and LibreOffice in nl-BE open directly: semicolon,
decimal comma, a UTF-8 byte-order mark, CRLF. Numbers are written with an
ASCII hyphen-minus for negatives, never a Unicode minus, so a spreadsheet reads them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum


class Dialect(str, Enum):
    rfc4180 = "rfc4180"
    excel_nl = "excel-nl"


@dataclass(frozen=True)
class _Style:
    delimiter: str
    decimal: str
    bom: str


_STYLES = {
    Dialect.rfc4180: _Style(delimiter=",", decimal=".", bom=""),
    Dialect.excel_nl: _Style(delimiter=";", decimal=",", bom="\ufeff"),
}


class Number(str):
    """A cell that is a number the tool wrote (``-1234.5``, ``3/7``): written as it is, so that a negative
    amount stays a number in a spreadsheet. Every other cell is text (:func:`text_cell`)."""


def number(text: str, dialect: Dialect) -> Number:
    """A plain decimal string (``-1234.5``) in the dialect's decimal mark; no grouping."""
    return Number(text.replace(".", _STYLES[dialect].decimal))


#: What makes a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """A text cell a spreadsheet takes as text: one starting like a formula gets the usual leading apostrophe.

    A title ``=HYPERLINK("http://x","click")`` or an id ``-1+2`` would otherwise be a live formula
    when the CSV is opened (CSV injection); ``'=HYPERLINK(…)`` shows as written.
    """
    return f"'{value}" if value.startswith(FORMULA_START) else value


def write(header: Sequence[str], rows: Iterable[Sequence[str]], dialect: Dialect = Dialect.rfc4180) -> str:
    """The whole CSV text. Numeric cells must be :class:`Number` (:func:`number`); every other cell is text,
    written so that a spreadsheet takes it as text (:func:`text_cell`)."""
    style = _STYLES[dialect]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=style.delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([text_cell(h) for h in header])
    writer.writerows([c if isinstance(c, Number) else text_cell(c) for c in row] for row in rows)
    return style.bom + out.getvalue()
