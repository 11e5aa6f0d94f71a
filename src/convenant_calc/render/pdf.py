"""The report as PDF: the HTML report printed by headless Chromium (``settle --format pdf``).

The page itself is the HTML report's print style sheet (A4, margins, a running
header with the case, the agreement id and the input hash, ``page x of y`` at the
foot); Chromium only prints it. Chromium is found on PATH as ``chromium``,
``chromium-browser``, ``google-chrome`` or ``google-chrome-stable`` (or named by
``CONVENANT_CHROMIUM``); when none is there, :class:`PdfError` says how to install it.

Chromium runs with a fresh profile in a temporary directory, without network
services, sandbox (it runs as root in CI containers) or GPU, and with its own
header and footer switched off (``--no-pdf-header-footer``: the page's margin
boxes carry ours).

**The same bytes for the same inputs.** Chromium writes the time of printing as the
document's CreationDate and ModDate, and resolves the report's relative links against
the temporary directory (``file:///tmp/convenant-pdf-…/docs/rules.md``), so no two
prints were alike. :func:`finish` rewrites both with pikepdf (qpdf): the dates become
the ``moment`` given (``SOURCE_DATE_EPOCH`` when set, else now; the CLI decides), the
links relative again, and the file identifier (/ID) is computed from the content
(qpdf's deterministic ID) instead of being left out or random.

**Nothing left behind.** Chromium is started in its own session, so in its own process
group: on every way out of :func:`render` (done, failed, the timeout, an exception,
SIGINT's KeyboardInterrupt, SIGTERM's exit raised by the CLI) the whole group is
killed and the temporary directory removed. What no program can clean up after is its
own SIGKILL; for that, on Linux Chromium is started with a parent-death signal (it is
killed with the process that started it, and its helpers end with it), and the
temporary directory carries the process id (``convenant-pdf-PID-…``), so that a later
print removes the directory of a run that no longer exists (:func:`sweep`).
``docs/outputs.md`` (Print and PDF) says what a SIGKILL can still leave and how to clean it by hand.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 120  # seconds; one report prints in a few
PREFIX = "convenant-pdf-"  # the temporary directory: convenant-pdf-PID-random
_OURS = re.compile(re.escape(PREFIX) + r"(\d+)-[A-Za-z0-9_]+")
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


def render(html: str, moment: datetime | None = None, timeout: float = TIMEOUT) -> bytes:
    """Print ``html`` (a whole document, no external resources) to PDF bytes with headless Chromium.

    ``moment``: the document's creation and modification date (UTC); None is now.
    """
    browser = chromium()
    if browser is None:
        named = os.environ.get("CONVENANT_CHROMIUM", "").strip()
        if named:
            raise PdfError(f"CONVENANT_CHROMIUM={named}: no such program on PATH; {INSTALL_HINT}")
        raise PdfError(f"--format pdf needs Chromium, and none is on PATH ({', '.join(NAMES)}); {INSTALL_HINT}")
    sweep()
    with _workdir() as work:
        page, pdf = work / "report.html", work / "report.pdf"
        page.write_text(html, encoding="utf-8")
        log = work / "chromium.log"
        scratch = work / "tmp"  # Chromium's own temporary files (org.chromium.Chromium.*) go here too
        scratch.mkdir()
        code = _run(command(browser, page, pdf, work / "profile"), log, timeout, browser, scratch)
        if code != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            said = log.read_text("utf-8", "replace").strip().splitlines()[-3:] if log.is_file() else []
            raise PdfError(
                f"{browser} could not print the report (exit {code}): {' / '.join(said) or 'no message'}; "
                "write --format html and print that from a browser"
            )
        raw = pdf.read_bytes()
        base = work.as_uri() + "/"
    return finish(raw, moment or datetime.now(timezone.utc), base)


def pdf_date(moment: datetime) -> str:
    """A PDF date string (ISO 32000 §7.9.4) in UTC: ``D:20240701120000+00'00'``."""
    utc = moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return utc.strftime("D:%Y%m%d%H%M%S+00'00'")


def finish(raw: bytes, moment: datetime, base: str = "") -> bytes:
    """Chromium's PDF with its dates set to ``moment``, links under ``base`` made relative again, and a
    file identifier computed from the content: the same page and moment give the same bytes."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(raw)) as doc:
            stamp = pikepdf.String(pdf_date(moment))
            doc.docinfo[pikepdf.Name.CreationDate] = stamp
            doc.docinfo[pikepdf.Name.ModDate] = stamp
            if base:
                _relative_links(doc, base)
            _stable_node_ids(doc)
            out = io.BytesIO()
            doc.save(out, deterministic_id=True)
    except pikepdf.PdfError as exc:
        raise PdfError(f"Chromium's PDF could not be read back ({exc}); write --format html and print that") from None
    return out.getvalue()


def _relative_links(doc, base: str) -> None:
    """A link the page made relative (``docs/rules.md#s10``) is relative again, not into the temporary directory."""
    import pikepdf

    for page in doc.pages:
        for annot in page.obj.get(pikepdf.Name.Annots, ()):
            action = annot.get(pikepdf.Name.A)
            if action is None or action.get(pikepdf.Name.S) != pikepdf.Name.URI:
                continue
            uri = str(action.get(pikepdf.Name.URI, ""))
            if uri.startswith(base):
                action[pikepdf.Name.URI] = pikepdf.String(uri[len(base) :])


_NODE_ID = re.compile(r"node(\d+)")


def _stable_node_ids(doc) -> None:
    """Number the tagged elements' ids 1, 2, 3, … in their order.

    Chromium names each element of the structure tree after the number of its DOM node
    (``/ID (node00000013)``, the keys of the /IDTree and the /Headers of a table cell), and that
    number depends on how many nodes the renderer had made before: measured, 1 print in 20 of
    the same page had every id one higher. Renumbered by rank, the ids keep their order (the
    /IDTree stays sorted) and every reference between them, and no longer depend on the run.
    Such an id is the value of an /ID or an element of an array; page text is never either.
    """
    import pikepdf

    found: list[tuple[object, object, int]] = []  # (dictionary or array, key or index, node number)

    def collect(container) -> None:
        array = isinstance(container, pikepdf.Array)
        for key, value in enumerate(container) if array else container.items():
            if isinstance(value, pikepdf.String):
                named = _NODE_ID.fullmatch(str(value))
                if named and (array or key == "/ID"):
                    found.append((container, key, int(named.group(1))))
            elif isinstance(value, (pikepdf.Dictionary, pikepdf.Array)) and not value.is_indirect:
                collect(value)

    for obj in doc.objects:
        if isinstance(obj, pikepdf.Stream):
            collect(obj.stream_dict)
        elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Array)):
            collect(obj)
    ranks = {number: rank for rank, number in enumerate(sorted({n for _, _, n in found}), start=1)}
    for container, key, number in found:
        container[key] = pikepdf.String(f"node{ranks[number]:08d}")


# --- running Chromium and cleaning up after it ----------------------------------------------


@contextmanager
def _workdir() -> Iterator[Path]:
    """A fresh temporary directory ``convenant-pdf-PID-…``, removed on every way out of the block."""
    from convenant_calc.io.output import signals_held

    work = None
    try:
        with signals_held():  # SIGINT or SIGTERM is delivered once the directory is in reach of finally
            work = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
        yield work
    finally:
        if work is not None:
            _remove(work)


def _remove(work: Path) -> None:
    """Remove the directory, trying again for a second: a helper of Chromium that was just sent SIGKILL
    may still write into its profile for a moment, and the first removal then leaves a directory behind."""
    for pause in (0.0, 0.02, 0.05, 0.1, 0.2, 0.6):
        time.sleep(pause)
        shutil.rmtree(work, ignore_errors=True)
        if not os.path.lexists(work):
            return


def _run(argv: list[str], log: Path, timeout: float, browser: str, scratch: Path) -> int:
    """Run Chromium in its own process group and return its exit code; the group is killed on the way out.

    ``scratch`` is its TMPDIR: what Chromium puts in the temporary directory itself (and cannot remove
    when it is killed) is removed with the print's own directory.
    """
    from convenant_calc.io.output import signals_held

    env = {**os.environ, "TMPDIR": str(scratch)}
    child = None
    try:
        # A signal while Popen starts Chromium would leave it running, unknown to this function:
        # SIGINT and SIGTERM are held until ``child`` is set, then delivered inside this try.
        with signals_held():
            try:
                with log.open("wb") as err:
                    child = subprocess.Popen(
                        argv,
                        stdin=subprocess.DEVNULL,
                        stdout=err,
                        stderr=err,
                        env=env,
                        start_new_session=True,  # its own process group: one signal reaches all of it
                        preexec_fn=_die_with_parent() if sys.platform == "linux" else None,
                    )
            except OSError as exc:
                raise PdfError(f"{browser}: cannot run it: {exc.strerror or exc}; {INSTALL_HINT}") from None
        if not _wait_unreaped(child, timeout):
            raise PdfError(
                f"{browser} did not print the report within {timeout:g} s; try again, or write --format html"
            )
    finally:
        if child is not None:
            _kill_group(child)  # also after a clean exit: a helper may linger
    return child.returncode


def _wait_unreaped(child: subprocess.Popen, timeout: float) -> bool:
    """Wait until ``child`` has ended, leaving it unreaped (a zombie) so that its process group id cannot be
    taken by another process before the group is killed; False when ``timeout`` passed first."""
    if not hasattr(os, "waitid"):  # not Linux or BSD: wait and reap
        try:
            child.wait(timeout)
        except subprocess.TimeoutExpired:
            return False
        return True
    deadline = time.monotonic() + timeout
    pause = 0.005
    while os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(pause, left))
        pause = min(pause * 2, 0.05)
    return True


def _kill_group(child: subprocess.Popen) -> None:
    """SIGKILL every process left in Chromium's group (its helpers too), then reap Chromium itself.

    Chromium is reaped only after the kill: until then its process id, which is the group's id,
    cannot be given to another process, so the kill reaches Chromium's group and nothing else."""
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass  # the group has ended
    child.wait()


def _die_with_parent():
    """For Popen's ``preexec_fn`` on Linux: the child gets SIGKILL when the process that started it dies
    (``prctl(PR_SET_PDEATHSIG)``), which is what is left to do about a SIGKILL of the tool."""
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # pragma: no cover - every Linux libc has prctl
        return None
    parent = os.getpid()
    pr_set_pdeathsig = 1

    def arm() -> None:
        prctl(pr_set_pdeathsig, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the signal was armed
            os.kill(os.getpid(), signal.SIGKILL)

    return arm


def sweep(root: Path | None = None, now: float | None = None) -> list[Path]:
    """Remove the temporary directories that killed runs left (``convenant-pdf-PID-…`` of this user whose
    process no longer runs and that are older than :data:`TIMEOUT`); return those removed.

    A run killed with SIGKILL cannot remove its own directory; the next print does. A directory of
    a run still going (its process alive), of another user, or younger than a print may take, is left.
    """
    root = Path(tempfile.gettempdir()) if root is None else root
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(root.iterdir())
    except OSError:
        return removed
    for entry in entries:
        found = _OURS.fullmatch(entry.name)
        if found is None:
            continue
        try:
            st = entry.lstat()
        except OSError:
            continue
        if not os.path.isdir(entry) or entry.is_symlink() or st.st_uid != os.getuid():
            continue
        if now - st.st_mtime <= TIMEOUT or _running(int(found.group(1))):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    return True
