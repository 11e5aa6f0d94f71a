"""Issue 23: every input dimension linear. One curve per dimension, sizes doubling.

Each point is one generated case (``generate_cases``), written once, then loaded, checked,
settled and rendered as JSON in-process (``load_case`` + ``settle_agreement`` + the JSON
renderer): the work a ``settle --format json`` does beyond start-up. The time is CPU time of
this process (``time.process_time``), the median of ``repeat`` runs. A doubling costs the ratio
t(2n) / t(n); the goal is at most 2.3 for each doubling of the curve (the last, the largest,
is the one quoted).

Dimensions: consultants (one absence each), absences (10 consultants, one year), commitments
(results for each), periods (one-year extensions, the absences growing alongside: 40 a year),
years (one term, 40 absences a year), lines (project-only addenda, each with one commitment) and costs
(a cost statement, S20, over the main line and a project-only addendum).
"""

from __future__ import annotations

import gc
import random
import re
import statistics
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import generate_cases

GOAL = 2.3
ROUNDS = 15  # rounds of timing (each round every size of a curve once)


def _write(case_dir: Path, texts: dict[str, str]) -> Path:
    case_dir.mkdir(parents=True)
    for name, text in texts.items():
        (case_dir / name).write_text(text, encoding="utf-8")
    return case_dir


def _spec(seed: int, name: str, **size) -> generate_cases.CaseSpec:
    return generate_cases.make_case(random.Random(seed), name, funded_as_positions=True, **size)


def consultants(n: int, where: Path) -> Path:
    return _write(where, generate_cases.files(_spec(9, "c", consultants=n, absences=n, years=1)))


def absences(n: int, where: Path) -> Path:
    return _write(where, generate_cases.files(_spec(10, "a", consultants=10, absences=n, years=1)))


def commitments(n: int, where: Path) -> Path:
    spec = _spec(11, "k", consultants=5, absences=10, years=1)
    spec.commitments = [(f"R{i + 1}", Decimal(10)) for i in range(n)]
    spec.results = [{"commitment": f"R{i + 1}", "achieved": Decimal(10 + i % 3)} for i in range(n)]
    return _write(where, generate_cases.files(spec))


def years(n: int, where: Path) -> Path:
    return _write(where, generate_cases.files(_spec(12, "y", consultants=10, absences=40 * n, years=n)))


def periods(n: int, where: Path) -> Path:
    """A first year and ``n - 1`` one-year extensions (S14), 40 absences a year over the whole."""
    spec = _spec(13, "p", consultants=10, absences=40 * n, years=n)
    spec.payments = []  # a payment in an agreement of several periods names its period (S14)
    texts = generate_cases.files(spec)
    start, _ = spec.term
    first_end = date(start.year + 1, start.month, start.day) - timedelta(days=1)
    conv = re.sub(r"term: \{start: [^}]*\}", f"term: {{start: {start}, end: {first_end}}}", texts["convenant.yaml"])
    extra = ["amendments:"] if n > 1 else []
    results = []
    for k in range(1, n):
        s = date(start.year + k, start.month, start.day)
        e = date(start.year + k + 1, start.month, start.day) - timedelta(days=1)
        extra += [
            f"  - id: ext-{k}",
            "    kind: extension",
            f"    decided: {s - timedelta(days=10)}",
            f"    term: {{start: {s}, end: {e}}}",
            "    max_subsidy: 100000.00",
            "    result_commitments:",
            f"      - {{id: X{k}, title: Extension {k}, target: 10}}",
        ]
        results.append(f"  - {{commitment: X{k}, achieved: 10}}")
    texts["convenant.yaml"] = conv + "\n".join(extra) + ("\n" if extra else "")
    texts["results.yaml"] += "\n".join(results) + ("\n" if results else "")
    return _write(where, texts)


def lines(n: int, where: Path) -> Path:
    """The main line and ``n - 1`` project-only addenda (S19), each with one commitment and its result."""
    spec = _spec(14, "l", consultants=5, absences=20, years=1)
    texts = generate_cases.files(spec)
    extra = ["addenda:"] if n > 1 else []
    results = []
    for k in range(1, n):
        extra += [
            f"  - id: line-{k}",
            f"    title: Addendum {k}",
            "    max_subsidy: 10000.00",
            "    funding: {effort_share: 0.70, result_share: 0.30, result_cutoff: 0.5}",
            "    result_commitments:",
            f"      - {{id: L{k}, title: Line {k}, target: 10}}",
        ]
        results.append(f"  - {{commitment: L{k}, achieved: {9 + k % 2}}}")
    texts["convenant.yaml"] += "\n".join(extra) + ("\n" if extra else "")
    texts["results.yaml"] += "\n".join(results) + ("\n" if results else "")
    return _write(where, texts)


def costs(n: int, where: Path) -> Path:
    """A cost statement of ``n`` costs (S20) over a one-year term with a project-only addendum: salaries of the
    listed consultants, operating and project costs on either line, some dated outside the term (ineligible)."""
    spec = _spec(15, "k", consultants=5, absences=20, years=1)
    texts = generate_cases.files(spec)
    texts["convenant.yaml"] += "\n".join(
        [
            "addenda:",
            "  - id: project",
            "    title: Project line",
            "    max_subsidy: 50000.00",
            "    consultants_fte: 0",
            "    funding: {effort_share: 1.0, result_share: 0.0}",
        ]
    ) + "\n"
    rng = random.Random(16)
    start, end = spec.term
    days = (end - start).days
    ids = [c.id for c in spec.consultants] if spec.listed else []
    rows = ["costs:"]
    for i in range(n):
        day = start + timedelta(days=rng.randint(-20, days + 20))  # a few outside the term: listed, ineligible
        kind = rng.choice(("salary", "salary", "operating", "project"))
        line = ", line: project" if rng.random() < 0.3 else ""
        who = f", consultant: {rng.choice(ids)}" if kind == "salary" and ids and not line else ""
        amount = Decimal(rng.randint(1_000, 500_000)) / 100
        rows.append(f"  - {{date: {day}, kind: {kind}{who}{line}, amount: {amount}, ref: \"doc {i + 1}\"}}")
    texts["costs.yaml"] = "\n".join(rows) + "\n"
    return _write(where, texts)


#: dimension -> (case maker, sizes); each size the double of the one before
DIMENSIONS = {
    "consultants": (consultants, (500, 1000, 2000, 4000)),
    "absences": (absences, (250, 500, 1000, 2000)),
    "commitments": (commitments, (1000, 2000, 4000, 8000)),
    "periods (absences alongside)": (periods, (8, 16, 32, 64)),
    "years": (years, (4, 8, 16, 32)),
    "lines": (lines, (25, 50, 100, 200)),
    "costs": (costs, (1000, 2000, 4000, 8000)),
}


def _cpu(fn) -> float:
    """CPU seconds of ``fn()`` as ``settle --format json`` runs it: begun with no garbage pending, as a
    fresh process begins after its imports, and with the cyclic collector off, as the console script's
    one-case forms run (``cli.fastpath.one_case``: ``settle``, ``validate``, ``calendar``). With the
    collector on, a full collection that walks the loaded case and every import's objects falls
    into some points and not others (30–50 ms at 4,000 consultants), which is noise of the harness,
    not work of the tool; the typer forms of settle keep the collector and are not timed here."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        fn()
        return time.process_time() - start
    finally:
        gc.enable()


def curves(quick: bool = False) -> dict[str, list[dict]]:
    """Each dimension's curve: size, CPU seconds (median), and the ratio to the size before.

    The sizes of a curve are timed in rounds, each round every size once in turn, so that a change
    of load on a shared machine falls on every size alike rather than on the last; the median of
    ``ROUNDS`` rounds (3 with ``quick``) is quoted. Each run begins with no garbage pending (:func:`_cpu`).
    """
    from convenant_calc.core.settlement import settle_agreement
    from convenant_calc.io.loading import load_case
    from convenant_calc.render.json import render

    def run(case_dir: Path) -> None:
        render(settle_agreement(load_case(case_dir).case))

    out: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="convenant-curves-") as tmp:
        for name, (make, sizes) in DIMENSIONS.items():
            chosen = sizes[:3] if quick else sizes
            dirs = [make(size, Path(tmp) / f"{name.split()[0]}-{size}") for size in chosen]
            for case_dir in dirs:
                run(case_dir)  # once untimed: the file cache, and a case the tool accepts
            samples: list[list[float]] = [[] for _ in dirs]
            for _ in range(3 if quick else ROUNDS):
                for k, case_dir in enumerate(dirs):
                    samples[k].append(_cpu(lambda: run(case_dir)))  # noqa: B023 (called at once)
            rows: list[dict] = []
            before = None
            for size, times in zip(chosen, samples, strict=True):
                seconds = statistics.median(times)
                ratio = None if before is None else round(seconds / before, 2)
                rows.append({"size": size, "cpu_s": round(seconds, 4), "ratio": ratio})
                before = seconds
            out[name] = rows
    return out
