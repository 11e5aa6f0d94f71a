"""benchmarks/shares.py (issue 23): settle's start-up stage by stage, in a fresh process; it must keep running
as modules move, or `make bench --only startup` stops printing where the time goes."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import shares  # noqa: E402  (a sibling script)


def test_a_child_reports_every_stage_and_settled():
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "shares.py"), "--child"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    stages = dict(line.split("\t") for line in out.stdout.splitlines())
    assert tuple(stages) == shares.STAGES
    assert all(float(s) >= 0 for s in stages.values())
    # our models are imported in their own stage: more than a millisecond of CPU on any machine
    assert float(stages["our models"]) > 0.001
    assert not any("pydantic" in name for name in stages)


def test_the_stages_and_the_paired_ratio():
    # two runs, each paired with the import floor
    figures = shares.shares(2)
    assert figures["whole process"] > figures["settle and JSON"] > 0
    assert figures["whole process × floor"] > 0 and figures["import floor"] > 0
    assert figures["checks built"] == pytest.approx(figures["first load_case"] - figures["second load_case"], abs=3.0)
    assert "paired:" in shares.table(figures)
