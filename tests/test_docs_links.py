"""The documentation holds together: every relative link resolves, the front doors stay short.

README.md and LEESMIJ.md are front doors of at most 300 lines; the manual lives in docs/ and
docs/README.md lists every page of it. Every relative link in README.md, LEESMIJ.md and
docs/**/*.md (``[text](target)`` and ``![alt](target)``, outside code) must name a file or
directory of the repository, and its ``#anchor`` a heading (as GitHub makes anchors from
headings) or an explicit ``<a id="…">`` of the Markdown file it points to.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import ROOT

FRONT_DOORS = ("README.md", "LEESMIJ.md")
PAGES = sorted([ROOT / name for name in FRONT_DOORS] + list((ROOT / "docs").rglob("*.md")))

FENCE = re.compile(r"^(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^()\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
EXPLICIT = re.compile(r"<a\s+(?:id|name)=\"([^\"]+)\"")


def prose(text: str, *, code_spans: bool = False) -> list[tuple[int, str]]:
    """The lines outside fenced code blocks, numbered from 1; code spans blanked out unless kept."""
    lines, fenced = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line.lstrip()):
            fenced = not fenced
            continue
        if not fenced:
            lines.append((number, line if code_spans else CODE_SPAN.sub("", line)))
    return lines


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: the text as rendered, lower case, punctuation dropped, spaces to '-'."""
    text = LINK.sub(lambda m: m.group(1), heading)  # a link in a heading counts by its text
    text = text.replace("`", "").replace("*", "")
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"[^\w\- ]", "", text.lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every anchor a Markdown file offers: its headings' (numbered -1, -2 … when repeated) and explicit ones."""
    text = path.read_text(encoding="utf-8")
    found: set[str] = set(EXPLICIT.findall(text))
    seen: dict[str, int] = {}
    for _, line in prose(text, code_spans=True):  # a heading's code counts by its text
        heading = HEADING.match(line)
        if heading:
            base = slug(heading.group(2))
            n = seen.get(base, 0)
            seen[base] = n + 1
            found.add(base if n == 0 else f"{base}-{n}")
    return found


def links(path: Path) -> list[tuple[int, str]]:
    return [(n, m.group(2)) for n, line in prose(path.read_text(encoding="utf-8")) for m in LINK.finditer(line)]


def broken(path: Path, root: Path = ROOT) -> list[str]:
    """Each link of ``path`` that names no file inside ``root``, or no anchor of the page it names."""
    problems = []
    for number, target in links(path):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto: … are not checked here
            continue
        file, _, anchor = target.partition("#")
        where = (path.parent / file).resolve() if file else path.resolve()
        place = f"{path.relative_to(root)}:{number}: {target}"
        if root.resolve() not in (where, *where.parents) or not where.exists():
            problems.append(f"{place}: no such file in the repository")
        elif anchor and where.suffix == ".md" and anchor not in anchors(where):
            problems.append(f"{place}: no heading or anchor #{anchor} there")
    return problems


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(path):
    assert broken(path) == []


@pytest.mark.parametrize("name", FRONT_DOORS)
def test_the_front_doors_stay_short_and_point_at_each_other(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 300
    other = {"README.md": "LEESMIJ.md", "LEESMIJ.md": "README.md"}[name]
    head = "\n".join(text.splitlines()[:5])
    assert f"]({other})" in head and "](docs/README.md)" in head


def test_the_index_lists_every_page_of_the_manual():
    index = {target.partition("#")[0] for _, target in links(ROOT / "docs" / "README.md")}
    pages = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*.md")} - {"README.md"}
    assert pages <= index


def test_the_checker_finds_what_is_broken(tmp_path):
    # GitHub's anchors: the heading's text, lower case, punctuation (the en dash too) dropped, spaces to '-'
    assert slug("S1–S12: the agreement as signed") == "s1s12-the-agreement-as-signed"
    assert slug("Excel workbook (`--format xlsx`)") == "excel-workbook---format-xlsx"
    assert slug("A generation at once: `convenant generation` (S18)") == "a-generation-at-once-convenant-generation-s18"
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n\n## Part\n\n## Part\n\n<a id=\"s7\"></a>\n\n## The `--x` option\n"
        "[ok](#part-1) [ok](#s7) `[code](#nowhere)` [bad](#part-2)\n\n```\n[fenced](#nowhere)\n```\n",
        encoding="utf-8",
    )
    assert anchors(page) == {"title", "part", "part-1", "s7", "the---x-option"}
    assert [target for _, target in links(page)] == ["#part-1", "#s7", "#part-2"]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(
        "# A\n\n[up](../page.md#part) [gone](../gone.md) [out](../../x.md) [anchor](../page.md#nope)\n",
        encoding="utf-8",
    )
    assert broken(tmp_path / "docs" / "a.md", tmp_path) == [
        "docs/a.md:3: ../gone.md: no such file in the repository",
        "docs/a.md:3: ../../x.md: no such file in the repository",
        "docs/a.md:3: ../page.md#nope: no heading or anchor #nope there",
    ]
    assert broken(page, tmp_path) == ["page.md:10: #part-2: no heading or anchor #part-2 there"]
