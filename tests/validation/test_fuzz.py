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


def _paths(value, prefix=()):
    """Every path to a value inside a loaded YAML document."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


def _structural(text: str, data: st.DataObject) -> str:
    """Delete a key / list item, or swap a value for one of another type, then write YAML again."""
    doc = yaml.safe_load(text)
    paths = [p for p in _paths(doc) if p]
    if not paths:
        return text
    path = data.draw(st.sampled_from(paths), label="path")
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    if data.draw(st.booleans(), label="delete"):
        del parent[path[-1]]
    else:
        parent[path[-1]] = data.draw(st.sampled_from(ODD_VALUES), label="value")
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
                assert money["subsidy"] == max(Decimal(0), gross) <= money["max_subsidy"]
                assert money["balance"] == money["subsidy"] - money["paid"]
            if "total" in out:
                for key, value in out["total"].items():
                    assert Decimal(value) == sum(Decimal(one[key]) for one in settlements)
