"""core.schema: the validation of a mapping against a model's annotations, as pydantic did it (issue 23).

Each behaviour below was pydantic's for these models; the messages a person reads
(tests/validation) are built from exactly these errors, so a change here is a change of message.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Annotated

import pytest

from convenant_calc.core.models import Absence, AbsenceRules, Convenant, Funding, Staffing, Term
from convenant_calc.core.schema import BeforeValidator, Field, Model, ValidationError, model_validator

from ..helpers import value_paths


def errors(model, data) -> list[tuple]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return [(e["type"], e["loc"]) for e in caught.value.errors()]


ABSENCE = {"consultant": "an", "kind": "sickness", "from": "2024-01-08", "to": "2024-01-12"}


def test_a_valid_mapping_gives_the_typed_frozen_model():
    # numbers come from the YAML layer as Decimals (a float is refused: "expected a number, got 0.5")
    absence = Absence.model_validate({**ABSENCE, "consultant": "  an  ", "fte": Decimal("0.5")})
    assert (absence.consultant, absence.from_, absence.to, absence.fte) == ("an", date(2024, 1, 8), date(2024, 1, 12), Decimal("0.5"))
    assert absence.replacement == () and absence.new_cause is False  # the defaults
    with pytest.raises(TypeError, match="frozen"):
        absence.fte = Decimal(1)  # type: ignore[misc]


def test_errors_come_in_the_order_of_the_fields_then_the_unknown_keys_as_written():
    # consultant (1st field) empty, kind (2nd) unknown, to (4th) missing; then the keys zz and aa in file order
    data = {"zz": 1, "consultant": "", "kind": "ziekte", "from": "2024-01-08", "aa": 2}
    assert errors(Absence, data) == [
        ("string_too_short", ("consultant",)),
        ("enum", ("kind",)),
        ("missing", ("to",)),
        ("extra_forbidden", ("zz",)),
        ("extra_forbidden", ("aa",)),
    ]


def test_a_key_that_is_not_text_is_an_invalid_key_at_itself():
    assert errors(Absence, {**ABSENCE, 3: "x"}) == [("invalid_key", (3,))]


def test_a_field_may_be_given_by_its_python_name_and_is_missing_at_its_yaml_key():
    by_name = {**{k: v for k, v in ABSENCE.items() if k != "from"}, "from_": "2024-01-08"}
    assert Absence.model_validate(by_name) == Absence.model_validate(ABSENCE)
    assert errors(Absence, {k: v for k, v in ABSENCE.items() if k != "from"}) == [("missing", ("from",))]


def test_text_is_stripped_but_an_enum_value_and_a_mapping_key_are_not():
    assert errors(Absence, {**ABSENCE, "kind": " sickness"}) == [("enum", ("kind",))]
    with pytest.raises(ValidationError) as caught:
        Absence.model_validate({**ABSENCE, "kind": 5})
    (error,) = caught.value.errors()
    assert error["ctx"]["expected"] == (
        "'sickness', 'accident', 'maternity_leave', 'time_credit', 'career_break', 'parental_leave' or 'unpaid_leave'"
    )
    staffing = Staffing.model_validate({"consultants": [{"id": "an", "lines": {" duaal ": Decimal("0.25")}}]})
    assert list(staffing.consultants[0].lines) == [" duaal "]


def test_errors_inside_lists_and_mappings_carry_their_index_and_key():
    data = {"consultants": [{"id": "an"}, 5, {"id": "bo", "lines": {"x": "0.5", 7: Decimal("0.1")}}], "absences": "none"}
    assert errors(Staffing, data) == [
        ("model_type", ("consultants", 1)),
        ("value_error", ("consultants", 2, "lines", "x")),  # quoted: "expected a number, got the text"
        ("string_type", ("consultants", 2, "lines", 7, "[key]")),
        ("tuple_type", ("absences",)),
    ]


def test_a_minimum_length_counts_the_valid_entries_unless_beside_a_before_validator():
    # result_commitments: Field(min_length=1) on the list: one wrong entry also makes it "empty", as pydantic did
    convenant = {"id": "c", "title": "t", "term": {"start": "2024-01-01", "end": "2024-12-31"},
                 "max_subsidy": 1000, "consultants_fte": 1}
    assert errors(Convenant, {**convenant, "result_commitments": [{"id": "R1"}]}) == [
        ("missing", ("result_commitments", 0, "title")),
        ("missing", ("result_commitments", 0, "target")),
        ("too_short", ("result_commitments",)),
    ]
    assert errors(Convenant, {**convenant, "result_commitments": []}) == [("too_short", ("result_commitments",))]
    # guaranteed_wage_days: a BeforeValidator and min_length=1: the length only once every entry is valid
    assert errors(AbsenceRules, {"relapse_days": [{"value": 3}]}) == [("missing", ("relapse_days", 0, "from"))]
    assert errors(AbsenceRules, {"relapse_days": []}) == [("too_short", ("relapse_days",))]


def test_a_model_validator_runs_only_when_the_fields_are_valid_and_blames_its_key():
    assert errors(Term, {"start": "2024-02-01", "end": "2024-01-31"}) == [("value_error", ())]
    with pytest.raises(ValidationError) as caught:
        Term.model_validate({"start": "2024-02-01", "end": "2024-01-31"})
    assert caught.value.errors()[0]["ctx"]["error"].at == ("end",)  # loading reports it at the end date
    assert errors(Term, {"start": "2024-02-30", "end": "2024-01-31"}) == [("value_error", ("start",))]
    assert errors(Funding, {"effort_share": Decimal("0.5")}) == [("value_error", ())]  # 0.5 + 0.30 is not 1


class _Pair(Model):
    first: Annotated[int, BeforeValidator(lambda v: int(v))]
    second: int | None = Field(default=None, alias="2nd")

    @model_validator(mode="after")
    def _one(self):
        if self.first < 0:
            raise ValueError("first is negative")
        return self

    @model_validator(mode="after")
    def _two(self):
        if self.first == 0:
            raise ValueError("first is zero")
        return self

    @cached_property
    def doubled(self) -> int:
        return 2 * self.first


def test_model_validators_in_the_order_written_the_first_that_raises_is_the_error():
    with pytest.raises(ValidationError) as caught:
        _Pair.model_validate({"first": -1})
    assert [str(e["ctx"]["error"]) for e in caught.value.errors()] == ["first is negative"]
    with pytest.raises(ValidationError, match="first is zero"):
        _Pair(first="0")


def test_equal_and_hash_by_the_field_values_and_a_copy_drops_the_cached_properties():
    a, b = _Pair(first="3"), _Pair.model_validate({"first": 3, "2nd": None})
    assert a == b and hash(a) == hash(b) and a != _Pair(first=4)
    assert a.doubled == 6
    c = a.model_copy(update={"first": 5})
    assert (c.first, c.doubled, a.first) == (5, 10, 3)  # not the 6 cached on a
    with pytest.raises(AttributeError, match="no field 'third'"):
        a.model_copy(update={"third": 1})


def test_model_construct_and_model_dump():
    term = Term.model_construct(start=date(2024, 1, 1), end=date(2023, 1, 1))  # not validated
    assert term.end == date(2023, 1, 1)
    absence = Absence.model_validate({**ABSENCE, "replacement": [{"from": "2024-01-09", "to": "2024-01-10"}]})
    assert absence.model_dump(mode="json", by_alias=True) == {
        "consultant": "an", "kind": "sickness", "from": "2024-01-08", "to": "2024-01-12", "fte": None,
        "new_cause": False, "replacement": [{"from": "2024-01-09", "to": "2024-01-10", "fte": None}],
    }
    python = absence.model_dump(exclude={"replacement"})
    assert python["from_"] == date(2024, 1, 8) and "replacement" not in python


def test_an_annotation_the_walk_does_not_know_is_refused_when_the_model_is_first_used():
    class Loose(Model):
        amount: float

    with pytest.raises(TypeError, match="unsupported annotation"):
        Loose.model_validate({"amount": 1})


def _mutations(value, rnd, count):
    """``count`` copies of a parsed YAML value, each with one value replaced, one key removed or one added."""
    import copy

    junk = [None, "x", "", 5, -1, True, [], {}, "2024-13-01", "2024-02-29", Decimal("1.000"), Decimal("0.5"), "1/5"]

    for _ in range(count):
        mutated = copy.deepcopy(value)
        where = rnd.choice([p for p in value_paths(mutated) if p])
        parent = mutated
        for part in where[:-1]:
            parent = parent[part]
        if isinstance(parent, dict) and rnd.random() < 0.3:
            del parent[where[-1]]
        elif isinstance(parent, dict) and rnd.random() < 0.3:
            parent[rnd.choice(["zz", "from_", 3])] = rnd.choice(junk)
        else:
            parent[where[-1]] = rnd.choice(junk)
        yield mutated


def _shown(errors: list[dict]) -> list[tuple]:
    """Errors as comparable values (each ValueError in a ctx is its own object)."""
    return [(e["type"], e["loc"], e["msg"], repr(e["input"]), repr((e["ctx"] or {}).get("error"))) for e in errors]


def test_the_happy_path_gives_what_the_field_by_field_validation_gives():
    # issue 23: each model's generated happy path is only a shortcut; on every example file and 40 mutations of
    # each, it gives the same model, or gives up and the field-by-field validation gives the same errors
    import random

    from convenant_calc.core.schema import _GiveUp, _Invalid
    from convenant_calc.io import yamlpos
    from convenant_calc.io.bundled import examples_dir
    from convenant_calc.io.loading import MODELS

    rnd = random.Random(23)
    compared = happy = 0
    for path in sorted(examples_dir().rglob("*.yaml")):
        model = MODELS.get(path.stem)
        if model is None:
            continue
        original = yamlpos.parse(path.read_text(encoding="utf-8"), path.name).value
        for data in [original, *_mutations(original, rnd, 40)]:
            try:
                slow = ("ok", model._checked(data))
            except _Invalid as exc:
                slow = ("errors", _shown(exc.errors))
            try:
                fast = ("ok", model._Model__happy(data) if model._Model__happy else model._happy()(data))
                happy += 1
            except (_GiveUp, _Invalid, ValueError):
                fast = None
            try:
                public = ("ok", model._check(data))
            except _Invalid as exc:
                public = ("errors", _shown(exc.errors))
            assert public == slow
            assert fast is None or fast == slow
            compared += 1
    assert compared > 1000 and happy > 100  # the examples themselves, and mutations that stayed valid


def test_the_happy_path_giving_up_keeps_nothing_alive():
    # each give-up raises a new exception: one instance raised again would keep every traceback it went through,
    # with the frames and the mappings they validated (a generation gives up on thousands of them)
    import gc
    import weakref

    class Kept:
        pass

    for _ in range(40):  # enough to have the happy path written out
        Absence.model_validate(ABSENCE)
    kept = Kept()
    alive = weakref.ref(kept)
    data = {**ABSENCE, "from_": "2024-01-08", "kept": kept}
    del data["from"]  # "from" by its Python name, and an unknown key: the happy path gives up, the field-by-field
    # validation reports the unknown key
    with pytest.raises(ValidationError):
        Absence.model_validate(data)
    del data, kept
    gc.collect()
    assert alive() is None
