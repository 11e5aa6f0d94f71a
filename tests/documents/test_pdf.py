"""The printed report: each example to PDF in a real headless Chromium, read back with poppler (issue 11).

Each example is printed once, as the pages of its dossier (``convenant pack``, which prints
with the same function as ``settle --format pdf``; conftest.py), and example 07 through
``settle -o x.pdf``: in Dutch, and twice in English under SOURCE_DATE_EPOCH. The checks: A4
pages (595 × 842 pt), the footer's ``page x of y`` agreeing with the page count, the running
header with the case, the agreement id and the input hash on every page, the last month of the
term in the month table and at the right end of the timeline (the timeline scaled to the page
instead of cut off), each month on one line, no −0.00, and the same bytes for the same inputs
(issue 22 item 3). Without Chromium or poppler the printing tests skip and say why; the refusal
without Chromium is tested everywhere."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from convenant_calc.cli.app import app
from convenant_calc.render import pdf
from convenant_calc.render import report as report_render

from ..report.conftest import EXAMPLES, example_path, report
from .conftest import EPOCH

MISSING = [tool for tool in ("pdfinfo", "pdftotext") if shutil.which(tool) is None]
needs_chromium = pytest.mark.skipif(
    pdf.chromium() is None or bool(MISSING),
    reason="no Chromium on PATH (apt-get install chromium)"
    if pdf.chromium() is None
    else f"poppler-utils missing ({', '.join(MISSING)}): apt-get install poppler-utils",
)

#: The timeline's month labels (its axis), January first.
MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec".split(),
}


UNDATED = ("07-everything-together", "nl")  # printed without SOURCE_DATE_EPOCH: dated at the time of printing
DATED = ("07-everything-together", "en")  # printed twice under SOURCE_DATE_EPOCH: the same bytes
AGAIN = ("07-everything-together", "en", "again")


@cache
def printed(tmp: Path) -> dict[tuple[str, ...], Path]:
    """Example 07 printed through `settle -o x.pdf`: in Dutch without SOURCE_DATE_EPOCH, in English twice with it."""
    jobs = [UNDATED, DATED, AGAIN]

    def one(job: tuple[str, ...]) -> Path:
        name, lang = job[:2]
        out = tmp / f"{'.'.join(job)}.pdf"
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        if job != UNDATED:
            env["SOURCE_DATE_EPOCH"] = str(EPOCH)
        done = subprocess.run(
            [sys.executable, "-m", "convenant_calc", "settle", str(example_path(name)), "--lang", lang, "-o", str(out)],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == f"wrote {out} ({out.stat().st_size} bytes)\n"
        return out

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(jobs, pool.map(one, jobs)))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, dossiers) -> dict[tuple[str, ...], Path]:
    """The printed report of every example in English (the pages of its dossier, conftest.py) and the
    prints of example 07 through `settle`."""
    return {**{(name, "en"): dossiers[name] for name in EXAMPLES}, **printed(tmp_path_factory.mktemp("pdf"))}


def info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def pages_text(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


@needs_chromium
@pytest.mark.parametrize("name, lang", [(name, "en") for name in EXAMPLES] + [UNDATED])
def test_printed_report(pdfs, name, lang):
    path = pdfs[(name, lang)]
    meta = info(path)
    pages = int(meta["Pages"])
    assert 3 <= pages <= 12, pages  # one signable document, not one page per table row
    width, height = (float(v) for v in re.findall(r"[\d.]+", meta["Page size"])[:2])
    assert (round(width), round(height)) == (595, 842)  # A4, not US Letter (612 × 792)

    text = pages_text(path)
    assert len(text) == pages
    model = report(name, lang)
    digest = report_render.input_hash(model)[:16]
    word, of = ("page", "of") if lang == "en" else ("pagina", "van")
    for number, page in enumerate(text, start=1):
        assert f"{word} {number} {of} {pages}" in page  # the footer, on every page
        assert f"{name} · {model.agreement_id}" in page  # the running header
        assert digest in page
    whole = "\n".join(text)
    # the last month of the term, in the month table ...
    assert model.months[-1].label in whole
    # ... and at the right end of the timeline's month axis (2023-07 … 2025-06: 24 labels; examples/16: 2024, 12)
    start, end = (date.fromisoformat(d) for d in (report(name, "en").term_start, report(name, "en").term_end))
    axis = next(line for line in whole.splitlines() if re.search(r"\bJul\s+Aug\s+Sep\b", line, re.I))
    months = axis.split()
    count = (end.year - start.year) * 12 + end.month - start.month + 1
    assert len(months) == count and months[-1] == MONTHS[lang][end.month - 1], axis
    if lang == "nl":  # dates as a Fleming writes them
        assert "1 juli 2023 … 30 juni 2025" in whole
    # no hover hint on paper
    assert "Hover a bar" not in whole and "Beweeg over een balk" not in whole
    # issue 22 item 3: each month of the month table on one line ("2024-07", never "2024-" above "07");
    # 2023-07 … 2025-06 are 24 months (examples/16: the 12 of 2024)
    month_lines = re.findall(r"^\s*(\d{4}-\d{2})\s+\d", whole, re.MULTILINE)
    assert month_lines == [m.label for m in model.months], month_lines
    assert not re.search(r"^\s*\d{4}-\s", whole, re.MULTILINE)  # no month or ISO date cut at its hyphen
    # issue 18 item 13: no amount printed as minus zero (examples 01, 02, 03, 08 deduct or were paid nothing)
    assert not re.search(r"[\u2212-]0[.,]00\b", whole)


@needs_chromium
def test_the_same_inputs_print_the_same_bytes_under_source_date_epoch(pdfs):
    # issue 22 item 3: Chromium dates the file now and links into its temporary directory; both are set
    # (the dates to SOURCE_DATE_EPOCH, the links relative again) and the /ID follows from the content
    first, again = pdfs[DATED], pdfs[AGAIN]
    assert first.read_bytes() == again.read_bytes()
    meta = info(first)
    assert meta["CreationDate"].strip() == meta["ModDate"].strip() == "Mon Jul  1 12:00:00 2024 UTC"
    assert b"convenant-pdf-" not in first.read_bytes()  # no link into the temporary directory


@needs_chromium
def test_without_source_date_epoch_the_pdf_is_dated_now(pdfs):
    import pikepdf

    with pikepdf.open(pdfs[UNDATED]) as doc:
        created = str(doc.docinfo["/CreationDate"])
    printed_at = datetime.strptime(created, "D:%Y%m%d%H%M%S+00'00'").replace(tzinfo=timezone.utc)
    assert abs(datetime.now(timezone.utc) - printed_at) < timedelta(minutes=10)  # printed by this session


def test_without_chromium_a_clear_refusal(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing to run here
    monkeypatch.delenv("CONVENANT_CHROMIUM", raising=False)
    out = tmp_path / "r.pdf"
    result = CliRunner().invoke(app, ["settle", str(example_path("01-no-absences")), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("--format pdf needs Chromium, and none is on PATH")
    assert "apt-get install chromium poppler-utils fonts-dejavu-core" in result.stderr
    assert not out.exists()


def test_chromium_failing_is_an_input_free_exit_2(tmp_path, monkeypatch):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("CONVENANT_CHROMIUM", str(fake))
    out = tmp_path / "r.pdf"
    result = CliRunner().invoke(app, ["settle", str(example_path("01-no-absences")), "-o", str(out)])
    assert result.exit_code == 2
    assert "could not print the report (exit 3): cannot open display" in result.stderr
    assert not out.exists()


def test_margin_box_text_is_escaped():
    # a case name with quotes or "</style>" cannot break out of the CSS string
    assert report_render.css_string('a "b" </style>') == '"a \\22 b\\22  \\3c /style\\3e "'
    assert report_render.css_string("page ", nbsp=True) == '"page\\a0 "'


def test_input_hash_is_what_sha256sum_piped_gives():
    # the README's recipe, run in examples/07-everything-together (checked by hand once, and equal):
    #   sha256sum ../../data/lokale-besturen-2023-2025.yaml absences.yaml results.yaml payments.yaml \
    #   | cut -c1-64 | sha256sum
    import hashlib

    case = example_path("07-everything-together")
    files = [case.parents[1] / "data" / "lokale-besturen-2023-2025.yaml"] + [
        case / name for name in ("absences.yaml", "results.yaml", "payments.yaml")
    ]
    lines = "".join(hashlib.sha256(f.read_bytes()).hexdigest() + "\n" for f in files)
    expected = hashlib.sha256(lines.encode()).hexdigest()
    assert report_render.input_hash(report("07-everything-together")) == expected


def test_finish_dates_links_and_element_ids_without_chromium():
    # render.pdf.finish on a PDF made here, shaped as Chromium's: a link into its temporary directory,
    # tagged elements named after DOM node numbers that vary from run to run (13, 20 here; 14, 21 in
    # another run), and a title that merely looks like an id
    import pikepdf

    def chromium_like(first: int) -> bytes:
        with pikepdf.new() as doc:
            doc.add_blank_page()
            base = "file:///tmp/convenant-pdf-1-abc/"
            link = pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Link,
                Rect=[0, 0, 10, 10],
                A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(base + "docs/rules.md#s10")),
            )
            doc.pages[0].obj.Annots = doc.make_indirect(pikepdf.Array([link]))
            ids = [f"node{first:08d}", f"node{first + 7:08d}"]
            cells = [
                doc.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, ID=pikepdf.String(ids[0]))),
                doc.make_indirect(
                    pikepdf.Dictionary(
                        Type=pikepdf.Name.StructElem,
                        ID=pikepdf.String(ids[1]),
                        T=pikepdf.String("node00000099"),
                        A=pikepdf.Dictionary(O=pikepdf.Name.Table, Headers=pikepdf.Array([pikepdf.String(ids[0])])),
                    )
                ),
            ]
            doc.Root.StructTreeRoot = pikepdf.Dictionary(
                K=pikepdf.Array(cells),
                IDTree=pikepdf.Dictionary(
                    Names=pikepdf.Array([pikepdf.String(ids[0]), cells[0], pikepdf.String(ids[1]), cells[1]]),
                    Limits=pikepdf.Array([pikepdf.String(ids[0]), pikepdf.String(ids[1])]),
                ),
            )
            out = io.BytesIO()
            doc.save(out)
            return out.getvalue()

    moment = datetime(2024, 7, 1, 12, 0, tzinfo=timezone.utc)
    one = pdf.finish(chromium_like(13), moment, "file:///tmp/convenant-pdf-1-abc/")
    assert one == pdf.finish(chromium_like(14), moment, "file:///tmp/convenant-pdf-1-abc/")
    import pikepdf

    with pikepdf.open(io.BytesIO(one)) as doc:
        assert str(doc.docinfo["/CreationDate"]) == str(doc.docinfo["/ModDate"]) == "D:20240701120000+00'00'"
        assert str(doc.pages[0].obj.Annots[0].A.URI) == "docs/rules.md#s10"
        tree = doc.Root.StructTreeRoot
        assert [str(x) for x in tree.IDTree.Names[::2]] == ["node00000001", "node00000002"]
        assert [str(x) for x in tree.IDTree.Limits] == ["node00000001", "node00000002"]
        second = tree.K[1]
        names = (str(second.ID), str(second.A.Headers[0]), str(second.T))
        assert names == ("node00000002", "node00000001", "node00000099")  # the title is no id
        assert len(doc.trailer.ID) == 2  # a file identifier, computed from the content
