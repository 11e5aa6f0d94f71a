"""Mutation fuzz over the shipped examples: bad input ends in exit 0 or 2, never a traceback.

Each example is copied (with the bundled agreement as its convenant.yaml when
it names one, so the agreement gets mutated too), one file is broken the way a
hand edit or a broken export breaks it, and ``convenant settle`` runs
in-process. Exit 2 must print only ``file:line:col: message`` lines and the
summary, nothing on stdout, and write no ``--output`` file; exit 0 must print a
settlement whose figures still add up (S2, S11, S12).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from convenant_calc.io.bundled import bundled_path, examples_dir
from convenant_calc.cli.app import app

from ..helpers import value_paths

EXAMPLES = sorted(p for p in examples_dir().iterdir() if (p / "results.yaml").is_file())
PROBLEM_LINE = re.compile(r"^\S[^:]*(:\d+:\d+)?: \S")
SUMMARY = re.compile(r"^\d+ errors? in \d+ files?$")
ODD_VALUES = [None, "", "text", "424.000,00", "1.000", -1, 0, 1.5, 10**40, True, "no", [], {}, [1, 2], {"a": 1},
              "2024-02-30", "9999-12-31", "2024-1-8", "<<", "*x", "€ 1000"]


def _case(example: Path, root: Path) -> Path:
    case = root / "case"
    shutil.copytree(example, case, ignore=shutil.ignore_patterns("*.md", "expected.yaml"))
    if not (case / "convenant.yaml").exists():
        text = (case / "results.yaml").read_text()
        named = re.search(r"^convenant: (\S+)", text, re.M)
        assert named is not None
        shutil.copy(bundled_path(named.group(1)), case / "convenant.yaml")
    return case


def _picked(text: str, data: st.DataObject, prefix: tuple = ()):
    """The document, and one value at or below ``prefix`` drawn from it as (its parent, its key); None if none."""
    doc = yaml.safe_load(text)
    paths = [p for p in value_paths(doc) if p and p[: len(prefix)] == prefix]
    if not paths:
        return None
    path = data.draw(st.sampled_from(paths), label="path")
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    return doc, parent, path[-1]


def _structural(text: str, data: st.DataObject) -> str:
    """Delete a key / list item, or swap a value for one of another type, then write YAML again."""
    picked = _picked(text, data)
    if picked is None:
        return text
    doc, parent, key = picked
    if data.draw(st.booleans(), label="delete"):
        del parent[key]
    else:
        parent[key] = data.draw(st.sampled_from(ODD_VALUES), label="value")
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def _textual(text: str, data: st.DataObject) -> str:
    lines = text.splitlines(keepends=True) or [""]
    kind = data.draw(st.sampled_from(["indent", "bytes", "truncate", "drop_line", "dup_line"]), label="kind")
    i = data.draw(st.integers(0, len(lines) - 1), label="line")
    if kind == "indent":
        body = lines[i].lstrip(" ")
        lines[i] = " " * data.draw(st.integers(0, 8), label="spaces") + body
    elif kind == "drop_line":
        del lines[i]
    elif kind == "dup_line":
        lines.insert(i, lines[i])
    elif kind == "truncate":
        return text[: data.draw(st.integers(0, len(text)), label="cut")]
    return "".join(lines)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    example=st.sampled_from(EXAMPLES),
    how=st.sampled_from(["structural", "textual", "bytes"]),
    data=st.data(),
)
def test_mutated_examples_exit_0_or_2_without_traceback(example, how, data):
    with tempfile.TemporaryDirectory() as tmp:
        case = _case(example, Path(tmp))
        target = data.draw(st.sampled_from(sorted(case.glob("*.yaml"))), label="file")
        raw = target.read_bytes()
        if how == "structural":
            target.write_text(_structural(raw.decode(), data))
        elif how == "textual":
            target.write_text(_textual(raw.decode(), data))
        else:
            at = data.draw(st.integers(0, len(raw)), label="at")
            junk = data.draw(st.binary(min_size=1, max_size=8), label="junk")
            target.write_bytes(raw[:at] + junk + raw[at:])

        # Mostly JSON, whose figures can be checked; sometimes a rendered format, written with
        # --output, which must not appear when the input is bad.
        fmt = data.draw(st.sampled_from(["json", "json", "json", "table", "markdown", "html"]), label="format")
        out_file = Path(tmp) / "out" / f"settlement.{fmt}"
        out_file.parent.mkdir()
        args = ["settle", str(case), "--format", fmt] + ([] if fmt == "json" else ["--output", str(out_file)])
        result = CliRunner().invoke(app, args)

        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 2), result.output
        event(f"exit {result.exit_code}")
        if result.exit_code == 2:
            assert result.stdout == ""  # errors come before any output
            assert list(out_file.parent.iterdir()) == []  # and nothing is written
            lines = result.stderr.splitlines()
            assert SUMMARY.match(lines[-1]), lines[-1]
            assert lines[:-1] and all(PROBLEM_LINE.match(line) for line in lines[:-1]), lines
        elif fmt != "json":
            assert out_file.read_text(encoding="utf-8").strip()
        else:
            out = json.loads(result.stdout)
            # S14, S19: an agreement of several periods or lines prints each settlement as a /1 object, and totals.
            settlements = {
                "convenant-settlement/2": lambda: out["periods"],
                "convenant-settlement/3": lambda: out["settlements"],
            }.get(out["schema"], lambda: [out])()
            for one in settlements:
                money = {k: Decimal(one[k]) for k in ("max_subsidy", "effort_pool", "result_pool", "subsidy", "paid", "balance")}
                assert money["effort_pool"] + money["result_pool"] == money["max_subsidy"]
                gross = money["effort_pool"] + Decimal(one["results"]["payout"]) - Decimal(one["deduction"]["amount"])
                ceiling = max(Decimal(0), gross)
                assert Decimal(one.get("costs", {}).get("ceiling", ceiling)) == ceiling <= money["max_subsidy"]
                if one["ceilings"]:  # S20: no cost statement (or not capped): the subsidy is the ceiling
                    assert money["subsidy"] == ceiling
                else:  # S20: min(ceiling, eligible)
                    assert money["subsidy"] == min(ceiling, Decimal(one["costs"]["eligible"]))
                assert money["balance"] == money["subsidy"] - money["paid"]
            if "total" in out:
                for key, value in out["total"].items():
                    assert Decimal(value) == sum(Decimal(one[key]) for one in settlements)


# --- issue 18: the Part II keys, each mutated where it lives ---------------------------------------

#: Each key of Part II (SPEC §7–§10), the example holding it, its file, and the path of the key.
PART_II = {
    "amendments": ("09-extension-year", "convenant.yaml", ("amendments",)),
    "dated rules": ("09-extension-year", "convenant.yaml", ("absence_rules",)),
    "payments per period": ("09-extension-year", "payments.yaml", ("payments",)),
    "termination": ("10-terminated-by-notice", "convenant.yaml", ("termination",)),
    "reports": ("07-everything-together", "convenant.yaml", ("reports",)),  # the bundled agreement's, copied in
}
#: What a hand edit of these keys puts where it does not belong: an unknown or the other period,
#: a date the calendar has not or outside every term, a kind of the other key, a share out of range.
PART_II_VALUES = ODD_VALUES + [
    "verlenging-2025-2026", "lokale-besturen-2023-2025", "verlenging", "2026-02-29", "2025-07-01", "2023-06-30",
    "2031-01-01", "notice", "mutual", "immediate", "progress", "final", "extension", "change", "government",
    "sector", 0.5, 56, 365, {"from": "2026-01-01", "value": 56}, [{"from": "2023-07-01", "value": 14}],
]


def _under(text: str, prefix: tuple, data: st.DataObject) -> str:
    """Delete, replace (with a value of PART_II_VALUES) or duplicate one value at or below ``prefix``."""
    picked = _picked(text, data, prefix)
    if picked is None:
        return text
    doc, parent, key = picked
    how = data.draw(st.sampled_from(["delete", "replace", "duplicate"]), label="how")
    if how == "delete":
        del parent[key]
    elif how == "duplicate" and isinstance(parent, list):
        parent.insert(key, parent[key])  # the same amendment, payment or report twice
    else:
        parent[key] = data.draw(st.sampled_from(PART_II_VALUES), label="value")
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(sorted(PART_II)), data=st.data())
def test_mutated_part_ii_keys_exit_0_or_2_without_traceback(key, data):
    """Amendments, dated rules, payments per period, a termination and the reports, each broken where it
    lives, through settle (JSON, whose figures must still add up) and calendar: exit 0 or 2, never more."""
    example, name, prefix = PART_II[key]
    with tempfile.TemporaryDirectory() as tmp:
        case = _case(EXAMPLES_BY_NAME[example], Path(tmp))
        target = case / name
        target.write_text(_under(target.read_text(encoding="utf-8"), prefix, data), encoding="utf-8")
        event(key)
        for args in (["settle", str(case), "-f", "json"], ["calendar", str(case), "-f", "json"]):
            result = CliRunner().invoke(app, args)
            assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
            assert result.exit_code in (0, 2), (args, result.output)
            if result.exit_code == 2:
                assert result.stdout == ""
                lines = result.stderr.splitlines()
                assert lines and all(PROBLEM_LINE.match(line) or SUMMARY.match(line) for line in lines), lines
            elif args[0] == "settle":
                out = json.loads(result.stdout)
                settlements = out["periods"] if out["schema"] == "convenant-settlement/2" else [out]
                for one in settlements:
                    gross = Decimal(one["effort_pool"]) + Decimal(one["results"]["payout"]) - Decimal(
                        one["deduction"]["amount"]
                    )
                    ceiling = max(Decimal(0), gross)
                    capped = min(ceiling, Decimal(one["costs"]["eligible"])) if not one["ceilings"] else ceiling
                    assert Decimal(one["subsidy"]) == capped  # S20
                    assert Decimal(one["balance"]) == Decimal(one["subsidy"]) - Decimal(one["paid"])
            else:
                assert json.loads(result.stdout)["schema"] == "convenant-calendar/1"


EXAMPLES_BY_NAME = {p.name: p for p in EXAMPLES}


def test_every_part_ii_key_is_where_the_fuzz_looks_for_it():
    for key, (example, name, prefix) in PART_II.items():
        with tempfile.TemporaryDirectory() as tmp:
            case = _case(EXAMPLES_BY_NAME[example], Path(tmp))
            doc = yaml.safe_load((case / name).read_text(encoding="utf-8"))
            assert prefix[0] in doc, key
