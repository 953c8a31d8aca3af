"""The two bases every model stands on.

Rules for every module under ``linebot_fp.models``:

* A model is a ``@dataclass(frozen=True, slots=True, kw_only=True)`` subclass of
  :class:`Model`. It performs no I/O and knows nothing of JSON: key names and
  ``None`` omission live in :mod:`linebot_fp.codec`.
* Attribute names are the snake_case of the wire keys. Where the key is not the
  plain camelCase of the attribute, the field says so with ``wire("key")``.
* A wire object tagged by ``type`` declares ``type: ClassVar[str] = "tag"``.
  A family of tagged objects shares a base class (``Action``, ``Event``, ...);
  the codec finds the member for a tag with one dict lookup, and falls back to
  the family's :class:`Unknown` member, which keeps the original JSON in ``raw``.
  A base whose members live in other modules lists them in ``members_in``.
* Sequences are stored as tuples: a list passed in is converted once, here.
* Cheap structural checks (a required field given as ``None``, a value outside
  a ``Literal``, the API's documented counts) raise :class:`~linebot_fp.errors.InvalidInputError`,
  a ``ValueError`` naming the field. A model adds its own in ``_check``.

This module performs no I/O.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Union

from linebot_fp.errors import InvalidInputError

__all__ = ["Model", "Unknown", "check_count", "wire"]

WIRE_KEY = "linebot_fp.wire"


def wire(key: str) -> dict[str, str]:
    """Field metadata naming a wire key that is not the camelCase of the attribute."""
    return {WIRE_KEY: key}


class _Plan(typing.NamedTuple):
    """What ``__post_init__`` does for one class, worked out on first use."""

    sequences: tuple[str, ...]
    required: tuple[str, ...]
    choices: tuple[tuple[str, frozenset[object]], ...]


_PLANS: dict[type, _Plan] = {}


class Model:
    """Base of every model: converts sequences to tuples and runs cheap checks."""

    __slots__ = ()

    #: modules to import before the codec collects the tagged members of this base
    members_in: ClassVar[tuple[str, ...]] = ()

    def __post_init__(self) -> None:
        cls = type(self)
        plan = _PLANS.get(cls) or _make_plan(cls)
        for name in plan.sequences:
            value = getattr(self, name)
            if value is not None and value.__class__ is not tuple:
                object.__setattr__(self, name, _as_tuple(cls, name, value))
        for name in plan.required:
            if getattr(self, name) is None:
                raise InvalidInputError(f"{cls.__name__}.{name} is required, got None")
        for name, allowed in plan.choices:
            value = getattr(self, name)
            if value is not None and value not in allowed:
                expected = ", ".join(sorted(map(repr, allowed)))
                raise InvalidInputError(
                    f"{cls.__name__}.{name} must be one of {expected}, got {value!r}"
                )
        self._check()

    def _check(self) -> None:
        """Model-specific checks (counts, lengths); the default has none."""


class Unknown:
    """Mixin for the member of a tagged family that stands for any tag nobody knows.

    Such a member has one field, ``raw``: the JSON object exactly as received.
    """

    __slots__ = ()
    raw: dict[str, Any]

    @property
    def type(self) -> str:
        tag = self.raw.get("type")
        return tag if isinstance(tag, str) else ""


def check_count(owner: object, name: str, items: tuple[object, ...] | None,
                low: int = 0, high: int | None = None) -> None:
    """Raise ``InvalidInputError`` unless ``low <= len(items) <= high``."""
    if items is None:
        return
    count = len(items)
    if count < low or (high is not None and count > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise InvalidInputError(
            f"{type(owner).__name__}.{name} takes {bound} items, got {count}"
        )


def _as_tuple(cls: type, name: str, value: object) -> tuple[object, ...]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, typing.Iterable):
        raise InvalidInputError(
            f"{cls.__name__}.{name} takes a sequence, got {type(value).__name__}"
        )
    return tuple(value)


def _make_plan(cls: type) -> _Plan:
    hints = typing.get_type_hints(cls)
    sequences: list[str] = []
    required: list[str] = []
    choices: list[tuple[str, frozenset[object]]] = []
    for field in dataclasses.fields(cls):
        hint, optional = _strip_optional(hints[field.name])
        if typing.get_origin(hint) is tuple:
            sequences.append(field.name)
        if typing.get_origin(hint) is Literal:
            choices.append((field.name, frozenset(typing.get_args(hint))))
        if not optional and hint is not Any:
            required.append(field.name)
    plan = _Plan(tuple(sequences), tuple(required), tuple(choices))
    _PLANS[cls] = plan
    return plan


def _strip_optional(hint: Any) -> tuple[Any, bool]:
    """``X | None`` -> ``(X, True)``; anything else -> ``(hint, False)``."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = typing.get_args(hint)
        if type(None) in args:
            rest = tuple(arg for arg in args if arg is not type(None))
            remainder: Any = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007
            return remainder, True
    return hint, False
