"""The "Files, links, writing and the shell" messages of docs/errors.md are the tool's own, word for word.

Each scenario below produces one message as the tool prints it; the docs' block must list
exactly these (plus the SIGTERM line, asserted in tests/cli/test_writing.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from convenant_calc.cli.app import app
from convenant_calc.io.bundled import examples_dir

from ..conftest import ROOT

runner = CliRunner()
HEADING = "## Files, links, writing and the shell"


def _readme_block() -> list[str]:
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    block = text.split(HEADING, 1)[1].split("Choices made here", 1)[0]
    return [line[4:] for line in block.splitlines() if line.startswith("    ")]


def _first(args: list[str]) -> str:
    return runner.invoke(app, args).stderr.splitlines()[0]


def test_the_readme_lists_the_messages_the_tool_prints(case, tmp_path, monkeypatch):
    seen = []
    # case: conftest's 2024 agreement, R1 and R2; the working directory is tmp_path
    (case.dir / "payments.yaml").mkdir()
    seen.append(_first(["validate", "case"]))
    (case.dir / "payments.yaml").rmdir()
    (case.dir / "payments.yaml").symlink_to("nowhere.yaml")
    seen.append(_first(["validate", "case"]))
    (case.dir / "payments.yaml").unlink()

    case.write(**{"afwezigheden.yaml": "absences: []\n"})
    seen.append(_first(["validate", "case"]))
    case.write(**{"afwezigheden.yaml": None})
    case.write(**{"payments.yaml.txt": "payments: []\n"})  # issue 18: a near miss was read as "no payments"
    seen.append(_first(["validate", "case"]))
    case.write(**{"payments.yaml.txt": None, "payments.yaml": "payments: []\n", "payments.yaml~": "payments: []\n"})
    seen.append(_first(["validate", "case"]))
    case.write(**{"payments.yaml": None, "payments.yaml~": None})

    results = (case.dir / "results.yaml").read_text(encoding="utf-8")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(results, encoding="utf-8")
    (case.dir / "results.yaml").unlink()
    (case.dir / "results.yaml").symlink_to(outside)
    seen.append(_first(["validate", "case"]))
    (case.dir / "results.yaml").unlink()

    seen.append(case.errors(**{"results.yaml": "results: [\n"})[0])
    case.write(**{"results.yaml": results})
    convenant = (case.dir / "convenant.yaml").read_text(encoding="utf-8")
    seen.append(case.errors(**{"convenant.yaml": None})[0])
    seen.append(case.errors(**{"convenant.yaml": convenant + "references:\n  Term: {article: Art. 1}\n"})[0])
    case.write(**{"convenant.yaml": convenant})

    (tmp_path / "loop").symlink_to("loop")
    seen.append(_first(["settle", "loop"]))
    real_scandir = os.scandir

    def refuse(path):  # as root a chmod 000 directory can still be listed (tests/cli/test_permissions.py runs as nobody)
        if Path(path).name == "case":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    with monkeypatch.context() as patched:
        patched.setattr(os, "scandir", refuse)
        seen.append(_first(["settle", "case"]))

    # no argument, outside a case directory: the repository's root holds none (the hint names examples/07)
    result = subprocess.run([sys.executable, "-m", "convenant_calc", "settle"], cwd=ROOT, capture_output=True, text=True)
    seen.append(result.stderr.strip())

    example = str(examples_dir() / "02-long-sickness-partly-replaced")
    seen.append(runner.invoke(app, ["settle", example, "-f", "json", "-o", "/dev/null"]).stderr.strip())
    (tmp_path / "report.json").write_text("old\n", encoding="utf-8")
    os.chmod(tmp_path / "report.json", 0o444)
    seen.append(runner.invoke(app, ["settle", example, "-f", "json", "-o", "report.json"]).stderr.strip())

    a = Path(shutil.copytree(example, tmp_path / "a"))
    (a / "expected.yaml").unlink()
    (a / "expected.yaml").symlink_to(tmp_path / "report.json")
    seen.append(_first(["check", "--update", "a"]))
    (a / "expected.yaml").unlink()
    (a / "expected.yaml").write_text("subsidy: 1e28\n", encoding="utf-8")
    seen.append(_first(["check", "a"]))
    (a / "expected.yaml").write_text('tolerance: 1e309\nsubsidy: "1.00"\n', encoding="utf-8")
    seen.append(_first(["check", "a"]))
    (a / "expected.yaml").write_text("convenant: lokale-besturen-2023-2025\n", encoding="utf-8")
    seen.append(_first(["check", "a"]))

    gen = tmp_path / "G"  # a generation counts each agreement once (S18)
    for name in ("01-bouw", "02-zorg"):
        shutil.copytree(examples_dir() / "generation" / name, gen / name)
    (gen / "01-bouw-latest").symlink_to("01-bouw")
    seen.append(_first(["generation", "G", "-f", "json"]))
    two = tmp_path / "H"
    for name in ("01-no-absences", "02-long-sickness-partly-replaced"):
        shutil.copytree(examples_dir() / name, two / name)
    seen.append(_first(["generation", "H", "-f", "json"]))
    (tmp_path / "reports-2024").mkdir()
    (tmp_path / "reports").symlink_to("reports-2024")
    seen.append(_first(["generation", "H", "--reports", "reports"]))

    with open("/dev/full", "w") as full:
        seen.append(
            subprocess.run(
                [sys.executable, "-m", "convenant_calc", "settle", example], stdout=full, stderr=subprocess.PIPE, text=True
            ).stderr.strip()
        )
    seen.append(
        subprocess.run(  # `>&-`: stdout closed
            [sys.executable, "-m", "convenant_calc", "settle", example], stderr=subprocess.PIPE, text=True,
            preexec_fn=lambda: os.close(1),
        ).stderr.strip()
    )
    seen.append(
        subprocess.run(
            [sys.executable, "-m", "convenant_calc", "settle", example],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONIOENCODING": "ascii"},
        ).stderr.strip()
    )
    assert _readme_block() == [*seen, "convenant: terminated"]
