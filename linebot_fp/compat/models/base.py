"""The legacy ``linebot.models.base``: ``Base``, the class every legacy model stands on.

A legacy model is a plain mutable object: its attributes are its JSON object's
members in snake_case, ``str()`` and ``repr()`` are that JSON (keys sorted),
and two models are equal when their JSON is. Users subclass ``Base`` with
classes that just set attributes, and get ``as_json_dict``,
``as_json_string`` and ``new_from_json_dict`` for free.

The classes of :mod:`linebot_fp.compat.models` are made from the core models by
:mod:`linebot_fp.compat.models._factory`; the hooks they fill in (``_spec``,
``_wire_keys``) are empty here, so a user's subclass behaves exactly as the
legacy ``Base`` did.

This module performs no I/O.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from linebot_fp import codec
from linebot_fp.models._base import Model
from linebot_fp.models._json import thaw

__all__ = ["Base", "json_of", "to_camel_case", "to_snake_case"]


class _Spec(Protocol):
    """What the factory tells ``Base`` about a generated class (see ``_factory``)."""

    def fill(self, value: Base, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None: ...

    def attribute(self, key: str) -> str: ...

    def member(self, data: Mapping[str, Any]) -> type[Base] | None: ...


class Base:
    """A legacy model: mutable, its JSON as ``str``, equal to any model of the same JSON."""

    #: filled by the factory for generated classes; ``None`` for ``Base`` and users' subclasses
    _spec: ClassVar[_Spec | None] = None
    #: attribute -> JSON key, where the key is not the camelCase of the attribute
    _wire_keys: ClassVar[Mapping[str, str]] = {}
    #: whether its JSON is its ``raw`` (an unknown ``type``, postback params)
    _keeps_raw: ClassVar[bool] = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Generated classes take their legacy parameters, positionally or by name.

        Each is optional; nested models may be given as JSON dicts (camelCase or
        snake_case keys); unknown keywords (``type=`` among them) are ignored, as
        the legacy SDK ignored them. ``Base`` itself takes keywords and ignores them.
        """
        spec = type(self)._spec
        if spec is not None:
            spec.fill(self, args, kwargs)
        elif args:
            raise TypeError(f"{type(self).__name__}() takes keyword arguments only")

    if TYPE_CHECKING:  # legacy models were untyped: any attribute is Any to checkers
        def __getattr__(self, name: str) -> Any: ...

        def __setattr__(self, name: str, value: Any) -> None: ...

    def __str__(self) -> str:
        return self.as_json_string()

    def __repr__(self) -> str:
        return self.as_json_string()

    def __eq__(self, other: object) -> bool:
        return other is not None and bool(self.as_json_dict() == json_of(other))

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]  # mutable, as the legacy models were

    def as_json_string(self) -> str:
        """This model's JSON, keys sorted."""
        return json.dumps(self.as_json_dict(), sort_keys=True)

    def as_json_dict(self) -> dict[str, Any]:
        """This model's JSON object: camelCase keys, ``None`` left out, models nested as JSON."""
        if self._keeps_raw and isinstance(self.__dict__.get("raw"), Mapping):
            kept: dict[str, Any] = thaw(self.__dict__["raw"])
            return kept
        keys = self._wire_keys
        data: dict[str, Any] = {}
        for name, value in self.__dict__.items():
            if value is None:
                continue
            key = keys.get(name) or to_camel_case(name)
            if isinstance(value, _PLAIN):
                data[key] = value
            elif isinstance(value, (list, tuple, set)):
                data[key] = [json_of(item) for item in value]
            else:
                data[key] = json_of(value)
        return data

    @classmethod
    def new_from_json_dict(cls, data: Mapping[str, Any], use_raw_message: bool = False) -> Any:
        """The model read from its JSON object (camelCase or snake_case keys).

        On a family base (``Event``, ``Action``, ``FlexComponent``, ...) the JSON
        ``type`` picks the class. ``use_raw_message`` is accepted for legacy callers.
        """
        spec = cls._spec
        member = spec.member(data) if spec is not None else None
        if member is not None and member is not cls:
            return member.new_from_json_dict(data)
        attribute = spec.attribute if spec is not None else to_snake_case
        return cls(**{attribute(key): value for key, value in data.items()})

    @staticmethod
    def get_or_new_from_json_dict(data: Any, cls: type[Base]) -> Any:
        """``data`` if it is a ``cls``, the ``cls`` read from it if it is a dict, else ``None``."""
        if isinstance(data, cls):
            return data
        if isinstance(data, dict):
            return cls.new_from_json_dict(data)
        return None

    @staticmethod
    def get_or_new_from_json_dict_with_types(data: Any, cls_map: Mapping[str, type[Base]],
                                             type_key: str = "type") -> Any:
        """Like :meth:`get_or_new_from_json_dict`, the class chosen by ``data[type_key]``."""
        if isinstance(data, tuple(cls_map.values())):
            return data
        if isinstance(data, dict) and data.get(type_key) in cls_map:
            return cls_map[data[type_key]].new_from_json_dict(data)
        return None


def json_of(value: Any) -> Any:
    """The JSON form of a legacy model, a core model, or a plain value."""
    if hasattr(value, "as_json_dict"):  # a legacy model (Base, or a user's class like one)
        return value.as_json_dict()
    if isinstance(value, Model):
        return codec.unstructure(value)
    if isinstance(value, Mapping):
        return {key: json_of(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_of(item) for item in value]
    return value


_PLAIN = (str, int, float, bool)
_UPPER = re.compile(r"(.)([A-Z])")
_DIGITS = re.compile(r"(.)([0-9]+)")
_DIGIT_LOWER = re.compile(r"([0-9])([a-z])")


def to_snake_case(text: str) -> str:
    """``originalContentUrl`` -> ``original_content_url``; ``mediaPlayed25Percent`` ->
    ``media_played_25_percent``."""
    text = _DIGIT_LOWER.sub(r"\1_\2", _DIGITS.sub(r"\1_\2", _UPPER.sub(r"\1_\2", text)))
    return text.lower()


def to_camel_case(text: str) -> str:
    """``original_content_url`` -> ``originalContentUrl``."""
    head, *rest = text.split("_")
    return head + "".join(part.title() for part in rest)
