"""S22 on pairs of cases whose steps are derived by hand: each step's items, its place and its effect.

Daily rate of the reference agreement: 424000 / (4 × 731) = 424000 / 2924 = 145.006840… (S10).
Every effect is the difference of two settled (rounded) figures, so the steps add up to the total
difference exactly.
"""

from __future__ import annotations

from .conftest import copy_example, edit, effects, fien_pair, items

TWO_PAYMENTS = """payments:
  - {date: 2023-10-02, amount: 169600.00, label: voorschot 1}
  - {date: 2024-10-01, amount: 127200.00, label: voorschot 2}
"""


def test_one_more_replacement_one_more_met_result_and_a_removed_payment(here, diff_json):
    # OLD: example 02 (SPEC §5 a) with two advances. 12 FTE-days short (2024-02-07 … 2024-02-18),
    # deduction 12 × 424000 / 2924 = 1740.082… → 1740.08, payout 127200.00 × 4/5 = 101760.00,
    # subsidy 396819.92, paid 169600.00 + 127200.00 = 296800.00, balance 100019.92.
    old = copy_example("02", here / "old")
    (old / "payments.yaml").write_text(TWO_PAYMENTS, encoding="utf-8")
    new = copy_example("02", here / "new")
    (new / "payments.yaml").write_text(TWO_PAYMENTS, encoding="utf-8")
    # NEW 1: An's absence gets a second replacement 2024-02-12 … 2024-02-18 (7 days of the 12 short).
    edit(new / "absences.yaml", "    replacement:\n", "    replacement:\n      - {from: 2024-02-12, to: 2024-02-18, fte: 1.0}\n")
    # NEW 2: R3 reaches its target (84 → 100): 5 of 5 met.
    edit(new / "results.yaml", "{commitment: R3, achieved: 84}", "{commitment: R3, achieved: 100}")
    # NEW 3: the second advance is not paid after all.
    edit(new / "payments.yaml", "  - {date: 2024-10-01, amount: 127200.00, label: voorschot 2}\n", "")

    out, code = diff_json("old", "new")
    assert code == 1
    assert items(out) == [
        [("changed", "absence of an, sickness from 2024-01-08", "new/absences.yaml:3")],
        [("changed", "result R3", "new/results.yaml:6")],
        [("removed", "payment of 2024-10-01", "old/payments.yaml:3")],  # a removal: its line in OLD
    ]
    assert effects(out) == [
        # 12 − 7 = 5 FTE-days short: 5 × 424000 / 2924 = 725.034… → 725.03; 725.03 − 1740.08 = −1015.05
        ("-7", "-1015.05", "0.00", "1015.05", "1015.05"),
        # 127200.00 × 5/5 − 101760.00 = +25440.00
        ("0", "0.00", "25440.00", "25440.00", "25440.00"),
        # paid 127200.00 less: the balance only
        ("0", "0.00", "0.00", "0.00", "127200.00"),
    ]
    # NEW: subsidy 296800.00 + 127200.00 − 725.03 = 423274.97; balance 423274.97 − 169600.00 = 253674.97
    assert out["new"]["figures"] == {
        "shortfall_fte_days": "5",
        "deduction": "725.03",
        "payout": "127200.00",
        "subsidy": "423274.97",
        "balance": "253674.97",
    }
    # 423274.97 − 396819.92 = 26455.05; 253674.97 − 100019.92 = 153655.05: the sums of the steps
    assert out["total"] == {
        "shortfall_fte_days": "-7",
        "deduction": "-1015.05",
        "payout": "25440.00",
        "subsidy": "26455.05",
        "balance": "153655.05",
    }
    assert [s["after"]["balance"] for s in out["steps"]] == ["101034.97", "126474.97", "253674.97"]
    details = [[d for i in s["items"] for d in i["details"]] for s in out["steps"]]
    assert details[1] == [{"path": "achieved", "old": "84", "new": "100"}]
    assert details[2] == [
        {"path": "amount", "old": "127200.00", "new": None},
        {"path": "label", "old": "voorschot 2", "new": None},
    ]


def test_example_07_against_one_more_replacement_and_one_more_met_result(diff_json):
    # The pair docs/diff.md shows: examples/diff/07-everything-together-revised is example 07 with
    # Dirk's 1/5 time credit replaced 0.2 FTE from 2025-01-01 to 2025-06-30, and R2 met (3 → 4).
    old, new = "examples/07-everything-together", "examples/diff/07-everything-together-revised"
    out, code = diff_json(copy_example_path(old), copy_example_path(new))
    assert code == 1
    assert [[(c, what) for c, what, _ in step] for step in items(out)] == [
        [("changed", "absence of dirk, time credit from 2024-09-01")],
        [("changed", "result R2")],
    ]
    assert effects(out) == [
        # 181 days (January–June 2025) × 0.2 = 36.2 FTE-days fewer: 117.6 → 81.4;
        # 81.4 × 424000 / 2924 = 11803.556… → 11803.56; 11803.56 − 17052.80 = −5249.24
        ("-36.2", "-5249.24", "0.00", "5249.24", "5249.24"),
        # 4 of 5 met instead of 3: 127200.00 × 4/5 − 127200.00 × 3/5 = 101760.00 − 76320.00
        ("0", "0.00", "25440.00", "25440.00", "25440.00"),
    ]
    # subsidy 356067.20 → 296800.00 + 101760.00 − 11803.56 = 386756.44: +30689.24 = 5249.24 + 25440.00
    assert out["total"]["subsidy"] == "30689.24" and out["total"]["balance"] == "30689.24"


def copy_example_path(relative: str) -> str:
    from .conftest import EXAMPLES

    return str(EXAMPLES / relative.removeprefix("examples/"))


def test_an_absence_before_its_new_consultant_is_merged_with_the_consultant(here, diff_json):
    # NEW writes its absences before its consultants. Fien fills the vacancy between Bram (left
    # 2024-11-30) and Chloe (from 2025-01-06), and takes 5 days of unpaid leave. Her absence (line 3)
    # comes before her (line 24) in NEW's order; alone it names a consultant the list does not hold,
    # so it is applied together with her, and the step says so.
    fien_pair(here)
    out, code = diff_json("old", "new")
    assert code == 1
    assert items(out) == [
        [
            ("added", "absence of fien, unpaid leave from 2024-12-02", "new/absences.yaml:3"),
            ("added", "consultant fien", "new/absences.yaml:24"),
        ]
    ]
    (step,) = out["steps"]
    assert "fien" in step["merged"]["because"] and step["merged"]["because"].startswith("absences.yaml: ")
    # The vacancy of 36 FTE-days (2024-12-01 … 2025-01-05) is filled; Fien's leave is never covered
    # (S6): 5 FTE-days. 117.6 − 36 + 5 = 86.6; 86.6 × 424000 / 2924 = 12557.592… → 12557.59;
    # 12557.59 − 17052.80 = −4495.21.
    assert effects(out) == [("-31", "-4495.21", "0.00", "4495.21", "4495.21")]


def test_a_removed_consultant_is_merged_with_the_removal_of_her_absences(here, diff_json):
    # NEW drops Els and her two accidents. The removals come in OLD's order: Els first (line 7),
    # whose absences (lines 15, 16) would then name a consultant not listed: one step of three items.
    old = copy_example("07", here / "old")
    new = copy_example("07", here / "new")
    edit(new / "absences.yaml", "  - {id: els, name: Els Maes, fte: 1.0}\n", "")
    edit(new / "absences.yaml", "  - {consultant: els, kind: accident, from: 2024-05-06, to: 2024-05-24}\n", "")
    edit(
        new / "absences.yaml",
        "  - consultant: els\n    kind: accident\n    from: 2024-06-03          # 10 days after 2024-05-24: a relapse, "
        "11 guaranteed-wage days left\n    to: 2024-06-28\n    replacement:\n      - {from: 2024-06-17, to: 2024-06-28, "
        "fte: 0.5}\n",
        "",
    )
    out, code = diff_json("old", "new")
    assert code == 1
    assert items(out) == [
        [
            ("removed", "consultant els", "old/absences.yaml:7"),
            ("removed", "absence of els, accident from 2024-05-06", "old/absences.yaml:15"),
            ("removed", "absence of els, accident from 2024-06-03", "old/absences.yaml:16"),
        ]
    ]
    # Without Els, 3 FTE are employed while Bram is (2023-07-01 … 2024-11-30, 519 days: 1 short a day),
    # 2 in the gap (2024-12-01 … 2025-01-05, 36 days: 2 short) and 3 with Chloe (2025-01-06 … 2025-06-30,
    # 176 days: 1 short): 519 + 72 + 176 = 767. An's 12 days and Dirk's 60.6 still count in full (never
    # absorbed: at most 4 employed); Els's 9 are gone: 767 + 12 + 60.6 = 839.6 (+722).
    # 839.6 × 424000 / 2924 = 121747.742… → 121747.74; 121747.74 − 17052.80 = 104694.94.
    assert effects(out) == [("722", "104694.94", "0.00", "-104694.94", "-104694.94")]


def test_two_periods_changes_in_the_extension_year(here, diff_json):
    # Example 09 (two periods, S14). NEW: An's sickness ends 2025-06-30 instead of 2025-07-15, V3 is
    # met (30 → 50), and an advance of 50000.00 is paid for the extension on 2026-03-01.
    old = copy_example("09", here / "old")
    new = copy_example("09", here / "new")
    edit(new / "absences.yaml", "from: 2025-05-20, to: 2025-07-15", "from: 2025-05-20, to: 2025-06-30")
    edit(new / "results.yaml", "{commitment: V3, achieved: 30}", "{commitment: V3, achieved: 50}")
    edit(
        new / "payments.yaml",
        "period: verlenging-2025-2026}\n",
        "period: verlenging-2025-2026}\n  - {date: 2026-03-01, amount: 50000.00, period: verlenging-2025-2026}\n",
    )
    out, code = diff_json("old", "new")
    assert code == 1
    assert [[(c, what, where) for c, what, where in step] for step in items(out)] == [
        [("changed", "absence of an, sickness from 2025-05-20", "new/absences.yaml:4")],
        [("changed", "result V3", "new/results.yaml:10")],
        [("added", "payment of 2026-03-01, period verlenging-2025-2026", "new/payments.yaml:6")],
    ]
    assert effects(out) == [
        # Period 2 loses An's 15 days (2025-07-01 … 2025-07-15): 52 → 37 FTE-days at 212000 / 1460;
        # 37 × 212000 / 1460 = 5372.602… → 5372.60; 5372.60 − 7550.68 = −2178.08. Period 1 keeps its 12.
        ("-15", "-2178.08", "0.00", "2178.08", "2178.08"),
        # 3 of 3 met instead of 2: 63600.00 − 42400.00 = +21200.00
        ("0", "0.00", "21200.00", "21200.00", "21200.00"),
        ("0", "0.00", "0.00", "0.00", "-50000.00"),
    ]
    # The totals over both periods (SPEC §8): subsidy 580069.24 + 2178.08 + 21200.00 = 603447.32
    assert out["old"]["figures"]["subsidy"] == "580069.24"
    assert out["new"]["figures"]["subsidy"] == "603447.32"
    assert out["total"] == {
        "shortfall_fte_days": "-15",
        "deduction": "-2178.08",
        "payout": "21200.00",
        "subsidy": "23378.08",
        "balance": "-26621.92",
    }
    # Each period's figures: the first did not move, the second moved by the whole difference.
    first, second = "lokale-besturen-2023-2025", "verlenging-2025-2026"
    assert out["old"]["periods"][first] == out["new"]["periods"][first]
    assert out["new"]["periods"][second] == {
        "shortfall_fte_days": "37",
        "deduction": "5372.60",
        "payout": "63600.00",
        "subsidy": "206627.40",  # 148400.00 + 63600.00 − 5372.60
        "balance": "71827.40",  # 206627.40 − 84800.00 − 50000.00
    }


def test_a_payment_moved_to_another_period_changes_no_total_but_the_figures_differ(here, diff_json):
    # Example 09: the advance of 2024-10-01 (127200.00) booked on the extension instead. A payment is
    # identified by (date, period, line): one removed, one added. The totals do not move (its balance
    # moves from one period to the other), but the periods' figures do: exit 1.
    old = copy_example("09", here / "old")
    new = copy_example("09", here / "new")
    edit(
        new / "payments.yaml",
        "label: voorschot 2 (30 %), period: lokale-besturen-2023-2025}",
        "label: voorschot 2 (30 %), period: verlenging-2025-2026}",
    )
    out, code = diff_json("old", "new")
    assert code == 1
    assert [[(c, what) for c, what, _ in step] for step in items(out)] == [
        [("added", "payment of 2024-10-01, period verlenging-2025-2026")],
        [("removed", "payment of 2024-10-01")],  # the agreement's own period: its id is not repeated
    ]
    assert effects(out) == [("0", "0.00", "0.00", "0.00", "-127200.00"), ("0", "0.00", "0.00", "0.00", "127200.00")]
    assert out["total"]["balance"] == "0.00" and not out["equal"]
    # 100019.92 + 127200.00 = 227219.92 in the first period; 98449.32 − 127200.00 = −28750.68 in the second
    assert out["new"]["periods"]["lokale-besturen-2023-2025"]["balance"] == "227219.92"
    assert out["new"]["periods"]["verlenging-2025-2026"]["balance"] == "-28750.68"


def test_a_label_changed_and_the_lines_reordered_is_equal(here, diff_json):
    # A payment's label and the order of the payments: both are listed, neither moves a figure: exit 0.
    old = copy_example("07", here / "old")
    new = copy_example("07", here / "new")
    (new / "payments.yaml").write_text(
        "payments:\n"
        "  - {date: 2024-10-01, amount: 127200.00, label: voorschot 2 (30 %)}\n"
        "  - {date: 2023-10-02, amount: 169600.00, label: eerste voorschot}\n",
        encoding="utf-8",
    )
    out, code = diff_json("old", "new")
    assert code == 0 and out["equal"]
    assert [[(c, what) for c, what, _ in step] for step in items(out)] == [
        [("changed", "payment of 2023-10-02")],
        [("reordered", "the order of payments")],
    ]
    assert out["steps"][0]["items"][0]["details"] == [
        {"path": "label", "old": "voorschot 1 (40 %)", "new": "eerste voorschot"}
    ]
    assert effects(out) == [("0", "0.00", "0.00", "0.00", "0.00")] * 2
    assert out["total"] == {k: "0" if k == "shortfall_fte_days" else "0.00" for k in out["total"]}


def test_the_agreement_own_period_written_out_is_the_same_payment(here, diff_json):
    # A payment without `period` is one of the agreement's own (first) period: writing the id out is a
    # change of that payment (the same identity), not a removal and an addition; nothing moves.
    old = copy_example("07", here / "old")
    new = copy_example("07", here / "new")
    edit(
        new / "payments.yaml",
        "label: voorschot 1 (40 %)}",
        "label: voorschot 1 (40 %), period: lokale-besturen-2023-2025}",
    )
    out, code = diff_json("old", "new")
    assert code == 0
    assert items(out) == [[("changed", "payment of 2023-10-02", "new/payments.yaml:2")]]
    assert out["steps"][0]["items"][0]["details"] == [{"path": "period", "old": None, "new": "lokale-besturen-2023-2025"}]


def test_a_new_commitment_is_merged_with_its_result(here, diff_json):
    # NEW writes the bundled agreement out as its own convenant.yaml with a sixth commitment R6 (target
    # 10) and reports R6 achieved 12. Without its result the agreement's commitment leaves the case
    # invalid (S4: a missing result is never "not met"): one step of both. The results file's
    # `convenant:` naming stays (it names the same id), so nothing else differs.
    from convenant_calc.io.bundled import bundled_path

    old = copy_example("02", here / "old")
    new = copy_example("02", here / "new")
    text = bundled_path("lokale-besturen-2023-2025").read_text(encoding="utf-8")
    anchor = 'reference: "Art. 4, resultaatsverbintenis 5"}\n'
    (new / "convenant.yaml").write_text(
        text.replace(anchor, anchor + "  - {id: R6, title: Nieuwe verbintenis, target: 10}\n", 1), encoding="utf-8"
    )
    (new / "results.yaml").write_text(
        (new / "results.yaml").read_text(encoding="utf-8") + "  - {commitment: R6, achieved: 12}\n", encoding="utf-8"
    )
    out, code = diff_json("old", "new")
    assert code == 1
    assert [[(c, what) for c, what, _ in step] for step in items(out)] == [
        [("added", "commitment R6"), ("added", "result R6")]
    ]
    assert "no result reported for commitment 'R6'" in out["steps"][0]["merged"]["because"]
    # 5 of 6 met (R3 missed): 127200.00 × 5/6 = 106000.00, was 101760.00: +4240.00
    assert effects(out) == [("0", "0.00", "4240.00", "4240.00", "4240.00")]
