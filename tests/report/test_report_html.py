"""The HTML report parses, holds no script and no link out, and draws one timeline row per consultant."""

from __future__ import annotations

import re

from decimal import Decimal
from html.parser import HTMLParser

import pytest

from convenant_calc.render import report as render_report

from .conftest import loaded, report

VOID = {"meta", "br", "hr", "img", "input", "link", "rect", "line", "path", "col"}


class Collector(HTMLParser):
    """Checks that every element is closed in order, and collects the SVG rows."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.svgs = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "svg":
            self.svgs += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def rows(self, key: str) -> list[dict]:
        return [a for t, a in self.tags if t == "g" and a.get("class", "").split() == ["row", key]]


def parse(text: str) -> Collector:
    collector = Collector()
    collector.feed(text)
    collector.close()
    assert collector.errors == []
    assert collector.stack == []
    return collector


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_html_parses_and_stays_offline(example, lang):
    html = render_report.html(report(example, lang))
    assert html.startswith("<!DOCTYPE html>\n")
    doc = parse(html)
    assert doc.svgs == 1
    tags = {t for t, _ in doc.tags}
    assert not tags & {"script", "iframe", "img", "link", "object", "embed"}
    anchors = {a["id"] for _, a in doc.tags if "id" in a}
    for tag, attributes in doc.tags:
        if tag == "a":  # a step's link to its rule in the report's own appendix: nothing fetched, nothing outside
            href = attributes.pop("href", "")
            assert re.fullmatch(r"#s\d+", href) and href[1:] in anchors, href
        assert not {"src", "href", "onload", "onclick"} & set(attributes), tag
        if tag != "svg":
            assert "http" not in " ".join(v or "" for v in attributes.values()), tag


def test_timeline_has_one_row_per_consultant():
    doc = parse(render_report.html(report("07-everything-together")))
    consultants = [c.id for c in loaded("07-everything-together").case.staffing.consultants]
    assert [a["data-id"] for a in doc.rows("consultant")] == consultants == ["an", "bram", "chloe", "dirk", "els"]
    assert len(doc.rows("vacancy")) == 1  # Bram → Chloe
    assert len(doc.rows("short")) == 1
    assert doc.rows("assumed") == []


def test_timeline_without_consultants_list():
    # examples/03: no consultants list; bram and dirk are absent, so 4 − 2 = 2 FTE are assumed (S5).
    r = report("03-relapse-within-14-days")
    doc = parse(render_report.html(r))
    assert [a["data-id"] for a in doc.rows("consultant")] == ["bram", "dirk"]
    assert len(doc.rows("assumed")) == 1
    assert doc.rows("vacancy") == []
    assumed = [row for row in r.timeline.rows if row.key == "assumed"][0]
    assert assumed.label == "others: 2 FTE (S5)"
    # examples/01: no absences at all: only the assumed 4 FTE.
    doc = parse(render_report.html(report("01-no-absences")))
    assert doc.rows("consultant") == []
    assert len(doc.rows("assumed")) == 1


def test_timeline_bars_show_guaranteed_wage_replacement_and_shortfall():
    rows = {row.id or row.key: row for row in report("07-everything-together").timeline.rows}
    an = [(b.style, b.kind, b.first, b.last, b.low, b.high) for b in rows["an"].bars if b.style != "employed"]
    # Guaranteed wage 2024-01-08 … 2024-02-06, off duty 2024-02-07 … 2024-02-18, replaced 2024-02-19 … 2024-03-15.
    assert an == [
        ("gw", "sickness", "2024-01-08", "2024-02-06", 0, 1),
        ("off", "sickness", "2024-02-07", "2024-02-18", 0, 1),
        ("replaced", "sickness", "2024-02-19", "2024-03-15", 0, 1),
    ]
    els = [(b.style, b.first, b.last, b.low, b.high) for b in rows["els"].bars if b.style in ("off", "replaced")]
    # Relapse uncovered from 2024-06-14; half replaced 2024-06-17 … 2024-06-28: replaced below, off duty above.
    half = Decimal("0.5")
    assert els == [
        ("off", "2024-06-14", "2024-06-16", 0, 1),
        ("replaced", "2024-06-17", "2024-06-28", 0, half),
        ("off", "2024-06-17", "2024-06-28", half, 1),
    ]
    vacancy = [(b.first, b.last, b.high) for b in rows["vacancy"].bars]
    assert vacancy == [("2024-12-01", "2025-01-05", 1)]
    bram = [b for b in rows["bram"].bars if b.style == "employed"]
    assert (bram[0].first, bram[0].last) == ("2023-07-01", "2024-11-30")
