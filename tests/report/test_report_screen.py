"""The HTML report on a phone and on a desktop, measured in a real headless Chromium (issue 22).

At 390 CSS pixels (a phone) the page must be laid out 390 wide (its viewport meta; without
it a phone lays the page out 980 wide and zooms out), and no element may reach past the
screen's edge unless it sits in a box that scrolls sideways (a wide table's ``div.wide``):
nothing is cut, nothing makes the whole page scroll. The timeline shrinks to the width.
On paper nothing scrolls. One Chromium serves every check (a page loads in a fraction of
a second); without Chromium the checks skip and say so.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from convenant_calc.render import pdf

from ..browser import OVERFLOWING, Page
from ..conftest import ROOT, example_as_of
from .conftest import example_path

pytestmark = pytest.mark.skipif(pdf.chromium() is None, reason="no Chromium on PATH (apt-get install chromium)")

PHONE, DESKTOP = 390, 1280
CONTAINERS = "[...document.querySelectorAll('div.wide')].map(d => [d.scrollWidth, d.clientWidth])"
TIMELINES = (
    "[...document.querySelectorAll('figure.timeline')]"
    ".map(f => [Math.round(f.querySelector('svg').getBoundingClientRect().width), f.clientWidth])"
)


def convenant(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "convenant_calc", *args], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def long_words(tmp: Path) -> Path:
    """examples/07 with an agreement id, a title and a consultant's name that hold no space to break at."""
    case = tmp / "long-words"
    shutil.copytree(example_path("07-everything-together"), case)
    agreement = (ROOT / "data" / "lokale-besturen-2023-2025.yaml").read_text(encoding="utf-8")
    long_id = "lokale-besturen-2023-2025-met-een-heel-lange-identificatie-zonder-spaties"
    agreement = agreement.replace("id: lokale-besturen-2023-2025", f"id: {long_id}", 1).replace(
        "title: Sectorconvenant 2023-2025 Lokale Besturen",
        "title: Sectorconvenant_2023-2025_Lokale_Besturen_met_een_lange_titel_zonder_enige_spatie",
        1,
    )
    (case / "convenant.yaml").write_text(agreement, encoding="utf-8")
    (case / "expected.yaml").unlink()
    for name in ("results.yaml", "payments.yaml"):
        path = case / name
        path.write_text(
            path.read_text(encoding="utf-8").replace("convenant: lokale-besturen-2023-2025", f"convenant: {long_id}"),
            encoding="utf-8",
        )
    absences = case / "absences.yaml"
    text = absences.read_text(encoding="utf-8")
    absences.write_text(text.replace("name: An Peeters", "name: AnPeetersMetEenNaamZonderEnigeSpatieErin"), "utf-8")
    return case


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, str]:
    """The pages measured, written through the CLI as a user writes them: name → file URL."""
    tmp = tmp_path_factory.mktemp("screen")
    interim = example_path("11-interim-position")
    made = {
        "07-en": ["settle", str(example_path("07-everything-together"))],
        "07-nl": ["settle", str(example_path("07-everything-together")), "--lang", "nl"],
        "09-periods": ["settle", str(example_path("09-extension-year"))],  # S14: two periods, one appendix
        "11-interim": ["settle", str(interim), "--as-of", example_as_of(interim) or ""],  # S16
        "12-readings": ["settle", str(example_path("12-readings-dispute")), "--readings"],  # S17
        "15-lines": ["settle", str(example_path("15-extension-continues-one-addendum"))],  # S19: lines × periods
        "17-costs": ["settle", str(example_path("17-cost-statement"))],  # S20: the cost statement
        "long-words": ["settle", str(long_words(tmp))],
        "generation": ["generation", str(ROOT / "examples" / "generation"), "--format", "html"],
    }
    for name, args in made.items():
        convenant(*args, "--output", str(tmp / f"{name}.html"))
    return {name: (tmp / f"{name}.html").as_uri() for name in made}


@pytest.fixture(scope="module")
def browser():
    with Page(pdf.chromium() or "chromium") as page:
        yield page


@pytest.mark.parametrize(
    "name",
    ["07-en", "07-nl", "09-periods", "11-interim", "12-readings", "15-lines", "17-costs", "long-words", "generation"],
)
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_nothing_runs_off_the_screen(browser, pages, name, width):
    browser.open(pages[name], width)
    found = browser.evaluate(OVERFLOWING)
    assert found["width"] == width  # the viewport meta: laid out as wide as the screen, not 980 and zoomed out
    assert found["overflowing"] == [] and found["scrollWidth"] == width
    for inner, outer in browser.evaluate(TIMELINES):
        assert inner <= outer  # the timeline scales down to the width: its last month is on the screen


def test_on_a_phone_the_wide_tables_scroll_in_their_own_box(browser, pages):
    # examples/07 at 390 px: the commitments, absences and month tables are wider than the screen;
    # each scrolls sideways in its div.wide (so none is cut or squeezed), and each box fits the screen.
    browser.open(pages["07-en"], PHONE)
    boxes = browser.evaluate(CONTAINERS)
    scrolling = [inner > outer for inner, outer in boxes]
    # inputs, summary, commitments, absences, months, payments
    assert scrolling == [False, False, True, True, True, False]
    assert all(outer <= PHONE for _, outer in boxes)
    # the month table is whole inside its box: its last column ("deduction") is reached by scrolling
    last = browser.evaluate(
        "(() => { const box = [...document.querySelectorAll('div.wide')][4];"
        " const cell = box.querySelector('tr:last-child td:last-child');"
        " return [cell.textContent, box.scrollWidth >= cell.offsetLeft + cell.offsetWidth]; })()"
    )
    assert last == ["17,052.80", True]  # the total deduction of examples/07 (SPEC worked example)


def test_on_a_desktop_nothing_scrolls_and_the_timeline_keeps_its_size(browser, pages):
    browser.open(pages["07-en"], DESKTOP)
    assert all(inner <= outer for inner, outer in browser.evaluate(CONTAINERS))
    assert browser.evaluate(TIMELINES) == [[1000, 1040]]  # drawn 1000 wide, never stretched


def test_on_paper_nothing_scrolls(browser, pages):
    browser.open(pages["09-periods"], DESKTOP)
    browser.call("Emulation.setEmulatedMedia", media="print")
    try:
        overflow = browser.evaluate(
            "[...document.querySelectorAll('div.wide')].map(d => getComputedStyle(d).overflowX)"
        )
        appendix = browser.evaluate("getComputedStyle(document.querySelector('section.rules')).breakBefore")
    finally:
        browser.call("Emulation.setEmulatedMedia", media="")
    assert overflow and set(overflow) == {"visible"}
    assert appendix == "page"  # the rules start on a page of their own, after the signature
