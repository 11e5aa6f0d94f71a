"""yamlpos reads the parser's events in one pass (issue 6); what it refuses and where it says so is unchanged."""

from __future__ import annotations

from decimal import Decimal

import pytest

from convenant_calc import yamlpos


def problem(text: str) -> str:
    with pytest.raises(yamlpos.YamlError) as info:
        yamlpos.parse(text, "f.yaml")
    return str(info.value.problem)


def test_values_and_positions():
    doc = yamlpos.parse("a: 0.1\nb:\n  - {c: 010, d: no}\n  - 'x'\n", "f.yaml")
    assert doc.value == {"a": Decimal("0.1"), "b": [{"c": 10, "d": "no"}, "x"]}
    assert str(doc.position(("b", 0, "d"))) == "f.yaml:3:17"
    assert str(doc.position(("b", 1))) == "f.yaml:4:5"
    assert str(doc.position(("b", 0, "c"), key=True)) == "f.yaml:3:6"
    assert str(doc.position(("b", 7, "nothing"))) == "f.yaml:3:3"  # nearest existing parent: the list


@pytest.mark.parametrize(
    "text, message",
    [
        ("a: &x 1\nb: 2\n", "f.yaml:1:4: anchors (&name) are not allowed; write the value out in full"),
        ("a: 1\nb: *x\n", "f.yaml:2:4: aliases (*name) are not allowed; write the value out in full"),
        ("a: !!str 1\n", "f.yaml:1:4: YAML tags such as 'tag:yaml.org,2002:str' are not allowed; remove the tag"),
        ("<<: {a: 1}\n", "f.yaml:1:1: merge keys (<<) are not allowed; write the keys out in full"),
        ("a: 1\nb: 2\na: 3\n", "f.yaml:3:1: duplicate key 'a' (first given at line 1); keep only one"),
        ("? [k]\n: v\n", "f.yaml:1:3: a key must be a plain name, not a list or mapping"),
        (
            "a: 1\n---\nb: 2\n",
            "f.yaml:2:1: not valid YAML: but found another document; check the indentation and quoting here",
        ),
    ],
)
def test_refusals_keep_their_place_and_words(text, message):
    assert problem(text) == message


def test_a_syntax_error_further_on_is_reported_before_the_shape_it_garbled():
    # The stray '}' makes "{commitment: R2,}" a key; the parser then fails at column 23. That
    # syntax error is what the user must fix, so it wins over "a key must be a plain name" at 3:5.
    text = "results:\n  - {commitment: R1, achieved: 17}\n  - {commitment: R2,} achieved: 122}\n"
    assert problem(text).startswith("f.yaml:3:23: not valid YAML: did not find expected key")


def test_an_alias_bomb_is_refused_at_its_first_alias():
    bomb = "a: &a [x, x]\n" + "".join(f"{chr(98 + i)}: [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20))
    assert problem(bomb) == "f.yaml:1:4: anchors (&name) are not allowed; write the value out in full"


def test_empty_and_comment_only_files_have_no_value():
    for text, where in (("", "f.yaml:1:1"), ("# nothing\n", "f.yaml:1:1"), ("---\n", "f.yaml:2:1")):
        doc = yamlpos.parse(text, "f.yaml")
        assert doc.value is None and str(doc.position(())) == where
