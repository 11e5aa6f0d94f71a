"""`make bench`: start-up, batch and scaling figures for issue 6.

Prints a small table and writes it as JSON to ``benchmarks/results/latest.json``
(and a dated copy). Timing is wall-clock; start-up figures are medians of
alternating runs, so that a noisy machine slows the floor and the tool alike.

- start-up: ``convenant --help`` and ``convenant settle examples/07-everything-together
  --format json``, each as a ratio to the import floor
  ``python -c "import typer, pydantic, yaml, rich.console, dateutil.relativedelta"``;
- batch: ``convenant check`` over 1,000 generated cases (``generate_cases.py``) and over
  ``examples/`` copied to the same size, cases/s, start-up included;
- scaling: the core alone (a Case already in memory): ``settle()`` and the cross-file
  checks, as absences grow 10 → 100 → 1,000 and the term 1 → 10 years;
- staff (issue 9): one case of 1,000 and of 10,000 consultants, each with about one absence
  (a 1.7 MB absences.yaml, under the 2 MB limit): ``convenant settle --format json`` end to
  end, and in-process the loading (YAML, models, checks) and ``settle()``. Before issue 9,
  ``Staffing.consultant()`` scanned the list for every absence: quadratic.

    python benchmarks/bench.py [--runs 11] [--cases 1000] [--quick]
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate_cases  # noqa: E402  (a sibling script)

FLOOR = "import typer, pydantic, yaml, rich.console, dateutil.relativedelta"
EXAMPLE = "examples/07-everything-together"


def _convenant() -> str:
    script = Path(sys.executable).parent / "convenant"
    return str(script) if script.exists() else "convenant"


def _wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr.decode()}")
    return elapsed


def machine() -> dict[str, str | int | None]:
    model = None
    try:
        model = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        names = [line.split(":", 1)[1].strip() for line in model.splitlines() if line.startswith("Model name")]
        model = names[0] if names else None
    except OSError:
        pass
    return {
        "date": dt.date.today().isoformat(),
        "nproc": os.cpu_count(),
        "cpu": model or platform.processor() or None,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def startup(runs: int) -> dict:
    """Median cold start of each command over ``runs`` rounds; the floor runs in every round."""
    cmds = {
        "import floor": [sys.executable, "-c", FLOOR],
        "convenant --help": [_convenant(), "--help"],
        f"convenant settle {EXAMPLE} --format json": [_convenant(), "settle", EXAMPLE, "--format", "json"],
    }
    # The bytecode of an installed package is compiled at install time; an editable checkout's is
    # written on first use, unless PYTHONDONTWRITEBYTECODE forbids it. Compile it, as any first run would.
    compileall.compile_dir(str(ROOT / "src" / "convenant_calc"), quiet=1)
    names = list(cmds)
    for name in names:  # warm the file cache once
        _wall(cmds[name])
    times: dict[str, list[float]] = {name: [] for name in names}
    for i in range(runs):
        order = names[i % len(names):] + names[: i % len(names)]  # rotate, so no command always goes first
        for name in order:
            times[name].append(_wall(cmds[name]))
    floor = statistics.median(times["import floor"])
    return {
        name: {
            "median_ms": round(1000 * statistics.median(t), 1),
            "min_ms": round(1000 * min(t), 1),
            "ratio_to_floor": round(statistics.median(t) / floor, 2),
            "runs": len(t),
        }
        for name, t in times.items()
    }


def _check_tree(tree: Path, runs: int) -> tuple[float, str]:
    """Median wall time of `convenant check TREE` (one process, start-up included), and its summary line."""
    times = []
    summary = ""
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([_convenant(), "check", str(tree)], cwd=ROOT, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"convenant check failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr}")
        summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    return statistics.median(times), summary


def _row(what: str, cases: int, seconds: float, summary: str, **more) -> dict:
    return {"what": what, "cases": cases, "seconds": round(seconds, 3),
            "cases_per_s": round(cases / seconds), "summary": summary, **more}


def batch(count: int, runs: int) -> list[dict]:
    """`convenant check` over the generated tree, and over the project's casebook copied to the same size."""
    with tempfile.TemporaryDirectory(prefix="convenant-bench-") as tmp:
        tree = Path(tmp) / "cases"
        t0 = time.perf_counter()
        dirs = generate_cases.generate(tree, count=count, seed=6)
        generated_s = time.perf_counter() - t0
        seconds, summary = _check_tree(tree, runs)
        rows = [_row(f"{len(dirs)} generated cases", len(dirs), seconds, summary, generation_s=round(generated_s, 1))]

        book = Path(tmp) / "casebook"
        examples = sorted(p for p in (ROOT / "examples").iterdir() if (p / "expected.yaml").is_file())
        copies = -(-count // len(examples))
        for i in range(copies):
            for example in examples:
                shutil.copytree(example, book / f"{example.name}-{i:04d}")
        seconds, summary = _check_tree(book, runs)
        rows.append(_row(f"examples/ copied {copies}×", copies * len(examples), seconds, summary))
        return rows


def _time(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def scaling(quick: bool) -> list[dict]:
    """The core on cases built in memory (files written and loaded once, untimed)."""
    from convenant_calc.io.checks import check_case
    from convenant_calc.io.loading import load_case
    from convenant_calc.core.settlement import settle

    grid = [(years, n) for years in (1, 3, 10) for n in (10, 100, 1000)]
    rows = []
    with tempfile.TemporaryDirectory(prefix="convenant-scale-") as tmp:
        for years, n in grid:
            rng = random.Random(years * 10_000 + n)
            spec = generate_cases.make_case(rng, f"scale-{years}y-{n}", consultants=10, absences=n, years=years)
            case_dir = Path(tmp) / spec.name
            case_dir.mkdir()
            for name, text in generate_cases.files(spec).items():
                (case_dir / name).write_text(text, encoding="utf-8")
            case = load_case(case_dir).case
            repeat = 3 if quick else 7
            settle_s = _time(lambda: settle(case), repeat)
            c, s = case, case.staffing
            check_s = _time(lambda: check_case(c.convenant, s, c.results, c.payments), repeat)
            result = settle(case)
            rows.append(
                {
                    "years": years,
                    "term_days": result.term_days,
                    "consultants": len(s.consultants),
                    "absences": len(s.absences),
                    "pieces": len(result.staffing.pieces),
                    "settle_ms": round(1000 * settle_s, 2),
                    "checks_ms": round(1000 * check_s, 2),
                    "settle_us_per_absence": round(1e6 * settle_s / max(1, len(s.absences)), 1),
                }
            )
    return rows


STAFF_SIZES = (1_000, 10_000)


def staff(quick: bool) -> list[dict]:
    """A case with many consultants (one absence each, about): end to end and in-process, seconds."""
    from convenant_calc.core.settlement import settle
    from convenant_calc.io.checks import check_case
    from convenant_calc.io.loading import load_case

    rows = []
    with tempfile.TemporaryDirectory(prefix="convenant-staff-") as tmp:
        for n in STAFF_SIZES:
            spec = generate_cases.make_case(random.Random(9), f"staff-{n}", consultants=n, absences=n, years=1)
            case_dir = Path(tmp) / spec.name
            case_dir.mkdir()
            for name, text in generate_cases.files(spec).items():
                (case_dir / name).write_text(text, encoding="utf-8")
            repeat = 1 if quick else 3
            cli_s = _time(lambda: _wall([_convenant(), "settle", str(case_dir), "--format", "json"]), repeat)
            load_s = _time(lambda: load_case(case_dir), repeat)
            case = load_case(case_dir).case
            c, s = case, case.staffing
            check_s = _time(lambda: check_case(c.convenant, s, c.results, c.payments), repeat)
            settle_s = _time(lambda: settle(case), repeat)
            rows.append(
                {
                    "consultants": len(s.consultants),
                    "absences": len(s.absences),
                    "absences_yaml_bytes": (case_dir / "absences.yaml").stat().st_size,
                    "cli_settle_s": round(cli_s, 2),
                    "load_s": round(load_s, 2),
                    "checks_s": round(check_s, 3),
                    "settle_s": round(settle_s, 3),
                }
            )
    return rows


def table(report: dict) -> str:
    m = report["machine"]
    lines = [f"machine: {m['cpu']}, {m['nproc']} CPUs, Python {m['python']}, {m['date']}", ""]
    lines.append(f"{'start-up (median of ' + str(report['runs']) + ', alternating)':66s} {'ms':>7s} {'× floor':>8s}")
    for name, row in report["startup"].items():
        lines.append(f"{name:66s} {row['median_ms']:7.1f} {row['ratio_to_floor']:8.2f}")
    lines += ["", "batch: convenant check (one process, start-up included, median)"]
    for b in report["batch"]:
        lines.append(f"  {b['what']:28s} {b['seconds']:6.2f} s  →  {b['cases_per_s']:4d} cases/s   {b['summary']}")
    lines += ["", "scaling: the core on a case in memory (10 consultants)"]
    heads = ("years", "days", "absences", "pieces", "settle ms", "µs/absence", "checks ms")
    lines.append(" ".join(f"{h:>{w}s}" for h, w in zip(heads, (5, 5, 8, 6, 10, 10, 9), strict=True)))
    for r in report["scaling"]:
        lines.append(
            f"{r['years']:5d} {r['term_days']:5d} {r['absences']:8d} {r['pieces']:6d} {r['settle_ms']:10.2f} "
            f"{r['settle_us_per_absence']:10.1f} {r['checks_ms']:9.2f}"
        )
    lines += ["", "staff: one case with many consultants (seconds; load = YAML + models + checks)"]
    heads = ("consultants", "absences", "MB", "settle CLI", "load", "checks", "settle()")
    lines.append(" ".join(f"{h:>{w}s}" for h, w in zip(heads, (11, 8, 5, 10, 6, 7, 8), strict=True)))
    for r in report.get("staff", []):
        lines.append(
            f"{r['consultants']:11d} {r['absences']:8d} {r['absences_yaml_bytes'] / 1e6:5.2f} "
            f"{r['cli_settle_s']:10.2f} "
            f"{r['load_s']:6.2f} {r['checks_s']:7.3f} {r['settle_s']:8.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="start-up, batch and scaling benchmarks (issue 6)")
    parser.add_argument("--runs", type=int, default=11, help="start-up rounds (at least 9 for the record)")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run, not for the record)")
    parser.add_argument("--only", choices=("startup", "batch", "scaling", "staff"), help="run one section only")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    args = parser.parse_args(argv)

    report: dict = {"machine": machine(), "runs": args.runs, "startup": {}, "batch": [], "scaling": []}
    if args.only in (None, "startup"):
        report["startup"] = startup(args.runs)
    if args.only in (None, "batch"):
        report["batch"] = batch(args.cases, 1 if args.quick else 3)
    if args.only in (None, "scaling"):
        report["scaling"] = scaling(args.quick)
    if args.only in (None, "staff"):
        report["staff"] = staff(args.quick)
    print(table(report))

    args.out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    (args.out / "latest.json").write_text(text, encoding="utf-8")
    (args.out / f"bench-{dt.datetime.now():%Y%m%dT%H%M%S}.json").write_text(text, encoding="utf-8")
    print(f"\nwritten: {args.out / 'latest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
