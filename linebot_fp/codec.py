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
from collections.abc import Callable
from functools import cache
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

from cattrs import Converter
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from linebot_fp.errors import InvalidPayloadError
from linebot_fp.models._base import WIRE_KEY, Model, Unknown

__all__ = ["converter", "dumps", "loads", "structure", "unstructure", "wire_key"]

T = TypeVar("T")

converter = Converter(detailed_validation=False, unstruct_collection_overrides={tuple: list})

_JSON_SCALARS = (str, int, float, bool)


def _passthrough(value: Any, _: Any) -> Any:
    """JSON scalars are read as they are: no ``str(5)`` surprises, no cost."""
    return value


for _scalar in _JSON_SCALARS:
    converter.register_structure_hook(_scalar, _passthrough)

_RAW_KEY = "\x00raw"  # where an Unknown member's generated hook finds the original object


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


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON of a model or plain value, non-ASCII kept as is."""
    return json.dumps(
        converter.unstructure(value), ensure_ascii=False, separators=(",", ":")
    ).encode()


def loads(data: bytes | str) -> Any:
    """Parse JSON text, raising ``InvalidPayloadError`` when it is not JSON."""
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidPayloadError(f"not JSON: {exc}") from exc


# -- which kind of model a class is ---------------------------------------------------


def _is_model(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Model) and cls is not Model


def _own_tag(cls: type) -> str | None:
    tag = cls.__dict__.get("type")
    return tag if isinstance(tag, str) else None


@cache
def _members(base: Any) -> tuple[dict[str, type], type | None]:
    """The tagged members of a family base by tag, and its Unknown member."""
    for module in base.members_in:
        importlib.import_module(module)
    by_tag: dict[str, type] = {}
    unknown: type | None = None
    pending: list[type] = list(base.__subclasses__())
    while pending:
        sub = pending.pop()
        pending.extend(sub.__subclasses__())
        if "__slots__" not in sub.__dict__ or not dataclasses.is_dataclass(sub):
            continue  # the pre-slots twin that @dataclass(slots=True) leaves behind
        if issubclass(sub, Unknown):
            unknown = sub
        elif (tag := _own_tag(sub)) is not None:
            by_tag.setdefault(tag, sub)
    return by_tag, unknown


def _is_family(cls: Any) -> bool:
    if _own_tag(cls) is not None or issubclass(cls, Unknown):
        return False
    by_tag, _ = _members(cls)
    return bool(by_tag)


# -- hook factories ----------------------------------------------------------------------


def _renames(cls: type) -> dict[str, Any]:
    return {f.name: override(rename=wire_key(cls, f)) for f in dataclasses.fields(cls)}


def _unstructure_factory(cls: type) -> Callable[[Any], Any]:
    if issubclass(cls, Unknown):
        return lambda value: dict(value.raw)
    if _is_family(cls):
        return _unstructure_by_class
    fields_fn = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True, **_renames(cls)
    )
    tag = _own_tag(cls) or getattr(cls, "type", None)
    if not isinstance(tag, str):
        return fields_fn

    def unstructure_tagged(value: Any) -> dict[str, Any]:
        data = fields_fn(value)
        data["type"] = tag
        return data

    return unstructure_tagged


def _unstructure_by_class(value: Any) -> Any:
    return converter.unstructure(value, unstructure_as=value.__class__)


def _structure_factory(cls: type) -> Callable[[Any, Any], Any]:
    if issubclass(cls, Unknown):
        return _unknown_structurer(cls)
    if _is_family(cls):
        return _family_structurer(cls)
    fields_fn = make_dict_structure_fn(cls, converter, **_renames(cls))

    def structure_model(data: Any, _: Any) -> Any:
        if not isinstance(data, dict):
            raise _not_an_object(cls, data)
        return fields_fn(data, cls)

    return structure_model


def _unknown_structurer(cls: type) -> Callable[[Any, Any], Any]:
    renames = _renames(cls)
    renames["raw"] = override(rename=_RAW_KEY)
    fields_fn: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, converter, **renames)

    def structure_unknown(data: Any, _: Any) -> Any:
        if not isinstance(data, dict):
            raise _not_an_object(cls, data)
        try:  # keep whatever common fields can be read...
            return fields_fn({**data, _RAW_KEY: data}, cls)
        except Exception:  # ...and never more than the raw object when they cannot
            return cls(raw=data)

    return structure_unknown


def _family_structurer(base: type) -> Callable[[Any, Any], Any]:
    by_tag, unknown = _members(base)
    structurers = {tag: converter.get_structure_hook(member) for tag, member in by_tag.items()}
    members = by_tag

    def structure_member(data: Any, _: Any) -> Any:
        if not isinstance(data, dict):
            raise _not_an_object(base, data)
        tag = data.get("type")
        member_hook = structurers.get(tag) if isinstance(tag, str) else None
        if member_hook is not None and isinstance(tag, str):
            if unknown is None:
                return member_hook(data, members[tag])
            try:
                return member_hook(data, members[tag])
            except Exception:
                pass  # a known tag in a shape we cannot read: keep it as Unknown
        if unknown is None:
            raise InvalidPayloadError(f"{base.__name__} has no member of type {tag!r}")
        return converter.get_structure_hook(unknown)(data, unknown)

    return structure_member


def _is_optional_scalar(hint: Any) -> bool:
    args = get_args(hint)
    return (get_origin(hint) in (Union, UnionType) and len(args) == 2 and type(None) in args
            and all(arg in _JSON_SCALARS or arg is type(None) for arg in args))


converter.register_unstructure_hook_factory(_is_model, _unstructure_factory)
converter.register_structure_hook_factory(_is_model, _structure_factory)
# ``str | None`` and friends: no per-field optional wrapper, in either direction
converter.register_unstructure_hook_factory(_is_optional_scalar, lambda _: identity)
converter.register_structure_hook_factory(_is_optional_scalar, lambda _: _passthrough)


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
