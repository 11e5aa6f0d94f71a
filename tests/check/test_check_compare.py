"""expected.yaml against the JSON contract, and the difference message, below the CLI."""

from __future__ import annotations

from decimal import Decimal

from convenant_calc.io import yamlpos
from convenant_calc.io.bundled import examples_dir
from convenant_calc.casebook.compare import compare, settle_dir
from convenant_calc.casebook.expected import validate
from convenant_calc.casebook.model import FIELDS, Kind
from convenant_calc.casebook.render import difference_text

EXAMPLE_02 = examples_dir() / "02-long-sickness-partly-replaced"


def leaves(mapping: dict, prefix: tuple = ()) -> list[tuple]:
    out = []
    for key, value in mapping.items():
        if isinstance(value, dict):
            out.extend(leaves(value, prefix + (key,)))
        else:
            out.append(prefix + (key,))
    return out


def test_fields_are_exactly_the_leaves_of_the_json_contract_in_order():
    actual, _ = settle_dir(EXAMPLE_02)
    # S20: without a costs.yaml no costs block, and the flag saying the figures are ceilings
    assert leaves(actual) == [f for f in FIELDS if f[0] != "costs"] + [("ceilings",)]
    assert actual["ceilings"] is True
    from convenant_calc.core.settlement import settle_agreement
    from convenant_calc.io.loading import load_case
    from convenant_calc.render.json import costs_dict, settlement_dict

    case = load_case(examples_dir() / "17-cost-statement").case
    (line,) = settle_agreement(case).select(line="duaal-leren").settlements
    assert leaves({**settlement_dict(line, keys=()), **costs_dict(line)}) == list(FIELDS) + [("ceilings",)]


def expected_from(text: str):
    return validate(yamlpos.parse(text, "expected.yaml"), allow_empty=False)


def test_the_issue_message_for_a_subsidy_one_euro_short():
    actual, _ = settle_dir(EXAMPLE_02)
    assert actual["subsidy"] == "396819.92"  # SPEC §5 (a), derived in examples/02/README.md
    short = {**actual, "subsidy": "396818.92"}  # as if the tool had lost a euro
    (difference,) = compare(expected_from('# note\nsubsidy: "396819.92"\n'), short)
    assert difference.difference == Decimal("-1.00")
    assert difference_text(difference) == "expected.yaml:2:10: subsidy: expected 396819.92, got 396818.92 (\u22121.00)"
    assert difference_text(difference, "-") == "expected.yaml:2:10: subsidy: expected 396819.92, got 396818.92 (-1.00)"


def test_values_are_read_exactly_whatever_their_yaml_spelling():
    expected = expected_from(
        'subsidy: 396819.92\nbalance: "396819.92"\npaid: 0\nterm: {days: "731", start: 2023-07-01}\n'
        'deduction: {shortfall_fte_days: 12.0, daily_rate: "145.006840"}\nconvenant: lokale-besturen-2023-2025\n'
    )
    values = {e.field: (e.kind, e.value) for e in expected.expectations}
    assert values[("subsidy",)] == (Kind.MONEY, Decimal("396819.92"))
    assert values[("paid",)] == (Kind.MONEY, Decimal(0))
    assert values[("term", "days")] == (Kind.COUNT, 731)
    assert values[("term", "start")] == (Kind.DATE, "2023-07-01")
    actual, _ = settle_dir(EXAMPLE_02)
    assert compare(expected, actual) == []


def test_a_rate_difference_keeps_its_decimals():
    actual, _ = settle_dir(EXAMPLE_02)
    # 424000 / 2924 = 145.006839… shown as 145.006840; a spreadsheet's 145.01 is 0.00316 above.
    (difference,) = compare(expected_from('deduction: {daily_rate: "145.01"}\n'), actual)
    assert difference_text(difference).endswith(
        "deduction.daily_rate: expected 145.01, got 145.006840 (\u22120.003160)"
    )


def test_text_and_dates_differ_without_an_amount():
    actual, _ = settle_dir(EXAMPLE_02)
    (difference,) = compare(expected_from('term: {end: 2025-06-29}\nsubsidy: "396819.92"\n'), actual)
    assert difference_text(difference) == "expected.yaml:1:13: term.end: expected 2025-06-29, got 2025-06-30"
