"""Dutch as a Fleming writes it (issue 11): amounts through Babel's nl_BE in one style, dates "30 juni 2025"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.core.money import fmt_en, fmt_eur_nl, fmt_nl
from convenant_calc.render import report as report_render
from convenant_calc.views.labels import Lang

from ..report.conftest import report


def test_amounts():
    assert fmt_nl(Decimal("1234.56")) == "1.234,56"
    assert fmt_nl(Decimal("424000.00")) == "424.000,00"
    assert fmt_nl(Decimal("0.00")) == "0,00"
    assert fmt_nl(Decimal("-15747.74")) == "-15.747,74"  # ASCII hyphen-minus, as a spreadsheet reads it
    assert fmt_eur_nl(Decimal("1234.56")) == "1.234,56 EUR"
    assert Lang("nl").eur(Decimal("396819.92")) == "396.819,92 EUR"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_babel_agrees_with_the_english_grouping_swapped(cents):
    value = Decimal(cents).scaleb(-2)
    text = fmt_nl(value)
    assert text == fmt_en(value).translate(str.maketrans({",": ".", ".": ","}))
    assert Decimal(text.replace(".", "").replace(",", ".")) == value  # nothing rounded on the way


def test_dates():
    nl, en = Lang("nl"), Lang("en")
    assert nl.date(date(2025, 6, 30)) == "30 juni 2025"
    assert nl.date(date(2023, 7, 1)) == "1 juli 2023"
    assert nl.date(date(2024, 3, 15)) == "15 maart 2024"
    assert en.date(date(2025, 6, 30)) == "2025-06-30"


def test_the_dutch_report_writes_dates_and_amounts_the_flemish_way():
    html = report_render.part_html(report("07-everything-together", "nl"))
    assert "1 juli 2023 … 30 juni 2025 (731 dagen)" in html  # the term
    assert "<td class=\"date\">8 januari 2024</td>" in html  # An's sickness starts (absences table)
    assert "<td class=\"date\">2 oktober 2023</td>" in html  # the first advance (payments table)
    assert "356.067,20" in html and "356,067.20" not in html
    english = report_render.part_html(report("07-everything-together", "en"))
    assert "2023-07-01 … 2025-06-30 (731 days)" in english
