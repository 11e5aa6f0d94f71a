"""Printing leaves nothing behind (issue 18 item 14): no temporary directory, no Chromium.

Chromium runs in its own process group, which is killed on every way out of a print: SIGTERM
and SIGINT of the tool (a real Chromium, signalled as soon as it runs), the timeout and an
exception (a stand-in that never prints, with a child of its own). A SIGKILL of the tool
cannot be cleaned up after by the tool itself: on Linux Chromium dies with it (a parent-death
signal), and the next print removes the temporary directory the killed run left.

Processes are found in /proc: Chromium's command line names its profile, which lies in the
test's own TMPDIR; its process group is the one the print started. A zombie (state Z) has
ended and only waits for its parent to collect it, so it does not count as left running.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from convenant_calc.render import pdf

from ..report.conftest import example_path

linux = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")
needs_chromium = pytest.mark.skipif(pdf.chromium() is None, reason="no Chromium on PATH (apt-get install chromium)")

CASE = example_path("01-no-absences")


def processes() -> dict[int, tuple[int, str, str]]:
    """pid → (process group, state, command line) of every process readable in /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue  # it ended while being read
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) ": state, ppid, pgrp, ...
        found[int(entry.name)] = (int(fields[2]), fields[0], cmdline)
    return found


def running_in(group: int) -> list[str]:
    """The command lines of the processes of ``group`` that still run (not zombies)."""
    return [cmd for pgid, state, cmd in processes().values() if pgid == group and state != "Z"]


def group_naming(marker: str) -> int | None:
    """The process group of a running process whose command line holds ``marker``."""
    for pgid, state, cmd in processes().values():
        if marker in cmd and state != "Z":
            return pgid
    return None


def wait_for(condition, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    return condition()


def start_print(tmp_path: Path, **extra_env: str) -> tuple[subprocess.Popen, Path, Path]:
    """`convenant settle CASE -o r.pdf` with its own TMPDIR; returns the process, TMPDIR and the output."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out = tmp_path / "r.pdf"
    env = {**os.environ, "TMPDIR": str(tmp), **extra_env}
    tool = subprocess.Popen(
        [sys.executable, "-m", "convenant_calc", "settle", str(CASE), "-o", str(out)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return tool, tmp, out


def chromium_started(tool: subprocess.Popen, tmp: Path) -> int:
    """Chromium's process group, as soon as Chromium runs with its profile under ``tmp``."""
    group = wait_for(lambda: group_naming(f"--user-data-dir={tmp}"), 30)
    if group is None:
        tool.kill()
        pytest.fail(f"Chromium did not start: {tool.communicate()[1]}")
    return group


@linux
@needs_chromium
@pytest.mark.parametrize(
    ("sig", "code", "said"),
    [
        (signal.SIGTERM, 143, "convenant: terminated\n"),
        (signal.SIGINT, 130, ""),  # Ctrl-C: typer ends the command with 130 and no word
    ],
)
def test_a_signal_during_a_print_leaves_no_chromium_and_no_temporary_directory(tmp_path, sig, code, said):
    tool, tmp, out = start_print(tmp_path)
    group = chromium_started(tool, tmp)
    assert group != os.getpgrp()  # Chromium runs in a process group of its own, not in the tool's
    tool.send_signal(sig)
    _, err = tool.communicate(timeout=30)
    assert tool.returncode == code, err
    assert err == said
    assert wait_for(lambda: running_in(group) == [], 2), running_in(group)  # killed before the tool exited
    left = [str(p.relative_to(tmp)) for p in tmp.rglob("*")]
    assert left == []  # no convenant-pdf-*, and none of Chromium's own temporary files
    assert not out.exists()


@linux
@needs_chromium
def test_a_sigkill_of_the_tool_takes_chromium_along_and_the_next_print_removes_its_directory(tmp_path):
    tool, tmp, out = start_print(tmp_path)
    group = chromium_started(tool, tmp)
    tool.kill()  # SIGKILL: the tool cannot clean up
    tool.communicate(timeout=30)
    # Chromium was started with a parent-death signal: it dies with the tool, its helpers with it
    assert wait_for(lambda: running_in(group) == [], 10), running_in(group)
    left = [p for p in tmp.iterdir() if p.name.startswith(f"convenant-pdf-{tool.pid}-")]
    assert len(left) == 1  # the temporary directory is what a SIGKILL leaves (docs/outputs.md)
    # the next print removes it, once it is older than a print may take
    old = time.time() - pdf.TIMEOUT - 1
    os.utime(left[0], (old, old))
    live = tmp / f"convenant-pdf-{os.getpid()}-live"  # a print still going (this process runs)
    live.mkdir()
    os.utime(live, (old, old))
    young = tmp / "convenant-pdf-999999999-young"  # no such process, but written to a moment ago
    young.mkdir()
    other = tmp / "convenant-pdf-notes"  # not the name of a print's directory
    other.mkdir()
    os.utime(other, (old, old))
    assert pdf.sweep(tmp) == left
    assert sorted(p.name for p in tmp.iterdir()) == sorted([live.name, young.name, other.name])


# --- the timeout and an exception: a stand-in Chromium that never prints, with a child of its own ---

STALLING = """#!/bin/sh
# a Chromium that never prints: it starts a helper of its own and waits
sleep 300 &
sleep 301
"""


@pytest.fixture
def stalling(tmp_path, monkeypatch) -> Path:
    fake = tmp_path / "chromium"
    fake.write_text(STALLING)
    fake.chmod(0o755)
    monkeypatch.setenv("CONVENANT_CHROMIUM", str(fake))
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    return tmp


def stand_in_group() -> int | None:
    """The process group of the stand-in's ``sleep 301``, while it runs."""
    return group_naming("sleep 301")


def watching(groups: list[int]) -> threading.Thread:
    """A thread that notes the stand-in's process group as soon as it runs."""

    def watch() -> None:
        group = wait_for(stand_in_group, 10)
        if group:
            groups.append(group)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


@linux
def test_the_timeout_kills_chromium_and_its_helpers(stalling):
    # before: subprocess.run's timeout killed the one process it started, not Chromium's helpers
    groups: list[int] = []
    watcher = watching(groups)
    started = time.monotonic()
    with pytest.raises(pdf.PdfError, match=r"did not print the report within 2 s"):
        pdf.render("<p>x</p>", timeout=2)
    assert time.monotonic() - started < 10
    watcher.join()
    assert len(groups) == 1 and groups[0] != os.getpgrp()
    assert wait_for(lambda: running_in(groups[0]) == [], 2)  # sleep 300 (the helper) ended too
    assert list(stalling.iterdir()) == []


@linux
def test_an_exception_during_a_print_kills_chromium_and_removes_the_directory(stalling, monkeypatch):
    groups: list[int] = []

    def fails(child, timeout):
        group = wait_for(stand_in_group, 10)  # the stand-in and its helper run
        groups.append(group)
        raise RuntimeError("something went wrong while waiting")

    monkeypatch.setattr(pdf, "_wait_unreaped", fails)
    with pytest.raises(RuntimeError, match="something went wrong"):
        pdf.render("<p>x</p>")
    assert groups[0] and wait_for(lambda: running_in(groups[0]) == [], 2)
    assert list(stalling.iterdir()) == []
