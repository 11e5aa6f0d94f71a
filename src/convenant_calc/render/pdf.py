"""The report as PDF: the HTML report printed by headless Chromium (``settle --format pdf``).

The page itself is the HTML report's print style sheet (A4, margins, a running
header with the case, the agreement id and the input hash, ``page x of y`` at the
foot); Chromium only prints it. Chromium is found on PATH as ``chromium``,
``chromium-browser``, ``google-chrome`` or ``google-chrome-stable`` (or named by
``CONVENANT_CHROMIUM``); when none is there, :class:`PdfError` says how to install it.

Chromium runs with a fresh profile in a temporary directory that is removed
afterwards, without network services, sandbox (it runs as root in CI
containers) or GPU, and with its own header and footer switched off
(``--no-pdf-header-footer``: the page's margin boxes carry ours).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 120  # seconds; one report prints in a few
INSTALL_HINT = (
    "install it, e.g. on Debian or Ubuntu: apt-get install chromium poppler-utils fonts-dejavu-core; "
    "or write --format html and print that from a browser"
)


class PdfError(Exception):
    """Chromium is missing or failed: a message for stderr, exit 2."""


def chromium() -> str | None:
    """The Chromium to print with: ``$CONVENANT_CHROMIUM`` or the first of :data:`NAMES` on PATH."""
    named = os.environ.get("CONVENANT_CHROMIUM", "").strip()
    if named:
        return shutil.which(named)
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def command(browser: str, html_file: Path, pdf_file: Path, profile: Path) -> list[str]:
    return [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-pdf-header-footer",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={pdf_file}",
        html_file.as_uri(),
    ]


def render(html: str, timeout: float = TIMEOUT) -> bytes:
    """Print ``html`` (a whole document, no external resources) to PDF bytes with headless Chromium."""
    browser = chromium()
    if browser is None:
        named = os.environ.get("CONVENANT_CHROMIUM", "").strip()
        if named:
            raise PdfError(f"CONVENANT_CHROMIUM={named}: no such program on PATH; {INSTALL_HINT}")
        raise PdfError(f"--format pdf needs Chromium, and none is on PATH ({', '.join(NAMES)}); {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="convenant-pdf-") as tmp:
        work = Path(tmp)
        page, pdf = work / "report.html", work / "report.pdf"
        page.write_text(html, encoding="utf-8")
        try:
            done = subprocess.run(
                command(browser, page, pdf, work / "profile"),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PdfError(
                f"{browser} did not print the report within {timeout:g} s; try again, or write --format html"
            )
        except OSError as exc:
            raise PdfError(f"{browser}: cannot run it: {exc.strerror or exc}; {INSTALL_HINT}")
        if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise PdfError(
                f"{browser} could not print the report (exit {done.returncode}): {' / '.join(said) or 'no message'}; "
                "write --format html and print that from a browser"
            )
        return pdf.read_bytes()
