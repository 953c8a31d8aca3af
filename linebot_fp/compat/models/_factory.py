"""One generic class factory: a legacy-shaped class for each core model.

``legacy_class(core)`` makes (once, then caches) a subclass of
:class:`~linebot_fp.compat.models.base.Base` standing for the core class
``core``: same name, same attributes, the legacy constructor of
:mod:`~linebot_fp.compat.models._table` (positional order, defaults), the same
class tree (``TextSendMessage`` is a ``SendMessage``). What a generated class
knows about its attributes (JSON keys, which hold nested models, the ``type``
tag) is read from the core class's dataclass fields and type hints, on first use.

At the boundary the two worlds convert: :func:`from_core` turns core values
(webhook events, API answers) into legacy ones, :func:`to_core` turns legacy
values (including users' own ``Base`` subclasses) into the core model a
builder takes, through their JSON. Both directions give the same JSON.

This module performs no I/O.
"""

from __future__ import annotations

import ast
import copy
import dataclasses
import importlib
import threading
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any, TypeVar, Union

from linebot_fp import codec
from linebot_fp.compat.models._table import ALIASES, CORE_NAMES, LEGACY
from linebot_fp.compat.models.base import Base, json_of, to_snake_case
from linebot_fp.models._base import KeepsRaw, Model, family_of, strip_optional

__all__ = ["from_core", "legacy_class", "legacy_module", "legacy_named", "to_core"]

T = TypeVar("T")
PACKAGE = "linebot_fp.compat.models"


# -- the table, read once ------------------------------------------------------------------


@cache
def _by_core_name() -> dict[str, tuple[str, str, str]]:
    """Core class name -> (legacy module, legacy name, parameters)."""
    rows = {}
    for module, classes in LEGACY.items():
        for name, params in classes.items():
            core_name = CORE_NAMES.get(name, name).rpartition(":")[2]
            rows[core_name] = (module, name, params)
    return rows


def _core_class(name: str) -> type:
    module, _, class_name = CORE_NAMES.get(name, f"linebot_fp.models:{name}").partition(":")
    cls: type = getattr(importlib.import_module(module), class_name)
    return cls


def legacy_named(name: str) -> type[Base]:
    """The legacy class of that name (``TextSendMessage``, ``PostbackTemplateAction``, ...)."""
    return legacy_class(_core_class(ALIASES.get(name, name)))


def legacy_module(module: str) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """``(__all__, __getattr__, __dir__)`` for ``linebot_fp.compat.models.<module>``."""
    short = module.rpartition(".")[2]
    names = sorted(LEGACY[short])

    def __getattr__(name: str) -> Any:  # noqa: N807
        if name not in LEGACY[short]:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        return legacy_named(name)

    def __dir__() -> list[str]:  # noqa: N807
        return names

    return names, __getattr__, __dir__


# -- the classes -------------------------------------------------------------------------------


def _device_message(self: Any) -> bytearray | None:
    """The beacon's device message (``dm``, hexadecimal on the wire) as bytes, or ``None``."""
    return bytearray.fromhex(self.dm) if self.dm is not None else None


def _sender(attribute: str) -> property:
    return property(lambda self: getattr(self, attribute),
                    doc=f"Who sent the event: the source's ``{attribute}`` (legacy ``sender_id``).")


#: the few computed attributes legacy classes had beyond their JSON
_EXTRAS: dict[str, dict[str, Any]] = {
    "Beacon": {"device_message": property(_device_message)},
    "SourceUser": {"sender_id": _sender("user_id")},
    "SourceGroup": {"sender_id": _sender("group_id")},
    "SourceRoom": {"sender_id": _sender("room_id")},
}

_classes: dict[type, type[Base]] = {}
_LOCK = threading.RLock()  # one legacy class per core class, even when threads race


def legacy_class(core: type) -> type[Base]:
    """The legacy class standing for the core model class ``core`` (made on first use)."""
    made = _classes.get(core)
    if made is not None:
        return made
    with _LOCK:
        return _classes.get(core) or _make_class(core)


def _make_class(core: type) -> type[Base]:
    module, name, params = _by_core_name().get(core.__name__, ("", core.__name__, ""))
    parents = tuple(legacy_class(parent) for parent in core.__bases__
                    if parent is not Model and dataclasses.is_dataclass(parent))
    fields = dataclasses.fields(core)
    namespace = {
        "__module__": f"{PACKAGE}.{module}" if module else PACKAGE,
        "__qualname__": name,
        "__doc__": f"The legacy ``{name}``, standing for the core :class:`{core.__module__}."
                   f"{core.__qualname__}`.",
        "_wire_keys": {"type": "type",
                       **{field.name: codec.wire_key(core, field) for field in fields}},
        "_keeps_raw": issubclass(core, KeepsRaw),
        **_EXTRAS.get(name, {}),
    }
    cls: type[Base] = types.new_class(name, parents or (Base,),
                                      exec_body=lambda ns: ns.update(namespace))
    cls._spec = _ClassSpec(cls, core, params)
    _classes[core] = cls
    return cls


class _ClassSpec:
    """How one generated class is built, read from JSON and converted (see ``Base``)."""

    def __init__(self, cls: type[Base], core: type, params: str) -> None:
        self.cls = cls
        self.core = core
        tag = core.__dict__.get("type")
        self.tag = tag if isinstance(tag, str) else None
        self.positional: list[str] = []
        self.names: dict[str, tuple[str, ...]] = {}  # attribute -> the keywords that set it
        self.defaults: dict[str, Any] = {}
        for param in params.split():
            param, _, default = param.partition("=")
            param, _, attribute = param.partition(":")
            attribute = attribute or param
            self.positional.append(param)
            self.names[attribute] = (param, attribute) if param != attribute else (param,)
            if default:
                self.defaults[attribute] = ast.literal_eval(default)
        for field in dataclasses.fields(core):
            self.names.setdefault(field.name, (field.name,))
        self.keywords = {name for names in self.names.values() for name in names}
        self.by_key = {key: attr for attr, key in cls._wire_keys.items()}
        self._slots: list[tuple[str, tuple[str, ...], Any,
                                Callable[[Any], Any] | None]] | None = None

    def fill(self, value: Base, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if len(args) > len(self.positional):
            raise TypeError(f"{self.cls.__name__}() takes at most {len(self.positional)} "
                            f"positional arguments ({len(args)} given)")
        given = dict(zip(self.positional, args, strict=False))
        for key, item in kwargs.items():
            key = key if key in self.keywords else self.by_key.get(key, key)  # camelCase too
            if key in given:
                raise TypeError(f"{self.cls.__name__}() got multiple values for {key!r}")
            given[key] = item
        if self.tag is not None:
            value.type = self.tag
        attrs = value.__dict__
        for attribute, names, default, to_legacy in self.slots():
            item = default
            for name in names:
                if name in given:
                    item = given[name]
                    break
            else:
                if default is not None:
                    item = copy.copy(default)  # a list default: each instance its own
            attrs[attribute] = item if to_legacy is None or item is None else to_legacy(item)

    def attribute(self, key: str) -> str:
        return self.by_key.get(key) or to_snake_case(key)

    def member(self, data: Mapping[str, Any]) -> type[Base] | None:
        if family_of(self.core) is None:
            return None
        found = _pick((self.core,), data)
        return found if isinstance(found, type) else None

    def slots(self) -> list[tuple[str, tuple[str, ...], Any, Callable[[Any], Any] | None]]:
        """Per attribute: its keywords, its default, and the function making a given value
        legacy (dicts to models, tuples to lists), or ``None``. Read from the type hints once."""
        if self._slots is None:
            hints = typing.get_type_hints(self.core)
            self._slots = [(name, names, self.defaults.get(name),
                            _converter(hints[name]) if name in hints else None)
                           for name, names in self.names.items()]
        return self._slots


# -- converting values -------------------------------------------------------------------------


def _converter(hint: Any) -> Callable[[Any], Any] | None:
    hint, _ = strip_optional(hint)
    origin = typing.get_origin(hint)
    if origin in (tuple, Sequence, list):
        inner = _converter(typing.get_args(hint)[0]) or _same
        return lambda value: ([inner(item) for item in value]
                              if isinstance(value, (list, tuple)) else inner(value))
    if origin in (Mapping, dict):
        of_value = _converter(typing.get_args(hint)[1]) or _same
        return lambda value: ({key: of_value(item) for key, item in value.items()}
                              if isinstance(value, Mapping) else value)
    options = typing.get_args(hint) if origin in (Union, types.UnionType) else (hint,)
    models = tuple(option for option in options if isinstance(option, type)
                   and dataclasses.is_dataclass(option) and not issubclass(option, Mapping))
    if not models:
        return None
    return lambda value: _legacy_value(models, value)


def _same(value: Any) -> Any:
    return value


def _legacy_value(models: tuple[type, ...], value: Any) -> Any:
    if isinstance(value, Base):
        return value
    if isinstance(value, Mapping):
        found = _pick(models, value)
        if isinstance(found, type) and issubclass(found, Base):
            return found.new_from_json_dict(value)
        return found
    return from_core(value)


def _pick(models: tuple[type, ...], data: Mapping[str, Any]) -> Any:
    """The legacy class for the JSON object ``data`` where one of ``models`` is expected.

    A family base picks its member by ``type``; an unknown ``type`` of a received
    family gives its ``Unknown...`` member; anything else stays the dict it was.
    """
    tag = data.get("type")
    for core in models:
        table = family_of(core)
        if table is not None and isinstance(tag, str):
            member = table.member(tag)  # the one table of the family, as the codec reads it
            if member is not None:
                return legacy_class(member)
        elif table is None:
            return legacy_class(core)
    try:
        return from_core(codec.structure(dict(data), models[0]))
    except ValueError:
        return dict(data)


def from_core(value: Any) -> Any:
    """The legacy form of a core value: models as legacy classes, tuples as lists."""
    if isinstance(value, tuple):
        return [from_core(item) for item in value]
    if isinstance(value, Mapping):
        if dataclasses.is_dataclass(value):  # PostbackParams: the legacy SDK gave a dict
            return codec.unstructure(value)
        return {key: from_core(item) for key, item in value.items()}
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    cls = legacy_class(type(value))
    legacy = cls.__new__(cls)
    spec = typing.cast(_ClassSpec, cls._spec)
    tag = spec.tag or getattr(value, "type", None)  # a family member's, or an Unknown's
    if tag is not None:
        legacy.type = tag
    for attribute in spec.names:
        legacy.__dict__[attribute] = from_core(getattr(value, attribute, None))
    return legacy


def to_core(value: Any, core: type[T]) -> T:
    """The core ``core`` model for a legacy value (or a core one, or its JSON dict).

    A generated class is read as its own core class, so a value missing a required
    field raises ``InvalidInputError`` naming it; a user's own ``Base`` subclass is
    read as ``core`` (a family base keeps an unknown ``type`` as it is).
    """
    if isinstance(value, core):
        return value
    spec = getattr(type(value), "_spec", None)
    if isinstance(spec, _ClassSpec) and issubclass(spec.core, core) and not spec.cls._keeps_raw:
        made: T = codec.structure(value.as_json_dict(), spec.core)
        return made
    return codec.structure(json_of(value), core)
