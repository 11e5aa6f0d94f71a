"""Generate a tree of varied, valid settlement cases for `convenant check` (issue 6).

Deterministic for a given seed. Each case directory holds ``results.yaml``,
usually ``convenant.yaml`` (its own term of 1–3 years, maximum subsidy and
funded FTE) or else a ``convenant:`` line naming the bundled agreement,
``absences.yaml`` with 1–10 consultants (vacancies between a leaver and a
successor included) and 0–50 absences of every kind (relapses, ``new_cause``,
part-time absences running side by side, replacements), ``payments.yaml`` with
0–3 advances, and ``expected.yaml`` with the figures of SPEC §4 as the
in-process settlement computes them.

Every case is valid input (SPEC §3, S5–S8): absences lie within their
consultant's employment and meet the term, a consultant's overlapping absences
never add up to more than that consultant's FTE, replacements lie within their
absence and never replace more than its FTE. The generator checks this by
loading every case it writes with :func:`convenant_calc.io.loading.load_case`
(which runs every cross-file check) and refuses a case that has so much as a
warning.

    python benchmarks/generate_cases.py OUT_DIR [--count 1000] [--seed 6]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

BUNDLED = "lokale-besturen-2023-2025"
KINDS = {  # kind: (weight, shortest, longest) in calendar days
    "sickness": (34, 1, 90),
    "accident": (10, 1, 60),
    "maternity_leave": (4, 70, 105),
    "time_credit": (14, 30, 365),
    "career_break": (6, 30, 300),
    "parental_leave": (16, 7, 120),
    "unpaid_leave": (16, 1, 30),
}
PART_TIME_KINDS = ("time_credit", "parental_leave", "career_break")
WAGE_KINDS = ("sickness", "accident")
ONE = Decimal(1)


@dataclass
class Consultant:
    id: str
    fte: Decimal
    first: date | None = None  # employed from (None: open)
    last: date | None = None  # employed to (None: open)
    load: dict[int, Decimal] = field(default_factory=dict)  # ordinal -> FTE absent (validity bookkeeping)


@dataclass
class Absence:
    consultant: str
    kind: str
    first: date
    last: date
    fte: Decimal | None
    new_cause: bool = False
    replacements: list[tuple[date, date, Decimal | None]] = field(default_factory=list)


@dataclass
class CaseSpec:
    """One generated case as plain values; :func:`files` writes it as the YAML a user would."""

    name: str
    convenant: dict[str, Any] | None  # None: the bundled agreement
    term: tuple[date, date]
    funded_fte: Decimal
    commitments: list[tuple[str, Decimal]]  # (id, target)
    listed: bool  # absences.yaml lists its consultants
    consultants: list[Consultant]
    absences: list[Absence]
    results: list[dict[str, Any]]
    payments: list[tuple[date, Decimal, str]]


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    """A random amount in [low, high] euros, with cents."""
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def _pick_kind(rng: random.Random) -> str:
    kinds = list(KINDS)
    return rng.choices(kinds, weights=[KINDS[k][0] for k in kinds])[0]


def _fits(c: Consultant, first: date, last: date, fte: Decimal, pool: Consultant | None = None) -> bool:
    """Whether an absence fits ``c`` (and the ``pool`` of all consultants, when they are not listed)."""
    if c.first is not None and first < c.first or c.last is not None and last > c.last:
        return False
    days = range(first.toordinal(), last.toordinal() + 1)
    if pool is not None and not all(pool.load.get(d, 0) + fte <= pool.fte for d in days):
        return False
    return all(c.load.get(d, 0) + fte <= c.fte for d in days)


def _book(c: Consultant, first: date, last: date, fte: Decimal, pool: Consultant | None = None) -> None:
    for holder in (c, pool) if pool is not None else (c,):
        for d in range(first.toordinal(), last.toordinal() + 1):
            holder.load[d] = holder.load.get(d, Decimal(0)) + fte


def _replacements(rng: random.Random, a: Absence, fte: Decimal) -> list[tuple[date, date, Decimal | None]]:
    """0–2 non-overlapping replacement periods inside the absence, each replacing at most its FTE (S8)."""
    days = (a.last - a.first).days + 1
    if days < 3 or rng.random() < 0.55:
        return []
    cut = sorted(rng.sample(range(days), k=min(days, rng.choice((2, 4)))))
    periods = []
    for lo, hi in zip(cut[0::2], cut[1::2], strict=False):
        options: list[Decimal | None] = [None, fte] + [f for f in (Decimal("0.5"), Decimal("0.2")) if f <= fte]
        periods.append((a.first + timedelta(days=lo), a.first + timedelta(days=hi), rng.choice(options)))
    return periods


def _absences(
    rng, consultants: list[Consultant], term: tuple[date, date], count: int, span_days: int, pool: Consultant | None
) -> list[Absence]:
    """Place ``count`` valid absences (plus relapses), longest ones shortened to fit ``span_days``.

    ``pool`` stands for all consultants together when absences.yaml does not list them: then
    no more than the funded FTE may be absent on any day (S5), whoever is absent.
    """
    start, end = term
    lo, hi = start - timedelta(days=45), end + timedelta(days=20)  # some start before / end after the term
    absences: list[Absence] = []
    tries = 0
    while len(absences) < count and tries < count * 40:
        tries += 1
        c = rng.choice(consultants)
        kind = _pick_kind(rng)
        _, shortest, longest = KINDS[kind]
        longest = max(1, min(longest, span_days))
        shortest = min(shortest, longest)
        days = rng.randint(shortest, longest)
        first_lo = max(lo, c.first or lo)
        last_hi = min(hi, c.last or hi)
        if (last_hi - first_lo).days + 1 < days:
            continue
        first = first_lo + timedelta(days=rng.randint(0, (last_hi - first_lo).days + 1 - days))
        last = first + timedelta(days=days - 1)
        if last < start or first > end:  # entirely outside the term: a warning, not wanted here
            continue
        fte: Decimal | None = None
        if kind in PART_TIME_KINDS and rng.random() < 0.6:
            fte = rng.choice([f for f in (Decimal("0.1"), Decimal("0.2"), Decimal("0.5")) if f <= c.fte] or [c.fte])
        elif rng.random() < 0.1:
            fte = c.fte  # written out, the same as the default
        effective = fte if fte is not None else c.fte
        if not _fits(c, first, last, effective, pool):
            continue
        _book(c, first, last, effective, pool)
        a = Absence(c.id, kind, first, last, fte)
        a.replacements = _replacements(rng, a, effective)
        absences.append(a)
        # S7: a relapse of the same kind, usually within relapse_days, sometimes a new cause.
        while kind in WAGE_KINDS and len(absences) < count and rng.random() < 0.4:
            gap = rng.randint(1, 20)
            first = absences[-1].last + timedelta(days=gap)
            last = first + timedelta(days=rng.randint(1, max(1, min(40, span_days))) - 1)
            if first > end or not _fits(c, first, last, effective, pool):
                break
            _book(c, first, last, effective, pool)
            a = Absence(c.id, kind, first, last, fte, new_cause=rng.random() < 0.2)
            a.replacements = _replacements(rng, a, effective)
            absences.append(a)
    rng.shuffle(absences)  # file order is not date order
    return absences


def make_case(
    rng: random.Random,
    name: str,
    *,
    consultants: int | None = None,
    absences: int | None = None,
    years: int | None = None,
    bundled: dict[str, Any] | None = None,
    term: tuple[date, date] | None = None,
    funded_as_positions: bool = False,
) -> CaseSpec:
    """One random valid case; the keyword arguments fix its size (the benchmark's scaling series)."""
    use_bundled = bundled is not None and years is None and rng.random() < 0.2
    if use_bundled:
        assert bundled is not None
        start, end = bundled["term"]
        funded = bundled["consultants_fte"]
        commitments = bundled["commitments"]
        conv = None
    else:
        years = years if years is not None else rng.randint(1, 3)
        start = date(rng.randint(2019, 2026), rng.choice((1, 1, 4, 7, 9)), 1)
        end = date(start.year + years, start.month, 1) - timedelta(days=1)
        if term is not None:
            start, end = term
        commitments = [
            (f"R{i + 1}", Decimal(rng.choice((1, 4, 12, 40, 96, 100, 250, 500))) * rng.choice((1, 1, Decimal("1.5"))))
            for i in range(rng.randint(1, 6))
        ]
        conv = {
            "max_subsidy": _money(rng, 40_000, 950_000),
            "funding": rng.choice((None, ("0.70", "0.30", "0.5"), ("0.60", "0.40", "0.5"), ("0.75", "0.25", "0.6"))),
            "absence_rules": rng.choice((None, (30, 14), (30, 14), (14, 7), (60, 28))),
        }
        funded = None

    n = consultants if consultants is not None else rng.randint(3, 6) if use_bundled else rng.randint(1, 10)
    listed = consultants is not None or rng.random() < 0.85
    people: list[Consultant] = []
    positions: list[Decimal] = []
    term_days = (end - start).days + 1
    while len(people) < n:
        fte = rng.choice((ONE, ONE, ONE, Decimal("0.8"), Decimal("0.5"), Decimal("0.9"))) if listed else ONE
        positions.append(fte)
        c = Consultant(f"c{len(people) + 1:02d}", fte)
        if listed and rng.random() < 0.25:
            c.first = start + timedelta(days=rng.randint(-200, term_days // 3))
        if listed and len(people) + 2 <= n and rng.random() < 0.3:
            # a vacancy between consultants: one leaves, a successor starts 0–60 days later
            leaves = start + timedelta(days=rng.randint(term_days // 4, 3 * term_days // 4))
            c.first = c.first if c.first is None or c.first < leaves - timedelta(days=30) else None
            c.last = leaves
            successor = Consultant(f"c{len(people) + 2:02d}", fte, first=leaves + timedelta(days=rng.randint(1, 61)))
            people += [c, successor]
        else:
            people.append(c)
    if funded is None:
        total = sum(positions, Decimal(0))
        funded = total if funded_as_positions else rng.choice(
            (total, total, max(Decimal("0.5"), total - Decimal("0.5")), total + 1)
        )

    count = absences if absences is not None else rng.randint(0, 50)
    # room per consultant: long absences are shortened when many must fit in a short term
    span = max(2, term_days * len(people) // max(1, 2 * count))
    pool = None if listed else Consultant("all", funded)  # S5: unlisted, the funded FTE is all there is
    placed = _absences(rng, people, (start, end), count, span, pool)

    results = []
    for cid, target in commitments:
        roll = rng.random()
        if roll < 0.1:
            met = rng.random() < 0.5
            results.append({"commitment": cid, "met": met, "justification": f"judged {'met' if met else 'not met'}"})
        else:
            if roll < 0.7:
                achieved = target + rng.randint(0, int(target) // 2 + 1)
            else:
                achieved = Decimal(rng.randint(0, max(0, int(target) - 1)))
            results.append({"commitment": cid, "achieved": achieved})

    max_subsidy = conv["max_subsidy"] if conv is not None else bundled["max_subsidy"]  # type: ignore[index]
    payments = []
    for k in range(rng.choice((0, 1, 2, 2, 3))):
        when = start + timedelta(days=rng.randint(0, term_days + 150))
        payments.append((when, _money(rng, 1_000, int(max_subsidy * Decimal("0.4"))), f"voorschot {k + 1}"))

    return CaseSpec(name, conv, (start, end), funded, commitments, listed, people, placed, results, payments)


def _num(value: Decimal) -> str:
    return f"{value.normalize():f}" if value != value.to_integral() else str(int(value))


def files(spec: CaseSpec) -> dict[str, str]:
    """The case's YAML files, as text."""
    out: dict[str, str] = {}
    start, end = spec.term
    named = ""
    if spec.convenant is None:
        named = f"convenant: {BUNDLED}\n"
    else:
        title = spec.convenant.get("title", f"Generated case {spec.name}")
        lines = [
            f"id: {spec.convenant.get('id', spec.name)}",
            f"title: \"{title}\"" if ":" in title or "#" in title else f"title: {title}",
            f"term: {{start: {start}, end: {end}}}",
            f"max_subsidy: {spec.convenant['max_subsidy']}",
            f"consultants_fte: {_num(spec.funded_fte)}",
        ]
        if spec.convenant["funding"]:
            e, r, cut = spec.convenant["funding"]
            lines.append(f"funding: {{effort_share: {e}, result_share: {r}, result_cutoff: {cut}}}")
        if spec.convenant["absence_rules"]:
            g, rel = spec.convenant["absence_rules"]
            lines.append(f"absence_rules: {{guaranteed_wage_days: {g}, relapse_days: {rel}}}")
        lines.append("result_commitments:")
        lines += [f"  - {{id: {cid}, title: Commitment {cid}, target: {_num(t)}}}" for cid, t in spec.commitments]
        out["convenant.yaml"] = "\n".join(lines) + "\n"

    lines = []
    if spec.listed:
        lines.append("consultants:")
        for c in spec.consultants:
            employed = ""
            if c.first or c.last:
                bounds = ([f"from: {c.first}"] if c.first else []) + ([f"to: {c.last}"] if c.last else [])
                employed = f", employed: {{{', '.join(bounds)}}}"
            lines.append(f"  - {{id: {c.id}, fte: {_num(c.fte)}{employed}}}")
    lines.append("absences:" if spec.absences else "absences: []")
    for a in spec.absences:
        lines.append(f"  - consultant: {a.consultant}")
        lines.append(f"    kind: {a.kind}")
        lines.append(f"    from: {a.first}")
        lines.append(f"    to: {a.last}")
        if a.fte is not None:
            lines.append(f"    fte: {_num(a.fte)}")
        if a.new_cause:
            lines.append("    new_cause: true")
        if a.replacements:
            lines.append("    replacement:")
            for r_first, r_last, r_fte in a.replacements:
                fte = f", fte: {_num(r_fte)}" if r_fte is not None else ""
                lines.append(f"      - {{from: {r_first}, to: {r_last}{fte}}}")
    out["absences.yaml"] = named + "\n".join(lines) + "\n"

    lines = ["results:"]
    for r in spec.results:
        if "met" in r:
            lines.append(
                f"  - {{commitment: {r['commitment']}, met: {str(r['met']).lower()}, "
                f"justification: \"{r['justification']}\"}}"
            )
        else:
            lines.append(f"  - {{commitment: {r['commitment']}, achieved: {_num(r['achieved'])}}}")
    out["results.yaml"] = named + "\n".join(lines) + "\n"

    if spec.payments:
        lines = ["payments:"] + [f"  - {{date: {d}, amount: {amt}, label: {label}}}" for d, amt, label in spec.payments]
        out["payments.yaml"] = named + "\n".join(lines) + "\n"
    return out


def expected_yaml(figures: dict[str, Any]) -> str:
    """``expected.yaml``: every figure of the SPEC §4 object (but the schema tag), nested the same way."""

    def emit(mapping: dict[str, Any], indent: str) -> list[str]:
        lines = []
        for key, value in mapping.items():
            if key == "schema":
                continue
            if isinstance(value, dict):
                lines.append(f"{indent}{key}:")
                lines += emit(value, indent + "  ")
            elif isinstance(value, int):
                lines.append(f"{indent}{key}: {value}")
            else:
                lines.append(f'{indent}{key}: "{value}"')
        return lines

    header = "# Figures of the in-process settlement when this case was generated.\n"
    return header + "\n".join(emit(figures, "")) + "\n"


def bundled_facts() -> dict[str, Any]:
    """What the generator needs to know of the bundled agreement, read from the bundled file itself."""
    from convenant_calc.io import yamlpos
    from convenant_calc.io.bundled import bundled_path
    from convenant_calc.core.models import Convenant

    path = bundled_path(BUNDLED)
    assert path is not None
    conv = Convenant.model_validate(yamlpos.load(path).value)
    return {
        "term": (conv.term.start, conv.term.end),
        "consultants_fte": conv.consultants_fte,
        "max_subsidy": conv.max_subsidy,
        "commitments": [(c.id, c.target) for c in conv.result_commitments],
    }


def generate(out: Path, count: int = 1000, seed: int = 6, *, with_bundled: bool = True) -> list[Path]:
    """Write ``count`` valid cases under ``out`` (replacing it) and return their directories.

    ``with_bundled=False``: every case has its own agreement (none names the bundled one), so that
    all of them can be settled in one generation (S18 counts each agreement once)."""
    from convenant_calc.io.loading import load_case
    from convenant_calc.io.problems import InputError
    from convenant_calc.render.json import settlement_dict
    from convenant_calc.core.settlement import settle

    rng = random.Random(seed)
    bundled = bundled_facts() if with_bundled else None
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    dirs = []
    for i in range(count):
        name = f"case-{i + 1:04d}"
        spec = make_case(rng, name, bundled=bundled)
        case_dir = out / name
        case_dir.mkdir()
        for filename, text in files(spec).items():
            (case_dir / filename).write_text(text, encoding="utf-8")
        try:
            loaded = load_case(case_dir)
        except InputError as exc:
            raise SystemExit(f"generated an invalid case {case_dir}:\n{exc}") from None
        if loaded.warnings:
            raise SystemExit(f"generated case {case_dir} has warnings:\n" + "\n".join(map(str, loaded.warnings)))
        (case_dir / "expected.yaml").write_text(expected_yaml(settlement_dict(settle(loaded.case))), encoding="utf-8")
        dirs.append(case_dir)
    return dirs


# --- the sample generation of examples/generation (issue 15) ----------------------------------

#: Made-up sectors (none of these agreements exists): (slug, sector as in a title, funded FTE,
#: years, first day, (effort share, result share, cutoff) or None for the defaults, absences).
SECTORS = [
    ("bouw", "Bouw", 6, 3, date(2023, 7, 1), None, 14),
    ("zorg", "Zorg en Welzijn", 5, 2, date(2023, 7, 1), ("0.60", "0.40", "0.5"), 12),
    ("horeca", "Horeca", 2, 1, date(2024, 1, 1), ("0.75", "0.25", "0.5"), 4),
    ("metaal", "Metaal en Technologie", 4, 3, date(2023, 1, 1), None, 9),
    ("chemie", "Chemie en Life Sciences", 3, 2, date(2024, 1, 1), ("0.80", "0.20", "0.5"), 6),
    ("voeding", "Voedingsindustrie", 3, 3, date(2023, 7, 1), ("0.65", "0.35", "0.6"), 8),
    ("transport", "Transport en Logistiek", 5, 2, date(2024, 7, 1), None, 10),
    ("textiel", "Textiel en Confectie", 1, 1, date(2024, 1, 1), None, 2),
    ("kinderopvang", "Kinderopvang", 2, 2, date(2023, 9, 1), ("0.70", "0.30", "0.5"), 5),
    ("schoonmaak", "Schoonmaak", 4, 1, date(2024, 1, 1), ("0.60", "0.40", "0.6"), 7),
    ("uitzendsector", "Uitzendsector", 1, 3, date(2023, 1, 1), ("0.75", "0.25", "0.5"), 3),
    ("sociale-economie", "Sociale Economie", 6, 2, date(2023, 7, 1), None, 16),
    ("cultuur", "Podiumkunsten", 2, 3, date(2023, 7, 1), ("0.80", "0.20", "0.5"), 4),
    ("groen", "Tuinaanleg en Groenbeheer", 3, 1, date(2024, 4, 1), ("0.65", "0.35", "0.5"), 0),
]
#: EUR per funded FTE per year of the term (the reference agreement: 424000 / (4 × 2) = 53000).
PER_FTE_YEAR = Decimal(53000)


def sample_case(rng: random.Random, number: int, profile: tuple) -> CaseSpec:
    """One made-up sector agreement of the sample generation: its size, term and shares from ``profile``."""
    slug, sector, consultants, years, start, shares, absences = profile
    end = date(start.year + years, start.month, start.day) - timedelta(days=1)
    for attempt in range(1000):  # until the positions (leavers and successors counted once) add up to the FTE
        spec = make_case(
            rng, f"{number:02d}-{slug}", consultants=consultants + attempt % 3, absences=absences, years=years,
            term=(start, end), funded_as_positions=True,
        )
        if spec.funded_fte == consultants:
            break
    else:  # pragma: no cover - not reached for the profiles above
        raise SystemExit(f"no staffing of {consultants} FTE drawn for {slug}")
    years_text = f"{start.year}" if start.year == end.year else f"{start.year}-{end.year}"
    spec.convenant = {
        "id": f"{slug}-{years_text}",
        "title": f"Sectorconvenant {years_text} {sector} (fictief voorbeeld)",
        "max_subsidy": (PER_FTE_YEAR * spec.funded_fte * years * Decimal(rng.choice((90, 95, 100, 105, 110))) / 100)
        .quantize(Decimal("0.01")),
        "funding": shares,
        "absence_rules": None,
    }
    # Advances as a department pays them: 40 % after three months, 30 % a year later on a longer term.
    max_subsidy = spec.convenant["max_subsidy"]
    spec.payments = [(start + timedelta(days=91), (max_subsidy * Decimal("0.4")).quantize(Decimal("0.01")), "voorschot 1")]
    if years > 1 and rng.random() < 0.7:
        spec.payments.append(
            (start + timedelta(days=456), (max_subsidy * Decimal("0.3")).quantize(Decimal("0.01")), "voorschot 2")
        )
    return spec


def sample(out: Path, seed: int = 6) -> list[Path]:
    """Write the sample generation's case directories under ``out`` (each replaced, nothing else touched),
    each with its expected.yaml, and ``out/expected-totals.yaml`` summed from the cases' own figures."""
    from convenant_calc.io.loading import load_case
    from convenant_calc.io.problems import InputError
    from convenant_calc.render.json import settlement_dict
    from convenant_calc.core.settlement import settle

    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    dirs = []
    sums: dict[str, Any] = {}
    for number, profile in enumerate(SECTORS, start=1):
        spec = sample_case(rng, number, profile)
        case_dir = out / spec.name
        if case_dir.exists():
            shutil.rmtree(case_dir)
        case_dir.mkdir()
        for filename, text in files(spec).items():
            (case_dir / filename).write_text(text, encoding="utf-8")
        try:
            loaded = load_case(case_dir)
        except InputError as exc:
            raise SystemExit(f"generated an invalid case {case_dir}:\n{exc}") from None
        if loaded.warnings:
            raise SystemExit(f"generated case {case_dir} has warnings:\n" + "\n".join(map(str, loaded.warnings)))
        figures = settlement_dict(settle(loaded.case))
        (case_dir / "expected.yaml").write_text(expected_yaml(figures), encoding="utf-8")
        for key in ("max_subsidy", "effort_pool", "paid", "subsidy", "balance"):
            sums[key] = sums.get(key, Decimal(0)) + Decimal(figures[key])
        sums["payout"] = sums.get("payout", Decimal(0)) + Decimal(figures["results"]["payout"])
        sums["deduction"] = sums.get("deduction", Decimal(0)) + Decimal(figures["deduction"]["amount"])
        sums["shortfall_fte_days"] = sums.get("shortfall_fte_days", Decimal(0)) + Decimal(
            figures["deduction"]["shortfall_fte_days"]
        )
        sums["achieved"] = sums.get("achieved", 0) + figures["results"]["achieved"]
        sums["total"] = sums.get("total", 0) + figures["results"]["total"]
        dirs.append(case_dir)
    lines = [
        "# The totals of `convenant generation examples/generation`, summed by benchmarks/generate_cases.py",
        "# from each case's own settlement (SPEC §4 figures), not by the generation command.",
        "# Checked in `make test`: convenant generation examples/generation --expect examples/generation/expected-totals.yaml",
        f"agreements: {len(dirs)}",
        "failed: 0",
    ]
    for key in ("max_subsidy", "effort_pool", "payout", "deduction", "subsidy", "paid", "balance"):
        lines.append(f'{key}: "{sums[key]:.2f}"')
    lines.append(f'shortfall_fte_days: "{_num(sums["shortfall_fte_days"]) if sums["shortfall_fte_days"] else 0}"')
    lines.append(f"results: {{achieved: {sums['achieved']}, total: {sums['total']}}}")
    (out / "expected-totals.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dirs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="directory to (re)create")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument(
        "--sample", action="store_true",
        help="write the made-up sample generation (examples/generation: 14 sectors) instead; --count is ignored",
    )
    args = parser.parse_args(argv)
    if args.sample:
        dirs = sample(args.out, args.seed)
        print(f"{len(dirs)} sample agreements and expected-totals.yaml written to {args.out}", file=sys.stderr)
        return 0
    dirs = generate(args.out, args.count, args.seed)
    print(f"{len(dirs)} valid cases written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
