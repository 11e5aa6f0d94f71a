"""The reader of the plain layout (``yamlpos._plain_value``, issue 23) reads what it accepts as ``_value`` does.

It reads the files of most cases without PyYAML's events and hands every other file to ``_value``
(:class:`yamlpos._NotPlain`). So: whatever it accepts, ``_value`` accepts too, with the same value
(types and key order included); and it does accept the layout the generator writes (else the fast
path would be dead and nothing here would notice). ``test_yamlpos_single_pass`` compares ``parse``,
which tries it first, with the reader of issue 6 on every shipped file and its mutations.
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convenant_calc.io import yamlpos

from ..conftest import ROOT
from .test_yamlpos_single_pass import _typed  # every type spelled out: 1, Decimal(1) and True differ

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate_cases  # noqa: E402  (a script, not a package)


def _agrees(text: str) -> bool:
    """Whether the plain reader accepts ``text``; when it does, ``_value`` must give the same value."""
    try:
        plain = yamlpos._plain_value(text)
    except yamlpos._NotPlain:
        return False
    assert _typed(plain) == _typed(yamlpos._value(text)), f"the readers disagree on {text!r}"
    return True


def test_generated_cases_are_read_plainly(tmp_path):
    dirs = generate_cases.generate(tmp_path / "cases", count=40, seed=3, with_bundled=False)
    files = [f for d in dirs for f in sorted(d.glob("*.yaml")) if f.name != "expected.yaml"]
    read = [_agrees(f.read_text(encoding="utf-8")) for f in files]
    assert len(files) >= 120 and all(read)


def test_a_case_file_by_hand():
    text = (
        "consultants:\n"
        "  - {id: c01, fte: 0.5, employed: {from: 2021-04-06}}\n"
        "  - {id: c02, fte: 1}\n"
        "absences:\n"
        "  - consultant: c01\n"
        "    kind: sickness\n"
        "    from: 2022-02-12\n"
        "    to: 2022-03-27\n"
        "    replacement:\n"
        "      - {from: 2022-02-25, to: 2022-03-17, fte: 0.5}\n"
        "    note: 'it''s'\n"  # an escaped quote: not plain, read by _value
    )
    assert not _agrees(text)
    text = text.replace("'it''s'", '"it\'s"')
    assert _agrees(text)
    value = yamlpos._plain_value(text)
    assert value["consultants"][0] == {"id": "c01", "fte": Decimal("0.5"), "employed": {"from": "2021-04-06"}}
    assert value["absences"][0]["replacement"] == [{"from": "2022-02-25", "to": "2022-03-17", "fte": Decimal("0.5")}]
    assert value["absences"][0]["note"] == "it's"


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # a duplicate key
        "a: 1 # note\n",  # a comment
        "a: &x 1\n",  # an anchor
        "a: x\n  y\n",  # a scalar continued on the next line
        "a:\n  b: 1\n c: 2\n",  # an indentation that closes nothing
        "--- \na: 1\n",  # a document marker
        "a: b: c\n",  # a colon in a value
        "a: {b: 1\n",  # an unclosed flow mapping
        "a:\t1\n",  # a tab
        "a: é\n",  # not ASCII
        "- - a\n",  # a sequence in a sequence on one line
        "",  # nothing
    ],
)
def test_what_it_leaves_to_value(text):
    assert not _agrees(text)


def test_containers_closed_several_at_once():
    # one loop reads the lines, the open containers on a stack (issue 23): a line at a smaller indentation
    # closes every container it does not continue, here three at once (the mapping of "- d:", its sequence
    # "c", and the mapping of "b") before "e" continues the top mapping; "key:" then "- item" at the key's
    # own indentation is a sequence; "key:" and nothing is null, also at the end of the text
    text = (
        "a:\n"
        "  b:\n"
        "    c:\n"
        "    - d: 1\n"
        "      f:\n"
        "        - {g: {h: x}}\n"
        "        - []\n"
        "    - 2.50\n"
        "e: 'q'\n"
        "k:\n"
        "- - x\n"
    )
    assert not _agrees(text)  # "- - x": a sequence in a sequence on one line is left to _value
    text = text.replace("- - x", "- z:")
    assert _agrees(text)
    assert yamlpos._plain_value(text) == {
        "a": {"b": {"c": [{"d": 1, "f": [{"g": {"h": "x"}}, []]}, Decimal("2.50")]}},
        "e": "q",
        "k": [{"z": None}],
    }


@pytest.mark.parametrize(
    "text",
    [
        "a: 'x\n  b: y'\n",  # a quoted scalar over two lines: the lines are cut by one expression over the text
        "a: 'x\nb: y'\n",
        '- "x\n- y"\n',
        "a: {b: 'x\n  c: y'}\n",
    ],
)
def test_a_quote_does_not_run_on_to_the_next_line(text):
    assert not _agrees(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a word or number may end in "-" (not in a space): the spaces after it are not its text
        ("a: x -\nb: 1 -  \nc: {d: y - , e: 2 -}\n", {"a": "x -", "b": "1 -", "c": {"d": "y -", "e": "2 -"}}),
        # the values made without _scalar (a date, digits, digits with a point) and those that only look so
        (
            "a: 2024-01-08\nb: 2024-01-08x\nc: 0123\nd: 12.50\ne: 1.5e3\nf: 2024-1-8\ng: 12345.5\nh: 1.\n",
            {
                "a": "2024-01-08",
                "b": "2024-01-08x",
                "c": 123,
                "d": Decimal("12.50"),
                "e": Decimal("1.5e3"),
                "f": "2024-1-8",
                "g": Decimal("12345.5"),
                "h": Decimal("1."),
            },
        ),
        ("a: {b: 2024-01-08 , c: 0123, d: 12.50}\n", {"a": {"b": "2024-01-08", "c": 123, "d": Decimal("12.50")}}),
        # up to 1,000 digits an int, as _scalar makes it; more: a Decimal
        (f"a: {'9' * 1000}\nb: {'9' * 1001}\n", {"a": int("9" * 1000), "b": Decimal("9" * 1001)}),
        (f"a: {{b: {'9' * 1001}}}\n", {"a": {"b": Decimal("9" * 1001)}}),
    ],
)
def test_scalars_made_inline(text, value):
    assert _agrees(text)  # _typed spells a Decimal out with its exponent: 12.50 is not 12.5
    assert _typed(yamlpos._plain_value(text)) == _typed(value)


_INDENTS = ["", " ", "  ", "   ", "    ", "      "]
_HEADS = ["- ", "-", "a: ", "b: ", "a:", "- a: ", "- b: ", "-  a: ", "", "key_1: ", "- - ", "a : ", "a:b "]
_VALUES = [
    "1", "0.5", "x y", "x  y", "-5", ".5", "+1", "'q'", "'q\"r'", '"d"', '"d\'e"', "''", "{a: 1}", "{a: {b: c}}",
    "{}", "[]", "", "null", "~", "a:b", "-", "- x", "2024-01-08", "1e3", "1.", "no", "True", "x(y)", "a/b",
    "{a: 1, b: 2}", "{a: 1,b: 2}", "{a:1}", "{a: 1, a: 2}", "{a: x y , b: 'z'}", "{ a: 1 }", "{a: 1}}", "{a: {}}",
    "[1]", "x #c", "x,y", "-x", ".x", "0x1F", "010", "x - y", "{a: -}", "{a: .5, b: -1}", "'a' b", "1:30", "{a: b: c}",
]
_LINE = st.tuples(
    st.sampled_from(_INDENTS), st.sampled_from(_HEADS), st.sampled_from(_VALUES), st.sampled_from(["", " "])
).map("".join)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=7), st.sampled_from(["", "\n", "\n\n"]))
def test_line_soup_reads_the_same(lines, end):
    _agrees("\n".join(lines) + end)


def test_generated_files_cut_and_reindented_read_the_same(tmp_path):
    dirs = generate_cases.generate(tmp_path / "cases", count=10, seed=5, with_bundled=False)
    rng = random.Random(23)
    accepted = 0
    for f in (f for d in dirs for f in sorted(d.glob("*.yaml"))):
        lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
        for _ in range(60):
            i = rng.randrange(len(lines))
            changed = list(lines)
            roll = rng.random()
            if roll < 0.4:
                changed[i] = " " * rng.randint(0, 6) + changed[i].lstrip(" ")
            elif roll < 0.6:
                changed.insert(i, changed[i])
            else:
                at = rng.randint(0, len(changed[i]))
                changed[i] = changed[i][:at] + rng.choice(["- ", ": ", " ", "{", "}", ",", "x", "'"]) + changed[i][at:]
            accepted += _agrees("".join(changed))
    assert accepted > 300  # most changes leave a plain layout: the comparison ran
