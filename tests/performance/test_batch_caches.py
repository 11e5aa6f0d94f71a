"""What a batch reuses within one process (issue 6) is reused only while it is still true."""

from __future__ import annotations

import os
import shutil
from decimal import Decimal

import pytest

from convenant_calc.io import loading
from convenant_calc.io.bundled import bundled_path
from convenant_calc.io.problems import InputError, display_path, display_path_in

from ..conftest import EXAMPLES

BUNDLED = "lokale-besturen-2023-2025"


@pytest.fixture
def bundled_copy(tmp_path, monkeypatch):
    """A case naming the bundled agreement, whose bundled file is a copy this test may edit."""
    agreement = tmp_path / "data" / f"{BUNDLED}.yaml"
    agreement.parent.mkdir()
    shutil.copy(bundled_path(BUNDLED), agreement)
    monkeypatch.setattr(loading, "bundled_path", lambda cid: agreement if cid == BUNDLED else None)
    case = tmp_path / "case"
    shutil.copytree(EXAMPLES / "01-no-absences", case)
    return case, agreement


def test_bundled_agreement_read_once_while_unchanged(bundled_copy):
    case, agreement = bundled_copy
    first = loading.load_case(case).case.convenant
    again = loading.load_case(case).case.convenant
    assert again is first  # the same validated model, not read a second time
    assert first.max_subsidy == Decimal("424000.00")


def test_bundled_agreement_read_again_when_changed(bundled_copy):
    case, agreement = bundled_copy
    loading.load_case(case)
    agreement.write_text(agreement.read_text().replace("424000.00", "424000.01"), encoding="utf-8")
    stat = agreement.stat()
    os.utime(agreement, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # a coarse clock would not see it
    assert loading.load_case(case).case.convenant.max_subsidy == Decimal("424000.01")


def test_a_broken_bundled_agreement_is_never_kept(bundled_copy):
    case, agreement = bundled_copy
    agreement.write_text(agreement.read_text().replace("max_subsidy: 424000.00", "max_subsidy: lots"))
    for _ in range(2):  # reported each time, at its place in the agreement
        with pytest.raises(InputError) as caught:
            loading.load_case(case)
        assert any("max_subsidy" in str(p) or "lots" in str(p) for p in caught.value.problems)


def test_bundled_agreement_named_from_the_working_directory_of_the_moment(bundled_copy, monkeypatch):
    # Its positions name the file relative to the working directory, so a cached copy read
    # from another directory must not be served.
    case, agreement = bundled_copy
    for cwd, shown in ((case, str(agreement)), (agreement.parent, agreement.name)):
        monkeypatch.chdir(cwd)
        for _ in range(2):
            docs: dict = {}
            loading._read_bundled(agreement, docs, {}, [])
            assert docs["convenant"].file == display_path(agreement) == shown


@pytest.mark.parametrize("where", ["inside", "outside", "dot", "link", "dotdot"])
def test_display_path_in_is_display_path_of_the_joined_path(tmp_path, monkeypatch, where):
    work = tmp_path / "work"
    (work / "cases" / "a").mkdir(parents=True)
    (work / "cases" / "a" / "results.yaml").write_text("x: 1\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "results.yaml").write_text("x: 1\n")
    monkeypatch.chdir(work)
    directory = {
        "inside": work / "cases" / "a",
        "outside": tmp_path / "elsewhere",
        "dot": work / "cases" / "a",
        "link": work / "cases" / "a",
        "dotdot": work / "cases" / ".." / "cases" / "a",
    }[where]
    if where == "dot":
        monkeypatch.chdir(directory)
    if where == "link":  # a file that is a link is shown where it leads, as display_path shows it
        (directory / "results.yaml").unlink()
        (directory / "results.yaml").symlink_to(tmp_path / "elsewhere" / "results.yaml")
    shown = display_path(directory)
    assert display_path_in(directory, shown, "results.yaml") == display_path(directory / "results.yaml")
