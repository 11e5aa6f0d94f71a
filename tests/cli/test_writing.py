"""Issue 9, "writing files" and "no traceback, ever": the one atomic writer, and the shell's own failures.

`settle --output` and `check --update` both write through ``io/output.write_atomic``; the
shell (``fastpath.main``, the console script) turns a full or closed stream, an encoding
that cannot carry the text, SIGINT and SIGTERM into one line on stderr.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from convenant_calc.cli.app import app
from convenant_calc.cli.fastpath import Terminated, _terminated
from convenant_calc.io import output
from convenant_calc.io.output import Refused, write_atomic

from ..conftest import EXAMPLES

runner = CliRunner()
CASE = str(EXAMPLES / "02-long-sickness-partly-replaced")
PYTHON = [sys.executable, "-m", "convenant_calc"]


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


# --- settle --output -------------------------------------------------------------------------


def test_output_onto_a_device_or_a_named_pipe_is_refused_and_left_alone(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = runner.invoke(app, ["settle", CASE, "--format", "json", "--output", str(pipe)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{pipe}: is a named pipe, not a regular file; give the name of a file to write\n"
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    result = runner.invoke(app, ["settle", CASE, "--format", "json", "--output", "/dev/null"])
    assert result.exit_code == 2
    assert result.stderr == "/dev/null: is a device, not a regular file; give the name of a file to write\n"
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_output_keeps_the_mode_of_an_existing_file(tmp_path):
    out = tmp_path / "report.md"
    out.write_text("old\n", encoding="utf-8")
    os.chmod(out, 0o600)
    result = runner.invoke(app, ["settle", CASE, "--format", "markdown", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # not 644
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_output_onto_a_link_or_a_read_only_file_is_refused(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("{}\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = runner.invoke(app, ["settle", CASE, "-f", "json", "--output", str(link)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"{link}: is a symbolic link; the tool replaces files, not links (the link would become a file): "
        "give the file it points to, or another name\n"
    )
    assert link.is_symlink()
    os.chmod(target, 0o444)
    result = runner.invoke(app, ["settle", CASE, "-f", "json", "--output", str(target)])
    assert result.exit_code == 2
    assert result.stderr == f"{target}: is read-only; make it writable (chmod u+w) if it should be replaced\n"
    assert target.read_text(encoding="utf-8") == "{}\n"


# --- check --update --------------------------------------------------------------------------


@pytest.fixture
def case_copy(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copytree(CASE, tmp_path / "a"))


def test_update_refuses_a_read_only_expected_yaml(case_copy):
    expected = case_copy / "expected.yaml"
    expected.write_text('subsidy: "1.00"\n', encoding="utf-8")
    os.chmod(expected, 0o444)
    result = runner.invoke(app, ["check", "--update", "a"])
    assert result.exit_code == 2
    assert result.stderr == (
        "a/expected.yaml: is read-only; make it writable (chmod u+w) if it should be replaced; not updated\n"
    )
    assert expected.read_text(encoding="utf-8") == 'subsidy: "1.00"\n'


def test_update_refuses_a_symlinked_expected_yaml(case_copy, tmp_path):
    shared = tmp_path / "shared.yaml"
    shared.write_text('subsidy: "1.00"\n', encoding="utf-8")
    (case_copy / "expected.yaml").unlink()
    (case_copy / "expected.yaml").symlink_to(shared)
    result = runner.invoke(app, ["check", "--update", "a"])
    assert result.exit_code == 2
    assert result.stderr == (
        "a/expected.yaml: is a symbolic link; the tool replaces files, not links (the link would become a file): "
        "give the file it points to, or another name; not updated\n"
    )
    assert (case_copy / "expected.yaml").is_symlink()
    assert shared.read_text(encoding="utf-8") == 'subsidy: "1.00"\n'


def test_update_and_output_share_the_one_writer():
    from convenant_calc.casebook import updating

    assert updating.write_atomic is output.write_atomic
    assert not hasattr(updating, "write_atomically")


# --- signals ------------------------------------------------------------------------------------


def test_sigterm_while_writing_takes_effect_after_the_file_is_in_place(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    real_fsync = os.fsync

    def fsync_then_sigterm(fd):
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGTERM)  # arrives while the temporary file exists

    monkeypatch.setattr(output.os, "fsync", fsync_then_sigterm)
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        with pytest.raises(Terminated):
            write_atomic(target, "new\n")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert _leftovers(tmp_path) == []


def test_a_failed_write_removes_its_temporary_and_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")

    def full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", full)
    with pytest.raises(OSError):
        write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _leftovers(tmp_path) == []


def test_refused_targets_raise_before_anything_is_written(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(Refused, match="is a directory"):
        write_atomic(tmp_path / "d", "x")
    assert _leftovers(tmp_path) == []


SIGTERM_DURING_UPDATE = """
import os, signal, sys
from convenant_calc.io import output
real = os.fsync
def fsync(fd):
    real(fd)
    os.kill(os.getpid(), signal.SIGTERM)
output.os.fsync = fsync
sys.argv = ["convenant", "check", "--update", "a", "b"]
from convenant_calc.cli.fastpath import main
main()
"""


def test_sigterm_during_check_update_ends_with_one_line_and_no_temporary_files(case_copy, tmp_path):
    shutil.copytree(case_copy, tmp_path / "b")
    for case in ("a", "b"):
        (tmp_path / case / "expected.yaml").write_text('subsidy: "1.00"\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", SIGTERM_DURING_UPDATE], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 143
    assert run.stderr == "convenant: terminated\n"
    # the first case was written whole (the signal waited for the rename); the second not touched
    assert '"396819.92"' in (tmp_path / "a" / "expected.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "b" / "expected.yaml").read_text(encoding="utf-8") == 'subsidy: "1.00"\n'
    assert _leftovers(tmp_path / "a") == _leftovers(tmp_path / "b") == []


# --- the shell's own failures: one line, never a traceback -------------------------------------


def _run(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*PYTHON, *args], capture_output=True, text=True, env={**os.environ, **(env or {})}, **kwargs)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_a_full_stdout_is_one_line_and_exit_2(fmt):
    with open("/dev/full", "w") as full:
        run = subprocess.run([*PYTHON, "settle", CASE, "-f", fmt], stdout=full, stderr=subprocess.PIPE, text=True)
    assert run.returncode == 2
    assert run.stderr == "convenant: cannot write the output (No space left on device)\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_stderr_is_exit_2_without_a_traceback(tmp_path):
    (tmp_path / "results.yaml").write_text("results: [\n", encoding="utf-8")
    with open("/dev/full", "w") as full:
        run = subprocess.run([*PYTHON, "settle", str(tmp_path)], stdout=subprocess.PIPE, stderr=full, text=True)
    assert (run.returncode, run.stdout) == (2, "")


def test_an_ascii_terminal_gets_one_line_and_exit_2():
    run = _run("settle", CASE, env={"PYTHONIOENCODING": "ascii"})
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        "convenant: the output cannot be written in the encoding ascii; use UTF-8, e.g. PYTHONIOENCODING=utf-8\n"
    )
    run = _run("settle", CASE, "-f", "json", env={"PYTHONIOENCODING": "ascii"})  # JSON is ASCII: it works
    assert run.returncode == 0 and '"subsidy": "396819.92"' in run.stdout


def test_error_messages_reach_an_ascii_stderr_escaped(tmp_path):
    (tmp_path / "results.yaml").write_text(
        "convenant: lokale-besturen-2023-2025\nresults: [{commitment: Rë, achieved: 1}]\n", encoding="utf-8"
    )
    run = _run("validate", str(tmp_path), env={"PYTHONIOENCODING": "ascii"})
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "result for unknown commitment 'R\\xeb'" in run.stderr  # ë as \xeb: stderr escapes, never fails


def _closed(fd: int, *args: str) -> subprocess.CompletedProcess:
    """The command with file descriptor ``fd`` closed, as the shell's ``>&-`` (1) or ``2>&-`` (2) closes it."""
    keep = {1: {"stderr": subprocess.PIPE}, 2: {"stdout": subprocess.PIPE}}[fd]
    return subprocess.run([*PYTHON, *args], text=True, preexec_fn=lambda: os.close(fd), **keep)


@pytest.mark.parametrize(
    "args",
    [
        ["settle", CASE, "-f", "json"],  # issue 18 item 8: was an AttributeError traceback
        ["settle", CASE],
        ["settle", CASE, "-f", "markdown", "--lang", "nl"],
        ["ledger", CASE],
        ["calendar", CASE],
        ["validate", CASE],
        ["check", CASE],
        ["generation", str(EXAMPLES / "generation"), "-f", "csv"],
        ["list"],
        ["--version"],
    ],
)
def test_a_closed_stdout_is_one_line_and_exit_2(args):
    run = _closed(1, *args)
    assert (run.returncode, run.stderr) == (2, "convenant: cannot write the output (stdout is closed)\n")


def test_a_closed_stdout_does_not_stop_a_run_that_writes_to_a_file(tmp_path):
    run = _closed(1, "settle", CASE, "-f", "json", "--output", str(tmp_path / "s.json"))
    assert run.returncode == 0, run.stderr
    assert '"subsidy": "396819.92"' in (tmp_path / "s.json").read_text(encoding="utf-8")


def test_a_closed_stderr_keeps_the_exit_code_without_a_traceback(tmp_path):
    (tmp_path / "results.yaml").write_text("results: [\n", encoding="utf-8")
    run = _closed(2, "settle", str(tmp_path))
    assert (run.returncode, run.stdout) == (2, "")
    run = _closed(2, "settle", CASE, "-f", "json")
    assert run.returncode == 0 and '"subsidy": "396819.92"' in run.stdout
