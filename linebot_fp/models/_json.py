"""JSON kept whole and frozen: what an ``Unknown...`` model holds in ``raw``.

A :class:`JsonObject` is a ``dict`` and a :class:`JsonArray` a ``tuple`` that read
exactly like the JSON they were made from (``raw["type"]``, ``raw.get("id")``,
iteration, ``len``, ``repr``), compare equal to it (``raw == {"type": "x"}``,
``raw["items"] == [1, 2]``), hash by content, and refuse every change: so a model
holding one stays immutable and hashable, and ``json.dumps`` writes it back as it
came. :func:`freeze` makes one from parsed JSON; :func:`thaw` gives plain
``dict``/``list`` values back.

Standard library only; this module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NoReturn, SupportsIndex, overload

__all__ = ["JsonArray", "JsonObject", "freeze", "thaw"]


class JsonObject(dict[str, Any]):
    """A JSON object that cannot change: a ``dict`` that is hashable and refuses changes.

    Its values are frozen too (objects are ``JsonObject``, arrays ``JsonArray``).
    """

    __slots__ = ("_hash",)

    def __init__(self, items: Mapping[str, Any] | Iterable[tuple[str, Any]] = (), /) -> None:
        source = items.items() if isinstance(items, Mapping) else items
        dict.__init__(self, ((key, freeze(value)) for key, value in source))
        self._hash: int | None = None

    def __hash__(self) -> int:  # type: ignore[override]  # a dict is not hashable; this one is
        if self._hash is None:
            self._hash = hash(frozenset(self.items()))
        return self._hash

    def __reduce__(self) -> tuple[Any, ...]:
        return (JsonObject, (thaw(self),))

    def __copy__(self) -> JsonObject:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> JsonObject:
        return self

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("a JsonObject cannot change: it is the JSON as received "
                        "(thaw() it for a dict you can change)")

    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse


class JsonArray(tuple[Any, ...]):
    """A JSON array that cannot change: a ``tuple`` equal to the list it was made from."""

    __slots__ = ()

    def __new__(cls, items: Iterable[Any] = (), /) -> JsonArray:
        return tuple.__new__(cls, [freeze(item) for item in items])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple)):
            return len(self) == len(other) and all(
                mine == theirs for mine, theirs in zip(self, other, strict=True))
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = tuple.__hash__

    def __repr__(self) -> str:
        return repr(list(self))

    @overload
    def __getitem__(self, index: SupportsIndex, /) -> Any: ...
    @overload
    def __getitem__(self, index: slice, /) -> JsonArray: ...
    def __getitem__(self, index: SupportsIndex | slice, /) -> Any:
        item = tuple.__getitem__(self, index)
        return JsonArray(item) if isinstance(index, slice) else item

    def __reduce__(self) -> tuple[Any, ...]:
        return (JsonArray, (thaw(self),))

    def __copy__(self) -> JsonArray:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> JsonArray:
        return self


def freeze(value: Any) -> Any:
    """``value`` (parsed JSON), its objects made :class:`JsonObject`, its arrays :class:`JsonArray`.

    Already frozen values and scalars come back as they are.
    """
    cls = value.__class__
    if cls is JsonObject or cls is JsonArray:
        return value
    if isinstance(value, Mapping):
        return JsonObject(value)
    if isinstance(value, (list, tuple)):
        return JsonArray(value)
    return value


def thaw(value: Any) -> Any:
    """Plain ``dict`` and ``list`` values again, as ``json.loads`` would give them."""
    if isinstance(value, Mapping):
        return {key: thaw(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [thaw(item) for item in value]
    return value
