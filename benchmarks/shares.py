"""Where `settle --format json` spends its start-up, stage by stage (issue 23).

Each run is a fresh process (``python benchmarks/shares.py --child``) that imports, in the order a
settle does, and reads the CPU time of the process (user + system) after each stage:

- ``interpreter``: Python starting, ``site`` and this script, before any import of ours;
- ``stdlib and yaml``: yaml, json, decimal, fractions, dataclasses;
- ``our models``: ``convenant_calc.core.models`` with ``core.schema`` (24 model classes; until issue 23's
  fourth round these were pydantic models, and pydantic's machinery, its plugin loader and the models
  took 77 ms of a 148 ms settle);
- ``the rest of settle's modules``: loading, checks, the rules, the settlement, the commands, JSON
  (their frozen dataclasses, mostly);
- ``stdnum``: python-stdnum's modules and its IBAN registry, which S21's checks of the bundled
  agreement's beneficiary (company number and IBAN) import on every run that reads it;
- ``first load_case``: YAML, validation (each model's checks are built when it first validates) and checks;
- ``second load_case``: the same again, the checks built;
- ``settle and JSON``: ``run_settle(EXAMPLE, "json")`` into /dev/null, which loads the case again,
  settles and writes.

Like the console script for one case, the process runs without the cyclic garbage collector and exits
with ``gc.freeze()`` (``cli/fastpath.py``), so the whole process is ``settle --format json`` less the
parsing of its arguments. Each run is paired with a run of the import floor.

    python benchmarks/shares.py [--runs 11]
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path  # the interpreter stage includes these four (pathlib is imported by any settle)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = "examples/07-everything-together"
STAGES = (
    "interpreter",
    "stdlib and yaml",
    "our models",
    "the rest of settle's modules",
    "stdnum",
    "first load_case",
    "second load_case",
    "settle and JSON",
)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child() -> None:
    """One fresh process: the stages in order, each one's CPU seconds printed as a line ``stage<TAB>s``."""
    import gc

    marks = [_cpu()]
    gc.disable()  # as the console script does for one case (cli/fastpath.py: one_case)
    import dataclasses  # noqa: F401
    import decimal  # noqa: F401
    import fractions  # noqa: F401
    import json  # noqa: F401

    import yaml  # noqa: F401

    marks.append(_cpu())
    import convenant_calc.core.models  # noqa: F401

    marks.append(_cpu())
    import convenant_calc.cli.commands  # noqa: F401
    import convenant_calc.core.settlement  # noqa: F401
    import convenant_calc.io.loading  # noqa: F401
    import convenant_calc.render.json  # noqa: F401

    marks.append(_cpu())
    from stdnum import iban
    from stdnum.be import vat

    vat.validate("0451.857.573")
    iban.validate("BE10 0910 1156 9604")
    marks.append(_cpu())
    from convenant_calc.io.loading import load_case

    load_case(Path(EXAMPLE))
    marks.append(_cpu())
    load_case(Path(EXAMPLE))
    marks.append(_cpu())
    from convenant_calc.cli.commands import run_settle

    with open(os.devnull, "w", encoding="utf-8") as sink:
        saved, sys.stdout = sys.stdout, sink
        try:
            run_settle(Path(EXAMPLE), "json")
        finally:
            sys.stdout = saved
    marks.append(_cpu())
    stages = [marks[0], *(b - a for a, b in zip(marks, marks[1:]))]
    for name, seconds in zip(STAGES, stages, strict=True):
        print(f"{name}\t{seconds!r}")
    sys.stdout.flush()
    gc.freeze()  # and exits as it does (cli/fastpath.py: _exit)


FLOOR = "import typer, pydantic, yaml, rich.console, dateutil.relativedelta"  # bench.py's import floor


def _child_cpu(cmd: list[str]) -> tuple[float, str]:
    """CPU seconds (user + system) of one whole process, and what it printed."""
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def shares(runs: int) -> dict:
    """The median CPU ms of each stage over ``runs`` fresh processes and, each run paired with a run of the
    import floor, the whole process as a ratio to it."""
    import statistics

    per: dict[str, list[float]] = {name: [] for name in (*STAGES, "checks built", "whole process", "import floor")}
    ratios: list[float] = []
    for i in range(runs):
        child = [sys.executable, str(Path(__file__).resolve()), "--child"]
        floor = [sys.executable, "-c", FLOOR]
        if i % 2:  # alternate which goes first
            floor_cpu, _ = _child_cpu(floor)
            cpu, out = _child_cpu(child)
        else:
            cpu, out = _child_cpu(child)
            floor_cpu, _ = _child_cpu(floor)
        stage = {name: float(s) for name, s in (line.split("\t") for line in out.splitlines())}
        stage["checks built"] = stage["first load_case"] - stage["second load_case"]
        stage["whole process"], stage["import floor"] = cpu, floor_cpu
        for name, values in per.items():
            values.append(stage[name])
        ratios.append(cpu / floor_cpu)
    figures: dict = {name: round(1000 * statistics.median(values), 1) for name, values in per.items()}
    figures["whole process × floor"] = round(statistics.median(ratios), 2)
    return figures


def table(figures: dict) -> str:
    """The stages in CPU ms, then the paired ratio to the import floor."""
    lines = [f"  {name:34s} {figures[name]:6.1f} ms" for name in (*STAGES, "checks built")]
    lines.append(
        f"  {'whole process (stages + exit)':34s} {figures['whole process']:6.1f} ms; import floor "
        f"{figures['import floor']:.1f} ms; paired: {figures['whole process × floor']:.2f} × floor"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args(argv)
    print(table(shares(args.runs)))
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:  # no argparse in the measured process
        child()
    else:
        sys.exit(main())
