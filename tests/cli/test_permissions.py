"""Issue 18 item 9: what cannot be read is named as a read error, where it is, and a generation goes on.

Run as root (CI), permissions do not bite; so the command runs as the unprivileged user
``nobody`` (``setpriv`` from util-linux), on directories made in /tmp that it may enter, rather
than with permission errors faked in-process. As an ordinary user the command runs as that user.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from convenant_calc.io.bundled import bundled_path, examples_dir

SETPRIV = shutil.which("setpriv")
AS_NOBODY = [SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups"] if SETPRIV else []

pytestmark = pytest.mark.skipif(
    os.geteuid() == 0 and not SETPRIV, reason="as root, needs setpriv (util-linux) to run the command as nobody"
)


def unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``convenant ARGS`` as a user the permissions apply to (nobody, when the tests run as root)."""
    prefix = AS_NOBODY if os.geteuid() == 0 else []
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "200"}
    return subprocess.run([*prefix, sys.executable, "-m", "convenant_calc", *args], cwd=cwd, capture_output=True,
                          text=True, env=env)


@pytest.fixture
def place():
    """A directory in /tmp that every user may enter (pytest's tmp_path is root's alone)."""
    root = Path(tempfile.mkdtemp(prefix="convenant-permissions-"))
    os.chmod(root, 0o755)
    yield root
    for directory, _, _ in os.walk(root):
        os.chmod(directory, 0o755)
    shutil.rmtree(root)


def _copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    for directory, _, files in os.walk(target):
        os.chmod(directory, 0o755)
        for name in files:
            os.chmod(Path(directory) / name, 0o644)
    return target


def _generation(place: Path) -> Path:
    gen = place / "G"
    for name in ("01-bouw", "02-zorg", "03-horeca"):
        _copy(examples_dir() / "generation" / name, gen / name)
    os.chmod(gen, 0o755)
    return gen


def test_a_case_directory_that_cannot_be_read_is_a_read_error_naming_it(place):
    case = _copy(examples_dir() / "07-everything-together", place / "E")
    os.chmod(case, 0o000)
    run = unprivileged("settle", "E", "-f", "json", cwd=place)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr.splitlines() == [
        "E: case directory cannot be read (Permission denied); check its permissions and those of the "
        "directories above it",
        "1 error in 1 file",
    ]


def test_a_case_directory_that_lists_but_does_not_open_names_each_file(place):
    case = _copy(examples_dir() / "07-everything-together", place / "E")
    os.chmod(case, 0o644)  # r without x: its names can be listed, its files not opened
    run = unprivileged("validate", "E", cwd=place)
    assert (run.returncode, run.stdout) == (2, "")
    assert "E/payments.yaml: cannot be read (Permission denied); check the permissions of the case directory " \
        "(x, to open its files) and of the file" in run.stderr.splitlines()


def test_a_case_file_that_cannot_be_read_is_named(place):
    case = _copy(examples_dir() / "07-everything-together", place / "E")
    os.chmod(case / "payments.yaml", 0o600)
    run = unprivileged("settle", "E", cwd=place)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr.splitlines()[0] == "E/payments.yaml: cannot read this file (Permission denied); check its permissions"


def test_a_generation_goes_on_past_a_case_it_cannot_read(place):
    # Issue 18: the case was silently left out of the totals. 01-bouw 688512.07 + 03-horeca 82638.73
    # (their expected.yaml) = 771150.80; 02-zorg fails, naming what could not be read.
    gen = _generation(place)
    os.chmod(gen / "02-zorg", 0o000)
    run = unprivileged("generation", "G", "-f", "json", cwd=place)
    assert run.returncode == 2
    out = json.loads(run.stdout)
    assert (out["total"]["subsidy"], out["total"]["agreements"], out["total"]["failed"]) == ("771150.80", 2, 1)
    assert out["failed"][0]["case"] == "02-zorg"
    assert "G/02-zorg: case directory cannot be read (Permission denied)" in run.stderr


def test_a_generation_directory_that_lists_but_does_not_open_fails_every_case_by_name(place):
    # Issue 18: "cannot write the output (Permission denied)" for what is a read error, every case dropped.
    gen = _generation(place)
    os.chmod(gen, 0o644)
    run = unprivileged("generation", "G", "-f", "json", cwd=place)
    assert run.returncode == 2
    assert "cannot write the output" not in run.stderr
    out = json.loads(run.stdout)
    assert [f["case"] for f in out["failed"]] == ["01-bouw", "02-zorg", "03-horeca"]
    assert "G/01-bouw: case directory cannot be read (Permission denied)" in run.stderr


def test_check_names_the_case_it_cannot_read(place):
    _copy(examples_dir() / "02-long-sickness-partly-replaced", place / "book" / "a")
    b = _copy(examples_dir() / "03-relapse-within-14-days", place / "book" / "b")
    os.chmod(b / "results.yaml", 0o000)
    run = unprivileged("check", "book", cwd=place)
    assert run.returncode == 2
    assert "book/b/results.yaml: cannot read this file (Permission denied); check its permissions" in run.stderr
    assert run.stdout.splitlines()[-1] == "1 passed, 0 failed, 1 could not be read"


def test_the_bundled_agreement_is_readable_to_the_unprivileged_user():
    # the tests above rely on it: nobody reads the package and its data
    assert os.access(bundled_path("lokale-besturen-2023-2025"), os.R_OK)
