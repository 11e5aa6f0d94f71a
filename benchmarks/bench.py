"""`make bench`: start-up, batch and scaling figures for issue 6.

Prints a small table and writes it as JSON to ``benchmarks/results/latest.json``
(and a dated copy). Timing is wall-clock; start-up figures are medians of
alternating runs, so that a noisy machine slows the floor and the tool alike.

- start-up: ``convenant --help`` and ``convenant settle examples/07-everything-together
  --format json``, each as a ratio to the import floor
  ``python -c "import typer, pydantic, yaml, rich.console, dateutil.relativedelta"``;
- batch: ``convenant check`` over 1,000 generated cases (``generate_cases.py``) and over
  ``examples/`` copied to the same size, cases/s, start-up included;
- generation (S18): ``convenant generation`` of 38 agreements (examples/generation copied
  round-robin) against ``convenant settle`` of one, both whole processes, wall and CPU time;
  and a generation of the 1,000 generated cases, cases/s;
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

import curves  # noqa: E402  (a sibling script)
import generate_cases  # noqa: E402  (a sibling script)
import shares  # noqa: E402  (a sibling script)

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


STARTUP = {  # name -> (arguments after `convenant`, goal as a ratio of CPU time to the import floor's)
    "convenant --help": (["--help"], 0.25),
    "settle --format json": (["settle", EXAMPLE, "--format", "json"], 1.25),
    "settle (table)": (["settle", EXAMPLE], 1.5),
    "settle --format markdown": (["settle", EXAMPLE, "--format", "markdown"], 1.5),
    "settle --format html": (["settle", EXAMPLE, "--format", "html"], 1.5),
    "validate": (["validate", EXAMPLE], 1.5),
    "calendar --format ics": (["calendar", EXAMPLE, "--format", "ics"], 1.5),
}


def startup(runs: int) -> dict:
    """CPU and wall time of each command and of the import floor, interleaved (every round runs the floor
    and each command once, in a rotating order), the median of ``runs`` rounds; the ratio is of CPU time
    (user + system of the child), which a loaded machine does not inflate as it does wall time."""
    cmds = {"import floor": [sys.executable, "-c", FLOOR]}
    cmds.update({name: [_convenant(), *args] for name, (args, _) in STARTUP.items()})
    # The bytecode of an installed package is compiled at install time; an editable checkout's is
    # written on first use, unless PYTHONDONTWRITEBYTECODE forbids it. Compile it, as any first run would.
    compileall.compile_dir(str(ROOT / "src" / "convenant_calc"), quiet=1)
    names = list(cmds)
    for name in names:  # warm the file cache once
        _cpu_and_wall(cmds[name])
    walls: dict[str, list[float]] = {name: [] for name in names}
    cpus: dict[str, list[float]] = {name: [] for name in names}
    for i in range(runs):
        order = names[i % len(names):] + names[: i % len(names)]  # rotate, so no command always goes first
        for name in order:
            wall, cpu = _cpu_and_wall(cmds[name])
            walls[name].append(wall)
            cpus[name].append(cpu)
    floor_cpu = statistics.median(cpus["import floor"])
    floor_wall = statistics.median(walls["import floor"])
    return {
        name: {
            "median_ms": round(1000 * statistics.median(walls[name]), 1),
            "cpu_median_ms": round(1000 * statistics.median(cpus[name]), 1),
            "ratio_to_floor": round(statistics.median(walls[name]) / floor_wall, 2),
            "cpu_ratio_to_floor": round(statistics.median(cpus[name]) / floor_cpu, 2),
            "goal": STARTUP[name][1] if name in STARTUP else None,
            "runs": runs,
        }
        for name in names
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


def _cpu_and_wall(cmd: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, of the child) of one whole process; it must exit 0."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _sample_generation(dest: Path, count: int) -> Path:
    """``count`` agreements for a generation: examples/generation's 14 made-up sectors, copied round-robin."""
    cases = sorted(p for p in (ROOT / "examples" / "generation").iterdir() if (p / "results.yaml").is_file())
    dest.mkdir(parents=True)
    for i in range(count):
        source = cases[i % len(cases)]
        shutil.copytree(source, dest / f"{i + 1:04d}-{source.name}", ignore=shutil.ignore_patterns("expected.yaml"))
    return dest


def generation(runs: int, count: int) -> dict:
    """S18: `convenant generation` of 38 agreements against `convenant settle` of one, both whole processes
    (median of alternating runs, wall and CPU); then a generation of ``count`` generated cases, cases/s."""
    with tempfile.TemporaryDirectory(prefix="convenant-generation-") as tmp:
        ninth = Path(tmp) / "ninth"  # 38 agreements, each its own (S18 counts an agreement once)
        generate_cases.generate(ninth, count=38, seed=38, with_bundled=False)
        cmds = {
            f"convenant settle {EXAMPLE} --format json": [_convenant(), "settle", EXAMPLE, "--format", "json"],
            "convenant generation <38 agreements> --format json": [_convenant(), "generation", str(ninth), "-f", "json"],
        }
        names = list(cmds)
        for name in names:
            _cpu_and_wall(cmds[name])  # warm the file cache
        walls: dict[str, list[float]] = {name: [] for name in names}
        cpus: dict[str, list[float]] = {name: [] for name in names}
        for i in range(runs):
            for name in names if i % 2 == 0 else names[::-1]:
                wall, cpu = _cpu_and_wall(cmds[name])
                walls[name].append(wall)
                cpus[name].append(cpu)
        one, many = names
        startup = {
            name: {
                "median_ms": round(1000 * statistics.median(walls[name]), 1),
                "min_ms": round(1000 * min(walls[name]), 1),
                "cpu_median_ms": round(1000 * statistics.median(cpus[name]), 1),
                "runs": runs,
            }
            for name in names
        }
        ratio = statistics.median(walls[many]) / statistics.median(walls[one])
        cpu_ratio = statistics.median(cpus[many]) / statistics.median(cpus[one])

        tree = Path(tmp) / "generated"
        generate_cases.generate(tree, count=count, seed=6, with_bundled=False)  # S18: each its own agreement
        big = [_cpu_and_wall([_convenant(), "generation", str(tree), "-f", "json"]) for _ in range(3)]
        wall = statistics.median(w for w, _ in big)
        cpu = statistics.median(c for _, c in big)
        return {
            "processes": startup,
            "ratio_38_to_1": round(ratio, 2),
            "cpu_ratio_38_to_1": round(cpu_ratio, 2),
            "large": {"cases": count, "seconds": round(wall, 3), "cpu_seconds": round(cpu, 3),
                      "cases_per_s": round(count / wall), "cases_per_cpu_s": round(count / cpu)},
        }


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


def _verdict(value: float, goal: float, *, at_least: bool = False) -> str:
    ok = value >= goal if at_least else value <= goal
    return "PASS" if ok else "FAIL"


GENERATION_RATE_GOAL = 1000  # cases per CPU-second, as json, in-process
XLSX_AGREEMENTS = 3800
XLSX_PEAK_GOAL_MIB = 150


def generation_goals(quick: bool) -> dict:
    """Issue 23: a generation of generated cases as json in-process (cases per CPU-second, one core),
    and the peak RSS of a whole ``convenant generation`` process writing 3,800 agreements as xlsx."""
    import io as _io

    from convenant_calc.cli.generation import run_generation

    count = 200 if quick else 1000
    agreements = 400 if quick else XLSX_AGREEMENTS
    with tempfile.TemporaryDirectory(prefix="convenant-generation-goals-") as tmp:
        tree = Path(tmp) / "json"
        generate_cases.generate(tree, count=count, seed=7, with_bundled=False)
        run_generation(tree, fmt="json", out=_io.StringIO(), err=_io.StringIO())  # warm: imports, file cache
        samples = []
        for _ in range(1 if quick else 3):
            start = time.process_time()
            code = run_generation(tree, fmt="json", out=_io.StringIO(), err=_io.StringIO())
            samples.append(time.process_time() - start)
            if code != 0:
                raise SystemExit(f"generation of {count} generated cases exited {code}")
        cpu = statistics.median(samples)

        big = Path(tmp) / "xlsx"
        generate_cases.generate(big, count=agreements, seed=8, with_bundled=False)
        peaks = {fmt: _peak_rss_mib(big, fmt, Path(tmp) / f"out.{fmt}") for fmt in ("xlsx", "json")}
    return {
        "json": {"cases": count, "cpu_s": round(cpu, 3), "cases_per_cpu_s": round(count / cpu),
                 "goal": GENERATION_RATE_GOAL, "agreements": agreements, "peak_rss_mib": peaks["json"]},
        "xlsx": {"agreements": agreements, "peak_rss_mib": peaks["xlsx"], "goal_mib": XLSX_PEAK_GOAL_MIB},
    }


def _peak_rss_mib(tree: Path, fmt: str, output: Path) -> float:
    """The peak resident memory of a whole ``convenant generation TREE -f FMT -o OUTPUT`` process, in MiB."""
    probe = (
        "import resource, subprocess, sys; "
        "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    cmd = [_convenant(), "generation", str(tree), "-f", fmt, "-o", str(output)]
    code, kib = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True).stdout.split()
    if code != "0":
        raise SystemExit(f"generation of {tree} as {fmt} exited {code}")
    return round(int(kib) / 1024, 1)


REFERENCE_GOAL = 2.0


def reference(runs: int) -> dict:
    """Issue 23: ``convenant settle --format json`` against ``benchmarks/sweep.py`` (the same S5–S10 in a minimal
    interval sweep) on the largest input the size limit allows (10,000 consultants, about one absence each:
    a 1.7 MB absences.yaml under the 2 MB limit), whole processes, CPU time, interleaved, median."""
    with tempfile.TemporaryDirectory(prefix="convenant-reference-") as tmp:
        spec = generate_cases.make_case(random.Random(9), "largest", consultants=10_000, absences=10_000, years=1)
        case_dir = Path(tmp) / spec.name
        case_dir.mkdir()
        for name, text in generate_cases.files(spec).items():
            (case_dir / name).write_text(text, encoding="utf-8")
        cmds = {
            "convenant settle --format json": [_convenant(), "settle", str(case_dir), "--format", "json"],
            "benchmarks/sweep.py": [sys.executable, str(HERE / "sweep.py"), str(case_dir)],
        }
        cpus: dict[str, list[float]] = {name: [] for name in cmds}
        for i in range(runs):
            for name in list(cmds) if i % 2 == 0 else list(cmds)[::-1]:
                cpus[name].append(_cpu_and_wall(cmds[name])[1])
        tool, sweep_ = (statistics.median(cpus[name]) for name in cmds)
        return {"bytes": (case_dir / "absences.yaml").stat().st_size, "tool_cpu_s": round(tool, 3),
                "sweep_cpu_s": round(sweep_, 3), "ratio": round(tool / sweep_, 2), "goal": REFERENCE_GOAL}


def table(report: dict) -> str:
    m = report["machine"]
    lines = [f"machine: {m['cpu']}, {m['nproc']} CPUs, Python {m['python']}, {m['date']}", ""]
    lines.append(f"start-up (median of {report['runs']} interleaved rounds; the ratio is of CPU time)")
    heads = ("", "CPU ms", "wall ms", "CPU × floor", "wall × floor", "goal", "")
    lines.append(" ".join(f"{h:>{w}s}" for h, w in zip(heads, (28, 7, 8, 11, 12, 6, 4), strict=True)))
    for name, row in report.get("startup", {}).items():
        goal = row["goal"]
        verdict = "" if goal is None else _verdict(row["cpu_ratio_to_floor"], goal)
        lines.append(
            f"{name:>28s} {row['cpu_median_ms']:7.1f} {row['median_ms']:8.1f} {row['cpu_ratio_to_floor']:11.2f} "
            f"{row['ratio_to_floor']:12.2f} {'≤ ' + str(goal) if goal is not None else '':>6s} {verdict}"
        )
    if "shares" in report:
        lines += ["", "settle --format json, stage by stage (benchmarks/shares.py: CPU ms, median of fresh processes)"]
        lines.append(shares.table(report["shares"]))
    if report.get("batch"):
        lines += ["", "batch: convenant check (one process, start-up included, median)"]
    for b in report.get("batch", []):
        lines.append(f"  {b['what']:28s} {b['seconds']:6.2f} s  →  {b['cases_per_s']:4d} cases/s   {b['summary']}")
    if "generation" in report:
        gen = report["generation"]
        lines += ["", "generation (S18): whole processes, median of alternating runs"]
        for name, row in gen["processes"].items():
            lines.append(f"  {name:62s} {row['median_ms']:7.1f} ms wall {row['cpu_median_ms']:7.1f} ms CPU")
        lines.append(f"  38 agreements ÷ one settlement: {gen['ratio_38_to_1']:.2f}× wall, {gen['cpu_ratio_38_to_1']:.2f}× CPU")
        big = gen["large"]
        lines.append(
            f"  generation of {big['cases']:,} generated cases: {big['seconds']:.2f} s → {big['cases_per_s']} cases/s "
            f"({big['cpu_seconds']:.2f} s CPU → {big['cases_per_cpu_s']} cases per CPU-second)"
        )
    if report.get("scaling"):
        lines += ["", "scaling: the core on a case in memory (10 consultants)"]
        heads = ("years", "days", "absences", "pieces", "settle ms", "µs/absence", "checks ms")
        lines.append(" ".join(f"{h:>{w}s}" for h, w in zip(heads, (5, 5, 8, 6, 10, 10, 9), strict=True)))
    for r in report.get("scaling", []):
        lines.append(
            f"{r['years']:5d} {r['term_days']:5d} {r['absences']:8d} {r['pieces']:6d} {r['settle_ms']:10.2f} "
            f"{r['settle_us_per_absence']:10.1f} {r['checks_ms']:9.2f}"
        )
    if report.get("staff"):
        lines += ["", "staff: one case with many consultants (seconds; load = YAML + models + checks)"]
        heads = ("consultants", "absences", "MB", "settle CLI", "load", "checks", "settle()")
        lines.append(" ".join(f"{h:>{w}s}" for h, w in zip(heads, (11, 8, 5, 10, 6, 7, 8), strict=True)))
    for r in report.get("staff", []):
        lines.append(
            f"{r['consultants']:11d} {r['absences']:8d} {r['absences_yaml_bytes'] / 1e6:5.2f} "
            f"{r['cli_settle_s']:10.2f} "
            f"{r['load_s']:6.2f} {r['checks_s']:7.3f} {r['settle_s']:8.3f}"
        )
    if "curves" in report:
        lines += ["", f"curves (issue 23): load + checks + settle + JSON in-process, CPU ms (median); "
                      f"each doubling ≤ {curves.GOAL}×"]
        for name, rows in report["curves"].items():
            points = "  ".join(f"{r['size']}: {1000 * r['cpu_s']:.1f}" for r in rows)
            worst = max(r["ratio"] for r in rows if r["ratio"] is not None)
            ratios = " ".join(f"{r['ratio']:.2f}" for r in rows if r["ratio"] is not None)
            lines.append(f"  {name:29s} {points}")
            lines.append(f"  {'':29s} doublings {ratios}  worst {worst:.2f} {_verdict(worst, curves.GOAL)}")
    if "reference" in report:
        r = report["reference"]
        lines += ["", f"reference (issue 23): the largest allowed input ({r['bytes'] / 1e6:.1f} MB absences.yaml), CPU s"]
        lines.append(
            f"  settle --format json {r['tool_cpu_s']:.2f}  sweep.py {r['sweep_cpu_s']:.2f}  → {r['ratio']:.2f}× "
            f"(goal ≤ {r['goal']}) {_verdict(r['ratio'], r['goal'])}"
        )
    if "goals" in report:
        g = report["goals"]
        j, x = g["json"], g["xlsx"]
        lines += ["", "generation goals (issue 23)"]
        lines.append(
            f"  {j['cases']} generated cases as json, in-process: {j['cpu_s']:.2f} s CPU → {j['cases_per_cpu_s']} "
            f"cases per CPU-second (goal ≥ {j['goal']}) {_verdict(j['cases_per_cpu_s'], j['goal'], at_least=True)}"
        )
        lines.append(
            f"  {x['agreements']} agreements as xlsx: peak RSS {x['peak_rss_mib']:.0f} MiB "
            f"(goal < {x['goal_mib']}) {_verdict(x['peak_rss_mib'], x['goal_mib'])}; as json {j['peak_rss_mib']:.0f} MiB"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="start-up, batch and scaling benchmarks (issue 6)")
    parser.add_argument("--runs", type=int, default=11, help="start-up rounds (at least 9 for the record)")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run, not for the record)")
    parser.add_argument(
        "--only",
        choices=("startup", "batch", "generation", "scaling", "staff", "curves", "reference", "goals"),
        help="run one section only",
    )
    parser.add_argument("--out", type=Path, default=HERE / "results")
    args = parser.parse_args(argv)

    report: dict = {"machine": machine(), "runs": args.runs, "startup": {}, "batch": [], "scaling": []}
    if args.only in (None, "startup"):
        report["startup"] = startup(args.runs)
        report["shares"] = shares.shares(args.runs)
    if args.only in (None, "batch"):
        report["batch"] = batch(args.cases, 1 if args.quick else 3)
    if args.only in (None, "generation"):
        report["generation"] = generation(args.runs, args.cases)
    if args.only in (None, "scaling"):
        report["scaling"] = scaling(args.quick)
    if args.only in (None, "staff"):
        report["staff"] = staff(args.quick)
    if args.only in (None, "curves"):
        report["curves"] = curves.curves(args.quick)
    if args.only in (None, "reference"):
        report["reference"] = reference(3 if args.quick else 5)
    if args.only in (None, "goals"):
        report["goals"] = generation_goals(args.quick)
    print(table(report))

    args.out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    (args.out / "latest.json").write_text(text, encoding="utf-8")
    (args.out / f"bench-{dt.datetime.now():%Y%m%dT%H%M%S}.json").write_text(text, encoding="utf-8")
    print(f"\nwritten: {args.out / 'latest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
