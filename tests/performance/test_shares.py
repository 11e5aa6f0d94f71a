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


def test_the_table_gives_what_is_left_without_pydantic_against_the_floor():
    figures = {"pydantic BaseModel machinery": 50.0, "pydantic plugin loader": 10.0, "our pydantic models": 12.0,
               "validators built": 6.0, "total": 150.0, "pydantic's share": 78.0}
    # 150 - 78 = 72 ms, 72 / 96 = 0.75 of the floor
    assert "72.0 ms   0.75 × floor" in shares.table(figures, 96.0)
