"""The printed report: each example to PDF in a real headless Chromium, read back with poppler (issue 11).

Each example is printed once (two at a time: each print takes a couple of seconds)
and the PDF is shared by the checks: A4 pages (595 × 842 pt), the footer's
``page x of y`` agreeing with the page count, the running header with the case,
the agreement id and the input hash on every page, and the last month of the term
in the month table and at the right end of the timeline (the timeline scaled to
the page instead of cut off). Without Chromium or poppler the printing tests skip
and say why; the refusal without Chromium is tested everywhere.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from convenant_calc.cli.app import app
from convenant_calc.render import pdf
from convenant_calc.render import report as report_render

from ..conftest import example_as_of
from ..report.conftest import EXAMPLES, example_path, report

MISSING = [tool for tool in ("pdfinfo", "pdftotext") if shutil.which(tool) is None]
needs_chromium = pytest.mark.skipif(
    pdf.chromium() is None or bool(MISSING),
    reason="no Chromium on PATH (apt-get install chromium)"
    if pdf.chromium() is None
    else f"poppler-utils missing ({', '.join(MISSING)}): apt-get install poppler-utils",
)

#: The timeline's month labels (its axis), January first.
MONTHS = {"en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec".split()}


@cache
def printed(tmp: Path) -> dict[tuple[str, str], Path]:
    """Every example in English, and the richest in Dutch, printed to PDF through the CLI."""
    jobs = [(name, "en") for name in EXAMPLES] + [("07-everything-together", "nl")]

    def one(job: tuple[str, str]) -> Path:
        name, lang = job
        out = tmp / f"{name}.{lang}.pdf"
        done = subprocess.run(
            [sys.executable, "-m", "convenant_calc", "settle", str(example_path(name)), "--lang", lang, "-o", str(out)]
            + (["--as-of", as_of] if (as_of := example_as_of(example_path(name))) else []),  # S16: examples/11
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == f"wrote {out} ({out.stat().st_size} bytes)\n"
        return out

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(jobs, pool.map(one, jobs)))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[tuple[str, str], Path]:
    return printed(tmp_path_factory.mktemp("pdf"))


def info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def pages_text(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


@needs_chromium
@pytest.mark.parametrize("name, lang", [(name, "en") for name in EXAMPLES] + [("07-everything-together", "nl")])
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
    # ... and at the right end of the timeline's month axis (2023-07 … 2025-06: 24 labels; examples/13: 2024, 12)
    start, end = (date.fromisoformat(d) for d in (report(name, "en").term_start, report(name, "en").term_end))
    axis = next(line for line in whole.splitlines() if re.search(r"\bJul\s+Aug\s+Sep\b", line, re.I))
    months = axis.split()
    count = (end.year - start.year) * 12 + end.month - start.month + 1
    assert len(months) == count and months[-1] == MONTHS[lang][end.month - 1], axis
    if lang == "nl":  # dates as a Fleming writes them
        assert "1 juli 2023 … 30 juni 2025" in whole
    # no hover hint on paper
    assert "Hover a bar" not in whole and "Beweeg over een balk" not in whole


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
