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


def number(text: str, dialect: Dialect) -> str:
    """A plain decimal string (``-1234.5``) in the dialect's decimal mark; no grouping."""
    return text.replace(".", _STYLES[dialect].decimal)


def write(header: Sequence[str], rows: Iterable[Sequence[str]], dialect: Dialect = Dialect.rfc4180) -> str:
    """The whole CSV text. Numeric cells must already be formatted with :func:`number`."""
    style = _STYLES[dialect]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=style.delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return style.bom + out.getvalue()
