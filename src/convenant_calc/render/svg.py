"""The staffing timeline as an inline SVG picture: no script, no fonts or images fetched.

Draws a :class:`~convenant_calc.report.Timeline` (which holds every bar, already
computed from the settlement): one row per consultant, FTE upwards, days to the
right. Employment is a grey band; on top of it each absence is coloured by its
kind — pale where the guaranteed wage covers it (S7), striped green where it is
replaced (S8), solid where it is off duty and counts as short (S9). Below the
consultants, a hatched row shows the vacancy (S5) and a dark row the FTE short
on each day (S9). Every bar carries a ``<title>`` with its dates and figures,
which a browser shows on hover.

Coordinates are computed exactly and written with two decimals, so the same
timeline always gives the same bytes.
"""

from __future__ import annotations

from fractions import Fraction
from html import escape

from convenant_calc.core.money import round_half_up
from convenant_calc.views.report import Bar, Timeline, TimelineRow

WIDTH = 1000
LABEL = 180  # the label column
PLOT = 790  # the days
UNIT = 20  # pixels per FTE
PAD = 5  # above and below the bars of a row
TOP = 36  # month and year labels
LEGEND = 56

KIND_COLOURS = {
    "sickness": "#d62728",
    "accident": "#ff7f0e",
    "maternity_leave": "#9467bd",
    "time_credit": "#1f77b4",
    "career_break": "#17becf",
    "parental_leave": "#e377c2",
    "unpaid_leave": "#8c564b",
}
EMPLOYED = "#dcdcdc"
SHORT = "#7f0000"
REPLACED = "#2e7d32"
_GW_STROKE = ' stroke="{colour}" stroke-width="1" stroke-dasharray="3,2"'


def _n(value: Fraction | int) -> str:
    """A coordinate, exact until written with two decimals."""
    return f"{round_half_up(Fraction(value), 2):f}"


def _x(day: int, days: int) -> Fraction:
    return LABEL + Fraction(day * PLOT, days)


def _row_height(row: TimelineRow) -> Fraction:
    return Fraction(row.height) * UNIT + 2 * PAD


def _rect(x, y, w, h, fill: str, title: str = "", extra: str = "") -> str:
    body = f"<title>{escape(title)}</title>" if title else ""
    attrs = f'x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" fill="{fill}"{extra}'
    return f"<rect {attrs}>{body}</rect>" if body else f"<rect {attrs}/>"


def _bar(bar: Bar, row_top: Fraction, row: TimelineRow, days: int) -> list[str]:
    x = _x(bar.day_from, days)
    w = _x(bar.day_to, days) - x
    bottom = row_top + PAD + Fraction(row.height) * UNIT
    y = bottom - Fraction(bar.high) * UNIT
    h = Fraction(bar.high - bar.low) * UNIT
    colour = KIND_COLOURS.get(bar.kind, "#888888")
    style = bar.style
    if style == "employed":
        return [_rect(x, y, w, h, EMPLOYED, bar.title, ' class="employed"')]
    if style == "gw":
        extra = f' fill-opacity="0.35"{_GW_STROKE.format(colour=colour)} class="gw {bar.kind}"'
        return [_rect(x, y, w, h, colour, bar.title, extra)]
    if style == "off":
        return [_rect(x, y, w, h, colour, bar.title, f' class="off {bar.kind}"')]
    if style == "replaced":
        return [
            _rect(x, y, w, h, colour, "", ' fill-opacity="0.35"'),
            _rect(x, y, w, h, "url(#replaced)", bar.title, f' class="replaced {bar.kind}"'),
        ]
    if style == "vacancy":
        return [_rect(x, y, w, h, "url(#vacancy)", bar.title, ' stroke="#666666" stroke-width="0.5" class="vacancy"')]
    return [_rect(x, y, w, h, SHORT, bar.title, ' class="short"')]


def render(tl: Timeline) -> str:
    """The timeline as one ``<svg>`` element (UTF-8 text, no XML declaration, ready to inline in HTML)."""
    backgrounds: list[str] = []
    body: list[str] = []
    y = Fraction(TOP)
    for i, row in enumerate(tl.rows):
        height = _row_height(row)
        if i % 2 == 0:
            backgrounds.append(_rect(0, y, WIDTH, height, "#f4f4f4"))
        if row.key in ("vacancy", "short") and i and tl.rows[i - 1].key not in ("vacancy", "short"):
            backgrounds.append(
                f'<line x1="0" y1="{_n(y)}" x2="{WIDTH}" y2="{_n(y)}" stroke="#999999" stroke-width="1"/>'
            )
        data = f' data-id="{escape(row.id)}"' if row.id else ""
        body.append(f'<g class="row {row.key}"{data}><title>{escape(row.title)}</title>')
        middle = y + height / 2 + 4
        body.append(f'<text x="8" y="{_n(middle)}" font-size="12">{escape(row.label)}</text>')
        for bar in row.bars:
            body.extend(_bar(bar, y, row, tl.days))
        body.append("</g>")
        y += height
    plot_bottom = y
    ticks: list[str] = []
    for tick in tl.ticks:
        x = _x(tick.day, tl.days)
        ticks.append(
            f'<line x1="{_n(x)}" y1="{TOP - 4}" x2="{_n(x)}" y2="{_n(plot_bottom)}" '
            'stroke="#bbbbbb" stroke-width="0.5"/>'
        )
        ticks.append(f'<text x="{_n(x + 2)}" y="{TOP - 8}" font-size="10">{escape(tick.month)}</text>')
        if tick.year:
            ticks.append(f'<text x="{_n(x + 2)}" y="{TOP - 22}" font-size="11" font-weight="bold">{tick.year}</text>')
    ticks.append(
        f'<line x1="{LABEL + PLOT}" y1="{TOP - 4}" x2="{LABEL + PLOT}" y2="{_n(plot_bottom)}" '
        'stroke="#bbbbbb" stroke-width="0.5"/>'
    )

    legend: list[str] = []
    lx, ly = 8, plot_bottom + 18
    items: list[tuple[str, str]] = [(_swatch(EMPLOYED), tl.legend["employed"])]
    for kind, label in tl.kinds:
        items.append((_swatch(KIND_COLOURS[kind]), label))
    items += [
        (_swatch("#888888", ' fill-opacity="0.35"' + _GW_STROKE.format(colour="#888888")), tl.legend["guaranteed_wage"]),
        (_swatch("url(#replaced)"), tl.legend["replaced"]),
        (_swatch("#888888"), tl.legend["off_duty"]),
        (_swatch("url(#vacancy)", ' stroke="#666666" stroke-width="0.5"'), tl.legend["vacancy"]),
        (_swatch(SHORT), tl.legend["short_row"]),
    ]
    for swatch, label in items:
        width = 30 + 6 * len(label)
        if lx + width > WIDTH:
            lx, ly = 8, ly + 20
        legend.append(f'<g transform="translate({lx},{_n(ly)})">{swatch}'
                      f'<text x="16" y="10" font-size="11">{escape(label)}</text></g>')
        lx += width
    height = ly + 20

    defs = (
        "<defs>"
        '<pattern id="replaced" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="3" height="6" fill="{REPLACED}"/></pattern>'
        '<pattern id="vacancy" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">'
        '<rect width="6" height="6" fill="#ffffff"/><rect width="2" height="6" fill="#777777"/></pattern>'
        "</defs>"
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" width="{WIDTH}" '
        f'height="{_n(height)}" viewBox="0 0 {WIDTH} {_n(height)}" font-family="sans-serif">'
        f"<title>{escape(tl.title)}</title>"
    )
    return "\n".join([head, defs, *backgrounds, *ticks, *body, *legend, "</svg>"]) + "\n"


def _swatch(fill: str, extra: str = "") -> str:
    return f'<rect x="0" y="0" width="12" height="12" fill="{fill}"{extra}/>'
