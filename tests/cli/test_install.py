"""A plain, non-editable install carries the bundled agreement and examples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from ..conftest import ROOT


def test_wheel_carries_data_and_settles_a_case_naming_the_bundled_convenant(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("convenant-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "convenant_calc/data/lokale-besturen-2023-2025.yaml" in names
    assert "convenant_calc/examples/07-everything-together/results.yaml" in names
    assert "convenant_calc/locale/nl/LC_MESSAGES/convenant.mo" in names  # compiled by hatch_build.py

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    case = tmp_path / "case"  # outside the repository: only the wheel's data can serve
    case.mkdir()
    (case / "results.yaml").write_text(
        (ROOT / "examples" / "02-long-sickness-partly-replaced" / "results.yaml").read_text()
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run(
        [sys.executable, "-m", "convenant_calc", "settle", str(case), "-f", "json"],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=True,
    )
    # no absences: 296800.00 + 101760.00 − 0.00 = 398560.00
    assert json.loads(out.stdout)["subsidy"] == "398560.00"
    dutch = subprocess.run(
        [sys.executable, "-m", "convenant_calc", "settle", str(case), "--lang", "nl"],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=True,
    )
    # the Dutch labels come from the wheel's compiled catalog: 398.560,00 as above
    assert "Afrekening" in dutch.stdout and "Subsidie (S11)" in dutch.stdout and "398.560,00" in dutch.stdout
    import_check = subprocess.run(
        [sys.executable, "-c", "import convenant_calc.io.bundled as b; print(b.data_dir())"],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=True,
    )
    assert import_check.stdout.strip().startswith(str(site))
