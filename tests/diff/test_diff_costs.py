"""S22 over the cost statement (S20): a changed, added or removed cost in costs.yaml is a step, with its
``file:line`` and its effect on the eligible costs, the (capped) subsidy and the balance.

Example 17 (SPEC §14 d), derived in its README: the main line's ceiling 397254.94 against eligible
422000.00 (not capped); the addendum duaal-leren's ceiling 59564.98 against eligible 52000.00
(capped: 52000.00). Subsidy 449254.94, nothing paid, balance 449254.94; eligible 474000.00.
"""

from __future__ import annotations

from .conftest import copy_example, edit, effects, items

AN_SALARY = "{date: 2024-06-30, kind: salary, consultant: an, line: duaal-leren, amount: 11000.00"
HALL = "{date: 2024-03-12, kind: operating, amount: 7000.00"
ROOM = '  - {date: 2025-05-05, kind: project, line: duaal-leren, amount: 9999.99, ref: "factuur 2025-0100"}\n'


def test_costs_that_move_the_cap_and_one_that_does_not(here, diff_json):
    old = copy_example("17", here / "old")
    new = copy_example("17", here / "new")
    edit(new / "costs.yaml", HALL, HALL.replace("7000.00", "7500.00"))  # line 11
    edit(new / "costs.yaml", AN_SALARY, AN_SALARY.replace("11000.00", "12500.00"))  # line 15
    with (new / "costs.yaml").open("a", encoding="utf-8") as f:  # line 18
        f.write(ROOM)

    out, code = diff_json("old", "new")
    assert code == 1
    assert items(out) == [
        [("changed", "cost of 2024-03-12, factuur 2024-0112", "new/costs.yaml:11")],
        [("changed", "cost of 2024-06-30, loonstaat An 2023-07..2024-06, line duaal-leren", "new/costs.yaml:15")],
        [("added", "cost of 2025-05-05, factuur 2025-0100, line duaal-leren", "new/costs.yaml:18")],
    ]
    # effect: (FTE-days short, deduction, payout, eligible, subsidy, balance)
    assert effects(out) == [
        # the main line: eligible 422000.00 + 500.00 = 422500.00 ≥ 397254.94: not capped, subsidy unchanged
        ("0", "0.00", "0.00", "500.00", "0.00", "0.00"),
        # duaal-leren: eligible 52000.00 + 1500.00 = 53500.00 < 59564.98: the cap moves by 1500.00
        ("0", "0.00", "0.00", "1500.00", "1500.00", "1500.00"),
        # duaal-leren: 53500.00 + 9999.99 = 63499.99 ≥ 59564.98: the subsidy reaches its ceiling,
        # 59564.98 − 53500.00 = 6064.98
        ("0", "0.00", "0.00", "9999.99", "6064.98", "6064.98"),
    ]
    # 500.00 + 1500.00 + 9999.99 = 11999.99; 1500.00 + 6064.98 = 7564.98 = 59564.98 − 52000.00
    assert out["total"] == {
        "shortfall_fte_days": "0",
        "deduction": "0.00",
        "payout": "0.00",
        "eligible": "11999.99",
        "subsidy": "7564.98",
        "balance": "7564.98",
    }
    assert out["old"]["figures"]["subsidy"] == "449254.94" and out["old"]["figures"]["eligible"] == "474000.00"
    # 397254.94 + 59564.98 = 456819.92
    assert out["new"]["figures"]["subsidy"] == "456819.92" and out["new"]["figures"]["eligible"] == "485999.99"


def test_a_cost_statement_added_cost_by_cost_and_a_removed_cost(here, diff_json, diff):
    # OLD: example 13 (no costs.yaml: the ceilings 397254.94 + 59564.98 = 456819.92, eligible 0.00).
    # NEW: example 17, the same case with its cost statement: the addendum capped at 52000.00, −7564.98.
    old = copy_example("13", here / "old")
    new = copy_example("17", here / "new")
    # example 17 names the beneficiary and the payer (S21, for its claim); so does OLD here, so that the
    # steps are those of the cost statement
    names = (new / "convenant.yaml").read_text(encoding="utf-8")
    names = names[names.index("# S21:") : names.index("reports:")]
    edit(old / "convenant.yaml", "\nreports:", "\n" + names + "reports:")
    out, code = diff_json("old", "new")
    assert code == 1
    # step 1: convenant.yaml quotes references.eligible_costs (text only, effect 0). Step 2: costs.yaml
    # itself (S20: with a cost statement every line is capped): with none of its costs yet, both lines
    # are capped at 0.00: −456819.92. Then each cost is a step of its own, in costs.yaml's order: the
    # first three salaries raise the main line by 102500.00 each; the fourth takes eligible to
    # 410000.00 ≥ 397254.94: +89754.94 (397254.94 − 307500.00); the operating costs change nothing more
    # (+7000.00, +5000.00 eligible, subsidy 0.00); the project cost on the main line is ineligible (0.00
    # everywhere, but listed). duaal-leren: +11000.00, +11000.00, +30000.00 up to 52000.00 < 59564.98.
    # Sum: −456819.92 + 3 × 102500.00 + 89754.94 + 52000.00 = −7564.98 = 449254.94 − 456819.92.
    assert len(out["steps"]) == 12
    assert items(out)[1] == [
        (
            "added",
            "costs.yaml itself (S20: with a cost statement every line is capped at its eligible costs)",
            "new/costs.yaml:5",
        )
    ]
    assert out["steps"][1]["items"][0]["details"] == []  # its costs are the next steps
    assert items(out)[2] == [("added", "cost of 2023-12-31, loonstaat 2023-07..2023-12", "new/costs.yaml:7")]
    assert [e[3:5] for e in effects(out)] == [
        ("0.00", "0.00"),
        ("0.00", "-456819.92"),
        ("102500.00", "102500.00"),
        ("102500.00", "102500.00"),
        ("102500.00", "102500.00"),
        ("102500.00", "89754.94"),
        ("7000.00", "0.00"),
        ("5000.00", "0.00"),
        ("0.00", "0.00"),
        ("11000.00", "11000.00"),
        ("11000.00", "11000.00"),
        ("30000.00", "30000.00"),
    ]
    assert out["total"]["subsidy"] == "-7564.98" and out["total"]["eligible"] == "474000.00"
    # OLD → NEW with one cost removed: the 30000.00 project of duaal-leren. Eligible 52000.00 − 30000.00
    # = 22000.00 < 52000.00: the subsidy falls by 30000.00, to 22000.00; its line in OLD.
    fewer = copy_example("17", here / "fewer")
    text = (fewer / "costs.yaml").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines(keepends=True) if "factuur 2024-0311" in x)
    edit(fewer / "costs.yaml", line, "")
    out, code = diff_json("new", "fewer")
    assert items(out) == [[("removed", "cost of 2024-11-12, factuur 2024-0311, line duaal-leren", "new/costs.yaml:17")]]
    assert effects(out) == [("0", "0.00", "0.00", "-30000.00", "-30000.00", "-30000.00")]
    # the table and the Markdown show the eligible costs column too
    assert "eligible" in diff("new", "fewer").stdout
    assert "| eligible costs |" in diff("new", "fewer", "--format", "markdown").stdout


def test_without_costs_the_output_has_no_eligible_column(here, diff_json):
    # Neither version has a costs.yaml: the five figures of S22 as before, no "eligible" key.
    old = copy_example("02", here / "old")
    new = copy_example("02", here / "new")
    edit(new / "results.yaml", "{commitment: R3, achieved: 84}", "{commitment: R3, achieved: 100}")
    out, _ = diff_json("old", "new")
    assert list(out["total"]) == ["shortfall_fte_days", "deduction", "payout", "subsidy", "balance"]


def test_an_empty_cost_statement_is_a_step_of_its_own(here, diff_json):
    # OLD: example 18 without its costs.yaml: the ceiling 396819.92 (SPEC §5 a), paid 339200.00, balance
    # 57619.92. NEW: the same with `costs: []`: a cost statement without a cost caps the subsidy at 0.00
    # (S20: min(396819.92, 0.00)), balance −339200.00. No cost differs, yet the figures do: the file
    # itself is the step, −396819.92. Back again: the file removed, +396819.92, its line in OLD.
    old = copy_example("18", here / "old")
    (old / "costs.yaml").unlink()
    new = copy_example("18", here / "new")
    (new / "costs.yaml").write_text("costs: []\n", encoding="utf-8")
    out, code = diff_json("old", "new")
    assert code == 1
    assert [i[0][0] for i in items(out)] == ["added"] and items(out)[0][0][2] == "new/costs.yaml:1"
    assert effects(out) == [("0", "0.00", "0.00", "0.00", "-396819.92", "-396819.92")]
    assert out["new"]["figures"]["balance"] == "-339200.00"
    back, code = diff_json("new", "old")
    assert items(back)[0][0][0] == "removed" and items(back)[0][0][2] == "new/costs.yaml:1"
    assert effects(back) == [("0", "0.00", "0.00", "0.00", "396819.92", "396819.92")]
