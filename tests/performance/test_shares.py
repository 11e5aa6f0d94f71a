"""benchmarks/shares.py (issue 23): settle's start-up stage by stage, in a fresh process; it must keep running
as modules move, or `make bench --only startup` stops printing where the time goes."""

import subprocess
import sys
from pathlib import Path

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
    # the pydantic machinery is imported in its own stage: more than a millisecond of CPU on any machine
    assert float(stages["pydantic BaseModel machinery"]) > 0.001


def test_pydantics_share_and_the_paired_ratios():
    # two runs, each paired with the import floor: the share is the sum of pydantic's four stages
    figures = shares.shares(2)
    parts = ("pydantic BaseModel machinery", "pydantic plugin loader", "our pydantic models", "validators built")
    assert abs(figures["pydantic's share"] - sum(figures[p] for p in parts)) < 2.0  # medians of sums vs sums of medians
    assert figures["less pydantic's share × floor"] < figures["whole process × floor"]
    assert figures["whole process"] > figures["pydantic's share"] > 0
    assert "whole process less that" in shares.table(figures)
