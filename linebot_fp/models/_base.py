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
  A base whose members live in other modules lists them in ``members_in``, or,
  for members rarely received, in ``members_later`` (imported on first sight).
* Sequences are annotated ``Sequence[X]`` (so a list type-checks where users pass
  one) and stored as tuples: a list passed in is converted once, here.
* Cheap structural checks (a required field given as ``None``, a value outside
  a ``Literal``, the API's documented counts) raise :class:`~linebot_fp.errors.InvalidInputError`,
  a ``ValueError`` naming the field. A model adds its own in ``_check``.

This module performs no I/O.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Union

from linebot_fp.errors import InvalidInputError

__all__ = ["KeepsRaw", "Model", "Unknown", "check_count", "strip_optional", "type_hints", "wire"]

WIRE_KEY = "linebot_fp.wire"


def wire(key: str) -> dict[str, str]:
    """Field metadata naming a wire key that is not the camelCase of the attribute."""
    return {WIRE_KEY: key}


class Model:
    """Base of every model: converts sequences to tuples and runs cheap checks.

    Each class gets a ``__post_init__`` written for it: on its first instance the
    class's fields are read once (sequences, required fields, ``Literal`` choices,
    an own ``_check``) and a function doing just that is compiled and put in the
    class, so later instances pay only for the checks they need. The ``__init__``
    that ``@dataclass`` wrote is then replaced by one taking the same arguments
    that fills each slot through its descriptor (not ``object.__setattr__`` by
    name, as a frozen dataclass does), about half the cost for a large model.
    """

    __slots__ = ()

    #: modules to import before the codec collects the tagged members of this base
    members_in: ClassVar[tuple[str, ...]] = ()
    #: tag -> module of members imported only when a value with that tag is first read
    members_later: ClassVar[Mapping[str, str]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.__post_init__ = _first_post_init  # type: ignore[method-assign]

    def __post_init__(self) -> None:
        """Replaced per class (see the class docstring)."""

    def _check(self) -> None:
        """Model-specific checks (counts, lengths); the default has none."""


def _first_post_init(self: Model) -> None:
    cls = type(self)
    init = _compile_init(cls)
    if init is None:
        post_init = _compile_post_init(cls)
        cls.__post_init__ = post_init  # type: ignore[method-assign,assignment]
        post_init(self)
        return
    # the first instance went through the __init__ @dataclass wrote: its values
    # are checked (and sequences made tuples) by going through the faster one
    cls.__init__ = init  # type: ignore[method-assign]
    cls.__post_init__ = _later_post_init  # type: ignore[method-assign]
    init(self, **{field.name: getattr(self, field.name)
                  for field in dataclasses.fields(cls)})  # type: ignore[arg-type]


def _later_post_init(self: Model) -> None:
    """For the rare later call of the ``__init__`` @dataclass wrote (``super().__init__``
    from a subclass that is no dataclass): the checks, compiled now."""
    cls = type(self)
    post_init = _compile_post_init(cls)
    if cls.__dict__.get("__post_init__") in (_later_post_init, _first_post_init):
        cls.__post_init__ = post_init  # type: ignore[method-assign,assignment]
    post_init(self)


def type_hints(cls: type) -> dict[str, Any]:
    """``typing.get_type_hints(cls)``, resolved once per class (models and codec share it)."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


_HINTS: dict[type, dict[str, Any]] = {}


def _field_checks(cls: type[Model], scope: dict[str, Any], read: Callable[[str], str],
                  write: Callable[[str, str], str]) -> list[str]:
    """Source lines converting and checking each field: sequences to tuples, required
    fields, ``Literal`` choices. ``read(name)`` is the expression of a field's value,
    ``write(name, expression)`` the statement replacing it."""
    hints = type_hints(cls)
    scope.update(cls=cls, as_tuple=_as_tuple, required=_required, not_one_of=_not_one_of)
    lines = []
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        name = field.name
        value = read(name)
        hint, optional = strip_optional(hints[name])
        if typing.get_origin(hint) in (tuple, Sequence):
            lines += [f"if {value} is not None and {value}.__class__ is not tuple:",
                      f"    {write(name, f'as_tuple(cls, {name!r}, {value})')}"]
        if not optional and hint is not Any:
            lines += [f"if {value} is None:", f"    required(cls, {name!r})"]
        if typing.get_origin(hint) is Literal:
            scope[f"{name}_choices"] = frozenset(typing.get_args(hint))
            lines += [f"if {value} is not None and {value} not in {name}_choices:",
                      f"    not_one_of(cls, {name!r}, {value}, {name}_choices)"]
    if cls._check is not Model._check:
        lines.append("self._check()")
    return lines


def _compile_init(cls: type[Model]) -> Callable[..., None] | None:
    """The ``__init__`` ``@dataclass(frozen=True, slots=True, kw_only=True)`` writes, faster.

    Same arguments; the checks of ``__post_init__`` run on the arguments, then each
    slot is filled through its descriptor. ``None`` (keep the generated one) for any
    class that is not exactly such a dataclass: its own ``__init__``, ``init=False``
    fields, default factories.
    """
    params = getattr(cls, "__dataclass_params__", None)
    init = cls.__dict__.get("__init__")
    if (params is None or not params.frozen or "__slots__" not in cls.__dict__
            or init is None or init.__code__.co_filename != "<string>"):
        return None
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if any(not field.init or not field.kw_only or field.default_factory is not dataclasses.MISSING
           for field in fields):
        return None
    scope: dict[str, Any] = {"written": init}
    checks = _field_checks(cls, scope, lambda name: name, lambda name, value: f"{name} = {value}")
    own_check = checks[-1:] if checks[-1:] == ["self._check()"] else []
    # a subclass that inherits this __init__ (not a dataclass itself) gets the one
    # @dataclass wrote, which calls the subclass's own __post_init__ and checks
    forward = ", ".join(f"{field.name}={field.name}" for field in fields)
    arguments, lines = [], ["if self.__class__ is not cls:",
                            f"    return written(self, {forward})",
                            *checks[:len(checks) - len(own_check)]]
    for field in fields:
        name = field.name
        if field.default is dataclasses.MISSING:
            arguments.append(name)
        else:
            scope[f"default_{name}"] = field.default
            arguments.append(f"{name}=default_{name}")
        scope[f"set_{name}"] = getattr(cls, name).__set__
        lines.append(f"set_{name}(self, {name})")
    signature = ", ".join(["self", "*", *arguments] if arguments else ["self"])
    source = (f"def __init__({signature}):\n"
              + "".join(f"    {line}\n" for line in [*lines, *own_check] or ["pass"]))
    exec(compile(source, f"<init {cls.__qualname__}>", "exec"), scope)
    fast: Callable[..., None] = scope["__init__"]
    fast.__qualname__ = f"{cls.__qualname__}.__init__"
    fast.__doc__, fast.__annotations__ = init.__doc__, init.__annotations__
    fast.__module__ = cls.__module__
    return fast


def _compile_post_init(cls: type[Model]) -> Callable[[Model], None]:
    scope: dict[str, Any] = {"setattr": object.__setattr__}
    lines = _field_checks(cls, scope, lambda name: f"self.{name}",
                          lambda name, value: f"setattr(self, {name!r}, {value})")
    source = "def __post_init__(self):\n" + "".join(f"    {line}\n" for line in lines or ["pass"])
    exec(compile(source, f"<post_init {cls.__qualname__}>", "exec"), scope)
    post_init: Callable[[Model], None] = scope["__post_init__"]
    return post_init


def _required(cls: type, name: str) -> None:
    raise InvalidInputError(f"{cls.__name__}.{name} is required, got None")


def _not_one_of(cls: type, name: str, value: object, allowed: frozenset[object]) -> None:
    expected = ", ".join(sorted(map(repr, allowed)))
    raise InvalidInputError(f"{cls.__name__}.{name} must be one of {expected}, got {value!r}")


class KeepsRaw:
    """Mixin for a model whose JSON is kept whole in its ``raw`` field.

    The codec reads such a model as ``cls(raw=data)`` and writes ``raw`` back as it
    is, so no key is lost, known or not. Its other fields are read from ``raw``
    when not given, so ``Model(raw=data)`` equals what decoding ``data`` gives.
    """

    __slots__ = ()
    raw: dict[str, Any]

    def _check(self) -> None:
        from linebot_fp.codec import fill_from_raw

        fill_from_raw(self)


class Unknown(KeepsRaw):
    """Mixin for the member of a tagged family that stands for any tag nobody knows.

    Its ``raw`` field is the JSON object exactly as received (see :class:`KeepsRaw`);
    the fields it shares with the family (an event's ``timestamp`` and
    ``source``, ...) are read from it.
    """

    __slots__ = ()

    if TYPE_CHECKING:  # to type checkers, as to readers: the tag, like any member's
        type: ClassVar[str]
    else:

        @property
        def type(self) -> str:
            """The tag LINE sent, from ``raw``."""
            tag = self.raw.get("type") if isinstance(self.raw, dict) else None
            return tag if isinstance(tag, str) else ""


def check_count(owner: object, name: str, items: Sequence[object] | None,
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
    if value.__class__ is list:
        return tuple(value)
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError(
            f"{cls.__name__}.{name} takes a sequence, got {type(value).__name__}"
        )
    return tuple(value)


def strip_optional(hint: Any) -> tuple[Any, bool]:
    """``X | None`` -> ``(X, True)``; anything else -> ``(hint, False)``."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = typing.get_args(hint)
        if type(None) in args:
            rest = tuple(arg for arg in args if arg is not type(None))
            remainder: Any = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007
            return remainder, True
    return hint, False
