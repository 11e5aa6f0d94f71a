"""Issue 23: a generation settles each agreement as it reads it, in little memory, with the same output.

The first pass finds two cases of one agreement from each convenant.yaml's ``id`` alone
(:func:`~convenant_calc.io.loading.agreement_id`); the xlsx workbook is written from sheets recorded per
agreement and packed until XlsxWriter writes them. These tests hold the shortcuts to what they replace.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
import xlsxwriter

from convenant_calc.cli.generation import run_generation
from convenant_calc.io import loading, yamlpos
from convenant_calc.io.bundled import examples_dir
from convenant_calc.io.problems import InputError
from convenant_calc.render import generation_xlsx

EXAMPLES = examples_dir()
SAMPLE = EXAMPLES / "generation"
BUNDLED = "lokale-besturen-2023-2025"


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _loaded_id(case: Path) -> str | None:
    try:
        return loading.load_case(case, pending_allowed=True).case.convenant.id  # 11: results still to come
    except InputError:
        return None


def _every_case() -> list[Path]:
    return sorted(p.parent for p in EXAMPLES.glob("**/results.yaml"))


@pytest.mark.parametrize("case", _every_case(), ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_the_cheap_id_of_every_shipped_case_is_the_loaded_one(case):
    # every shipped case settles; its agreement id, read up to convenant.yaml's `id` (or the bundled
    # agreement results.yaml names), is the one loading gives it
    assert loading.agreement_id(case) == _loaded_id(case) is not None


CONVENANT = """\
title: Een
term:
  start: 2024-01-01
  end: 2024-12-31
{id}
max_subsidy: 100000
consultants_fte: 1
result_commitments:
  - {{id: R1, title: Eerste, target: 10}}
"""


@pytest.mark.parametrize(
    ("line", "cheap", "loaded"),
    [
        ("id: twee", "twee", "twee"),  # after a nested mapping, not the first key
        ("id: 'drie'", "drie", "drie"),
        ('"id": "vier"', "vier", "vier"),  # a quoted key is the same key
        ("id: ' vijf '", None, "vijf"),  # the model strips the spaces: known only by loading
        ("id: 6", None, None),  # a number: refused by the model
        ("id: [zeven]", None, None),
        ("id: &a acht", None, None),  # an anchor: refused by the reader
        ("id: negen\nid: tien", "negen", None),  # a duplicate key: refused, whatever the first pass read
        ("", None, None),  # no id: refused
    ],
)
def test_the_cheap_id_is_the_loaded_id_or_none(here, line, cheap, loaded):
    case = here / "case"
    case.mkdir()
    (case / "convenant.yaml").write_text(CONVENANT.format(id=line), encoding="utf-8")
    (case / "results.yaml").write_text("results:\n  - {commitment: R1, achieved: 10}\n", encoding="utf-8")
    assert loading.agreement_id(case) == cheap
    assert _loaded_id(case) == loaded


def _named_in_absences(case: Path) -> Path:
    """The case naming the bundled agreement in absences.yaml only (not in results.yaml)."""
    results, absences = case / "results.yaml", case / "absences.yaml"
    text = results.read_text(encoding="utf-8")
    assert f"convenant: {BUNDLED}\n" in text
    results.write_text(text.replace(f"convenant: {BUNDLED}\n", ""), encoding="utf-8")
    absences.write_text(f"convenant: {BUNDLED}\n" + absences.read_text(encoding="utf-8"), encoding="utf-8")
    return case


def test_an_agreement_named_only_in_absences_is_known_by_loading(here):
    case = _named_in_absences(Path(shutil.copytree(EXAMPLES / "02-long-sickness-partly-replaced", here / "c")))
    assert loading.agreement_id(case) is None
    assert _loaded_id(case) == BUNDLED


def _generation(root: Path, fmt: str = "json") -> tuple[int, dict, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_generation(root, fmt=fmt, out=out, err=err)
    return code, json.loads(out.getvalue()), err.getvalue()


def test_two_cases_of_one_agreement_are_found_when_only_loading_tells(here):
    # 01 names the bundled agreement in results.yaml (read cheaply); 02 only in absences.yaml, so its id is
    # known by loading it in the first pass. Both fail, naming each other; 03, the same agreement with a
    # broken results.yaml, fails on its own and is not a case of that agreement.
    gen = here / "gen"
    for name in ("01-no-absences", "02-long-sickness-partly-replaced", "03-relapse-within-14-days"):
        shutil.copytree(EXAMPLES / name, gen / name)
    _named_in_absences(gen / "02-long-sickness-partly-replaced")
    (gen / "03-relapse-within-14-days" / "results.yaml").write_text(
        f"convenant: {BUNDLED}\nresults: [\n", encoding="utf-8"
    )
    code, out, err = _generation(gen)
    assert code == 2
    assert out["agreements"] == []
    assert [f["case"] for f in out["failed"]] == [
        "01-no-absences", "02-long-sickness-partly-replaced", "03-relapse-within-14-days"
    ]
    assert out["failed"][0]["errors"] == [
        f"gen/01-no-absences: agreement {BUNDLED} is also the agreement of gen/02-long-sickness-partly-replaced; "
        "a generation counts each agreement once: remove the cases that are not this agreement's, or give each "
        "its own agreement id"
    ]
    assert out["failed"][2]["errors"][0].startswith("gen/03-relapse-within-14-days/results.yaml:")
    assert "also the agreement" not in out["failed"][2]["errors"][0]


def test_an_id_with_spaces_is_the_same_agreement(here):
    # ' 01-bouw ' is 01-bouw once the model strips it: the cheap pass cannot say so, loading does
    gen = Path(shutil.copytree(SAMPLE, here / "G", ignore=shutil.ignore_patterns("expected-totals.yaml")))
    twin = Path(shutil.copytree(gen / "01-bouw", gen / "15-bouw-again"))
    text = (twin / "convenant.yaml").read_text(encoding="utf-8")
    conv_id = next(line for line in text.splitlines() if line.startswith("id: "))[4:]
    (twin / "convenant.yaml").write_text(text.replace(f"id: {conv_id}", f"id: ' {conv_id} '", 1), encoding="utf-8")
    assert loading.agreement_id(twin) is None
    code, out, _ = _generation(gen)
    assert code == 2
    assert [f["case"] for f in out["failed"]] == ["01-bouw", "15-bouw-again"]
    assert out["total"]["agreements"] == 13


def test_each_case_is_settled_before_the_next_is_read(here, monkeypatch):
    # the memory goal: a case is loaded, settled and dropped in turn; only the cases that may share an
    # agreement (here 01 and 02, both on the bundled one) are loaded in the first pass
    gen = here / "gen"
    for name in ("01-no-absences", "02-long-sickness-partly-replaced"):
        shutil.copytree(EXAMPLES / name, gen / name)
    for name in ("01-bouw", "02-zorg", "03-horeca"):
        shutil.copytree(SAMPLE / name, gen / f"s-{name}")
    from convenant_calc.core import settlement

    events: list[str] = []
    load, settle = loading.load_case, settlement.settle_agreement

    def loaded(case_dir, **kw):
        events.append(f"load {case_dir.name}")
        return load(case_dir, **kw)

    def settled(case):
        events.append(f"settle {case.convenant.id}")
        return settle(case)

    monkeypatch.setattr(loading, "load_case", loaded)
    monkeypatch.setattr(settlement, "settle_agreement", settled)
    code, out, _ = _generation(gen)
    assert code == 2  # 01 and 02: one agreement
    ids = [a["convenant"] for a in out["agreements"]]
    assert events == [
        "load 01-no-absences", "load 02-long-sickness-partly-replaced",
        "load s-01-bouw", f"settle {ids[0]}", "load s-02-zorg", f"settle {ids[1]}", "load s-03-horeca",
        f"settle {ids[2]}",
    ]


def _plain(monkeypatch) -> None:
    """XlsxWriter as it is, every sheet's cells held until the end, its XML parts in StringIO buffers."""
    monkeypatch.setattr(generation_xlsx, "_Workbook", xlsxwriter.Workbook)
    monkeypatch.setattr(generation_xlsx._PackedSheet, "pack", lambda self, formats: None)


def test_the_packed_workbook_is_the_plain_one_byte_for_byte(here, monkeypatch):
    # the sample generation (14 agreements), an agreement of two periods and of three lines (examples 15, 13)
    gen = Path(shutil.copytree(SAMPLE, here / "G", ignore=shutil.ignore_patterns("expected-totals.yaml")))
    for name, new_id in (("15-extension-continues-one-addendum", "vijftien"), ("13-addendum-duaal-leren", "dertien")):
        case = Path(shutil.copytree(EXAMPLES / name, gen / name))
        for path in case.glob("*.yaml"):
            path.write_text(path.read_text(encoding="utf-8").replace(BUNDLED, new_id), encoding="utf-8")
    assert run_generation(gen, fmt="xlsx", output=here / "packed.xlsx", out=io.StringIO(), err=io.StringIO()) == 0
    with monkeypatch.context() as m:
        _plain(m)
        assert run_generation(gen, fmt="xlsx", output=here / "plain.xlsx", out=io.StringIO(), err=io.StringIO()) == 0
    packed, plain = (here / "packed.xlsx").read_bytes(), (here / "plain.xlsx").read_bytes()
    assert len(packed) > 20_000  # 17 sheets
    assert packed == plain


def test_a_file_without_a_fault_gets_its_positions_when_first_asked():
    text = "a: 1\nb:\n  - {x: 2024-01-08}\n  - y\n"
    doc = yamlpos.parse(text, "x.yaml")
    assert doc._marks is None  # not worked out yet
    assert doc.value == {"a": 1, "b": [{"x": "2024-01-08"}, "y"]}
    assert str(doc.position(("b", 0, "x"))) == "x.yaml:3:9"  # "  - {x: " is eight characters
    assert str(doc.position(("b", 1))) == "x.yaml:4:5"
    assert str(doc.position(("a",), key=True)) == "x.yaml:1:1"


@given(st.text(alphabet="0123456789-+.eE_:x ", min_size=1, max_size=14))
def test_a_plain_scalar_is_read_as_the_patterns_say(text):
    # the shortcuts for dates and plain digits give what the two patterns give
    from decimal import Decimal

    if yamlpos._INT.match(text):
        expected = int(text) if len(text) <= 1000 else Decimal(text)
    elif yamlpos._DECIMAL.match(text):
        expected = Decimal(text)
    else:
        expected = text
    value = yamlpos._scalar(text)
    assert (type(value), value) == (type(expected), expected)
