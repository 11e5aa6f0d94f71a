"""The YAML layer: positions, exact numbers, no YAML 1.1 surprises, refused constructs (issue 3, item 1)."""

from __future__ import annotations

import re
import time
from decimal import Decimal
from pathlib import Path

import pytest

from convenant_calc.io import yamlpos
from convenant_calc.io.yamlpos import MAX_BYTES

from .conftest import RESULTS


def test_scalars_are_read_the_way_a_person_means_them():
    doc = yamlpos.parse("a: 0.1\nb: no\nc: on\nd: 010\ne: 1:30\nf: 2024-02-30\ng: true\nh: ~\ni: '12'\n", "x.yaml")
    assert doc.value == {
        "a": Decimal("0.1"),  # exact, never the float 0.1000000000000000055...
        "b": "no",
        "c": "on",
        "d": 10,  # not octal 8
        "e": "1:30",  # not sexagesimal 90
        "f": "2024-02-30",  # dates are left to the models, which report them with their position
        "g": True,
        "h": None,
        "i": "12",
    }
    assert isinstance(doc.value["a"], Decimal)


def test_positions_of_values_and_keys():
    doc = yamlpos.parse("term:\n  start: 2024-01-01\n  end: 2024-12-31\nlist:\n  - {x: 1}\n", "x.yaml")
    assert str(doc.position(("term", "end"))) == "x.yaml:3:8"
    assert str(doc.position(("term", "end"), key=True)) == "x.yaml:3:3"
    assert str(doc.position(("list", 0, "x"))) == "x.yaml:5:9"
    assert str(doc.position(("list", 0, "missing"))) == "x.yaml:5:5"  # nearest existing parent


def test_duplicate_key(case):
    assert case.errors(**{"results.yaml": RESULTS + "results: []\n"}) == [
        "case/results.yaml:4:1: duplicate key 'results' (first given at line 1); keep only one",
        "1 error in 1 file",
    ]


def test_anchor(case):
    text = "results:\n  - &first {commitment: R1, achieved: 10}\n  - {commitment: R2, achieved: 4}\n"
    assert case.errors(**{"results.yaml": text}) == [
        "case/results.yaml:2:5: anchors (&name) are not allowed; write the value out in full",
        "1 error in 1 file",
    ]


def test_alias(case):
    text = "results:\n  - {commitment: R1, achieved: 10}\n  - *second\n"
    assert case.errors(**{"results.yaml": text}) == [
        "case/results.yaml:3:5: aliases (*name) are not allowed; write the value out in full",
        "1 error in 1 file",
    ]


def test_merge_key(case):
    text = "results:\n  - {commitment: R1, achieved: 10}\n  - {<<: {commitment: R2}, achieved: 4}\n"
    assert case.errors(**{"results.yaml": text}) == [
        "case/results.yaml:3:6: merge keys (<<) are not allowed; write the keys out in full",
        "1 error in 1 file",
    ]


def test_tag(case):
    text = "results:\n  - {commitment: R1, achieved: !!float 10}\n  - {commitment: R2, achieved: 4}\n"
    assert case.errors(**{"results.yaml": text}) == [
        "case/results.yaml:2:32: YAML tags such as 'tag:yaml.org,2002:float' are not allowed; remove the tag",
        "1 error in 1 file",
    ]


def test_invalid_yaml(case):
    text = "results:\n  - {commitment: R1, achieved: 10\n  - {commitment: R2, achieved: 4}\n"
    assert case.errors(**{"results.yaml": text}) == [
        "case/results.yaml:3:5: not valid YAML: did not find expected ',' or '}'; "
        "check the indentation and quoting here",
        "1 error in 1 file",
    ]


def test_tab_indentation(case):
    text = "results:\n\t- {commitment: R1, achieved: 10}\n"
    assert case.errors(**{"results.yaml": text}) == [
        "case/results.yaml:2:1: a tab character; YAML indents with spaces, not tabs",
        "1 error in 1 file",
    ]


def test_control_character(case):
    assert case.errors(**{"results.yaml": RESULTS.replace("R2", "R\x072")}) == [
        "case/results.yaml:3:19: character #x0007 is not allowed in YAML (a control character); remove it",
        "1 error in 1 file",
    ]


def test_control_character_after_non_ascii_text_is_placed_in_characters(case):
    # Issue 18 item 11: line 2 holds 30 'é' (60 bytes); the control character is the first
    # character of line 3. The C parser reports a byte offset (2 + 60 + 1 bytes further on than
    # the line's start), which read as characters placed it at 4:30.
    text = "results:\n# " + "é" * 30 + "\n\x01\n"
    assert case.errors(**{"results.yaml": text}) == [
        "case/results.yaml:3:1: character #x0001 is not allowed in YAML (a control character); remove it",
        "1 error in 1 file",
    ]
    # on a line after the text: columns count characters ('#', ' ', 5 × 'é', ' ', then the BEL: column 9)
    text = "results:\n  - {commitment: R1, achieved: 10}\n# ééééé \x07\n"
    assert case.errors(**{"results.yaml": text})[0].startswith("case/results.yaml:3:9: character #x0007")


def test_not_utf8_after_non_ascii_text_is_placed_in_characters(case):
    # "# ééé " is 6 characters but 9 bytes; the bad byte is the 7th character of line 2
    (case.dir / "results.yaml").write_bytes("results: []\n# ééé \xff\n".encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
    run = case.run()
    assert run.lines == ["case/results.yaml:2:7: not UTF-8 text; save the file as UTF-8", "1 error in 1 file"]


def test_not_utf8(case):
    (case.dir / "results.yaml").write_bytes(b"results:\n  - {commitment: R1, achieved: 10}  # caf\xe9\n")
    run = case.run()
    assert run.exit_code == 2
    assert run.lines == ["case/results.yaml:2:42: not UTF-8 text; save the file as UTF-8", "1 error in 1 file"]


def test_file_too_large_is_refused_before_parsing(case):
    (case.dir / "absences.yaml").write_bytes(b"# padding\n" * (MAX_BYTES // 10 + 1))
    run = case.run()
    assert run.exit_code == 2
    assert run.lines == [
        f"case/absences.yaml:1:1: file is {MAX_BYTES + 10 - MAX_BYTES % 10} bytes; input files may be at most "
        f"{MAX_BYTES} bytes (is this the right file?)",
        "1 error in 1 file",
    ]


def test_empty_file(case):
    assert case.errors(**{"absences.yaml": "# nothing yet\n"}) == [
        "case/absences.yaml:1:1: absences.yaml is empty; write 'absences: []' for a case without absences, "
        "or delete the file",
        "1 error in 1 file",
    ]


def test_a_list_instead_of_a_mapping(case):
    assert case.errors(**{"payments.yaml": "- {date: 2024-03-01, amount: 10.00}\n"}) == [
        "case/payments.yaml:1:1: payments.yaml is a list, not a mapping of keys; "
        "start the file with 'payments:' and indent the list below it",
        "1 error in 1 file",
    ]


def _alias_bomb() -> str:
    """The "billion laughs": ten levels of ten aliases each, 10**10 strings once expanded."""
    lines = ['a0: &a0 "lol"']
    for n in range(1, 11):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]")
    return "\n".join(lines) + "\nresults: *a10\n"


def test_alias_bomb_is_rejected_within_a_second(case):
    # The issue demands this bound; expanding the bomb would take hours and exhaust memory.
    (case.dir / "results.yaml").write_text(_alias_bomb())
    start = time.perf_counter()
    run = case.run()
    elapsed = time.perf_counter() - start
    assert run.exit_code == 2
    assert run.lines == [
        "case/results.yaml:1:5: anchors (&name) are not allowed; write the value out in full",
        "1 error in 1 file",
    ]
    assert elapsed < 1.0


def test_alias_bomb_without_anchors_first_is_rejected_at_its_first_alias(tmp_path: Path):
    # A bomb hidden in a stream whose first anchor-free line is an alias: refused at that alias.
    text = "x: *a9\n" + _alias_bomb()
    path = tmp_path / "bomb.yaml"
    path.write_text(text)
    start = time.perf_counter()
    with pytest.raises(yamlpos.YamlError) as caught:
        yamlpos.load(path, "bomb.yaml")
    assert time.perf_counter() - start < 1.0
    assert str(caught.value.problem) == "bomb.yaml:1:4: aliases (*name) are not allowed; write the value out in full"


def test_absurd_nesting_is_refused_before_building_the_tree(case):
    # 5000 brackets would exhaust Python's stack while converting the nodes. Which limit
    # fires first (ours at 20 levels, or libyaml's own, 1000 since 0.2.6, while it scans
    # ahead) and its wording depend on the PyYAML build; what the user sees does not:
    # exit 2 (checked by case.errors), one error at a place in results.yaml, no traceback.
    lines = case.errors(**{"results.yaml": "results: " + "[" * 5000 + "]" * 5000 + "\n"})
    assert len(lines) == 2, lines
    assert re.fullmatch(r"case/results\.yaml:1:[0-9]+: .+", lines[0]), lines
    assert lines[1] == "1 error in 1 file"
    assert "Traceback" not in "\n".join(lines)


@pytest.mark.parametrize(
    "text, where",
    [
        ("results: " + "[" * 25 + "]" * 25 + "\n", "1:29"),
        ("".join(" " * i + f"k{i}:\n" for i in range(25)) + " " * 25 + "x\n", "21:21"),
    ],
    ids=["flow", "block"],
)
def test_nesting_past_our_limit_is_refused_with_our_message(case, text, where):
    # Well below libyaml's own limit, so this is always our check, word for word.
    assert case.errors(**{"results.yaml": text}) == [
        f"case/results.yaml:{where}: nested more than 20 levels deep; check the brackets",
        "1 error in 1 file",
    ]


def test_second_document(case):
    assert case.errors(**{"payments.yaml": "payments: []\n---\npayments: []\n"}) == [
        "case/payments.yaml:2:1: a second YAML document ('---'); keep one document per file",
        "1 error in 1 file",
    ]


def test_key_that_is_not_a_name(case):
    assert case.errors(**{"payments.yaml": "payments: []\n? [a]\n: 1\n"}) == [
        "case/payments.yaml:2:3: a key must be a plain name, not a list or mapping; write a name before the colon",
        "1 error in 1 file",
    ]
