"""The wire format: the one cattrs converter between models and JSON.

* Keys are camelCase of the attribute names (``original_content_url`` ->
  ``originalContentUrl``, ``and_`` -> ``and``), unless a field names its key
  with ``wire("key")`` or the class says ``wire_style = "snake"``.
* ``None`` fields are left out; tuples become JSON arrays.
* A model with a ``type`` tag writes it; a family base (``Action``, ``Event``,
  ...) is read by one dict lookup on ``type``. A tag nobody knows, or a member
  that cannot be read, becomes the family's ``Unknown...`` member holding the
  original JSON in ``raw``: nothing received is lost.
* Unknown keys in known objects are ignored.

Hooks are generated once per class and cached by the converter. This module
performs no I/O.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from types import UnionType
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

from cattrs import Converter
from cattrs.fns import identity

from linebot_fp._lazy import pending_members
from linebot_fp.errors import InvalidPayloadError
from linebot_fp.models._base import (
    WIRE_KEY,
    KeepsRaw,
    Model,
    Unknown,
    strip_optional,
    type_hints,
)

__all__ = ["converter", "dumps", "dumps_json", "family_member", "family_members", "loads",
           "structure", "unstructure", "wire_key"]

T = TypeVar("T")

converter = Converter(detailed_validation=False,
                      unstruct_collection_overrides={tuple: list, Sequence: list})

_JSON_SCALARS = (str, int, float, bool)


def _passthrough(value: Any, _: Any) -> Any:
    """JSON scalars are read as they are: no ``str(5)`` surprises, no cost."""
    return value


for _scalar in _JSON_SCALARS:
    converter.register_structure_hook(_scalar, _passthrough)


def camel(name: str) -> str:
    """``original_content_url`` -> ``originalContentUrl``; ``and_`` -> ``and``."""
    head, *rest = name.rstrip("_").split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def wire_key(cls: type, field: dataclasses.Field[Any]) -> str:
    """The JSON key of one field of a model class."""
    named = field.metadata.get(WIRE_KEY)
    if named is not None:
        return str(named)
    if getattr(cls, "wire_style", "camel") == "snake":
        return field.name.rstrip("_")
    return camel(field.name)


def structure(data: Any, cls: type[T]) -> T:
    """Build a model (or a tuple or union of them) from its JSON-compatible form."""
    if _is_model(cls) and not isinstance(data, dict):
        raise _not_an_object(cls, data)
    try:
        return converter.structure(data, cls)
    except InvalidPayloadError:
        raise
    except Exception as exc:  # cattrs raises many kinds; the caller gets one
        name = getattr(cls, "__name__", repr(cls))
        raise InvalidPayloadError(
            f"cannot read {name} from {_preview(data)}: {_reason(exc)}"
        ) from exc


def unstructure(value: Any) -> Any:
    """The JSON-compatible form of a model (dicts, lists, strings, numbers)."""
    return converter.unstructure(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON of a model or plain value, non-ASCII kept as is."""
    return _ENCODER.encode(converter.unstructure(value)).encode()


def dumps_json(value: Any) -> bytes:
    """Compact UTF-8 JSON of a value that is already JSON-compatible."""
    return _ENCODER.encode(value).encode()


def loads(data: bytes | str) -> Any:
    """Parse JSON text, raising ``InvalidPayloadError`` when it is not JSON."""
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidPayloadError(f"not JSON: {exc}") from exc
    except RecursionError:
        raise InvalidPayloadError("JSON nested too deeply to decode") from None


# -- which kind of model a class is ---------------------------------------------------


def _is_model(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Model) and cls is not Model


def _own_tag(cls: type) -> str | None:
    tag = cls.__dict__.get("type")
    return tag if isinstance(tag, str) else None


class _Family:
    """The members of a family base, found by tag when first needed.

    A member is looked up among the classes already built, then among those its
    modules (``base.__module__``, ``members_in``, and ``members_later[tag]``)
    have not built yet (see :mod:`linebot_fp._lazy`), so only the members a
    process meets are ever created. A tag found nowhere is remembered as such.
    """

    def __init__(self, base: Any) -> None:
        self.base = base
        self.modules = [base.__module__, *base.members_in]
        for module in base.members_in:
            importlib.import_module(module)
        self.by_tag: dict[str, type] = {}
        self.absent: set[str] = set()
        self._unknown: list[type | None] = []
        #: tag -> structure hook of the members read so far (they ignore their second argument)
        self.hooks: dict[str, Callable[[Any, Any], Any]] = {}

    def member(self, tag: str) -> type | None:
        """The member class for ``tag``, or ``None`` when no member has it."""
        found = self.by_tag.get(tag)
        if found is not None or tag in self.absent:
            return found
        later = self.base.members_later.get(tag)
        if later is not None and later not in self.modules:
            importlib.import_module(later)
            self.modules.append(later)
        found = next((sub for sub in self._built() if _own_tag(sub) == tag), None)
        if found is None:
            found = next((waiting.build() for waiting in pending_members(self.modules, self.base)
                          if waiting.tag == tag), None)
        if found is None:
            self.absent.add(tag)
        else:
            self.by_tag[tag] = found
        return found

    @property
    def unknown(self) -> type | None:
        """The family's ``Unknown...`` member, if it has one."""
        if not self._unknown:
            found = next((sub for sub in self._built() if issubclass(sub, Unknown)), None)
            if found is None:
                waiting = pending_members(self.modules, self.base)
                found = next((member.build() for member in waiting
                              if member.descends_from(Unknown)), None)
            self._unknown.append(found)
        return self._unknown[0]

    def has_members(self) -> bool:
        """Whether any class (built or not) is a tagged member of this base."""
        return (any(_own_tag(sub) is not None for sub in self._built())
                or any(waiting.tag is not None
                       for waiting in pending_members(self.modules, self.base)))

    def _built(self) -> Iterator[type]:
        pending: list[type] = list(self.base.__subclasses__())
        while pending:
            sub = pending.pop()
            pending.extend(sub.__subclasses__())
            if "__slots__" in sub.__dict__ and dataclasses.is_dataclass(sub):
                yield sub  # not the pre-slots twin that @dataclass(slots=True) leaves behind


@cache
def _family(base: Any) -> _Family:
    return _Family(base)


def family_member(base: type, tag: str) -> type | None:
    """The member of the family ``base`` (``Event``, ``Action``, ...) tagged ``tag``, or None.

    The member class is built now if no one used it before.
    """
    return _family(base).member(tag)


def family_members(base: type) -> dict[str, type]:
    """Every tagged member of the family ``base`` by tag, ``members_later`` ones included.

    Builds them all: for tools that list a family, not for the hot paths.
    """
    family = _family(base)
    for module in base.members_later.values():  # type: ignore[attr-defined]
        if module not in family.modules:
            importlib.import_module(module)
            family.modules.append(module)
    for waiting in list(pending_members(family.modules, base)):
        waiting.build()
    members: dict[str, type] = {}
    for sub in family._built():
        tag = _own_tag(sub)
        if tag is not None:
            members.setdefault(tag, sub)
    family.by_tag.update(members)
    family.absent.difference_update(members)
    return members


def _is_family(cls: Any) -> bool:
    if _own_tag(cls) is not None or issubclass(cls, KeepsRaw):
        return False
    return _family(cls).has_members()


# -- hook factories ----------------------------------------------------------------------


def _unstructure_factory(cls: type) -> Callable[[Any], Any]:
    if issubclass(cls, KeepsRaw):
        return lambda value: dict(value.raw) if isinstance(value.raw, dict) else value.raw
    if _is_family(cls):
        return _unstructure_by_class
    return _fields_unstructurer(cls)


def _fields_unstructurer(cls: type) -> Callable[[Any], dict[str, Any]]:
    """A function writing ``cls`` as a JSON object, generated for it: one pass over the fields.

    A field equal to its default (``None``) is left out as it is read; JSON
    scalars are written as they are; a model (or a sequence of them) goes through
    the hook of its runtime class, found by one dict lookup; anything else
    through its converter hook. The ``type`` tag is written last.
    """
    hints = type_hints(cls)
    scope: dict[str, Any] = {"by_class": _HOOKS_BY_CLASS.get, "find": _unstructure_by_class}
    required, lines = [], []
    for field in dataclasses.fields(cls):
        name, key = field.name, wire_key(cls, field)
        hint = strip_optional(hints[name])[0]
        if field.default is not dataclasses.MISSING:
            scope[f"default_{name}"] = field.default
            test = "x is not None" if field.default is None else f"x != default_{name}"
        elif field.default_factory is not dataclasses.MISSING:
            scope[f"default_{name}"] = field.default_factory()
            test = f"x != default_{name}"
        else:  # required fields first, in one dict display (as cattrs writes them)
            required.append(f"{key!r}: {_writer(scope, name, hint, hints[name], f'v.{name}')}")
            continue
        value = _writer(scope, name, hint, hints[name])
        lines += [f"x = v.{name}", f"if {test}: d[{key!r}] = {value}"]
    lines.insert(0, "d = {" + ", ".join(required) + "}")
    tag = _own_tag(cls) or getattr(cls, "type", None)
    if isinstance(tag, str):
        lines.append(f"d['type'] = {tag!r}")
    lines.append("return d")
    source = f"def unstructure_{cls.__name__}(v):\n" + "".join(f"    {line}\n" for line in lines)
    exec(compile(source, f"<unstructure {cls.__qualname__}>", "exec"), scope)
    generated: Callable[[Any], dict[str, Any]] = scope[f"unstructure_{cls.__name__}"]
    return generated


def _writer(scope: dict[str, Any], name: str, hint: Any, declared: Any, x: str = "x") -> str:
    """The expression writing the value ``x`` of field ``name`` whose type is ``hint``."""
    item = get_args(hint)[0] if _is_sequence(hint) else None
    if _writes_as_is(hint):
        return x
    if _is_model(hint):
        return f"(by_class({x}.__class__) or find)({x})"
    if item is not None and _writes_as_is(item):
        return f"list({x})"
    if item is not None and _is_model(item):
        return f"[(by_class(i.__class__) or find)(i) for i in {x}]"
    scope[f"hook_{name}"] = converter.get_unstructure_hook(declared)
    return f"hook_{name}({x})"


def _writes_as_is(hint: Any) -> bool:
    """JSON scalars (and ``Literal`` choices of them) are written without a hook."""
    return hint in _JSON_SCALARS or hint is Any or get_origin(hint) is Literal


_HOOKS_BY_CLASS: dict[type, Callable[[Any], Any]] = {}


def _unstructure_by_class(value: Any) -> Any:
    """A field typed as a family base holds some member: use that member's hook."""
    cls = value.__class__
    hook = _HOOKS_BY_CLASS.get(cls)
    if hook is None:
        hook = _HOOKS_BY_CLASS[cls] = converter.get_unstructure_hook(cls)
    return hook(value)


def _structure_factory(cls: type) -> Callable[[Any, Any], Any]:
    if issubclass(cls, KeepsRaw):
        return _raw_structurer(cls)
    if _is_family(cls):
        return _family_structurer(cls)
    return _fields_structurer(cls)


def _fields_structurer(cls: type) -> Callable[[Any, Any], Any]:
    """A function reading ``cls`` from a JSON object, generated for it.

    JSON scalars are read as they are; other fields go through their converter
    hook; an absent optional field takes its default. Received data is read leniently, so a class
    whose ``__post_init__`` only converts sequences and checks for ``None`` is
    filled slot by slot (hooks already give tuples), which is several times
    cheaper than calling ``__init__``; a class with ``Literal`` fields or its own
    ``_check`` goes through ``__init__`` and its checks. Not an object where one
    belongs is a ``TypeError`` here, an ``InvalidPayloadError`` in :func:`structure`.
    """
    hints = type_hints(cls)
    direct = getattr(cls, "_check", None) is Model._check and not any(
        get_origin(_optional_inner(hint) or hint) is Literal for hint in hints.values())
    scope: dict[str, Any] = {"cls": cls, "new": object.__new__}
    lines = ["self = new(cls)"] if direct else ["present = {}"]
    arguments = []
    for field in dataclasses.fields(cls):
        name, key, hint = field.name, wire_key(cls, field), hints[field.name]
        if hint in _JSON_SCALARS or hint is Any or _is_optional_scalar(hint):
            value = f"o[{key!r}]"
        else:
            scope[f"hook_{name}"], scope[f"type_{name}"] = _on_first_use(scope, name, hint), hint
            value = f"hook_{name}(o[{key!r}], type_{name})"
        has_default = (field.default is not dataclasses.MISSING
                       or field.default_factory is not dataclasses.MISSING)
        if direct:
            scope[f"set_{name}"] = getattr(cls, name).__set__
            inner = _optional_inner(hint)
            if field.default is None and value == f"o[{key!r}]":  # a scalar, or None
                lines.append(f"set_{name}(self, o.get({key!r}))")
                continue
            if field.default is None and _is_model(inner) and _is_family(inner):
                lines += [f"value = o.get({key!r})", "if value is not None:",
                          *(f"    {line}" for line in _member_lines(scope, name, inner)),
                          f"set_{name}(self, value)"]
                continue
            if field.default is None and inner is not None:  # a model, or None: one call
                scope[f"hook_{name}"], scope[f"type_{name}"] = (
                    _on_first_use(scope, name, inner), inner)
                lines += [f"value = o.get({key!r})", f"set_{name}(self, None if value is None "
                                                     f"else hook_{name}(value, type_{name}))"]
                continue
            if not has_default and _is_model(hint) and _is_family(hint):
                lines += [f"value = o[{key!r}]", *_member_lines(scope, name, hint),
                          f"set_{name}(self, value)"]
                continue
            if not has_default and hint is not Any:  # as __post_init__ would
                lines += [f"value = {value}",
                          f"if value is None: raise TypeError({key!r} + ' is null')"]
                value = "value"
            elif has_default:
                scope[f"default_{name}"] = (field.default
                                            if field.default is not dataclasses.MISSING
                                            else field.default_factory)
                fallback = (f"default_{name}" if field.default is not dataclasses.MISSING
                            else f"default_{name}()")
                value = f"{value} if {key!r} in o else {fallback}"
            lines.append(f"set_{name}(self, {value})")
        elif has_default:
            lines.append(f"if {key!r} in o: present[{name!r}] = {value}")
        else:
            arguments.append(f"{name}={value}")
    lines.append("return self" if direct else f"return cls({', '.join([*arguments, '**present'])})")
    source = f"def structure_{cls.__name__}(o, _):\n" + "".join(f"    {line}\n" for line in lines)
    exec(compile(source, f"<structure {cls.__qualname__}>", "exec"), scope)
    generated: Callable[[Any, Any], Any] = scope[f"structure_{cls.__name__}"]
    return generated


def _on_first_use(scope: dict[str, Any], name: str, hint: Any) -> Callable[[Any, Any], Any]:
    """A stand-in for the hook of ``hint`` in a generated reader's ``scope``: the real
    hook is made (and put in its place) the first time a value of that field comes, so
    a field that never shows up (an emoji list, a mention) costs no hook, no class."""

    def first_use(value: Any, cls: Any) -> Any:
        hook = scope[f"hook_{name}"] = converter.get_structure_hook(hint)
        return hook(value, cls)

    return first_use


def _raw_structurer(cls: type) -> Callable[[Any, Any], Any]:
    def structure_raw(data: Any, _: Any) -> Any:
        if not isinstance(data, dict):
            raise _not_an_object(cls, data)
        return cls(raw=data)  # the other fields are read from raw by KeepsRaw._check

    return structure_raw


def fill_from_raw(value: Any) -> None:
    """Set the fields of a :class:`KeepsRaw` model left at their default from its ``raw``.

    A field whose JSON cannot be read stays at its default: ``raw`` keeps it anyway.
    What to read is worked out once per class (:func:`_raw_fields`).
    """
    raw, cls = value.raw, value.__class__
    for name, key, hook, hint, default in _raw_fields(cls):
        if key in raw and getattr(value, name) is default:
            try:
                read = hook(raw[key], hint)
            except Exception:
                continue
            object.__setattr__(value, name, read)


@cache
def _raw_fields(cls: Any) -> tuple[tuple[str, str, Callable[[Any, Any], Any], Any, Any], ...]:
    """``(name, key, structure hook, type, default)`` of each field read from ``raw``."""
    hints = type_hints(cls)
    return tuple((field.name, wire_key(cls, field), converter.get_structure_hook(hints[field.name]),
                  hints[field.name], field.default)
                 for field in dataclasses.fields(cls) if field.name != "raw")


def _family_structurer(base: type) -> Callable[[Any, Any], Any]:
    """One dict lookup on ``type``; a member is built (hook generated) when its tag first comes."""
    family = _family(base)
    hooks = family.hooks

    def structure_member(data: Any, _: Any) -> Any:
        try:  # the common case first: an object whose tag was seen before
            hook: Callable[[Any, Any], Any] | None = hooks[data["type"]]
        except (KeyError, TypeError, IndexError):
            if not isinstance(data, dict):
                raise _not_an_object(base, data) from None
            hook = None
            tag = data.get("type")
            member = family.member(tag) if isinstance(tag, str) else None
            if member is not None and isinstance(tag, str):
                hook = hooks[tag] = converter.get_structure_hook(member)
        if hook is not None:
            try:
                return hook(data, None)
            except Exception:
                if family.unknown is None:
                    raise
                # a known tag in a shape we cannot read: keep it as Unknown
        unknown = family.unknown
        if unknown is None:
            raise InvalidPayloadError(f"{base.__name__} has no member of type "
                                      f"{data.get('type')!r}")
        return converter.get_structure_hook(unknown)(data, unknown)

    return structure_member


def _member_lines(scope: dict[str, Any], name: str, family: type) -> list[str]:
    """Lines reading ``value`` (a JSON object, not None) as a member of ``family``, inline.

    The member's hook is called directly when its tag was seen before (one call
    instead of two, for every nested event source, message, action, ...); any
    other case, and a member that cannot be read, goes to the family's reader,
    which knows the rest (new tags, Unknown members, errors).
    """
    scope[f"members_{name}"] = _family(family).hooks.get
    scope[f"family_{name}"] = converter.get_structure_hook(family)
    return ["tag = value.get('type') if value.__class__ is dict else None",
            f"hook = members_{name}(tag) if tag.__class__ is str else None",
            "if hook is None:",
            f"    value = family_{name}(value, None)",
            "else:",
            "    try:",
            "        value = hook(value, None)",
            "    except Exception:",
            f"        value = family_{name}(value, None)"]


def _optional_inner(hint: Any) -> Any:
    """``X`` of ``X | None`` (one ``X``), else ``None``."""
    inner, optional = strip_optional(hint)
    return inner if optional and get_origin(inner) not in (Union, UnionType) else None


def _optional_structurer(hint: Any) -> Callable[[Any, Any], Any]:
    inner = _optional_inner(hint)
    inner_hook = converter.get_structure_hook(inner)

    def structure_optional(data: Any, _: Any) -> Any:
        return None if data is None else inner_hook(data, inner)

    return structure_optional


def _is_sequence(hint: Any) -> bool:
    return get_origin(hint) is Sequence


def _sequence_structurer(hint: Any) -> Callable[[Any, Any], Any]:
    """``Sequence[X]`` is read into a tuple, as models store it."""
    (item,) = get_args(hint)
    if item in _JSON_SCALARS or item is Any:
        return lambda data, _: tuple(data)
    item_hook = converter.get_structure_hook(item)
    return lambda data, _: tuple([item_hook(value, item) for value in data])


def _is_optional_scalar(hint: Any) -> bool:
    return _optional_inner(hint) in _JSON_SCALARS


def _is_optional_other(hint: Any) -> bool:
    inner = _optional_inner(hint)
    return inner is not None and inner not in _JSON_SCALARS


converter.register_unstructure_hook_factory(_is_model, _unstructure_factory)
converter.register_structure_hook_factory(_is_model, _structure_factory)
# ``str | None`` and friends: no per-field optional wrapper, in either direction
converter.register_unstructure_hook_factory(_is_optional_scalar, lambda _: identity)
converter.register_structure_hook_factory(_is_optional_scalar, lambda _: _passthrough)
converter.register_structure_hook_factory(_is_sequence, _sequence_structurer)
# ``Source | None`` and friends: the inner hook found once, not per value
converter.register_structure_hook_factory(_is_optional_other, _optional_structurer)


# -- error messages ---------------------------------------------------------------------------


def _not_an_object(cls: type, data: Any) -> InvalidPayloadError:
    return InvalidPayloadError(f"{cls.__name__} must be a JSON object, got {_preview(data)}")


def _preview(data: Any, limit: int = 120) -> str:
    text = repr(data)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing key {exc.args[0]!r}"
    return f"{type(exc).__name__}: {exc}"
