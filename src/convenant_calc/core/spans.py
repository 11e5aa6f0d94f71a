"""Piecewise-constant values over days: the interval sweep behind S5–S9.

A quantity that changes only at a few dates (FTE employed, FTE absent, FTE
replaced) is a list of :class:`Span` pieces. Sweeping the pieces' start and end
points gives the sum on every day in O(pieces · log pieces), independent of the
number of days; a day-by-day ledger is derived from the pieces, never the other
way round.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal

from convenant_calc.core.models import days_between
from convenant_calc.core.money import D
from convenant_calc.core.records import record

ONE_DAY = timedelta(days=1)
_ZERO = D(0)


@record
class Span:
    """``value`` on each day of the inclusive range [first, last]."""

    first: date
    last: date
    value: Decimal

    @property
    def days(self) -> int:
        return days_between(self.first, self.last)

    @property
    def total(self) -> Decimal:
        """The value summed over the span's days (FTE-days for an FTE span)."""
        return self.value * self.days


def clip(first: date | None, last: date | None, lo: date, hi: date) -> tuple[date, date] | None:
    """The part of [first, last] inside [lo, hi] (an open bound is None), or None if they do not meet."""
    a = lo if first is None or first < lo else first
    b = hi if last is None or last > hi else last
    return (a, b) if a <= b else None


def sweep(series: Mapping[str, Iterable[Span]], lo: date, hi: date) -> list[tuple[date, date, dict[str, Decimal]]]:
    """Cut [lo, hi] into maximal pieces on which every named series has a constant sum.

    Returns ``(first, last, {name: value})`` for consecutive pieces covering
    [lo, hi] exactly; a series with no span on a day is 0 there.
    """
    if len(series) == 1:  # the common case (replacements, overlaps): the same sums, without a dict per date
        ((name, spans),) = series.items()
        return [(first, last, {name: value}) for first, last, value in levels(spans, lo, hi)]
    names = list(series)
    pieces = sweep_values(list(series.values()), lo, hi)
    return [(first, last, dict(zip(names, values))) for first, last, values in pieces]


def sweep_values(
    series: Sequence[Iterable[Span]], lo: date, hi: date
) -> list[tuple[date, date, tuple[Decimal, ...]]]:
    """:func:`sweep` of series given in order, each piece's sums in that order: ``(first, last, (sum, ...))``.

    The same additions in the same order as :func:`sweep` makes them, so the same Decimals, without a
    dict a piece (the shortfall sweeps every case's staffing so, issue 23).
    """
    count = len(series)
    deltas: dict[date, dict[int, Decimal]] = {}  # a date → the change of each series that changes on it
    zero = _ZERO
    for k, spans in enumerate(series):
        for span in spans:
            value = span.value
            a = lo if span.first is None or span.first < lo else span.first  # clip(), inline: once a span
            b = hi if span.last is None or span.last > hi else span.last
            if a > b or value == 0:
                continue
            start = deltas.get(a)
            if start is None:
                deltas[a] = {k: zero + value}
            else:
                start[k] = start.get(k, zero) + value
            b += ONE_DAY
            stop = deltas.get(b)
            if stop is None:
                deltas[b] = {k: zero - value}
            else:
                stop[k] = stop.get(k, zero) - value
    # Every point lies in [lo, hi + 1] (the spans are clipped): lo starts the first piece, hi + 1 ends the last.
    points = sorted(deltas)
    current = [zero] * count
    if points and points[0] == lo:
        for k, delta in deltas[lo].items():
            current[k] += delta
        del points[0]
    if points and points[-1] > hi:
        del points[-1]
    pieces: list[tuple[date, date, tuple[Decimal, ...]]] = []
    first = lo
    for point in points:
        shown = tuple(current)
        if pieces and pieces[-1][2] == shown:  # equal sums: one piece, the later values kept
            pieces[-1] = (pieces[-1][0], point - ONE_DAY, shown)
        else:
            pieces.append((first, point - ONE_DAY, shown))
        for k, delta in deltas[point].items():  # only the series that change here
            current[k] += delta
        first = point
    shown = tuple(current)
    if pieces and pieces[-1][2] == shown:
        pieces[-1] = (pieces[-1][0], hi, shown)
    else:
        pieces.append((first, hi, shown))
    return pieces


def levels(spans: Iterable[Span], lo: date, hi: date) -> list[tuple[date, date, Decimal]]:
    """:func:`sweep` of a single series: the same additions in the same order, so the same Decimals."""
    deltas: dict[date, Decimal] = {}
    zero = _ZERO
    for span in spans:
        value = span.value
        a = lo if span.first is None or span.first < lo else span.first  # clip(), inline: once a span
        b = hi if span.last is None or span.last > hi else span.last
        if a > b or value == 0:
            continue
        deltas[a] = deltas.get(a, zero) + value
        b += ONE_DAY
        deltas[b] = deltas.get(b, zero) - value
    current = zero
    points = sorted(deltas)  # in [lo, hi + 1], as in sweep_values
    if points and points[0] == lo:
        current += deltas[lo]
        del points[0]
    if points and points[-1] > hi:
        del points[-1]
    pieces: list[tuple[date, date, Decimal]] = []
    first = lo
    for point in points:
        if pieces and pieces[-1][2] == current:  # equal sums: one piece, the later value kept
            pieces[-1] = (pieces[-1][0], point - ONE_DAY, current)
        else:
            pieces.append((first, point - ONE_DAY, current))
        current += deltas[point]
        first = point
    if pieces and pieces[-1][2] == current:
        pieces[-1] = (pieces[-1][0], hi, current)
    else:
        pieces.append((first, hi, current))
    return pieces


def total(spans: Iterable[Span]) -> Decimal:
    """Σ value × days over the spans."""
    return sum((s.total for s in spans), D(0))
