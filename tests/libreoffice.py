"""LibreOffice headless for the workbook tests: recalculate workbooks, print one to PDF.

Every workbook of a test is converted in one ``soffice`` call (one start of LibreOffice, a few
seconds), with its own user profile under the test's temporary directory, set to recalculate
every formula on load (Tools › Options › Calc › Formula: "Recalculation on file load: always"),
so the values read back are LibreOffice's, not the cached values the tool wrote.

Without ``soffice`` the tests that need it skip, saying why; in CI (``CI=true``) they fail
instead, since ``.ci/run`` installs it (libreoffice-calc-nogui).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

RECALCULATE_ON_LOAD = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str:
    """The soffice program; skips the test without it, fails it in CI."""
    found = shutil.which(os.environ.get("CONVENANT_SOFFICE", "") or "soffice")
    if found is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("soffice (LibreOffice) is missing in CI: .ci/run installs libreoffice-calc-nogui")
        pytest.skip("soffice (LibreOffice) is missing: apt-get install libreoffice-calc-nogui")
    return found


def convert(paths: list[Path], into: Path, to: str = "xlsx") -> list[Path]:
    """Each workbook recalculated by LibreOffice and saved as ``to`` (xlsx, pdf) in ``into``; one soffice call."""
    program = soffice()
    profile = into / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALCULATE_ON_LOAD)
    out = into / "converted"
    out.mkdir(exist_ok=True)
    done = subprocess.run(
        [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", to, "--outdir", str(out), *map(str, paths)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    results = [out / f"{p.stem}.{to}" for p in paths]
    missing = [p.name for p in results if not p.exists()]
    assert done.returncode == 0 and not missing, f"soffice: {done.returncode} {missing}\n{done.stdout}\n{done.stderr}"
    return results


def number(value: object) -> Decimal:
    """A recalculated cell as a decimal: a float read back as its shortest decimal (repr), an empty cell as 0."""
    if value is None or value == "":
        return Decimal(0)
    return Decimal(repr(float(value)))  # type: ignore[arg-type]
