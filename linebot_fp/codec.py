"""The wire format: models to JSON and back, through one cattrs converter.

* Keys are camelCase of the attribute names (``original_content_url`` ->
  ``originalContentUrl``, ``and_`` -> ``and``), unless a field names its key
  with ``wire("key")`` or the class says ``wire_style = "snake"``.
* ``None`` fields are left out; tuples become JSON arrays.
* A model with a ``type`` tag writes it; a family base (``Action``, ``Event``,
  ...) is read by one dict lookup on ``type`` in its table (``Event.family``),
  which imports the member's module the first time its tag comes. A tag nobody
  knows, or a member that cannot be read, becomes the family's ``Unknown...``
  member holding the original JSON, frozen, in ``raw``: nothing received is lost.
  A family base made directly (``Source(user_id=...)``) is written with its own
  fields and no tag.
* Unknown keys in known objects are ignored.
* Only problems of the data become :class:`~linebot_fp.errors.InvalidPayloadError`
  (:data:`DATA_ERRORS`: a missing key, a wrong type, a failed check, JSON nested
  too deep). Anything else passes through as it is: ``KeyboardInterrupt``, an
  exception a signal handler raises (``TimeoutError``, a task queue's time
  limit), ``MemoryError``.

For every model class, and the shapes models are made of (``X | None``,
``Sequence[X]``, ``Mapping[str, X]``, JSON scalars), the codec writes one reading
and one writing function when the class is first read or written, caches it,
and registers its source with :mod:`linecache`. The rest (other unions,
``tuple[...]``, ...) is served by :data:`converter`, the one cattrs ``Converter``,
which is given the same model hooks and is created on first need: parsing a
webhook and building a reply never import cattrs. Models never import this
module. This module performs no I/O.
"""

from __future__ import annotations

import dataclasses
import json
import types
from _thread import allocate_lock
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Union, get_args, get_origin

from linebot_fp._codegen import function
from linebot_fp.errors import InvalidPayloadError
from linebot_fp.models._base import (
    WIRE_KEY,
    KeepsRaw,
    Model,
    family_of,
    field_checks,
    strip_optional,
    type_hints,
)
from linebot_fp.models._json import freeze, thaw

if TYPE_CHECKING:
    from cattrs import Converter

    #: the one cattrs converter (made on first use, see :func:`__getattr__`)
    converter: Converter

__all__ = ["DATA_ERRORS", "converter", "dumps", "dumps_json", "family_member", "family_members",
           "loads", "structure", "structure_hook", "unstructure", "unstructure_hook", "wire_key"]

T = TypeVar("T")

#: what a problem of the data raises while reading it (a missing key, a value of the
#: wrong type, a model's check, nesting too deep): only these become InvalidPayloadError
DATA_ERRORS: tuple[type[Exception], ...] = (LookupError, TypeError, ValueError, AttributeError,
                                            RecursionError)

_JSON_SCALARS = (str, int, float, bool)


# -- the public functions ------------------------------------------------------------------------


def structure(data: Any, cls: type[T]) -> T:
    """Build a model (or a tuple or union of them) from its JSON-compatible form.

    Raises ``InvalidPayloadError`` when the data does not fit; any other exception
    (an interrupt, a signal handler's) passes through untouched.
    """
    if _is_model(cls) and not isinstance(data, dict):
        raise _not_an_object(cls, data)
    try:
        made: T = structure_hook(cls)(data, cls)
    except InvalidPayloadError:
        raise
    except DATA_ERRORS as exc:
        name = getattr(cls, "__name__", repr(cls))
        raise InvalidPayloadError(
            f"cannot read {name} from {_preview(data)}: {_reason(exc)}"
        ) from exc
    return made


def unstructure(value: Any) -> Any:
    """The JSON-compatible form of a model (dicts, lists, strings, numbers)."""
    cls = value.__class__
    if cls in _JSON_SCALARS or value is None:
        return value
    if isinstance(value, Model):
        return _class_writer(cls)(value)
    if isinstance(value, (list, tuple)):
        return [unstructure(item) for item in value]
    if isinstance(value, Mapping):
        return {key: unstructure(item) for key, item in value.items()}
    return _cattrs().unstructure(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON of a model or plain value, non-ASCII kept as is."""
    return _ENCODER.encode(unstructure(value)).encode()


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


def family_member(base: type, tag: str) -> type | None:
    """The member of the family ``base`` (``Event``, ``Action``, ...) tagged ``tag``, or None.

    Read from the base's table; the member's module is imported now if it was not.
    """
    table = family_of(base)
    return None if table is None else table.member(tag)


def family_members(base: type) -> dict[str, type]:
    """Every tagged member of the family ``base`` by tag (every module imported: for tools)."""
    table = family_of(base)
    return {} if table is None else table.members()


def structure_hook(hint: Any) -> Callable[[Any, Any], Any]:
    """The function reading JSON into ``hint`` (``hook(data, hint)``), made on first use."""
    hook = _READERS.get(hint)
    if hook is None:
        hook = _READERS[hint] = _make_reader(hint)
    return hook


def unstructure_hook(hint: Any) -> Callable[[Any], Any]:
    """The function writing a value of ``hint`` as JSON (``hook(value)``), made on first use."""
    hook = _WRITERS.get(hint)
    if hook is None:
        hook = _WRITERS[hint] = _make_writer(hint)
    return hook


# -- cattrs, for the shapes not written here -----------------------------------------------------

_converter: Converter | None = None
_converter_lock = allocate_lock()


def _cattrs() -> Converter:
    """The one cattrs converter, made on first need, with this module's hooks registered."""
    global _converter
    if _converter is None:
        with _converter_lock:
            if _converter is None:
                _converter = _make_converter()
    return _converter


def _make_converter() -> Converter:
    from cattrs import Converter

    made = Converter(detailed_validation=False,
                     unstruct_collection_overrides={tuple: list, Sequence: list})
    for scalar in _JSON_SCALARS:
        made.register_structure_hook(scalar, _passthrough)
    made.register_structure_hook_factory(_is_ours, structure_hook)
    made.register_unstructure_hook_factory(_is_ours, unstructure_hook)
    return made


def _is_ours(hint: Any) -> bool:
    """Whether this module reads and writes ``hint`` itself (cattrs asks it)."""
    return _is_model(hint) or _shape(hint) is not None


def __getattr__(name: str) -> Any:
    """``converter``: the cattrs ``Converter``, imported and made on first use (PEP 562)."""
    if name == "converter":
        return _cattrs()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- which kind of hint ----------------------------------------------------------------------------


def _is_model(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Model) and cls is not Model


def _own_tag(cls: type) -> str | None:
    tag = cls.__dict__.get("type")
    return tag if isinstance(tag, str) else None


def _as_is(hint: Any) -> bool:
    """JSON scalars, ``Any``/``object`` and ``Literal`` choices (checked by the model) pass
    unchanged."""
    return hint in _JSON_SCALARS or hint is Any or hint is object or get_origin(hint) is Literal


def _optional_inner(hint: Any) -> Any:
    """``X`` of ``X | None`` (one ``X``), else ``None``."""
    inner, optional = strip_optional(hint)
    return inner if optional and get_origin(inner) not in (Union, types.UnionType) else None


def _shape(hint: Any) -> str | None:
    """``"scalar"``, ``"optional"``, ``"sequence"`` or ``"mapping"`` for a shape this module
    reads and writes itself; ``None`` for one left to cattrs (or a model)."""
    if hint in _JSON_SCALARS or hint is Any or hint is object:
        return "scalar"
    if _optional_inner(hint) is not None:
        return "optional"
    origin = get_origin(hint)
    if origin is Sequence or (origin is tuple and get_args(hint)[1:] == (...,)):
        return "sequence"
    if origin in (dict, Mapping) and get_args(hint)[:1] == (str,):
        return "mapping"
    return None


# -- readers ---------------------------------------------------------------------------------------

_READERS: dict[Any, Callable[[Any, Any], Any]] = {}


def _passthrough(value: Any, _: Any) -> Any:
    """JSON scalars are read as they are: no ``str(5)`` surprises, no cost."""
    return value


def _make_reader(hint: Any) -> Callable[[Any, Any], Any]:
    if _is_model(hint):
        if family_of(hint) is not None:
            return _family_reader(hint)
        if issubclass(hint, KeepsRaw):
            return _raw_reader(hint)
        return _fields_reader(hint)
    shape = _shape(hint)
    if shape == "scalar":
        return _passthrough
    if shape == "optional":
        inner = _optional_inner(hint)
        if _as_is(inner):
            return _passthrough
        inner_hook = structure_hook(inner)
        return lambda data, _: None if data is None else inner_hook(data, inner)
    if shape == "sequence":
        item = get_args(hint)[0]
        if _as_is(item):
            return lambda data, _: tuple(data)
        item_hook = structure_hook(item)
        return lambda data, _: tuple([item_hook(value, item) for value in data])
    if shape == "mapping":
        value_hint = get_args(hint)[1]
        if _as_is(value_hint):
            return lambda data, _: dict(data.items())
        value_hook = structure_hook(value_hint)
        return lambda data, _: {key: value_hook(value, value_hint)
                                for key, value in data.items()}
    return _cattrs().get_structure_hook(hint)


def _fields_reader(cls: type) -> Callable[[Any, Any], Any]:
    """A function reading ``cls`` from a JSON object, generated for it.

    JSON scalars are read as they are; other fields go through their hook, made
    the first time such a value comes; an absent optional field takes its default.
    The checks the model declares (:func:`~linebot_fp.models._base.field_checks`:
    required fields, ``Literal`` choices) run on the values read, then each slot is
    filled directly (several times cheaper than ``__init__``), then its own
    ``_check``: exactly what its ``__init__`` does. A class that is not a plain
    frozen slotted dataclass goes through ``cls(...)``. Not an object where one
    belongs is a ``TypeError`` here, an ``InvalidPayloadError`` in :func:`structure`.
    """
    hints = type_hints(cls)
    direct = _fills_slots(cls)
    scope: dict[str, Any] = {"cls": cls, "new": object.__new__}
    lines = [] if direct else ["present = {}"]
    arguments, fills = [], []
    for field in dataclasses.fields(cls):
        name, key, hint = field.name, wire_key(cls, field), hints[field.name]
        inner = _optional_inner(hint)
        as_is = _as_is(hint) or (inner is not None and _as_is(inner))
        has_default = field.default is not dataclasses.MISSING
        if as_is:
            value = f"o[{key!r}]"
        else:
            scope[f"hook_{name}"], scope[f"type_{name}"] = _on_first_use(scope, name, hint), hint
            value = f"hook_{name}(o[{key!r}], type_{name})"
        if not direct:
            if has_default:
                lines.append(f"if {key!r} in o: present[{name!r}] = {value}")
            else:
                arguments.append(f"{name}={value}")
            continue
        scope[f"set_{name}"] = getattr(cls, name).__set__
        fills.append(f"set_{name}(self, v_{name})")
        if field.default is None and as_is:
            lines.append(f"v_{name} = o.get({key!r})")
        elif field.default is None and _is_model(inner) and family_of(inner) is not None:
            lines += [f"value = o.get({key!r})", "if value is not None:",
                      *(f"    {line}" for line in _member_lines(scope, name, inner)),
                      f"v_{name} = value"]
        elif field.default is None and inner is not None:  # a model (or more), or None
            scope[f"hook_{name}"], scope[f"type_{name}"] = _on_first_use(scope, name, inner), inner
            lines += [f"value = o.get({key!r})",
                      f"v_{name} = None if value is None else hook_{name}(value, type_{name})"]
        elif not has_default and _is_model(hint) and family_of(hint) is not None:
            lines += [f"value = o[{key!r}]", *_member_lines(scope, name, hint),
                      f"v_{name} = value"]
        elif has_default:
            scope[f"default_{name}"] = field.default
            lines.append(f"v_{name} = {value} if {key!r} in o else default_{name}")
        else:
            lines.append(f"v_{name} = {value}")
    if direct:
        # the model's checks on the values read, then the slots, then its own _check
        checks = field_checks(cls, scope, lambda name: f"v_{name}",
                              lambda name, value: f"v_{name} = {value}")
        own = checks[-1:] if checks[-1:] == ["self._check()"] else []
        lines += [*checks[:len(checks) - len(own)], "self = new(cls)", *fills, *own,
                  "return self"]
    else:
        lines.append(f"return cls({', '.join([*arguments, '**present'])})")
    source = f"def structure_{cls.__name__}(o, _):\n" + "".join(f"    {line}\n" for line in lines)
    return function(source, f"structure_{cls.__name__}", scope, f"structure {_label(cls)}")


def _fills_slots(cls: type) -> bool:
    """Whether a reader may fill ``cls``'s slots itself: a frozen slotted dataclass whose
    fields all take plain defaults (what its ``__init__`` would do, checks included)."""
    params = getattr(cls, "__dataclass_params__", None)
    return (params is not None and params.frozen and "__slots__" in cls.__dict__
            and all(field.init and field.default_factory is dataclasses.MISSING
                    for field in dataclasses.fields(cls)))


def _on_first_use(scope: dict[str, Any], name: str, hint: Any) -> Callable[[Any, Any], Any]:
    """A stand-in for the hook of ``hint`` in a generated reader's ``scope``: the real
    hook is made (and put in its place) the first time a value of that field comes, so
    a field that never shows up (an emoji list, a mention) costs no hook, no import."""

    def first_use(value: Any, cls: Any) -> Any:
        hook = scope[f"hook_{name}"] = structure_hook(hint)
        return hook(value, cls)

    return first_use


def _member_lines(scope: dict[str, Any], name: str, family: type) -> list[str]:
    """Lines reading ``value`` (a JSON object, not None) as a member of ``family``, inline.

    The member's hook is called directly when its tag was seen before (one call
    instead of two, for every nested event source, message, action, ...); any
    other case, and a member that cannot be read, goes to the family's reader,
    which knows the rest (new tags, Unknown members, errors).
    """
    reader = structure_hook(family)
    scope[f"members_{name}"] = _FAMILY_HOOKS[family].get
    scope[f"family_{name}"] = reader
    scope["DATA_ERRORS"] = DATA_ERRORS
    return ["tag = value.get('type') if value.__class__ is dict else None",
            f"hook = members_{name}(tag) if tag.__class__ is str else None",
            "if hook is None:",
            f"    value = family_{name}(value, None)",
            "else:",
            "    try:",
            "        value = hook(value, None)",
            "    except DATA_ERRORS:",
            f"        value = family_{name}(value, None)"]


#: family base -> {tag: reader of its member} for the tags read so far
_FAMILY_HOOKS: dict[type, dict[str, Callable[[Any, Any], Any]]] = {}


def _family_reader(base: type) -> Callable[[Any, Any], Any]:
    """One dict lookup on ``type``; a member's module is imported when its tag first comes."""
    table = family_of(base)
    assert table is not None
    hooks = _FAMILY_HOOKS.setdefault(base, {})

    def structure_member(data: Any, _: Any) -> Any:
        try:  # the common case first: an object whose tag was read before
            hook: Callable[[Any, Any], Any] | None = hooks[data["type"]]
        except (KeyError, TypeError, IndexError):
            if not isinstance(data, dict):
                raise _not_an_object(base, data) from None
            tag = data.get("type")
            member = table.member(tag) if isinstance(tag, str) else None
            hook = None
            if member is not None and isinstance(tag, str):
                hook = hooks[tag] = structure_hook(member)
        if hook is not None:
            try:
                return hook(data, None)
            except DATA_ERRORS:
                if table.unknown is None:
                    raise
                # a known tag in a shape that cannot be read: kept whole as Unknown
        unknown = table.unknown_member()
        if unknown is None:
            raise InvalidPayloadError(f"{base.__name__} has no member of type "
                                      f"{data.get('type')!r}")
        return structure_hook(unknown)(data, unknown)

    return structure_member


def _raw_reader(cls: type) -> Callable[[Any, Any], Any]:
    """Reads a :class:`~linebot_fp.models._base.KeepsRaw` model: ``raw`` is the JSON object,
    frozen; each other field is read from it when it can be (else it keeps its default:
    ``raw`` has it anyway). Made through ``cls(...)``, so its checks run."""
    fields: tuple[tuple[str, str, Any], ...] | None = None

    def structure_raw(data: Any, _: Any) -> Any:
        nonlocal fields
        if not isinstance(data, dict):
            raise _not_an_object(cls, data)
        if fields is None:  # worked out on the first value (threads may both do it: same result)
            hints = type_hints(cls)
            fields = tuple((field.name, wire_key(cls, field), hints[field.name])
                           for field in dataclasses.fields(cls) if field.name != "raw")
        raw = freeze(data)
        values = {}
        for name, key, hint in fields:
            if key in raw:  # read from the frozen JSON: what a field keeps stays hashable
                try:
                    values[name] = structure_hook(hint)(raw[key], hint)
                except DATA_ERRORS:
                    continue
        return cls(raw=raw, **values)

    return structure_raw


# -- writers ---------------------------------------------------------------------------------------

_WRITERS: dict[Any, Callable[[Any], Any]] = {}
#: exact class of a model value -> its writer
_BY_CLASS: dict[type, Callable[[Any], Any]] = {}


def _make_writer(hint: Any) -> Callable[[Any], Any]:
    if _is_model(hint):  # the value's own class decides (a member, a subclass, the base)
        return _write_by_class
    shape = _shape(hint)
    if shape == "scalar":
        return _identity
    if shape == "optional":
        inner_hook = unstructure_hook(_optional_inner(hint))
        return lambda value: None if value is None else inner_hook(value)
    if shape == "sequence":
        if _as_is(get_args(hint)[0]):
            return list
        return lambda value: [_write_by_class(item) for item in value]
    if shape == "mapping":
        value_hint = get_args(hint)[1]
        if _as_is(value_hint):
            return dict
        value_hook = unstructure_hook(value_hint)
        return lambda value: {key: value_hook(item) for key, item in value.items()}
    return _cattrs().get_unstructure_hook(hint)


def _identity(value: Any) -> Any:
    return value


def _class_writer(cls: type) -> Callable[[Any], Any]:
    """The writer of a value whose class is exactly ``cls`` (a family base: its own fields)."""
    hook = _BY_CLASS.get(cls)
    if hook is None:
        hook = _BY_CLASS[cls] = (_raw_writer if issubclass(cls, KeepsRaw)
                                 else _fields_writer(cls))
    return hook


def _write_by_class(value: Any) -> Any:
    """A field typed as a family base (or any model) holds some class: use that class's writer."""
    cls = value.__class__
    hook = _BY_CLASS.get(cls)
    if hook is None:
        if not _is_model(cls):
            return unstructure(value)
        hook = _class_writer(cls)
    return hook(value)


def _raw_writer(value: Any) -> Any:
    """A model keeping its JSON whole writes ``raw`` back exactly, as plain dicts and lists."""
    return thaw(value.raw)


def _fields_writer(cls: type) -> Callable[[Any], dict[str, Any]]:
    """A function writing ``cls`` as a JSON object, generated for it: one pass over the fields.

    A field equal to its default (``None``) is left out as it is read; JSON
    scalars are written as they are; a model (or a sequence of them) goes through
    the writer of its runtime class, found by one dict lookup; anything else
    through its hook. The ``type`` tag is written last.
    """
    hints = type_hints(cls)
    scope: dict[str, Any] = {"by_class": _BY_CLASS.get, "find": _write_by_class}
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
        else:  # required fields first, in one dict display
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
    return function(source, f"unstructure_{cls.__name__}", scope, f"unstructure {_label(cls)}")


def _writer(scope: dict[str, Any], name: str, hint: Any, declared: Any, x: str = "x") -> str:
    """The expression writing the value ``x`` of field ``name`` whose type is ``hint``."""
    item = get_args(hint)[0] if _shape(hint) == "sequence" else None
    if _as_is(hint):
        return x
    if _is_model(hint):
        return f"(by_class({x}.__class__) or find)({x})"
    if item is not None and _as_is(item):
        return f"list({x})"
    if item is not None and _is_model(item):
        return f"[(by_class(i.__class__) or find)(i) for i in {x}]"
    scope[f"hook_{name}"] = unstructure_hook(declared)
    return f"hook_{name}({x})"


def _label(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


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

