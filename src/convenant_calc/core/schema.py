"""Frozen models validated from the data YAML gives: the small part of pydantic this project used.

The input models (:mod:`convenant_calc.core.models`) declare their fields as typed class
annotations, as a pydantic model does, and this module validates a mapping against them.
Until issue 23 they were pydantic models; pydantic's own machinery cost 77 ms of a 148 ms
``settle`` (its ``BaseModel`` import, its plugin loader's ``importlib.metadata``, schema
building), which alone put the start-up goals out of reach. Everything a value *means* was
already ours (the ``BeforeValidator``/``AfterValidator`` functions and the model validators
in ``models``); what this module adds is the walk over the declared types. It is written to
behave as pydantic did for these models, error for error, so that every bad-input message
and its position stayed the same (docs/internals.md, "Validation"):

- a model validates a mapping (``dict``), or takes an instance of itself as it is; unknown
  keys are ``extra_forbidden``, a required key that is absent ``missing`` (at the key as
  written in YAML: the alias, e.g. ``from``); a field may also be given by its Python name
  (``from_``), as pydantic's ``populate_by_name`` allowed;
- errors come in the order of the fields, then the unknown keys in the order written; a
  model's ``model_validator(mode="after")`` functions run, in the order defined, only when
  every field is valid, and the first that raises is the model's error;
- ``X | None`` takes None; ``str`` takes only text, stripped of surrounding whitespace;
  an ``Enum`` takes one of its values (not stripped) or a member; ``tuple[X, ...]`` takes a
  list or tuple; ``dict[str, X]`` a mapping (its keys are not stripped); a nested model
  a mapping; ``Field(min_length=n)`` limits a text or a list;
- ``Annotated[T, BeforeValidator(f), AfterValidator(g)]``: ``f`` gets the raw value, then T
  checks what ``f`` returned, then ``g``; a ``ValueError`` from any of them is a
  ``value_error`` whose message is the exception's;
- instances are frozen, compare and hash by their field values, ``model_copy(update=...)``
  copies without validating, ``model_construct(...)`` builds without validating.

Errors are reported as pydantic reported them (``ValidationError.errors()``: a list of
``{type, loc, msg, input, ctx}``), so that :func:`convenant_calc.io.loading.validation_problems`
turns each into a message at its ``file:line:col``. Nothing here does I/O.
"""

from __future__ import annotations

import sys
import types
import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Callable

__all__ = [
    "AfterValidator",
    "BeforeValidator",
    "Field",
    "FieldSpec",
    "Model",
    "ValidationError",
    "model_validator",
]

_REQUIRED: Any = object()  # a field without a default
_ABSENT: Any = object()  # a key the mapping does not have


class BeforeValidator:
    """``Annotated[T, BeforeValidator(f)]``: ``f`` gets the value as written, and returns what T then checks."""

    __slots__ = ("func",)

    def __init__(self, func: Callable[[Any], Any]):
        self.func = func


class AfterValidator:
    """``Annotated[T, AfterValidator(g)]``: ``g`` gets the value T accepted, and returns the value kept."""

    __slots__ = ("func",)

    def __init__(self, func: Callable[[Any], Any]):
        self.func = func


class _FieldInfo:
    __slots__ = ("default", "default_factory", "alias", "min_length")

    def __init__(self, default: Any, default_factory: Callable[[], Any] | None, alias: str | None, min_length: int | None):
        self.default = default
        self.default_factory = default_factory
        self.alias = alias
        self.min_length = min_length


def Field(  # noqa: N802 — named as the pydantic function it stands for
    default: Any = _REQUIRED,
    *,
    alias: str | None = None,
    default_factory: Callable[[], Any] | None = None,
    min_length: int | None = None,
) -> Any:
    """A field's default, its key in YAML when not its Python name (``alias``), and a ``min_length``.

    As the default of a field (``from_: IsoDate = Field(alias="from")``) or inside ``Annotated``
    (``Annotated[str, Field(min_length=1)]``: a text that may not be empty).
    """
    return _FieldInfo(default, default_factory, alias, min_length)


def model_validator(*, mode: str) -> Callable[[Callable], Callable]:
    """Marks a method as a check on the whole model, run after its fields are valid (only ``mode="after"``)."""
    if mode != "after":
        raise ValueError(f"model_validator(mode={mode!r}): only mode='after' is supported")

    def mark(func: Callable) -> Callable:
        func.__model_validator__ = True  # type: ignore[attr-defined]
        return func

    return mark


class ValidationError(ValueError):
    """The errors of one validation, as pydantic reported them: ``errors()`` is a list of
    ``{"type", "loc", "msg", "input", "ctx"}``, ``loc`` the path of keys and list indexes."""

    def __init__(self, title: str, errors: list[dict]):
        self.title = title
        self._errors = errors
        lines = [f"{len(errors)} validation error{'s' if len(errors) != 1 else ''} for {title}"]
        for error in errors:
            lines.append(".".join(str(part) for part in error["loc"]) or title)
            lines.append(f"  {error['msg']} [type={error['type']}]")
        super().__init__("\n".join(lines))

    def errors(self) -> list[dict]:
        return [dict(error) for error in self._errors]


class _Invalid(Exception):
    """Raised inside a validation with its errors, their ``loc`` relative to the value being checked."""

    def __init__(self, errors: list[dict]):
        self.errors = errors


def _error(kind: str, msg: str, value: Any, ctx: dict | None = None, loc: tuple = ()) -> dict:
    return {"type": kind, "loc": loc, "msg": msg, "input": value, "ctx": ctx}


def _invalid(kind: str, msg: str, value: Any, ctx: dict | None = None) -> _Invalid:
    return _Invalid([_error(kind, msg, value, ctx)])


def _under(key: str | int, errors: list[dict]) -> list[dict]:
    """The errors of a value found under ``key``: their ``loc`` begins with it."""
    for error in errors:
        error["loc"] = (key, *error["loc"])
    return errors


def _value_error(exc: ValueError, value: Any) -> _Invalid:
    return _invalid("value_error", f"Value error, {exc}", value, {"error": exc})


# --- the check of each declared type ------------------------------------------------

Check = Callable[[Any], Any]


def _check_for(annotation: Any, min_length: int | None = None) -> Check:
    """The function that validates a value against ``annotation``: it returns the value kept, or raises _Invalid."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *metadata = typing.get_args(annotation)
        befores = [m.func for m in metadata if isinstance(m, BeforeValidator)]
        afters = [m.func for m in metadata if isinstance(m, AfterValidator)]
        for m in metadata:
            if isinstance(m, _FieldInfo) and m.min_length is not None:
                min_length = m.min_length
        if not (befores or afters):
            return _check_for(base, min_length)
        if min_length is not None and typing.get_origin(base) is tuple:
            # beside validators, a list's min_length is checked once its entries are all valid (as pydantic did)
            return _wrapped(_long_enough(_check_for(base), min_length), befores[::-1], afters)
        return _wrapped(_check_for(base, min_length), befores[::-1], afters)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        others = [a for a in args if a is not type(None)]
        if len(others) != 1 or len(args) != 2:
            raise TypeError(f"unsupported union {annotation!r}: only X | None")
        return _nullable(_check_for(others[0], min_length))
    if origin is tuple:
        args = typing.get_args(annotation)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"unsupported tuple {annotation!r}: only tuple[X, ...]")
        return _tuple_of(_check_for(args[0]), min_length)
    if origin is dict:
        key, value = typing.get_args(annotation)
        if key is not str:
            raise TypeError(f"unsupported mapping {annotation!r}: only dict[str, X]")
        return _dict_of(_check_for(value))
    if isinstance(annotation, type):
        if issubclass(annotation, Model):
            return annotation._check
        if issubclass(annotation, Enum):
            return _enum(annotation)
        if annotation is str:
            return _text(min_length)
        if annotation in _PLAIN:
            return _instance_of(annotation)
    raise TypeError(f"unsupported annotation {annotation!r}")


def _wrapped(inner: Check, befores: list[Callable], afters: list[Callable]) -> Check:
    plain = getattr(inner, "plain", None)  # a date, Decimal, int or bool: the type a BeforeValidator returns
    if len(befores) == 1 and plain is not None:  # the most common: a number, a date, a flag read by our function
        before = befores[0]
        after = afters[0] if len(afters) == 1 else (lambda kept: _applied(afters, kept))

        def converted(value: Any) -> Any:
            try:
                kept = before(value)
                if kept.__class__ is not plain:  # the type check, at once when it is the type itself
                    kept = inner(kept)
                return after(kept) if afters else kept
            except ValueError as exc:
                raise _value_error(exc, value) from None

        return converted

    def check(value: Any) -> Any:
        try:
            kept = _applied(befores, value)
        except ValueError as exc:
            raise _value_error(exc, value) from None
        kept = inner(kept)
        try:
            return _applied(afters, kept)
        except ValueError as exc:
            raise _value_error(exc, value) from None

    return check


def _applied(funcs: list[Callable], value: Any) -> Any:
    """``value`` through each of ``funcs`` in turn."""
    for func in funcs:
        value = func(value)
    return value


def _nullable(inner: Check) -> Check:
    def check(value: Any) -> Any:
        return None if value is None else inner(value)

    return check


def _tuple_of(item: Check, min_length: int | None) -> Check:
    def check(value: Any) -> tuple:
        if not isinstance(value, list | tuple):
            raise _invalid("tuple_type", "Input should be a valid tuple", value)
        kept = []
        errors: list[dict] = []
        for i, entry in enumerate(value):
            try:
                kept.append(item(entry))
            except _Invalid as exc:
                errors += _under(i, exc.errors)
        if min_length is not None and len(kept) < min_length:  # the entries kept: also when all were wrong
            errors.append(_too_short(value, len(kept), min_length))
        if errors:
            raise _Invalid(errors)
        return tuple(kept)

    return check


def _too_short(value: Any, kept: int, min_length: int) -> dict:
    return _error(
        "too_short",
        f"Tuple should have at least {min_length} item{'s' if min_length != 1 else ''} after validation, not {kept}",
        value,
        {"field_type": "Tuple", "min_length": min_length, "actual_length": kept},
    )


def _long_enough(inner: Check, min_length: int) -> Check:
    def check(value: Any) -> tuple:
        kept = inner(value)
        if len(kept) < min_length:
            raise _Invalid([_too_short(value, len(kept), min_length)])
        return kept

    return check


def _dict_of(item: Check) -> Check:
    def check(value: Any) -> dict:
        if not isinstance(value, dict):
            raise _invalid("dict_type", "Input should be a valid dictionary", value)
        kept = {}
        errors: list[dict] = []
        for key, entry in value.items():
            if not isinstance(key, str):
                errors.append(_error("string_type", "Input should be a valid string", key, loc=(key, "[key]")))
            try:
                kept[key] = item(entry)
            except _Invalid as exc:
                errors += _under(key, exc.errors)
        if errors:
            raise _Invalid(errors)
        return kept

    return check


def _text(min_length: int | None) -> Check:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise _invalid("string_type", "Input should be a valid string", value)
        stripped = value.strip()
        if min_length is not None and len(stripped) < min_length:
            raise _invalid(
                "string_too_short",
                f"String should have at least {min_length} character{'s' if min_length != 1 else ''}",
                value,
                {"min_length": min_length},
            )
        return stripped

    return check


def _enum(kind: type[Enum]) -> Check:
    values = [member.value for member in kind]
    expected = " or ".join(filter(None, [", ".join(repr(v) for v in values[:-1]), repr(values[-1])]))
    members = kind._value2member_map_

    def check(value: Any) -> Enum:
        if isinstance(value, kind):
            return value
        try:
            return members[value]
        except (KeyError, TypeError):
            raise _invalid("enum", f"Input should be {expected}", value, {"expected": expected}) from None

    return check


#: The plain types a ``BeforeValidator`` turns the written value into; they are only checked to be that type.
_PLAIN = {date: "date", Decimal: "decimal", int: "int", bool: "bool"}


def _instance_of(kind: type) -> Check:
    name = _PLAIN[kind]

    def check(value: Any) -> Any:
        if value.__class__ is kind:  # what a BeforeValidator returns: the type itself
            return value
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise _invalid(f"{name}_type", f"Input should be a valid {name}", value)
        return value

    check.plain = kind  # type: ignore[attr-defined]  # _wrapped checks the type itself inline
    return check


def _dumped(value: Any, mode: str, by_alias: bool) -> Any:
    if isinstance(value, Model):
        return value.model_dump(mode=mode, by_alias=by_alias)
    if isinstance(value, list | tuple):
        items = [_dumped(v, mode, by_alias) for v in value]
        return items if mode == "json" else type(value)(items)
    if isinstance(value, dict):
        return {k: _dumped(v, mode, by_alias) for k, v in value.items()}
    if mode == "json":
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, Decimal):
            return str(value)
    return value


#: A model's happy path is written out (``exec``, about 0.13 ms a model) once it has validated so many
#: mappings: a generation validates thousands, a settle of one case mostly a few (issue 23's start-up).
_HAPPY_AFTER = 32


class _GiveUp(Exception):
    """Raised by a model's happy path at what it does not expect: the field-by-field validation takes over."""


def _happy_path(cls: type, plan: tuple, afters: tuple) -> Callable[[dict], Any]:
    """A function that validates a mapping every key of which is as expected, written out for ``cls``.

    Issue 23: a generation validates some 60 mappings a case, and the loop of :meth:`Model._checked`
    (its tuples unpacked, its errors gathered, for every field) cost more than the checks themselves.
    For ``Replacement`` (``from``: required; ``to``: required; ``fte``: default None) the source is::

        def happy(data):
            get = data.get
            given = 0
            v = get('from', ABSENT)
            if v is ABSENT: raise GIVE_UP
            given += 1
            f0 = c0(v)
            v = get('to', ABSENT)
            ...
            v = get('fte', ABSENT)
            if v is ABSENT: f2 = d2
            else:
                given += 1
                f2 = c2(v)
            if given != len(data): raise GIVE_UP
            self = new(cls)
            self.__dict__.update({'from_': f0, 'to': f1, 'fte': f2})
            self = after0(self)
            return self

    It gives up (``_GiveUp``) where the field-by-field validation would report something or look
    further: a required key absent (it may be given by its Python name), a key it does not know; a
    check's ``_Invalid`` and a model validator's ``ValueError`` pass through. The checks are the
    fields' own, the same objects the field-by-field validation calls, so what it returns is what
    that would return (``tests/validation/test_schema.py`` compares the two on mutated inputs).
    """
    # GIVE_UP is the class, so that each give-up raises a new instance: one instance raised again and again
    # would keep every traceback (and the frames with their mappings) it was ever raised through
    namespace: dict[str, Any] = {"ABSENT": _ABSENT, "GIVE_UP": _GiveUp, "new": object.__new__, "cls": cls}
    lines = ["def happy(data):", "    get = data.get", "    given = 0"]
    for i, (name, key, _other, required, default, factory, check) in enumerate(plan):
        namespace[f"c{i}"] = check
        lines.append(f"    v = get({key!r}, ABSENT)")
        if required:
            lines += ["    if v is ABSENT: raise GIVE_UP", "    given += 1", f"    f{i} = c{i}(v)"]
            continue
        namespace[f"d{i}"] = factory if factory is not None else default
        lines += [
            f"    if v is ABSENT: f{i} = d{i}{'()' if factory is not None else ''}",
            "    else:",
            "        given += 1",
            f"        f{i} = c{i}(v)",
        ]
    fields = ", ".join(f"{name!r}: f{i}" for i, (name, *_rest) in enumerate(plan))
    lines += ["    if given != len(data): raise GIVE_UP", "    self = new(cls)", f"    self.__dict__.update({{{fields}}})"]
    for i, after in enumerate(afters):
        namespace[f"after{i}"] = after
        lines.append(f"    self = after{i}(self)")
    lines.append("    return self")
    exec("\n".join(lines), namespace)  # noqa: S102 — our own source, from the model's declared fields
    return namespace["happy"]


# --- the models -------------------------------------------------------------------


class FieldSpec:
    """One declared field: its Python ``name``, its ``key`` in YAML, its ``annotation`` and its default."""

    __slots__ = ("name", "key", "alias", "annotation", "default", "default_factory", "required", "check")

    def __init__(self, name: str, info: _FieldInfo, annotation: Any):
        self.name = name
        self.alias = info.alias
        self.key = info.alias or name
        self.annotation = annotation
        self.default = info.default
        self.default_factory = info.default_factory
        self.required = info.default is _REQUIRED and info.default_factory is None
        self.check = _check_for(annotation, info.min_length)

    def missing(self) -> Any:
        return self.default_factory() if self.default_factory is not None else self.default


class Model:
    """A frozen model of one mapping of an input file, validated against its annotations (see the module).

    Each subclass holds (name-mangled, set by ``__init_subclass__``) ``__fields``, its fields' declarations
    by name; ``__specs``, their checks, built on first use (and ``__plan``, the same as tuples for the loop
    of ``_checked``, and ``__happy``, its generated happy path); ``__after``, its model validators in order.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        infos: dict[str, _FieldInfo] = {}
        for base in reversed(cls.__mro__[1:]):
            infos.update(base.__dict__.get("_Model__fields", {}))
        for name in cls.__dict__.get("__annotations__", {}):
            declared = cls.__dict__.get(name, _REQUIRED)
            if isinstance(declared, _FieldInfo):
                infos[name] = declared
                delattr(cls, name)  # the default lives in the field, not as a class attribute
            else:
                infos[name] = _FieldInfo(declared, None, None, None)
        cls.__fields = infos
        cls.__specs = None  # built on first use, when every annotation can be resolved
        cls.__plan = None
        cls.__happy = None
        cls.__validated = 0  # how often, before its happy path was written out
        cls.__after = tuple(
            f for base in reversed(cls.__mro__) for f in base.__dict__.values() if getattr(f, "__model_validator__", False)
        )

    @classmethod
    def model_fields(cls) -> dict[str, FieldSpec]:
        """The declared fields by Python name, in order (for messages: the keys a mapping accepts)."""
        return {spec.name: spec for spec in cls._specs()}

    @classmethod
    def _specs(cls) -> tuple[FieldSpec, ...]:
        specs = cls.__specs
        if specs is None:
            hints = typing.get_type_hints(cls, globalns=vars(sys.modules[cls.__module__]), include_extras=True)
            specs = tuple(FieldSpec(name, info, hints[name]) for name, info in cls.__fields.items())
            cls.__specs = specs
        return specs

    @classmethod
    def _planned(cls) -> tuple:
        """Each field as (name, YAML key, its name when that differs from the key, required, default, default
        factory, check): the loop's view."""
        cls.__plan = tuple(
            (s.name, s.key, s.name if s.alias else None, s.required, s.default, s.default_factory, s.check)
            for s in cls._specs()
        )
        return cls.__plan

    @classmethod
    def _check(cls, data: Any) -> Any:
        """Validate ``data`` into an instance, or raise _Invalid with every error found (see the module).

        The model's generated happy path (:func:`_happy_path`, written out once the model has validated
        ``_HAPPY_AFTER`` mappings) first; at the first thing it does not expect (an error, a key absent or unknown, a field given by its Python name) the field-by-field
        validation below, which alone decides what is valid and reports every error."""
        happy = cls.__happy
        if happy is not None and data.__class__ is dict:
            try:
                return happy(data)
            except (_GiveUp, _Invalid, ValueError):
                pass
        elif happy is None:
            cls.__validated += 1
            if cls.__validated == _HAPPY_AFTER:  # written out only for a model validated often (a batch)
                cls._happy()
        return cls._checked(data)

    @classmethod
    def _happy(cls) -> Callable[[dict], Any]:
        cls.__happy = _happy_path(cls, cls.__plan or cls._planned(), cls.__after)
        return cls.__happy

    @classmethod
    def _checked(cls, data: Any) -> Any:
        """Validate ``data`` field by field, collecting every error (see the module)."""
        if isinstance(data, cls):
            return data
        if not isinstance(data, dict):
            name = cls.__name__
            raise _invalid("model_type", f"Input should be a valid dictionary or instance of {name}", data,
                           {"class_name": name})
        values: dict[str, Any] = {}
        errors: list[dict] = []
        used = 0
        for name, key, other, required, default, factory, check in cls.__plan or cls._planned():
            raw = data.get(key, _ABSENT)
            if raw is _ABSENT:
                if other is not None and other in data:
                    key = other
                    raw = data[key]
                elif required:
                    errors.append(_error("missing", "Field required", data, loc=(key,)))
                    continue
                else:
                    values[name] = default if factory is None else factory()
                    continue
            used += 1
            try:
                values[name] = check(raw)
            except _Invalid as exc:
                errors += _under(key, exc.errors)
        if used != len(data):
            errors += cls._unknown(data)
        if errors:
            raise _Invalid(errors)
        instance = object.__new__(cls)
        instance.__dict__.update(values)
        for after in cls.__after:
            try:
                instance = after(instance)
            except ValueError as exc:
                raise _value_error(exc, data) from None
        return instance

    @classmethod
    def _unknown(cls, data: dict) -> list[dict]:
        used = set()
        for spec in cls._specs():
            if spec.key in data:
                used.add(spec.key)
            elif spec.alias is not None and spec.name in data:
                used.add(spec.name)
        return [
            _error("extra_forbidden", "Extra inputs are not permitted", value, loc=(key,))
            if isinstance(key, str)
            else _error("invalid_key", "Keys should be strings", key, loc=(key,))
            for key, value in data.items()
            if key not in used
        ]

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        """An instance from ``data`` (a mapping of keys as written in YAML), or :class:`ValidationError`."""
        try:
            return cls._check(data)
        except _Invalid as exc:
            raise ValidationError(cls.__name__, exc.errors) from None

    def __init__(self, **data: Any):
        try:
            validated = type(self)._check(data)
        except _Invalid as exc:
            raise ValidationError(type(self).__name__, exc.errors) from None
        self.__dict__.update(validated.__dict__)

    @classmethod
    def model_construct(cls, **values: Any) -> Any:
        """An instance of these field values (by Python name) and the defaults, without validating them."""
        instance = object.__new__(cls)
        for spec in cls._specs():
            instance.__dict__[spec.name] = values[spec.name] if spec.name in values else spec.missing()
        return instance

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        """A copy with some fields replaced (by Python name), not validated; cached properties are not copied."""
        instance = object.__new__(type(self))
        fields = self.__fields
        instance.__dict__.update({name: value for name, value in self.__dict__.items() if name in fields})
        for name, value in (update or {}).items():
            if name not in fields:
                raise AttributeError(f"{type(self).__name__} has no field {name!r}")
            instance.__dict__[name] = value
        return instance

    def model_dump(self, *, mode: str = "python", by_alias: bool = False, exclude: set[str] | None = None) -> dict:
        """The fields as plain data (nested models as mappings), keyed by YAML key (``by_alias``) or name;
        ``mode="json"``: dates as ISO text, Decimals as text, enums as their values, tuples as lists."""
        exclude = exclude or set()
        return {
            (spec.key if by_alias else spec.name): _dumped(self.__dict__[spec.name], mode, by_alias)
            for spec in self._specs()
            if spec.name not in exclude
        }

    def _values(self) -> tuple:
        return tuple(self.__dict__[name] for name in self.__fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self.__fields)
        return f"{type(self).__name__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} is frozen: {name} cannot be changed (use model_copy(update=...))")

    def __delattr__(self, name: str) -> None:
        raise TypeError(f"{type(self).__name__} is frozen: {name} cannot be deleted")
